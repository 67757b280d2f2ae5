//! What the stats screen shows, computed from the stored aggregates: mastery per area, accuracy
//! per day, the activity calendar, the streak and the weakest areas. Only questions still in the
//! bank count; the day and time are passed in.

use crate::bank::{self, AREAS, QUESTIONS};
use crate::storage::Progress;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AreaStat {
    pub area: u8,
    /// Questions the area has, has been answered, and has mastered.
    pub total: u32,
    pub seen: u32,
    pub mastered: u32,
    /// Answers given to its questions, and how many were right.
    pub answers: u32,
    pub right: u32,
}

impl AreaStat {
    pub fn accuracy(&self) -> u32 {
        (self.right * 100).checked_div(self.answers).unwrap_or(0)
    }
}

/// One row per area that has questions, in bank order.
pub fn per_area(p: &Progress) -> Vec<AreaStat> {
    let mut rows: Vec<AreaStat> = (0..AREAS.len()).map(|a| AreaStat { area: a as u8, ..AreaStat::default() }).collect();
    for q in QUESTIONS.iter() {
        let row = &mut rows[usize::from(q.area)];
        row.total += 1;
        if let Some(m) = p.memory.get(q.id).filter(|m| m.seen > 0) {
            row.seen += 1;
            row.mastered += u32::from(m.mastered());
            row.answers += m.seen;
            row.right += m.right;
        }
    }
    rows.retain(|r| r.total > 0);
    rows
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub questions: u32,
    pub seen: u32,
    pub mastered: u32,
    pub due: u32,
}

/// Questions in the bank, seen, mastered, and due by `until` (ms).
pub fn totals(p: &Progress, until: f64) -> Totals {
    let mut t = Totals { questions: QUESTIONS.len() as u32, ..Totals::default() };
    for (id, m) in &p.memory {
        if bank::position(id).is_none() || m.seen == 0 {
            continue;
        }
        t.seen += 1;
        t.mastered += u32::from(m.mastered());
        t.due += u32::from(m.is_due(until));
    }
    t
}

/// Accuracy (whole percent) of each day with answers among the `span` days up to `today`.
pub fn accuracy(p: &Progress, today: i32, span: i32) -> Vec<(i32, u32)> {
    p.days.range(today - span + 1..=today).filter(|(_, d)| d.n > 0).map(|(&day, d)| (day, d.right * 100 / d.n)).collect()
}

/// Monday = 0 … Sunday = 6 of a day number (1970-01-01 was a Thursday).
pub fn weekday(day: i32) -> i32 {
    (day + 3).rem_euclid(7)
}

/// The activity calendar: answers per day for `weeks` whole weeks (Monday first) ending with the
/// week of `today`; days after today are left out.
pub fn calendar(p: &Progress, today: i32, weeks: i32) -> Vec<(i32, u32)> {
    let start = today - weekday(today) - 7 * (weeks - 1);
    (start..=today).map(|day| (day, p.days.get(&day).map_or(0, |d| d.n))).collect()
}

/// Days in a row with at least one answer, ending today (or yesterday, if today has none yet).
pub fn streak(p: &Progress, today: i32) -> u32 {
    let active = |d: i32| p.days.get(&d).is_some_and(|d| d.n > 0);
    let mut day = if active(today) { today } else { today - 1 };
    let mut n = 0;
    while active(day) {
        n += 1;
        day -= 1;
    }
    n
}

/// Up to `k` areas with the lowest accuracy among those with at least 3 answers and room to
/// improve, weakest first.
pub fn weakest(rows: &[AreaStat], k: usize) -> Vec<AreaStat> {
    let mut weak: Vec<AreaStat> = rows.iter().copied().filter(|r| r.answers >= 3 && r.right < r.answers).collect();
    weak.sort_by_key(|r| (r.accuracy(), std::cmp::Reverse(r.answers)));
    weak.truncate(k);
    weak
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Moment;

    const TODAY: i32 = 20_454; // Thursday 2026-01-01

    fn at(day: i32) -> Moment {
        Moment { ms: f64::from(day) * 86_400_000.0, day }
    }

    #[test]
    fn areas_count_seen_mastered_and_accuracy() {
        let mut p = Progress::default();
        let orm: Vec<&str> = QUESTIONS.iter().filter(|q| AREAS[usize::from(q.area)].id == "orm").map(|q| q.id).take(2).collect();
        p.learn(orm[0], 2, true, at(TODAY));
        p.learn(orm[0], 0, false, at(TODAY));
        p.learn(orm[1], 2, true, at(TODAY));
        p.learn("gone-from-the-bank", 2, true, at(TODAY));
        let rows = per_area(&p);
        assert_eq!(rows.len(), AREAS.len());
        let row = rows.iter().find(|r| AREAS[usize::from(r.area)].id == "orm").unwrap();
        assert_eq!((row.seen, row.answers, row.right, row.accuracy()), (2, 3, 2, 66));
        assert_eq!(rows.iter().map(|r| r.total).sum::<u32>(), QUESTIONS.len() as u32);
        let t = totals(&p, f64::MAX);
        assert_eq!((t.seen, t.mastered, t.due), (2, 0, 2), "ids gone from the bank are ignored");
        assert_eq!(weakest(&rows, 3).iter().map(|r| r.area).collect::<Vec<_>>(), vec![row.area]);
    }

    #[test]
    fn streak_and_calendar_follow_the_days() {
        let mut p = Progress::default();
        for day in [TODAY - 5, TODAY - 2, TODAY - 1] {
            p.learn("a", 2, true, at(day));
        }
        assert_eq!(streak(&p, TODAY), 2, "today has no answer yet: the streak runs to yesterday");
        p.learn("a", 0, false, at(TODAY));
        assert_eq!(streak(&p, TODAY), 3);
        assert_eq!(streak(&p, TODAY + 2), 0);
        let cal = calendar(&p, TODAY, 12);
        assert_eq!(weekday(cal[0].0), 0, "weeks start on Monday");
        assert_eq!(cal.last().unwrap().0, TODAY);
        assert_eq!(cal.len(), 7 * 11 + weekday(TODAY) as usize + 1);
        assert_eq!(cal.iter().map(|c| c.1).sum::<u32>(), 4);
        assert_eq!(weekday(TODAY), 3);
        assert_eq!(accuracy(&p, TODAY, 30), vec![(TODAY - 5, 100), (TODAY - 2, 100), (TODAY - 1, 100), (TODAY, 0)]);
        assert_eq!(accuracy(&p, TODAY, 3).len(), 3);
    }
}

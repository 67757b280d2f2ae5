//! Spaced repetition: each question's memory state, scheduled by FSRS (`rs-fsrs`). Every
//! answer is a review. Questions the app grades map to Again (wrong) or Good (right); cards use
//! the user's own rating. The clock is always passed in.

use chrono::{DateTime, TimeZone, Utc};
use rs_fsrs::{Card, Parameters, Rating, State, FSRS};

/// What the app remembers about one question. Stored as a JSON array (see `Stored`): there is
/// one per question ever answered, every answer rewrites them all, and field names would be
/// half of the bytes.
#[derive(Clone, Debug, Default, PartialEq)]
// Written and read by hand (`storage::encode`, `storage::decode`); serde's derives only check
// those in tests.
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(from = "Stored", into = "Stored"))]
pub struct Memory {
    /// When the question is next due, ms since the epoch.
    pub due: f64,
    /// The latest review, ms since the epoch.
    pub last: f64,
    /// FSRS stability (days) and difficulty, kept at f32 precision (ample for scheduling, and
    /// what is stored, so a record reads back exactly as it was).
    pub s: f32,
    pub d: f32,
    /// Days the latest review scheduled.
    pub days: i64,
    pub reps: u32,
    pub lapses: u32,
    /// FSRS state: 0 new, 1 learning, 2 review, 3 relearning.
    pub st: u8,
    /// Answers given, and how many were right.
    pub seen: u32,
    pub right: u32,
    /// Whether the latest answer was right.
    pub ok: bool,
}

/// `Memory` as stored: `[due ms, last ms, stability, difficulty, days, reps, lapses, state,
/// seen, right, ok]`. Times are whole milliseconds; stability and difficulty keep f32
/// precision, ample for scheduling and half as long to write. `storage::encode` and
/// `storage::decode` write and read this shape; the conversions below serve serde's derives,
/// which exist only in tests to check those two.
#[cfg(test)]
type Stored = (i64, i64, f32, f32, i64, u32, u32, u8, u32, u32, bool);

#[cfg(test)]
impl From<Stored> for Memory {
    fn from((due, last, s, d, days, reps, lapses, st, seen, right, ok): Stored) -> Memory {
        // Whole milliseconds, well within f64's exact integers.
        Memory { due: due as f64, last: last as f64, s, d, days, reps, lapses, st, seen, right, ok }
    }
}

#[cfg(test)]
impl From<Memory> for Stored {
    fn from(m: Memory) -> Stored {
        (m.due as i64, m.last as i64, m.s, m.d, m.days, m.reps, m.lapses, m.st, m.seen, m.right, m.ok)
    }
}

/// Index into `session::RATINGS` (Again, Hard, Good, Easy).
pub type Grade = u8;
pub const AGAIN: Grade = 0;
pub const GOOD: Grade = 2;

/// The review grade of an answer: the user's rating for a card, otherwise right or wrong.
pub fn grade(correct: bool, rating: Option<Grade>) -> Grade {
    match rating {
        Some(r) => r.min(3),
        None if correct => GOOD,
        None => AGAIN,
    }
}

/// A stability this long (days) counts as mastered: FSRS expects to remember it for weeks.
pub const MASTERED_DAYS: f64 = 21.0;

fn time(ms: f64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms as i64).single().unwrap_or_default()
}

fn ms(t: DateTime<Utc>) -> f64 {
    t.timestamp_millis() as f64
}

impl Memory {
    pub fn mastered(&self) -> bool {
        self.st == 2 && f64::from(self.s) >= MASTERED_DAYS
    }

    pub fn is_due(&self, until: f64) -> bool {
        self.seen > 0 && self.due <= until
    }

    fn card(&self) -> Card {
        Card {
            due: time(self.due),
            stability: f64::from(self.s),
            difficulty: f64::from(self.d),
            elapsed_days: 0,
            scheduled_days: self.days,
            reps: self.reps as i32,
            lapses: self.lapses as i32,
            state: match self.st {
                1 => State::Learning,
                2 => State::Review,
                3 => State::Relearning,
                _ => State::New,
            },
            last_review: time(self.last),
        }
    }

    /// This memory after one more answer at `now` (ms).
    pub fn review(&self, grade: Grade, correct: bool, now: f64) -> Memory {
        let rating = match grade {
            0 => Rating::Again,
            1 => Rating::Hard,
            2 => Rating::Good,
            _ => Rating::Easy,
        };
        // No fuzz: the same answers on the same days give the same schedule. No short-term
        // steps: a quiz is not a same-day drill, so the shortest interval is a day.
        let fsrs = FSRS::new(Parameters { enable_fuzz: false, enable_short_term: false, ..Parameters::default() });
        let card = fsrs.next(self.card(), time(now), rating).card;
        Memory {
            due: ms(card.due),
            last: now.floor(),
            s: card.stability as f32,
            d: card.difficulty as f32,
            days: card.scheduled_days,
            reps: card.reps.max(0) as u32,
            lapses: card.lapses.max(0) as u32,
            st: card.state as u8,
            seen: self.seen + 1,
            right: self.right + u32::from(correct),
            ok: correct,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = 86_400_000.0;
    const T0: f64 = 1_767_225_600_000.0; // 2026-01-01T00:00:00Z

    #[test]
    fn answers_map_to_grades() {
        assert_eq!(grade(true, None), GOOD);
        assert_eq!(grade(false, None), AGAIN);
        assert_eq!(grade(false, Some(3)), 3, "a card's own rating wins");
        assert_eq!(grade(true, Some(9)), 3);
    }

    #[test]
    fn a_wrong_answer_comes_back_soon_and_a_known_one_moves_weeks_out() {
        let wrong = Memory::default().review(AGAIN, false, T0);
        assert_eq!(wrong.due - T0, DAY, "again: back the next day");
        assert_eq!((wrong.seen, wrong.right, wrong.ok), (1, 0, false));

        // Right three times, on the days it falls due.
        let mut m = Memory::default();
        let mut now = T0;
        for _ in 0..3 {
            m = m.review(GOOD, true, now);
            now = m.due.max(now + DAY);
        }
        assert!(m.due - m.last >= 14.0 * DAY, "known well: weeks out, got {} days", (m.due - m.last) / DAY);
        assert_eq!((m.seen, m.right), (3, 3));
        // Forgetting it brings it back within days, far sooner than before.
        let lapse = m.review(AGAIN, false, m.due);
        assert!(lapse.due - lapse.last <= 7.0 * DAY && lapse.due - lapse.last < (m.due - m.last) / 2.0);
        assert_eq!(lapse.lapses, m.lapses + 1);
    }

    #[test]
    fn easy_is_further_than_good_and_scheduling_is_deterministic() {
        let good = Memory::default().review(GOOD, true, T0);
        let easy = Memory::default().review(3, true, T0);
        assert!(easy.due > good.due);
        assert_eq!(good, Memory::default().review(GOOD, true, T0));
        assert!(easy.is_due(easy.due) && !easy.is_due(easy.due - 1.0));
        assert!(!Memory::default().is_due(f64::MAX), "never answered is never due");
    }

    #[test]
    fn mastery_needs_weeks_of_stability() {
        let mut m = Memory::default();
        let mut now = T0;
        for _ in 0..6 {
            m = m.review(GOOD, true, now);
            now = m.due.max(now + DAY);
        }
        assert!(m.mastered(), "stability {}", m.s);
        assert!(!Memory::default().review(GOOD, true, T0).mastered());
    }
}

//! The stored document, version 2: aggregates that stay small however long someone studies
//! (one memory state per question, one counter pair per day), a capped recent history, the
//! quiz in progress and bookmarks. Question ids, never positions, so a bank that drops or
//! renames a question leaves the data valid: unknown ids are kept and ignored.
//!
//! Written by `encode` and read back by `decode`, both by hand: serde's derives are compiled
//! only in tests, to check those two against them.

use std::collections::BTreeMap;

use crate::session::{Saved, Session};
use crate::srs::{Grade, Memory};

pub const VERSION: u32 = 2;
/// Finished quizzes kept in the history.
pub const MAX_HISTORY: usize = 50;
/// Answers kept across the history: older quizzes are dropped past this (the per-question and
/// per-day aggregates keep what they taught).
pub const MAX_HISTORY_ANSWERS: usize = 500;

/// One finished quiz.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct QuizRecord {
    /// When it was finished, ms since the epoch.
    #[cfg_attr(test, serde(deserialize_with = "crate::storage::decode::serde_time"))]
    pub at: f64,
    /// The quiz's link query (see `route::encode_spec`).
    pub quiz: String,
    pub seconds: u32,
    pub answers: Vec<AnswerRecord>,
    /// An exam handed in by its timer rather than by the user.
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_false"))]
    pub timed_out: bool,
}

#[cfg(test)]
fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct AnswerRecord {
    /// Question id: stable across versions of the bank, unlike positions.
    pub id: String,
    /// Bank indices of the picked choices (of the ticked key points, for a flashcard).
    pub picked: Vec<u8>,
    pub correct: bool,
    /// A card's self-rating (an index of `session::RATINGS`).
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub rating: Option<u8>,
}

impl QuizRecord {
    pub fn right(&self) -> usize {
        self.answers.iter().filter(|a| a.correct).count()
    }
}

/// A quiz in progress, so a reload or a closed tab resumes it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct SavedQuiz {
    pub quiz: String,
    #[cfg_attr(test, serde(deserialize_with = "crate::storage::decode::serde_time"))]
    pub started_at: f64,
    pub answers: Vec<Option<Vec<u8>>>,
    #[cfg_attr(test, serde(default))]
    pub ratings: Vec<Option<u8>>,
    /// Exam questions marked for review (empty outside exams).
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub marked: Vec<bool>,
    /// The question on screen (exams resume there; other modes at the first unanswered).
    #[cfg_attr(test, serde(default))]
    pub pos: usize,
}

impl SavedQuiz {
    pub fn new(quiz: String, s: Saved) -> SavedQuiz {
        SavedQuiz { quiz, started_at: s.started_at, answers: s.answers, ratings: s.ratings, marked: s.marked, pos: s.pos }
    }

    pub fn state(self) -> Saved {
        Saved { answers: self.answers, ratings: self.ratings, marked: self.marked, pos: self.pos, started_at: self.started_at }
    }
}

/// Answers given on one day (the user's local calendar day). Stored as `[n, right]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(from = "(u32, u32)", into = "(u32, u32)"))]
pub struct Day {
    pub n: u32,
    pub right: u32,
}

// For serde's derives, which exist only in tests (`encode` and `decode` write and read `Day`).
#[cfg(test)]
impl From<(u32, u32)> for Day {
    fn from((n, right): (u32, u32)) -> Day {
        Day { n, right }
    }
}

#[cfg(test)]
impl From<Day> for (u32, u32) {
    fn from(d: Day) -> (u32, u32) {
        (d.n, d.right)
    }
}

/// A point in time as the logic needs it: ms since the epoch and the local day number (days
/// since 1970-01-01 in the user's time zone). Passed in, never read from a clock here.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moment {
    pub ms: f64,
    pub day: i32,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Progress {
    pub history: Vec<QuizRecord>,
    pub current: Option<SavedQuiz>,
    /// Ids of bookmarked questions, oldest first.
    #[cfg_attr(test, serde(skip_serializing_if = "Vec::is_empty"))]
    pub bookmarks: Vec<String>,
    /// Spaced-repetition state per question id.
    pub memory: BTreeMap<String, Memory>,
    /// Answers per local day number.
    pub days: BTreeMap<i32, Day>,
}

impl Progress {
    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.bookmarks.iter().any(|b| b == id)
    }

    pub fn toggle_bookmark(&mut self, id: &str) {
        match self.bookmarks.iter().position(|b| b == id) {
            Some(i) => {
                self.bookmarks.remove(i);
            }
            None => self.bookmarks.push(id.to_owned()),
        }
    }

    /// One answer: updates the question's memory and the day's counts.
    pub fn learn(&mut self, id: &str, grade: Grade, correct: bool, at: Moment) {
        let next = self.memory.get(id).cloned().unwrap_or_default().review(grade, correct, at.ms);
        self.memory.insert(id.to_owned(), next);
        let day = self.days.entry(at.day).or_default();
        day.n += 1;
        day.right += u32::from(correct);
    }

    /// Records a finished quiz. Its answers were learnt one by one as they were given (an exam's
    /// at hand-in, see `Session::reviews`).
    pub fn record(&mut self, session: &Session, now: f64, timed_out: bool) {
        let answers = session
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| AnswerRecord {
                id: item.question().id.to_owned(),
                picked: session.answers[i].clone().unwrap_or_default(),
                correct: session.is_right(i) == Some(true),
                rating: session.ratings.get(i).copied().flatten(),
            })
            .collect();
        let seconds = session.seconds_taken(now);
        self.history.push(QuizRecord { at: now, quiz: crate::route::encode_spec(&session.spec), seconds, answers, timed_out });
        self.cap_history();
        self.current = None;
    }

    /// A timed exam whose time ran out while the app was closed is handed in as it stood, at
    /// its deadline (its answers learned on the deadline's day), never offered to continue.
    /// Returns whether it was.
    pub fn hand_in_expired(&mut self, now: f64, moment_at: impl Fn(f64) -> Moment) -> bool {
        if !self.exam_ran_out(now) {
            return false;
        }
        let Some(saved) = self.current.clone() else { return false };
        let Ok(spec) = crate::route::parse_spec(&saved.quiz) else { return false };
        let Some(mut session) = Session::restore(spec, saved.state()) else { return false };
        let Some(deadline) = session.deadline() else { return false };
        if now < deadline || !session.expire(deadline) {
            return false;
        }
        let at = moment_at(deadline);
        for i in 0..session.items.len() {
            if let Some((id, grade, right)) = session.review(i) {
                self.learn(id, grade, right, at);
            }
        }
        self.record(&session, deadline, true);
        true
    }

    /// Whether the quiz in progress is a timed exam whose time is up at `now`: a cheap test,
    /// made on every start, before `hand_in_expired` restores the quiz.
    pub fn exam_ran_out(&self, now: f64) -> bool {
        self.current.as_ref().is_some_and(|c| {
            crate::route::parse_spec(&c.quiz).ok().and_then(|spec| crate::session::deadline(spec.mode, c.started_at)).is_some_and(|d| now >= d)
        })
    }

    /// How many of the newest quizzes fit both caps (always the latest one).
    fn history_kept(&self) -> usize {
        let mut answers = 0;
        let mut keep = 0;
        for r in self.history.iter().rev() {
            answers += r.answers.len();
            if keep > 0 && (keep == MAX_HISTORY || answers > MAX_HISTORY_ANSWERS) {
                break;
            }
            keep += 1;
        }
        keep
    }

    /// How many of the oldest quizzes `cap_history` would leave out of the history.
    pub fn history_over_cap(&self) -> usize {
        self.history.len() - self.history_kept()
    }

    /// Keeps the newest quizzes within both caps. The one rule for every path that adds to the
    /// history: finishing a quiz, a merge, and a replace by an imported file (`imported`). The
    /// per-question and per-day aggregates keep what the left-out quizzes taught.
    pub fn cap_history(&mut self) {
        let drop = self.history_over_cap();
        self.history.drain(..drop);
    }

    /// A file's progress as it replaces the stored one: within the same caps as the rest.
    pub fn imported(mut self) -> Progress {
        self.cap_history();
        self
    }

    /// Ids whose latest answer was wrong, most recently answered first.
    pub fn mistakes(&self) -> Vec<&str> {
        // Newest first: ascending order of the negated time.
        by_time(self.memory.iter().filter(|(_, m)| m.seen > 0 && !m.ok).map(|(id, m)| (id.as_str(), -m.last)).collect())
    }

    /// Whether a question was ever answered.
    pub fn has_seen(&self, id: &str) -> bool {
        self.memory.get(id).is_some_and(|m| m.seen > 0)
    }

    /// Ids of the questions due for review by `until` (ms), most overdue first.
    pub fn due(&self, until: f64) -> Vec<&str> {
        by_time(self.memory.iter().filter(|(_, m)| m.is_due(until)).map(|(id, m)| (id.as_str(), m.due)).collect())
    }

    /// Takes in another record of progress (an import, or what another tab saved). Nothing is
    /// counted twice however often the same data is merged: quizzes are matched by time and
    /// link, a question keeps its most recent memory, a day keeps its larger counts.
    pub fn merge(&mut self, other: Progress) {
        self.add_history(other.history);
        self.cap_history();
        for (id, m) in other.memory {
            match self.memory.get(&id) {
                Some(mine) if mine.last >= m.last => {}
                _ => {
                    self.memory.insert(id, m);
                }
            }
        }
        for (day, d) in other.days {
            let mine = self.days.entry(day).or_default();
            if d.n > mine.n {
                *mine = d;
            }
        }
        for b in other.bookmarks {
            if !self.is_bookmarked(&b) {
                self.bookmarks.push(b);
            }
        }
        if self.current.is_none() {
            self.current = other.current;
        }
    }

    /// Other quizzes into the history, each once (matched by time and link), in time order.
    fn add_history(&mut self, other: Vec<QuizRecord>) {
        for r in other {
            if !self.history.iter().any(|h| h.at == r.at && h.quiz == r.quiz) {
                self.history.push(r);
            }
        }
        self.history.sort_by(|a, b| a.at.total_cmp(&b.at));
    }

    /// How many quizzes merging `other` would leave out of the history (`cap_history`).
    pub fn merge_over_cap(&self, other: &Progress) -> usize {
        let mut all = Progress { history: self.history.clone(), ..Progress::default() };
        all.add_history(other.history.clone());
        all.history_over_cap()
    }

    /// Counts shown when importing, to preview what a merge or a replace would change.
    pub fn summary(&self) -> Summary {
        Summary {
            quizzes: self.history.len(),
            answers: self.days.values().map(|d| d.n as usize).sum(),
            questions: self.memory.values().filter(|m| m.seen > 0).count(),
            // Only bookmarks of questions this version has: an id of none (a hand-edited file,
            // a question gone) is kept in the data but is not a bookmark anyone can see.
            bookmarks: self.bookmarks.iter().filter(|id| crate::bank::position(id).is_some()).count(),
        }
    }

    /// The stored document: the version travels with the data.
    pub fn to_json(&self) -> String {
        self.to_json_with(&self.history_json())
    }

    /// A key that changes whenever the history does (it changes only when a quiz is recorded,
    /// merged or replaced): the stamp of each record and its length.
    pub fn history_key(&self) -> u64 {
        self.history
            .iter()
            .fold(self.history.len() as u64, |h, r| (h ^ r.at.to_bits() ^ (r.answers.len() as u64).rotate_left(48)).wrapping_mul(0x0100_0000_01b3))
    }

    /// The history alone as JSON, for `to_json_with`.
    pub fn history_json(&self) -> String {
        super::encode::history(self)
    }

    /// The same document as `to_json`, with the history given already encoded: a save after an
    /// answer re-encodes only what an answer changes (the history is half the document).
    pub fn to_json_with(&self, history_json: &str) -> String {
        super::encode::document(VERSION, self, history_json)
    }
}

/// Ids in ascending order of their time, ties in map order. One function for every such list,
/// so one sort ships.
fn by_time(mut v: Vec<(&str, f64)>) -> Vec<&str> {
    v.sort_by(|a, b| a.1.total_cmp(&b.1));
    v.into_iter().map(|(id, _)| id).collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub quizzes: usize,
    pub answers: usize,
    pub questions: usize,
    pub bookmarks: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Filters, QuizSpec};

    const AT: Moment = Moment { ms: 1_767_225_600_000.0, day: 20_454 };

    fn at(minutes: f64) -> Moment {
        Moment { ms: AT.ms + minutes * 60_000.0, day: AT.day + (minutes / 1440.0) as i32 }
    }

    #[test]
    fn an_exam_that_ran_out_while_closed_is_handed_in_at_its_deadline() {
        use crate::quiz::Mode;
        let spec =
            QuizSpec { mode: Mode::Exam { minutes: Some(1) }, filters: Filters { count: Some(3), ..Filters::default() }, seed: 5, ..QuizSpec::default() };
        let session = Session::new(spec.clone(), AT.ms);
        let mut p = Progress { current: Some(SavedQuiz::new(crate::route::encode_spec(&spec), session.saved())), ..Progress::default() };
        // Still running half a minute in: left as it is, to continue.
        assert!(!p.exam_ran_out(AT.ms + 30_000.0) && p.exam_ran_out(AT.ms + 60_000.0));
        assert!(!p.hand_in_expired(AT.ms + 30_000.0, |ms| Moment { ms, day: AT.day }));
        assert!(p.current.is_some());
        // Reopened ten minutes later: handed in, timed out, having taken its one minute.
        assert!(p.hand_in_expired(AT.ms + 600_000.0, |ms| Moment { ms, day: AT.day }));
        assert_eq!(p.current, None);
        let r = p.history.last().unwrap();
        assert_eq!((r.at, r.seconds, r.timed_out, r.answers.len()), (AT.ms + 60_000.0, 60, true, 3));
        // Blank answers are wrong ones: the schedule has them.
        assert_eq!(p.memory.len(), 3);
        assert!(!p.hand_in_expired(AT.ms + 600_000.0, |ms| Moment { ms, day: AT.day }), "only once");
    }

    #[test]
    fn the_preview_counts_only_bookmarks_of_questions_in_the_bank() {
        let real = crate::bank::QUESTIONS[0].id.to_owned();
        let p = Progress { bookmarks: vec![real, "not-a-question".into()], ..Progress::default() };
        assert_eq!(p.summary().bookmarks, 1);
    }

    #[test]
    fn every_path_keeps_the_history_within_the_same_caps() {
        let quiz = |at: f64| QuizRecord { at, quiz: format!("seed={at}"), seconds: 1, answers: vec![], timed_out: false };
        let big = Progress { history: (0..120).map(|i| quiz(f64::from(i))).collect(), ..Progress::default() };
        assert_eq!(big.history_over_cap(), 120 - MAX_HISTORY);
        // Replace: the file's 120 quizzes become the newest 50, like a merge's and a finish's.
        let replaced = big.clone().imported();
        assert_eq!(replaced.history.len(), MAX_HISTORY);
        assert_eq!(replaced.history.first().map(|r| r.at), Some(70.0));
        let mut merged = Progress::default();
        assert_eq!(merged.merge_over_cap(&big), 70);
        merged.merge(big);
        assert_eq!(merged.history, replaced.history);
        assert_eq!(merged.history_over_cap(), 0);
    }

    #[test]
    fn round_trip_through_json() {
        let mut p = Progress::default();
        p.learn("orm-x", 2, true, AT);
        p.toggle_bookmark("views-y");
        p.history.push(QuizRecord { at: 1.0, quiz: "n=5&seed=1".into(), seconds: 3, answers: vec![], timed_out: true });
        assert_eq!(super::super::decode(&p.to_json()).unwrap().progress, p);
    }

    #[test]
    fn the_document_with_a_pre_encoded_history_is_the_same_document() {
        let mut p = Progress::default();
        assert_eq!(p.to_json_with(&p.history_json()), p.to_json());
        p.learn("orm-x", 2, true, AT);
        let key = p.history_key();
        p.record(&session(3), 5.0, true);
        assert_ne!(p.history_key(), key, "a recorded quiz changes the key");
        assert_eq!(p.to_json_with(&p.history_json()), p.to_json());
        p.toggle_bookmark("views-y");
        p.current = Some(SavedQuiz::new("n=2&seed=1".into(), crate::session::Saved::default()));
        assert_eq!(p.to_json_with(&p.history_json()), p.to_json());
    }

    #[test]
    fn mistakes_and_seen_follow_the_latest_answer() {
        let mut p = Progress::default();
        p.learn("a", 0, false, at(0.0));
        p.learn("b", 0, false, at(1.0));
        p.learn("c", 2, true, at(2.0));
        p.learn("a", 2, true, at(3.0));
        p.learn("d", 0, false, at(4.0));
        assert_eq!(p.mistakes(), vec!["d", "b"]);
        assert!(p.has_seen("c") && !p.has_seen("e"));
        assert_eq!((p.days[&AT.day].n, p.days[&AT.day].right), (5, 2));
    }

    #[test]
    fn wrong_answers_fall_due_first() {
        let mut p = Progress::default();
        p.learn("known", 3, true, at(0.0));
        p.learn("missed", 0, false, at(0.0));
        assert!(p.due(at(30.0).ms).is_empty(), "nothing comes back the same day");
        assert_eq!(p.due(at(1440.0).ms), vec!["missed"]);
        assert_eq!(p.due(at(1440.0 * 60.0).ms), vec!["missed", "known"]);
    }

    #[test]
    fn bookmarks_toggle() {
        let mut p = Progress::default();
        p.toggle_bookmark("a");
        p.toggle_bookmark("b");
        p.toggle_bookmark("a");
        assert_eq!(p.bookmarks, vec!["b"]);
        assert!(p.is_bookmarked("b") && !p.is_bookmarked("a"));
    }

    fn session(n: u16) -> Session {
        Session::new(QuizSpec { filters: Filters { count: Some(n), ..Filters::default() }, seed: 1, ..QuizSpec::default() }, 0.0)
    }

    #[test]
    fn history_is_capped_by_quizzes_and_answers() {
        let mut p = Progress::default();
        let s = session(2);
        for i in 0..(MAX_HISTORY + 5) {
            p.record(&s, i as f64 * 1000.0, false);
        }
        assert_eq!(p.history.len(), MAX_HISTORY);
        assert_eq!(p.history[0].at, 5000.0);
        assert_eq!(p.history[0].seconds, 5);
        let big = session(50);
        for i in 0..30 {
            p.record(&big, i as f64, false);
        }
        assert_eq!(p.history.len(), MAX_HISTORY_ANSWERS / 50);
        let one = Session::new(QuizSpec { filters: Filters { count: None, ..Filters::default() }, seed: 1, ..QuizSpec::default() }, 0.0);
        assert!(one.items.len() > MAX_HISTORY_ANSWERS / 4);
        p.record(&one, 9.0, false);
        assert!(!p.history.is_empty(), "the latest quiz is always kept");
    }

    #[test]
    fn ten_thousand_answers_stay_under_300_kb() {
        let mut p = Progress::default();
        let s = session(50);
        let ids: Vec<&str> = crate::bank::QUESTIONS.iter().map(|q| q.id).collect();
        let mut n = 0usize;
        for quiz in 0..200 {
            let day = at(f64::from(quiz) * 720.0);
            for k in 0..50 {
                let id = ids[(quiz as usize * 50 + k) % ids.len()];
                p.learn(id, if k % 3 == 0 { 0 } else { 2 }, k % 3 != 0, day);
                n += 1;
            }
            p.record(&s, day.ms, false);
        }
        assert_eq!(n, 10_000);
        let bytes = p.to_json().len();
        eprintln!("stored document after 10,000 answers: {bytes} bytes");
        assert!(bytes < 300 * 1024, "{bytes} bytes after 10,000 answers");
        assert_eq!(p.days.values().map(|d| d.n).sum::<u32>(), 10_000);
    }

    #[test]
    fn merge_keeps_both_and_counts_nothing_twice() {
        let mut a = Progress::default();
        a.learn("orm-1", 2, true, at(0.0));
        a.learn("views-2", 0, false, at(1.0));
        a.toggle_bookmark("orm-1");
        a.history.push(QuizRecord { at: 10.0, quiz: "seed=1".into(), seconds: 1, answers: vec![], timed_out: false });
        let mut b = Progress::default();
        b.learn("views-2", 2, true, at(5.0));
        b.learn("forms-3", 2, true, at(2.0 * 1440.0));
        b.toggle_bookmark("forms-3");
        b.history.push(QuizRecord { at: 20.0, quiz: "seed=2".into(), seconds: 1, answers: vec![], timed_out: false });

        let mut m = a.clone();
        m.merge(b.clone());
        assert_eq!(m.memory.len(), 3);
        assert!(m.memory["views-2"].ok, "the later answer wins");
        assert_eq!(m.bookmarks, vec!["orm-1", "forms-3"]);
        assert_eq!(m.history.iter().map(|h| h.at).collect::<Vec<_>>(), vec![10.0, 20.0]);
        let twice = {
            let mut t = m.clone();
            t.merge(b.clone());
            t.merge(a.clone());
            t
        };
        assert_eq!(twice, m, "merging the same data again changes nothing");
        // These ids name no question of the bank, so the preview counts none of the bookmarks.
        assert_eq!(m.summary(), Summary { quizzes: 2, answers: 3, questions: 3, bookmarks: 0 });
    }

    #[test]
    fn ids_gone_from_the_bank_are_kept() {
        let mut p = Progress::default();
        p.learn("a-question-that-was-removed", 0, false, AT);
        let back = super::super::decode(&p.to_json()).unwrap().progress;
        assert!(back.memory.contains_key("a-question-that-was-removed"));
        assert_eq!(back.mistakes(), vec!["a-question-that-was-removed"]);
    }
}

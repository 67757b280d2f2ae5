//! The state machine of a quiz being taken: select, check, next, finish. Plain data, so the
//! rules are tested natively and the quiz screen only renders it.

use crate::model::Kind;
use crate::quiz::{self, Item, QuizSpec, Score};

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub spec: QuizSpec,
    pub items: Vec<Item>,
    /// What was picked for each question (bank choice indices), once checked.
    pub answers: Vec<Option<Vec<u8>>>,
    /// The question being shown; `items.len()` once the quiz is over.
    pub pos: usize,
    /// The current, not yet checked, selection.
    pub selection: Vec<u8>,
    /// When the quiz started, in ms since the epoch.
    pub started_at: f64,
    /// Self-ratings of flashcards (see [`RATINGS`]); `None` for other kinds.
    pub ratings: Vec<Option<u8>>,
    /// Whether the current flashcard's key points are shown.
    pub revealed: bool,
}

/// How well a flashcard was answered, as in spaced-repetition apps; the first counts as wrong.
pub const RATINGS: [&str; 4] = ["Again", "Hard", "Good", "Easy"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Answering,
    /// The current question is checked and its feedback is shown.
    Feedback,
    Finished,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckError {
    NothingSelected,
    NotAnswering,
}

impl Session {
    pub fn new(spec: QuizSpec, now: f64) -> Session {
        let items = quiz::build(&spec);
        let answers = vec![None; items.len()];
        let ratings = vec![None; items.len()];
        Session { spec, items, answers, pos: 0, selection: Vec::new(), started_at: now, ratings, revealed: false }
    }

    /// Rebuilds a session from saved answers; `None` if they do not fit the quiz any more.
    pub fn restore(
        spec: QuizSpec,
        answers: Vec<Option<Vec<u8>>>,
        ratings: Vec<Option<u8>>,
        started_at: f64,
    ) -> Option<Session> {
        let mut s = Session::new(spec, started_at);
        if answers.len() != s.items.len() || !(ratings.is_empty() || ratings.len() == s.items.len()) {
            return None;
        }
        for (i, (item, a)) in s.items.iter().zip(&answers).enumerate() {
            let q = item.question();
            let n = if q.kind == Kind::Flashcard { q.points.len() } else { q.choices.len() };
            if a.as_ref().is_some_and(|a| a.iter().any(|&c| usize::from(c) >= n)) {
                return None;
            }
            // A checked flashcard needs its rating; older saves without ratings cannot resume one.
            let rated = ratings.get(i).copied().flatten().is_some_and(|r| usize::from(r) < RATINGS.len());
            if q.kind == Kind::Flashcard && a.is_some() && !rated {
                return None;
            }
        }
        if !ratings.is_empty() {
            s.ratings = ratings;
        }
        // Resume at the first unanswered question; with all answered, at the last one's
        // feedback, so the user still sees it and finishes the quiz themselves.
        s.pos = answers.iter().position(Option::is_none).unwrap_or(answers.len().saturating_sub(1));
        s.answers = answers;
        Some(s)
    }

    pub fn phase(&self) -> Phase {
        match self.answers.get(self.pos) {
            None => Phase::Finished,
            Some(None) => Phase::Answering,
            Some(Some(_)) => Phase::Feedback,
        }
    }

    pub fn current(&self) -> Option<&Item> {
        self.items.get(self.pos)
    }

    fn on_flashcard(&self) -> bool {
        self.current().is_some_and(|it| it.question().kind == Kind::Flashcard)
    }

    /// Shows the current flashcard's key points.
    pub fn reveal(&mut self) {
        if self.on_flashcard() && self.phase() == Phase::Answering {
            self.revealed = true;
        }
    }

    /// Records a flashcard's self-rating (an index of [`RATINGS`]) with the points ticked.
    pub fn rate(&mut self, rating: u8) -> Result<bool, CheckError> {
        if !self.on_flashcard() || !self.revealed || self.phase() != Phase::Answering || usize::from(rating) >= RATINGS.len() {
            return Err(CheckError::NotAnswering);
        }
        let mut ticked = std::mem::take(&mut self.selection);
        ticked.sort_unstable();
        self.answers[self.pos] = Some(ticked);
        self.ratings[self.pos] = Some(rating);
        self.revealed = false;
        Ok(rating > 0)
    }

    /// Picks or unpicks a choice (a bank index), or ticks a revealed flashcard's key point.
    /// Single-answer kinds keep one pick.
    pub fn toggle(&mut self, choice: u8) {
        let Some(item) = self.current() else { return };
        if self.phase() != Phase::Answering {
            return;
        }
        if item.question().kind == Kind::Flashcard {
            if self.revealed && usize::from(choice) < item.question().points.len() {
                match self.selection.iter().position(|&c| c == choice) {
                    Some(i) => {
                        self.selection.remove(i);
                    }
                    None => self.selection.push(choice),
                }
            }
            return;
        }
        if !item.order.contains(&choice) {
            return;
        }
        if item.question().kind == Kind::Multiple {
            if let Some(i) = self.selection.iter().position(|&c| c == choice) {
                self.selection.remove(i);
            } else {
                self.selection.push(choice);
            }
        } else {
            self.selection = vec![choice];
        }
    }

    /// Locks in the selection; returns whether it was right.
    pub fn check(&mut self) -> Result<bool, CheckError> {
        if self.phase() != Phase::Answering || self.on_flashcard() {
            return Err(CheckError::NotAnswering);
        }
        if self.selection.is_empty() {
            return Err(CheckError::NothingSelected);
        }
        let mut picked = std::mem::take(&mut self.selection);
        picked.sort_unstable();
        let right = self.current().is_some_and(|it| quiz::is_correct(it.question(), &picked));
        self.answers[self.pos] = Some(picked);
        Ok(right)
    }

    /// "I don't know": reveals the answer and counts as wrong (an empty pick).
    pub fn dont_know(&mut self) -> Result<(), CheckError> {
        if self.phase() != Phase::Answering || self.on_flashcard() {
            return Err(CheckError::NotAnswering);
        }
        self.selection.clear();
        self.answers[self.pos] = Some(Vec::new());
        Ok(())
    }

    /// Picks or unpicks the choice shown at position `k` (0-based), as the keys 1–9 do.
    pub fn toggle_shown(&mut self, k: usize) {
        if self.on_flashcard() {
            // Key points are shown in bank order.
            if let Ok(k) = u8::try_from(k) {
                self.toggle(k);
            }
        } else if let Some(&c) = self.current().and_then(|it| it.order.get(k)) {
            self.toggle(c);
        }
    }

    /// Moves on after feedback. Does nothing while answering.
    pub fn next(&mut self) {
        if self.phase() == Phase::Feedback {
            self.pos += 1;
            self.selection.clear();
            self.revealed = false;
        }
    }

    pub fn is_right(&self, index: usize) -> Option<bool> {
        let picked = self.answers.get(index)?.as_ref()?;
        let q = self.items[index].question();
        if q.kind == Kind::Flashcard {
            // Self-graded: anything but "Again" counts as known.
            return Some(self.ratings.get(index).copied().flatten().is_some_and(|r| r > 0));
        }
        Some(quiz::is_correct(q, picked))
    }

    pub fn score(&self) -> Score {
        let right = (0..self.items.len()).filter(|&i| self.is_right(i) == Some(true)).count();
        Score { right: right as u32, total: self.items.len() as u32 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Filters;

    fn session(n: u16) -> Session {
        Session::new(QuizSpec { filters: Filters { count: Some(n), ..Filters::default() }, only: Vec::new(), seed: 21 }, 1000.0)
    }

    fn wrong_choice(s: &Session) -> u8 {
        let q = s.current().unwrap().question();
        (0..q.choices.len() as u8).find(|c| !q.answer.contains(c)).unwrap()
    }

    #[test]
    fn a_full_run_scores_right_and_wrong() {
        let mut s = session(6);
        for k in 0..6 {
            assert_eq!(s.phase(), Phase::Answering);
            assert_eq!(s.check(), Err(CheckError::NothingSelected));
            let q = s.current().unwrap().question();
            if k % 2 == 0 {
                for &c in q.answer {
                    s.toggle(c);
                }
                assert_eq!(s.check(), Ok(true));
            } else {
                let w = wrong_choice(&s);
                s.toggle(w);
                assert_eq!(s.check(), Ok(false));
            }
            assert_eq!(s.phase(), Phase::Feedback);
            s.toggle(0); // ignored after checking
            assert_eq!(s.check(), Err(CheckError::NotAnswering));
            s.next();
        }
        assert_eq!(s.phase(), Phase::Finished);
        assert_eq!(s.score(), Score { right: 3, total: 6 });
    }

    #[test]
    fn single_choice_keeps_one_pick_and_multiple_toggles() {
        let mut s = Session::new(QuizSpec { filters: Filters::default(), only: Vec::new(), seed: 2 }, 0.0);
        s.items.retain(|it| it.question().kind == Kind::Single);
        s.answers.truncate(s.items.len());
        let order = s.items[0].order.clone();
        s.toggle(order[0]);
        s.toggle(order[1]);
        assert_eq!(s.selection, vec![order[1]]);

        let mut m = Session::new(QuizSpec { filters: Filters::default(), only: Vec::new(), seed: 2 }, 0.0);
        m.items.retain(|it| it.question().kind == Kind::Multiple);
        let order = m.items[0].order.clone();
        m.toggle(order[0]);
        m.toggle(order[1]);
        m.toggle(order[0]);
        assert_eq!(m.selection, vec![order[1]]);
        m.toggle(200); // not a choice of this question
        assert_eq!(m.selection, vec![order[1]]);
    }

    #[test]
    fn dont_know_reveals_and_counts_as_wrong() {
        let mut s = session(2);
        let c = s.current().unwrap().order[0];
        s.toggle(c);
        assert_eq!(s.dont_know(), Ok(()));
        assert_eq!(s.phase(), Phase::Feedback);
        assert_eq!(s.is_right(0), Some(false));
        assert_eq!(s.dont_know(), Err(CheckError::NotAnswering));
        s.next();
        s.toggle_shown(0);
        assert_eq!(s.selection, vec![s.current().unwrap().order[0]]);
        s.toggle_shown(42); // no such choice: nothing happens
        assert_eq!(s.selection.len(), 1);
    }

    fn cards() -> Session {
        let filters = Filters { kinds: vec![Kind::Flashcard], count: Some(3), ..Filters::default() };
        Session::new(QuizSpec { filters, only: Vec::new(), seed: 5 }, 0.0)
    }

    #[test]
    fn flashcards_reveal_tick_and_rate() {
        let mut s = cards();
        assert_eq!(s.items.len(), 3);
        s.toggle(0); // nothing to tick before the reveal
        assert!(s.selection.is_empty());
        assert_eq!(s.rate(2), Err(CheckError::NotAnswering));
        assert_eq!(s.check(), Err(CheckError::NotAnswering));
        assert_eq!(s.dont_know(), Err(CheckError::NotAnswering));
        s.reveal();
        s.toggle_shown(0);
        s.toggle_shown(1);
        s.toggle_shown(99);
        assert_eq!(s.selection, vec![0, 1]);
        assert_eq!(s.rate(9), Err(CheckError::NotAnswering));
        assert_eq!(s.rate(2), Ok(true));
        assert_eq!(s.phase(), Phase::Feedback);
        assert_eq!(s.answers[0], Some(vec![0, 1]));
        s.next();
        assert!(!s.revealed);
        s.reveal();
        assert_eq!(s.rate(0), Ok(false));
        s.next();
        assert_eq!(s.score(), Score { right: 1, total: 3 });
        // Resuming needs the ratings of the cards already answered.
        let again = Session::restore(s.spec.clone(), s.answers.clone(), s.ratings.clone(), 0.0).unwrap();
        assert_eq!((again.pos, again.score().right), (2, 1));
        assert!(Session::restore(s.spec.clone(), s.answers.clone(), Vec::new(), 0.0).is_none());
    }

    #[test]
    fn next_does_nothing_before_checking() {
        let mut s = session(3);
        s.next();
        assert_eq!(s.pos, 0);
    }

    #[test]
    fn restore_resumes_at_the_first_unanswered() {
        let mut s = session(4);
        for &c in s.current().unwrap().question().answer {
            s.toggle(c);
        }
        assert_eq!(s.check(), Ok(true));
        s.next();
        let r = Session::restore(s.spec.clone(), s.answers.clone(), Vec::new(), s.started_at).unwrap();
        assert_eq!(r.pos, 1);
        assert_eq!(r.score().right, 1);
        assert!(Session::restore(s.spec.clone(), vec![None; 2], Vec::new(), 0.0).is_none());
        let all: Vec<_> = s.items.iter().map(|it| Some(vec![it.question().answer[0]])).collect();
        let done = Session::restore(s.spec.clone(), all, Vec::new(), 0.0).unwrap();
        assert_eq!((done.pos, done.phase()), (3, Phase::Feedback));
        assert!(Session::restore(s.spec.clone(), vec![Some(vec![99]), None, None, None], Vec::new(), 0.0).is_none());
    }
}

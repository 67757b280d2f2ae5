//! The state machine of a quiz being taken: select, check, next, finish. Plain data, so the
//! rules are tested natively and the quiz screen only renders it.

use crate::model::Kind;
use crate::quiz::{self, Item, Mode, QuizSpec, Score};
use crate::sets;

/// One quiz being taken, in any mode. Practice and flashcards go one question at a time
/// (answer, feedback, next); an exam lets the user move freely and change answers until it is
/// handed in.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub spec: QuizSpec,
    pub items: Vec<Item>,
    /// What was picked for each question (bank choice indices): in practice and flashcards,
    /// once checked or rated; in an exam, the current pick (`None` while unanswered).
    pub answers: Vec<Option<Vec<u8>>>,
    /// The question being shown; `items.len()` once a practice quiz is over.
    pub pos: usize,
    /// The current, not yet checked, selection (practice and flashcards).
    pub selection: Vec<u8>,
    /// When the quiz started, in ms since the epoch.
    pub started_at: f64,
    /// Self-ratings of cards (see [`RATINGS`]); `None` for questions graded by the app.
    pub ratings: Vec<Option<u8>>,
    /// Whether the current card's answer is shown.
    pub revealed: bool,
    /// Exam questions marked for review.
    pub marked: Vec<bool>,
    /// Whether the exam was handed in (by the user or the timer).
    pub submitted: bool,
}

/// How well a card was answered, as in spaced-repetition apps; the first counts as wrong.
pub const RATINGS: [&str; 4] = ["Again", "Hard", "Good", "Easy"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Answering,
    /// The current question is checked and its feedback is shown (never in an exam).
    Feedback,
    Finished,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckError {
    NothingSelected,
    NotAnswering,
}

/// What a saved quiz holds besides its spec; see `storage::SavedQuiz`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    pub answers: Vec<Option<Vec<u8>>>,
    pub ratings: Vec<Option<u8>>,
    pub marked: Vec<bool>,
    pub pos: usize,
    pub started_at: f64,
}

/// When a quiz of `mode` started at `started_at` must be handed in: a timed exam's deadline.
pub fn deadline(mode: Mode, started_at: f64) -> Option<f64> {
    match mode {
        Mode::Exam { minutes: Some(m) } => Some(started_at + f64::from(m) * 60_000.0),
        _ => None,
    }
}

impl Session {
    pub fn new(spec: QuizSpec, now: f64) -> Session {
        let items = quiz::build(&spec);
        let n = items.len();
        Session {
            spec,
            items,
            answers: vec![None; n],
            pos: 0,
            selection: Vec::new(),
            started_at: now,
            ratings: vec![None; n],
            revealed: false,
            marked: vec![false; n],
            submitted: false,
        }
    }

    /// Rebuilds a session from saved state; `None` if it does not fit the quiz any more.
    pub fn restore(spec: QuizSpec, saved: Saved) -> Option<Session> {
        let mut s = Session::new(spec, saved.started_at);
        let n = s.items.len();
        let fits = |len: usize| len == 0 || len == n;
        if saved.answers.len() != n || !fits(saved.ratings.len()) || !fits(saved.marked.len()) {
            return None;
        }
        for (i, a) in saved.answers.iter().enumerate() {
            let q = s.items[i].question();
            let card = s.is_card(i);
            // A card of a choice question has nothing to tick.
            let limit = match (card, q.kind) {
                (true, Kind::Flashcard) => usize::from(q.point_count),
                (true, _) => 0,
                (false, _) => usize::from(q.choice_count),
            };
            if a.as_ref().is_some_and(|a| a.iter().any(|&c| usize::from(c) >= limit)) {
                return None;
            }
            // A rated card needs its rating; older saves without ratings cannot resume one.
            let rated = saved.ratings.get(i).copied().flatten().is_some_and(|r| usize::from(r) < RATINGS.len());
            if card && a.is_some() && !rated {
                return None;
            }
        }
        if !saved.ratings.is_empty() {
            s.ratings = saved.ratings;
        }
        if !saved.marked.is_empty() {
            s.marked = saved.marked;
        }
        s.pos = if s.is_exam() {
            saved.pos.min(n.saturating_sub(1))
        } else {
            // At the first unanswered question; with all answered, at the last one's feedback,
            // so the user still sees it and finishes the quiz themselves.
            saved.answers.iter().position(Option::is_none).unwrap_or(n.saturating_sub(1))
        };
        s.answers = saved.answers;
        Some(s)
    }

    /// What to save so that `restore` gives this session back.
    pub fn saved(&self) -> Saved {
        Saved {
            answers: self.answers.clone(),
            ratings: self.ratings.clone(),
            marked: if self.is_exam() { self.marked.clone() } else { Vec::new() },
            pos: self.pos,
            started_at: self.started_at,
        }
    }

    pub fn is_exam(&self) -> bool {
        matches!(self.spec.mode, Mode::Exam { .. })
    }

    /// Whether question `i` is taken as a card: reveal the answer, then rate yourself.
    pub fn is_card(&self, i: usize) -> bool {
        matches!(self.spec.mode, Mode::Cards { .. }) || self.items.get(i).is_some_and(|it| it.question().kind == Kind::Flashcard)
    }

    pub fn on_card(&self) -> bool {
        self.pos < self.items.len() && self.is_card(self.pos)
    }

    pub fn phase(&self) -> Phase {
        if self.is_exam() {
            return if self.submitted { Phase::Finished } else { Phase::Answering };
        }
        match self.answers.get(self.pos) {
            None => Phase::Finished,
            Some(None) => Phase::Answering,
            Some(Some(_)) => Phase::Feedback,
        }
    }

    pub fn current(&self) -> Option<&Item> {
        self.items.get(self.pos)
    }

    /// The choices (or key points) shown as picked for question `i`.
    pub fn picked(&self, i: usize) -> &[u8] {
        match self.answers.get(i) {
            Some(Some(a)) => a,
            _ if i == self.pos => &self.selection,
            _ => &[],
        }
    }

    /// Shows the current card's answer.
    pub fn reveal(&mut self) {
        if self.on_card() && self.phase() == Phase::Answering {
            self.revealed = true;
        }
    }

    /// Records a card's self-rating (an index of [`RATINGS`]) with the key points ticked.
    pub fn rate(&mut self, rating: u8) -> Result<bool, CheckError> {
        if !self.on_card() || !self.revealed || self.phase() != Phase::Answering || usize::from(rating) >= RATINGS.len() {
            return Err(CheckError::NotAnswering);
        }
        let mut ticked = std::mem::take(&mut self.selection);
        sets::picks(&mut ticked);
        self.answers[self.pos] = Some(ticked);
        self.ratings[self.pos] = Some(rating);
        self.revealed = false;
        Ok(rating > 0)
    }

    /// Picks or unpicks a choice (a bank index), or ticks a revealed open question's key point.
    /// Single-answer kinds keep one pick. In an exam the pick is the answer at once.
    pub fn toggle(&mut self, choice: u8) {
        let Some(item) = self.current() else { return };
        let q = item.question();
        if self.phase() != Phase::Answering {
            return;
        }
        if self.on_card() {
            if self.revealed && q.kind == Kind::Flashcard && choice < q.point_count {
                flip(&mut self.selection, choice);
            }
            return;
        }
        if !item.order.contains(&choice) {
            return;
        }
        let mut set = self.picked(self.pos).to_vec();
        if q.kind == Kind::Multiple {
            flip(&mut set, choice);
        } else {
            set = vec![choice];
        }
        if self.is_exam() {
            sets::picks(&mut set);
            self.answers[self.pos] = (!set.is_empty()).then_some(set);
        } else {
            self.selection = set;
        }
    }

    /// Locks in the selection; returns whether it was right.
    pub fn check(&mut self) -> Result<bool, CheckError> {
        if self.phase() != Phase::Answering || self.on_card() || self.is_exam() {
            return Err(CheckError::NotAnswering);
        }
        if self.selection.is_empty() {
            return Err(CheckError::NothingSelected);
        }
        let mut picked = std::mem::take(&mut self.selection);
        sets::picks(&mut picked);
        let right = self.current().is_some_and(|it| quiz::is_correct(it.question(), &picked));
        self.answers[self.pos] = Some(picked);
        Ok(right)
    }

    /// "I don't know": reveals the answer and counts as wrong (an empty pick).
    pub fn dont_know(&mut self) -> Result<(), CheckError> {
        if self.phase() != Phase::Answering || self.on_card() || self.is_exam() {
            return Err(CheckError::NotAnswering);
        }
        self.selection.clear();
        self.answers[self.pos] = Some(Vec::new());
        Ok(())
    }

    /// Picks or unpicks the choice shown at position `k` (0-based), as the keys 1–9 do.
    pub fn toggle_shown(&mut self, k: usize) {
        if self.on_card() {
            // Key points are shown in bank order.
            if let Ok(k) = u8::try_from(k) {
                self.toggle(k);
            }
        } else if let Some(&c) = self.current().and_then(|it| it.order.get(k)) {
            self.toggle(c);
        }
    }

    /// Moves on after feedback. Does nothing while answering, or in an exam (see `go_to`).
    pub fn next(&mut self) {
        if !self.is_exam() && self.phase() == Phase::Feedback {
            self.pos += 1;
            self.selection.clear();
            self.revealed = false;
        }
    }

    /// Exam: shows question `i`.
    pub fn go_to(&mut self, i: usize) {
        if self.is_exam() && !self.submitted && i < self.items.len() {
            self.pos = i;
        }
    }

    /// Exam: marks or unmarks the current question for review.
    pub fn toggle_mark(&mut self) {
        if self.is_exam() && !self.submitted {
            if let Some(m) = self.marked.get_mut(self.pos) {
                *m = !*m;
            }
        }
    }

    /// Exam: how many questions have no answer yet.
    pub fn unanswered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_none()).count()
    }

    /// Exam: hands the quiz in; unanswered questions count as wrong.
    pub fn submit(&mut self) -> Result<(), CheckError> {
        if !self.is_exam() || self.submitted {
            return Err(CheckError::NotAnswering);
        }
        self.submitted = true;
        Ok(())
    }

    /// Exam: when the countdown ends, in ms since the epoch.
    pub fn deadline(&self) -> Option<f64> {
        deadline(self.spec.mode, self.started_at)
    }

    /// Exam: the seconds left at `now`, never more than the time limit, whatever the clock did
    /// (set back, the countdown would otherwise grow past it).
    pub fn seconds_left(&self, now: f64) -> Option<u32> {
        let (Some(deadline), Mode::Exam { minutes: Some(m) }) = (self.deadline(), self.spec.mode) else { return None };
        Some(((deadline - now) / 1000.0).ceil().clamp(0.0, f64::from(m) * 60.0) as u32)
    }

    /// The seconds the quiz took by `now`: from 0 (a clock set back) to the time limit of a
    /// timed exam (one handed in late, by a clock jump or on reopening, took its whole limit).
    pub fn seconds_taken(&self, now: f64) -> u32 {
        let limit = match self.spec.mode {
            Mode::Exam { minutes: Some(m) } => f64::from(m) * 60.0,
            _ => f64::from(u32::MAX),
        };
        ((now - self.started_at) / 1000.0).clamp(0.0, limit) as u32
    }

    /// Hands the exam in if its time is up at `now`; returns whether it did.
    pub fn expire(&mut self, now: f64) -> bool {
        self.deadline().is_some_and(|d| now >= d) && self.submit().is_ok()
    }

    pub fn is_right(&self, index: usize) -> Option<bool> {
        let q = self.items.get(index)?.question();
        let Some(picked) = self.answers.get(index)?.as_ref() else {
            // An exam question left blank is wrong once the exam is handed in.
            return (self.is_exam() && self.submitted).then_some(false);
        };
        if self.is_card(index) {
            // Self-graded: anything but "Again" counts as known.
            return Some(self.ratings.get(index).copied().flatten().is_some_and(|r| r > 0));
        }
        Some(quiz::is_correct(q, picked))
    }

    /// The review an answered question gives (id, grade, right), for `Progress::learn`.
    pub fn review(&self, i: usize) -> Option<(&'static str, crate::srs::Grade, bool)> {
        let right = self.is_right(i)?;
        let rating = if self.is_card(i) { self.ratings.get(i).copied().flatten() } else { None };
        Some((self.items[i].question().id, crate::srs::grade(right, rating), right))
    }

    pub fn score(&self) -> Score {
        let right = (0..self.items.len()).filter(|&i| self.is_right(i) == Some(true)).count();
        Score { right: right as u32, total: self.items.len() as u32 }
    }
}

fn flip(set: &mut Vec<u8>, item: u8) {
    match set.iter().position(|&c| c == item) {
        Some(i) => {
            set.remove(i);
        }
        None => set.push(item),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Filters;

    fn session(n: u16) -> Session {
        Session::new(QuizSpec { filters: Filters { count: Some(n), ..Filters::default() }, seed: 21, ..QuizSpec::default() }, 1000.0)
    }

    fn wrong_choice(s: &Session) -> u8 {
        let q = s.current().unwrap().question();
        (0..q.choice_count).find(|c| !q.answer.contains(c)).unwrap()
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
        let mut s = Session::new(QuizSpec { seed: 2, ..QuizSpec::default() }, 0.0);
        s.items.retain(|it| it.question().kind == Kind::Single);
        s.answers.truncate(s.items.len());
        let order = s.items[0].order.clone();
        s.toggle(order[0]);
        s.toggle(order[1]);
        assert_eq!(s.selection, vec![order[1]]);

        let mut m = Session::new(QuizSpec { seed: 2, ..QuizSpec::default() }, 0.0);
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
        Session::new(QuizSpec { filters, seed: 5, ..QuizSpec::default() }, 0.0)
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
        let again = Session::restore(s.spec.clone(), s.saved()).unwrap();
        assert_eq!((again.pos, again.score().right), (2, 1));
        assert!(Session::restore(s.spec.clone(), Saved { ratings: Vec::new(), ..s.saved() }).is_none());
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
        let answers = |a: Vec<Option<Vec<u8>>>| Saved { answers: a, ..Saved::default() };
        let r = Session::restore(s.spec.clone(), answers(s.answers.clone())).unwrap();
        assert_eq!(r.pos, 1);
        assert_eq!(r.score().right, 1);
        assert!(Session::restore(s.spec.clone(), answers(vec![None; 2])).is_none());
        let all: Vec<_> = s.items.iter().map(|it| Some(vec![it.question().answer[0]])).collect();
        let done = Session::restore(s.spec.clone(), answers(all)).unwrap();
        assert_eq!((done.pos, done.phase()), (3, Phase::Feedback));
        assert!(Session::restore(s.spec.clone(), answers(vec![Some(vec![99]), None, None, None])).is_none());
    }

    fn exam(n: u16, minutes: Option<u16>) -> Session {
        let spec = QuizSpec { mode: Mode::Exam { minutes }, filters: Filters { count: Some(n), ..Filters::default() }, seed: 8, ..QuizSpec::default() };
        Session::new(spec, 10_000.0)
    }

    fn right_choice(s: &Session) -> u8 {
        s.current().unwrap().question().answer[0]
    }

    #[test]
    fn an_exam_moves_freely_changes_answers_and_grades_on_submit() {
        let mut s = exam(4, None);
        assert_eq!(s.check(), Err(CheckError::NotAnswering), "no checking in an exam");
        assert_eq!(s.dont_know(), Err(CheckError::NotAnswering));
        let w = wrong_choice(&s);
        s.toggle(w);
        assert_eq!(s.answers[0], Some(vec![w]), "a pick is the answer at once");
        assert_eq!(s.is_right(0), Some(false));
        let r = right_choice(&s);
        if s.current().unwrap().question().kind == Kind::Multiple {
            s.toggle(w);
            for &c in s.current().unwrap().question().answer {
                s.toggle(c);
            }
        } else {
            s.toggle(r);
        }
        assert_eq!(s.is_right(0), Some(true), "answers can change until submit");
        s.go_to(3);
        assert_eq!(s.pos, 3);
        s.toggle_mark();
        s.go_to(99);
        assert_eq!(s.pos, 3);
        s.next(); // feedback-only: nothing in an exam
        assert_eq!((s.pos, s.phase()), (3, Phase::Answering));
        assert_eq!(s.unanswered(), 3);
        assert_eq!(s.is_right(1), None, "blank is not yet wrong");
        let saved = s.saved();
        assert_eq!(saved.marked, vec![false, false, false, true]);
        let back = Session::restore(s.spec.clone(), saved).unwrap();
        assert_eq!((back.pos, back.answers.clone(), back.marked.clone()), (3, s.answers.clone(), s.marked.clone()));
        assert_eq!(s.submit(), Ok(()));
        assert_eq!(s.phase(), Phase::Finished);
        assert_eq!(s.submit(), Err(CheckError::NotAnswering));
        assert_eq!(s.is_right(1), Some(false), "blank counts as wrong once handed in");
        assert_eq!(s.score(), Score { right: 1, total: 4 });
        s.go_to(0);
        s.toggle(w);
        assert_eq!(s.pos, 3, "nothing changes after submit");
        assert!(s.items.iter().all(|it| it.question().kind.auto_graded()));
    }

    #[test]
    fn the_exam_timer_hands_it_in() {
        let mut untimed = exam(2, None);
        assert_eq!(untimed.deadline(), None);
        assert!(!untimed.expire(f64::MAX));
        let mut s = exam(2, Some(10));
        assert_eq!(s.deadline(), Some(10_000.0 + 600_000.0));
        // The clock set back an hour: the countdown stays at its limit, the time taken at 0.
        assert_eq!(s.seconds_left(10_000.0 - 3_600_000.0), Some(600));
        assert_eq!(s.seconds_left(70_000.0), Some(540));
        assert_eq!(s.seconds_taken(10_000.0 - 3_600_000.0), 0);
        // Three days ahead: handed in, having taken its ten minutes, not 4320.
        assert_eq!(s.seconds_left(10_000.0 + 3.0 * 86_400_000.0), Some(0));
        assert_eq!(s.seconds_taken(10_000.0 + 3.0 * 86_400_000.0), 600);
        assert!(!s.expire(609_999.0));
        assert!(s.expire(610_000.0));
        assert_eq!(s.phase(), Phase::Finished);
        assert!(!s.expire(700_000.0), "only once");
    }

    #[test]
    fn any_question_can_be_a_card() {
        let spec = QuizSpec { mode: Mode::Cards { seconds: Some(30) }, filters: Filters { count: None, ..Filters::default() }, seed: 4, ..QuizSpec::default() };
        let mut s = Session::new(spec, 0.0);
        let of_lts = crate::bank::QUESTIONS.iter().filter(|q| q.versions & crate::model::Django::Lts.bit() != 0).count();
        assert_eq!(s.items.len(), of_lts);
        let choice = s.items.iter().position(|it| it.question().kind == Kind::Single).unwrap();
        s.pos = choice;
        assert!(s.on_card());
        assert_eq!(s.check(), Err(CheckError::NotAnswering));
        s.reveal();
        s.toggle_shown(0); // a choice question has no key points to tick
        assert!(s.selection.is_empty());
        assert_eq!(s.rate(3), Ok(true));
        assert_eq!(s.answers[choice], Some(Vec::new()));
        assert_eq!(s.is_right(choice), Some(true));
        // Resuming checks that such a card has nothing ticked.
        let mut bad = s.saved();
        bad.answers[choice] = Some(vec![0]);
        assert!(Session::restore(s.spec.clone(), bad).is_none());
        assert!(Session::restore(s.spec.clone(), s.saved()).is_some());
    }
}

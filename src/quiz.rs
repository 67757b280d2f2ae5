//! Quiz selection and scoring: which questions a quiz holds, in which order, with which choice
//! order, all derived from a [`QuizSpec`] so that the same spec gives the same quiz anywhere.

use std::sync::LazyLock;

use crate::bank::{AREAS, QUESTIONS};
use crate::model::{Django, Kind, Level, Question};
use crate::rng::Rng;
use crate::sets;

/// The filters a user picks on the home screen. Empty lists mean "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Area indices, ascending.
    pub areas: Vec<u8>,
    /// Levels, ascending.
    pub levels: Vec<Level>,
    /// Kinds, ascending; empty means every auto-graded kind.
    pub kinds: Vec<Kind>,
    /// How many questions; `None` takes every match.
    pub count: Option<u16>,
    /// Only questions true for this Django (unless the quiz names its questions).
    pub version: Django,
}

/// How a quiz is taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Feedback after every answer.
    #[default]
    Practice,
    /// A mock interview: answers can change until the quiz is handed in, feedback comes only
    /// then, and an optional countdown (minutes) hands it in by itself.
    Exam { minutes: Option<u16> },
    /// Every question is a flashcard: think of the answer, reveal it, rate yourself. An
    /// optional countdown (seconds per card) reveals the answer when it runs out.
    Cards { seconds: Option<u16> },
}

impl Mode {
    pub fn slug(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Exam { .. } => "exam",
            Mode::Cards { .. } => "cards",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::Practice => "Practice",
            Mode::Exam { .. } => "Mock interview",
            Mode::Cards { .. } => "Flashcards",
        }
    }

    /// The mode's countdown, in its own unit (minutes for an exam, seconds for a card).
    pub fn timer(self) -> Option<u16> {
        match self {
            Mode::Practice => None,
            Mode::Exam { minutes } => minutes,
            Mode::Cards { seconds } => seconds,
        }
    }
}

/// Everything needed to rebuild a quiz: the mode, the filters, an optional fixed set of
/// questions (a mistakes review, bookmarks, unseen questions), and the seed of its shuffles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuizSpec {
    pub mode: Mode,
    pub filters: Filters,
    /// When not empty, the quiz draws only from these questions (indices into `QUESTIONS`,
    /// ascending unless `ordered`).
    pub only: Vec<usize>,
    /// The quiz is exactly `only`, in that order (a shared quiz): no shuffle, no count.
    pub ordered: bool,
    pub seed: u32,
    /// A score to beat (right, total), from a shared link.
    pub challenge: Option<(u16, u16)>,
}

/// The counts offered on the home screen.
pub const COUNTS: [u16; 4] = [5, 10, 20, 50];
/// Exam countdowns offered, in minutes.
pub const EXAM_MINUTES: [u16; 5] = [5, 10, 20, 30, 60];
/// Flashcard countdowns offered, in seconds.
pub const CARD_SECONDS: [u16; 3] = [30, 60, 120];

impl Filters {
    /// Whether a question belongs to a quiz with these filters in this mode. No kinds ticked
    /// means the kinds the mode can use: practice and exams grade answers themselves, so open
    /// questions (self-graded) join them only when asked for or named; flashcards take every
    /// kind. An exam never holds open questions: there is nothing to hand in for them.
    pub fn matches(&self, q: &Question, mode: Mode, named: bool) -> bool {
        let kind_ok = if self.kinds.is_empty() { named || matches!(mode, Mode::Cards { .. }) || q.kind.auto_graded() } else { self.kinds.contains(&q.kind) };
        (self.areas.is_empty() || self.areas.contains(&q.area))
            && (self.levels.is_empty() || self.levels.contains(&q.level))
            && kind_ok
            && (q.kind.auto_graded() || !matches!(mode, Mode::Exam { .. }))
            // Named questions (a share link, mistakes, bookmarks) were chosen already.
            && (named || q.versions & self.version.bit() != 0)
    }

    /// Indices into `QUESTIONS` of the questions that pass the filters, in bank order.
    pub fn matching(&self, mode: Mode) -> Vec<usize> {
        QUESTIONS.iter().enumerate().filter(|(_, q)| self.matches(q, mode, false)).map(|(i, _)| i).collect()
    }

    /// Puts the lists in canonical order, so equal filters compare and encode equal.
    pub fn normalise(&mut self) {
        sets::canonical(&mut self.areas, AREAS.len(), usize::from);
        sets::canonical(&mut self.levels, Level::ALL.len(), |l| l as usize);
        sets::canonical(&mut self.kinds, Kind::ALL.len(), |k| k as usize);
    }
}

/// One question of a quiz, with the order its choices are shown in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Index into `QUESTIONS`.
    pub question: usize,
    /// `order[k]` is the bank index of the choice shown at position `k`.
    pub order: Vec<u8>,
}

impl QuizSpec {
    /// The questions the quiz draws from, in bank order.
    pub fn pool(&self) -> Vec<usize> {
        if self.only.is_empty() && !self.ordered {
            return self.filters.matching(self.mode);
        }
        // A quiz that names its questions takes them whatever their kind.
        self.only.iter().copied().filter(|&i| QUESTIONS.get(i).is_some_and(|q| self.filters.matches(q, self.mode, true))).collect()
    }
}

impl Item {
    pub fn question(&self) -> &'static Question {
        &QUESTIONS[self.question]
    }
}

/// Builds the quiz a spec describes: a seeded shuffle of the matching questions, cut to the
/// count (or, for an ordered spec, exactly its questions), each with its choice order.
pub fn build(spec: &QuizSpec) -> Vec<Item> {
    let mut picked = spec.pool();
    if !spec.ordered {
        Rng::new(u64::from(spec.seed)).shuffle(&mut picked);
        if let Some(n) = spec.filters.count {
            picked.truncate(usize::from(n));
        }
    }
    picked.into_iter().map(|question| Item { question, order: choice_order(&QUESTIONS[question], spec.seed) }).collect()
}

/// The order a question's choices are shown in: a shuffle seeded by the quiz seed and the
/// question's id, so it is the same wherever the question sits in the quiz (a shared quiz
/// names its questions and seed, and shows every choice where the sharer saw it). True/false
/// keeps True before False.
pub fn choice_order(q: &Question, seed: u32) -> Vec<u8> {
    // A bank question has at most a handful of choices; u8 is ample (checked at build).
    let mut order: Vec<u8> = (0..q.choice_count).collect();
    if q.kind != Kind::TrueFalse {
        Rng::new(u64::from(seed) ^ crate::bank::fnv64(q.id.as_bytes())).shuffle(&mut order);
    }
    order
}

/// A short, stable code for a question id, for links: 5 base-36 digits of its FNV-1a hash.
/// Ids are forever, so codes are too; a test checks that no two ids of the bank share one.
pub fn short_code(id: &str) -> String {
    format!("{:0>5}", base36(code_value(id)))
}

/// The number a short code writes in base 36: FNV-1a of the id, below 36^5.
pub fn code_value(id: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h % 60_466_176
}

/// `n` in base 36, lowercase, no leading zeros (links use it for codes and seeds).
pub fn base36(mut n: u32) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit(n % 36, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// The bank index of the question with this short code.
pub fn by_code(code: &str) -> Option<usize> {
    // Every question's code as a number, computed on the first lookup: a share link looks up
    // dozens of codes, and hashing and formatting the whole bank for each would be wasteful.
    static CODES: LazyLock<Vec<u32>> = LazyLock::new(|| QUESTIONS.iter().map(|q| code_value(q.id)).collect());
    if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()) {
        return None;
    }
    let value = u32::from_str_radix(code, 36).ok()?;
    CODES.iter().position(|&c| c == value)
}

/// Whether a set of picked choices (bank indices, any order) is exactly the correct set.
pub fn is_correct(q: &Question, picked: &[u8]) -> bool {
    let mut p = picked.to_vec();
    sets::picks(&mut p);
    p == q.answer
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Score {
    pub right: u32,
    pub total: u32,
}

impl Score {
    /// Whole percent, rounded down; 0 for an empty quiz.
    pub fn percent(self) -> u32 {
        (self.right * 100).checked_div(self.total).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(seed: u32, count: Option<u16>) -> QuizSpec {
        QuizSpec { filters: Filters { count, ..Filters::default() }, seed, ..QuizSpec::default() }
    }

    #[test]
    fn a_quiz_holds_only_questions_true_for_its_django() {
        for version in Django::ALL {
            let filters = Filters { version, count: None, ..Filters::default() };
            let pool = filters.matching(Mode::Cards { seconds: None });
            assert!(!pool.is_empty());
            assert!(pool.iter().all(|&i| QUESTIONS[i].versions & version.bit() != 0), "{version:?}");
            let true_for_it = QUESTIONS.iter().filter(|q| q.versions & version.bit() != 0).count();
            assert_eq!(pool.len(), true_for_it, "{version:?}");
        }
        // A quiz of named questions (a share link, bookmarks) takes them whatever the version.
        if let Some(only6) = QUESTIONS.iter().position(|q| q.versions & Django::Lts.bit() == 0) {
            let spec = QuizSpec { only: vec![only6], ..QuizSpec::default() };
            assert_eq!(spec.pool(), vec![only6]);
        }
    }

    #[test]
    fn short_codes_are_unique_and_found() {
        let mut codes: Vec<String> = QUESTIONS.iter().map(|q| short_code(q.id)).collect();
        for (i, q) in QUESTIONS.iter().enumerate() {
            assert_eq!(by_code(&short_code(q.id)), Some(i));
        }
        assert_eq!(by_code("zzzzz"), None);
        assert_eq!(by_code(""), None);
        // Only the codes links are written with: five lowercase base-36 digits.
        let first = short_code(QUESTIONS[0].id);
        assert_eq!(by_code(&first.to_uppercase()), None);
        assert_eq!(by_code(&format!("+{}", &first[1..])), None);
        assert_eq!(by_code(&first[1..]), None);
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), QUESTIONS.len(), "two question ids share a short code: rename one");
        assert_eq!(short_code("orm-queryset-laziness").len(), 5);
        // Links carry these codes: their values are frozen.
        assert_eq!(short_code("orm-queryset-laziness"), "wt4as");
        assert_eq!(short_code("admin-register-twice"), "xh593");
        assert_eq!(base36(0), "0");
        assert_eq!(base36(u32::MAX), "1z141z3");
    }

    #[test]
    fn only_restricts_the_pool_and_kinds_filter() {
        let only: Vec<usize> = Filters::default().matching(Mode::Practice).into_iter().take(4).collect();
        let items = build(&QuizSpec { only: only.clone(), seed: 1, ..QuizSpec::default() });
        let mut got: Vec<usize> = items.iter().map(|it| it.question).collect();
        got.sort_unstable();
        assert_eq!(got, only);
        let tf = Filters { kinds: vec![Kind::TrueFalse], ..Filters::default() };
        assert!(tf.matching(Mode::Practice).iter().all(|&i| QUESTIONS[i].kind == Kind::TrueFalse));
        assert!(!tf.matching(Mode::Practice).is_empty());
    }

    #[test]
    fn the_same_seed_gives_the_same_quiz() {
        assert_eq!(build(&spec(5, Some(10))), build(&spec(5, Some(10))));
        assert_ne!(build(&spec(5, Some(10))), build(&spec(6, Some(10))));
    }

    #[test]
    fn count_cuts_and_none_takes_all() {
        let all = Filters::default().matching(Mode::Practice).len();
        assert!(all >= 20);
        assert_eq!(build(&spec(1, Some(5))).len(), 5);
        assert_eq!(build(&spec(1, None)).len(), all);
        assert_eq!(build(&spec(1, Some(u16::MAX))).len(), all);
    }

    #[test]
    fn filters_select_by_area_and_level_and_skip_flashcards() {
        let f = Filters { areas: vec![0, 1], levels: vec![Level::Beginner], ..Filters::default() };
        for i in f.matching(Mode::Practice) {
            let q = &QUESTIONS[i];
            assert!(q.area <= 1 && q.level == Level::Beginner && q.kind != Kind::Flashcard);
        }
        let every = Filters::default().matching(Mode::Practice);
        assert!(every.iter().all(|&i| QUESTIONS[i].kind.auto_graded()));
        assert!(every.len() < QUESTIONS.len(), "the bank has open questions");
    }

    #[test]
    fn modes_choose_their_kinds() {
        let cards = Mode::Cards { seconds: None };
        let exam = Mode::Exam { minutes: Some(10) };
        let of_lts = QUESTIONS.iter().filter(|q| q.versions & Django::Lts.bit() != 0).count();
        assert_eq!(Filters::default().matching(cards).len(), of_lts, "any question (of the version) can be a flashcard");
        let open = Filters { kinds: vec![Kind::Flashcard, Kind::Single], ..Filters::default() };
        assert!(open.matching(exam).iter().all(|&i| QUESTIONS[i].kind == Kind::Single), "no open questions in an exam");
        assert!(open.matching(Mode::Practice).iter().any(|&i| QUESTIONS[i].kind == Kind::Flashcard));
        // Named questions come whatever their kind, except open ones in an exam.
        let card = QUESTIONS.iter().position(|q| q.kind == Kind::Flashcard).unwrap();
        let named = QuizSpec { only: vec![0, card], ..QuizSpec::default() };
        assert_eq!(named.pool(), vec![0, card]);
        assert_eq!(QuizSpec { mode: exam, ..named }.pool(), vec![0]);
    }

    #[test]
    fn choice_order_is_a_permutation_and_true_false_is_not_shuffled() {
        for item in build(&spec(3, None)) {
            let q = item.question();
            let mut o = item.order.clone();
            o.sort_unstable();
            assert_eq!(o, (0..q.choice_count).collect::<Vec<_>>());
            if q.kind == Kind::TrueFalse {
                assert_eq!(item.order, [0, 1]);
            }
        }
    }

    #[test]
    fn an_ordered_spec_is_exactly_its_questions_with_the_same_choice_orders() {
        let quiz = build(&spec(4, Some(6)));
        let only: Vec<usize> = quiz.iter().map(|it| it.question).collect();
        let shared = QuizSpec { only, ordered: true, seed: 4, ..QuizSpec::default() };
        assert_eq!(build(&shared), quiz);
        let mut reversed = shared.clone();
        reversed.only.reverse();
        let mut back = build(&reversed);
        back.reverse();
        assert_eq!(back, quiz, "a question's choice order does not depend on its position");
    }

    #[test]
    fn some_choice_orders_are_shuffled() {
        let items = build(&spec(11, None));
        assert!(items.iter().any(|it| it.order.windows(2).any(|w| w[0] > w[1])));
    }

    #[test]
    fn correctness_is_set_equality() {
        let multi = QUESTIONS.iter().find(|q| q.kind == Kind::Multiple && q.answer.len() > 1).unwrap();
        let mut rev: Vec<u8> = multi.answer.to_vec();
        rev.reverse();
        assert!(is_correct(multi, &rev));
        assert!(!is_correct(multi, &multi.answer[..1]));
        let mut more = multi.answer.to_vec();
        if let Some(extra) = (0..multi.choice_count).find(|i| !multi.answer.contains(i)) {
            more.push(extra);
            assert!(!is_correct(multi, &more));
        }
        assert!(!is_correct(multi, &[]));
    }

    #[test]
    fn percent_rounds_down_and_handles_zero() {
        assert_eq!(Score { right: 2, total: 3 }.percent(), 66);
        assert_eq!(Score { right: 0, total: 0 }.percent(), 0);
        assert_eq!(Score { right: 5, total: 5 }.percent(), 100);
    }
}

//! Share links: a compact, versioned encoding of one exact quiz (its questions in order, mode,
//! timer and seed, so every choice appears where the sharer saw it), optionally with the
//! sharer's score to beat.
//!
//! Format, after `#/s/`: `2.<django>.<mode>.<seed>.<codes>[.<right>-<total>]`
//! - `2`: the format version. Format 1 had no `<django>` and is still read, as Django 5.2.
//! - django: the Django version the quiz is for, without its dot (`52`, `61`).
//! - mode: `p` (practice), `e` or `e<minutes>` (mock interview), `c` or `c<seconds>` (flashcards).
//! - seed: base 36.
//! - codes: the questions' 5-character short codes (`quiz::short_code`), back to back. Codes
//!   name ids, not positions, so a link keeps working as the bank grows; codes of questions
//!   no longer in the bank are dropped and counted.
//!
//! A 20-question quiz is about 120 characters.

use crate::bank::QUESTIONS;
use crate::model::Django;
use crate::quiz::{self, Filters, Mode, QuizSpec};

pub const PREFIX: &str = "#/s/";
const VERSION: &str = "2";
/// The first format: no Django version, so 5.2.
const VERSION_1: &str = "1";
const CODE: usize = 5;
/// More questions than any quiz of the bank could hold; longer links are refused unread.
const MAX_CODES: usize = 1000;

/// A shared quiz as decoded: the spec to start, and how many named questions are gone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub spec: QuizSpec,
    pub dropped: usize,
}

/// Why a share link cannot be used. Messages never repeat the link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    Damaged,
    Newer,
    NothingLeft,
}

impl ShareError {
    pub fn message(&self) -> &'static str {
        match self {
            ShareError::Damaged => "This share link is damaged or cut short. Ask for the link again, or start a quiz of your own.",
            ShareError::Newer => "This share link was made by a newer version of the app. Reload the page to update, then open the link again.",
            ShareError::NothingLeft => "None of the questions this link names are in this version of the app.",
        }
    }
}

/// The link fragment (with `#/s/`) for a quiz of exactly `questions` (bank indices, in order).
pub fn encode(mode: Mode, version: Django, seed: u32, questions: &[usize], challenge: Option<(u16, u16)>) -> String {
    let mode = match mode {
        Mode::Practice => "p".to_owned(),
        Mode::Exam { minutes } => format!("e{}", minutes.map(|m| m.to_string()).unwrap_or_default()),
        Mode::Cards { seconds } => format!("c{}", seconds.map(|s| s.to_string()).unwrap_or_default()),
    };
    let codes: String = questions.iter().filter_map(|&i| QUESTIONS.get(i)).map(|q| quiz::short_code(q.id)).collect();
    let django = version.slug().replace('.', "");
    let mut link = format!("{PREFIX}{VERSION}.{django}.{mode}.{}.{codes}", quiz::base36(seed));
    if let Some((right, total)) = challenge {
        link.push_str(&format!(".{right}-{total}"));
    }
    link
}

fn timer(digits: &str) -> Result<Option<u16>, ShareError> {
    if digits.is_empty() {
        return Ok(None);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::Damaged);
    }
    match digits.parse::<u16>() {
        Ok(t) if t > 0 => Ok(Some(t)),
        _ => Err(ShareError::Damaged),
    }
}

/// Reads the part of a share link after `#/s/`.
pub fn decode(payload: &str) -> Result<Shared, ShareError> {
    if payload.len() > MAX_CODES * CODE + 64 {
        return Err(ShareError::Damaged);
    }
    let mut parts = payload.split('.');
    let version = match parts.next() {
        Some(VERSION_1) => Django::Lts,
        Some(VERSION) => parts.next().and_then(|d| Django::ALL.into_iter().find(|v| v.slug().replace('.', "") == d)).ok_or(ShareError::Damaged)?,
        // A later format keeps a number first, so an app that is behind can say so.
        Some(v) if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => return Err(ShareError::Newer),
        _ => return Err(ShareError::Damaged),
    };
    let (Some(mode), Some(seed), Some(codes)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(ShareError::Damaged);
    };
    let challenge = match parts.next() {
        None => None,
        Some(score) => Some(crate::route::parse_score(score).ok_or(ShareError::Damaged)?),
    };
    if parts.next().is_some() {
        return Err(ShareError::Damaged);
    }
    let mode = match mode.split_at_checked(1) {
        Some(("p", "")) => Mode::Practice,
        Some(("e", t)) => Mode::Exam { minutes: timer(t)? },
        Some(("c", t)) => Mode::Cards { seconds: timer(t)? },
        _ => return Err(ShareError::Damaged),
    };
    if seed.is_empty() || seed.len() > 7 || !seed.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()) {
        return Err(ShareError::Damaged);
    }
    let seed = u32::from_str_radix(seed, 36).map_err(|_| ShareError::Damaged)?;
    if codes.is_empty() || codes.len() % CODE != 0 || !codes.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()) {
        return Err(ShareError::Damaged);
    }
    let mut only: Vec<usize> = Vec::with_capacity(codes.len() / CODE);
    let mut unknown = 0;
    for i in (0..codes.len()).step_by(CODE) {
        match codes.get(i..i + CODE).and_then(quiz::by_code) {
            // A question named twice is asked once.
            Some(q) if only.contains(&q) => {}
            Some(q) => only.push(q),
            None => unknown += 1,
        }
    }
    let mut spec = QuizSpec { mode, filters: Filters { count: None, version, ..Filters::default() }, only, ordered: true, seed, challenge };
    // What the quiz really holds: an exam leaves out open questions.
    let named = spec.only.len();
    spec.only = spec.pool();
    if spec.only.is_empty() {
        return Err(ShareError::NothingLeft);
    }
    let dropped = unknown + named - spec.only.len();
    Ok(Shared { spec, dropped })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn payload(link: &str) -> &str {
        link.strip_prefix(PREFIX).unwrap()
    }

    #[test]
    fn a_twenty_question_link_is_short_and_round_trips() {
        let questions: Vec<usize> = (0..20).map(|i| i * 7).collect();
        let link = encode(Mode::Exam { minutes: Some(20) }, Django::Lts, u32::MAX, &questions, Some((17, 20)));
        assert!(link.len() < 140, "{} characters: {link}", link.len());
        let shared = decode(payload(&link)).unwrap();
        let open = questions.iter().filter(|&&i| !QUESTIONS[i].kind.auto_graded()).count();
        assert_eq!(shared.dropped, open, "an exam leaves out open questions");
        assert_eq!(shared.spec.only, questions.iter().copied().filter(|&i| QUESTIONS[i].kind.auto_graded()).collect::<Vec<_>>());
        assert_eq!(shared.spec.mode, Mode::Exam { minutes: Some(20) });
        assert_eq!(shared.spec.challenge, Some((17, 20)));
        assert_eq!(shared.spec.seed, u32::MAX);
    }

    #[test]
    fn the_django_version_travels_with_the_link() {
        let link = encode(Mode::Practice, Django::Latest, 5, &[3, 4], None);
        assert!(link.starts_with("#/s/2.61.p.5."), "{link}");
        assert_eq!(decode(payload(&link)).unwrap().spec.filters.version, Django::Latest);
        // A link of the first format, made before versions, is a 5.2 quiz.
        let old = link.replacen("2.61.", "1.", 1);
        let shared = decode(payload(&old)).unwrap();
        assert_eq!((shared.spec.filters.version, shared.spec.only), (Django::Lts, vec![3, 4]));
        for bad in ["2.60.p.5.", "2..p.5.", "2.6.1.p.5.", "2.p.5."] {
            let damaged = link.replacen("2.61.p.5.", bad, 1);
            assert_eq!(decode(payload(&damaged)), Err(ShareError::Damaged), "{damaged}");
        }
        assert_eq!(decode(&payload(&link).replacen('2', "3", 1)), Err(ShareError::Newer));
    }

    #[test]
    fn gone_questions_are_dropped_and_counted() {
        let link = encode(Mode::Practice, Django::Lts, 5, &[3, 4], None);
        let with_gone = link.replacen(".p.5.", ".p.5.zzzzz", 1);
        let shared = decode(payload(&with_gone)).unwrap();
        assert_eq!((shared.spec.only.clone(), shared.dropped), (vec![3, 4], 1));
        assert_eq!(decode("1.p.5.zzzzzyyyyy"), Err(ShareError::NothingLeft));
        // An exam cannot hold an open question: it counts as dropped.
        let open = QUESTIONS.iter().position(|q| q.kind == Kind::Flashcard).unwrap();
        let exam = encode(Mode::Exam { minutes: None }, Django::Lts, 1, &[open, 3], None);
        assert_eq!(decode(payload(&exam)).unwrap().dropped, 1);
    }

    #[test]
    fn bad_links_are_told_apart() {
        for bad in [
            "",
            "1",
            "1.p.5",
            "1.x.5.abcde",
            "1.p..abcde",
            "1.p.5.abcd",
            "1.p.5.ABCDE",
            "1.p.5.abcde.9-8",
            "1.p.5.abcde.1-2.x",
            "1.e0.5.abcde",
            "1.e-5.5.abcde",
            "1.p.zzzzzzzz.abcde",
            "x.p.5.abcde",
            "<b>.p.5",
        ] {
            assert_eq!(decode(bad), Err(ShareError::Damaged), "{bad:?}");
        }
        assert_eq!(decode("2.p.5.abcde"), Err(ShareError::Damaged), "format 2 names its Django first");
        assert_eq!(decode("3.p.5.abcde"), Err(ShareError::Newer));
    }

    // proptest needs an OS random source: native test runs only.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_quiz_round_trips(
                picks in proptest::collection::vec(0..QUESTIONS.len(), 1..40),
                seed in any::<u32>(),
                mode in 0u8..3,
                timer in proptest::option::of(1u16..500),
                score in proptest::option::of((0u16..50, 1u16..50)),
                latest in any::<bool>(),
            ) {
                let version = if latest { Django::Latest } else { Django::Lts };
                let mut questions = Vec::new();
                for p in picks {
                    if !questions.contains(&p) {
                        questions.push(p);
                    }
                }
                let mode = match mode {
                    0 => Mode::Practice,
                    1 => Mode::Exam { minutes: timer },
                    _ => Mode::Cards { seconds: timer },
                };
                let challenge = score.map(|(r, t)| (r.min(t), t));
                let link = encode(mode, version, seed, &questions, challenge);
                match decode(payload(&link)) {
                    Ok(shared) => {
                        let expected: Vec<usize> = questions.iter().copied().filter(|&i| !matches!(mode, Mode::Exam { .. }) || QUESTIONS[i].kind.auto_graded()).collect();
                        prop_assert_eq!(&shared.spec.only, &expected);
                        prop_assert_eq!(shared.dropped, questions.len() - expected.len());
                        prop_assert_eq!(shared.spec.mode, mode);
                        prop_assert_eq!(shared.spec.seed, seed);
                        prop_assert_eq!(shared.spec.filters.version, version);
                        prop_assert_eq!(shared.spec.challenge, challenge);
                        // The same quiz: the same items, choice orders included.
                        prop_assert_eq!(quiz::build(&shared.spec).len(), expected.len());
                    }
                    Err(e) => {
                        prop_assert_eq!(e, ShareError::NothingLeft);
                        let exam = matches!(mode, Mode::Exam { .. });
                        prop_assert!(exam);
                    }
                }
            }

            #[test]
            fn any_text_decodes_without_panicking(text in ".{0,300}") {
                let _ = decode(&text);
                let route = crate::route::parse(&format!("#/s/{text}"));
                if let crate::route::Route::BadLink(msg) = route {
                    prop_assert!(!msg.contains('<') || !text.contains('<') || !msg.contains(&text));
                }
            }

            #[test]
            fn damaged_real_links_never_panic(cut in 0usize..130, flip in 0usize..130, ch in any::<char>()) {
                let link = encode(Mode::Cards { seconds: Some(60) }, Django::Lts, 99, &(0..20).collect::<Vec<_>>(), Some((3, 20)));
                let p = payload(&link);
                let mut s: String = p.chars().take(cut).collect();
                let _ = decode(&s);
                if flip < s.len() && s.is_char_boundary(flip) {
                    s.insert(flip, ch);
                    let _ = decode(&s);
                }
            }
        }
    }
}

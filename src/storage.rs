//! Everything the app keeps in `localStorage`, and the rules that keep it safe.
//!
//! One key holds one versioned JSON document. Invariants:
//! - A value this code cannot read (corrupt, foreign, truncated) is copied to a backup key
//!   before anything else is written, and the user is told; if the copy fails, the app runs
//!   without saving rather than overwrite it.
//! - A value written by a newer version of the app is never overwritten by this one.
//! - Storage that is missing, disabled or full never stops the app: it runs in memory and says
//!   that progress will not be saved.
//!
//! `gloo-storage` is not used here: its accessors throw when storage is disabled (private
//! modes, blocked cookies), and the app must degrade, not crash.

use serde::{Deserialize, Serialize};

use crate::session::{Saved, Session};

pub const KEY: &str = "django-quiz";
pub const BACKUP_PREFIX: &str = "django-quiz.backup.";
pub const VERSION: u32 = 1;
/// Finished quizzes kept in the history; older ones are dropped to keep the record small.
pub const MAX_HISTORY: usize = 100;

/// One finished quiz.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizRecord {
    /// When it was finished, ms since the epoch.
    pub at: f64,
    /// The quiz's link query (see `route::encode_spec`).
    pub quiz: String,
    pub seconds: u32,
    pub answers: Vec<AnswerRecord>,
    /// An exam handed in by its timer rather than by the user.
    #[serde(default, skip_serializing_if = "is_false")]
    pub timed_out: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// Question id: stable across versions of the bank, unlike positions.
    pub id: String,
    /// Bank indices of the picked choices (of the ticked key points, for a flashcard).
    pub picked: Vec<u8>,
    pub correct: bool,
    /// A flashcard's self-rating (an index of `session::RATINGS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
}

impl QuizRecord {
    pub fn right(&self) -> usize {
        self.answers.iter().filter(|a| a.correct).count()
    }
}

/// A quiz in progress, so a reload or a closed tab resumes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedQuiz {
    pub quiz: String,
    pub started_at: f64,
    pub answers: Vec<Option<Vec<u8>>>,
    /// Flashcard self-ratings, one per question (added within version 1: may be absent).
    #[serde(default)]
    pub ratings: Vec<Option<u8>>,
    /// Exam questions marked for review (empty outside exams).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marked: Vec<bool>,
    /// The question on screen (exams resume there; other modes at the first unanswered).
    #[serde(default)]
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

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub history: Vec<QuizRecord>,
    #[serde(default)]
    pub current: Option<SavedQuiz>,
    /// Ids of bookmarked questions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bookmarks: Vec<String>,
}

/// The stored document: the version travels with the data.
#[derive(Serialize)]
struct Envelope<'a> {
    version: u32,
    #[serde(flatten)]
    progress: &'a Progress,
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
        let seconds = ((now - session.started_at) / 1000.0).clamp(0.0, f64::from(u32::MAX)) as u32;
        self.history.push(QuizRecord { at: now, quiz: crate::route::encode_spec(&session.spec), seconds, answers, timed_out });
        if self.history.len() > MAX_HISTORY {
            let extra = self.history.len() - MAX_HISTORY;
            self.history.drain(..extra);
        }
        self.current = None;
    }

    /// Ids whose most recent answer was wrong, most recently answered first.
    pub fn mistakes(&self) -> Vec<&str> {
        let mut verdict: Vec<(&str, bool)> = Vec::new();
        for a in self.history.iter().rev().flat_map(|r| r.answers.iter()) {
            if !verdict.iter().any(|(id, _)| *id == a.id) {
                verdict.push((&a.id, a.correct));
            }
        }
        verdict.into_iter().filter(|(_, ok)| !ok).map(|(id, _)| id).collect()
    }

    /// Whether a question was ever answered in a finished quiz.
    pub fn has_seen(&self, id: &str) -> bool {
        self.history.iter().any(|r| r.answers.iter().any(|a| a.id == id))
    }

    pub fn to_json(&self) -> String {
        // Serialising these plain types cannot fail; an empty string is never stored (see save).
        serde_json::to_string(&Envelope { version: VERSION, progress: self }).unwrap_or_default()
    }
}

/// Why stored data could not be used as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or not the shape of any version (corrupt, truncated, another app's).
    Unreadable(String),
    /// Written by a newer version of the app.
    Newer(u32),
}

/// Reads a stored document of any known version, migrating it to the current one.
pub fn decode(raw: &str) -> Result<Progress, DecodeError> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|_| DecodeError::Unreadable("it is damaged or cut short".into()))?;
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| DecodeError::Unreadable("it does not look like this app's data".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > VERSION {
        return Err(DecodeError::Newer(version));
    }
    // Each older version gets a step here that rewrites `value` into the next one.
    if version != 1 {
        return Err(DecodeError::Unreadable("it is from a version of the app that no longer exists".into()));
    }
    serde_json::from_value(value).map_err(|_| DecodeError::Unreadable("parts of it are damaged".into()))
}

/// What the user is told about storage. Shown as a notice; none of these stops the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// No usable storage at all.
    Unavailable,
    /// Unreadable data was set aside under `backup_key`.
    Recovered { backup_key: String, reason: String },
    /// Unreadable data could not be set aside, so nothing is saved to avoid losing it.
    KeptUnsaved { reason: String },
    /// A newer version of the app owns the data; this one will not overwrite it.
    Newer,
    /// A save failed (storage full or revoked).
    SaveFailed(String),
}

impl Notice {
    pub fn message(&self) -> String {
        match self {
            Notice::Unavailable => "This browser is not letting the app store data (storage is disabled or in a private mode). You can use the quiz, but your progress will not be saved.".into(),
            Notice::Recovered { backup_key, reason } => format!("Your saved progress could not be read ({reason}). It was kept aside under the storage key “{backup_key}” and the app started a fresh record."),
            Notice::KeptUnsaved { reason } => format!("Your saved progress could not be read ({reason}) and could not be backed up, so the app will not save over it. Progress from this visit will not be saved."),
            Notice::Newer => "Your progress was saved by a newer version of this app. This version will not change it; progress from this visit will not be saved. Reload to get the newer version.".into(),
            Notice::SaveFailed(reason) => format!("Your progress could not be saved ({reason}). It is kept in this tab for now."),
        }
    }
}

/// Where the document lives: `localStorage` in the app, memory in tests.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
}

pub struct Store<B> {
    backend: Option<B>,
    /// False when saving would destroy data the app could not read.
    writable: bool,
}

impl<B: Backend> Store<B> {
    /// Opens the store and loads progress. Never fails: problems become notices.
    pub fn open(backend: Option<B>, now: f64) -> (Store<B>, Progress, Option<Notice>) {
        let Some(backend) = backend else {
            return (Store { backend: None, writable: false }, Progress::default(), Some(Notice::Unavailable));
        };
        let raw = match backend.get(KEY) {
            Ok(raw) => raw,
            Err(_) => return (Store { backend: None, writable: false }, Progress::default(), Some(Notice::Unavailable)),
        };
        let Some(raw) = raw else {
            return (Store { backend: Some(backend), writable: true }, Progress::default(), None);
        };
        match decode(&raw) {
            Ok(progress) => (Store { backend: Some(backend), writable: true }, progress, None),
            Err(DecodeError::Newer(_)) => (Store { backend: Some(backend), writable: false }, Progress::default(), Some(Notice::Newer)),
            Err(DecodeError::Unreadable(reason)) => {
                let backup_key = format!("{BACKUP_PREFIX}{}", now as u64);
                match backend.set(&backup_key, &raw) {
                    // Once the copy is safe, replace the bad value so the next visit starts clean
                    // instead of backing it up again.
                    Ok(()) if backend.set(KEY, &Progress::default().to_json()).is_ok() => (
                        Store { backend: Some(backend), writable: true },
                        Progress::default(),
                        Some(Notice::Recovered { backup_key, reason }),
                    ),
                    _ => (Store { backend: Some(backend), writable: false }, Progress::default(), Some(Notice::KeptUnsaved { reason })),
                }
            }
        }
    }

    /// Whether saves reach storage at all.
    pub fn saves(&self) -> bool {
        self.backend.is_some() && self.writable
    }

    /// Saves progress. `Ok(false)` when this store does not save (already reported at open).
    pub fn save(&self, progress: &Progress) -> Result<bool, Notice> {
        let Some(backend) = self.backend.as_ref().filter(|_| self.writable) else {
            return Ok(false);
        };
        let json = progress.to_json();
        if json.is_empty() {
            return Err(Notice::SaveFailed("the data could not be encoded".into()));
        }
        backend.set(KEY, &json).map(|()| true).map_err(Notice::SaveFailed)
    }
}

/// `localStorage`, reached without anything that throws when it is disabled.
pub struct BrowserStorage(web_sys::Storage);

impl BrowserStorage {
    pub fn open() -> Option<BrowserStorage> {
        let storage = web_sys::window()?.local_storage().ok()??;
        Some(BrowserStorage(storage))
    }
}

/// A readable reason from a DOM exception such as `QuotaExceededError`.
fn js_reason(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) if err.name() == "QuotaExceededError" => "storage is full".into(),
        Some(err) => String::from(err.message()),
        None => "storage refused the write".into(),
    }
}

impl Backend for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.0.get_item(key).map_err(|e| js_reason(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.0.set_item(key, value).map_err(|e| js_reason(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Memory {
        map: RefCell<HashMap<String, String>>,
        fail_writes: bool,
    }

    impl Backend for &Memory {
        fn get(&self, key: &str) -> Result<Option<String>, String> {
            Ok(self.map.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), String> {
            if self.fail_writes {
                return Err("storage is full".into());
            }
            self.map.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
    }

    fn sample() -> Progress {
        Progress {
            history: vec![QuizRecord {
                at: 1.0,
                quiz: "n=5&seed=1".into(),
                seconds: 30,
                answers: vec![AnswerRecord { id: "orm-x".into(), picked: vec![1], correct: true, rating: None }],
                timed_out: true,
            }],
            current: Some(SavedQuiz {
                quiz: "mode=exam&t=5&n=2&seed=3".into(),
                started_at: 2.0,
                answers: vec![Some(vec![0]), None],
                ratings: vec![None, None],
                marked: vec![false, true],
                pos: 1,
            }),
            bookmarks: vec!["orm-x".into(), "views-y".into()],
        }
    }

    #[test]
    fn round_trip_through_json() {
        let p = sample();
        assert_eq!(decode(&p.to_json()), Ok(p));
    }

    /// A document as version 1 wrote it. Kept verbatim: if this stops decoding, a migration
    /// is missing.
    const V1_FIXTURE: &str = r#"{"version":1,"history":[{"at":1700000000000.0,"quiz":"areas=orm&n=5&seed=9","seconds":61,"answers":[{"id":"orm-gone-from-the-bank","picked":[0,2],"correct":false}]}],"current":{"quiz":"n=10&seed=3","started_at":5.0,"answers":[[1],null]}}"#;

    #[test]
    fn version_1_fixture_still_decodes() {
        let p = decode(V1_FIXTURE).unwrap();
        assert_eq!(p.history[0].answers[0].id, "orm-gone-from-the-bank");
        assert_eq!(p.current.unwrap().answers, vec![Some(vec![1]), None]);
    }

    #[test]
    fn unreadable_and_newer_data_are_told_apart() {
        assert!(matches!(decode("{\"version\":1,\"hist"), Err(DecodeError::Unreadable(_))));
        assert!(matches!(decode("[1,2]"), Err(DecodeError::Unreadable(_))));
        assert!(matches!(decode("{\"theme\":\"dark\"}"), Err(DecodeError::Unreadable(_))));
        assert!(matches!(decode("{\"version\":1,\"history\":7}"), Err(DecodeError::Unreadable(_))));
        assert_eq!(decode("{\"version\":2}"), Err(DecodeError::Newer(2)));
    }

    #[test]
    fn corrupt_data_is_backed_up_before_anything_is_written() {
        let mem = Memory::default();
        mem.map.borrow_mut().insert(KEY.into(), "{oops".into());
        let (store, progress, notice) = Store::open(Some(&mem), 42.0);
        assert_eq!(progress, Progress::default());
        match notice {
            Some(Notice::Recovered { backup_key, .. }) => {
                assert_eq!(backup_key, format!("{BACKUP_PREFIX}42"));
                assert_eq!(mem.map.borrow().get(&backup_key).map(String::as_str), Some("{oops"));
            }
            other => panic!("{other:?}"),
        }
        // The bad value was replaced by a clean record: opening again finds no problem.
        let (_, _, again) = Store::open(Some(&mem), 43.0);
        assert_eq!(again, None);
        assert_eq!(store.save(&sample()), Ok(true));
        assert_eq!(decode(mem.map.borrow().get(KEY).unwrap()), Ok(sample()));
    }

    #[test]
    fn corrupt_data_that_cannot_be_backed_up_is_never_overwritten() {
        let mem = Memory { fail_writes: true, ..Memory::default() };
        mem.map.borrow_mut().insert(KEY.into(), "garbage".into());
        let (store, _, notice) = Store::open(Some(&mem), 1.0);
        assert!(matches!(notice, Some(Notice::KeptUnsaved { .. })));
        assert!(!store.saves());
        assert_eq!(store.save(&sample()), Ok(false));
        assert_eq!(mem.map.borrow().get(KEY).map(String::as_str), Some("garbage"));
    }

    #[test]
    fn newer_data_is_left_alone() {
        let mem = Memory::default();
        mem.map.borrow_mut().insert(KEY.into(), "{\"version\":9,\"x\":1}".into());
        let (store, _, notice) = Store::open(Some(&mem), 1.0);
        assert_eq!(notice, Some(Notice::Newer));
        assert_eq!(store.save(&sample()), Ok(false));
        assert_eq!(mem.map.borrow().get(KEY).map(String::as_str), Some("{\"version\":9,\"x\":1}"));
    }

    #[test]
    fn no_storage_runs_in_memory_with_a_notice() {
        let (store, progress, notice) = Store::<&Memory>::open(None, 1.0);
        assert_eq!(notice, Some(Notice::Unavailable));
        assert_eq!(progress, Progress::default());
        assert_eq!(store.save(&sample()), Ok(false));
    }

    #[test]
    fn a_failed_save_is_reported() {
        let mem = Memory { fail_writes: true, ..Memory::default() };
        let (store, _, notice) = Store::open(Some(&mem), 1.0);
        assert_eq!(notice, None);
        assert_eq!(store.save(&sample()), Err(Notice::SaveFailed("storage is full".into())));
    }

    #[test]
    fn mistakes_follow_the_latest_answer() {
        let rec = |at: f64, answers: &[(&str, bool)]| QuizRecord {
            at,
            quiz: String::new(),
            seconds: 1,
            answers: answers.iter().map(|(id, ok)| AnswerRecord { id: (*id).into(), picked: vec![0], correct: *ok, rating: None }).collect(),
            timed_out: false,
        };
        let p = Progress {
            history: vec![rec(1.0, &[("a", false), ("b", false), ("c", true)]), rec(2.0, &[("a", true), ("d", false)])],
            ..Progress::default()
        };
        assert_eq!(p.mistakes(), vec!["d", "b"]);
        assert!(p.has_seen("c") && !p.has_seen("e"));
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

    #[test]
    fn history_is_capped() {
        use crate::quiz::{Filters, QuizSpec};
        let mut p = Progress::default();
        let s = Session::new(QuizSpec { filters: Filters { count: Some(2), ..Filters::default() }, seed: 1, ..QuizSpec::default() }, 0.0);
        for i in 0..(MAX_HISTORY + 5) {
            p.record(&s, i as f64 * 1000.0, false);
        }
        assert_eq!(p.history.len(), MAX_HISTORY);
        assert_eq!(p.history[0].at, 5000.0);
        assert_eq!(p.history[0].seconds, 5);
    }
}

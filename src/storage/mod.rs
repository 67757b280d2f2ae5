//! Everything the app keeps in `localStorage`, and the rules that keep it safe.
//!
//! One key holds one versioned JSON document (`schema`), written by `encode` and read by
//! `decode` whatever version wrote it. Invariants:
//! - A value this code cannot read (corrupt, foreign, truncated) is copied to a backup key
//!   before anything else is written, and the user is told; if the copy fails, the app runs
//!   without saving rather than overwrite it.
//! - A value written by a newer version of the app is never overwritten by this one.
//! - A backup is never removed except by the user (Settings lists every one, with download
//!   and delete), so missing the notice never loses data.
//! - Storage that is missing, disabled or full never stops the app: it runs in memory and says
//!   that progress will not be saved.
//! - Every save re-reads the stored document and applies the change to it, so a second tab's
//!   answers are never overwritten by this tab's stale copy.
//!
//! `gloo-storage` is not used here: its accessors throw when storage is disabled (private
//! modes, blocked cookies), and the app must degrade, not crash.

mod decode;
mod encode;
mod schema;

pub use decode::{decode, DecodeError, Decoded};
pub use schema::{AnswerRecord, Day, Moment, Progress, QuizRecord, SavedQuiz, Summary, MAX_HISTORY, MAX_HISTORY_ANSWERS, VERSION};

use std::cell::Cell;

pub const KEY: &str = "django-quiz";
pub const BACKUP_PREFIX: &str = "django-quiz.backup.";
/// A revision stamp written with the document (the writing tab's id and its save count): a tab
/// compares this, not the whole document, to learn whether another tab has written since.
pub const REV_KEY: &str = "django-quiz.rev";

/// What the user is told about storage. Shown as a notice; none of these stops the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// No usable storage at all.
    Unavailable,
    /// Unreadable data was set aside under `backup_key`; `kept` says whether some of it could
    /// still be read and was kept.
    Recovered { backup_key: String, reason: String, kept: bool },
    /// Unreadable data could not be set aside, so nothing is saved to avoid losing it.
    KeptUnsaved { reason: String },
    /// A newer version of the app owns the data; this one will not overwrite it.
    Newer,
    /// A save failed (storage full or revoked).
    SaveFailed(String),
    /// A save succeeded after one had failed: what was kept in the tab is stored now.
    SavedAgain,
}

impl Notice {
    pub fn message(&self) -> String {
        match self {
            Notice::Unavailable => "This browser is not letting the app store data (storage is disabled or in a private mode). You can use the quiz, but your progress will not be saved.".into(),
            Notice::Recovered { reason, kept: true, .. } => format!("Part of your saved progress could not be read ({reason}). Everything else was kept, and a copy of it as it was stored was set aside: you can download it here or later from Settings."),
            Notice::Recovered { reason, kept: false, .. } => format!("Your saved progress could not be read ({reason}). A copy was set aside (you can download it here or later from Settings) and the app started a fresh record."),
            Notice::KeptUnsaved { reason } => format!("Your saved progress could not be read ({reason}) and could not be backed up, so the app will not save over it. Progress from this visit will not be saved."),
            Notice::Newer => "Your progress was saved by a newer version of this app. This version will not change it; progress from this visit will not be saved. Reload to get the newer version.".into(),
            Notice::SaveFailed(reason) => format!("Your progress could not be saved ({reason}). It is kept in this tab for now and will be saved with your next answer if storage allows."),
            Notice::SavedAgain => "Your progress is saved again, including the answers kept in this tab while storage was full.".into(),
        }
    }

    /// The notice to show after a save: a failure replaces whatever was shown; a success after
    /// a failure says so, and any other notice (a recovery, a newer version) stays.
    pub fn after_save(shown: Option<Notice>, saved: Result<(), Notice>) -> Option<Notice> {
        match (shown, saved) {
            (_, Err(failed)) => Some(failed),
            (Some(Notice::SaveFailed(_)), Ok(())) => Some(Notice::SavedAgain),
            (shown, Ok(())) => shown,
        }
    }

    /// The storage key of data the user can download, if any.
    pub fn backup_key(&self) -> Option<&str> {
        match self {
            Notice::Recovered { backup_key, .. } => Some(backup_key),
            _ => None,
        }
    }
}

/// Where the document lives: `localStorage` in the app, memory in tests.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str) -> Result<(), String>;
    /// Every key stored, in any order.
    fn keys(&self) -> Vec<String>;
}

/// A copy of unreadable data, set aside when the app found it.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub key: String,
    /// When it was set aside (ms since the epoch), read from the key; `None` if the key's
    /// suffix is not a time (written by hand or by another app).
    pub when: Option<f64>,
    /// Its size in bytes as downloaded (UTF-8).
    pub size: usize,
}

pub struct Store<B> {
    backend: Option<B>,
    /// False when saving would destroy data the app could not read.
    writable: bool,
    /// True while this tab holds changes the last save could not store: then what is stored
    /// is older than what the tab holds, and the two are merged rather than replaced.
    unsaved: Cell<bool>,
    /// The revision stamp this tab last wrote or saw: while `REV_KEY` still holds it, no other
    /// tab has written, and a save skips reading the document again. Empty until known.
    last: std::cell::RefCell<String>,
    /// This tab's id (random, from the app) and how many saves it made, for revision stamps.
    tab: Cell<u64>,
    saves: Cell<u64>,
    /// The history as last encoded, with its `history_key`: most saves follow an answer, which
    /// leaves the history as it was.
    history: std::cell::RefCell<(u64, String)>,
}

impl<B: Backend> Store<B> {
    fn new(backend: Option<B>, writable: bool) -> Store<B> {
        Store { backend, writable, unsaved: Cell::new(false), last: Default::default(), tab: Cell::new(0), saves: Cell::new(0), history: Default::default() }
    }

    /// Sets this tab's id, which makes its revision stamps unique among tabs.
    pub fn set_tab(&self, id: u64) {
        self.tab.set(id);
    }

    /// Opens the store and loads progress. Never fails: problems become notices.
    pub fn open(backend: Option<B>, now: f64) -> (Store<B>, Progress, Option<Notice>) {
        let Some(backend) = backend else {
            return (Store::new(None, false), Progress::default(), Some(Notice::Unavailable));
        };
        let raw = match backend.get(KEY) {
            Ok(raw) => raw,
            Err(_) => return (Store::new(None, false), Progress::default(), Some(Notice::Unavailable)),
        };
        let Some(raw) = raw else {
            return (Store::new(Some(backend), true), Progress::default(), None);
        };
        // Fields this version does not know would be lost by the next save: the original is
        // set aside first, exactly as damaged data is.
        // `kept`: whether what could be read was kept (all of it, when only unknown fields are left out).
        let (progress, reason, kept) = match decode(&raw) {
            Ok(Decoded { progress, damaged: false, unknown: false }) => return (Store::new(Some(backend), true), progress, None),
            Ok(Decoded { progress, damaged: true, .. }) => {
                let kept = progress != Progress::default();
                (progress, "parts of it were damaged".to_owned(), kept)
            }
            Ok(Decoded { progress, unknown: true, .. }) => (progress, "it holds fields this version of the app does not know".to_owned(), true),
            Err(DecodeError::Newer(_)) => return (Store::new(Some(backend), false), Progress::default(), Some(Notice::Newer)),
            Err(DecodeError::Unreadable(reason)) => (Progress::default(), reason, false),
        };
        let backup_key = format!("{BACKUP_PREFIX}{}", now as u64);
        match backend.set(&backup_key, &raw) {
            // Once the copy is safe, replace the bad value with what could be read, so the next
            // visit starts clean instead of backing it up again.
            Ok(()) if backend.set(KEY, &progress.to_json()).is_ok() => {
                (Store::new(Some(backend), true), progress, Some(Notice::Recovered { backup_key, reason, kept }))
            }
            _ => (Store::new(Some(backend), false), progress, Some(Notice::KeptUnsaved { reason })),
        }
    }

    /// Whether saves reach storage at all.
    pub fn saves(&self) -> bool {
        self.backend.is_some() && self.writable
    }

    /// What is stored now if another tab changed it since this one last read or wrote it.
    fn stored(&self) -> Option<Progress> {
        let backend = self.backend.as_ref()?;
        if let Ok(Some(rev)) = backend.get(REV_KEY) {
            if *self.last.borrow() == rev {
                return None;
            }
        }
        let raw = backend.get(KEY).ok()??;
        match decode(&raw) {
            Ok(Decoded { progress, damaged: false, .. }) => Some(progress),
            _ => None,
        }
    }

    /// Applies a change and saves it. The change is applied to what is stored now, so a change
    /// made in another tab since this one loaded is kept; `mine` becomes the result. On failure
    /// the change is still in `mine`, and the notice says it was not saved.
    pub fn update(&self, mine: &mut Progress, change: impl FnOnce(&mut Progress)) -> Result<(), Notice> {
        if self.saves() {
            if let Some(stored) = self.stored() {
                *mine = self.catch_up(stored, mine);
            }
        }
        change(mine);
        self.save(mine).map(|_| ())
    }

    /// Saves progress as it is (an import, a reset). `Ok(false)` when this store does not
    /// save (already reported at open).
    pub fn save(&self, progress: &Progress) -> Result<bool, Notice> {
        let Some(backend) = self.backend.as_ref().filter(|_| self.writable) else {
            return Ok(false);
        };
        let json = {
            let key = progress.history_key();
            let mut cache = self.history.borrow_mut();
            if cache.1.is_empty() || cache.0 != key {
                *cache = (key, progress.history_json());
            }
            progress.to_json_with(&cache.1)
        };
        // The stamp goes first: if the document then fails to save, other tabs merely read the
        // old document again; a new document never sits under an old stamp.
        let rev = format!("{:x}.{}", self.tab.get(), self.saves.get() + 1);
        let result = if json.is_empty() {
            Err(Notice::SaveFailed("the data could not be encoded".into()))
        } else {
            backend.set(REV_KEY, &rev).and_then(|()| backend.set(KEY, &json)).map(|()| true).map_err(Notice::SaveFailed)
        };
        if result.is_ok() {
            self.saves.set(self.saves.get() + 1);
            *self.last.borrow_mut() = rev;
        }
        self.unsaved.set(result.is_err());
        result
    }

    /// What this tab holds once it knows the document another tab saved: theirs, which already
    /// holds every answer this tab saved, merged with this tab's if its last save failed (this
    /// tab then holds answers the store never got).
    fn catch_up(&self, mut theirs: Progress, mine: &Progress) -> Progress {
        if self.unsaved.get() {
            theirs.merge(mine.clone());
        }
        theirs
    }

    /// Progress after another tab stored `raw` (see `catch_up`). `None` if it cannot be read.
    pub fn external(&self, raw: &str, mine: &Progress) -> Option<Progress> {
        let Decoded { progress, damaged: false, .. } = decode(raw).ok()? else { return None };
        // The other tab wrote its stamp with the document: take it, so the next save here does not
        // read the document again.
        *self.last.borrow_mut() = self.backend.as_ref().and_then(|b| b.get(REV_KEY).ok().flatten()).unwrap_or_default();
        let mut progress = self.catch_up(progress, mine);
        // The quiz in progress belongs to this tab.
        progress.current = mine.current.clone();
        Some(progress)
    }

    /// A value kept under a backup key, for the user to download.
    pub fn backup(&self, key: &str) -> Option<String> {
        key.starts_with(BACKUP_PREFIX).then_some(())?;
        self.backend.as_ref()?.get(key).ok().flatten()
    }

    /// Every backup in storage, newest first (those without a time last).
    pub fn backups(&self) -> Vec<Backup> {
        let mut list: Vec<Backup> = Vec::new();
        let Some(backend) = self.backend.as_ref() else { return list };
        for key in backend.keys() {
            if !key.starts_with(BACKUP_PREFIX) {
                continue;
            }
            let Ok(Some(value)) = backend.get(&key) else { continue };
            let when = backup_time(&key);
            // Insertion keeps the order without a sort: there are a handful of backups at most,
            // and a sort's generic code would cost more bytes than it saves time.
            let at = list.iter().position(|b| b.when.unwrap_or(-1.0) < when.unwrap_or(-1.0)).unwrap_or(list.len());
            // Bytes as the download writes them (UTF-8), not UTF-16 units.
            list.insert(at, Backup { key, when, size: value.len() });
        }
        list
    }

    /// Deletes a backup, at the user's request. Refuses any other key.
    pub fn discard(&self, key: &str) -> Result<(), String> {
        if !key.starts_with(BACKUP_PREFIX) {
            return Err("this is not a set-aside copy".into());
        }
        self.backend.as_ref().ok_or_else(|| "storage is not available".to_owned())?.remove(key)
    }
}

/// When a backup was set aside (ms since the epoch), from its key; `None` if the key does not
/// end in a time (written by hand or by another app).
pub fn backup_time(key: &str) -> Option<f64> {
    key.strip_prefix(BACKUP_PREFIX)?.parse::<u64>().ok().map(|ms| ms as f64)
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

    fn remove(&self, key: &str) -> Result<(), String> {
        self.0.remove_item(key).map_err(|e| js_reason(&e))
    }

    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n).filter_map(|i| self.0.key(i).ok().flatten()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;

    /// A shared in-memory `localStorage`: clones are two tabs of one browser.
    #[derive(Clone, Default)]
    struct Memory {
        map: Rc<RefCell<HashMap<String, String>>>,
        fail_writes: Rc<Cell<bool>>,
    }

    impl Memory {
        fn with(key: &str, value: &str) -> Memory {
            let m = Memory::default();
            m.map.borrow_mut().insert(key.into(), value.into());
            m
        }
        fn get(&self, key: &str) -> Option<String> {
            self.map.borrow().get(key).cloned()
        }
    }

    impl Backend for Memory {
        fn get(&self, key: &str) -> Result<Option<String>, String> {
            Ok(self.map.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), String> {
            if self.fail_writes.get() {
                return Err("storage is full".into());
            }
            self.map.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) -> Result<(), String> {
            self.map.borrow_mut().remove(key);
            Ok(())
        }
        fn keys(&self) -> Vec<String> {
            self.map.borrow().keys().cloned().collect()
        }
    }

    const AT: Moment = Moment { ms: 1_767_225_600_000.0, day: 20_454 };

    fn learnt(ids: &[&str]) -> Progress {
        let mut p = Progress::default();
        for id in ids {
            p.learn(id, 2, true, AT);
        }
        p
    }

    #[test]
    fn corrupt_data_is_backed_up_before_anything_is_written() {
        let mem = Memory::with(KEY, "{oops");
        let (store, progress, notice) = Store::open(Some(mem.clone()), 42.0);
        assert_eq!(progress, Progress::default());
        match &notice {
            Some(Notice::Recovered { backup_key, kept: false, .. }) => {
                assert_eq!(backup_key, &format!("{BACKUP_PREFIX}42"));
                assert_eq!(mem.get(backup_key).as_deref(), Some("{oops"));
                assert_eq!(store.backup(backup_key).as_deref(), Some("{oops"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(notice.as_ref().and_then(Notice::backup_key), Some("django-quiz.backup.42"));
        assert_eq!(store.backup(KEY), None, "only backups can be downloaded this way");
        // The bad value was replaced by a clean record: opening again finds no problem.
        let (_, _, again) = Store::open(Some(mem.clone()), 43.0);
        assert_eq!(again, None);
        let mut mine = progress;
        assert_eq!(store.update(&mut mine, |p| p.learn("orm-x", 2, true, AT)), Ok(()));
        assert_eq!(decode(&mem.get(KEY).unwrap()).unwrap().progress, learnt(&["orm-x"]));
    }

    #[test]
    fn damaged_parts_are_set_aside_and_the_rest_is_kept() {
        let good = learnt(&["orm-a", "views-b"]).to_json();
        // One memory entry of the wrong shape.
        let raw = good.replace("\"orm-a\":[", "\"broken\":7,\"orm-a\":[");
        let mem = Memory::with(KEY, &raw);
        let (_, progress, notice) = Store::open(Some(mem.clone()), 5.0);
        assert!(matches!(notice, Some(Notice::Recovered { kept: true, .. })), "{notice:?}");
        assert_eq!(progress, learnt(&["orm-a", "views-b"]));
        assert_eq!(mem.get("django-quiz.backup.5").as_deref(), Some(raw.as_str()));
        assert!(notice.unwrap().message().starts_with("Part of your saved progress could not be read"));
    }

    #[test]
    fn backups_are_listed_newest_first_and_only_backups_can_be_deleted() {
        let mem = Memory::with(KEY, "{oops");
        let (store, _, _) = Store::open(Some(mem.clone()), 1_000.0);
        mem.set(KEY, "[still bad]").unwrap();
        let (store2, _, _) = Store::open(Some(mem.clone()), 2_000.0);
        mem.set("django-quiz.backup.by-hand", "é").unwrap();
        mem.set("other-app", "x").unwrap();
        let keys = |s: &Store<Memory>| s.backups().into_iter().map(|b| (b.key, b.when, b.size)).collect::<Vec<_>>();
        assert_eq!(
            keys(&store),
            vec![
                ("django-quiz.backup.2000".to_owned(), Some(2_000.0), 11),
                ("django-quiz.backup.1000".to_owned(), Some(1_000.0), 5),
                // "é" is one UTF-16 unit but two bytes in the file the user downloads.
                ("django-quiz.backup.by-hand".to_owned(), None, 2),
            ]
        );
        assert_eq!(store2.discard("django-quiz.backup.1000"), Ok(()));
        assert_eq!(store.discard(KEY), Err("this is not a set-aside copy".into()));
        assert_eq!(store.discard("other-app"), Err("this is not a set-aside copy".into()));
        assert_eq!(keys(&store).len(), 2);
        assert!(mem.get(KEY).is_some() && mem.get("other-app").is_some());
        assert_eq!(Store::<Memory>::open(None, 1.0).0.backups(), vec![]);
    }

    #[test]
    fn corrupt_data_that_cannot_be_backed_up_is_never_overwritten() {
        let mem = Memory::with(KEY, "garbage");
        mem.fail_writes.set(true);
        let (store, _, notice) = Store::open(Some(mem.clone()), 1.0);
        assert!(matches!(notice, Some(Notice::KeptUnsaved { .. })));
        assert!(!store.saves());
        assert_eq!(store.save(&learnt(&["a"])), Ok(false));
        mem.fail_writes.set(false);
        let mut mine = Progress::default();
        assert_eq!(store.update(&mut mine, |p| p.learn("a", 2, true, AT)), Ok(()));
        assert_eq!(mine, learnt(&["a"]), "the app keeps working in memory");
        assert_eq!(mem.get(KEY).as_deref(), Some("garbage"));
    }

    #[test]
    fn newer_data_is_left_alone() {
        let mem = Memory::with(KEY, "{\"version\":9,\"x\":1}");
        let (store, _, notice) = Store::open(Some(mem.clone()), 1.0);
        assert_eq!(notice, Some(Notice::Newer));
        assert_eq!(store.save(&learnt(&["a"])), Ok(false));
        assert_eq!(mem.get(KEY).as_deref(), Some("{\"version\":9,\"x\":1}"));
    }

    #[test]
    fn fields_this_version_does_not_know_are_set_aside_before_a_save() {
        let v2 = r#"{"version":2,"history":[],"current":null,"bookmarks":[],"memory":{},"days":{}}"#;
        for raw in [
            v2.replace(r#""days":{}"#, r#""days":{},"futureThing":[1,2,3]"#),
            v2.replace(r#""history":[]"#, r#""history":[{"at":5,"quiz":"n=1&seed=1","seconds":1,"answers":[],"note":"mine"}]"#),
            v2.replace(r#""current":null"#, r#""current":{"quiz":"n=1&seed=1","started_at":5,"answers":[null],"comment":"hi"}"#),
        ] {
            let mem = Memory::with(KEY, &raw);
            let (_, _, notice) = Store::open(Some(mem.clone()), 7.0);
            assert!(matches!(&notice, Some(Notice::Recovered { kept: true, reason, .. }) if reason.contains("does not know")), "{raw}: {notice:?}");
            assert_eq!(mem.get("django-quiz.backup.7").as_deref(), Some(raw.as_str()), "the original, byte for byte");
        }
        // A document with only known fields opens without a word.
        let mem = Memory::with(KEY, v2);
        assert_eq!(Store::open(Some(mem), 7.0).2, None);
    }

    #[test]
    fn a_save_after_a_failed_one_replaces_the_failure_notice() {
        let full = Notice::SaveFailed("storage is full".into());
        assert_eq!(Notice::after_save(None, Err(full.clone())), Some(full.clone()));
        assert_eq!(Notice::after_save(Some(full.clone()), Ok(())), Some(Notice::SavedAgain));
        assert_eq!(Notice::after_save(Some(Notice::SavedAgain), Err(full.clone())), Some(full));
        // Notices that are not about saving stay until dismissed.
        assert_eq!(Notice::after_save(Some(Notice::Newer), Ok(())), Some(Notice::Newer));
        assert_eq!(Notice::after_save(None, Ok(())), None);
    }

    #[test]
    fn no_storage_runs_in_memory_with_a_notice() {
        let (store, progress, notice) = Store::<Memory>::open(None, 1.0);
        assert_eq!(notice, Some(Notice::Unavailable));
        assert_eq!(progress, Progress::default());
        let mut mine = progress;
        assert_eq!(store.update(&mut mine, |p| p.toggle_bookmark("x")), Ok(()));
        assert_eq!(mine.bookmarks, vec!["x"]);
    }

    #[test]
    fn a_failed_save_is_reported_and_caught_up_later() {
        let mem = Memory::default();
        let (store, mut mine, notice) = Store::open(Some(mem.clone()), 1.0);
        assert_eq!(notice, None);
        mem.fail_writes.set(true);
        assert_eq!(store.update(&mut mine, |p| p.learn("a", 2, true, AT)), Err(Notice::SaveFailed("storage is full".into())));
        assert_eq!(mine, learnt(&["a"]), "the answer stays in the tab");
        mem.fail_writes.set(false);
        assert_eq!(store.update(&mut mine, |p| p.learn("b", 2, true, AT)), Ok(()));
        assert_eq!(decode(&mem.get(KEY).unwrap()).unwrap().progress, learnt(&["a", "b"]), "the unsaved answer is saved with the next");
    }

    #[test]
    fn two_tabs_answering_keep_every_answer() {
        let mem = Memory::default();
        let (tab_a, mut a, _) = Store::open(Some(mem.clone()), 1.0);
        let (tab_b, mut b, _) = Store::open(Some(mem.clone()), 1.0);
        tab_a.set_tab(1);
        tab_b.set_tab(2);
        tab_a.update(&mut a, |p| p.learn("orm-1", 2, true, AT)).unwrap();
        // Tab B still holds the empty record it loaded; its save must not drop tab A's answer.
        tab_b.update(&mut b, |p| p.learn("views-2", 0, false, AT)).unwrap();
        tab_a.update(&mut a, |p| p.learn("orm-1", 0, false, Moment { ms: AT.ms + 1000.0, ..AT })).unwrap();
        let stored = decode(&mem.get(KEY).unwrap()).unwrap().progress;
        assert_eq!(stored.memory["orm-1"].seen, 2);
        assert_eq!(stored.memory["views-2"].seen, 1);
        assert_eq!(stored.days[&AT.day].n, 3);
        // The `storage` event gives tab B the whole record; its own quiz in progress stays.
        b.current = Some(SavedQuiz::new("n=5&seed=2".into(), crate::session::Saved::default()));
        let seen = tab_b.external(&mem.get(KEY).unwrap(), &b).unwrap();
        assert_eq!(seen.memory, stored.memory);
        assert_eq!(seen.current, b.current);
        assert_eq!(tab_b.external("{broken", &b), None);
    }
}

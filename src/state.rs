//! The state every screen shares: stored progress (one `Store`, opened once by `App`) and the
//! notice of a storage problem, with the clock the screens read (`now`, `moment`). Screens and
//! the app's frame both use it; it uses neither.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::storage::{BrowserStorage, Moment, Notice, Progress, Store};

thread_local! {
    /// The storage handle (`web_sys::Storage` is not `Send`, so it stays out of signals).
    static STORE: RefCell<Option<Store<BrowserStorage>>> = const { RefCell::new(None) };
}

/// State every screen may read or change.
#[derive(Clone, Copy)]
pub struct AppState {
    pub progress: RwSignal<Progress>,
    /// A storage problem the user should know about.
    pub notice: RwSignal<Option<Notice>>,
}

impl AppState {
    pub fn get() -> AppState {
        // Provided by `App` before any screen renders.
        expect_context::<AppState>()
    }

    /// Changes progress and saves it (applied to what is stored now, so another tab's answers
    /// are kept); a failed save becomes a notice, never a crash.
    pub fn update(&self, change: impl FnOnce(&mut Progress)) {
        // User Timing marks around each save: `make bench` reads the "quiz:save" measures.
        let perf = window().performance();
        if let Some(p) = &perf {
            let _ = p.mark("quiz:save:start");
        }
        let mut result = Ok(());
        self.progress.update(|p| {
            STORE.with(|s| match s.borrow().as_ref() {
                Some(store) => result = store.update(p, change),
                None => change(p),
            })
        });
        if let Some(p) = &perf {
            let _ = p.mark("quiz:save:end");
            let _ = p.measure_with_start_mark_and_end_mark("quiz:save", "quiz:save:start", "quiz:save:end");
        }
        self.saved(result);
    }

    /// Shows what a save's outcome means for the notice (`Notice::after_save`).
    fn saved(&self, result: Result<(), Notice>) {
        let next = Notice::after_save(self.notice.get_untracked(), result);
        if next != self.notice.get_untracked() {
            self.notice.set(next);
        }
    }

    /// Replaces all progress (an import, a reset) and saves it.
    pub fn replace(&self, progress: Progress) {
        let result = STORE.with(|s| s.borrow().as_ref().map(|s| s.save(&progress)));
        self.progress.set(progress);
        if let Some(result) = result {
            self.saved(result.map(|_| ()));
        }
    }

    /// The text kept under a backup key, for the user to download.
    pub fn backup(key: &str) -> Option<String> {
        STORE.with(|s| s.borrow().as_ref().and_then(|s| s.backup(key)))
    }

    /// Every set-aside copy in storage, newest first.
    pub fn backups() -> Vec<crate::storage::Backup> {
        STORE.with(|s| s.borrow().as_ref().map(|s| s.backups()).unwrap_or_default())
    }

    /// Deletes a set-aside copy, at the user's request.
    pub fn discard(key: &str) -> Result<(), String> {
        STORE.with(|s| s.borrow().as_ref().map_or_else(|| Err("storage is not available".into()), |s| s.discard(key)))
    }
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Now, with the user's local day number (for streaks and the activity calendar).
pub fn moment() -> Moment {
    moment_at(now())
}

/// A time (ms since the epoch) with the user's local day number.
pub fn moment_at(ms: f64) -> Moment {
    // getTimezoneOffset is UTC minus local time, in minutes.
    let offset = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).get_timezone_offset();
    Moment { ms, day: ((ms - offset * 60_000.0) / 86_400_000.0).floor() as i32 }
}

/// The end of the user's local day (ms), for "due today".
pub fn end_of_today() -> f64 {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now()));
    d.set_hours(23);
    d.set_minutes(59);
    d.set_seconds(59);
    d.get_time()
}

/// Opens stored progress and gives every screen the state (`AppState::get`).
pub fn open() -> AppState {
    let (store, progress, notice) = Store::open(BrowserStorage::open(), now());
    // A random tab id keeps this tab's revision stamps apart from every other tab's.
    store.set_tab((js_sys::Math::random() * 9_007_199_254_740_991.0) as u64);
    STORE.with(|s| *s.borrow_mut() = Some(store));
    let state = AppState { progress: RwSignal::new(progress), notice: RwSignal::new(notice) };
    provide_context(state);
    // A timed exam that ran out while the app was closed is handed in now, not offered to continue.
    if state.progress.with_untracked(|p| p.exam_ran_out(now())) {
        state.update(|p| {
            p.hand_in_expired(now(), moment_at);
        });
    }
    state
}

/// What another tab saved (`raw`, from a `storage` event), as this tab's new progress, if it
/// differs from `mine`.
pub fn external(raw: &str, mine: &Progress) -> Option<Progress> {
    STORE.with(|s| s.borrow().as_ref().and_then(|s| s.external(raw, mine)))
}

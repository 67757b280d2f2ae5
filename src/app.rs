//! The app shell: loads stored progress once, follows the URL fragment, and shows the screen
//! for the current route. Shared state goes to the screens through `AppState`.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::fresh::IntoFresh;
use crate::route::{self, Route};
use crate::routes;
use crate::storage::{BrowserStorage, Moment, Notice, Progress, Store, KEY};

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
        if let Err(notice) = result {
            self.notice.set(Some(notice));
        }
    }

    /// Replaces all progress (an import, a reset) and saves it.
    pub fn replace(&self, progress: Progress) {
        let result = STORE.with(|s| s.borrow().as_ref().map(|s| s.save(&progress)));
        self.progress.set(progress);
        if let Some(Err(notice)) = result {
            self.notice.set(Some(notice));
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
    let ms = now();
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

/// Navigates by setting the fragment; the `hashchange` listener renders the new screen.
pub fn go(route: &Route) {
    let _ = window().location().set_hash(&route::href(route));
}

fn current_route() -> Route {
    route::parse(&window().location().hash().unwrap_or_default())
}

#[component]
pub fn App() -> impl IntoView {
    let (store, progress, notice) = Store::open(BrowserStorage::open(), now());
    // A random tab id keeps this tab's revision stamps apart from every other tab's.
    store.set_tab((js_sys::Math::random() * 9_007_199_254_740_991.0) as u64);
    STORE.with(|s| *s.borrow_mut() = Some(store));
    let state = AppState { progress: RwSignal::new(progress), notice: RwSignal::new(notice) };
    provide_context(state);

    // Another tab saved: take its record, which already holds every answer this tab saved.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(KEY) {
            return;
        }
        let Some(raw) = ev.new_value() else { return };
        let theirs = state.progress.with_untracked(|mine| STORE.with(|s| s.borrow().as_ref().and_then(|s| s.external(&raw, mine))));
        if let Some(p) = theirs {
            state.progress.set(p);
        }
    });

    let route = RwSignal::new(current_route());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(current_route());
        // A new screen starts at the top, with focus on its main heading (see `ui::focus_heading`).
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });

    // Which header link is the current page.
    let section = move || match route.get() {
        Route::Browse(_) | Route::Question(_) => 1,
        Route::Stats => 2,
        Route::Settings => 3,
        _ => 0,
    };
    view! {
        <header class="top">
            <div class="topbar">
                <a class="brand" href="#/">
                    <span class="logo" aria-hidden="true">"dj"</span>
                    "Django Interview Quiz"
                </a>
                <nav aria-label="Main">
                    <a href="#/" aria-current=move || (section() == 0).then_some("page")>"Quiz"</a>
                    <a href="#/browse" aria-current=move || (section() == 1).then_some("page")>"Browse"</a>
                    <a href="#/stats" aria-current=move || (section() == 2).then_some("page")>"Stats"</a>
                    <a href="#/settings" aria-current=move || (section() == 3).then_some("page")>"Settings"</a>
                </nav>
            </div>
        </header>
        <main id="main">
            <NoticeBar />
            {move || page(route.get())}
        </main>
    }
}

/// The page for a route. Each page is built in a function of its own that is never inlined:
/// the browser compiles WebAssembly one function at a time, on its first call, and a single
/// function holding every page (it was 63 KB) would be compiled whole before the first one shows.
/// `#[inline(never)]` binds rustc only: wasm-opt inlines any function with a single caller, so
/// index.html caps that at 60 bytes (without the cap, the pages were one 58 KB function again).
/// The screens the home screen does not need live in chunks of their own (`pages`); a screen
/// waits for its chunk and for the data files of the questions it shows (`routes::loading`).
fn page(route: Route) -> AnyView {
    let missing = crate::bank::missing(shown_questions(&route));
    let chunk = crate::pages::Chunk::of(&route).filter(|c| !c.is_loaded());
    if missing.is_empty() && chunk.is_none() {
        build_page(route)
    } else {
        routes::loading::until_loaded(missing, chunk, move || build_page(route))
    }
}

/// The questions whose text a route's screen shows (none for screens of counts and settings).
pub fn shown_questions(route: &Route) -> Vec<usize> {
    match route {
        // A resumed quiz has the same questions as a new one: both come from the spec.
        Route::Quiz(spec) => crate::quiz::build(spec).into_iter().map(|it| it.question).collect(),
        Route::Results => use_context::<AppState>()
            .and_then(|s| s.progress.with_untracked(|p| p.history.last().map(|r| r.answers.iter().filter_map(|a| crate::bank::position(&a.id)).collect())))
            .unwrap_or_default(),
        Route::Browse(_) => (0..crate::bank::QUESTIONS.len()).collect(),
        Route::Question(index) => vec![*index],
        Route::Home | Route::Stats | Route::Shared(_) | Route::Settings | Route::BadLink(_) => Vec::new(),
    }
}

fn build_page(route: Route) -> AnyView {
    /// One function per page: each closure type below gets its own copy, never inlined.
    #[inline(never)]
    fn build<V: IntoView + 'static>(page: impl FnOnce() -> V) -> AnyView {
        page().into_fresh()
    }
    match route {
        Route::Home => build(routes::home::Home),
        Route::Shared(shared) => build(|| view! { <routes::shared::SharedQuiz shared /> }),
        Route::BadLink(message) => build(|| view! { <routes::bad_link::BadLink message /> }),
        other => match crate::pages::build(&other) {
            Some(view) => view,
            // `page` loaded the chunk first; should a split point's loader still be pending,
            // wait for it and build again.
            None => routes::loading::until_loaded(Vec::new(), crate::pages::Chunk::of(&other), move || build_page(other)),
        },
    }
}

#[component]
fn NoticeBar() -> impl IntoView {
    let state = AppState::get();
    move || {
        state.notice.get().map(|n| {
            let download = n.backup_key().map(|key| {
                let key = key.to_owned();
                let save = move |_| {
                    if let Some(text) = AppState::backup(&key) {
                        crate::ui::download(&format!("{key}.json"), &text);
                    }
                };
                view! { <button type="button" on:click=save>"Download the damaged data"</button> }
            });
            view! {
                <div class="notice" role="alert">
                    <p>{n.message()}</p>
                    <div class="notice-actions">
                        {download}
                        <button type="button" class="ghost" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                    </div>
                </div>
            }
        })
    }
}

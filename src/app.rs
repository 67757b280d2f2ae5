//! The app shell: loads stored progress once, follows the URL fragment, and shows the screen
//! for the current route. Shared state goes to the screens through `AppState`.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::route::{self, Route};
use crate::routes;
use crate::storage::{BrowserStorage, Notice, Progress, Store};

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

    /// Changes progress and saves it; a failed save becomes a notice, never a crash.
    pub fn update(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        let result = self.progress.with_untracked(|p| STORE.with(|s| s.borrow().as_ref().map(|s| s.save(p))));
        if let Some(Err(notice)) = result {
            self.notice.set(Some(notice));
        }
    }
}

pub fn now() -> f64 {
    js_sys::Date::now()
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
    STORE.with(|s| *s.borrow_mut() = Some(store));
    let state = AppState { progress: RwSignal::new(progress), notice: RwSignal::new(notice) };
    provide_context(state);

    let route = RwSignal::new(current_route());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(current_route());
        // A new screen starts at the top, with focus on its main heading (see `ui::focus_heading`).
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });

    // Which header link is the current page.
    let section = move || match route.get() {
        Route::Browse(_) | Route::Question(_) => 1,
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
                </nav>
            </div>
        </header>
        <main id="main">
            <NoticeBar />
            {move || match route.get() {
                Route::Home => routes::home::Home().into_any(),
                Route::Quiz(spec) if matches!(spec.mode, crate::quiz::Mode::Exam { .. }) => view! { <routes::exam::Exam spec /> }.into_any(),
                Route::Quiz(spec) => view! { <routes::quiz::Quiz spec /> }.into_any(),
                Route::Results => routes::results::Results().into_any(),
                Route::Browse(search) => view! { <routes::browse::Browse search /> }.into_any(),
                Route::Question(index) => view! { <routes::question::Question index /> }.into_any(),
                Route::BadLink(message) => view! { <routes::bad_link::BadLink message /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn NoticeBar() -> impl IntoView {
    let state = AppState::get();
    move || {
        state.notice.get().map(|n| {
            view! {
                <div class="notice" role="alert">
                    <p>{n.message()}</p>
                    <button type="button" class="ghost" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}

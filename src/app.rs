//! The app's frame: opens stored progress once (`state`), follows the URL fragment (`nav`), and
//! shows the screen for the current route. Screens never import this module.

use leptos::prelude::*;

use crate::fresh::IntoFresh;
use crate::nav::{current_route, shown_questions};
use crate::route::Route;
use crate::routes;
use crate::state::{self, AppState};
use crate::storage::KEY;

#[component]
pub fn App() -> impl IntoView {
    let state = state::open();

    // Another tab saved: take its record, which already holds every answer this tab saved.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(KEY) {
            return;
        }
        let Some(raw) = ev.new_value() else { return };
        let theirs = state.progress.with_untracked(|mine| state::external(&raw, mine));
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

//! Entry point: swap index.html's pre-painted shell for the app, mounted on `<body>`.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use django_quiz::{bank, nav, pages, route, routes};

/// How long the first screen waits for its question text before it mounts with a loading line.
const TEXT_WAIT: Duration = Duration::from_millis(800);

fn main() {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let route = route::parse(&hash);
    let missing = bank::missing(nav::shown_questions(&route));
    let chunk = pages::Chunk::of(&route);
    if missing.is_empty() && chunk.is_none() {
        show();
        return;
    }
    // A link to a screen of questions or in a chunk of its own: mount once its text and code
    // are here (the page's early script started fetching them before the wasm arrived), so
    // the first screen is the screen itself, not a loading line swapped for it. A slow network
    // gets the loading line after TEXT_WAIT; a failure is the loading screen's to report.
    let shown = Rc::new(Cell::new(false));
    let once = move || {
        if !shown.replace(true) {
            show();
        }
    };
    let later = once.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = routes::loading::load(missing, chunk).await;
        once();
    });
    leptos::prelude::set_timeout(later, TEXT_WAIT);
}

fn show() {
    let window = web_sys::window();
    let visible = window.as_ref().and_then(|w| w.document()).is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
    let painted = window.as_ref().and_then(|w| w.performance()).is_some_and(|p| p.get_entries_by_type("paint").length() > 0);
    if visible && !painted {
        // The app arrived before the shell was painted (a fast load): let the shell paint
        // first, then mount after that frame, in a task of its own.
        django_quiz::ui::after_paint(mount);
    } else {
        // The usual case on a phone network: the shell is on screen already (or the tab is
        // hidden and has no frames to wait for).
        mount();
    }
}

fn mount() {
    // Removed in the same task as the mount, so no frame shows both or neither.
    if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
    leptos::mount::mount_to_body(django_quiz::app::App);
}

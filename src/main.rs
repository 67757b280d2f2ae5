//! Entry point: swap index.html's pre-painted shell for the app, mounted on `<body>`.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;

fn main() {
    let document = web_sys::window().and_then(|w| w.document());
    let visible = document.as_ref().is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
    if visible {
        // Let the shell paint first (a fast load could otherwise skip that frame), then mount:
        // after the next frame's paint, in a task of its own.
        request_animation_frame(|| set_timeout(mount, Duration::ZERO));
    } else {
        // A hidden tab has no frames to wait for.
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

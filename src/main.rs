//! Entry point: swap index.html's pre-painted shell for the app, mounted on `<body>`.

fn main() {
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

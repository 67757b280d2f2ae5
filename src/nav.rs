//! Navigation: screens are URL fragments (`route`); going to one sets the fragment, and the
//! app's frame renders what `hashchange` brings. Also which questions' text a screen shows, so
//! that the start-up and a share link's intro can fetch it early.

use leptos::prelude::*;

use crate::route::{self, Route};
use crate::state::AppState;

/// Navigates by setting the fragment; the `hashchange` listener renders the new screen.
pub fn go(route: &Route) {
    let _ = window().location().set_hash(&route::href(route));
}

pub fn current_route() -> Route {
    route::parse(&window().location().hash().unwrap_or_default())
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

#[cfg(test)]
mod tests {
    /// The screens, the shared state and navigation never import the app's frame (`app.rs`),
    /// which imports them: what they share lives here and in `state`.
    #[test]
    fn screens_never_import_the_apps_frame() {
        // Spelled in two parts, so this test does not find itself.
        let needle = concat!("crate", "::app");
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files: Vec<_> = std::fs::read_dir(src.join("routes")).unwrap().map(|e| e.unwrap().path()).collect();
        files.extend(["state.rs", "nav.rs", "pages.rs"].map(|f| src.join(f)));
        let found: Vec<String> = files
            .iter()
            .filter(|p| std::fs::read_to_string(p).unwrap().lines().any(|l| !l.trim_start().starts_with("//") && l.contains(needle)))
            .map(|p| p.display().to_string())
            .collect();
        assert!(found.is_empty(), "{found:?} import {needle}");
    }
}

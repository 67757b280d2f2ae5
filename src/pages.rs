//! The screens the home screen does not need, each in a chunk of its own: a release build
//! (`make dist`, with `--cfg split`; see `tools/split.mjs`) moves each chunk's code into a
//! WebAssembly file that is fetched when one of its screens is first shown. Without that cfg
//! (the development server, tests) these are plain calls and every chunk counts as loaded.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::fresh::IntoFresh;
use crate::quiz::QuizSpec;
use crate::route::{Route, Search};
use crate::routes;

type Built = Result<AnyView, SplitLoaderError>;

/// A split point: `fn name(args) in chunk, loaded by load_fn { body }`. Split, the call is
/// async and fetches the chunk first (a failure is an `Err`, never a panic: `fallible`).
macro_rules! split {
    ($(fn $name:ident($($arg:ident: $ty:ty),*) in $chunk:ident, $load:ident $body:block)*) => {$(
        #[cfg(split)]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload($load))]
        pub fn $name($($arg: $ty),*) -> Built $body

        #[cfg(not(split))]
        pub async fn $name($($arg: $ty),*) -> Built $body

        #[cfg(not(split))]
        pub async fn $load() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    )*};
}

split! {
    fn quiz(spec: QuizSpec) in quiz, load_quiz { Ok(view! { <routes::quiz::Quiz spec /> }.into_fresh()).inspect(|_| soon(Chunk::Results)) }
    fn results() in results, load_results { Ok(routes::results::Results().into_fresh()) }
    fn exam(spec: QuizSpec) in exam, load_exam { Ok(view! { <routes::exam::Exam spec /> }.into_fresh()).inspect(|_| soon(Chunk::Results)) }
    fn browse(search: Search) in browse, load_browse { Ok(view! { <routes::browse::Browse search /> }.into_fresh()) }
    fn question(index: usize) in browse, load_question { Ok(view! { <routes::question::Question index /> }.into_fresh()) }
    fn stats() in stats, load_stats { Ok(routes::stats::Stats().into_fresh()) }
    fn settings() in settings, load_settings { Ok(routes::settings::Settings().into_fresh()) }
}

/// The split-off part of the app a screen needs, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    /// A practice quiz or flashcards.
    Quiz,
    Results,
    Exam,
    /// Browse and a question's own page.
    Browse,
    Stats,
    Settings,
}

thread_local! {
    /// The chunks loaded so far, one bit each.
    static LOADED: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

impl Chunk {
    pub fn of(route: &Route) -> Option<Chunk> {
        Some(match route {
            Route::Quiz(spec) if matches!(spec.mode, crate::quiz::Mode::Exam { .. }) => Chunk::Exam,
            Route::Quiz(_) => Chunk::Quiz,
            Route::Results => Chunk::Results,
            Route::Browse(_) | Route::Question(_) => Chunk::Browse,
            Route::Stats => Chunk::Stats,
            Route::Settings => Chunk::Settings,
            Route::Home | Route::Shared(_) | Route::BadLink(_) => return None,
        })
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }

    pub fn is_loaded(self) -> bool {
        // Unsplit builds have no chunks: everything is linked in.
        cfg!(not(split)) || LOADED.with(|l| l.get() & self.bit() != 0)
    }

    /// Fetches and instantiates the chunk (once; a failed attempt is retried on the next call).
    pub async fn load(self) -> Result<(), crate::bank::LoadError> {
        // Each split point has a loader of its own: a chunk is loaded when all of its points'
        // loaders are (after the first, the module is there and the others only record it).
        let loaded = match self {
            Chunk::Quiz => load_quiz().await,
            Chunk::Results => load_results().await,
            Chunk::Exam => load_exam().await,
            Chunk::Browse => match load_browse().await {
                Ok(()) => load_question().await,
                failed => failed,
            },
            Chunk::Stats => load_stats().await,
            Chunk::Settings => load_settings().await,
        };
        loaded.map_err(|_| crate::bank::LoadError::Code)?;
        LOADED.with(|l| l.set(l.get() | self.bit()));
        Ok(())
    }
}

/// Loads `chunk` a little after the current screen is up (a quiz's results, so that they open
/// at once, online or not); a failure here is the later screen's to report, when it asks again.
fn soon(chunk: Chunk) {
    if !chunk.is_loaded() {
        set_timeout(
            move || {
                leptos::task::spawn_local(async move {
                    let _ = chunk.load().await;
                })
            },
            std::time::Duration::from_secs(2),
        );
    }
}

/// The screen of a route whose chunk is loaded (`Chunk::is_loaded`), built now, in the caller's
/// reactive owner. `None` if its chunk is not loaded after all.
pub fn build(route: &Route) -> Option<AnyView> {
    let built = match route.clone() {
        Route::Quiz(spec) if matches!(spec.mode, crate::quiz::Mode::Exam { .. }) => now(exam(spec)),
        Route::Quiz(spec) => now(quiz(spec)),
        Route::Results => now(results()),
        Route::Browse(search) => now(browse(search)),
        Route::Question(index) => now(question(index)),
        Route::Stats => now(stats()),
        Route::Settings => now(settings()),
        Route::Home | Route::Shared(_) | Route::BadLink(_) => None,
    };
    built.and_then(Result::ok)
}

/// Polls a split point's call once: with its chunk loaded, the call completes at once.
fn now<T>(call: impl std::future::Future<Output = T>) -> Option<T> {
    let mut call = std::pin::pin!(call);
    match call.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(value) => Some(value),
        std::task::Poll::Pending => None,
    }
}

#[cfg(test)]
mod tests {
    use super::Chunk;
    use crate::route::parse;

    /// The home screen and what a link opens before any other screen need no chunk; every
    /// other screen has one (index.html's early script preloads by the same rule).
    #[test]
    fn every_screen_but_home_and_a_links_first_screen_has_a_chunk() {
        for (link, chunk) in [
            ("#/", None),
            ("#/s/2.52.p.k3.00000", None),
            ("#/quiz?bad=1&seed=x", None),
            ("#/quiz?n=5&seed=1", Some(Chunk::Quiz)),
            ("#/quiz?mode=cards&seed=1", Some(Chunk::Quiz)),
            ("#/quiz?mode=exam&t=10&seed=1", Some(Chunk::Exam)),
            ("#/results", Some(Chunk::Results)),
            ("#/browse?s=csrf", Some(Chunk::Browse)),
            ("#/stats", Some(Chunk::Stats)),
            ("#/settings", Some(Chunk::Settings)),
        ] {
            assert_eq!(Chunk::of(&parse(link)), chunk, "{link}");
        }
        let question = format!("#/q/{}", crate::quiz::short_code(crate::bank::QUESTIONS[0].id));
        assert_eq!(Chunk::of(&parse(&question)), Some(Chunk::Browse));
    }

    /// Without `--cfg split` every chunk counts as loaded, and a split call completes at once.
    #[test]
    fn unsplit_builds_have_every_chunk() {
        for chunk in [Chunk::Quiz, Chunk::Results, Chunk::Exam, Chunk::Browse, Chunk::Stats, Chunk::Settings] {
            assert!(chunk.is_loaded());
        }
        assert_eq!(super::now(async { 7 }), Some(7));
        assert_eq!(super::now(std::future::pending::<u8>()), None);
    }
}

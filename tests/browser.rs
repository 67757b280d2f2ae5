//! In-browser tests (wasm-bindgen-test in headless Chromium): the storage layer against the
//! real `localStorage`, and the app mounted in a real document.
#![cfg(target_arch = "wasm32")]

use django_quiz::storage::{self, Backend, BrowserStorage, Notice, Progress, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn progress_round_trips_through_local_storage() {
    local().clear().unwrap();
    let (store, progress, notice) = Store::open(BrowserStorage::open(), 1.0);
    assert_eq!(notice, None);
    assert_eq!(progress, Progress::default());
    let current = storage::SavedQuiz { quiz: "n=5&seed=1".into(), started_at: 2.0, answers: vec![Some(vec![1]), None], marked: Vec::new(), pos: 0, ratings: Vec::new() };
    let p = Progress { current: Some(current), bookmarks: vec!["orm-x".into()], ..Progress::default() };
    assert_eq!(store.save(&p), Ok(true));
    let (_, again, _) = Store::open(BrowserStorage::open(), 3.0);
    assert_eq!(again, p);
}

#[wasm_bindgen_test]
fn corrupt_local_storage_is_backed_up() {
    local().clear().unwrap();
    local().set_item(storage::KEY, "\u{0}not json").unwrap();
    let (store, progress, notice) = Store::open(BrowserStorage::open(), 77.0);
    assert_eq!(progress, Progress::default());
    assert!(matches!(notice, Some(Notice::Recovered { .. })), "{notice:?}");
    assert_eq!(local().get_item("django-quiz.backup.77").unwrap().as_deref(), Some("\u{0}not json"));
    assert!(store.saves());
}

#[wasm_bindgen_test]
fn quota_exceeded_is_a_readable_error() {
    local().clear().unwrap();
    let backend = BrowserStorage::open().unwrap();
    // Browsers cap localStorage at a few MB per origin: a 12 MB value must be refused.
    let huge = "x".repeat(12 * 1024 * 1024);
    let err = backend.set("django-quiz.test", &huge).unwrap_err();
    assert_eq!(err, "storage is full");
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn the_app_mounts_and_renders_the_home_screen() {
    local().clear().unwrap();
    // The test runner's page has its own URL; the app routes on the fragment.
    web_sys::window().unwrap().location().set_hash("#/").unwrap();
    leptos::mount::mount_to_body(django_quiz::app::App);
    let doc = web_sys::window().unwrap().document().unwrap();
    let h1 = doc.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(h1.text_content().unwrap(), "Practise for your Django interview");
    let start = doc.query_selector("button[type=submit]").unwrap().expect("a start button");
    assert_eq!(start.text_content().unwrap(), "Start quiz");
}

//! In-browser tests (wasm-bindgen-test in headless Chromium): the storage layer against the
//! real `localStorage`, and the app mounted in a real document.
#![cfg(target_arch = "wasm32")]

use django_quiz::storage::{self, Backend, BrowserStorage, Moment, Notice, Progress, Store};
use wasm_bindgen::JsCast;
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
    let current =
        storage::SavedQuiz { quiz: "n=5&seed=1".into(), started_at: 2.0, answers: vec![Some(vec![1]), None], marked: Vec::new(), pos: 0, ratings: Vec::new() };
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

const AT: Moment = Moment { ms: 1_767_225_600_000.0, day: 20_454 };

#[wasm_bindgen_test]
fn a_quota_error_while_saving_becomes_a_notice_and_the_answer_is_kept() {
    local().clear().unwrap();
    let (store, mut mine, _) = Store::open(BrowserStorage::open(), 1.0);
    // Fill the origin's storage so the next save cannot fit.
    let mut filler = 0;
    for size in [512 * 1024, 16 * 1024, 512] {
        let chunk = "y".repeat(size);
        while filler < 2000 && local().set_item(&format!("filler.{filler}"), &chunk).is_ok() {
            filler += 1;
        }
    }
    let big = "z".repeat(256 * 1024);
    let result = store.update(&mut mine, |p| {
        p.learn("orm-a", 2, true, AT);
        p.bookmarks.push(big.clone());
    });
    assert_eq!(result, Err(Notice::SaveFailed("storage is full".into())));
    assert!(mine.memory.contains_key("orm-a"), "kept in the tab");
    local().clear().unwrap();
    // With room again, the next save stores both answers.
    mine.bookmarks.clear();
    store.update(&mut mine, |p| p.learn("views-b", 2, true, AT)).unwrap();
    let (_, again, _) = Store::open(BrowserStorage::open(), 2.0);
    assert_eq!(again.memory.len(), 2);
}

#[wasm_bindgen_test]
fn disabled_storage_runs_in_memory_with_a_notice() {
    // As in a browser that blocks storage: reading `localStorage` throws a SecurityError.
    let hide = "window.__saved = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
        Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } })";
    js_sys::eval(hide).unwrap();
    let backend = BrowserStorage::open();
    let restore = "if (window.__saved) Object.defineProperty(window, 'localStorage', window.__saved); else delete window.localStorage";
    js_sys::eval(restore).unwrap();
    assert!(backend.is_none());
    let (store, mut mine, notice) = Store::open(backend, 1.0);
    assert_eq!(notice, Some(Notice::Unavailable));
    assert_eq!(store.update(&mut mine, |p| p.learn("orm-a", 0, false, AT)), Ok(()));
    assert_eq!(mine.mistakes(), vec!["orm-a"]);
}

#[wasm_bindgen_test]
async fn another_document_saving_fires_a_storage_event_that_merges_in() {
    local().clear().unwrap();
    let (tab, mut mine, _) = Store::open(BrowserStorage::open(), 1.0);
    tab.update(&mut mine, |p| p.learn("orm-mine", 2, true, AT)).unwrap();
    // A second document of the same origin (an iframe stands in for another tab) saves its
    // own answer on top; this document gets a `storage` event with the new value.
    let doc = web_sys::window().unwrap().document().unwrap();
    let frame: web_sys::HtmlIFrameElement = doc.create_element("iframe").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&frame).unwrap();
    let other_window = frame.content_window().unwrap();
    let other: web_sys::Storage = other_window.local_storage().unwrap().unwrap();
    let mut theirs = storage::decode(&other.get_item(storage::KEY).unwrap().unwrap()).unwrap().progress;
    theirs.learn("views-theirs", 0, false, AT);
    let (tx, rx) = futures_channel::oneshot::channel::<String>();
    let tx = std::cell::RefCell::new(Some(tx));
    let on_storage = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() == Some(storage::KEY) {
            if let (Some(tx), Some(v)) = (tx.borrow_mut().take(), ev.new_value()) {
                let _ = tx.send(v);
            }
        }
    });
    web_sys::window().unwrap().add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref()).unwrap();
    other.set_item(storage::KEY, &theirs.to_json()).unwrap();
    let raw = rx.await.unwrap();
    let seen = tab.external(&raw, &mine).unwrap();
    assert!(seen.memory.contains_key("orm-mine") && seen.memory.contains_key("views-theirs"));
    // This tab's next save builds on the other document's, never on its stale copy.
    mine = seen;
    tab.update(&mut mine, |p| p.learn("forms-next", 2, true, AT)).unwrap();
    let (_, stored, _) = Store::open(BrowserStorage::open(), 2.0);
    assert_eq!(stored.memory.len(), 3);
    frame.remove();
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

/// Resolves after the current task: the reactive system runs its effects by then.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_fresh_view_is_replaced_where_it_stood_and_a_plain_one_is_patched() {
    use django_quiz::fresh::{Fresh, IntoFresh};
    use leptos::prelude::*;
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let n = RwSignal::new(1);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <p class="first">"first"</p>
            {move || Fresh(view! { <p class="fresh">{n.get()}</p> })}
            {move || view! { <p class="erased">{n.get() * 10}</p> }.into_fresh()}
            {move || view! { <p class="patched">{n.get() * 100}</p> }}
            <p class="last">"last"</p>
        }
    });
    let text = |sel: &str| host.query_selector(sel).unwrap().and_then(|e| e.text_content());
    let node = |sel: &str| host.query_selector(sel).unwrap().unwrap();
    let order = || {
        let all = host.query_selector_all("p").unwrap();
        (0..all.length()).map(|i| all.get(i).unwrap().dyn_into::<web_sys::Element>().unwrap().class_name()).collect::<Vec<_>>()
    };
    let before = (node(".fresh"), node(".erased"), node(".patched"));
    n.set(2);
    next_task().await;
    assert_eq!((text(".fresh"), text(".erased"), text(".patched")), (Some("2".into()), Some("20".into()), Some("200".into())));
    // Replaced: new nodes, in the same places; the plain view keeps its node and is patched.
    assert!(!node(".fresh").is_same_node(Some(&before.0)));
    assert!(!node(".erased").is_same_node(Some(&before.1)));
    assert!(node(".patched").is_same_node(Some(&before.2)));
    assert_eq!(order(), ["first", "fresh", "erased", "patched", "last"]);
    assert_eq!(host.query_selector_all("p").unwrap().length(), 5, "the old nodes are gone");
    drop(handle);
    host.remove();
}

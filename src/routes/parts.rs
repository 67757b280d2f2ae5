//! Pieces the quiz screens share: starting or resuming a session, saving it, finishing it, the
//! question with its choices, the bookmark toggle and the countdown clock.

use leptos::prelude::*;

use crate::bank;
use crate::fresh::{Fresh, IntoFresh};
use crate::model::{Kind, Question};
use crate::nav;
use crate::route::{self, Route};
use crate::session::Session;
use crate::state::{self, AppState};
use crate::storage::SavedQuiz;
use crate::ui;

/// Resumes the saved quiz when the link is the same quiz, otherwise starts it afresh. A fresh
/// start is saved (so a reload comes back to the same questions) in the task after the first
/// question is built: showing it does not wait for the write, and the save takes the state as
/// it is then (nothing, if the quiz was left at once).
pub fn start_or_resume(state: AppState, spec: crate::quiz::QuizSpec) -> RwSignal<Session> {
    let query = route::encode_spec(&spec);
    let saved = state.progress.with_untracked(|p| p.current.clone()).filter(|c| c.quiz == query);
    if let Some(s) = saved.and_then(|c| Session::restore(spec.clone(), c.state())) {
        return RwSignal::new(s);
    }
    let session = RwSignal::new(Session::new(spec, state::now()));
    let save_now = move || {
        session.try_with_untracked(|s| save(state, s));
    };
    set_timeout(save_now, std::time::Duration::ZERO);
    session
}

/// Saves the quiz in progress, so a reload or a closed tab resumes it.
pub fn save(state: AppState, session: &Session) {
    save_and_learn(state, session, &[]);
}

/// Teaches the spaced-repetition memory the answers to the questions at `indices`.
fn learn(p: &mut crate::storage::Progress, session: &Session, indices: &[usize], at: crate::storage::Moment) {
    for &i in indices {
        if let Some((id, grade, right)) = session.review(i) {
            p.learn(id, grade, right, at);
        }
    }
}

/// Saves the quiz in progress and learns the answers at `indices`, in one write.
pub fn save_and_learn(state: AppState, session: &Session, indices: &[usize]) {
    let saved = SavedQuiz::new(route::encode_spec(&session.spec), session.saved());
    let at = state::moment();
    state.update(|p| {
        p.current = Some(saved);
        learn(p, session, indices, at);
    });
}

/// Learns the answers at `indices` (those not learnt as they were given), records the finished
/// quiz in the history and opens the results, in one write.
pub fn finish(state: AppState, session: &Session, indices: &[usize], timed_out: bool) {
    let at = state::moment();
    state.update(|p| {
        learn(p, session, indices, at);
        p.record(session, at.ms, timed_out);
    });
    nav::go(&Route::Results);
}

/// Shown when a quiz link selects nothing in this version of the bank.
pub fn empty_quiz() -> AnyView {
    view! {
        <section class="card narrow">
            <h1>"No questions match this quiz"</h1>
            <p>"The topics and levels it asks for have no questions in this version of the bank."</p>
            <a class="button primary" href="#/">"Choose another quiz"</a>
        </section>
    }
    .into_fresh()
}

/// Area, level and kind of a question, with its bookmark toggle.
pub fn meta(q: &'static Question) -> impl IntoView {
    view! {
        <div class="meta-row">
            <p class="meta">
                <span>{bank::area_title(q.area)}</span>
                <span>{q.level.title()}</span>
                <span>{format!("Django {}", crate::model::versions_label(q.versions))}</span>
                {(q.kind == Kind::Flashcard).then_some(view! { <span>"Open question"</span> })}
            </p>
            {bookmark(q.id)}
        </div>
    }
}

/// Bookmarks or unbookmarks the question on screen (Shift+B).
pub fn toggle_current_bookmark(state: AppState, session: RwSignal<Session>) {
    if let Some(id) = session.with_untracked(|s| s.current().map(|it| it.question().id)) {
        state.update(|p| p.toggle_bookmark(id));
    }
}

/// A toggle that bookmarks a question (saved with the progress).
pub fn bookmark(id: &'static str) -> impl IntoView {
    let state = AppState::get();
    let on = move || state.progress.with(|p| p.is_bookmarked(id));
    view! {
        <button type="button" class="bookmark" aria-pressed=move || on().to_string() on:click=move |_| state.update(|p| p.toggle_bookmark(id))>
            // A toggle keeps one name; aria-pressed and the star say its state.
            <span aria-hidden="true">{move || if on() { "★" } else { "☆" }}</span>
            "Bookmark"
        </button>
    }
}

/// A choice's classes: picked by the user, and once shown, right or wrongly picked.
fn choice_class(picked: bool, shown: bool, correct: bool) -> &'static str {
    match (picked, shown, correct) {
        (true, true, true) => "choice picked correct",
        (true, true, false) => "choice picked wrong",
        (false, true, true) => "choice correct",
        (true, false, _) => "choice picked",
        _ => "choice",
    }
}

/// The question shown at `p`, with its choices in quiz order. `shown` reveals right and wrong.
pub fn question_view(session: RwSignal<Session>, p: usize, shown: Signal<bool>) -> impl IntoView {
    let item = session.with_untracked(|s| s.items[p].clone());
    let q = item.question();
    let t = q.text();
    let multiple = q.kind == Kind::Multiple;
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    let choices = item
        .order
        .iter()
        .map(|&c| {
            let picked = move || session.with(|s| s.picked(p).contains(&c));
            let correct = q.answer.contains(&c);
            view! {
                // One reactive class string and one tag per choice, not a closure per class:
                // each reactive closure is code of its own in the download.
                <label class=move || choice_class(picked(), shown.get(), correct)>
                    <input
                        // Moving to another question reuses these elements. `checked` is set
                        // first: a box still checked from the last question that turns into a
                        // radio, or joins this question's group, would uncheck this answer.
                        prop:checked=picked
                        type=if multiple { "checkbox" } else { "radio" }
                        name=format!("choice-{p}")
                        disabled=shown
                        on:change=move |_| session.update(|s| s.toggle(c))
                    />
                    <span class="text">{ui::rich(t.choice(c))}</span>
                    {move || {
                        let tag = match (shown.get(), correct, picked()) {
                            (true, true, _) => Some(("tag ok", "Correct answer")),
                            (true, false, true) => Some(("tag no", "Your answer")),
                            _ => None,
                        };
                        tag.map(|(class, text)| view! { <span class=class>{text}</span> })
                    }}
                </label>
            }
        })
        .collect_view();
    let how = q.kind.instruction();
    view! {
        {meta(q)}
        <h1 class="prompt" tabindex="-1" node_ref=heading>{ui::rich(t.prompt)}</h1>
        {t.code.as_ref().map(ui::code_block)}
        <fieldset class="choices">
            <legend>{how}</legend>
            {choices}
        </fieldset>
    }
}

/// The right answer of a choice question as a list.
pub fn right_answer(q: &'static Question) -> impl IntoView {
    let t = q.text();
    let items = q.answer.iter().map(|&c| view! { <li>{ui::rich(t.choice(c))}</li> }).collect_view();
    view! { <ul class="answer">{items}</ul> }
}

/// "Read it in the Django docs" (or DRF docs), opening in a new tab.
pub fn docs_link(q: &'static Question) -> impl IntoView {
    let docs = q.text().docs;
    view! { <a class="docs" href=docs target="_blank" rel="noopener">"Read it in the " {crate::model::docs_site(docs)}</a> }
}

/// `m:ss` for a countdown.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// A signal of the current time (ms since the epoch), ticking every `ms` while the screen is
/// shown. Timers read it, so none of the logic reads the clock itself.
pub fn ticking_now(ms: u64) -> ReadSignal<f64> {
    let (now, set_now) = signal(state::now());
    if let Ok(handle) = set_interval_with_handle(move || set_now.set(state::now()), std::time::Duration::from_millis(ms)) {
        on_cleanup(move || handle.clear());
    }
    now
}

/// The absolute URL of a fragment on this page (whatever host and sub-path the app is on).
pub fn absolute(fragment: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{fragment}")
}

/// Hands a link to the system share sheet where the browser has one, otherwise copies it, and
/// says which happened; the link also stays in a field for copying by hand.
fn share_or_copy(url: &str, status: RwSignal<&'static str>) {
    use wasm_bindgen::{JsCast, JsValue};
    let get = |obj: &JsValue, name: &str| js_sys::Reflect::get(obj, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined());
    let Some(nav) = get(&window().into(), "navigator") else {
        status.set("Copy the link below.");
        return;
    };
    let call = |obj: &JsValue, name: &str, arg: &JsValue| -> Option<js_sys::Promise> {
        let f = get(obj, name)?.dyn_into::<js_sys::Function>().ok()?;
        f.call1(obj, arg).ok()?.dyn_into::<js_sys::Promise>().ok()
    };
    let (promise, done, failed) = if get(&nav, "share").is_some() {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &"Django Interview Quiz".into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(url));
        (call(&nav, "share", &data.into()), "Shared.", "Not shared. Copy the link below instead.")
    } else {
        let clipboard = get(&nav, "clipboard");
        (clipboard.and_then(|c| call(&c, "writeText", &JsValue::from_str(url))), "Link copied to the clipboard.", "Copy the link below.")
    };
    let Some(promise) = promise else {
        status.set(failed);
        return;
    };
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        status.set(if ok { done } else { failed });
    });
}

/// A "share" button; `make` builds the link's fragment when clicked (so it names the quiz as it
/// is then). After a click the link is shown for copying by hand.
pub fn share_button(label: &'static str, make: impl Fn() -> Option<String> + Send + Sync + 'static) -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    let status = RwSignal::new("");
    let make = StoredValue::new(make);
    let click = move |_| {
        let Some(fragment) = make.with_value(|m| m()) else { return };
        let url = absolute(&fragment);
        share_or_copy(&url, status);
        link.set(Some(url));
    };
    view! {
        <div class="share">
            <button type="button" on:click=click>{label}</button>
            <p class="share-status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || link.get().map(|url| Fresh(view! {
                <label class="field share-link">
                    <span>"Link"</span>
                    <input type="text" readonly prop:value=url on:focus=|ev| {
                        if let Some(i) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                            i.select();
                        }
                    } />
                </label>
            }))}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::choice_class;

    #[test]
    fn a_choice_shows_picked_then_right_or_wrong() {
        assert_eq!(choice_class(false, false, true), "choice", "the answer is not given away");
        assert_eq!(choice_class(true, false, false), "choice picked");
        assert_eq!(choice_class(true, true, true), "choice picked correct");
        assert_eq!(choice_class(true, true, false), "choice picked wrong");
        assert_eq!(choice_class(false, true, true), "choice correct", "a missed right answer is shown");
        assert_eq!(choice_class(false, true, false), "choice");
    }
}

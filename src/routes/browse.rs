//! Browse: the whole bank as a searchable list. Each question opens on its own page and can be
//! bookmarked; whatever the list shows can be taken as a quiz (bookmarks included).

use leptos::prelude::*;

use crate::bank::{AREAS, QUESTIONS};
use crate::model::Level;
use crate::nav;
use crate::quiz::Mode;
use crate::route::{self, Route, Search};
use crate::routes::{home, parts};
use crate::state::AppState;
use crate::ui;

/// Rows shown at first and added by "Show more": enough to scroll, cheap to render.
const PAGE: usize = 40;

#[component]
pub fn Browse(search: Search) -> impl IntoView {
    let state = AppState::get();
    let search = RwSignal::new(search);
    let shown = RwSignal::new(PAGE);
    let hits = Memo::new(move |_| {
        let s = search.get();
        state.progress.with(|p| crate::search::find(&s, &p.bookmarks))
    });
    // Keep the URL in step without adding history entries, so reload and Back restore the
    // search but typing does not fill the history.
    Effect::new(move |_| {
        let href = route::href(&Route::Browse(search.get()));
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    });
    let heading = NodeRef::new();
    ui::focus_heading(heading);

    let set = move |f: &dyn Fn(&mut Search)| {
        search.update(|s| f(s));
        shown.set(PAGE);
    };
    let area_options = AREAS
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let i = i as u8;
            view! { <option value=a.id selected=move || search.with(|s| s.area == Some(i))>{a.title}</option> }
        })
        .collect_view();
    let level_options = Level::ALL
        .into_iter()
        .map(|l| view! { <option value=l.slug() selected=move || search.with(|s| s.level == Some(l))>{l.title()}</option> })
        .collect_view();
    let quiz_these = move |_| {
        let only = hits.get_untracked();
        if !only.is_empty() {
            nav::go(&home::named_quiz(Mode::Practice, only));
        }
    };

    let rows = move || {
        hits.with(|h| {
            h.iter()
                .take(shown.get())
                .map(|&i| {
                    let q = &QUESTIONS[i];
                    let t = q.text();
                    view! {
                        <li class="row">
                            <a class="row-link" href=route::href(&Route::Question(i))>{ui::rich(t.prompt)}</a>
                            <div class="meta-row">
                                <p class="meta">
                                    <span>{crate::bank::area_title(q.area)}</span>
                                    <span>{q.level.title()}</span>
                                    <span>{q.kind.title()}</span>
                                    <span>{format!("Django {}", crate::model::versions_label(q.versions))}</span>
                                </p>
                                {parts::bookmark(q.id)}
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="intro">
            <h1 tabindex="-1" node_ref=heading>"Browse the questions"</h1>
        </section>
        <form class="card search" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="field wide">
                <span>"Search"</span>
                <input
                    type="search"
                    placeholder="e.g. select_related, CSRF, signals"
                    prop:value=move || search.with(|s| s.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        set(&|s| s.text = text.clone());
                    }
                />
            </label>
            <label class="field">
                <span>"Topic"</span>
                <select on:change=move |ev| {
                    let area = crate::bank::area_index(&event_target_value(&ev));
                    set(&|s| s.area = area);
                }>
                    <option value="" selected=move || search.with(|s| s.area.is_none())>"All topics"</option>
                    {area_options}
                </select>
            </label>
            <label class="field">
                <span>"Level"</span>
                <select on:change=move |ev| {
                    let level = Level::from_slug(&event_target_value(&ev));
                    set(&|s| s.level = level);
                }>
                    <option value="" selected=move || search.with(|s| s.level.is_none())>"All levels"</option>
                    {level_options}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || search.with(|s| s.bookmarked)
                    on:change=move |_| set(&|s| s.bookmarked = !s.bookmarked) />
                "Bookmarked only"
            </label>
        </form>
        <div class="start-row list-head">
            <p class="match" role="status" aria-live="polite">
                {move || match hits.with(Vec::len) {
                    0 => "No question matches.".to_owned(),
                    1 => "1 question".to_owned(),
                    n => format!("{n} questions"),
                }}
            </p>
            <button type="button" class="primary" disabled=move || hits.with(Vec::is_empty) on:click=quiz_these>
                {move || if search.with(|s| s.bookmarked) { "Quiz my bookmarks" } else { "Quiz these questions" }}
            </button>
        </div>
        <ol class="rows">{rows}</ol>
        {move || (hits.with(Vec::len) > shown.get()).then(|| view! {
            <p class="more">
                <button type="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || format!("Show more ({} left)", hits.with(Vec::len).saturating_sub(shown.get()))}
                </button>
            </p>
        })}
    }
}

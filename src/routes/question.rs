//! One question on its own page (from Browse or a link): read it, show the answer, bookmark
//! it, practise it or study it as a flashcard.

use leptos::prelude::*;

use crate::bank::QUESTIONS;
use crate::fresh::{Fresh, IntoFresh};
use crate::model::{Django, Kind};
use crate::quiz::Mode;
use crate::route;
use crate::routes::{home, parts};
use crate::ui;

#[component]
pub fn Question(index: usize) -> impl IntoView {
    let Some(q) = QUESTIONS.get(index) else {
        return view! { <crate::routes::bad_link::BadLink message="This question is not in this version of the app.".to_owned() /> }.into_fresh();
    };
    let t = q.text();
    let shown = RwSignal::new(false);
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    let quiz = |mode: Mode| route::href(&home::named_quiz(mode, vec![index]));
    let body = if q.kind == Kind::Flashcard {
        let points = t.points.iter().map(|p| view! { <li>{ui::rich(p)}</li> }).collect_view();
        view! {
            <div hidden=move || !shown.get()>
                <p class="label">"Key points of a good answer"</p>
                <ul class="answer">{points}</ul>
            </div>
        }
        .into_fresh()
    } else {
        let choices = t
            .choices
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let right = q.answer.contains(&(c as u8));
                view! {
                    <li class="choice" class:correct=move || shown.get() && right>
                        <span class="text">{ui::rich(text)}</span>
                        {move || (shown.get() && right).then(|| Fresh(view! { <span class="tag ok">"Correct answer"</span> }))}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="options">{choices}</ul> }.into_fresh()
    };
    view! {
        <p class="back"><a href="#/browse">"← All questions"</a></p>
        <article class="card question">
            {parts::meta(q)}
            <h1 class="prompt" tabindex="-1" node_ref=heading>{ui::rich(t.prompt)}</h1>
            {t.code.as_ref().map(ui::code_block)}
            {body}
            <div class="live" role="status" aria-live="polite">
                {move || shown.get().then(|| Fresh(view! {
                    <div class="feedback ok">
                        <p class="explanation">{ui::rich(t.explanation)}</p>
                        {parts::docs_link(q)}
                    </div>
                }))}
            </div>
            <div class="actions">
                <button type="button" class="primary" aria-expanded=move || shown.get().to_string() on:click=move |_| shown.update(|s| *s = !*s)>
                    {move || if shown.get() { "Hide the answer" } else { "Show the answer" }}
                </button>
                {q.kind.auto_graded().then(|| view! { <a class="button" href=quiz(Mode::Practice)>"Practise it"</a> })}
                <a class="button" href=quiz(Mode::Cards { seconds: None })>"Study it as a flashcard"</a>
            </div>
            {parts::share_button("Share this question", move || {
                let mode = if q.kind.auto_graded() { Mode::Practice } else { Mode::Cards { seconds: None } };
                // The version the question is for: the LTS when it holds there.
                let version = if q.versions & Django::Lts.bit() != 0 { Django::Lts } else { Django::Latest };
                Some(crate::share::encode(mode, version, home::new_seed(), &[index], None))
            })}
        </article>
    }
    .into_fresh()
}

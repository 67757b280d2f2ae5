//! A shared quiz, before it starts: what it holds, the score to beat, and any questions the
//! link names that this version no longer has. Nothing is stored until the user starts.

use leptos::prelude::*;

use crate::bank::{self, QUESTIONS};
use crate::nav;
use crate::quiz::Mode;
use crate::route::Route;
use crate::share::Shared;
use crate::ui;

#[component]
pub fn SharedQuiz(shared: Shared) -> impl IntoView {
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    let spec = shared.spec;
    let n = crate::quiz::build(&spec).len();
    let mut areas: Vec<u8> = spec.only.iter().filter_map(|&i| QUESTIONS.get(i)).map(|q| q.area).collect();
    crate::sets::canonical(&mut areas, crate::bank::AREAS.len(), usize::from);
    let topics = areas.iter().map(|&a| bank::area_title(a)).collect::<Vec<_>>().join(", ");
    let how = match spec.mode {
        Mode::Practice => "Practice: the answer after each question".to_owned(),
        Mode::Exam { minutes: Some(m) } => format!("Mock interview: {m}\u{a0}minutes, answers at the end"),
        Mode::Exam { minutes: None } => "Mock interview: no timer, answers at the end".to_owned(),
        Mode::Cards { seconds: Some(s) } => format!("Flashcards: {s}\u{a0}seconds a card"),
        Mode::Cards { seconds: None } => "Flashcards".to_owned(),
    };
    let title = match spec.challenge {
        Some((right, total)) => format!("Can you beat {right}/{total}?"),
        None => "A quiz shared with you".to_owned(),
    };
    let questions = if n == 1 { "1 question".to_owned() } else { format!("{n} questions") };
    let dropped = shared.dropped;
    let version = spec.filters.version.title();
    let start = Route::Quiz(spec);
    // While the user reads this, the quiz's code and text arrive (a failure is the quiz
    // screen's to report, when it asks again).
    let missing = bank::missing(nav::shown_questions(&start));
    let chunk = crate::pages::Chunk::of(&start);
    leptos::task::spawn_local(async move {
        let _ = crate::routes::loading::load(missing, chunk).await;
    });
    view! {
        <section class="card narrow shared">
            <h1 tabindex="-1" node_ref=heading>{title}</h1>
            <p class="lead">{format!("{questions} · {how}")}</p>
            <p>{format!("Topics: {topics}. For Django {version}.")}</p>
            {(dropped > 0).then(|| view! {
                <p class="hint-msg">{if dropped == 1 {
                    "1 question in this link is no longer in the app; the quiz has the others.".to_owned()
                } else {
                    format!("{dropped} questions in this link are no longer in the app; the quiz has the others.")
                }}</p>
            })}
            <p class="hint">"Everyone who opens this link gets the same questions in the same order."</p>
            <div class="actions">
                <a class="button" href="#/">"Not now"</a>
                <button type="button" class="primary" on:click=move |_| nav::go(&start)>"Start the quiz"</button>
            </div>
        </section>
    }
}

//! The quiz screen: one question at a time, Check, feedback with explanation and docs link,
//! Next; the last Next records the result and opens the results screen. Every check is saved,
//! so a reload resumes the quiz where it was.

use leptos::prelude::*;

use crate::app::{self, AppState};
use crate::model::Kind;
use crate::quiz::QuizSpec;
use crate::route::{self, Route};
use crate::session::{CheckError, Phase, Session, RATINGS};
use crate::storage::SavedQuiz;
use crate::ui;

/// Resumes the saved quiz when the link is the same quiz, otherwise starts it afresh.
fn start_or_resume(state: AppState, spec: QuizSpec, query: &str) -> Session {
    let saved = state.progress.with_untracked(|p| p.current.clone()).filter(|c| c.quiz == query);
    if let Some(s) = saved.and_then(|c| Session::restore(spec.clone(), c.answers, c.ratings, c.started_at)) {
        return s;
    }
    let session = Session::new(spec, app::now());
    save(state, &session, query);
    session
}

fn save(state: AppState, session: &Session, query: &str) {
    let saved = SavedQuiz {
        quiz: query.to_owned(),
        started_at: session.started_at,
        answers: session.answers.clone(),
        ratings: session.ratings.clone(),
    };
    state.update(|p| p.current = Some(saved));
}

#[component]
pub fn Quiz(spec: QuizSpec) -> impl IntoView {
    let state = AppState::get();
    let query = route::encode_spec(&spec);
    let session = RwSignal::new(start_or_resume(state, spec, &query));
    let query = StoredValue::new(query);
    let total = session.with_untracked(|s| s.items.len());
    if total == 0 {
        return view! {
            <section class="card narrow">
                <h1>"No questions match this quiz"</h1>
                <p>"The topics and levels it asks for have no questions in this version of the bank."</p>
                <a class="button primary" href="#/">"Choose another quiz"</a>
            </section>
        }
        .into_any();
    }
    let pos = Memo::new(move |_| session.with(|s| s.pos));
    let phase = Memo::new(move |_| session.with(|s| s.phase()));
    let hint = RwSignal::new(false);
    let button: NodeRef<leptos::html::Button> = NodeRef::new();

    let on_card = Memo::new(move |_| session.with(|s| s.current().is_some_and(|it| it.question().kind == Kind::Flashcard)));
    let revealed = Memo::new(move |_| session.with(|s| s.revealed));
    // After any answer (check, "I don't know", a rating): save it, and keep focus on the main
    // button, which has become "Next"; the disabled choices would drop focus to <body>.
    let answered = move || {
        hint.set(false);
        session.with_untracked(|s| query.with_value(|q| save(state, s, q)));
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };

    // Check, or move on: one action for the button and for Enter anywhere in the form.
    let act = move || match phase.get_untracked() {
        Phase::Answering if on_card.get_untracked() => session.update(Session::reveal),
        Phase::Answering => {
            let result = session.try_update(|s| s.check());
            match result {
                Some(Err(CheckError::NothingSelected)) => hint.set(true),
                Some(Ok(_)) => answered(),
                _ => {}
            }
        }
        Phase::Feedback => {
            session.update(Session::next);
            if phase.get_untracked() == Phase::Finished {
                let now = app::now();
                session.with_untracked(|s| state.update(|p| p.record(s, now)));
                app::go(&Route::Results);
            }
        }
        Phase::Finished => app::go(&Route::Results),
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        act();
    };
    let dont_know = move || {
        if session.try_update(|s| s.dont_know()) == Some(Ok(())) {
            answered();
        }
    };
    let help = RwSignal::new(false);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.repeat() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        // 1–9 or a–i pick the k-th choice shown.
        let pick = match key.as_bytes() {
            [d @ b'1'..=b'9'] => Some(usize::from(d - b'1')),
            [l @ b'a'..=b'i'] => Some(usize::from(l - b'a')),
            _ => None,
        };
        if let Some(k) = pick {
            ev.prevent_default();
            session.update(|s| s.toggle_shown(k));
            hint.set(false);
        } else if key == " " && on_card.get_untracked() && !revealed.get_untracked() {
            ev.prevent_default();
            session.update(Session::reveal);
        } else if key == "?" {
            ev.prevent_default();
            help.update(|h| *h = !*h);
        } else if key == "Escape" {
            help.set(false);
        } else if key == "Enter" {
            // Enter on a choice checks it, as on a button; Enter on links keeps its meaning.
            let on_input = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
                .is_some();
            if on_input {
                ev.prevent_default();
                act();
            }
        }
    };

    let rate = move |r: u8| {
        if matches!(session.try_update(|s| s.rate(r)), Some(Ok(_))) {
            answered();
        }
    };
    let button_label = move || match phase.get() {
        Phase::Answering if on_card.get() => "Show the key points",
        Phase::Answering => "Check",
        Phase::Feedback if pos.get() + 1 == total => "See results",
        _ => "Next question",
    };

    view! {
        <div class="quiz-top">
            <p class="counter">{move || format!("Question {} of {total}", pos.get().min(total - 1) + 1)}</p>
            <div
                class="progress"
                role="progressbar"
                aria-label="Quiz progress"
                aria-valuemin="0"
                aria-valuemax=total
                aria-valuenow=move || session.with(|s| s.answers.iter().filter(|a| a.is_some()).count())
            >
                <span style:width=move || {
                    let done = session.with(|s| s.answers.iter().filter(|a| a.is_some()).count());
                    format!("{}%", done * 100 / total)
                }></span>
            </div>
        </div>
        <form class="card question" on:submit=on_submit on:keydown=on_key>
            {move || {
                let p = pos.get().min(total - 1);
                if session.with_untracked(|s| s.items[p].question().kind == Kind::Flashcard) {
                    card_view(session, phase, revealed, p).into_any()
                } else {
                    question_view(session, phase, p).into_any()
                }
            }}
            <div class="live" role="status" aria-live="polite">
                {move || hint.get().then(|| view! { <p class="hint-msg">"Choose an answer first."</p> })}
                {move || (phase.get() == Phase::Feedback).then(|| feedback_view(session, pos.get()))}
            </div>
            <div class="actions">
                {move || (phase.get() == Phase::Answering && !on_card.get()).then(|| view! {
                    <button type="button" class="ghost" on:click=move |_| dont_know()>"I don't know"</button>
                })}
                {move || (phase.get() == Phase::Answering && revealed.get()).then(|| {
                    let buttons = RATINGS
                        .iter()
                        .enumerate()
                        .map(|(r, label)| {
                            let r = r as u8;
                            view! { <button type="button" class:primary=r == 2 on:click=move |_| rate(r)>{*label}</button> }
                        })
                        .collect_view();
                    view! { <div class="ratings" role="group" aria-label="How well did you answer?">{buttons}</div> }
                })}
                <button type="submit" class="primary" node_ref=button hidden=move || revealed.get()>{button_label}</button>
            </div>
            <p class="keys">
                <button type="button" class="link" aria-expanded=move || help.get().to_string() on:click=move |_| help.update(|h| *h = !*h)>
                    "Keyboard shortcuts (?)"
                </button>
            </p>
            {move || help.get().then(|| view! {
                <dl class="shortcuts">
                    <dt><kbd>"1"</kbd>"–"<kbd>"9"</kbd>" or "<kbd>"a"</kbd>"–"<kbd>"i"</kbd></dt><dd>"choose an answer"</dd>
                    <dt><kbd>"Enter"</kbd></dt><dd>"check, then go to the next question"</dd>
                    <dt><kbd>"Space"</kbd></dt><dd>"show the key points of an open question"</dd>
                    <dt><kbd>"Tab"</kbd></dt><dd>"move between choices and buttons"</dd>
                    <dt><kbd>"?"</kbd></dt><dd>"show or hide this list"</dd>
                </dl>
            })}
        </form>
    }
    .into_any()
}

fn question_view(session: RwSignal<Session>, phase: Memo<Phase>, p: usize) -> impl IntoView {
    let item = session.with_untracked(|s| s.items[p].clone());
    let q = item.question();
    let multiple = q.kind == Kind::Multiple;
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    let choices = item
        .order
        .iter()
        .map(|&c| {
            let picked = move || {
                session.with(|s| match &s.answers[p] {
                    Some(a) => a.contains(&c),
                    None => s.selection.contains(&c),
                })
            };
            let shown = move || phase.get() == Phase::Feedback;
            let correct = q.answer.contains(&c);
            view! {
                <label
                    class="choice"
                    class:picked=picked
                    class:correct=move || shown() && correct
                    class:wrong=move || shown() && !correct && picked()
                >
                    <input
                        type=if multiple { "checkbox" } else { "radio" }
                        name="choice"
                        prop:checked=picked
                        disabled=shown
                        on:change=move |_| session.update(|s| s.toggle(c))
                    />
                    <span class="text">{ui::rich(q.choices[usize::from(c)])}</span>
                    {move || (shown() && correct).then(|| view! { <span class="tag ok">"Correct answer"</span> })}
                    {move || (shown() && !correct && picked()).then(|| view! { <span class="tag no">"Your answer"</span> })}
                </label>
            }
        })
        .collect_view();
    let how = match q.kind {
        Kind::Multiple => "Select all that apply.",
        Kind::TrueFalse => "True or false?",
        _ => "Choose one.",
    };
    view! {
        <p class="meta">
            <span>{crate::bank::area_title(q.area)}</span>
            <span>{q.level.title()}</span>
        </p>
        <h1 class="prompt" tabindex="-1" node_ref=heading>{ui::rich(q.prompt)}</h1>
        {q.code.map(ui::code_block)}
        <fieldset class="choices">
            <legend>{how}</legend>
            {choices}
        </fieldset>
    }
}

/// An open question: answer aloud, show the key points, tick those covered, rate yourself.
fn card_view(session: RwSignal<Session>, phase: Memo<Phase>, revealed: Memo<bool>, p: usize) -> impl IntoView {
    let q = session.with_untracked(|s| s.items[p].question());
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    let shown = move || revealed.get() || phase.get() == Phase::Feedback;
    let points = move || {
        q.points
        .iter()
        .enumerate()
        .map(|(k, point)| {
            let k = k as u8;
            let ticked = move || {
                session.with(|s| match &s.answers[p] {
                    Some(a) => a.contains(&k),
                    None => s.selection.contains(&k),
                })
            };
            view! {
                <label class="choice" class:picked=ticked>
                    <input type="checkbox" name="choice" prop:checked=ticked disabled=move || phase.get() == Phase::Feedback
                        on:change=move |_| session.update(|s| s.toggle(k)) />
                    <span class="text">{ui::rich(point)}</span>
                </label>
            }
        })
        .collect_view()
    };
    view! {
        <p class="meta">
            <span>{crate::bank::area_title(q.area)}</span>
            <span>{q.level.title()}</span>
            <span>"Open question"</span>
        </p>
        <h1 class="prompt" tabindex="-1" node_ref=heading>{ui::rich(q.prompt)}</h1>
        {q.code.map(ui::code_block)}
        {move || (!shown()).then(|| view! { <p class="hint">"Answer out loud, as in the interview, then show the key points."</p> })}
        {move || shown().then(|| view! {
            <fieldset class="choices">
                <legend>"Tick the points your answer covered."</legend>
                {points()}
            </fieldset>
        })}
    }
}

fn feedback_view(session: RwSignal<Session>, p: usize) -> impl IntoView {
    let (right, q) = session.with_untracked(|s| (s.is_right(p) == Some(true), s.items[p].question()));
    if q.kind == Kind::Flashcard {
        let rating = session.with_untracked(|s| s.ratings[p]).and_then(|r| RATINGS.get(usize::from(r))).copied().unwrap_or("");
        return view! {
            <div class="feedback" class:ok=right class:no=!right>
                <p class="verdict">{format!("You rated this: {rating}.")}</p>
                <p class="explanation">{ui::rich(q.explanation)}</p>
                <a class="docs" href=q.docs target="_blank" rel="noopener">"Read it in the " {crate::model::docs_site(q.docs)}</a>
            </div>
        }
        .into_any();
    }
    let answer = q.answer.iter().map(|&c| view! { <li>{ui::rich(q.choices[usize::from(c)])}</li> }).collect_view();
    view! {
        <div class="feedback" class:ok=right class:no=!right>
            <p class="verdict">{if right { "Correct." } else { "Not quite." }}</p>
            {(!right).then(|| view! {
                <p class="label">{if q.answer.len() > 1 { "The right answers:" } else { "The right answer:" }}</p>
                <ul class="answer">{answer}</ul>
            })}
            <p class="explanation">{ui::rich(q.explanation)}</p>
            <a class="docs" href=q.docs target="_blank" rel="noopener">"Read it in the " {crate::model::docs_site(q.docs)}</a>
        </div>
    }
    .into_any()
}

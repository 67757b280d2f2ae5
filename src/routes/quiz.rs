//! The practice and flashcard screen: one question at a time. Practice: Check, feedback with
//! explanation and docs link, Next. Flashcards: think, reveal, rate yourself, with an optional
//! countdown per card. The last Next records the result and opens the results screen. Every
//! answer is saved, so a reload resumes the quiz where it was.

use leptos::prelude::*;

use crate::fresh::{Fresh, IntoFresh};
use crate::model::Kind;
use crate::quiz::{Mode, QuizSpec};
use crate::routes::parts::{self, docs_link, right_answer};
use crate::session::{CheckError, Phase, Session, RATINGS};
use crate::state::AppState;
use crate::ui;

#[component]
pub fn Quiz(spec: QuizSpec) -> impl IntoView {
    let state = AppState::get();
    let card_seconds = match spec.mode {
        Mode::Cards { seconds } => seconds,
        _ => None,
    };
    let session = parts::start_or_resume(state, spec);
    let total = session.with_untracked(|s| s.items.len());
    if total == 0 {
        return parts::empty_quiz();
    }
    let pos = Memo::new(move |_| session.with(|s| s.pos));
    let phase = Memo::new(move |_| session.with(|s| s.phase()));
    let hint = RwSignal::new(false);
    let button: NodeRef<leptos::html::Button> = NodeRef::new();

    let on_card = Memo::new(move |_| session.with(Session::on_card));
    let revealed = Memo::new(move |_| session.with(|s| s.revealed));
    // After any answer (check, "I don't know", a rating): save it, and keep focus on the main
    // button, which has become "Next"; the disabled choices would drop focus to <body>.
    let answered = move || {
        hint.set(false);
        session.with_untracked(|s| parts::save_and_learn(state, s, &[s.pos]));
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
                // Every answer was learnt as it was given.
                session.with_untracked(|s| parts::finish(state, s, &[], false));
            }
        }
        Phase::Finished => crate::nav::go(&crate::route::Route::Results),
    };

    // The optional countdown of a card: it restarts with each card and, when it runs out,
    // shows the answer.
    let card_started = RwSignal::new(crate::state::now());
    let time_up = RwSignal::new(false);
    Effect::new(move |_| {
        pos.track();
        card_started.set(crate::state::now());
        time_up.set(false);
    });
    let left = card_seconds.map(|secs| {
        let now = parts::ticking_now(250);
        let left = Memo::new(move |_| {
            let gone = ((now.get() - card_started.get()) / 1000.0).max(0.0) as u32;
            u32::from(secs).saturating_sub(gone)
        });
        Effect::new(move |_| {
            if left.get() == 0 && phase.get_untracked() == Phase::Answering && !revealed.get_untracked() {
                session.update(Session::reveal);
                time_up.set(true);
            }
        });
        left
    });

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
        let Some(key) = ui::shortcut(&ev) else { return };
        if let Some(k) = ui::choice_key(&key) {
            ev.prevent_default();
            session.update(|s| s.toggle_shown(k));
            hint.set(false);
        } else if key == " " && on_card.get_untracked() && !revealed.get_untracked() {
            ev.prevent_default();
            session.update(Session::reveal);
        } else if key == "B" {
            ev.prevent_default();
            parts::toggle_current_bookmark(state, session);
        } else if key == "?" {
            ev.prevent_default();
            help.update(|h| *h = !*h);
        } else if key == "Escape" {
            help.set(false);
        } else if key == "Enter" && ui::enter_acts(&ev) {
            // Enter on a choice checks it, as on a button.
            ev.prevent_default();
            act();
        }
    };

    let rate = move |r: u8| {
        if matches!(session.try_update(|s| s.rate(r)), Some(Ok(_))) {
            answered();
        }
    };
    let button_label = move || match phase.get() {
        Phase::Answering if on_card.get() => {
            let open = session.with(|s| s.current().is_some_and(|it| it.question().kind == Kind::Flashcard));
            if open {
                "Show the key points"
            } else {
                "Show the answer"
            }
        }
        Phase::Answering => "Check",
        Phase::Feedback if pos.get() + 1 == total => "See results",
        _ => "Next question",
    };

    let countdown = left.map(|left| {
        view! {
            <p class="timer" class:urgent=move || { left.get() <= 10 } role="timer" aria-label="Time to answer"
                hidden=move || revealed.get() || phase.get() != Phase::Answering>
                {move || parts::clock(left.get())}
            </p>
        }
    });

    view! {
        <div class="quiz-top">
            <div class="top-row">
                <p class="counter">{move || format!("Question {} of {total}", pos.get().min(total - 1) + 1)}</p>
                {countdown}
            </div>
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
                if session.with_untracked(|s| s.is_card(p)) {
                    card_view(session, phase, revealed, p).into_fresh()
                } else {
                    let shown = Signal::derive(move || phase.get() == Phase::Feedback);
                    parts::question_view(session, p, shown).into_fresh()
                }
            }}
            <div class="live" role="status" aria-live="polite">
                {move || time_up.get().then(|| Fresh(view! { <p class="hint-msg">"Time is up."</p> }))}
                {move || hint.get().then(|| Fresh(view! { <p class="hint-msg">"Choose an answer first."</p> }))}
                {move || (phase.get() == Phase::Feedback).then(|| feedback_view(session, pos.get()))}
            </div>
            <div class="actions">
                {move || (phase.get() == Phase::Answering && !on_card.get()).then(|| Fresh(view! {
                    <button type="button" class="ghost" on:click=move |_| dont_know()>"I don't know"</button>
                }))}
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
            {move || help.get().then(|| Fresh(view! {
                <dl class="shortcuts">
                    <dt><kbd>"1"</kbd>"–"<kbd>"9"</kbd>" or "<kbd>"a"</kbd>"–"<kbd>"i"</kbd></dt><dd>"choose an answer"</dd>
                    <dt><kbd>"Enter"</kbd></dt><dd>"check, then go to the next question"</dd>
                    <dt><kbd>"Space"</kbd></dt><dd>"show the answer of a flashcard or open question"</dd>
                    <dt><kbd>"Shift"</kbd>" + "<kbd>"B"</kbd></dt><dd>"bookmark the question"</dd>
                    <dt><kbd>"Tab"</kbd></dt><dd>"move between choices and buttons"</dd>
                    <dt><kbd>"?"</kbd></dt><dd>"show or hide this list"</dd>
                </dl>
            }))}
        </form>
    }
    .into_fresh()
}

/// A card: an open question (answer aloud, then tick the key points covered) or any other
/// question studied as a flashcard (think of the answer, then see the right choices). Either
/// way the user then rates themself.
fn card_view(session: RwSignal<Session>, phase: Memo<Phase>, revealed: Memo<bool>, p: usize) -> impl IntoView {
    let q = session.with_untracked(|s| s.items[p].question());
    let t = q.text();
    let order = session.with_untracked(|s| s.items[p].order.clone());
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    let shown = move || revealed.get() || phase.get() == Phase::Feedback;
    let open = q.kind == Kind::Flashcard;
    let points = move || {
        t.points
            .iter()
            .enumerate()
            .map(|(k, point)| {
                let k = k as u8;
                let ticked = move || session.with(|s| s.picked(p).contains(&k));
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
    // A choice question as a card: its choices are shown as a plain list to think over.
    let options = (!open).then(|| {
        let items = order
            .iter()
            .map(|&c| {
                let right = q.answer.contains(&c);
                view! {
                    <li class="choice" class:correct=move || shown() && right>
                        <span class="text">{ui::rich(t.choice(c))}</span>
                        {move || (shown() && right).then(|| Fresh(view! { <span class="tag ok">"Correct answer"</span> }))}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="options">{items}</ul> }
    });
    view! {
        {parts::meta(q)}
        <h1 class="prompt" tabindex="-1" node_ref=heading>{ui::rich(t.prompt)}</h1>
        {t.code.as_ref().map(ui::code_block)}
        {options}
        {move || (!shown()).then(|| Fresh(view! {
            <p class="hint">{if open { "Answer out loud, as in the interview, then show the key points." } else { "Work out the answer, then show it." }}</p>
        }))}
        {move || (open && shown()).then(|| Fresh(view! {
            <fieldset class="choices">
                <legend>"Tick the points your answer covered."</legend>
                {points()}
            </fieldset>
        }))}
    }
}

fn feedback_view(session: RwSignal<Session>, p: usize) -> impl IntoView {
    let (right, card, q) = session.with_untracked(|s| (s.is_right(p) == Some(true), s.is_card(p), s.items[p].question()));
    let t = q.text();
    if card {
        let rating = session.with_untracked(|s| s.ratings[p]).and_then(|r| RATINGS.get(usize::from(r))).copied().unwrap_or("");
        return view! {
            <div class="feedback" class:ok=right class:no=!right>
                <p class="verdict">{format!("You rated this: {rating}.")}</p>
                <p class="explanation">{ui::rich(t.explanation)}</p>
                {docs_link(q)}
            </div>
        }
        .into_fresh();
    }
    view! {
        <div class="feedback" class:ok=right class:no=!right>
            <p class="verdict">{if right { "Correct." } else { "Not quite." }}</p>
            {(!right).then(|| view! {
                <p class="label">{if q.answer.len() > 1 { "The right answers:" } else { "The right answer:" }}</p>
                {right_answer(q)}
            })}
            <p class="explanation">{ui::rich(t.explanation)}</p>
            {docs_link(q)}
        </div>
    }
    .into_fresh()
}

//! The mock interview: a set of questions with an optional countdown and no feedback until the
//! quiz is handed in. A question map shows what is answered and marked for review and jumps to
//! any question; handing in with blanks asks first; when time runs out the quiz hands itself in.

use leptos::prelude::*;

use crate::fresh::{Fresh, IntoFresh};
use crate::quiz::QuizSpec;
use crate::routes::parts;
use crate::session::Session;
use crate::state::AppState;
use crate::ui;

#[component]
pub fn Exam(spec: QuizSpec) -> impl IntoView {
    let state = AppState::get();
    let session = parts::start_or_resume(state, spec);
    let total = session.with_untracked(|s| s.items.len());
    if total == 0 {
        return parts::empty_quiz();
    }
    let pos = Memo::new(move |_| session.with(|s| s.pos));
    let answered = Memo::new(move |_| session.with(|s| total - s.unanswered()));
    let confirming = RwSignal::new(false);
    let help = RwSignal::new(false);
    let confirm_button: NodeRef<leptos::html::Button> = NodeRef::new();

    // Every change (a pick, a mark, a move) is saved at once: in an exam a pick is an answer.
    // Once handed in, the quiz is in the history and must not come back as unfinished. The first
    // run only subscribes: `start_or_resume` saves (or has read) this very state.
    Effect::new(move |ran: Option<()>| {
        session.with(|s| {
            if ran.is_some() && !s.submitted {
                parts::save(state, s)
            }
        })
    });
    let change = move |f: &dyn Fn(&mut Session)| session.update(|s| f(s));
    let go = move |i: usize| {
        confirming.set(false);
        change(&|s| s.go_to(i));
    };
    let hand_in = move |timed_out: bool| {
        if session.try_update(|s| s.submit()) == Some(Ok(())) {
            session.with_untracked(|s| {
                // Handed in: every question is an answer now, blanks as wrong ones.
                let all: Vec<usize> = (0..s.items.len()).collect();
                parts::finish(state, s, &all, timed_out);
            });
        }
    };
    let ask_or_hand_in = move || {
        if session.with_untracked(Session::unanswered) > 0 && !confirming.get_untracked() {
            confirming.set(true);
            // Focus the dialog's own button, so the question it asks is read out.
            request_animation_frame(move || {
                if let Some(b) = confirm_button.get_untracked() {
                    let _ = b.focus();
                }
            });
        } else {
            hand_in(false);
        }
    };

    // The countdown: its deadline is fixed when the quiz starts, so closing the tab does not
    // stop it; coming back after the end hands the quiz in at once.
    let timed = session.with_untracked(|s| s.deadline().is_some());
    let left = timed.then(|| {
        let now = parts::ticking_now(500);
        // Never above the limit, whatever the clock does (`Session::seconds_left`).
        let left = Memo::new(move |_| session.with_untracked(|s| s.seconds_left(now.get())).unwrap_or(0));
        Effect::new(move |_| {
            if left.get() == 0 {
                hand_in(true);
            }
        });
        left
    });
    let timer = left.map(|left| {
        // Announced to screen readers only when it crosses these marks, not every second.
        let mark = Memo::new(move |_| match left.get() {
            0..=60 => "One minute left.",
            61..=300 => "Five minutes left.",
            _ => "",
        });
        view! {
            <p class="timer" class:urgent=move || { left.get() <= 60 } role="timer" aria-label="Time left">
                {move || parts::clock(left.get())}
            </p>
            <p class="sr-only" role="status" aria-live="polite">{mark}</p>
        }
    });

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let next = || {
            ev.prevent_default();
            if pos.get_untracked() + 1 < total {
                go(pos.get_untracked() + 1);
            }
        };
        let Some(key) = ui::shortcut(&ev) else { return };
        if let Some(k) = ui::choice_key(&key) {
            ev.prevent_default();
            change(&|s| s.toggle_shown(k));
            return;
        }
        match key.as_str() {
            "n" => next(),
            "Enter" if ui::enter_acts(&ev) => next(),
            "p" => {
                ev.prevent_default();
                go(pos.get_untracked().saturating_sub(1));
            }
            "m" => {
                ev.prevent_default();
                change(&Session::toggle_mark);
            }
            "B" => {
                ev.prevent_default();
                parts::toggle_current_bookmark(state, session);
            }
            "?" => {
                ev.prevent_default();
                help.update(|h| *h = !*h);
            }
            "Escape" => {
                help.set(false);
                confirming.set(false);
            }
            _ => {}
        }
    };
    let marked = move || session.with(|s| s.marked.get(s.pos).copied().unwrap_or(false));

    view! {
        <div class="quiz-top">
            <div class="top-row">
                <p class="counter">{move || format!("Question {} of {total}", pos.get() + 1)}</p>
                {timer}
            </div>
            <div class="progress" role="progressbar" aria-label="Questions answered" aria-valuemin="0" aria-valuemax=total aria-valuenow=answered>
                <span style:width=move || format!("{}%", answered.get() * 100 / total)></span>
            </div>
        </div>
        <form class="card question" on:submit=move |ev| { ev.prevent_default(); } on:keydown=on_key>
            // Patched in place, not replaced (see `Fresh`): the keys move between questions while
            // focus is on the heading or a choice, and it must stay there for the next key.
            {move || {
                let p = pos.get();
                parts::question_view(session, p, Signal::derive(|| false))
            }}
            <div class="actions exam-actions">
                <button type="button" on:click=move |_| go(pos.get_untracked().saturating_sub(1)) disabled=move || pos.get() == 0>
                    "Previous"
                </button>
                <button type="button" class="mark" aria-pressed=move || marked().to_string() on:click=move |_| change(&Session::toggle_mark)>
                    // A toggle keeps one name; aria-pressed and the flag say its state.
                    {move || marked().then(|| Fresh(view! { <span class="flag" aria-hidden="true">"⚑"</span> }))}
                    "Mark for review"
                </button>
                <button type="button" class="primary" on:click=move |_| go(pos.get_untracked() + 1) disabled=move || { pos.get() + 1 >= total }>
                    "Next"
                </button>
            </div>
            <p class="keys">
                <button type="button" class="link" aria-expanded=move || help.get().to_string() on:click=move |_| help.update(|h| *h = !*h)>
                    "Keyboard shortcuts (?)"
                </button>
            </p>
            {move || help.get().then(|| Fresh(view! {
                <dl class="shortcuts">
                    <dt><kbd>"1"</kbd>"–"<kbd>"9"</kbd>" or "<kbd>"a"</kbd>"–"<kbd>"i"</kbd></dt><dd>"choose an answer"</dd>
                    <dt><kbd>"n"</kbd>" or "<kbd>"Enter"</kbd>", "<kbd>"p"</kbd></dt><dd>"next, previous question"</dd>
                    <dt><kbd>"m"</kbd></dt><dd>"mark for review"</dd>
                    <dt><kbd>"Shift"</kbd>" + "<kbd>"B"</kbd></dt><dd>"bookmark the question"</dd>
                    <dt><kbd>"←"</kbd><kbd>"→"</kbd></dt><dd>"move in the question map"</dd>
                    <dt><kbd>"?"</kbd></dt><dd>"show or hide this list"</dd>
                </dl>
            }))}
        </form>
        {question_map(session, go)}
        <section class="card hand-in" aria-label="Hand in">
            <p role="status">{move || format!("{} of {total} answered", answered.get())}</p>
            <button type="button" class="primary" on:click=move |_| ask_or_hand_in()>"Hand in"</button>
        </section>
        {move || confirming.get().then(|| {
            let blanks = total - answered.get_untracked();
            let what = if blanks == 1 { "1 question has no answer".to_owned() } else { format!("{blanks} questions have no answer") };
            view! {
                <section class="card confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
                    <h2 id="confirm-title">"Hand in now?"</h2>
                    <p id="confirm-text">{what} " and will count as wrong."</p>
                    <div class="actions">
                        <button type="button" node_ref=confirm_button on:click=move |_| confirming.set(false)>"Keep answering"</button>
                        <button type="button" class="primary" on:click=move |_| hand_in(false)>"Hand in anyway"</button>
                    </div>
                </section>
            }
        })}
    }
    .into_fresh()
}

/// Buttons for every question: answered, marked, current. One tab stop; the arrow keys, Home
/// and End move between them (a roving focus), Enter or a click opens one.
fn question_map(session: RwSignal<Session>, go: impl Fn(usize) + Copy + 'static) -> impl IntoView {
    let total = session.with_untracked(|s| s.items.len());
    let focus = RwSignal::new(session.with_untracked(|s| s.pos));
    Effect::new(move |_| focus.set(session.with(|s| s.pos)));
    let nav: NodeRef<leptos::html::Div> = NodeRef::new();
    let move_focus = move |to: usize| {
        focus.set(to);
        let button = nav.get_untracked().and_then(|n| n.query_selector(&format!("[data-i=\"{to}\"]")).ok().flatten());
        if let Some(b) = button.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok()) {
            let _ = b.focus();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let f = focus.get_untracked();
        let to = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (f + 1).min(total - 1),
            "ArrowLeft" | "ArrowUp" => f.saturating_sub(1),
            "Home" => 0,
            "End" => total - 1,
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        move_focus(to);
    };
    let buttons = (0..total)
        .map(|i| {
            let done = move || session.with(|s| s.answers[i].is_some());
            let marked = move || session.with(|s| s.marked[i]);
            let label = move || {
                let mut l = format!("Question {}", i + 1);
                l.push_str(if done() { ", answered" } else { ", not answered" });
                if marked() {
                    l.push_str(", marked for review");
                }
                l
            };
            view! {
                <button
                    type="button"
                    data-i=i
                    class:done=done
                    class:marked=marked
                    aria-current=move || session.with(|s| s.pos == i).then_some("step")
                    aria-label=label
                    tabindex=move || if focus.get() == i { "0" } else { "-1" }
                    on:click=move |_| go(i)
                >
                    {i + 1}
                </button>
            }
        })
        .collect_view();
    view! {
        <nav class="card qmap" aria-label="Question map">
            <h2>"Questions"</h2>
            <div class="map" node_ref=nav on:keydown=on_key>{buttons}</div>
            <p class="legend" aria-hidden="true">
                <span><span class="key done"></span>"answered"</span>
                <span><span class="key marked"></span>"marked for review"</span>
                <span><span class="key"></span>"not answered"</span>
            </p>
        </nav>
    }
}

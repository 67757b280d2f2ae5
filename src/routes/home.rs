//! Home: choose how to study (practice, mock interview, flashcards), topic areas, levels, kinds
//! and a question count, see how many questions match, start. Also offers to resume an
//! unfinished quiz, to review mistakes and bookmarks, and lists recent results.

use leptos::prelude::*;

use crate::bank::{AREAS, QUESTIONS};
use crate::fresh::Fresh;
use crate::model::{Django, Kind, Level};
use crate::nav;
use crate::quiz::{Filters, Mode, QuizSpec, CARD_SECONDS, COUNTS, EXAM_MINUTES};
use crate::route::{self, Route};
use crate::routes::parts;
use crate::state::{self, AppState};
use crate::ui;

/// The mode and filters of the last quiz, so "start another" keeps the user's choices.
fn last_choice(state: AppState) -> (Mode, Filters) {
    state
        .progress
        .with_untracked(|p| p.history.last().and_then(|r| route::parse_spec(&r.quiz).ok()))
        // A quiz of named questions (mistakes, bookmarks) says little about what comes next.
        .filter(|s| s.only.is_empty())
        .map(|s| (s.mode, s.filters))
        .unwrap_or((Mode::Practice, Filters { count: Some(10), ..Filters::default() }))
}

/// The modes offered, each with its default timer and a line saying what it is.
const MODES: [(Mode, &str); 3] = [
    (Mode::Practice, "See the answer and explanation after each question."),
    (Mode::Exam { minutes: Some(20) }, "Timed, no hints; jump between questions and hand in at the end."),
    (Mode::Cards { seconds: None }, "Answer aloud, reveal, and rate how well you knew it."),
];

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if let Some(i) = list.iter().position(|x| *x == item) {
        list.remove(i);
    } else {
        list.push(item);
    }
}

/// The home's heading and lead. index.html paints the same text before the app has loaded
/// (a test keeps the two equal), so the first paint is the page's largest text, not a blank.
pub const TITLE: &str = "Practise for your Django interview";
pub fn lead() -> String {
    format!(
        "{} questions on {} topics, for Django 5.2 LTS and 6.1, their code answers run against real Django. Everything runs in your browser.",
        QUESTIONS.len(),
        topics_with_questions()
    )
}

fn topics_with_questions() -> usize {
    (0..AREAS.len()).filter(|&a| QUESTIONS.iter().any(|q| usize::from(q.area) == a)).count()
}

/// One list of the filters (areas, levels or kinds), to read and to change.
struct ListOf<T> {
    get: fn(&Filters) -> &Vec<T>,
    get_mut: fn(&mut Filters) -> &mut Vec<T>,
}

/// A checkbox chip that adds `item` to, or removes it from, one list of the filters.
fn chip<T>(filters: RwSignal<Filters>, label: &'static str, list: ListOf<T>, item: T) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let ListOf { get, get_mut } = list;
    view! {
        <label class="chip">
            <input
                type="checkbox"
                prop:checked=move || filters.with(|f| get(f).contains(&item))
                on:change=move |_| filters.update(|f| toggle(get_mut(f), item))
            />
            <span>{label}</span>
        </label>
    }
}

/// One field of the filters that a group of radio chips chooses, to read and to set.
struct FieldOf<T> {
    get: fn(&Filters) -> T,
    set: fn(&mut Filters, T),
}

/// A radio chip of group `name` that sets one field of the filters to `value`.
fn radio<T>(filters: RwSignal<Filters>, name: &'static str, label: String, field: FieldOf<T>, value: T) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let FieldOf { get, set } = field;
    view! {
        <label class="chip">
            <input
                type="radio"
                name=name
                prop:checked=move || filters.with(|f| get(f) == value)
                on:change=move |_| filters.update(|f| set(f, value))
            />
            <span>{label}</span>
        </label>
    }
}

#[component]
pub fn Home() -> impl IntoView {
    let state = AppState::get();
    let (mode, filters) = last_choice(state);
    let filters = RwSignal::new(filters);
    let mode = RwSignal::new(mode);
    let unseen = RwSignal::new(false);
    // The questions a quiz started now would draw from.
    let pool = Memo::new(move |_| {
        let m = mode.get();
        let all = filters.with(|f| f.matching(m));
        if unseen.get() {
            state.progress.with(|p| all.into_iter().filter(|&i| !p.has_seen(QUESTIONS[i].id)).collect())
        } else {
            all
        }
    });
    let matching = Memo::new(move |_| pool.with(Vec::len));
    let in_quiz = move || match filters.with(|f| f.count) {
        Some(n) => usize::from(n).min(matching.get()),
        None => matching.get(),
    };
    let heading = NodeRef::new();
    ui::focus_heading(heading);

    // One seed per visit: the quiz started here and the one shared from here are the same.
    let seed = new_seed();
    let spec = move || {
        let mut f = filters.get_untracked();
        f.normalise();
        // "Not seen yet" depends on this browser's history, so the quiz names its questions.
        let only = if unseen.get_untracked() { pool.get_untracked() } else { Vec::new() };
        QuizSpec { mode: mode.get_untracked(), filters: f, only, seed, ..QuizSpec::default() }
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if matching.get_untracked() > 0 {
            nav::go(&Route::Quiz(spec()));
        }
    };
    let share = move || {
        let spec = spec();
        let items: Vec<usize> = crate::quiz::build(&spec).iter().map(|it| it.question).collect();
        (!items.is_empty()).then(|| crate::share::encode(spec.mode, spec.filters.version, spec.seed, &items, None))
    };

    let area_chips = AREAS
        .iter()
        .enumerate()
        .filter_map(|(i, area)| {
            let i = u8::try_from(i).ok()?;
            let total = QUESTIONS.iter().filter(|q| q.area == i).count();
            // Of the chosen version: the chip's count is what ticking it adds.
            let of_version = move || {
                let bit = filters.with(|f| f.version.bit());
                QUESTIONS.iter().filter(|q| q.area == i && q.versions & bit != 0).count()
            };
            (total > 0).then(|| {
                view! {
                    <label class="chip">
                        <input
                            type="checkbox"
                            prop:checked=move || filters.with(|f| f.areas.contains(&i))
                            on:change=move |_| filters.update(|f| toggle(&mut f.areas, i))
                        />
                        <span>{area.title} <small>{of_version}</small></span>
                    </label>
                }
            })
        })
        .collect_view();

    let levels = || ListOf { get: |f: &Filters| &f.levels, get_mut: |f: &mut Filters| &mut f.levels };
    let kinds = || ListOf { get: |f: &Filters| &f.kinds, get_mut: |f: &mut Filters| &mut f.kinds };
    let level_chips = Level::ALL.into_iter().map(|l| chip(filters, l.title(), levels(), l)).collect_view();
    let kind_chips = Kind::ALL.into_iter().map(|k| chip(filters, k.title(), kinds(), k)).collect_view();

    let count_chips = COUNTS
        .into_iter()
        .map(Some)
        .chain([None])
        .map(|count| {
            let label = count.map_or_else(|| "All".to_owned(), |n| n.to_string());
            radio(filters, "count", label, FieldOf { get: |f: &Filters| f.count, set: |f: &mut Filters, c| f.count = c }, count)
        })
        .collect_view();

    let version_chips = Django::ALL
        .into_iter()
        .map(|v| radio(filters, "version", v.title().to_owned(), FieldOf { get: |f: &Filters| f.version, set: |f: &mut Filters, v| f.version = v }, v))
        .collect_view();

    let mode_cards = MODES
        .into_iter()
        .map(|(m, what)| {
            view! {
                <label class="mode">
                    <input
                        type="radio"
                        name="mode"
                        prop:checked=move || mode.with(|cur| cur.slug() == m.slug())
                        on:change=move |_| mode.set(m)
                    />
                    <span><strong>{m.title()}</strong><small>{what}</small></span>
                </label>
            }
        })
        .collect_view();
    // The countdown choices of the chosen mode: minutes per exam or seconds per card.
    let timer_chips = move || {
        let m = mode.get();
        type Make = fn(Option<u16>) -> Mode;
        let (label, values, unit, make): (&str, &[u16], &str, Make) = match m {
            Mode::Practice => return None,
            Mode::Exam { .. } => ("Time limit", &EXAM_MINUTES, "min", |t| Mode::Exam { minutes: t }),
            Mode::Cards { .. } => ("Time to answer each card", &CARD_SECONDS, "s", |t| Mode::Cards { seconds: t }),
        };
        let chips = values
            .iter()
            .map(|&v| Some(v))
            .chain([None])
            .map(|t| {
                let text = t.map_or_else(|| "No timer".to_owned(), |v| format!("{v}\u{a0}{unit}"));
                view! {
                    <label class="chip">
                        <input type="radio" name="timer" prop:checked=move || mode.get().timer() == t on:change=move |_| mode.set(make(t)) />
                        <span>{text}</span>
                    </label>
                }
            })
            .collect_view();
        Some(view! {
            <fieldset>
                <legend>{label}</legend>
                <div class="chips">{chips}</div>
            </fieldset>
        })
    };

    view! {
        <section class="intro">
            <h1 tabindex="-1" node_ref=heading>{TITLE}</h1>
            <p class="lead">{lead()}</p>
        </section>
        <Resume />
        <Due />
        <Mistakes />
        <Bookmarks />
        <form class="card setup" on:submit=start>
            <fieldset>
                <legend>"How to study"</legend>
                <div class="modes">{mode_cards}</div>
            </fieldset>
            {timer_chips}
            <fieldset>
                <legend>"Django version " <span class="hint">"(questions true for it)"</span></legend>
                <div class="chips">{version_chips}</div>
            </fieldset>
            <fieldset>
                <legend>"Topics " <span class="hint">"(none ticked means all)"</span></legend>
                <div class="chips">{area_chips}</div>
            </fieldset>
            <fieldset>
                <legend>"Levels " <span class="hint">"(none ticked means all)"</span></legend>
                <div class="chips">{level_chips}</div>
            </fieldset>
            <fieldset>
                <legend>"Kinds " <span class="hint">{move || match mode.get() {
                    Mode::Practice => "(none ticked means all but open questions)",
                    Mode::Exam { .. } => "(a mock interview has no open questions)",
                    Mode::Cards { .. } => "(none ticked means all)",
                }}</span></legend>
                <div class="chips">{kind_chips}</div>
            </fieldset>
            <fieldset>
                <legend>"Questions"</legend>
                <div class="chips">{count_chips}</div>
                <label class="check">
                    <input type="checkbox" prop:checked=move || unseen.get() on:change=move |_| unseen.update(|u| *u = !*u) />
                    "Only questions I have not answered yet"
                </label>
            </fieldset>
            <div class="start-row">
                <p class="match" role="status" aria-live="polite">
                    {move || match matching.get() {
                        0 => "No question matches these filters.".to_owned(),
                        n => format!("{n} matching · this quiz has {}", in_quiz()),
                    }}
                </p>
                {parts::share_button("Share this quiz", share)}
                <button type="submit" class="primary" disabled=move || matching.get() == 0>
                    {move || match mode.get() {
                        Mode::Practice => "Start quiz",
                        Mode::Exam { .. } => "Start mock interview",
                        Mode::Cards { .. } => "Start flashcards",
                    }}
                </button>
            </div>
        </form>
        <History />
    }
}

/// Any 32-bit seed will do; Math.random is enough to make quizzes differ.
pub fn new_seed() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// A quiz of exactly these questions (bank indices, any order), all of them, freshly shuffled:
/// mistakes, due reviews, bookmarks, a search, one question.
pub fn named_quiz(mode: Mode, mut only: Vec<usize>) -> Route {
    crate::sets::canonical(&mut only, QUESTIONS.len(), |i| i);
    let filters = Filters { count: None, ..Filters::default() };
    Route::Quiz(QuizSpec { mode, filters, only, seed: new_seed(), ..QuizSpec::default() })
}

/// A quiz of the questions whose latest answer was wrong.
pub fn mistakes_route(state: AppState) -> Option<Route> {
    let only: Vec<usize> = state.progress.with_untracked(|p| p.mistakes().into_iter().filter_map(crate::bank::position).collect());
    (!only.is_empty()).then(|| named_quiz(Mode::Practice, only))
}

/// Offers a review of the questions the spaced-repetition schedule says are due today.
#[component]
fn Due() -> impl IntoView {
    let state = AppState::get();
    let until = state::end_of_today();
    move || {
        let only: Vec<usize> = state.progress.with(|p| p.due(until).into_iter().filter_map(crate::bank::position).collect());
        (!only.is_empty()).then(|| {
            let n = only.len();
            let label = if n == 1 { "1 question is due for review today".to_owned() } else { format!("{n} questions are due for review today") };
            let review = move |_| nav::go(&named_quiz(Mode::Practice, only.clone()));
            Fresh(view! {
                <div class="card resume due">
                    <p>{label}</p>
                    <button type="button" class="primary" on:click=review>"Review now"</button>
                </div>
            })
        })
    }
}

/// Offers a quiz of the bookmarked questions.
#[component]
fn Bookmarks() -> impl IntoView {
    let state = AppState::get();
    move || {
        let only: Vec<usize> = state.progress.with(|p| p.bookmarks.iter().filter_map(|id| crate::bank::position(id)).collect());
        (!only.is_empty()).then(|| {
            let n = only.len();
            let label = if n == 1 { "1 bookmarked question".to_owned() } else { format!("{n} bookmarked questions") };
            let quiz = move |_| nav::go(&named_quiz(Mode::Practice, only.clone()));
            let browse = route::href(&Route::Browse(route::Search { bookmarked: true, ..route::Search::default() }));
            Fresh(view! {
                <div class="card resume">
                    <p>{label}</p>
                    <div class="actions">
                        <a class="button" href=browse>"See them"</a>
                        <button type="button" on:click=quiz>"Quiz them"</button>
                    </div>
                </div>
            })
        })
    }
}

/// Offers a review of the questions answered wrong most recently.
#[component]
fn Mistakes() -> impl IntoView {
    let state = AppState::get();
    move || {
        let n = state.progress.with(|p| p.mistakes().into_iter().filter(|id| crate::bank::position(id).is_some()).count());
        (n > 0).then(|| {
            let label = if n == 1 { "1 question you got wrong last time".to_owned() } else { format!("{n} questions you got wrong last time") };
            Fresh(view! {
                <div class="card resume">
                    <p>{label}</p>
                    <button type="button" on:click=move |_| { if let Some(r) = mistakes_route(state) { nav::go(&r) } }>
                        "Review mistakes"
                    </button>
                </div>
            })
        })
    }
}

/// Offers to continue a quiz left unfinished (reload, closed tab).
#[component]
fn Resume() -> impl IntoView {
    let state = AppState::get();
    move || {
        let saved = state.progress.with(|p| p.current.clone())?;
        let spec = route::parse_spec(&saved.quiz).ok()?;
        let done = saved.answers.iter().filter(|a| a.is_some()).count();
        let href = route::href(&Route::Quiz(spec));
        Some(Fresh(view! {
            <div class="card resume">
                <p>{format!("You have an unfinished quiz: {done} of {} answered.", saved.answers.len())}</p>
                <a class="button" href=href>"Continue it"</a>
            </div>
        }))
    }
}

#[component]
fn History() -> impl IntoView {
    let state = AppState::get();
    move || {
        let rows: Vec<_> = state.progress.with(|p| p.history.iter().rev().take(5).cloned().collect());
        if rows.is_empty() {
            return None;
        }
        let items = rows
            .into_iter()
            .map(|r| {
                let total = r.answers.len();
                let right = r.right();
                view! {
                    <li>
                        <span class="score">{format!("{right} / {total}")}</span>
                        <span class="when">{ui::date(r.at)}</span>
                        <span class="took">{ui::duration(r.seconds)}</span>
                    </li>
                }
            })
            .collect_view();
        Some(Fresh(view! {
            <section class="card history" aria-labelledby="history-title">
                <h2 id="history-title">"Your recent quizzes"</h2>
                <ul>{items}</ul>
                <a href="#/results">"Review the last one"</a>
            </section>
        }))
    }
}

#[cfg(test)]
mod tests {
    /// The shell in index.html must say what the home says, or the first paint would change
    /// under the reader when the app takes over.
    #[test]
    fn index_html_paints_the_same_intro_as_the_home() {
        let html = include_str!("../../index.html");
        let title = format!("<h1>{}</h1>", super::TITLE);
        let lead = format!(r#"<p class="lead">{}</p>"#, super::lead());
        assert!(html.contains(&title), "index.html's shell should have {title}");
        assert!(html.contains(&lead), "index.html's shell should have (the bank's counts changed?) {lead}");
    }
}

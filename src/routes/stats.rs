//! Stats: what is seen, mastered and due, mastery per topic (bars), accuracy per day (a line),
//! the activity calendar with the streak, and the weakest topics with a quiz on them. The
//! charts are small inline SVG drawn here: no chart library ships.

use leptos::prelude::*;

use crate::bank;
use crate::fresh::{Fresh, IntoFresh};
use crate::nav;
use crate::quiz::{Filters, QuizSpec};
use crate::route::Route;
use crate::state::{self, AppState};
use crate::stats::{self, AreaStat};
use crate::ui;

const WEEKS: i32 = 12;
const SPAN: i32 = 30;

#[component]
pub fn Stats() -> impl IntoView {
    let state = AppState::get();
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    let today = state::moment().day;
    let until = state::end_of_today();
    // The figures are drawn afresh when another tab saves (see `Fresh`); the heading stays, and
    // with it the focus.
    let figures = move || {
        let (rows, totals, series, calendar, streak) = state.progress.with(|p| {
            (stats::per_area(p), stats::totals(p, until), stats::accuracy(p, today, SPAN), stats::calendar(p, today, WEEKS), stats::streak(p, today))
        });
        let weak = stats::weakest(&rows, 3);
        let tiles = [
            (totals.seen, format!("seen of {}", totals.questions)),
            (totals.mastered, "mastered".to_owned()),
            (totals.due, "due today".to_owned()),
            (streak, if streak == 1 { "day streak".to_owned() } else { "days streak".to_owned() }),
        ]
        .into_iter()
        .map(|(n, label)| view! { <li><strong>{n}</strong><span>{label}</span></li> })
        .collect_view();
        Fresh(view! {
            <ul class="tiles">{tiles}</ul>
            {weak_view(weak)}
            <section class="card" aria-labelledby="cal-title">
                <h2 id="cal-title">"Activity"</h2>
                {calendar_view(&calendar)}
            </section>
            <section class="card" aria-labelledby="acc-title">
                <h2 id="acc-title">"Accuracy, last 30 days"</h2>
                {accuracy_view(&series, today)}
            </section>
            <section class="card" aria-labelledby="mastery-title">
                <h2 id="mastery-title">"Mastery by topic"</h2>
                <ul class="mastery">{rows.iter().map(mastery_row).collect_view()}</ul>
                <p class="legend" aria-hidden="true">
                    <span><span class="key mastered"></span>"mastered"</span>
                    <span><span class="key seen"></span>"seen"</span>
                    <span><span class="key"></span>"not seen yet"</span>
                </p>
            </section>
        })
    };
    view! {
        <section class="intro">
            <h1 tabindex="-1" node_ref=heading>"Your progress"</h1>
            <p class="lead">"Mastered means the schedule expects you to remember it for three weeks or more."</p>
        </section>
        {figures}
    }
}

fn weak_view(weak: Vec<AreaStat>) -> impl IntoView {
    if weak.is_empty() {
        return view! {
            <section class="card">
                <h2>"Weakest topics"</h2>
                <p class="hint">"Answer a few questions and the topics that need work show up here."</p>
            </section>
        }
        .into_fresh();
    }
    let areas: Vec<u8> = {
        let mut a: Vec<u8> = weak.iter().map(|r| r.area).collect();
        crate::sets::canonical(&mut a, crate::bank::AREAS.len(), usize::from);
        a
    };
    let practise = move |_| {
        let filters = Filters { areas: areas.clone(), count: Some(10), ..Filters::default() };
        nav::go(&Route::Quiz(QuizSpec { filters, seed: crate::routes::home::new_seed(), ..QuizSpec::default() }));
    };
    let items = weak
        .iter()
        .map(|r| view! { <li><span>{bank::area_title(r.area)}</span><span class="num">{format!("{}% right", r.accuracy())}</span></li> })
        .collect_view();
    view! {
        <section class="card weak" aria-labelledby="weak-title">
            <h2 id="weak-title">"Weakest topics"</h2>
            <ul>{items}</ul>
            <button type="button" class="primary" on:click=practise>"Practise these topics"</button>
        </section>
    }
    .into_fresh()
}

fn mastery_row(r: &AreaStat) -> impl IntoView {
    // Percentages in tenths: integer arithmetic keeps float formatting out of the download.
    let total = r.total.max(1);
    let seen = tenths(r.seen * 1000 / total);
    let mastered = tenths(r.mastered * 1000 / total);
    let label = format!("{}: {} of {} mastered, {} seen", bank::area_title(r.area), r.mastered, r.total, r.seen);
    view! {
        <li>
            <span class="name">{bank::area_title(r.area)}</span>
            <svg class="meter" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label=label>
                <rect class="track" width="100" height="10" rx="2" />
                <rect class="seen" width=seen height="10" rx="2" />
                <rect class="mastered" width=mastered height="10" rx="2" />
            </svg>
            <span class="num">{format!("{}/{}", r.mastered, r.total)}</span>
        </li>
    }
}

/// `t` tenths as a decimal number: 1234 is "123.4".
fn tenths(t: u32) -> String {
    format!("{}.{}", t / 10, t % 10)
}

/// A short date for a day number ("3 May").
fn day_label(day: i32) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(f64::from(day) * 86_400_000.0));
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"timeZone".into(), &"UTC".into());
    let _ = js_sys::Reflect::set(&opts, &"day".into(), &"numeric".into());
    let _ = js_sys::Reflect::set(&opts, &"month".into(), &"short".into());
    String::from(d.to_locale_date_string("default", &opts))
}

fn accuracy_view(series: &[(i32, u32)], today: i32) -> AnyView {
    if series.is_empty() {
        return view! { <p class="hint">"No answers in the last 30 days yet."</p> }.into_fresh();
    }
    // x: the 30 days, left to right; y: 0–100 %, bottom to top, in a 300 × 100 box.
    // Coordinates in tenths, as integers (see `tenths`).
    let x = |day: i32| tenths(((day - (today - SPAN + 1)).max(0) as u32) * 3000 / (SPAN as u32 - 1));
    let y = |pct: u32| tenths(1000 - pct.min(100) * 10);
    let points: String = series.iter().map(|&(d, p)| format!("{},{} ", x(d), y(p))).collect();
    let dots =
        series.iter().map(|&(d, p)| view! { <circle cx=x(d) cy=y(p) r="2.5"><title>{format!("{}: {p}%", day_label(d))}</title></circle> }).collect_view();
    let first = series[0];
    let last = series[series.len() - 1];
    let label = format!("Accuracy on {} days with answers: {}% on {}, {}% on {}.", series.len(), first.1, day_label(first.0), last.1, day_label(last.0));
    view! {
        <figure class="chart">
            <svg viewBox="-30 -8 340 126" role="img" aria-label=label>
                <g class="grid">
                    <line x1="0" x2="300" y1="0" y2="0" />
                    <line x1="0" x2="300" y1="50" y2="50" />
                    <line x1="0" x2="300" y1="100" y2="100" />
                </g>
                <g class="axis" aria-hidden="true">
                    <text x="-6" y="4">"100%"</text>
                    <text x="-6" y="54">"50%"</text>
                    <text x="-6" y="104">"0%"</text>
                    <text x="0" y="117" class="start">{day_label(today - SPAN + 1)}</text>
                    <text x="300" y="117">{day_label(today)}</text>
                </g>
                <polyline class="line" points=points />
                <g class="dots">{dots}</g>
            </svg>
        </figure>
    }
    .into_fresh()
}

fn calendar_view(days: &[(i32, u32)]) -> impl IntoView {
    let max = days.iter().map(|d| d.1).max().unwrap_or(0).max(1);
    let active = days.iter().filter(|d| d.1 > 0).count();
    let first = days.first().map_or(0, |d| d.0);
    let cells = days
        .iter()
        .map(|&(day, n)| {
            let week = (day - first) / 7;
            let dow = stats::weekday(day);
            // Four shades, by share of the busiest day.
            let level = if n == 0 { 0 } else { 1 + (n * 3 / max).min(3) };
            let title = match n {
                0 => format!("{}: no answers", day_label(day)),
                1 => format!("{}: 1 answer", day_label(day)),
                n => format!("{}: {n} answers", day_label(day)),
            };
            view! {
                <rect x=week * 14 y=dow * 14 width="12" height="12" rx="2" class=format!("l{level}")>
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    let label = match active {
        1 => format!("1 day with answers in the last {WEEKS} weeks."),
        n => format!("{n} days with answers in the last {WEEKS} weeks."),
    };
    view! {
        <figure class="chart calendar">
            <svg viewBox=format!("-2 -2 {} {}", WEEKS * 14 + 2, 7 * 14 + 2) role="img" aria-label=label.clone()>{cells}</svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tenths_read_as_decimals() {
        assert_eq!(super::tenths(0), "0.0");
        assert_eq!(super::tenths(7), "0.7");
        assert_eq!(super::tenths(1000), "100.0");
        assert_eq!(super::tenths(1234), "123.4");
    }
}

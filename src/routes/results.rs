//! Results of the last finished quiz: score, time, and every question with the user's answer,
//! the right one and the explanation. Read from stored history, so it survives a reload.

use leptos::prelude::*;

use crate::bank::{self, QUESTIONS};
use crate::fresh::IntoFresh;
use crate::model::Question;
use crate::quiz::{Mode, Score};
use crate::state::AppState;
use crate::storage::{AnswerRecord, QuizRecord};
use crate::ui;

#[component]
pub fn Results() -> impl IntoView {
    let state = AppState::get();
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    let last = state.progress.with_untracked(|p| p.history.last().cloned());
    let Some(record) = last else {
        return view! {
            <section class="card narrow">
                <h1 tabindex="-1" node_ref=heading>"No results yet"</h1>
                <p>"Finish a quiz and its results appear here."</p>
                <a class="button primary" href="#/">"Start a quiz"</a>
            </section>
        }
        .into_fresh();
    };
    let score = Score { right: record.right() as u32, total: record.answers.len() as u32 };
    let retry = format!("#/quiz?{}", record.quiz);
    let spec = crate::route::parse_spec(&record.quiz).unwrap_or_default();
    let mode = spec.mode;
    // Share the exact questions just answered, in order, with this score to beat.
    let questions: Vec<usize> = record.answers.iter().filter_map(|a| bank::position(&a.id)).collect();
    let to_beat = (u16::try_from(score.right).unwrap_or(u16::MAX), u16::try_from(score.total).unwrap_or(u16::MAX));
    let (seed, share_mode, version) = (spec.seed, spec.mode, spec.filters.version);
    let share = move || (!questions.is_empty()).then(|| crate::share::encode(share_mode, version, seed, &questions, Some(to_beat)));
    let versus = spec.challenge.map(|(right, total)| {
        let (mine, theirs) = (score.right * u32::from(total), u32::from(right) * score.total);
        let verdict = match mine.cmp(&theirs) {
            std::cmp::Ordering::Greater => "You beat it!",
            std::cmp::Ordering::Equal => "A tie.",
            std::cmp::Ordering::Less => "Not this time.",
        };
        view! { <p class="versus">{format!("Score to beat: {right} / {total}. {verdict}")}</p> }
    });
    let blank = if matches!(mode, Mode::Exam { .. }) { "Not answered" } else { "I didn't know" };
    let rows = record.answers.iter().enumerate().map(|(i, a)| answer_row(i, a, blank)).collect_view();
    let breakdown = breakdown_view(&record);
    let mistakes = crate::routes::home::mistakes_route(state).map(|r| crate::route::href(&r));
    view! {
        <section class="card summary">
            <h1 tabindex="-1" node_ref=heading>"Your results"</h1>
            <p class="big-score">
                <strong>{format!("{} / {}", score.right, score.total)}</strong>
                <span>{format!("{}%", score.percent())}</span>
            </p>
            {versus}
            <p class="took">{format!("{} · {}", mode.title(), summary_line(&record))}</p>
            {record.timed_out.then(|| view! { <p class="timed-out">"Time ran out, so the quiz was handed in for you."</p> })}
            <div class="actions">
                <a class="button primary" href="#/">"New quiz"</a>
                <a class="button" href=retry>"Retry the same quiz"</a>
                {mistakes.map(|href| view! { <a class="button" href=href>"Review mistakes"</a> })}
            </div>
            {crate::routes::parts::share_button("Challenge a friend", share)}
        </section>
        {breakdown}
        <section aria-labelledby="review-title">
            <h2 id="review-title" class="section-title">"Review"</h2>
            <ol class="review">{rows}</ol>
        </section>
    }
    .into_fresh()
}

/// Right and total per area of the quiz, in bank area order.
pub fn per_area(r: &QuizRecord) -> Vec<(u8, u32, u32)> {
    let mut rows: Vec<(u8, u32, u32)> = Vec::new();
    for a in &r.answers {
        let Some(q) = bank::position(&a.id).map(|k| &QUESTIONS[k]) else { continue };
        match rows.iter_mut().find(|(area, _, _)| *area == q.area) {
            Some(row) => {
                row.1 += u32::from(a.correct);
                row.2 += 1;
            }
            None => rows.push((q.area, u32::from(a.correct), 1)),
        }
    }
    crate::sets::canonical(&mut rows, crate::bank::AREAS.len(), |row| usize::from(row.0));
    rows
}

fn breakdown_view(r: &QuizRecord) -> impl IntoView {
    let rows = per_area(r);
    (rows.len() > 1).then(|| {
        let body = rows
            .into_iter()
            .map(|(area, right, total)| {
                let pct = right * 100 / total.max(1);
                view! {
                    <tr>
                        <th scope="row">{bank::area_title(area)}</th>
                        <td class="num">{format!("{right} / {total}")}</td>
                        <td><span class="bar" aria-hidden="true"><span style:width=format!("{pct}%")></span></span></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="areas-title">
                <h2 id="areas-title">"By topic"</h2>
                <table class="breakdown">
                    <thead><tr><th scope="col">"Topic"</th><th scope="col" class="num">"Right"</th><th scope="col"><span class="sr-only">"Share"</span></th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </section>
        }
    })
}

fn summary_line(r: &QuizRecord) -> String {
    format!("Finished {} · took {}", ui::date(r.at), ui::duration(r.seconds))
}

fn choice_list(q: &'static Question, picks: &[u8], blank: &'static str) -> impl IntoView {
    if picks.is_empty() {
        return view! { <p class="none">{blank}</p> }.into_fresh();
    }
    let items = picks.iter().filter_map(|&c| q.text().choices.get(usize::from(c))).map(|text| view! { <li>{ui::rich(text)}</li> }).collect_view();
    view! { <ul>{items}</ul> }.into_fresh()
}

fn answer_row(i: usize, a: &AnswerRecord, blank: &'static str) -> impl IntoView {
    let Some(q) = bank::position(&a.id).map(|k| &QUESTIONS[k]) else {
        return view! {
            <li class="review-item gone">
                <p>{format!("Question {}: no longer in the question bank.", i + 1)}</p>
            </li>
        }
        .into_fresh();
    };
    let t = q.text();
    let correct = a.correct;
    let rating = || a.rating.and_then(|r| crate::session::RATINGS.get(usize::from(r))).copied().unwrap_or("not rated");
    if q.kind != crate::model::Kind::Flashcard && a.rating.is_some() {
        // A choice question studied as a flashcard: nothing was picked, the rating is the answer.
        return view! {
            <li class="review-item" class:ok=correct class:no=!correct>
                <p class="verdict">{format!("Flashcard · you rated it {}", rating())}</p>
                <h3 class="prompt">{ui::rich(t.prompt)}</h3>
                {t.code.as_ref().map(ui::code_block)}
                <p class="label">"Right answer"</p>
                {choice_list(q, q.answer, blank)}
                <p class="explanation">{ui::rich(t.explanation)}</p>
                <a class="docs" href=t.docs target="_blank" rel="noopener">{crate::model::docs_site(t.docs)}</a>
            </li>
        }
        .into_fresh();
    }
    if q.kind == crate::model::Kind::Flashcard {
        let rating = rating();
        let points = t
            .points
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let covered = a.picked.iter().any(|&c| usize::from(c) == k);
                view! { <li class:covered=covered>{if covered { "✓ " } else { "✗ " }}{ui::rich(p)}</li> }
            })
            .collect_view();
        return view! {
            <li class="review-item" class:ok=correct class:no=!correct>
                <p class="verdict">{format!("Open question · you rated it {rating}")}</p>
                <h3 class="prompt">{ui::rich(t.prompt)}</h3>
                <p class="label">{format!("Key points you covered: {} of {}", a.picked.len(), t.points.len())}</p>
                <ul class="points">{points}</ul>
                <p class="explanation">{ui::rich(t.explanation)}</p>
                <a class="docs" href=t.docs target="_blank" rel="noopener">{crate::model::docs_site(t.docs)}</a>
            </li>
        }
        .into_fresh();
    }
    view! {
        <li class="review-item" class:ok=correct class:no=!correct>
            <p class="verdict">{if correct { "Right" } else { "Wrong" }}</p>
            <h3 class="prompt">{ui::rich(t.prompt)}</h3>
            {t.code.as_ref().map(ui::code_block)}
            <div class="pair">
                <div>
                    <p class="label">"Your answer"</p>
                    {choice_list(q, &a.picked, blank)}
                </div>
                {(!correct).then(|| view! {
                    <div>
                        <p class="label">"Right answer"</p>
                        {choice_list(q, q.answer, blank)}
                    </div>
                })}
            </div>
            <p class="explanation">{ui::rich(t.explanation)}</p>
            <a class="docs" href=t.docs target="_blank" rel="noopener">{crate::model::docs_site(t.docs)}</a>
        </li>
    }
    .into_fresh()
}

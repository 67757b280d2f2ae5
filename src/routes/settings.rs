//! Settings: export all progress as a file, import one (merge or replace, with a preview of
//! what changes), reset everything behind a confirmation, and the copies of unreadable data the
//! app set aside (download or delete each: the start-up notice shows only once).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::fresh::{Fresh, IntoFresh};
use crate::state::AppState;
use crate::storage::{backup_time, decode, Backup, DecodeError, Decoded, Progress, Summary, MAX_HISTORY, MAX_HISTORY_ANSWERS};
use crate::ui;

/// A file read for import, waiting for the user to choose merge or replace.
#[derive(Clone)]
struct Pending {
    progress: Progress,
    damaged: bool,
}

fn read_error(e: DecodeError) -> String {
    match e {
        DecodeError::Newer(_) => "This file was saved by a newer version of the app. Open the newer version to import it.".into(),
        DecodeError::Unreadable(reason) => format!("This file is not a progress file of this app ({reason}). Nothing was changed."),
    }
}

/// The export file's name, with the local date: `django-quiz-progress-2026-11-23.json`.
fn file_name() -> String {
    let d = js_sys::Date::new_0();
    format!("django-quiz-progress-{}-{:02}-{:02}.json", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Where focus goes when a confirmation opens: its first button, the one that changes nothing.
const CONFIRM_KEEP: &str = ".confirm-inline button";

/// A question with a safe answer (first, focused) and a destructive one. One function for every
/// confirmation, and plain boxed actions, so its view code is in the wasm once.
fn confirm_box(question: String, keep: &'static str, act: &'static str, on_keep: Box<dyn Fn()>, on_act: Box<dyn Fn()>) -> AnyView {
    let label = question.clone();
    view! {
        <div class="confirm-inline" role="alertdialog" aria-label=label>
            <p>{question}</p>
            <div class="actions">
                <button type="button" on:click=move |_| on_keep()>{keep}</button>
                <button type="button" class="danger" on:click=move |_| on_act()>{act}</button>
            </div>
        </div>
    }
    .into_fresh()
}

/// "1 answer", "3 answers", "2 quizzes".
fn count(n: usize, noun: &str) -> String {
    match (n, noun.ends_with('z')) {
        (1, _) => format!("1 {noun}"),
        (_, true) => format!("{n} {noun}zes"),
        _ => format!("{n} {noun}s"),
    }
}

/// "Set aside 23 Nov 2026, 14:05".
fn backup_label(when: Option<f64>) -> String {
    match when {
        Some(ms) => format!("Set aside {}", ui::date(ms)),
        None => "Set aside (date unknown)".into(),
    }
}

/// A size for people: `812 bytes`, `4.3 KB`, with a no-break space so the unit never wraps
/// from its number. Integer arithmetic: no float formatting ships.
fn size_text(units: usize) -> String {
    if units < 1024 {
        return format!("{units}\u{a0}bytes");
    }
    let tenths = (units * 10 + 512) / 1024;
    format!("{}.{}\u{a0}KB", tenths / 10, tenths % 10)
}

#[component]
pub fn Settings() -> impl IntoView {
    let state = AppState::get();
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    let pending = RwSignal::new(None::<Pending>);
    let message = RwSignal::new(None::<(bool, String)>);
    let confirm_reset = RwSignal::new(false);
    // A bool signal only to re-read the list (a signal of a new type would add its own code).
    let backups_changed = RwSignal::new(false);
    let confirm_discard = RwSignal::new(None::<String>);

    let export = move |_| {
        let json = state.progress.with_untracked(Progress::to_json);
        ui::download(&file_name(), &json);
        message.set(Some((true, "Your progress was downloaded.".into())));
    };

    let on_file = move |ev: leptos::ev::Event| {
        pending.set(None);
        message.set(None);
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
        // Emptied at once, so choosing the same file again (after Cancel, or to import it
        // twice) is a change the page hears; the File already taken stays readable.
        if let Some(input) = &input {
            input.set_value("");
        }
        if file.size() > 5_000_000.0 {
            message.set(Some((false, "This file is too large to be a progress file of this app. Nothing was changed.".into())));
            return;
        }
        let read = wasm_bindgen_futures::JsFuture::from(file.text());
        leptos::task::spawn_local(async move {
            let text = read.await.ok().and_then(|t| t.as_string());
            match text.map(|t| decode(&t)) {
                None => message.set(Some((false, "The file could not be read. Nothing was changed.".into()))),
                Some(Err(e)) => message.set(Some((false, read_error(e)))),
                // Fields this version does not know are left out of an import, as damaged parts are.
                Some(Ok(Decoded { progress, damaged, unknown })) => pending.set(Some(Pending { progress, damaged: damaged || unknown })),
            }
        });
    };

    let apply = move |merge: bool| {
        let Some(p) = pending.get_untracked() else { return };
        let next = if merge {
            let mut mine = state.progress.get_untracked();
            mine.merge(p.progress);
            mine
        } else {
            p.progress.imported()
        };
        state.replace(next);
        pending.set(None);
        message.set(Some((
            true,
            if merge { "Imported: the file was merged into your progress." } else { "Imported: your progress was replaced by the file." }.into(),
        )));
    };

    // Either answer closes the question and brings back the button that asked it.
    let close_reset = move || {
        confirm_reset.set(false);
        ui::focus_later("#reset-ask");
    };
    let reset = move || {
        state.replace(Progress::default());
        close_reset();
        message.set(Some((true, "All progress was deleted.".into())));
    };

    let discard = move |key: String| {
        let outcome = AppState::discard(&key);
        confirm_discard.set(None);
        backups_changed.notify();
        // The row that asked is gone: focus goes to the list's heading, or to the page's when
        // the section went with its last copy.
        ui::focus_later(if AppState::backups().is_empty() { "#settings-title" } else { "#aside-title" });
        message.set(Some(match outcome {
            Ok(()) => (true, "The set-aside copy was deleted.".into()),
            Err(reason) => (false, format!("The set-aside copy could not be deleted ({reason}).")),
        }));
    };

    // Rows are plain; the one confirmation below the list names the copy it would delete (one
    // reactive block for the section, not one per row: each costs code in the wasm).
    let backup_row = move |b: Backup| {
        let key = b.key;
        let save = {
            let key = key.clone();
            move |_| {
                if let Some(text) = AppState::backup(&key) {
                    ui::download(&format!("{key}.json"), &text);
                }
            }
        };
        let ask = {
            let key = key.clone();
            move |_| {
                confirm_discard.set(Some(key.clone()));
                ui::focus_later(CONFIRM_KEEP);
            }
        };
        view! {
            <li>
                <span><strong>{backup_label(b.when)}</strong>"\u{a0}· "{size_text(b.size)}</span>
                <div class="actions">
                    <button type="button" on:click=save>"Download"</button>
                    <button type="button" class="danger" data-key=key on:click=ask>"Delete…"</button>
                </div>
            </li>
        }
    };

    let aside = move || {
        backups_changed.track();
        let list = AppState::backups();
        (!list.is_empty()).then(|| Fresh(view! {
            <section class="card" aria-labelledby="aside-title">
                <h2 id="aside-title" tabindex="-1">"Set-aside data"</h2>
                <p>"Saved progress the app could not read is kept here untouched, so nothing is lost. Download a copy to look at or repair it; delete it when you no longer need it."</p>
                <ul class="aside-list">{list.into_iter().map(backup_row).collect_view()}</ul>
                {move || confirm_discard.get().map(|key| {
                    let when = backup_time(&key).map_or_else(|| "of unknown date".into(), ui::date);
                    let question = format!("Delete the copy set aside {when} for good? It cannot be brought back.");
                    let keep = {
                        let key = key.clone();
                        move || {
                            confirm_discard.set(None);
                            // Back to the button that asked.
                            ui::focus_later(format!(".aside-list [data-key=\"{key}\"]"));
                        }
                    };
                    confirm_box(question, "Keep it", "Delete the copy", Box::new(keep), Box::new(move || discard(key.clone())))
                })}
            </section>
        }))
    };

    let preview = move || {
        pending.get().map(|p| {
            let now = state.progress.with_untracked(Progress::summary);
            // What a merge would leave out of the history, and what a replace would.
            let (merged, merge_drops) = state.progress.with_untracked(|mine| {
                let mut m = mine.clone();
                m.merge(p.progress.clone());
                (m.summary(), mine.merge_over_cap(&p.progress))
            });
            let replace_drops = p.progress.history_over_cap();
            let replaced = p.progress.clone().imported().summary();
            let capped = (merge_drops > 0 || replace_drops > 0).then(|| {
                let count = |n: usize| if n == 1 { "1 older quiz".to_owned() } else { format!("{n} older quizzes") };
                let what = match (merge_drops, replace_drops) {
                    (m, r) if m == r => format!("either way {} would be left out of it", count(m)),
                    (0, r) => format!("replacing would leave {} out of it", count(r)),
                    (m, 0) => format!("merging would leave {} out of it", count(m)),
                    (m, r) => format!("merging would leave {} out of it, replacing {}", count(m), count(r)),
                };
                format!("The history keeps the newest {MAX_HISTORY} quizzes (at most {MAX_HISTORY_ANSWERS} answers): {what}. Their answers still count in your statistics and schedule.")
            });
            Fresh(view! {
                <section class="card preview" aria-labelledby="preview-title">
                    <h2 id="preview-title">"What the import would change"</h2>
                    {p.damaged.then(|| view! { <p class="hint-msg">"Parts of this file could not be read; they will be left out."</p> })}
                    {summary_table(now, merged, replaced)}
                    {capped.map(|text| view! { <p class="hint-msg">{text}</p> })}
                    <div class="actions">
                        <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                        <button type="button" on:click=move |_| apply(false)>"Replace my progress"</button>
                        <button type="button" class="primary" on:click=move |_| apply(true)>"Merge into my progress"</button>
                    </div>
                </section>
            })
        })
    };

    view! {
        <section class="intro">
            <h1 id="settings-title" tabindex="-1" node_ref=heading>"Settings"</h1>
            <p class="lead">"Your progress lives only in this browser. Move it to another device with a file."</p>
        </section>
        <div class="live" role="status" aria-live="polite">
            {move || message.get().map(|(ok, text)| Fresh(view! { <p class="message" class:ok=ok class:no=!ok>{text}</p> }))}
        </div>
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <p>"Download everything as one JSON file: answers, schedule, history, bookmarks."</p>
            <button type="button" class="primary" on:click=export>"Download my progress"</button>
        </section>
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">"Import"</h2>
            <p>"Load a file exported from this app. You will see what changes before anything is saved."</p>
            <label class="field">
                <span>"Progress file"</span>
                <input type="file" accept=".json,application/json" on:change=on_file />
            </label>
        </section>
        {preview}
        {aside}
        <section class="card" aria-labelledby="reset-title">
            <h2 id="reset-title">"Reset"</h2>
            <p>"Delete all progress stored in this browser. This cannot be undone: export first if you may want it back."</p>
            {move || if confirm_reset.get() {
                let s = state.progress.with_untracked(Progress::summary);
                let question = format!("Delete {}, {} and {} for good?", count(s.answers, "answer"), count(s.quizzes, "quiz"), count(s.bookmarks, "bookmark"));
                confirm_box(question, "Keep my progress", "Delete everything", Box::new(close_reset), Box::new(reset))
            } else {
                let ask = move |_| {
                    confirm_reset.set(true);
                    ui::focus_later(CONFIRM_KEEP);
                };
                view! { <button type="button" id="reset-ask" class="danger" on:click=ask>"Reset all progress…"</button> }.into_fresh()
            }}
        </section>
    }
}

fn summary_table(now: Summary, merged: Summary, replaced: Summary) -> impl IntoView {
    let row = |label: &'static str, f: fn(&Summary) -> usize| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td class="num">{f(&now)}</td>
                <td class="num">{f(&merged)}</td>
                <td class="num">{f(&replaced)}</td>
            </tr>
        }
    };
    view! {
        <table class="breakdown">
            <thead><tr><td></td><th scope="col" class="num">"Now"</th><th scope="col" class="num">"After merge"</th><th scope="col" class="num">"After replace"</th></tr></thead>
            <tbody>
                {row("Answers", |s| s.answers)}
                {row("Questions answered", |s| s.questions)}
                {row("Quizzes in history", |s| s.quizzes)}
                {row("Bookmarks", |s| s.bookmarks)}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::{count, size_text};

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1, "quiz"), "1 quiz");
        assert_eq!(count(2, "quiz"), "2 quizzes");
        assert_eq!(count(0, "bookmark"), "0 bookmarks");
        assert_eq!(count(1, "answer"), "1 answer");
    }

    #[test]
    fn sizes_read_as_bytes_then_tenths_of_a_kilobyte() {
        assert_eq!(size_text(0), "0\u{a0}bytes");
        assert_eq!(size_text(1023), "1023\u{a0}bytes");
        assert_eq!(size_text(1024), "1.0\u{a0}KB");
        assert_eq!(size_text(4403), "4.3\u{a0}KB");
        assert_eq!(size_text(10 * 1024 - 1), "10.0\u{a0}KB");
    }
}

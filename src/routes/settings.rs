//! Settings: export all progress as a file, import one (merge or replace, with a preview of
//! what changes), reset everything behind a confirmation, and the copies of unreadable data the
//! app set aside (download or delete each: the start-up notice shows only once).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::AppState;
use crate::storage::{decode, Backup, DecodeError, Decoded, Progress, Summary};
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

/// "1 answer", "3 answers", "2 quizzes".
fn count(n: usize, noun: &str) -> String {
    match (n, noun.ends_with('z')) {
        (1, _) => format!("1 {noun}"),
        (_, true) => format!("{n} {noun}zes"),
        _ => format!("{n} {noun}s"),
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
    let backups = RwSignal::new(AppState::backups());
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
                Some(Ok(Decoded { progress, damaged })) => pending.set(Some(Pending { progress, damaged })),
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
            p.progress
        };
        state.replace(next);
        pending.set(None);
        message.set(Some((true, if merge { "Imported: the file was merged into your progress." } else { "Imported: your progress was replaced by the file." }.into())));
    };

    let reset = move |_| {
        state.replace(Progress::default());
        confirm_reset.set(false);
        message.set(Some((true, "All progress was deleted.".into())));
    };

    let discard = move |key: String| {
        let outcome = AppState::discard(&key);
        confirm_discard.set(None);
        backups.set(AppState::backups());
        message.set(Some(match outcome {
            Ok(()) => (true, "The set-aside copy was deleted.".into()),
            Err(reason) => (false, format!("The set-aside copy could not be deleted ({reason}).")),
        }));
    };

    let backup_row = move |b: Backup| {
        let label = match b.when {
            Some(ms) => format!("Set aside {}", ui::date(ms)),
            None => "Set aside (date unknown)".into(),
        };
        let (key, key2, key3) = (b.key.clone(), b.key.clone(), b.key);
        let save = move |_| {
            if let Some(text) = AppState::backup(&key) {
                ui::download(&format!("{key}.json"), &text);
            }
        };
        let asking = move || confirm_discard.with(|k| k.as_deref() == Some(key2.as_str()));
        view! {
            <li>
                <span><strong>{label}</strong>"\u{a0}· "{size_text(b.size)}</span>
                {move || if asking() {
                    let key = key3.clone();
                    let keep = NodeRef::new();
                    ui::focus_on_paint(keep);
                    view! {
                        <div class="confirm-inline" role="alertdialog" aria-label="Delete this copy?">
                            <p>"Delete this copy for good? It cannot be brought back."</p>
                            <div class="actions">
                                <button type="button" node_ref=keep on:click=move |_| confirm_discard.set(None)>"Keep it"</button>
                                <button type="button" class="danger" on:click=move |_| discard(key.clone())>"Delete the copy"</button>
                            </div>
                        </div>
                    }.into_any()
                } else {
                    let key = key3.clone();
                    view! {
                        <div class="actions">
                            <button type="button" on:click=save.clone()>"Download"</button>
                            <button type="button" class="danger" on:click=move |_| confirm_discard.set(Some(key.clone()))>"Delete…"</button>
                        </div>
                    }.into_any()
                }}
            </li>
        }
    };

    let aside = move || {
        let list = backups.get();
        (!list.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="aside-title">
                <h2 id="aside-title">"Set-aside data"</h2>
                <p>"Saved progress the app could not read is kept here untouched, so nothing is lost. Download a copy to look at or repair it; delete it when you no longer need it."</p>
                <ul class="aside-list">{list.into_iter().map(backup_row).collect_view()}</ul>
            </section>
        })
    };

    let preview = move || {
        pending.get().map(|p| {
            let now = state.progress.with_untracked(Progress::summary);
            let merged = state.progress.with_untracked(|mine| {
                let mut m = mine.clone();
                m.merge(p.progress.clone());
                m.summary()
            });
            let replaced = p.progress.summary();
            view! {
                <section class="card preview" aria-labelledby="preview-title">
                    <h2 id="preview-title">"What the import would change"</h2>
                    {p.damaged.then(|| view! { <p class="hint-msg">"Parts of this file could not be read; they will be left out."</p> })}
                    {summary_table(now, merged, replaced)}
                    <div class="actions">
                        <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                        <button type="button" on:click=move |_| apply(false)>"Replace my progress"</button>
                        <button type="button" class="primary" on:click=move |_| apply(true)>"Merge into my progress"</button>
                    </div>
                </section>
            }
        })
    };

    view! {
        <section class="intro">
            <h1 tabindex="-1" node_ref=heading>"Settings"</h1>
            <p class="lead">"Your progress lives only in this browser. Move it to another device with a file."</p>
        </section>
        <div class="live" role="status" aria-live="polite">
            {move || message.get().map(|(ok, text)| view! { <p class="message" class:ok=ok class:no=!ok>{text}</p> })}
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
                let keep = NodeRef::new();
                ui::focus_on_paint(keep);
                view! {
                    <div class="confirm-inline" role="alertdialog" aria-labelledby="reset-q">
                        <p id="reset-q">{format!("Delete {}, {} and {} for good?", count(s.answers, "answer"), count(s.quizzes, "quiz"), count(s.bookmarks, "bookmark"))}</p>
                        <div class="actions">
                            <button type="button" node_ref=keep on:click=move |_| confirm_reset.set(false)>"Keep my progress"</button>
                            <button type="button" class="danger" on:click=reset>"Delete everything"</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="danger" on:click=move |_| confirm_reset.set(true)>"Reset all progress…"</button> }.into_any()
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

//! The wait for a screen's question text (`bank` data files) and code (its chunk, `pages`): a
//! quiet line while they load, then the screen; if a file cannot be had, why in plain words and
//! a Retry button. Nothing here touches progress.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::bank::LoadError;
use crate::fresh::IntoFresh;
use crate::pages::Chunk;
use crate::ui;

/// The data files and the chunk, fetched side by side; the first failure is the result.
pub async fn load(shards: Vec<usize>, chunk: Option<Chunk>) -> Result<(), LoadError> {
    // The chunk's load starts now (a promise runs without being awaited) and is awaited after
    // the files: one attempt, under way while the files arrive.
    let code = chunk
        .map(|chunk| wasm_bindgen_futures::future_to_promise(async move { chunk.load().await.map(|()| JsValue::UNDEFINED).map_err(|_| JsValue::UNDEFINED) }));
    let files = crate::loader::load(shards).await;
    let code = match code {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|_| LoadError::Code),
        None => Ok(()),
    };
    files.and(code)
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Failed(String),
    Ready,
}

/// Loads the data files `shards` and the code `chunk`, then shows `page()`.
pub fn until_loaded(shards: Vec<usize>, chunk: Option<Chunk>, page: impl FnOnce() -> AnyView + 'static) -> AnyView {
    let status = RwSignal::new(Status::Loading);
    // A screen of questions waits for their text (and maybe its code); any other, for its code.
    let (loading, failed) =
        if shards.is_empty() { ("Loading…", "This screen could not be loaded") } else { ("Loading the questions…", "The questions could not be loaded") };
    let shards = StoredValue::new(shards);
    let start = move || {
        status.set(Status::Loading);
        let shards = shards.get_value();
        leptos::task::spawn_local(async move {
            let done = match load(shards, chunk).await {
                Ok(()) => Status::Ready,
                Err(e) => Status::Failed(e.message()),
            };
            // The user may have left for another screen meanwhile: then nobody is waiting.
            let _ = status.try_set(done);
        });
    };
    start();
    let page = StoredValue::new_local(Some(page));
    let view = move || match status.get() {
        Status::Loading => view! {
            <section class="card narrow loading" aria-busy="true">
                <p role="status">{loading}</p>
            </section>
        }
        .into_fresh(),
        Status::Failed(message) => {
            let heading = NodeRef::new();
            ui::focus_heading(heading);
            view! {
                <section class="card narrow">
                    <h1 tabindex="-1" node_ref=heading>{failed}</h1>
                    <p>{message}</p>
                    <div class="actions">
                        <a class="button" href="#/">"Go to the home screen"</a>
                        <button type="button" class="primary" on:click=move |_| start()>"Retry"</button>
                    </div>
                </section>
            }
            .into_fresh()
        }
        // Built once: the status does not change after Ready.
        Status::Ready => page.try_update_value(Option::take).flatten().map_or_else(|| ().into_fresh(), |page| page()),
    };
    view.into_fresh()
}

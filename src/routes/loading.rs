//! The wait for a screen's question text (`bank` data files): a quiet line while it loads,
//! then the screen; if a file cannot be had, why in plain words and a Retry button. Nothing
//! here touches progress.

use leptos::prelude::*;

use crate::fresh::IntoFresh;
use crate::ui;

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Failed(String),
    Ready,
}

/// Loads the data files `shards`, then shows `page()`.
pub fn until_loaded(shards: Vec<usize>, page: impl FnOnce() -> AnyView + 'static) -> AnyView {
    let status = RwSignal::new(Status::Loading);
    let shards = StoredValue::new(shards);
    let start = move || {
        status.set(Status::Loading);
        let shards = shards.get_value();
        leptos::task::spawn_local(async move {
            let done = match crate::loader::load(shards).await {
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
                <p role="status">"Loading the questions…"</p>
            </section>
        }
        .into_fresh(),
        Status::Failed(message) => {
            let heading = NodeRef::new();
            ui::focus_heading(heading);
            view! {
                <section class="card narrow">
                    <h1 tabindex="-1" node_ref=heading>"The questions could not be loaded"</h1>
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

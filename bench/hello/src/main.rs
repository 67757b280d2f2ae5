//! The baseline of `make bench`: a bare Leptos CSR page with gloo-storage, built with the app's
//! release profile, so the app's size and start-up time have a same-run reference.

use gloo_storage::Storage;
use leptos::prelude::*;

fn main() {
    // Touch storage so gloo-storage and serde_json are linked in, as in the app.
    let visits: u32 = gloo_storage::LocalStorage::get("hello-visits").unwrap_or(0);
    let _ = gloo_storage::LocalStorage::set("hello-visits", visits + 1);
    leptos::mount::mount_to_body(move || {
        let (count, set_count) = signal(0);
        view! {
            <main>
                <h1>"Hello"</h1>
                <button id="ready" on:click=move |_| set_count.update(|n| *n += 1)>
                    "Clicked " {count} " times"
                </button>
            </main>
        }
    });
}

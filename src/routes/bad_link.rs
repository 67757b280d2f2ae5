//! A link the app cannot use: say why in plain words and offer the way home.

use leptos::prelude::*;

use crate::ui;

#[component]
pub fn BadLink(message: String) -> impl IntoView {
    let heading = NodeRef::new();
    ui::focus_heading(heading);
    view! {
        <section class="card narrow">
            <h1 tabindex="-1" node_ref=heading>"This link does not lead to a quiz"</h1>
            <p>{message}</p>
            <p>"Your saved progress has not been touched."</p>
            <a class="button primary" href="#/">"Go to the home screen"</a>
        </section>
    }
}

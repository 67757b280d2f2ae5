//! Small view helpers shared by the screens.

use leptos::prelude::*;

use crate::fresh::IntoFresh;
use crate::model::Code;
use std::time::Duration;

/// Text with `inline code` in backticks, rendered as text and `<code>` (never as HTML).
pub fn rich(text: &'static str) -> impl IntoView {
    text.split('`').enumerate().map(|(i, part)| if i % 2 == 1 { view! { <code>{part}</code> }.into_fresh() } else { part.into_fresh() }).collect_view()
}

/// A snippet highlighted at build time: one `<span>` per highlighted token.
pub fn code_block(code: &'static Code) -> impl IntoView {
    let tokens = code
        .runs()
        .map(|(class, text)| match class {
            Some(class) => view! { <span class=class>{text}</span> }.into_fresh(),
            None => text.into_fresh(),
        })
        .collect_view();
    view! {
        <pre class="code" data-lang=code.lang tabindex="0" aria-label=format!("{} code", code.lang)><code>{tokens}</code></pre>
    }
}

/// Runs `f` in a task of its own after the next frame has been painted.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// The key of a keydown that may be a shortcut: not repeated, no Ctrl, Alt or Meta (those
/// belong to the browser and the system).
pub fn shortcut(ev: &leptos::ev::KeyboardEvent) -> Option<String> {
    (!(ev.repeat() || ev.ctrl_key() || ev.meta_key() || ev.alt_key())).then(|| ev.key())
}

/// The choice a key picks: 1–9 or a–i for the k-th choice shown (0-based).
pub fn choice_key(key: &str) -> Option<usize> {
    match key.as_bytes() {
        [d @ b'1'..=b'9'] => Some(usize::from(d - b'1')),
        [l @ b'a'..=b'i'] => Some(usize::from(l - b'a')),
        _ => None,
    }
}

/// Whether Enter acts on the quiz: from a choice, and from wherever focus is after a key
/// press (the question's heading, the form); on a button or link, Enter keeps its own meaning.
pub fn enter_acts(ev: &leptos::ev::KeyboardEvent) -> bool {
    let tag = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).map(|e| e.tag_name());
    !matches!(tag.as_deref(), Some("BUTTON" | "A" | "TEXTAREA" | "SELECT" | "SUMMARY"))
}

/// Moves focus to a screen's heading, so keyboard and screen-reader users start at the top
/// of what changed.
pub fn focus_heading(node: NodeRef<leptos::html::H1>) {
    Effect::new(move |_| {
        if let Some(h) = node.get() {
            // After the frame that paints it: focusing at once would force a layout of the
            // whole page in the middle of rendering it (a quarter of the start-up work).
            after_paint(move || drop(h.focus()));
        }
    });
}

/// Focuses the first element matching `selector` after the next paint: the safe button of a
/// confirmation that replaced the button which opened it, and that button again when the
/// confirmation closes. By selector, not by node reference: an element reference per
/// confirmation costs an effect's worth of code in the wasm. A selector that matches nothing
/// (or does not parse) focuses nothing.
pub fn focus_later(selector: impl AsRef<str> + 'static) {
    after_paint(move || {
        let selector = selector.as_ref();
        use wasm_bindgen::JsCast;
        if let Some(el) = document().query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// "3 May 2026, 14:05" style local date for history lists.
pub fn date(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    String::from(d.to_locale_string("default", &opts))
}

/// "2 min 05 s" for durations, with no-break spaces so a number never wraps from its unit.
pub fn duration(seconds: u32) -> String {
    if seconds < 60 {
        format!("{seconds}\u{a0}s")
    } else {
        format!("{}\u{a0}min {:02}\u{a0}s", seconds / 60, seconds % 60)
    }
}

/// Offers `text` as a file download (no server: a Blob and an object URL).
pub fn download(name: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let link = document().create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = link {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

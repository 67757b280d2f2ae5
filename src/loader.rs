//! Fetches the bank's data files in the browser and installs them (`bank::install` checks each
//! against its hash). Requests for the same file share one fetch, whoever asks: the page's
//! loader (which starts the files a link needs before the wasm has arrived, `tools/pwa.mjs`),
//! the start-up in `main.rs`, and the loading screen (`routes::loading`).

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use crate::bank::{self, LoadError};

thread_local! {
    /// Files being fetched: a promise of the file's text (or of an error: an HTTP status, or
    /// null for no answer), shared by every load that needs it until it settles.
    static PENDING: RefCell<HashMap<usize, Promise>> = RefCell::new(HashMap::new());
}

/// A fetch the page's loader started for this file, taken (a response is read once).
fn prefetched(shard: usize) -> Option<Promise> {
    let window: JsValue = web_sys::window()?.into();
    let started = Reflect::get(&window, &JsValue::from_str("quizBank")).ok().filter(JsValue::is_object)?;
    let key = JsValue::from(shard as u32);
    let promise = Reflect::get(&started, &key).ok()?.dyn_into::<Promise>().ok()?;
    let _ = Reflect::delete_property(started.unchecked_ref::<js_sys::Object>(), &key);
    Some(promise)
}

/// The text of one file, or its error as a JS value (see `PENDING`).
async fn fetch_text(shard: usize) -> Result<JsValue, JsValue> {
    let response = match prefetched(shard) {
        Some(started) => JsFuture::from(started).await,
        None => {
            let window = web_sys::window().ok_or(JsValue::NULL)?;
            JsFuture::from(window.fetch_with_str(&bank::file_name(shard))).await
        }
    }
    .map_err(|_| JsValue::NULL)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| JsValue::NULL)?;
    if !response.ok() {
        return Err(JsValue::from(response.status()));
    }
    JsFuture::from(response.text().map_err(|_| JsValue::NULL)?).await.map_err(|_| JsValue::NULL)
}

fn request(shard: usize) -> Promise {
    PENDING.with(|p| p.borrow_mut().entry(shard).or_insert_with(|| future_to_promise(fetch_text(shard))).clone())
}

/// Loads these data files (all requested at once) and installs them. Every file that arrives
/// intact is installed even if another fails; the first failure is the result.
pub async fn load(shards: Vec<usize>) -> Result<(), LoadError> {
    let requests: Vec<(usize, Promise)> = shards.into_iter().filter(|&s| !bank::is_ready(s)).map(|s| (s, request(s))).collect();
    let mut result = Ok(());
    for (shard, promise) in requests {
        let outcome = JsFuture::from(promise).await;
        PENDING.with(|p| p.borrow_mut().remove(&shard));
        let installed = match outcome {
            Ok(text) => text.as_string().map_or(Err(LoadError::Mismatch), |t| bank::install(shard, t)),
            Err(status) => Err(status.as_f64().map_or(LoadError::Network, |s| LoadError::Status(s as u16))),
        };
        if let Err(e) = installed {
            result = result.and(Err(e));
        }
    }
    result
}

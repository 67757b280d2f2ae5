//! Django interview quiz: the app's library. Plain logic modules (bank, quiz, session, route,
//! search, storage) hold every rule and are tested natively; `app` and `routes` render them with Leptos.

pub mod app;
pub mod bank;
pub mod fresh;
pub mod loader;
pub mod model;
pub mod nav;
pub mod pages;
pub mod quiz;
pub mod rng;
pub mod route;
pub mod routes;
pub mod search;
pub mod session;
pub mod sets;
pub mod share;
pub mod srs;
pub mod state;
pub mod stats;
pub mod storage;
pub mod ui;

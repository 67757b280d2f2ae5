//! Any bytes as a link: the share decoder and the router must return a value, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = django_quiz::share::decode(&text);
    let _ = django_quiz::route::parse(&format!("#/s/{text}"));
    let _ = django_quiz::route::parse(&text);
});

//! The bank's promised figures: at least 250 questions, no kind (counting code reading) under
//! 10% of the bank, every level well represented, and no area with fewer than six questions.

use std::path::Path;

use bankc::report::Figures;

#[test]
fn the_bank_meets_its_figures() {
    let bank = bankc::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions")).unwrap_or_else(|e| panic!("{e}"));
    let f = Figures::of(&bank);
    let report = f.render();
    assert!(f.total >= 250, "the bank needs at least 250 questions\n{report}");
    for (kind, n) in &f.per_kind {
        assert!(n * 10 >= f.total, "{kind} is under 10% of the bank\n{report}");
    }
    for (level, n) in &f.per_level {
        assert!(n * 5 >= f.total, "{level} is under 20% of the bank\n{report}");
    }
    assert!(f.thin_areas().is_empty(), "thin areas\n{report}");
}

#[test]
fn every_docs_link_points_at_a_section() {
    // The most specific page, with an anchor: a bare page link is allowed only for DRF pages
    // and for Django pages short enough to have no sections.
    let bank = bankc::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions")).unwrap_or_else(|e| panic!("{e}"));
    let bare: Vec<&str> =
        bank.questions.iter().filter(|q| q.docs.starts_with("https://docs.djangoproject.com/") && !q.docs.contains('#')).map(|q| q.id.as_str()).collect();
    assert!(bare.len() * 10 <= bank.questions.len(), "too many docs links without an anchor: {bare:?}");
}

//! Figures about a bank for review: counts per area, level and kind, the share of code-reading
//! questions, and the areas that are too thin. Used by `bank-report` and by the bank's tests.

use std::fmt::Write;

use crate::model::{Bank, Kind, Level, VERSIONS};

/// An area with fewer questions than this is reported as thin.
pub const MIN_PER_AREA: usize = 6;

pub struct Figures {
    pub total: usize,
    /// (area id, title, count), in areas.toml order.
    pub per_area: Vec<(String, String, usize)>,
    pub per_level: Vec<(&'static str, usize)>,
    /// Kinds, plus "code reading": questions with a code snippet (of any kind).
    pub per_kind: Vec<(&'static str, usize)>,
    /// Questions true for each Django version the bank knows.
    pub per_version: Vec<(&'static str, usize)>,
    /// Questions whose answer a check proves against Django, and code questions without one.
    pub checked: usize,
    pub unchecked_code: usize,
}

impl Figures {
    pub fn of(bank: &Bank) -> Figures {
        let count = |f: &dyn Fn(&crate::model::Question) -> bool| bank.questions.iter().filter(|q| f(q)).count();
        Figures {
            total: bank.questions.len(),
            per_area: bank.areas.iter().map(|a| (a.id.clone(), a.title.clone(), count(&|q| q.area == a.id))).collect(),
            per_level: Level::ALL.iter().map(|&(name, l)| (name, count(&|q| q.level == l))).collect(),
            per_kind: Kind::ALL.iter().map(|&(name, k)| (name, count(&|q| q.kind == k))).chain([("code reading", count(&|q| q.code.is_some()))]).collect(),
            checked: count(&|q| q.checked),
            unchecked_code: count(&|q| q.code.is_some() && !q.checked),
            per_version: VERSIONS.iter().enumerate().map(|(i, &v)| (v, count(&|q| q.versions.0 & 1 << i != 0))).collect(),
        }
    }

    pub fn thin_areas(&self) -> Vec<&str> {
        self.per_area.iter().filter(|(_, _, n)| *n < MIN_PER_AREA).map(|(id, _, _)| id.as_str()).collect()
    }

    pub fn render(&self) -> String {
        let pct = |n: usize| if self.total == 0 { 0.0 } else { n as f64 * 100.0 / self.total as f64 };
        let mut out = format!("{} questions\n\nper area\n", self.total);
        for (id, title, n) in &self.per_area {
            let _ = writeln!(out, "  {id:<14} {n:>4}  {title}");
        }
        out.push_str("\nper level\n");
        for (name, n) in &self.per_level {
            let _ = writeln!(out, "  {name:<14} {n:>4}  {:>5.1}%", pct(*n));
        }
        out.push_str("\nper kind\n");
        for (name, n) in &self.per_kind {
            let _ = writeln!(out, "  {name:<14} {n:>4}  {:>5.1}%", pct(*n));
        }
        out.push_str("\nper Django version (questions true for it)\n");
        for (name, n) in &self.per_version {
            let _ = writeln!(out, "  {name:<14} {n:>4}  {:>5.1}%", pct(*n));
        }
        let _ = writeln!(out, "\nproven by a check against Django: {}; code questions that say why they cannot be: {}", self.checked, self.unchecked_code);
        let thin = self.thin_areas();
        if thin.is_empty() {
            let _ = writeln!(out, "\nevery area has at least {MIN_PER_AREA} questions");
        } else {
            let _ = writeln!(out, "\nareas with fewer than {MIN_PER_AREA} questions: {}", thin.join(", "));
        }
        out
    }
}

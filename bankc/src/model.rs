//! The validated bank, as owned data. `codegen` turns it into static Rust for the app and
//! `bank-json` prints it; both see exactly what passed validation.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Area {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub const ALL: [(&'static str, Level); 3] = [("beginner", Level::Beginner), ("intermediate", Level::Intermediate), ("advanced", Level::Advanced)];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// One correct choice among several.
    Single,
    /// "Select all that apply": one or more correct choices.
    Multiple,
    /// A statement that is true or false.
    TrueFalse,
    /// An open question answered aloud, then checked against key points.
    Flashcard,
}

impl Kind {
    pub const ALL: [(&'static str, Kind); 4] =
        [("single", Kind::Single), ("multiple", Kind::Multiple), ("true-false", Kind::TrueFalse), ("flashcard", Kind::Flashcard)];
}

/// A code snippet, highlighted at build time into (class, text) tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub lang: String,
    pub text: String,
    #[serde(skip)]
    pub tokens: Vec<(crate::highlight::Class, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: String,
    pub area: String,
    pub level: Level,
    pub kind: Kind,
    pub prompt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Snippet>,
    /// For true/false questions these are "True" and "False".
    pub choices: Vec<String>,
    /// Indices into `choices` of the correct ones (empty for flashcards).
    pub answer: Vec<usize>,
    /// Key points of a model answer (flashcards only).
    pub points: Vec<String>,
    pub explanation: String,
    pub docs: String,
    pub versions: Versions,
    /// Whether `checks/run.py` proves the answer against Django (a `check`).
    pub checked: bool,
    pub source: String,
    /// Where the question is written: `file:line`.
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bank {
    pub areas: Vec<Area>,
    pub questions: Vec<Question>,
}

/// The Django versions the bank knows, oldest first: a question says which of them it is true
/// for. 5.2 is the LTS; the app offers 5.2 and the newest.
pub const VERSIONS: [&str; 3] = ["5.2", "6.0", "6.1"];

/// The versions a question is true for, one bit per entry of [`VERSIONS`] (bit 0: 5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versions(pub u8);

impl Versions {
    /// Reads `"5.2+"`, `"6.0 only"` or `"5.2 to 6.0"`.
    pub fn parse(text: &str) -> Result<Versions, String> {
        let text = text.trim();
        let index = |v: &str| {
            VERSIONS.iter().position(|k| *k == v).ok_or_else(|| format!("unknown Django version `{v}` in `versions` (the bank knows {})", VERSIONS.join(", ")))
        };
        let (from, to) = if let Some(v) = text.strip_suffix('+') {
            (index(v)?, VERSIONS.len() - 1)
        } else if let Some(v) = text.strip_suffix(" only") {
            let i = index(v)?;
            (i, i)
        } else if let Some((a, b)) = text.split_once(" to ") {
            (index(a)?, index(b)?)
        } else {
            return Err(format!("`versions = \"{text}\"` must read like \"5.2+\", \"6.0 only\" or \"5.2 to 6.0\""));
        };
        if from > to || (from == to && text.contains(" to ")) {
            return Err(format!("`versions = \"{text}\"` is not a range from older to newer; a single version is \"{} only\"", VERSIONS[from]));
        }
        Ok(Versions((from..=to).fold(0, |m, i| m | 1 << i)))
    }

    pub fn names(self) -> Vec<&'static str> {
        VERSIONS.iter().enumerate().filter(|(i, _)| self.0 & 1 << i != 0).map(|(_, v)| *v).collect()
    }

    /// The form `parse` reads (the app's `model::Versions::label` writes the same). The bits
    /// are a range by construction.
    pub fn label(self) -> String {
        let set: Vec<usize> = (0..VERSIONS.len()).filter(|i| self.0 & 1 << i != 0).collect();
        match (set.first(), set.last()) {
            (Some(&from), Some(&to)) if to == VERSIONS.len() - 1 => format!("{}+", VERSIONS[from]),
            (Some(&from), Some(&to)) if from == to => format!("{} only", VERSIONS[from]),
            (Some(&from), Some(&to)) => format!("{} to {}", VERSIONS[from], VERSIONS[to]),
            _ => String::new(),
        }
    }
}

impl serde::Serialize for Versions {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label())
    }
}

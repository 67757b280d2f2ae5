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
    pub source: String,
    /// Where the question is written: `file:line`.
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bank {
    pub areas: Vec<Area>,
    pub questions: Vec<Question>,
}

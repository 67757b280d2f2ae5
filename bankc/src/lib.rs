//! The question bank compiler. It runs on the build machine only (from the app's `build.rs` and
//! from `bank-json`), never in the browser: it reads `questions/*.toml`, validates every question,
//! highlights code snippets, and emits the bank as static Rust data, so the app parses nothing at
//! start-up and ships no highlighter.

pub mod codegen;
pub mod highlight;
pub mod model;
pub mod report;
pub mod source;

use std::fmt;
use std::path::{Path, PathBuf};

pub use model::{Area, Bank, Kind, Level, Question, Snippet, Versions, VERSIONS};

/// One problem found in the question files. The message names the file, the line and, where
/// there is one, the question id, so an author can go straight to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankError {
    pub file: PathBuf,
    pub line: usize,
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file.display(), self.line)?;
        if let Some(id) = &self.id {
            write!(f, "question `{id}`: ")?;
        }
        f.write_str(&self.message)
    }
}

/// All the problems in a bank, reported together so one build shows every mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankErrors(pub Vec<BankError>);

impl fmt::Display for BankErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the question bank has {} problem(s):", self.0.len())?;
        for e in &self.0 {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BankErrors {}

/// Loads and validates the bank in `dir`: `areas.toml` plus every other `*.toml` file, read in
/// file-name order so the compiled bank is reproducible.
pub fn load_dir(dir: &Path) -> Result<Bank, BankErrors> {
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map_err(|e| BankErrors(vec![BankError { file: path.to_path_buf(), line: 0, id: None, message: format!("cannot read the file: {e}") }]))
    };
    let areas_path = dir.join("areas.toml");
    let areas_text = read(&areas_path)?;
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| BankErrors(vec![BankError { file: dir.to_path_buf(), line: 0, id: None, message: format!("cannot list the question folder: {e}") }]))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "toml") && path != areas_path {
            files.push(path);
        }
    }
    files.sort();
    let mut texts = Vec::new();
    for path in files {
        let text = read(&path)?;
        texts.push((path, text));
    }
    source::compile(&areas_path, &areas_text, &texts)
}

/// The paths a build must watch: the folder and every file in it.
pub fn watched_paths(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if let Ok(entries) = std::fs::read_dir(dir) {
        out.extend(entries.flatten().map(|e| e.path()));
    }
    out.sort();
    out
}

//! Our own words: no run of 10 consecutive words in any question field (prompt, code, choices,
//! explanation, key points) may appear in a seed article, after lower-casing and dropping
//! punctuation. The seeds live outside the repository (`../shared/seeds/`, or `$SEEDS_DIR`);
//! where they are absent the test says so and checks nothing. `BANK_DIR` points it at another
//! folder of question files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

const RUN: usize = 10;

fn words(text: &str) -> Vec<String> {
    text.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

fn seeds_dir() -> PathBuf {
    std::env::var_os("SEEDS_DIR").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds"))
}

#[test]
fn no_ten_word_run_of_the_bank_appears_in_a_seed() {
    let dir = seeds_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("NOTICE: seed articles not found at {}; the overlap check was skipped", dir.display());
        return;
    };
    let mut runs: HashSet<Vec<String>> = HashSet::new();
    let mut seeds = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let w = words(&text);
            runs.extend(w.windows(RUN).map(<[String]>::to_vec));
            seeds += 1;
        }
    }
    assert!(seeds > 0, "no seed article (*.txt) in {}", dir.display());

    // BANK_DIR checks another folder of question files (for authors working on a draft).
    let bank_dir = std::env::var_os("BANK_DIR").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions"));
    let bank = bankc::load_dir(&bank_dir).unwrap_or_else(|e| panic!("{e}"));
    let mut copied = Vec::new();
    for q in &bank.questions {
        let mut fields: Vec<&str> = vec![&q.prompt, &q.explanation];
        fields.extend(q.choices.iter().map(String::as_str));
        fields.extend(q.points.iter().map(String::as_str));
        if let Some(code) = &q.code {
            fields.push(&code.text);
        }
        for field in fields {
            if let Some(run) = words(field).windows(RUN).find(|r| runs.contains(*r)) {
                copied.push(format!("{} ({}): \"{}\"", q.id, q.origin, run.join(" ")));
            }
        }
    }
    assert!(copied.is_empty(), "text copied from the seed articles:\n  {}", copied.join("\n  "));
    println!("overlap: {} questions checked against {seeds} seed articles", bank.questions.len());
}

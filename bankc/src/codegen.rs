//! Emits the validated bank in two parts:
//! - `to_rust`: the index the app compiles in (`include!`): `AREAS`, every question's id and a
//!   few bytes of numbers (area, level, kind, choice and point counts, the answer), and the
//!   hash of each data file. The home screen, quiz selection, scoring, links and stats need
//!   nothing more, and it grows by a few bytes a question.
//! - `data_files`: the questions' text (prompt, code, choices, key points, explanation, docs
//!   link), in `shards(n)` files that the app fetches when a screen shows them. A question's
//!   file is its short code modulo that count, so the page's loader can fetch the files a share
//!   link needs from the link alone, in parallel with the wasm.

use std::fmt::Write;

use crate::model::{Bank, Kind, Level, Question};

/// How many data files the text of `questions` questions is split into: about three questions
/// a file, a power of two from 16 to 128. Measured on the 356-question bank (brotli): one file
/// per area is 115 KB in all, 3.5–9 KB each, and a 10-question share link needs ~45 KB of them;
/// 64 files were 133 KB in all, 2.0 KB median, ~20 KB for the link; 128 files are ~140 KB in
/// all and ~15 KB for the link. Capped at 128: each file costs the home screen 4 bytes of
/// check in the index and its name in index.html's early script, and a bank twice as large
/// must cost the home screen at most 2 KB (it cost 2.5 KB with 256 files). The app gets the
/// count from the index, the page's loader from the list of files.
pub fn shards(questions: usize) -> usize {
    (questions / 3).next_power_of_two().clamp(16, 128)
}

/// The number a question's short code writes in base 36 (the app's `quiz::code_value`; a test
/// of the app keeps the two equal): FNV-1a of the id, below 36^5.
pub fn code_value(id: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h % 60_466_176
}

/// The data file a question's text is in, of `shards`.
pub fn shard_of(id: &str, shards: usize) -> usize {
    code_value(id) as usize % shards
}

/// FNV-1a, 64 bits: the data files' check against truncation or a file of another build (not
/// against an attacker: the files come from the app's own origin). The app computes the same.
pub fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// One data file: its path below the app's folder, its text and its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    pub name: String,
    pub text: String,
    pub hash: u64,
}

/// A data file's path: its shard and the start of its hash, so a changed file has a new name
/// (the HTTP cache may keep any of them for ever) and an unchanged one keeps its name. The
/// wasm checks a file against that start (`check`): 32 bits against truncation or a file of
/// another build are plenty, and 4 bytes a file is what the index pays.
pub fn file_name(shard: usize, hash: u64) -> String {
    format!("bank/{shard:03}-{:08x}.txt", check(hash))
}

/// The part of a file's hash the index keeps and its name shows.
pub fn check(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// A Rust string literal (`{:?}` on `str` writes valid Rust escapes).
fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// The snippet with each highlighted token written as `\u{1}` + its class letter + its text +
/// `\u{2}` (the app's `model::Code`).
fn marked_code(q: &Question) -> Option<(String, String)> {
    q.code.as_ref().map(|s| {
        let mut marked = String::new();
        for (class, t) in &s.tokens {
            let t = t.replace(['\u{1}', '\u{2}'], "");
            match class.css() {
                Some(c) => {
                    marked.push('\u{1}');
                    marked.push(c);
                    marked.push_str(&t);
                    marked.push('\u{2}');
                }
                None => marked.push_str(&t),
            }
        }
        (s.lang.clone(), marked)
    })
}

/// The text of every question, one file per shard (empty shards too, so every file exists).
/// Per question, in bank order, each string ended by NUL (the validator refuses control
/// characters in text): prompt, explanation, docs link, code language and code (both empty
/// without code), the choices, the key points. Their counts are in the index.
pub fn data_files(bank: &Bank) -> Vec<DataFile> {
    let n = shards(bank.questions.len());
    let mut texts = vec![String::new(); n];
    for q in &bank.questions {
        let text = &mut texts[shard_of(&q.id, n)];
        let (lang, code) = marked_code(q).unwrap_or_default();
        for t in [&q.prompt, &q.explanation, &q.docs, &lang, &code].into_iter().chain(&q.choices).chain(&q.points) {
            text.push_str(t);
            text.push('\0');
        }
    }
    texts
        .into_iter()
        .enumerate()
        .map(|(shard, text)| {
            let hash = fnv64(text.as_bytes());
            DataFile { name: file_name(shard, hash), text, hash }
        })
        .collect()
}

/// Writes the data files into `dir/bank/`, replacing any there before.
pub fn write_data_files(bank: &Bank, dir: &std::path::Path) -> std::io::Result<Vec<DataFile>> {
    let folder = dir.join("bank");
    if folder.exists() {
        std::fs::remove_dir_all(&folder)?;
    }
    std::fs::create_dir_all(&folder)?;
    let files = data_files(bank);
    for f in &files {
        std::fs::write(dir.join(&f.name), &f.text)?;
    }
    Ok(files)
}

pub fn to_rust(bank: &Bank) -> String {
    let mut out = String::new();
    out.push_str("// Generated by bankc from questions/*.toml. Do not edit.\n");
    out.push_str("pub static AREAS: &[Area] = &[\n");
    for a in &bank.areas {
        let _ = writeln!(out, "Area{{id:{},title:{}}},", lit(&a.id), lit(&a.title));
    }
    out.push_str("];\n");
    // Ids back to back, each ended by NUL, and a few bytes of numbers per question: a table of
    // `&str` costs 8 bytes a string in pointers that barely compress.
    let mut ids = String::new();
    let mut meta: Vec<u8> = Vec::new();
    for q in &bank.questions {
        // The area is stored as its index in AREAS; validation guarantees it exists.
        let area = bank.areas.iter().position(|a| a.id == q.area).unwrap_or(0);
        ids.push_str(&q.id);
        ids.push('\0');
        // Per question: area, level and versions, kind, choices, points, answers, the answers.
        // The level's byte carries the versions' bits above it (bits 2 to 4): no byte more.
        meta.extend([area as u8, level_index(q.level) | q.versions.0 << 2, kind_index(q.kind)]);
        meta.extend([q.choices.len() as u8, q.points.len() as u8, q.answer.len() as u8]);
        meta.extend(q.answer.iter().map(|&i| i as u8));
    }
    let _ = writeln!(out, "static IDS: &str = {};", lit(&ids));
    let meta: Vec<String> = meta.iter().map(|m| m.to_string()).collect();
    let _ = writeln!(out, "static META: &[u8] = &[{}];", meta.join(","));
    let files = data_files(bank);
    let hashes: Vec<String> = files.iter().map(|f| format!("{:#x}", check(f.hash))).collect();
    let _ = writeln!(out, "pub const SHARDS: usize = {};", files.len());
    let _ = writeln!(out, "static HASHES: [u32; SHARDS] = [{}];", hashes.join(","));
    // Native builds (tests, tools) have the text itself, so `cargo test` needs no server.
    let texts: Vec<String> = files.iter().map(|f| lit(&f.text)).collect();
    // `\0` before a digit reads like an octal escape to clippy; it is the NUL, then the digit.
    let _ = writeln!(out, "#[cfg(not(target_arch = \"wasm32\"))]\n#[allow(clippy::octal_escapes)]\nstatic TEXTS: [&str; SHARDS] = [{}];", texts.join(","));
    out
}

fn level_index(l: Level) -> u8 {
    match l {
        Level::Beginner => 0,
        Level::Intermediate => 1,
        Level::Advanced => 2,
    }
}

fn kind_index(k: Kind) -> u8 {
    match k {
        Kind::Single => 0,
        Kind::Multiple => 1,
        Kind::TrueFalse => 2,
        Kind::Flashcard => 3,
    }
}

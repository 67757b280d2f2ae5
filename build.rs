//! Compiles `questions/` into `$OUT_DIR/bank.rs` (static Rust data). An invalid question
//! fails the build with a message naming the file, the line and the question id.
//! `QUIZ_BANK_DIR` (a path relative to the repository root, or absolute) builds another bank
//! directory instead; the end-to-end update test builds a second version of the app that way.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=QUIZ_BANK_DIR");
    let dir = std::env::var_os("QUIZ_BANK_DIR").map_or_else(|| PathBuf::from("questions"), PathBuf::from);
    let dir = dir.as_path();
    for path in bankc::watched_paths(dir) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let bank = match bankc::load_dir(dir) {
        Ok(bank) => bank,
        Err(errors) => {
            for e in &errors.0 {
                println!("cargo:warning={e}");
            }
            eprint!("{errors}");
            std::process::exit(1);
        }
    };
    let out = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from);
    let Some(out) = out else {
        eprintln!("OUT_DIR is not set: build.rs must run under cargo");
        std::process::exit(1);
    };
    if let Err(e) = std::fs::write(out.join("bank.rs"), bankc::codegen::to_rust(&bank)) {
        eprintln!("cannot write the compiled bank: {e}");
        std::process::exit(1);
    }
}

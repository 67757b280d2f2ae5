//! Prints the validated question bank as JSON on stdout: `{"areas": [...], "questions": [...]}`,
//! one object per question with every field. Exits 1 with the validation report on failure.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os().nth(1).map_or_else(|| PathBuf::from("questions"), PathBuf::from);
    match bankc::load_dir(&dir) {
        Ok(bank) => match serde_json::to_string_pretty(&bank) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("cannot write the bank as JSON: {e}");
                ExitCode::FAILURE
            }
        },
        Err(errors) => {
            eprint!("{errors}");
            ExitCode::FAILURE
        }
    }
}

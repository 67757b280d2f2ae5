//! `make bank-report`: counts per area, level and kind of the validated bank, and any area with
//! fewer than six questions.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os().nth(1).map_or_else(|| PathBuf::from("questions"), PathBuf::from);
    match bankc::load_dir(&dir) {
        Ok(bank) => {
            print!("{}", bankc::report::Figures::of(&bank).render());
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{errors}");
            ExitCode::FAILURE
        }
    }
}

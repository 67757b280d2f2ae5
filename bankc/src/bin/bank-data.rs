//! Writes the bank's data files (the questions' text, `codegen::data_files`) into
//! `<out-dir>/bank/`: `bank-data <questions-dir> <out-dir>`. Trunk runs it after every build, so
//! the files beside the app are exactly those whose hashes the app was compiled with.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), Some(out)) = (args.next().map(PathBuf::from), args.next().map(PathBuf::from)) else {
        eprintln!("usage: bank-data <questions-dir> <out-dir>");
        return ExitCode::FAILURE;
    };
    let bank = match bankc::load_dir(&dir) {
        Ok(bank) => bank,
        Err(errors) => {
            eprint!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    match bankc::codegen::write_data_files(&bank, &out) {
        Ok(files) => {
            let bytes: usize = files.iter().map(|f| f.text.len()).sum();
            println!("bank-data: {} files, {bytes} B, in {}", files.len(), out.join("bank").display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bank-data: cannot write the data files into {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

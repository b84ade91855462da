//! The `insider-tui` binary: everything lives in the library; this only runs the
//! command line and prints a final error after the terminal is restored.

use std::process::ExitCode;

fn main() -> ExitCode {
    match insider_tui::cli::run(std::env::args_os()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("insider-tui: {e:#}");
            ExitCode::FAILURE
        }
    }
}

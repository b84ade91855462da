//! The `insider-tui` binary: everything lives in the library; this only runs the
//! command line and prints a final error after the terminal is restored.

/// mimalloc rather than the system allocator: after a large load frees millions of
/// small blocks, the system allocator stalls the next big allocation (a search keystroke
/// over a million filings took 100-230 ms instead of 25-40 ms).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

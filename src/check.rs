//! `insider-tui check`: load files and report every issue.
//!
//! A minimal checker so the command line works; the full checker replaces it.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::parse::diag::Severity;

/// Loads `paths`, prints each issue and a summary to `out`; returns true when any error
/// was found.
pub fn run(paths: &[PathBuf], out: &mut dyn Write) -> io::Result<bool> {
    let report = crate::load::load(paths, true);
    for issue in &report.issues {
        writeln!(out, "{issue}")?;
    }
    let errors = report.count(Severity::Error);
    writeln!(
        out,
        "{} files, {} filings, {} errors, {} warnings",
        report.files,
        report.filings.len(),
        errors,
        report.count(Severity::Warning)
    )?;
    Ok(errors > 0)
}

//! Reader for the `ownershipDocument` XML of Forms 3, 4 and 5.

use crate::model::{Filing, Text};
use crate::parse::diag::Diagnostic;

/// Reads one ownership document. `first_line` is the line of the file where `text`
/// starts (1 for a bare XML file), so issues name lines of the file.
pub fn parse(
    text: &str,
    path: &Text,
    first_line: u32,
) -> Result<(Filing, Vec<Diagnostic>), Diagnostic> {
    let _ = (text, path);
    Err(Diagnostic::new(
        Some(first_line),
        "XML reader not built yet",
    ))
}

//! Reader for the `ownershipDocument` XML of Forms 3, 4 and 5 (and their amendments), for
//! every schema version from X0202 to X0609.
//!
//! A recursive-descent reader over quick-xml's borrowed events: elements are looked up by
//! local name (so a namespace or prefix does not matter), in any order, and unknown
//! elements (an injected `<script>`, a future schema's additions) are skipped. Values that
//! cannot be read become `None` with a warning naming the line and the element; the
//! document as a whole fails only when it is not XML, has the wrong root, declares a
//! DOCTYPE, or is cut short.

mod cursor;
mod document;
mod rows;

use crate::model::{Filing, Text};
use crate::parse::diag::Diagnostic;

/// Reads one ownership document. `first_line` is the line of the file where `text`
/// starts (1 for a bare XML file), so issues name lines of the file.
pub fn parse(
    text: &str,
    path: &Text,
    first_line: u32,
) -> Result<(Filing, Vec<Diagnostic>), Diagnostic> {
    let mut cursor = cursor::Cursor::new(text, first_line);
    let filing = document::read(&mut cursor, path)?;
    Ok((filing, cursor.into_warnings()))
}

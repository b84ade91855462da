//! Readers of the form as people see it, rather than as XML: the printed form turned
//! into text or markdown (from a PDF or a print), EDGAR's HTML rendering as a browser
//! shows and saves it, and the typed ASCII forms of 1996–2003 that have no XML at all.
//!
//! All three feed one model: the boxes above the tables ([`header`]), the rows of
//! Tables I and II (read from ruled tables, from one-field-a-line records, from HTML
//! cells, or, where a converter lost the columns, from the shapes of the words), the
//! numbered notes of "Explanation of Responses", remarks and signatures. A value that
//! cannot be read with confidence stays `None` with a warning naming the field; no
//! number is ever guessed. The old forms' statement month ("Statement for Month/Year")
//! is kept as the last day of that month.

mod cells;
mod columns;
mod grammar;
mod grid;
pub mod header;
mod html;
mod lines;
mod notes;
mod owners;
mod text;
pub mod typed;
mod words;

use crate::model::{Filing, SourceKind, Text};
use crate::parse::diag::Diagnostic;

pub use columns::{layouts, Col, Form};
pub use words::{format_amount, format_date, format_marker};

/// The largest printed form read. Real ones, as text, HTML or typed, come to tens of
/// kilobytes; a document this large is not a form, and the readers' work and memory grow
/// with its lines and cells, so it is refused with an error.
pub const MAX_FORM_BYTES: usize = 1 << 20;

/// An error for a document past [`MAX_FORM_BYTES`].
fn check_size(text: &str, first_line: u32) -> Result<(), Diagnostic> {
    if text.len() <= MAX_FORM_BYTES {
        return Ok(());
    }
    Err(Diagnostic::new(
        Some(first_line),
        format!(
            "a printed form of {} KiB, far beyond any real one (at most {} KiB are read): not read",
            text.len() >> 10,
            MAX_FORM_BYTES >> 10
        ),
    ))
}

/// Reads the printed form from text or markdown.
pub fn parse_text(text: &str, path: &Text) -> Result<(Filing, Vec<Diagnostic>), Diagnostic> {
    check_size(text, 1)?;
    text::parse(text, path, 1, SourceKind::RenderedText)
}

/// Reads EDGAR's HTML rendering of a form (as served, or saved and re-wrapped by a
/// browser).
pub fn parse_html(text: &str, path: &Text) -> Result<(Filing, Vec<Diagnostic>), Diagnostic> {
    check_size(text, 1)?;
    html::parse(text, path)
}

/// Reads a typed pre-2003 form; `first_line` is where its text starts in the file.
pub fn parse_typed(
    text: &str,
    path: &Text,
    first_line: u32,
) -> Result<(Filing, Vec<Diagnostic>), Diagnostic> {
    check_size(text, first_line)?;
    typed::parse(text, path, first_line)
}

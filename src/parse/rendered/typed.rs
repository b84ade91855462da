//! Typed forms of 1996–2003: EDGAR submissions whose Form 3, 4 or 5 is typed ASCII in
//! the document's `<TEXT>`, with no XML. The typed page is read by the text reader (its
//! old layout, "Statement for Month/Year", `( )`/`(X)` boxes and `|` tables included);
//! this module finds it in the submission.

use std::ops::Range;

use crate::model::{Filing, SourceKind, Text};
use crate::parse::diag::Diagnostic;

/// The typed form found in a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedPart<'t> {
    /// The text inside `<TEXT>` … `</TEXT>`.
    pub text: &'t str,
    /// Byte offset of `text` in the file.
    pub offset: usize,
}

/// Finds the typed form in `text[body]`: the `<DOCUMENT>` whose `<TYPE>` is the
/// submission type (else the first whose type is 3, 4 or 5, with or without `/A`) and
/// whose `<TEXT>` holds no XML but does name a box of the form.
pub fn find<'t>(
    text: &'t str,
    body: Range<usize>,
    submission_type: Option<&str>,
) -> Option<TypedPart<'t>> {
    let region = text.get(body.clone())?;
    let mut candidates = Vec::new();
    let mut at = 0;
    while let Some(start) = region
        .get(at..)
        .and_then(|r| r.find("<DOCUMENT>"))
        .map(|i| i + at)
    {
        let end = region
            .get(start..)
            .and_then(|r| r.find("</DOCUMENT>"))
            .map_or(region.len(), |i| start + i);
        let block = region.get(start..end).unwrap_or_default();
        let doc_type = block
            .find("<TYPE>")
            .and_then(|i| block.get(i + 6..))
            .and_then(|r| r.split(['\n', '\r']).next())
            .unwrap_or_default()
            .trim()
            .to_string();
        if let Some(t) = block.find("<TEXT>") {
            let from = t + "<TEXT>".len();
            let to = block
                .get(from..)
                .and_then(|r| r.find("</TEXT>"))
                .map_or(block.len(), |i| from + i);
            let inner = block.get(from..to).unwrap_or_default();
            let is_form = !inner.contains("<ownershipDocument")
                && super::lines::find_ci(inner, "name and address of reporting person").is_some();
            if is_form {
                candidates.push((doc_type, body.start + start + from, inner));
            }
        }
        at = end.max(start + 1);
    }
    let wanted = submission_type.map(str::trim);
    let pick = candidates
        .iter()
        .find(|(t, _, _)| wanted.is_some_and(|w| t.eq_ignore_ascii_case(w)))
        .or_else(|| {
            candidates
                .iter()
                .find(|(t, _, _)| matches!(t.trim_end_matches("/A"), "3" | "4" | "5"))
        })?;
    Some(TypedPart {
        text: pick.2,
        offset: pick.1,
    })
}

/// Reads a typed form; `first_line` is the line of its text in the file.
pub fn parse(
    text: &str,
    path: &Text,
    first_line: u32,
) -> Result<(Filing, Vec<Diagnostic>), Diagnostic> {
    super::text::parse(text, path, first_line, SourceKind::TypedText)
}

//! Reader for full EDGAR submissions.

use crate::model::Text;
use crate::parse::diag::Diagnostic;
use crate::parse::Parsed;

/// Reads a full submission.
pub fn parse(text: &str, path: &Text) -> Result<Parsed, Diagnostic> {
    let _ = (text, path);
    Err(Diagnostic::new(None, "submission reader not built yet"))
}

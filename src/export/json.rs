//! JSON export: an array of whole filings, serialised one at a time.

use std::io::{BufWriter, Write};

use super::ExportError;
use crate::model::Filing;

/// Writes `[`, each filing as one line of JSON, and `]`. Decimals are strings (`"1.1972"`,
/// kept exact), dates ISO 8601, values not filed `null`.
pub fn write<F: std::borrow::Borrow<Filing>>(
    filings: impl Iterator<Item = F>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut w = BufWriter::new(out);
    w.write_all(b"[")?;
    for (i, filing) in filings.enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut w, filing.borrow())?;
    }
    w.write_all(b"\n]\n")?;
    w.flush()?;
    Ok(())
}

//! Export of filings as CSV or JSON, for spreadsheets and engines such as DuckDB, Polars
//! or Spark.
//!
//! JSON is one array of whole filings (every field of the model, through serde), written
//! filing by filing so memory stays flat however many are exported. CSV is one flat table
//! at a time: filings, owners, transactions (every row of Tables I and II) or footnotes;
//! the README describes every column. In both formats a value that was not
//! filed is left empty (`null` in JSON), never written as zero, and decimals are written
//! exactly as filed.

mod cells;
mod filings;
mod footnotes;
mod json;
mod owners;
mod transactions;

use std::borrow::Borrow;
use std::io;

use cells::Sink;

use crate::model::Filing;

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated values with a header row: one table, chosen by [`ExportTable`].
    Csv,
    /// A JSON array of whole filings; the table choice does not apply.
    Json,
    /// Each filing laid out as the printed form, as plain text; the table choice does
    /// not apply.
    Form,
}

/// Which table a CSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    /// One row per filing.
    Filings,
    /// One row per reporting owner of each filing.
    Owners,
    /// One row per line of Table I or Table II (transactions and holdings).
    Transactions,
    /// One row per footnote of each filing.
    Footnotes,
}

impl ExportTable {
    /// Every table, in the order the documentation lists them.
    pub const ALL: [ExportTable; 4] = [
        ExportTable::Filings,
        ExportTable::Owners,
        ExportTable::Transactions,
        ExportTable::Footnotes,
    ];

    /// The table's name: `filings`, `owners`, `transactions` or `footnotes`.
    pub fn name(self) -> &'static str {
        match self {
            ExportTable::Filings => "filings",
            ExportTable::Owners => "owners",
            ExportTable::Transactions => "transactions",
            ExportTable::Footnotes => "footnotes",
        }
    }

    /// The table's column names, in the order of its CSV header.
    pub fn columns(self) -> Vec<&'static str> {
        match self {
            ExportTable::Filings => cells::names(filings::COLUMNS),
            ExportTable::Owners => cells::names(owners::COLUMNS),
            ExportTable::Transactions => cells::names(transactions::COLUMNS),
            ExportTable::Footnotes => cells::names(footnotes::COLUMNS),
        }
    }
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output could not be written to.
    #[error("cannot write the export: {0}")]
    Io(#[from] io::Error),
    /// The CSV writer failed (usually an output error underneath).
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// A filing could not be serialised to JSON (usually an output error underneath).
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Columns of the printed form in a `form` export: wide enough for the tables' columns.
const FORM_WIDTH: usize = 160;

/// Writes `filings` to `out` as `format`; for CSV, `table` says which table.
///
/// Output is streamed: nothing is collected in memory beyond one filing's rows. The
/// header row of a CSV table is written even when there are no filings.
pub fn write<F: Borrow<Filing>>(
    filings: impl IntoIterator<Item = F>,
    format: ExportFormat,
    table: ExportTable,
    out: &mut dyn io::Write,
) -> Result<(), ExportError> {
    let filings = filings.into_iter();
    match (format, table) {
        (ExportFormat::Json, _) => json::write(filings, out),
        (ExportFormat::Form, _) => {
            for (i, f) in filings.enumerate() {
                if i > 0 {
                    writeln!(out, "\n{}\n", "=".repeat(FORM_WIDTH))?;
                }
                writeln!(out, "{}", crate::form::render(f.borrow(), FORM_WIDTH))?;
            }
            Ok(())
        }
        (ExportFormat::Csv, ExportTable::Filings) => {
            let mut sink = Sink::new(out, filings::COLUMNS)?;
            for f in filings {
                sink.row(f.borrow(), &())?;
            }
            sink.finish()
        }
        (ExportFormat::Csv, ExportTable::Owners) => {
            let mut sink = Sink::new(out, owners::COLUMNS)?;
            for f in filings {
                let f = f.borrow();
                for o in &f.owners {
                    sink.row(f, o)?;
                }
            }
            sink.finish()
        }
        (ExportFormat::Csv, ExportTable::Transactions) => {
            let mut sink = Sink::new(out, transactions::COLUMNS)?;
            for f in filings {
                let f = f.borrow();
                for r in &f.rows {
                    sink.row(f, r)?;
                }
            }
            sink.finish()
        }
        (ExportFormat::Csv, ExportTable::Footnotes) => {
            let mut sink = Sink::new(out, footnotes::COLUMNS)?;
            for f in filings {
                let f = f.borrow();
                for n in &f.footnotes {
                    sink.row(f, n)?;
                }
            }
            sink.finish()
        }
    }
}

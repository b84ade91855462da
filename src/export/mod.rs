//! Writing filings as CSV or JSON.
//!
//! A minimal writer so the explorer's export key works; the full exporter replaces it.

use serde::Serialize;

use crate::model::Filing;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated values with a header line.
    Csv,
    /// JSON.
    Json,
}

/// Which table to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    /// One line per filing.
    Filings,
    /// One line per reporting owner.
    Owners,
    /// One line per row of Table I or II.
    Transactions,
    /// One line per footnote.
    Footnotes,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    /// The JSON writer failed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// This combination is not written by this writer.
    #[error("{0} export is not available")]
    Unsupported(&'static str),
}

#[derive(Serialize)]
struct TransactionLine<'a> {
    accession: Option<&'a str>,
    form: &'a str,
    filing_date: Option<chrono::NaiveDate>,
    issuer_cik: Option<&'a str>,
    issuer: Option<&'a str>,
    ticker: Option<&'a str>,
    owner: Option<&'a str>,
    table: &'static str,
    kind: &'static str,
    security: Option<&'a str>,
    date: Option<chrono::NaiveDate>,
    code: Option<&'a str>,
    shares: Option<rust_decimal::Decimal>,
    price: Option<rust_decimal::Decimal>,
    acquired_disposed: Option<&'static str>,
    owned_after: Option<rust_decimal::Decimal>,
    direct_indirect: Option<&'static str>,
}

/// Writes `filings` as `table` in `format` to `out`.
pub fn write<'a>(
    filings: impl IntoIterator<Item = &'a Filing>,
    format: ExportFormat,
    table: ExportTable,
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    match (format, table) {
        (ExportFormat::Csv, ExportTable::Transactions) => {
            let mut w = csv::Writer::from_writer(out);
            for f in filings {
                for r in &f.rows {
                    w.serialize(TransactionLine {
                        accession: f.accession_number.as_deref(),
                        form: f.document_type.as_str(),
                        filing_date: f.filing_date,
                        issuer_cik: f.issuer.cik.as_deref(),
                        issuer: f.issuer.name.as_deref(),
                        ticker: f.issuer.trading_symbol.as_deref(),
                        owner: f.owners.first().and_then(|o| o.name.as_deref()),
                        table: r.table.as_str(),
                        kind: r.kind.as_str(),
                        security: r.security_title.value.as_deref(),
                        date: r.transaction_date.value,
                        code: r.code().map(|c| c.as_str()),
                        shares: r.shares.value,
                        price: r.price_per_share.value,
                        acquired_disposed: r.acquired_disposed.value.map(|a| a.as_str()),
                        owned_after: r.shares_owned_following.value,
                        direct_indirect: r.direct_indirect.value.map(|d| d.as_str()),
                    })?;
                }
            }
            w.flush()?;
            Ok(())
        }
        (ExportFormat::Json, ExportTable::Filings) => {
            let all: Vec<&Filing> = filings.into_iter().collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)?;
            Ok(())
        }
        (ExportFormat::Csv, _) => Err(ExportError::Unsupported("this CSV table")),
        (ExportFormat::Json, _) => Err(ExportError::Unsupported("this JSON table")),
    }
}

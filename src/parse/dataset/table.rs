//! The eight tables of a quarter, and parsing them in parallel into keyed items.

use rayon::prelude::*;

use super::columns::Columns;
use super::rows::{self, ChunkOut, Layout, SharedTexts};
use super::tsv;
use super::{Budget, TableFile};
use crate::model::{Filing, Footnote, ReportingOwner, Row, Signature, Text};
use crate::parse::diag::{LoadIssue, Severity};
use crate::parse::MAX_LISTED_WARNINGS;

/// One of the eight tables of a data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableName {
    /// One row per filing.
    Submission,
    /// One row per reporting owner.
    ReportingOwner,
    /// Table I transactions.
    NonDerivTrans,
    /// Table I holdings.
    NonDerivHolding,
    /// Table II transactions.
    DerivTrans,
    /// Table II holdings.
    DerivHolding,
    /// Footnote texts.
    Footnotes,
    /// Signatures.
    OwnerSignature,
}

impl TableName {
    /// All eight, in the readme's order.
    pub const ALL: [TableName; 8] = [
        TableName::Submission,
        TableName::ReportingOwner,
        TableName::NonDerivTrans,
        TableName::NonDerivHolding,
        TableName::DerivTrans,
        TableName::DerivHolding,
        TableName::Footnotes,
        TableName::OwnerSignature,
    ];

    /// The table's file name as published.
    pub fn file_name(self) -> &'static str {
        match self {
            TableName::Submission => "SUBMISSION.tsv",
            TableName::ReportingOwner => "REPORTINGOWNER.tsv",
            TableName::NonDerivTrans => "NONDERIV_TRANS.tsv",
            TableName::NonDerivHolding => "NONDERIV_HOLDING.tsv",
            TableName::DerivTrans => "DERIV_TRANS.tsv",
            TableName::DerivHolding => "DERIV_HOLDING.tsv",
            TableName::Footnotes => "FOOTNOTES.tsv",
            TableName::OwnerSignature => "OWNER_SIGNATURE.tsv",
        }
    }

    /// The table a file name stands for (any case).
    pub fn from_file_name(name: &str) -> Option<TableName> {
        TableName::ALL
            .into_iter()
            .find(|t| t.file_name().eq_ignore_ascii_case(name))
    }

    /// What the user loses when the table is missing.
    pub fn consequence(self) -> &'static str {
        match self {
            TableName::Submission => {
                "filings are built from the other tables; form type, dates and issuer are unknown"
            }
            TableName::ReportingOwner => "filings have no reporting owners",
            TableName::NonDerivTrans => "no Table I transactions",
            TableName::NonDerivHolding => "no Table I holdings",
            TableName::DerivTrans => "no Table II transactions",
            TableName::DerivHolding => "no Table II holdings",
            TableName::Footnotes => "footnote markers show without their texts",
            TableName::OwnerSignature => "filings have no signatures",
        }
    }
}

/// An item of some table, keyed by its accession number and located in its file.
pub struct Keyed<T> {
    /// `ACCESSION_NUMBER` as filed.
    pub acc: Text,
    /// Index of the table file in the quarter's list.
    pub file: usize,
    /// File line of the record.
    pub line: u32,
    /// The item.
    pub item: T,
}

/// A SUBMISSION row: the filing's document-level fields (rows, owners and the like come
/// from the other tables).
pub type SubmissionRow = Filing;

/// Everything parsed from a quarter's tables, before the join.
#[derive(Default)]
pub struct Tables {
    /// SUBMISSION rows.
    pub submissions: Vec<Keyed<SubmissionRow>>,
    /// REPORTINGOWNER rows.
    pub owners: Vec<Keyed<ReportingOwner>>,
    /// Rows of the four row tables, with their `*_SK`.
    pub rows: Vec<Keyed<(i64, Row)>>,
    /// FOOTNOTES rows.
    pub footnotes: Vec<Keyed<Footnote>>,
    /// OWNER_SIGNATURE rows.
    pub signatures: Vec<Keyed<Signature>>,
}

/// Parse results and the issues met.
pub struct ParsedTables {
    /// The items, one [`Tables`] per chunk in file order: the join walks them in turn,
    /// so a quarter's items are never copied into one vector.
    pub tables: Vec<Tables>,
    /// Row-level warnings and table-level errors.
    pub issues: Vec<LoadIssue>,
}

/// Bytes per chunk: big enough to amortise the per-chunk set-up, small enough to spread a
/// large table over both cores.
const CHUNK: usize = 4 << 20;

/// Parses every table, all chunks of all tables in parallel, keeping file order.
/// Items are parsed only as far as `budget` allows.
pub fn parse_all(files: &[TableFile], texts: &SharedTexts, budget: &Budget) -> ParsedTables {
    let mut jobs = Vec::new();
    let mut issues = Vec::new();
    let mut layouts = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let (header, chunks) = tsv::split(&f.bytes, CHUNK);
        let columns = Columns::new(tsv::header_names(header));
        match Layout::new(f.name, columns) {
            Ok(layout) => layouts.push(Some(layout)),
            Err(message) => {
                issues.push(LoadIssue {
                    unlisted: 0,
                    path: f.label.clone(),
                    line: Some(1),
                    severity: Severity::Error,
                    message,
                });
                layouts.push(None);
                continue;
            }
        }
        jobs.extend(chunks.into_iter().map(|c| (i, c)));
    }
    let outs: Vec<ChunkOut> = jobs
        .into_par_iter()
        .filter_map(|(i, chunk)| {
            let layout = layouts.get(i)?.as_ref()?;
            Some(rows::parse_chunk(i, layout, &chunk, texts, budget))
        })
        .collect();
    let mut tables = Vec::with_capacity(outs.len());
    // Listed and unlisted warnings of the table being gone through (chunks come in file
    // order).
    let mut listed = 0;
    let mut unlisted = 0;
    let mut cut: Option<u32> = None;
    let mut outs = outs.into_iter().peekable();
    while let Some(out) = outs.next() {
        let label = files
            .get(out.file)
            .map(|f| f.label.clone())
            .unwrap_or_default();
        let room = MAX_LISTED_WARNINGS.saturating_sub(listed);
        let shown = out.warnings.listed.len().min(room);
        listed += shown;
        unlisted += out.warnings.unlisted + (out.warnings.listed.len() - shown);
        issues.extend(
            out.warnings
                .listed
                .into_iter()
                .take(shown)
                .map(|(line, message)| LoadIssue {
                    unlisted: 0,
                    path: label.clone(),
                    line: Some(line),
                    severity: Severity::Warning,
                    message,
                }),
        );
        tables.push(out.tables);
        cut = match (cut, out.cut) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if outs.peek().is_some_and(|next| next.file == out.file) {
            continue;
        }
        if let Some(line) = cut {
            issues.push(LoadIssue {
                unlisted: 0,
                path: label.clone(),
                line: Some(line),
                severity: Severity::Error,
                message: format!(
                    "the quarter's rows would take more than {} MiB of memory, far beyond any \
                     real quarter: this table is read only in part (the first row left \
                     out is on this line)",
                    budget.limit_mib()
                ),
            });
        }
        if unlisted > 0 {
            issues.push(LoadIssue {
                unlisted,
                path: label,
                line: None,
                severity: Severity::Warning,
                message: format!(
                    "{unlisted} more warnings are not listed: only the first {MAX_LISTED_WARNINGS} of a table are"
                ),
            });
        }
        (listed, unlisted, cut) = (0, 0, None);
    }
    ParsedTables { tables, issues }
}

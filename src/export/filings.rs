//! The `filings` table: one record per filing.

use super::cells::{boolean, count, date, datetime, joined, label, text, Column};
use crate::model::Filing;

/// The columns of the `filings` table.
pub const COLUMNS: &[Column<Filing, ()>] = &[
    Column {
        name: "accession_number",
        cell: |f, _| text(&f.accession_number),
    },
    Column {
        name: "document_type",
        cell: |f, _| Some(f.document_type.as_str().into()),
    },
    Column {
        name: "schema_version",
        cell: |f, _| text(&f.schema_version),
    },
    Column {
        name: "period_of_report",
        cell: |f, _| date(f.period_of_report),
    },
    Column {
        name: "filing_date",
        cell: |f, _| date(f.filing_date),
    },
    Column {
        name: "acceptance_datetime",
        cell: |f, _| datetime(f.acceptance_datetime),
    },
    Column {
        name: "date_of_original_submission",
        cell: |f, _| date(f.date_of_original_submission),
    },
    Column {
        name: "issuer_cik",
        cell: |f, _| text(&f.issuer.cik),
    },
    Column {
        name: "issuer_name",
        cell: |f, _| text(&f.issuer.name),
    },
    Column {
        name: "issuer_ticker",
        cell: |f, _| text(&f.issuer.trading_symbol),
    },
    Column {
        name: "issuer_sic",
        cell: |f, _| text(&f.issuer.sic),
    },
    Column {
        name: "issuer_state_of_incorporation",
        cell: |f, _| text(&f.issuer.state_of_incorporation),
    },
    Column {
        name: "owner_count",
        cell: |f, _| count(f.owners.len()),
    },
    Column {
        name: "owner_ciks",
        cell: |f, _| joined(f.owners.iter().map(|o| o.cik.as_deref())),
    },
    Column {
        name: "owner_names",
        cell: |f, _| joined(f.owners.iter().map(|o| o.name.as_deref())),
    },
    Column {
        name: "aff10b5_one",
        cell: |f, _| boolean(f.flags.aff10b5_one),
    },
    Column {
        name: "not_subject_to_section16",
        cell: |f, _| boolean(f.flags.not_subject_to_section16),
    },
    Column {
        name: "no_securities_owned",
        cell: |f, _| boolean(f.flags.no_securities_owned),
    },
    Column {
        name: "form3_holdings_reported",
        cell: |f, _| boolean(f.flags.form3_holdings_reported),
    },
    Column {
        name: "form4_transactions_reported",
        cell: |f, _| boolean(f.flags.form4_transactions_reported),
    },
    Column {
        name: "rows",
        cell: |f, _| count(f.rows.len()),
    },
    Column {
        name: "transactions",
        cell: |f, _| count(f.transaction_count()),
    },
    Column {
        name: "holdings",
        cell: |f, _| count(f.holding_count()),
    },
    Column {
        name: "footnotes",
        cell: |f, _| count(f.footnotes.len()),
    },
    Column {
        name: "signatures",
        cell: |f, _| joined(f.signatures.iter().map(|s| Some(&*s.name))),
    },
    Column {
        name: "remarks",
        cell: |f, _| text(&f.remarks),
    },
    Column {
        name: "source_path",
        cell: |f, _| Some((&*f.source.path).into()),
    },
    Column {
        name: "source_kind",
        cell: |f, _| label(Some(f.source.kind.as_str())),
    },
    Column {
        name: "source_line",
        cell: |f, _| super::cells::shown(f.source.line),
    },
];

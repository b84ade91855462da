//! The `transactions` table: one record per line of Table I or Table II, transactions and
//! holdings alike, each carrying its filing's keys. Every value a footnote can qualify is
//! followed by a `<column>_footnotes` column listing the footnote ids (`F1 F2`).

use super::cells::{boolean, date, decimal, fv_ids, ids, joined, label, shown, text, Column};
use crate::model::{Filing, Row};

/// The columns of the `transactions` table.
pub const COLUMNS: &[Column<Filing, Row>] = &[
    Column {
        name: "accession_number",
        cell: |f, _| text(&f.accession_number),
    },
    Column {
        name: "document_type",
        cell: |f, _| Some(f.document_type.as_str().into()),
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
        name: "owner_ciks",
        cell: |f, _| joined(f.owners.iter().map(|o| o.cik.as_deref())),
    },
    Column {
        name: "owner_names",
        cell: |f, _| joined(f.owners.iter().map(|o| o.name.as_deref())),
    },
    Column {
        name: "table",
        cell: |_, r| label(Some(r.table.as_str())),
    },
    Column {
        name: "kind",
        cell: |_, r| label(Some(r.kind.as_str())),
    },
    Column {
        name: "security_title",
        cell: |_, r| text(&r.security_title.value),
    },
    Column {
        name: "security_title_footnotes",
        cell: |_, r| fv_ids(&r.security_title),
    },
    Column {
        name: "transaction_date",
        cell: |_, r| date(r.transaction_date.value),
    },
    Column {
        name: "transaction_date_footnotes",
        cell: |_, r| fv_ids(&r.transaction_date),
    },
    Column {
        name: "deemed_execution_date",
        cell: |_, r| date(r.deemed_execution_date.value),
    },
    Column {
        name: "deemed_execution_date_footnotes",
        cell: |_, r| fv_ids(&r.deemed_execution_date),
    },
    Column {
        name: "transaction_form_type",
        cell: |_, r| r.coding.as_ref().and_then(|c| text(&c.form_type)),
    },
    Column {
        name: "transaction_code",
        cell: |_, r| r.code().map(|c| c.as_str().into()),
    },
    Column {
        name: "transaction_code_footnotes",
        cell: |_, r| r.coding.as_ref().and_then(|c| ids(&c.footnotes)),
    },
    Column {
        name: "equity_swap_involved",
        cell: |_, r| boolean(r.coding.as_ref().and_then(|c| c.equity_swap_involved)),
    },
    Column {
        name: "timeliness",
        cell: |_, r| label(r.timeliness.value.map(|t| t.as_str())),
    },
    Column {
        name: "timeliness_footnotes",
        cell: |_, r| fv_ids(&r.timeliness),
    },
    Column {
        name: "shares",
        cell: |_, r| decimal(r.shares.value),
    },
    Column {
        name: "shares_footnotes",
        cell: |_, r| fv_ids(&r.shares),
    },
    Column {
        name: "total_value",
        cell: |_, r| decimal(r.total_value.value),
    },
    Column {
        name: "total_value_footnotes",
        cell: |_, r| fv_ids(&r.total_value),
    },
    Column {
        name: "price_per_share",
        cell: |_, r| decimal(r.price_per_share.value),
    },
    Column {
        name: "price_per_share_footnotes",
        cell: |_, r| fv_ids(&r.price_per_share),
    },
    Column {
        name: "acquired_disposed",
        cell: |_, r| label(r.acquired_disposed.value.map(|a| a.as_str())),
    },
    Column {
        name: "acquired_disposed_footnotes",
        cell: |_, r| fv_ids(&r.acquired_disposed),
    },
    Column {
        name: "shares_owned_following",
        cell: |_, r| decimal(r.shares_owned_following.value),
    },
    Column {
        name: "shares_owned_following_footnotes",
        cell: |_, r| fv_ids(&r.shares_owned_following),
    },
    Column {
        name: "value_owned_following",
        cell: |_, r| decimal(r.value_owned_following.value),
    },
    Column {
        name: "value_owned_following_footnotes",
        cell: |_, r| fv_ids(&r.value_owned_following),
    },
    Column {
        name: "direct_indirect",
        cell: |_, r| label(r.direct_indirect.value.map(|d| d.as_str())),
    },
    Column {
        name: "direct_indirect_footnotes",
        cell: |_, r| fv_ids(&r.direct_indirect),
    },
    Column {
        name: "nature_of_ownership",
        cell: |_, r| text(&r.nature_of_ownership.value),
    },
    Column {
        name: "nature_of_ownership_footnotes",
        cell: |_, r| fv_ids(&r.nature_of_ownership),
    },
    Column {
        name: "conversion_or_exercise_price",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| decimal(d.conversion_or_exercise_price.value))
        },
    },
    Column {
        name: "conversion_or_exercise_price_footnotes",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| fv_ids(&d.conversion_or_exercise_price))
        },
    },
    Column {
        name: "exercise_date",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| date(d.exercise_date.value))
        },
    },
    Column {
        name: "exercise_date_footnotes",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| fv_ids(&d.exercise_date))
        },
    },
    Column {
        name: "expiration_date",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| date(d.expiration_date.value))
        },
    },
    Column {
        name: "expiration_date_footnotes",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| fv_ids(&d.expiration_date))
        },
    },
    Column {
        name: "underlying_title",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| text(&d.underlying_title.value))
        },
    },
    Column {
        name: "underlying_title_footnotes",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| fv_ids(&d.underlying_title))
        },
    },
    Column {
        name: "underlying_shares",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| decimal(d.underlying_shares.value))
        },
    },
    Column {
        name: "underlying_shares_footnotes",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| fv_ids(&d.underlying_shares))
        },
    },
    Column {
        name: "underlying_value",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| decimal(d.underlying_value.value))
        },
    },
    Column {
        name: "underlying_value_footnotes",
        cell: |_, r| {
            r.derivative
                .as_deref()
                .and_then(|d| fv_ids(&d.underlying_value))
        },
    },
    Column {
        name: "source_path",
        cell: |f, _| Some((&*f.source.path).into()),
    },
    Column {
        name: "source_line",
        cell: |f, r| shown(r.line.or(f.source.line)),
    },
];

//! Rows of Table I (non-derivative) and Table II (derivative): transactions and holdings.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{AcquiredDisposed, DirectIndirect, FootnoteIds, Fv, Text, Timeliness, TransactionCode};

/// Which table of the form a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Table {
    /// Table I: non-derivative securities.
    #[serde(rename = "I")]
    NonDerivative,
    /// Table II: derivative securities (options, warrants, convertibles, …).
    #[serde(rename = "II")]
    Derivative,
}

impl Table {
    /// `I` or `II`, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Table::NonDerivative => "I",
            Table::Derivative => "II",
        }
    }
}

/// A transaction (a change in holdings) or a holding (a position reported as it stands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    /// A transaction: `nonDerivativeTransaction` or `derivativeTransaction`.
    Transaction,
    /// A holding: `nonDerivativeHolding` or `derivativeHolding`.
    Holding,
}

impl RowKind {
    /// `transaction` or `holding`.
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Transaction => "transaction",
            RowKind::Holding => "holding",
        }
    }
}

/// The transaction coding block: form type, code, equity-swap flag and the footnotes on
/// the code itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    /// The form the line properly belongs on (`4`, `5`, or `3` on a Form 5 holding).
    pub form_type: Option<Text>,
    /// The transaction code (`None` on holdings).
    pub code: Option<TransactionCode>,
    /// Whether the transaction involved an equity swap; `None` when not filed.
    pub equity_swap_involved: Option<bool>,
    /// Footnotes attached to the code.
    #[serde(default, skip_serializing_if = "thin_vec::ThinVec::is_empty")]
    pub footnotes: FootnoteIds,
}

/// Columns only Table II has: exercise price, dates and the underlying security.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DerivativeTerms {
    /// Column 2: conversion or exercise price of the derivative security.
    pub conversion_or_exercise_price: Fv<Decimal>,
    /// Column 6: date exercisable.
    pub exercise_date: Fv<NaiveDate>,
    /// Column 6: expiration date.
    pub expiration_date: Fv<NaiveDate>,
    /// Column 7: title of the underlying security.
    pub underlying_title: Fv<Text>,
    /// Column 7: amount (shares) of the underlying security.
    pub underlying_shares: Fv<Decimal>,
    /// Column 7: dollar value of the underlying security, when filed by value.
    pub underlying_value: Fv<Decimal>,
}

/// One line of Table I or Table II.
///
/// Holdings leave the transaction columns empty; Table I rows have no
/// [`DerivativeTerms`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// Table I or Table II.
    pub table: Table,
    /// Transaction or holding.
    pub kind: RowKind,
    /// Line in the source file where the row starts, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Column 1: title of security.
    pub security_title: Fv<Text>,
    /// Transaction date.
    pub transaction_date: Fv<NaiveDate>,
    /// Deemed execution date, if any.
    pub deemed_execution_date: Fv<NaiveDate>,
    /// Transaction coding (code, form type, equity swap); `None` when not filed.
    pub coding: Option<Coding>,
    /// Timeliness: early or late; `None` means on time.
    pub timeliness: Fv<Timeliness>,
    /// Number of securities acquired or disposed of.
    pub shares: Fv<Decimal>,
    /// Dollar amount, for securities reported by value (notes, debt) instead of shares.
    pub total_value: Fv<Decimal>,
    /// Price per share (Table I column 4, Table II column 8).
    pub price_per_share: Fv<Decimal>,
    /// Acquired (A) or disposed of (D).
    pub acquired_disposed: Fv<AcquiredDisposed>,
    /// Amount beneficially owned following the reported transaction(s).
    pub shares_owned_following: Fv<Decimal>,
    /// Dollar value owned following the transaction, for securities held by value.
    pub value_owned_following: Fv<Decimal>,
    /// Ownership form: direct (D) or indirect (I).
    pub direct_indirect: Fv<DirectIndirect>,
    /// Nature of indirect beneficial ownership ("By Trust", …).
    pub nature_of_ownership: Fv<Text>,
    /// Table II columns; `None` on Table I rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivative: Option<Box<DerivativeTerms>>,
}

impl Row {
    /// An empty row of the given table and kind; Table II rows get empty derivative terms.
    pub fn new(table: Table, kind: RowKind) -> Row {
        Row {
            table,
            kind,
            line: None,
            security_title: Fv::default(),
            transaction_date: Fv::default(),
            deemed_execution_date: Fv::default(),
            coding: None,
            timeliness: Fv::default(),
            shares: Fv::default(),
            total_value: Fv::default(),
            price_per_share: Fv::default(),
            acquired_disposed: Fv::default(),
            shares_owned_following: Fv::default(),
            value_owned_following: Fv::default(),
            direct_indirect: Fv::default(),
            nature_of_ownership: Fv::default(),
            derivative: match table {
                Table::Derivative => Some(Box::default()),
                Table::NonDerivative => None,
            },
        }
    }

    /// The transaction code, if the row has one.
    pub fn code(&self) -> Option<&TransactionCode> {
        self.coding.as_ref().and_then(|c| c.code.as_ref())
    }

    /// Shares times price, when both were filed; else the filed total value.
    pub fn value(&self) -> Option<Decimal> {
        match (self.shares.value, self.price_per_share.value) {
            (Some(s), Some(p)) => s.checked_mul(p),
            _ => self.total_value.value,
        }
    }

    /// The signed change in shares: positive when acquired, negative when disposed of.
    pub fn signed_shares(&self) -> Option<Decimal> {
        let shares = self.shares.value?;
        match self.acquired_disposed.value? {
            AcquiredDisposed::Acquired => Some(shares),
            AcquiredDisposed::Disposed => Some(-shares),
        }
    }

    /// Every footnote id cited anywhere on the row, in column order, without repeats.
    pub fn footnote_ids(&self) -> Vec<&super::FootnoteId> {
        let d = self.derivative.as_deref();
        let code = self.coding.as_ref().map(|c| &c.footnotes);
        let lists: [Option<&FootnoteIds>; 19] = [
            Some(&self.security_title.footnotes),
            d.map(|d| &d.conversion_or_exercise_price.footnotes),
            Some(&self.transaction_date.footnotes),
            Some(&self.deemed_execution_date.footnotes),
            code,
            Some(&self.timeliness.footnotes),
            Some(&self.shares.footnotes),
            Some(&self.total_value.footnotes),
            Some(&self.price_per_share.footnotes),
            Some(&self.acquired_disposed.footnotes),
            d.map(|d| &d.exercise_date.footnotes),
            d.map(|d| &d.expiration_date.footnotes),
            d.map(|d| &d.underlying_title.footnotes),
            d.map(|d| &d.underlying_shares.footnotes),
            d.map(|d| &d.underlying_value.footnotes),
            Some(&self.shares_owned_following.footnotes),
            Some(&self.value_owned_following.footnotes),
            Some(&self.direct_indirect.footnotes),
            Some(&self.nature_of_ownership.footnotes),
        ];
        let mut out: Vec<&super::FootnoteId> = Vec::new();
        for id in lists.into_iter().flatten().flatten() {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
}

//! Table I and Table II: transactions and holdings, with every value's footnotes.

use super::cursor::{Child, Cursor};
use crate::model::{
    add_footnote, AcquiredDisposed, Coding, DirectIndirect, Row, RowKind, Table, Timeliness,
    TransactionCode,
};
use crate::parse::diag::Diagnostic;

/// Reads `nonDerivativeTable` or `derivativeTable` and appends its rows. Table I and
/// Table II share one bound: once `out` holds [`crate::parse::MAX_FILING_ITEMS`] rows,
/// the rows of either table are skipped unread.
pub fn table<'a>(
    c: &mut Cursor<'a>,
    parent: &Child<'a>,
    table: Table,
    out: &mut Vec<Row>,
) -> Result<(), Diagnostic> {
    if parent.is_empty {
        return Ok(());
    }
    let name = match table {
        Table::NonDerivative => "nonDerivativeTable",
        Table::Derivative => "derivativeTable",
    };
    while let Some(child) = c.next_child(name)? {
        let kind = match (table, child.local()) {
            (Table::NonDerivative, b"nonDerivativeTransaction")
            | (Table::Derivative, b"derivativeTransaction") => RowKind::Transaction,
            (Table::NonDerivative, b"nonDerivativeHolding")
            | (Table::Derivative, b"derivativeHolding") => RowKind::Holding,
            _ => {
                c.skip(&child)?;
                continue;
            }
        };
        if c.is_full(out.len(), "rows", child.pos) {
            c.skip(&child)?;
            continue;
        }
        out.push(row(c, &child, table, kind)?);
    }
    Ok(())
}

fn row<'a>(
    c: &mut Cursor<'a>,
    parent: &Child<'a>,
    table: Table,
    kind: RowKind,
) -> Result<Row, Diagnostic> {
    let mut row = Row::new(table, kind);
    row.line = Some(c.line_at(parent.pos));
    if parent.is_empty {
        c.warn(parent.pos, format!("empty <{}>", parent.name()));
        return Ok(row);
    }
    let parent_name = parent.name();
    while let Some(child) = c.next_child(&parent_name)? {
        match child.local() {
            b"securityTitle" => row.security_title = c.fv_text(&child)?,
            b"conversionOrExercisePrice" => {
                derivative(&mut row).conversion_or_exercise_price = c.fv_decimal(&child)?
            }
            b"transactionDate" => row.transaction_date = c.fv_date(&child)?,
            b"deemedExecutionDate" => row.deemed_execution_date = c.fv_date(&child)?,
            b"transactionCoding" => row.coding = Some(coding(c, &child)?),
            b"transactionTimeliness" => {
                row.timeliness = c.fv(&child, |s| {
                    Timeliness::parse(s)
                        .map(Some)
                        .ok_or_else(|| format!("timeliness is E or L, not {s:?}"))
                })?
            }
            b"transactionAmounts" if !child.is_empty => amounts(c, &mut row)?,
            b"exerciseDate" => derivative(&mut row).exercise_date = c.fv_date(&child)?,
            b"expirationDate" => derivative(&mut row).expiration_date = c.fv_date(&child)?,
            b"underlyingSecurity" if !child.is_empty => underlying(c, &mut row)?,
            b"postTransactionAmounts" if !child.is_empty => {
                while let Some(g) = c.next_child("postTransactionAmounts")? {
                    match g.local() {
                        b"sharesOwnedFollowingTransaction" => {
                            row.shares_owned_following = c.fv_decimal(&g)?
                        }
                        b"valueOwnedFollowingTransaction" => {
                            row.value_owned_following = c.fv_decimal(&g)?
                        }
                        _ => c.skip(&g)?,
                    }
                }
            }
            b"ownershipNature" if !child.is_empty => {
                while let Some(g) = c.next_child("ownershipNature")? {
                    match g.local() {
                        b"directOrIndirectOwnership" => {
                            row.direct_indirect = c.fv(&g, |s| {
                                DirectIndirect::parse(s)
                                    .map(Some)
                                    .ok_or_else(|| format!("ownership form is D or I, not {s:?}"))
                            })?
                        }
                        b"natureOfOwnership" => row.nature_of_ownership = c.fv_text(&g)?,
                        _ => c.skip(&g)?,
                    }
                }
            }
            _ => c.skip(&child)?,
        }
    }
    Ok(row)
}

fn derivative(row: &mut Row) -> &mut crate::model::DerivativeTerms {
    row.derivative.get_or_insert_with(Box::default)
}

fn coding<'a>(c: &mut Cursor<'a>, parent: &Child<'a>) -> Result<Coding, Diagnostic> {
    let mut coding = Coding::default();
    let mut full = false;
    if parent.is_empty {
        return Ok(coding);
    }
    while let Some(child) = c.next_child("transactionCoding")? {
        match child.local() {
            b"transactionFormType" => coding.form_type = c.text(&child)?,
            b"transactionCode" => {
                let pos = child.pos;
                if let Some(raw) = c.leaf(&child)? {
                    let code = TransactionCode::parse(&raw);
                    if let Some(TransactionCode::Other(t)) = &code {
                        c.warn(
                            pos,
                            format!("<transactionCode>: unknown code {t:?}, kept as filed"),
                        );
                    }
                    coding.code = code;
                }
            }
            b"equitySwapInvolved" => coding.equity_swap_involved = c.boolean(&child)?,
            b"footnoteId" => {
                if let Some(id) = c.footnote_id(&child)? {
                    if !add_footnote(&mut coding.footnotes, id)
                        && !std::mem::replace(&mut full, true)
                    {
                        c.warn(child.pos, super::cursor::too_many_footnotes());
                    }
                }
            }
            _ => c.skip(&child)?,
        }
    }
    Ok(coding)
}

fn amounts(c: &mut Cursor<'_>, row: &mut Row) -> Result<(), Diagnostic> {
    while let Some(g) = c.next_child("transactionAmounts")? {
        match g.local() {
            b"transactionShares" => row.shares = c.fv_decimal(&g)?,
            b"transactionTotalValue" => row.total_value = c.fv_decimal(&g)?,
            b"transactionPricePerShare" => row.price_per_share = c.fv_decimal(&g)?,
            b"transactionAcquiredDisposedCode" => {
                row.acquired_disposed = c.fv(&g, |s| {
                    AcquiredDisposed::parse(s)
                        .map(Some)
                        .ok_or_else(|| format!("acquired/disposed code is A or D, not {s:?}"))
                })?
            }
            _ => c.skip(&g)?,
        }
    }
    Ok(())
}

fn underlying(c: &mut Cursor<'_>, row: &mut Row) -> Result<(), Diagnostic> {
    while let Some(g) = c.next_child("underlyingSecurity")? {
        match g.local() {
            b"underlyingSecurityTitle" => derivative(row).underlying_title = c.fv_text(&g)?,
            b"underlyingSecurityShares" => derivative(row).underlying_shares = c.fv_decimal(&g)?,
            b"underlyingSecurityValue" => derivative(row).underlying_value = c.fv_decimal(&g)?,
            _ => c.skip(&g)?,
        }
    }
    Ok(())
}

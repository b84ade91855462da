//! The transactions pane: Table I and Table II of the selected filing, with the columns
//! of the printed form and each value's footnote markers right beside it.

use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use ratatui::Frame;
use rust_decimal::Decimal;

use super::cells::{self, fixed, flex, Align, Cell, Col};
use super::{pane_block, row_style, theme, with_gutter, GUTTER};
use crate::app::content::{tx_lines, tx_rows, TxLine};
use crate::app::format::{self, markers};
use crate::app::{App, Pane};
use crate::model::{AcquiredDisposed, DerivativeTerms, Fv, Row, RowKind, Table, Text};
use crate::text::shown;

const TABLE_I: [Col; 10] = [
    flex("Title", 12, 0),
    fixed("Date", 11, Align::Left, 0),
    fixed("Deemed", 11, Align::Left, 4),
    fixed("Code", 5, Align::Left, 0),
    fixed("Amount", 11, Align::Right, 0),
    fixed("A/D", 3, Align::Left, 0),
    fixed("Price", 11, Align::Right, 1),
    fixed("Owned after", 13, Align::Right, 1),
    fixed("D/I", 3, Align::Left, 2),
    flex("Nature", 8, 3),
];

const TABLE_II: [Col; 14] = [
    flex("Title", 14, 0),
    fixed("Ex. price", 9, Align::Right, 1),
    fixed("Date", 11, Align::Left, 0),
    fixed("Deemed", 11, Align::Left, 6),
    fixed("Code", 5, Align::Left, 0),
    fixed("Amount", 10, Align::Right, 0),
    fixed("A/D", 3, Align::Left, 0),
    fixed("Exercisable", 11, Align::Left, 2),
    fixed("Expires", 11, Align::Left, 2),
    flex("Underlying", 10, 3),
    fixed("Und. amount", 11, Align::Right, 3),
    fixed("Price", 9, Align::Right, 5),
    fixed("Owned after", 11, Align::Right, 1),
    fixed("D/I", 3, Align::Left, 4),
];

fn heading(table: Table) -> &'static str {
    match table {
        Table::NonDerivative => {
            "Table I · Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"
        }
        Table::Derivative => {
            "Table II · Derivative Securities Acquired, Disposed of, or Beneficially Owned"
        }
    }
}

/// Draws the transactions pane.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let decoded = app.selected_filing();
    let filing = decoded.as_deref();
    let count = filing.map(|f| f.rows.len()).unwrap_or(0);
    let block = pane_block(
        app,
        Pane::Transactions,
        if count > 0 {
            format::counted(count, "row")
        } else {
            String::new()
        },
    );
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let Some(filing) = filing else { return };
    if inner.area() == 0 {
        return;
    }
    let w1 = cells::widths(&TABLE_I, inner.width.saturating_sub(GUTTER));
    let w2 = cells::widths(&TABLE_II, inner.width.saturating_sub(GUTTER));
    let selected = tx_rows(filing).get(app.cursors().rows.selected).copied();
    let cursor = app.cursors().rows;
    let lines: Vec<Line<'static>> = tx_lines(filing)
        .into_iter()
        .skip(cursor.offset)
        .take(inner.height as usize)
        .map(|line| match line {
            TxLine::Heading(t) => Line::styled(heading(t), theme::title()),
            TxLine::Header(Table::NonDerivative) => {
                with_gutter(cells::header(&TABLE_I, &w1), false)
            }
            TxLine::Header(Table::Derivative) => with_gutter(cells::header(&TABLE_II, &w2), false),
            TxLine::Blank => Line::default(),
            TxLine::Nothing => Line::styled("no transactions or holdings", theme::dim()),
            TxLine::Row(i) => {
                let Some(row) = filing.rows.get(i) else {
                    return Line::default();
                };
                let is_selected = Some(i) == selected;
                let style = row_style(app, Pane::Transactions, is_selected);
                let line = match row.table {
                    Table::NonDerivative => cells::row(&table_i(row), &TABLE_I, &w1),
                    Table::Derivative => cells::row(&table_ii(row), &TABLE_II, &w2),
                };
                with_gutter(line.style(style), is_selected)
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, frame.buffer_mut());
}

fn text(v: &Fv<Text>) -> Cell {
    Cell::marked(format::fv(v, |t| shown(t).into_owned()))
}

fn date(v: &Fv<NaiveDate>) -> Cell {
    Cell::marked(format::fv(v, NaiveDate::to_string))
}

fn number(v: &Fv<Decimal>) -> Cell {
    Cell::marked(format::fv(v, |d| format::decimal(*d)))
}

fn money(v: &Fv<Decimal>) -> Cell {
    Cell::marked(format::fv(v, |d| format!("${}", format::decimal(*d))))
}

fn code(row: &Row) -> Cell {
    if row.kind == RowKind::Holding {
        return Cell::styled("hold", theme::dim());
    }
    let mut text = row
        .code()
        .map(|c| shown(c.as_str()).into_owned())
        .unwrap_or_default();
    if let Some(t) = row.timeliness.value {
        text.push(' ');
        text.push_str(t.as_str());
    }
    let coding = row
        .coding
        .as_ref()
        .map(|c| c.footnotes.iter())
        .into_iter()
        .flatten();
    Cell {
        text,
        marker: markers(coding.chain(row.timeliness.footnotes.iter())),
        ..Cell::default()
    }
}

/// The amount acquired or disposed of: shares, else the filed dollar value.
fn amount(row: &Row) -> Cell {
    let cell = if row.shares.is_empty() && !row.total_value.is_empty() {
        money(&row.total_value)
    } else {
        number(&row.shares)
    };
    match row.acquired_disposed.value {
        Some(AcquiredDisposed::Acquired) => cell.with_style(theme::positive()),
        Some(AcquiredDisposed::Disposed) => cell.with_style(theme::negative()),
        None => cell,
    }
}

fn owned_after(row: &Row) -> Cell {
    if row.shares_owned_following.is_empty() && !row.value_owned_following.is_empty() {
        money(&row.value_owned_following)
    } else {
        number(&row.shares_owned_following)
    }
}

fn ad(row: &Row) -> Cell {
    Cell::marked(format::fv(&row.acquired_disposed, |a| {
        a.as_str().to_string()
    }))
}

fn di(row: &Row) -> Cell {
    Cell::marked(format::fv(&row.direct_indirect, |d| d.as_str().to_string()))
}

fn table_i(row: &Row) -> Vec<Cell> {
    vec![
        text(&row.security_title),
        date(&row.transaction_date),
        date(&row.deemed_execution_date),
        code(row),
        amount(row),
        ad(row),
        number(&row.price_per_share),
        owned_after(row),
        di(row),
        text(&row.nature_of_ownership),
    ]
}

fn table_ii(row: &Row) -> Vec<Cell> {
    let empty = DerivativeTerms::default();
    let terms = row.derivative.as_deref().unwrap_or(&empty);
    let underlying = if terms.underlying_shares.is_empty() && !terms.underlying_value.is_empty() {
        money(&terms.underlying_value)
    } else {
        number(&terms.underlying_shares)
    };
    vec![
        text(&row.security_title),
        number(&terms.conversion_or_exercise_price),
        date(&row.transaction_date),
        date(&row.deemed_execution_date),
        code(row),
        amount(row),
        ad(row),
        date(&terms.exercise_date),
        date(&terms.expiration_date),
        text(&terms.underlying_title),
        underlying,
        number(&row.price_per_share),
        owned_after(row),
        di(row),
    ]
}

//! Tables I and II of the form view: ruled columns when the screen is wide enough for
//! every value, else one field a line under `Line n (transaction)`.

use crate::model::{AcquiredDisposed, Filing, FootnoteIds, Fv, Row, RowKind, Table, Timeliness};
use crate::parse::rendered::{format_amount, format_date, format_marker, layouts, Col, Form};
use crate::text::sanitize;

use super::wrap::{cell_lines, wrap};

/// The markers of a value, printed right after it.
fn markers(ids: &FootnoteIds) -> String {
    ids.iter().map(format_marker).collect()
}

fn decimal(v: &Fv<rust_decimal::Decimal>, dollar: bool) -> String {
    let value = v
        .value
        .as_ref()
        .map(|d| format!("{}{}", if dollar { "$" } else { "" }, format_amount(d)))
        .unwrap_or_default();
    format!("{value}{}", markers(&v.footnotes))
}

/// An amount that is shares, or a dollar value when the value form was filed.
fn shares_or_value(
    shares: &Fv<rust_decimal::Decimal>,
    value: &Fv<rust_decimal::Decimal>,
) -> String {
    if shares.is_empty() && !value.is_empty() {
        decimal(value, true)
    } else {
        decimal(shares, false)
    }
}

fn date(v: &Fv<chrono::NaiveDate>) -> String {
    let d = v.value.as_ref().map(format_date).unwrap_or_default();
    format!("{d}{}", markers(&v.footnotes))
}

fn text(v: &Fv<crate::model::Text>) -> String {
    let t = v.value.as_deref().map(sanitize).unwrap_or_default();
    format!("{t}{}", markers(&v.footnotes))
}

/// The text printed in one cell of a row.
pub fn cell(row: &Row, col: Col) -> String {
    let d = row.derivative.as_deref();
    let amount_in = |ad: AcquiredDisposed| {
        let here = match row.acquired_disposed.value {
            Some(v) => v == ad,
            None => ad == AcquiredDisposed::Acquired,
        };
        if here {
            shares_or_value(&row.shares, &row.total_value)
        } else {
            String::new()
        }
    };
    match col {
        Col::Title => text(&row.security_title),
        Col::Date => date(&row.transaction_date),
        Col::Deemed => date(&row.deemed_execution_date),
        Col::Code => row
            .coding
            .as_ref()
            .map(|c| {
                let code = c
                    .code
                    .as_ref()
                    .map(|c| sanitize(c.as_str()).into_owned())
                    .unwrap_or_default();
                let swap = if c.equity_swap_involved == Some(true) {
                    "/K"
                } else {
                    ""
                };
                format!("{code}{swap}{}", markers(&c.footnotes))
            })
            .unwrap_or_default(),
        Col::V => {
            let v = match row.timeliness.value {
                Some(Timeliness::Early) => "V",
                Some(Timeliness::Late) => "L",
                None => "",
            };
            format!("{v}{}", markers(&row.timeliness.footnotes))
        }
        Col::Amount => shares_or_value(&row.shares, &row.total_value),
        Col::AmountA => amount_in(AcquiredDisposed::Acquired),
        Col::AmountD => amount_in(AcquiredDisposed::Disposed),
        Col::AcqDisp => format!(
            "{}{}",
            row.acquired_disposed
                .value
                .map(|v| v.as_str())
                .unwrap_or_default(),
            markers(&row.acquired_disposed.footnotes)
        ),
        Col::Price | Col::DerivPrice => decimal(&row.price_per_share, true),
        Col::ConvPrice => d
            .map(|d| decimal(&d.conversion_or_exercise_price, true))
            .unwrap_or_default(),
        Col::Exercisable => d.map(|d| date(&d.exercise_date)).unwrap_or_default(),
        Col::Expiration => d.map(|d| date(&d.expiration_date)).unwrap_or_default(),
        Col::UnderlyingTitle => d.map(|d| text(&d.underlying_title)).unwrap_or_default(),
        Col::UnderlyingAmount => d
            .map(|d| shares_or_value(&d.underlying_shares, &d.underlying_value))
            .unwrap_or_default(),
        Col::Owned => shares_or_value(&row.shares_owned_following, &row.value_owned_following),
        Col::Ownership => format!(
            "{}{}",
            row.direct_indirect
                .value
                .map(|v| v.as_str())
                .unwrap_or_default(),
            markers(&row.direct_indirect.footnotes)
        ),
        Col::Nature => text(&row.nature_of_ownership),
    }
}

/// The short heading of a ruled column.
fn heading(col: Col, table: Table, form: Form) -> &'static str {
    match col {
        Col::Title => match table {
            Table::NonDerivative => "1. Title of Security",
            Table::Derivative => "1. Title of Derivative Security",
        },
        Col::ConvPrice => "Exercise Price",
        Col::Date => "Trans. Date",
        Col::Deemed => "Deemed Date",
        Col::Code => "Code",
        Col::V => "V",
        Col::Amount => "Amount",
        Col::AmountA => "(A)",
        Col::AmountD => "(D)",
        Col::AcqDisp => "(A) or (D)",
        Col::Price => "Price",
        Col::Exercisable => "Date Exer.",
        Col::Expiration => "Expir. Date",
        Col::UnderlyingTitle => "Underlying Title",
        Col::UnderlyingAmount => "Underlying Amount",
        Col::DerivPrice => "Deriv. Price",
        Col::Owned => match form {
            Form::Three => "Amount Owned",
            Form::Five => "Owned at Year End",
            Form::Four => "Owned After",
        },
        Col::Ownership => "D or I",
        Col::Nature => "Nature of Indirect Ownership",
    }
}

/// The title line(s) of a table.
fn title(table: Table, form: Form) -> Vec<&'static str> {
    match (table, form) {
        (Table::NonDerivative, Form::Three) => {
            vec!["Table I - Non-Derivative Securities Beneficially Owned"]
        }
        (Table::NonDerivative, _) => {
            vec!["Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"]
        }
        (Table::Derivative, Form::Three) => vec![
            "Table II - Derivative Securities Beneficially Owned",
            "(e.g., puts, calls, warrants, options, convertible securities)",
        ],
        (Table::Derivative, _) => vec![
            "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
            "(e.g., puts, calls, warrants, options, convertible securities)",
        ],
    }
}

/// Lays out one table of `filing`.
pub fn render(filing: &Filing, table: Table, width: usize, out: &mut Vec<String>) {
    let form = Form::of(&filing.document_type);
    let cols: &[Col] = layouts(form, table).first().copied().unwrap_or_default();
    let rows: Vec<&Row> = filing.rows.iter().filter(|r| r.table == table).collect();
    for t in title(table, form) {
        out.extend(wrap(t, width, "", ""));
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| cols.iter().map(|&c| cell(r, c)).collect())
        .collect();
    match column_widths(cols, &cells, table, form, width) {
        Some(widths) => ruled(cols, &cells, &widths, table, form, out),
        None => records(cols, &rows, &cells, table, form, width, out),
    }
}

fn longest_word(s: &str) -> usize {
    s.split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// Widths of the ruled columns, or `None` when they cannot fit in `width`.
fn column_widths(
    cols: &[Col],
    cells: &[Vec<String>],
    table: Table,
    form: Form,
    width: usize,
) -> Option<Vec<usize>> {
    let mut min: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let values = cells.iter().filter_map(|r| r.get(i)).map(|s| {
                if c.is_text() {
                    longest_word(s)
                } else {
                    s.chars().count()
                }
            });
            values
                .chain([longest_word(heading(c, table, form)), 1])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let rules = cols.len() + 1;
    let used: usize = min.iter().sum::<usize>() + rules;
    if used > width {
        return None;
    }
    // Give the room left to the text columns, up to their full length.
    let mut spare = width - used;
    loop {
        let mut grew = false;
        for (i, &c) in cols.iter().enumerate() {
            if spare == 0 {
                break;
            }
            let natural = cells
                .iter()
                .filter_map(|r| r.get(i))
                .map(|s| s.chars().count())
                .chain([heading(c, table, form).chars().count()])
                .max()
                .unwrap_or(0);
            let w = min.get(i).copied().unwrap_or(0);
            if w < natural {
                if let Some(m) = min.get_mut(i) {
                    *m += 1;
                    spare -= 1;
                    grew = true;
                }
            }
        }
        if !grew || spare == 0 {
            break;
        }
    }
    Some(min)
}

fn rule(widths: &[usize]) -> String {
    let mut s = String::from("+");
    for w in widths {
        s.push_str(&"-".repeat(*w));
        s.push('+');
    }
    s
}

fn ruled_line(pieces: &[Vec<String>], widths: &[usize], k: usize) -> String {
    let mut s = String::from("|");
    for (i, w) in widths.iter().enumerate() {
        let piece = pieces
            .get(i)
            .and_then(|p| p.get(k))
            .map(String::as_str)
            .unwrap_or("");
        s.push_str(piece);
        s.push_str(&" ".repeat(w.saturating_sub(piece.chars().count())));
        s.push('|');
    }
    s
}

fn ruled_row(texts: &[String], widths: &[usize], out: &mut Vec<String>) {
    let pieces: Vec<Vec<String>> = texts
        .iter()
        .zip(widths)
        .map(|(t, w)| cell_lines(t, *w))
        .collect();
    let height = pieces.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for k in 0..height {
        out.push(ruled_line(&pieces, widths, k));
    }
    out.push(rule(widths));
}

fn ruled(
    cols: &[Col],
    cells: &[Vec<String>],
    widths: &[usize],
    table: Table,
    form: Form,
    out: &mut Vec<String>,
) {
    out.push(rule(widths));
    let heads: Vec<String> = cols
        .iter()
        .map(|&c| heading(c, table, form).to_string())
        .collect();
    ruled_row(&heads, widths, out);
    for r in cells {
        ruled_row(r, widths, out);
    }
}

fn records(
    cols: &[Col],
    rows: &[&Row],
    cells: &[Vec<String>],
    table: Table,
    form: Form,
    width: usize,
    out: &mut Vec<String>,
) {
    for (n, (row, texts)) in rows.iter().zip(cells).enumerate() {
        let kind = match row.kind {
            RowKind::Transaction => "transaction",
            RowKind::Holding => "holding",
        };
        out.push(format!("Line {} ({kind})", n + 1));
        for (&c, t) in cols.iter().zip(texts) {
            if t.is_empty() {
                continue;
            }
            let first = format!("   {}: ", c.label(table, form));
            out.extend(wrap(t, width, &first, "      "));
        }
    }
}

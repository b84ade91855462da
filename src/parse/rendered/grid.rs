//! Tables drawn with rules: `|` between columns, lines of `-`, `_`, `=` or `+` between
//! rows, as typed forms and the form view draw them. A row may take several lines when
//! a cell wraps; its pieces are joined per column.

use super::cells::{Cell, RawRow};
use super::columns::{layout_of_width, Col, Form};
use super::lines::{join_wrapped_onto, Line};
use crate::model::{RowKind, Table};
use crate::parse::MAX_FILING_ITEMS;

/// True when `lines` hold a ruled table: at least two lines cut by three or more `|`.
pub fn is_ruled(lines: &[Line]) -> bool {
    lines
        .iter()
        .filter(|l| l.text.matches('|').count() >= 3)
        .count()
        >= 2
}

/// True for a line that only draws a rule.
fn is_rule(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars().any(|c| matches!(c, '-' | '_' | '=' | '+'))
        && t.chars()
            .all(|c| matches!(c, '-' | '_' | '=' | '+' | '|' | ' ' | ':'))
}

/// The cells of a line cut at its `|`s, without the empty pieces outside the outer
/// rules.
fn cut(s: &str) -> Vec<String> {
    let t = s.trim();
    let mut parts: Vec<String> = t.split('|').map(|p| p.to_string()).collect();
    if t.starts_with('|') && !parts.is_empty() {
        parts.remove(0);
    }
    if t.ends_with('|') && !parts.is_empty() {
        parts.pop();
    }
    parts
}

/// The rows of a ruled table. `form` and `table` choose the column layout by the number
/// of columns of the widest lines; returns `Err` naming the count when no layout of the
/// form has it.
pub fn read(lines: &[Line], form: Form, table: Table) -> Result<Vec<RawRow>, String> {
    let widths: Vec<usize> = lines
        .iter()
        .filter(|l| !is_rule(&l.text) && l.text.contains('|'))
        .map(|l| cut(&l.text).len())
        .collect();
    let width = widths.iter().copied().max().unwrap_or(0);
    let Some(layout) = layout_of_width(form, table, width) else {
        return Err(format!(
            "a ruled Table {} of {width} columns matches no layout of the form",
            table.as_str()
        ));
    };
    // The heading runs to the first line with a date or an amount in a value column.
    let start = lines
        .iter()
        .position(|l| {
            let lower = l.text.to_ascii_lowercase();
            !is_rule(&l.text)
                && !lower.contains("instr")
                && !lower.contains("month/")
                && layout.iter().zip(cut(&l.text)).any(|(c, p)| {
                    let cell = Cell::parse(&p);
                    !c.is_text()
                        && (super::words::is_amount(&cell.text)
                            || super::words::is_date(&cell.text))
                })
        })
        .unwrap_or(lines.len());
    let mut rows: Vec<RawRow> = Vec::new();
    let mut open: Option<(u32, Vec<Vec<String>>)> = None;
    let flush = |open: &mut Option<(u32, Vec<Vec<String>>)>, rows: &mut Vec<RawRow>| {
        if let Some((line, pieces)) = open.take() {
            let cells: Vec<(Col, Cell)> = layout
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    let mut text = String::new();
                    for piece in pieces.iter().filter_map(|p| p.get(i)) {
                        join_wrapped_onto(&mut text, piece);
                    }
                    (c, Cell::parse(&text))
                })
                .collect();
            let row = RawRow {
                line,
                kind: None,
                cells,
            };
            if !row.is_empty() {
                rows.push(row);
            }
        }
    };
    for l in lines.get(start..).unwrap_or_default() {
        if rows.len() > MAX_FILING_ITEMS {
            // One past the bound tells the caller there were more.
            break;
        }
        if is_rule(&l.text) {
            flush(&mut open, &mut rows);
            continue;
        }
        if !l.text.contains('|') {
            continue;
        }
        let mut parts = cut(&l.text);
        parts.resize(layout.len(), String::new());
        // A line continues the row above when its value columns are empty or hold only
        // footnote markers that wrapped.
        let continues = layout
            .iter()
            .zip(&parts)
            .all(|(c, p)| c.is_text() || Cell::parse(p).text.is_empty());
        match open.as_mut() {
            Some((_, pieces)) if continues => pieces.push(parts),
            _ => {
                flush(&mut open, &mut rows);
                open = Some((l.no, vec![parts]));
            }
        }
    }
    flush(&mut open, &mut rows);
    for r in &mut rows {
        let holding = [
            Col::Date,
            Col::Code,
            Col::Amount,
            Col::AmountA,
            Col::AmountD,
        ]
        .iter()
        .all(|c| r.get(*c).is_none());
        r.kind = Some(if holding {
            RowKind::Holding
        } else {
            RowKind::Transaction
        });
    }
    Ok(rows)
}

/// Rows written one field a line, as the form view prints them on narrow screens:
/// `Line 1 (transaction)` then `  <label>: <value>` lines, wrapped values indented below.
pub fn read_records(lines: &[Line], form: Form, table: Table) -> Vec<RawRow> {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut last: Option<Col> = None;
    for l in lines {
        let t = l.text.trim();
        if let Some(kind) = record_start(t) {
            if rows.len() > MAX_FILING_ITEMS {
                break;
            }
            rows.push(RawRow {
                line: l.no,
                kind: Some(kind),
                cells: Vec::new(),
            });
            last = None;
            continue;
        }
        let Some(row) = rows.last_mut() else { continue };
        let labelled = Col::ALL.iter().find_map(|&c| {
            let label = c.label(table, form);
            t.strip_prefix(label)
                .and_then(|r| r.strip_prefix(':'))
                .map(|r| (c, r.trim()))
        });
        match (labelled, last) {
            (Some((c, v)), _) => {
                row.cells.push((
                    c,
                    Cell {
                        text: v.to_string(),
                        notes: Default::default(),
                    },
                ));
                last = Some(c);
            }
            (None, Some(c)) if !t.is_empty() => {
                if let Some((_, cell)) = row.cells.iter_mut().rev().find(|(k, _)| *k == c) {
                    cell.text.push(' ');
                    cell.text.push_str(t);
                }
            }
            _ => {}
        }
    }
    for r in &mut rows {
        let raw: Vec<(Col, Cell)> = r
            .cells
            .drain(..)
            .map(|(c, cell)| (c, Cell::parse(&cell.text)))
            .collect();
        r.cells = raw;
    }
    rows
}

/// `Line 3 (holding)` starts a record.
fn record_start(t: &str) -> Option<RowKind> {
    let rest = t.strip_prefix("Line ")?;
    let (n, kind) = rest.split_once(' ')?;
    if !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match kind.trim() {
        "(transaction)" => Some(RowKind::Transaction),
        "(holding)" => Some(RowKind::Holding),
        _ => None,
    }
}

/// True when `lines` hold rows in the one-field-a-line layout.
pub fn is_records(lines: &[Line]) -> bool {
    lines.iter().any(|l| record_start(l.text.trim()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str) -> Vec<Line> {
        super::super::lines::clean(t, 1)
    }

    #[test]
    fn a_ruled_form3_table_with_a_wrapped_title() {
        let t = "\
+------------------+----------+-----+-----------+
|1. Title of       |2. Amount |3.   |4. Nature  |
|Security          |          |D/I  |           |
+------------------+----------+-----+-----------+
|Series A Preferred|1,000(1)  |I    |By Trust   |
|Stock             |          |     |(2)        |
+------------------+----------+-----+-----------+
|Common Stock      |5         |D    |           |
+------------------+----------+-----+-----------+
";
        let l = lines(t);
        assert!(is_ruled(&l));
        let rows = read(&l, Form::Three, Table::NonDerivative).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].get(Col::Title).unwrap().text,
            "Series A Preferred Stock"
        );
        assert_eq!(rows[0].get(Col::Nature).unwrap().notes[0].as_str(), "F2");
        assert_eq!(rows[0].line, 5);
        assert_eq!(rows[1].kind, Some(RowKind::Holding));
        assert!(read(&l, Form::Four, Table::NonDerivative).is_err());
    }

    #[test]
    fn records() {
        let t = "Line 1 (transaction)\n  Title of Security: Common\n     Stock(1)\n  Transaction Code: S\nLine 2 (holding)\n  Title of Security: X\n";
        let l = lines(t);
        assert!(is_records(&l));
        let rows = read_records(&l, Form::Four, Table::NonDerivative);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].get(Col::Title).unwrap().text, "Common Stock");
        assert_eq!(rows[0].get(Col::Title).unwrap().notes.len(), 1);
        assert_eq!(rows[1].kind, Some(RowKind::Holding));
    }
}

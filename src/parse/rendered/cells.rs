//! From the printed cells of one table line to a model [`Row`]: every front end (text,
//! typed, HTML) hands over `(column, cell)` pairs and this module reads the values,
//! warning by name about any it cannot read.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{
    AcquiredDisposed, Coding, DirectIndirect, FootnoteIds, Fv, Row, RowKind, Table, Text,
    Timeliness, TransactionCode,
};
use crate::parse::diag::Diagnostic;

use super::columns::Col;
use super::lines::squash;
use super::words;

/// One printed cell: its text without footnote markers, and the markers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The value as printed, markers removed, whitespace collapsed.
    pub text: String,
    /// Footnote ids of the markers printed with the value.
    pub notes: FootnoteIds,
}

impl Cell {
    /// Reads a cell as printed, markers and all (at most
    /// [`MAX_VALUE_FOOTNOTES`](crate::model::MAX_VALUE_FOOTNOTES) markers are kept).
    pub fn parse(raw: &str) -> Cell {
        let (text, mut notes) = words::split_markers(&squash(raw));
        notes.truncate(crate::model::MAX_VALUE_FOOTNOTES);
        Cell { text, notes }
    }

    /// True when nothing was printed.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.notes.is_empty()
    }
}

/// One table line as read from the page, before its values are interpreted.
#[derive(Debug, Clone, Default)]
pub struct RawRow {
    /// Line in the file where the row starts.
    pub line: u32,
    /// Transaction or holding, when the page says so; otherwise told from the cells.
    pub kind: Option<RowKind>,
    /// The printed cells, by column.
    pub cells: Vec<(Col, Cell)>,
}

impl RawRow {
    /// The cell of a column, if printed.
    pub fn get(&self, col: Col) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|(c, cell)| *c == col && !cell.is_empty())
            .map(|(_, cell)| cell)
    }

    /// True when no cell holds anything.
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|(_, c)| c.is_empty())
    }
}

/// Builds the model row of `raw`. `n` is the row's number within its table (1-based),
/// used with the table to name the field in warnings.
pub fn build(table: Table, n: usize, raw: &RawRow, warnings: &mut Vec<Diagnostic>) -> Row {
    let has = |c: Col| raw.get(c).is_some();
    let kind = raw.kind.unwrap_or(
        if has(Col::Date)
            || has(Col::Code)
            || has(Col::Amount)
            || has(Col::AmountA)
            || has(Col::AmountD)
        {
            RowKind::Transaction
        } else {
            RowKind::Holding
        },
    );
    let mut row = Row::new(table, kind);
    row.line = Some(raw.line);
    let mut r = Reader {
        table,
        n,
        line: raw.line,
        warnings,
    };
    let mut acquired: Option<(Cell, AcquiredDisposed)> = None;
    for (col, cell) in &raw.cells {
        if cell.is_empty() {
            continue;
        }
        match col {
            Col::Title => row.security_title = r.text(cell),
            Col::Date => row.transaction_date = r.date(cell, "transaction date"),
            Col::Deemed => row.deemed_execution_date = r.date(cell, "deemed execution date"),
            Col::Code => row.coding = Some(r.code(cell)),
            Col::V => row.timeliness = r.v(cell),
            Col::Amount => {
                let (shares, value) = r.amount(cell, "amount");
                row.shares = shares;
                row.total_value = value;
            }
            Col::AmountA | Col::AmountD => {
                let ad = if *col == Col::AmountA {
                    AcquiredDisposed::Acquired
                } else {
                    AcquiredDisposed::Disposed
                };
                if acquired.is_some() {
                    r.warn("both the (A) and the (D) column are filled; the (A) one is kept");
                    continue;
                }
                acquired = Some((cell.clone(), ad));
            }
            Col::AcqDisp => row.acquired_disposed = r.acq_disp(cell),
            Col::Price => row.price_per_share = r.decimal(cell, "price"),
            Col::ConvPrice => {
                if let Some(d) = row.derivative.as_mut() {
                    d.conversion_or_exercise_price =
                        r.decimal(cell, "conversion or exercise price");
                }
            }
            Col::DerivPrice => {
                row.price_per_share = r.decimal(cell, "price of derivative security")
            }
            Col::Exercisable => {
                if let Some(d) = row.derivative.as_mut() {
                    d.exercise_date = r.date(cell, "date exercisable");
                }
            }
            Col::Expiration => {
                if let Some(d) = row.derivative.as_mut() {
                    d.expiration_date = r.date(cell, "expiration date");
                }
            }
            Col::UnderlyingTitle => {
                if let Some(d) = row.derivative.as_mut() {
                    d.underlying_title = r.text(cell);
                }
            }
            Col::UnderlyingAmount => {
                let (shares, value) = r.amount(cell, "underlying amount");
                if let Some(d) = row.derivative.as_mut() {
                    d.underlying_shares = shares;
                    d.underlying_value = value;
                }
            }
            Col::Owned => {
                let (shares, value) = r.amount(cell, "amount owned following");
                row.shares_owned_following = shares;
                row.value_owned_following = value;
            }
            Col::Ownership => row.direct_indirect = r.direct_indirect(cell),
            Col::Nature => row.nature_of_ownership = r.text(cell),
        }
    }
    if let Some((cell, ad)) = acquired {
        let (shares, value) = r.amount(&cell, "number of derivative securities");
        row.shares = shares;
        row.total_value = value;
        row.acquired_disposed = Fv::with_footnotes(Some(ad), FootnoteIds::new());
    }
    if row.security_title.value.is_none() {
        r.warn("no title of security");
    }
    row
}

struct Reader<'w> {
    table: Table,
    n: usize,
    line: u32,
    warnings: &'w mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn warn(&mut self, what: &str) {
        self.warnings.push(Diagnostic::new(
            Some(self.line),
            format!("Table {} line {}: {what}", self.table.as_str(), self.n),
        ));
    }

    fn text(&mut self, cell: &Cell) -> Fv<Text> {
        let value = (!cell.text.is_empty()).then(|| Text::from(cell.text.as_str()));
        Fv::with_footnotes(value, cell.notes.clone())
    }

    fn date(&mut self, cell: &Cell, field: &str) -> Fv<NaiveDate> {
        let value = match words::date(&cell.text) {
            Ok(d) => d,
            Err(e) => {
                self.warn(&format!("{field} left empty: {e}"));
                None
            }
        };
        Fv::with_footnotes(value, cell.notes.clone())
    }

    fn decimal(&mut self, cell: &Cell, field: &str) -> Fv<Decimal> {
        let value = match words::amount(&cell.text) {
            Ok(d) => d.map(|(d, _)| d),
            Err(e) => {
                self.warn(&format!("{field} left empty: {e}"));
                None
            }
        };
        Fv::with_footnotes(value, cell.notes.clone())
    }

    /// An amount that is a share count, or a dollar value when printed with `$`.
    fn amount(&mut self, cell: &Cell, field: &str) -> (Fv<Decimal>, Fv<Decimal>) {
        match words::amount(&cell.text) {
            Ok(Some((d, true))) => (
                Fv::default(),
                Fv::with_footnotes(Some(d), cell.notes.clone()),
            ),
            Ok(Some((d, false))) => (
                Fv::with_footnotes(Some(d), cell.notes.clone()),
                Fv::default(),
            ),
            Ok(None) => (Fv::with_footnotes(None, cell.notes.clone()), Fv::default()),
            Err(e) => {
                self.warn(&format!("{field} left empty: {e}"));
                (Fv::with_footnotes(None, cell.notes.clone()), Fv::default())
            }
        }
    }

    fn code(&mut self, cell: &Cell) -> Coding {
        let t = cell.text.trim();
        let (letter, swap) = match t.strip_suffix("/K").or_else(|| t.strip_suffix("/k")) {
            Some(l) => (l.trim(), Some(true)),
            None => (t, None),
        };
        let code = TransactionCode::parse(letter);
        if let Some(TransactionCode::Other(raw)) = &code {
            self.warn(&format!("unknown transaction code {raw:?} kept as printed"));
        }
        Coding {
            form_type: None,
            code,
            equity_swap_involved: swap,
            footnotes: cell.notes.clone(),
        }
    }

    fn v(&mut self, cell: &Cell) -> Fv<Timeliness> {
        let value = match cell.text.trim() {
            "" => None,
            "V" | "v" | "E" | "e" => Some(Timeliness::Early),
            "L" | "l" => Some(Timeliness::Late),
            other => {
                self.warn(&format!("V column left empty: {other:?} is not V"));
                None
            }
        };
        Fv::with_footnotes(value, cell.notes.clone())
    }

    fn acq_disp(&mut self, cell: &Cell) -> Fv<AcquiredDisposed> {
        let t = cell
            .text
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')');
        let value = if t.is_empty() {
            None
        } else {
            let v = AcquiredDisposed::parse(t);
            if v.is_none() {
                self.warn(&format!("(A) or (D) left empty: {t:?} is neither"));
            }
            v
        };
        Fv::with_footnotes(value, cell.notes.clone())
    }

    fn direct_indirect(&mut self, cell: &Cell) -> Fv<DirectIndirect> {
        let t = cell
            .text
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')');
        let value = if t.is_empty() {
            None
        } else if t.eq_ignore_ascii_case("direct") {
            Some(DirectIndirect::Direct)
        } else if t.eq_ignore_ascii_case("indirect") {
            Some(DirectIndirect::Indirect)
        } else {
            let v = DirectIndirect::parse(t);
            if v.is_none() {
                self.warn(&format!(
                    "ownership form left empty: {t:?} is neither D nor I"
                ));
            }
            v
        };
        Fv::with_footnotes(value, cell.notes.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(cells: &[(Col, &str)]) -> RawRow {
        RawRow {
            line: 7,
            kind: None,
            cells: cells.iter().map(|(c, t)| (*c, Cell::parse(t))).collect(),
        }
    }

    #[test]
    fn a_seed_like_row() {
        let mut w = Vec::new();
        let r = build(
            Table::NonDerivative,
            1,
            &raw(&[
                (Col::Title, "Common Stock"),
                (Col::Date, "03/12/2018"),
                (Col::Code, "S (1)"),
                (Col::Amount, "34,000"),
                (Col::AcqDisp, "D"),
                (Col::Price, "$ 1.1972 (2)"),
                (Col::Owned, "213,548"),
                (Col::Ownership, "D"),
            ]),
            &mut w,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(r.kind, RowKind::Transaction);
        assert_eq!(r.code(), Some(&TransactionCode::S));
        assert_eq!(r.coding.as_ref().unwrap().footnotes[0].as_str(), "F1");
        assert_eq!(r.price_per_share.value.unwrap().to_string(), "1.1972");
        assert_eq!(r.price_per_share.footnotes[0].as_str(), "F2");
        assert_eq!(
            r.shares_owned_following.value.unwrap().to_string(),
            "213548"
        );
    }

    #[test]
    fn bad_values_warn_and_stay_empty() {
        let mut w = Vec::new();
        let r = build(
            Table::Derivative,
            2,
            &raw(&[
                (Col::Title, "Option"),
                (Col::Exercisable, "Immediately"),
                (Col::AmountD, "$1,000 (4)"),
                (Col::Owned, "lots"),
            ]),
            &mut w,
        );
        assert_eq!(r.derivative.as_ref().unwrap().exercise_date.value, None);
        assert_eq!(r.total_value.value.unwrap().to_string(), "1000");
        assert_eq!(r.acquired_disposed.value, Some(AcquiredDisposed::Disposed));
        assert_eq!(r.shares_owned_following.value, None);
        assert_eq!(w.len(), 2);
        assert!(w[0].message.contains("Table II line 2: date exercisable"));
    }
}

//! Table lines whose columns are lost: text where a printer or a PDF converter left only
//! words separated by tabs or spaces. The words are matched to the form's columns by
//! what they look like (a date, an amount, a code letter, a marker), in printed order,
//! choosing the reading that skips the fewest expected values and drops the fewest
//! stray words. Words it has to drop are reported, never guessed into a field.

use super::cells::{Cell, RawRow};
use super::columns::Col;
use super::words;
use crate::model::RowKind;

/// A word of a table line and its column on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word as printed.
    pub text: String,
    /// Column where it starts (tabs expanded).
    pub x: usize,
}

/// Splits a line into words, setting footnote markers glued to a value (`S(1)`,
/// `34,000(2)`) apart and joining a lone `$` to the amount after it.
pub fn words_of(line: &str) -> Vec<Word> {
    let expanded = super::lines::expand_tabs(line);
    let mut out: Vec<Word> = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    for (x, c) in expanded.chars().chain(std::iter::once(' ')).enumerate() {
        if c.is_whitespace() {
            if !current.is_empty() {
                split_glued(&current, start, &mut out);
                current.clear();
            }
        } else {
            if current.is_empty() {
                start = x;
            }
            current.push(c);
        }
    }
    let mut joined: Vec<Word> = Vec::with_capacity(out.len());
    for w in out {
        if let Some(prev) = joined.last_mut() {
            if prev.text == "$" && words::is_amount(&w.text) {
                prev.text.push_str(&w.text);
                continue;
            }
        }
        joined.push(w);
    }
    joined
}

fn split_glued(word: &str, x: usize, out: &mut Vec<Word>) {
    let (base, notes) = words::split_markers(word);
    // Markers printed together (`(4)(5)(6)`) stay one word: they qualify one value.
    if notes.is_empty() || base.is_empty() {
        out.push(Word {
            text: word.to_string(),
            x,
        });
        return;
    }
    if !base.is_empty() {
        out.push(Word {
            text: base.clone(),
            x,
        });
    }
    for id in notes {
        out.push(Word {
            text: words::format_marker(&id),
            x: x + base.len(),
        });
    }
}

/// What a word can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Date,
    Amount,
    Marker,
    Letter(char),
    Text,
}

fn kind(w: &str) -> Kind {
    let (base, notes) = words::split_markers(w);
    if base.is_empty() && !notes.is_empty() {
        return Kind::Marker;
    }
    if words::is_date(w) {
        return Kind::Date;
    }
    if words::is_amount(w) {
        return Kind::Amount;
    }
    let letter = w
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim_end_matches("/K");
    let mut chars = letter.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_ascii_uppercase() {
            return Kind::Letter(c);
        }
    }
    Kind::Text
}

/// Cost, in half points, of leaving a column empty.
fn skip_cost(col: Col, required: bool) -> u32 {
    if required {
        return 40;
    }
    match col {
        Col::Title => 100,
        Col::Owned | Col::Ownership => 8,
        Col::Amount | Col::AmountA | Col::AmountD => 6,
        Col::UnderlyingTitle | Col::UnderlyingAmount | Col::AcqDisp => 4,
        Col::Price | Col::ConvPrice | Col::Exercisable | Col::Expiration => 2,
        Col::DerivPrice => 1,
        _ => 0,
    }
}

const JUNK: u32 = 20;
const FOOTNOTE_ONLY: u32 = 1;
const ODD_TEXT: u32 = 2;
const IN_TEXT_DATE: u32 = 16;
const IN_TEXT_AMOUNT: u32 = 12;
const IN_TEXT_LETTER: u32 = 2;

/// The most words one text cell takes: far more than any title or nature of ownership
/// runs to, and the bound that keeps reading a line linear in its words.
const MAX_TEXT_WORDS: usize = 64;

/// The most words a line may hold to be read as a table row: real rows hold a few dozen.
/// Reading costs time and memory in proportion to the words, so a longer line (a hostile
/// or garbled file) is passed over with a warning.
pub const MAX_ROW_WORDS: usize = 2_000;

/// How one column takes words from position `i`: the options, each `(words, cost)`.
fn takes(col: Col, kinds: &[Kind], texts: &[&str], i: usize) -> Vec<(usize, u32)> {
    let markers_from = |k: usize| {
        kinds
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take_while(|k| **k == Kind::Marker)
            .count()
    };
    let mut out = Vec::new();
    let Some(&first) = kinds.get(i) else {
        return out;
    };
    if col.is_text() {
        // Free text takes one or more words; a date or an amount only at a price, so a
        // value that fits a column of its own goes there.
        let mut cost = 0;
        for (k, kind) in kinds.iter().enumerate().skip(i).take(MAX_TEXT_WORDS) {
            cost += match kind {
                Kind::Date => IN_TEXT_DATE,
                Kind::Amount => IN_TEXT_AMOUNT,
                Kind::Letter(_) => IN_TEXT_LETTER,
                Kind::Marker | Kind::Text => 0,
            };
            out.push((k + 1 - i, cost));
        }
        return out;
    }
    let value_ok = match col {
        Col::Date | Col::Deemed | Col::Exercisable | Col::Expiration => first == Kind::Date,
        Col::Code => {
            matches!(first, Kind::Letter(c) if crate::model::TransactionCode::ALL.iter().any(|t| t.as_str().starts_with(c)))
        }
        Col::V => first == Kind::Letter('V'),
        Col::AcqDisp => matches!(first, Kind::Letter('A' | 'D')),
        Col::Ownership => {
            matches!(first, Kind::Letter('D' | 'I'))
                || texts.get(i).is_some_and(|t| {
                    t.eq_ignore_ascii_case("direct") || t.eq_ignore_ascii_case("indirect")
                })
        }
        _ => first == Kind::Amount,
    };
    if value_ok {
        out.extend((0..=markers_from(i + 1)).map(|k| (1 + k, 0)));
    }
    if first == Kind::Marker && !matches!(col, Col::Code | Col::V | Col::AcqDisp | Col::Ownership) {
        out.extend((1..=markers_from(i)).map(|k| (k, FOOTNOTE_ONLY)));
    }
    if first == Kind::Text && matches!(col, Col::Exercisable | Col::Expiration) {
        out.push((1 + markers_from(i + 1), ODD_TEXT));
    }
    out
}

/// A reading's cost, the words each column took (as index ranges) and the words dropped.
type Best = (u32, Vec<(Col, std::ops::Range<usize>)>, Vec<usize>);

/// The best reading of `words` under `cols`: its cost, the words each column took (as
/// index ranges) and the words dropped.
fn best(cols: &[(Col, bool)], words: &[Word]) -> Best {
    let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    let kinds: Vec<Kind> = texts.iter().map(|t| kind(t)).collect();
    let n = words.len();
    let m = cols.len();
    // cost[i][j]: cheapest way to read words i.. with columns j..
    let mut cost = vec![vec![u32::MAX; m + 1]; n + 1];
    let mut choice = vec![vec![(0u8, 0usize); m + 1]; n + 1];
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            if i == n && j == m {
                cost[i][j] = 0;
                continue;
            }
            let mut best_here = (u32::MAX, (0u8, 0usize));
            if let Some(&(col, required)) = cols.get(j) {
                let skip = cost[i][j + 1].saturating_add(skip_cost(col, required));
                if skip < best_here.0 {
                    best_here = (skip, (0, 0));
                }
                for (k, c) in takes(col, &kinds, &texts, i) {
                    let next = cost[i + k][j + 1].saturating_add(c);
                    if next < best_here.0 {
                        best_here = (next, (1, k));
                    }
                }
            }
            if i < n {
                let drop = cost[i + 1][j].saturating_add(JUNK);
                if drop < best_here.0 {
                    best_here = (drop, (2, 1));
                }
            }
            cost[i][j] = best_here.0;
            choice[i][j] = best_here.1;
        }
    }
    let mut taken = Vec::new();
    let mut dropped = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        let (what, k) = choice[i][j];
        match what {
            1 => {
                if let Some(&(col, _)) = cols.get(j) {
                    taken.push((col, i..i + k));
                }
                i += k;
                j += 1;
            }
            2 => {
                dropped.push(i);
                i += 1;
            }
            _ => j += 1,
        }
        if i > n {
            break;
        }
    }
    (cost[0][0], taken, dropped)
}

/// A reading of one table line.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The cells found.
    pub row: RawRow,
    /// Words that fit no column, dropped.
    pub dropped: Vec<String>,
    /// Where each text column started on the page, for attaching wrapped lines.
    pub text_x: Vec<(Col, usize)>,
    /// Where the first value after the title started.
    pub values_x: Option<usize>,
}

/// Reads one table line under the transaction layout and the holding layout and keeps
/// the cheaper reading. A layout's `Amount` column stands for the printed `(A)`/`(D)`
/// pair, which plain text cannot tell apart.
pub fn read(line: u32, words: &[Word], transaction: Option<&[Col]>, holding: &[Col]) -> Reading {
    let required = |c: Col| matches!(c, Col::Date | Col::Code);
    let mut options: Vec<(Vec<(Col, bool)>, RowKind)> = Vec::new();
    if let Some(t) = transaction {
        let mut cols = Vec::new();
        for &c in t {
            match c {
                Col::AmountA => {
                    cols.push((Col::Amount, false));
                    cols.push((Col::AcqDisp, false));
                }
                Col::AmountD => {}
                c => cols.push((c, required(c))),
            }
        }
        options.push((cols, RowKind::Transaction));
    }
    options.push((
        holding.iter().map(|&c| (c, false)).collect(),
        RowKind::Holding,
    ));
    let mut chosen = None;
    for (cols, kind) in options {
        let (cost, taken, dropped) = best(&cols, words);
        if chosen.as_ref().map_or(true, |(c, _, _, _)| cost < *c) {
            chosen = Some((cost, taken, dropped, kind));
        }
    }
    let (_, taken, dropped, kind) = chosen.unwrap_or((0, Vec::new(), Vec::new(), RowKind::Holding));
    let mut row = RawRow {
        line,
        kind: Some(kind),
        cells: Vec::new(),
    };
    let mut text_x = Vec::new();
    let mut values_x = None;
    for (col, range) in taken {
        let ws = words.get(range).unwrap_or_default();
        let text = ws
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(first) = ws.first() {
            if col.is_text() {
                text_x.push((col, first.x));
            } else if values_x.is_none() {
                values_x = Some(first.x);
            }
        }
        row.cells.push((col, Cell::parse(&text)));
    }
    Reading {
        row,
        dropped: dropped
            .into_iter()
            .filter_map(|i| words.get(i).map(|w| w.text.clone()))
            .collect(),
        text_x,
        values_x,
    }
}

/// True when a line of a table holds a value (a date or an amount), so it is a row and
/// not a heading or a wrapped piece of text.
pub fn has_values(words: &[Word]) -> bool {
    words
        .iter()
        .any(|w| matches!(kind(&w.text), Kind::Date | Kind::Amount))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Table;
    use crate::parse::rendered::columns::{holding_columns, layouts, Form};

    fn texts(r: &Reading) -> Vec<(Col, String)> {
        r.row
            .cells
            .iter()
            .map(|(c, cell)| {
                (
                    *c,
                    format!(
                        "{}{:?}",
                        cell.text,
                        cell.notes.iter().map(|f| f.as_str()).collect::<Vec<_>>()
                    ),
                )
            })
            .collect()
    }

    #[test]
    fn the_seed_row_reads_with_its_stray_digit_dropped() {
        let line = "Common\tStock\t\t03/12/2018\t\t\t\tS  (1)\t\t34,000\tD\t$ 1.1972 (2)\t213,548\t3\t\tD\t";
        let ws = words_of(line);
        let t = layouts(Form::Four, Table::NonDerivative)[0];
        let r = read(
            9,
            &ws,
            Some(t),
            holding_columns(Form::Four, Table::NonDerivative),
        );
        assert_eq!(r.dropped, vec!["3"]);
        assert_eq!(r.row.kind, Some(RowKind::Transaction));
        let got = texts(&r);
        assert!(
            got.contains(&(Col::Title, "Common Stock[]".into())),
            "{got:?}"
        );
        assert!(got.contains(&(Col::Code, "S[\"F1\"]".into())), "{got:?}");
        assert!(
            got.contains(&(Col::Price, "$1.1972[\"F2\"]".into())),
            "{got:?}"
        );
        assert!(got.contains(&(Col::Owned, "213,548[]".into())), "{got:?}");
        assert!(got.contains(&(Col::Ownership, "D[]".into())), "{got:?}");
    }

    #[test]
    fn holdings_and_footnote_only_prices() {
        let t = layouts(Form::Four, Table::NonDerivative)[0];
        let h = holding_columns(Form::Four, Table::NonDerivative);
        let r = read(
            1,
            &words_of("Class A Common Stock   151,188   I   Trust (3)"),
            Some(t),
            h,
        );
        assert_eq!(r.row.kind, Some(RowKind::Holding));
        let got = texts(&r);
        assert!(
            got.contains(&(Col::Title, "Class A Common Stock[]".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(Col::Nature, "Trust[\"F3\"]".into())),
            "{got:?}"
        );
        let r = read(
            1,
            &words_of("Common Stock 05/01/2020 F 1,000 D (4) 9,000 D"),
            Some(t),
            h,
        );
        let got = texts(&r);
        assert!(got.contains(&(Col::Price, "[\"F4\"]".into())), "{got:?}");
        assert!(got.contains(&(Col::AcqDisp, "D[]".into())), "{got:?}");
    }

    #[test]
    fn derivative_rows() {
        let t = layouts(Form::Four, Table::Derivative)[1];
        let h = holding_columns(Form::Four, Table::Derivative);
        let line =
            "Stock Option $12.50 03/15/99 M 5,000 Immed. 01/01/05 Common Stock 5,000 10,000 D";
        let r = read(1, &words_of(line), Some(t), h);
        assert!(r.dropped.is_empty(), "{:?}", r.dropped);
        let got = texts(&r);
        assert!(
            got.contains(&(Col::Exercisable, "Immed.[]".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(Col::UnderlyingTitle, "Common Stock[]".into())),
            "{got:?}"
        );
        assert!(got.contains(&(Col::Owned, "10,000[]".into())), "{got:?}");
        let hold = "Stock Option $10.00 (1) 01/01/2030 Common Stock 5,000 5,000 D";
        let r = read(1, &words_of(hold), Some(t), h);
        assert_eq!(r.row.kind, Some(RowKind::Holding));
    }
}

//! Table cells and column widths for panes drawn line by line: each pane builds cells
//! for its visible rows only and lays them out here.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme;
use crate::app::wrap::{truncate, width};

/// How a column aligns its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// A column: header, width limits, alignment and how early it is dropped when space
/// runs out (higher drops first; 0 never).
#[derive(Debug, Clone, Copy)]
pub struct Col {
    /// Header text.
    pub title: &'static str,
    /// Narrowest width.
    pub min: u16,
    /// Widest width; 0 lets the column take any room left.
    pub max: u16,
    /// Alignment.
    pub align: Align,
    /// Drop order.
    pub drop: u8,
    /// Share of the room left, for growing columns.
    pub weight: u16,
}

/// A column with fixed width.
pub const fn fixed(title: &'static str, w: u16, align: Align, drop: u8) -> Col {
    Col {
        title,
        min: w,
        max: w,
        align,
        drop,
        weight: 0,
    }
}

/// A column that grows.
pub const fn flex(title: &'static str, min: u16, drop: u8) -> Col {
    weighted(title, min, drop, 1)
}

/// A column that grows by `weight` shares of the room left.
pub const fn weighted(title: &'static str, min: u16, drop: u8, weight: u16) -> Col {
    Col {
        title,
        min,
        max: 0,
        align: Align::Left,
        drop,
        weight,
    }
}

/// Widths for `cols` in `total` cells (one space between columns); `None` for dropped
/// columns.
pub fn widths(cols: &[Col], total: u16) -> Vec<Option<u16>> {
    let mut shown: Vec<bool> = vec![true; cols.len()];
    let needed = |shown: &[bool]| -> u32 {
        let n = shown.iter().filter(|s| **s).count() as u32;
        cols.iter()
            .zip(shown)
            .filter(|(_, s)| **s)
            .map(|(c, _)| u32::from(c.min))
            .sum::<u32>()
            + n.saturating_sub(1)
    };
    while needed(&shown) > u32::from(total) {
        let victim = cols
            .iter()
            .enumerate()
            .filter(|(i, c)| c.drop > 0 && shown.get(*i).copied().unwrap_or(false))
            .max_by_key(|(i, c)| (c.drop, *i))
            .map(|(i, _)| i);
        match victim.and_then(|i| shown.get_mut(i)) {
            Some(s) => *s = false,
            None => break,
        }
    }
    let mut out: Vec<Option<u16>> = cols
        .iter()
        .zip(&shown)
        .map(|(c, s)| s.then_some(c.min))
        .collect();
    let mut spare = u32::from(total).saturating_sub(needed(&shown));
    // Bounded columns grow to their maximum first, then flexible ones share the rest.
    for (c, w) in cols.iter().zip(out.iter_mut()) {
        if let Some(w) = w {
            if c.max > c.min {
                let add = u32::from(c.max - c.min).min(spare);
                *w += add as u16;
                spare -= add;
            }
        }
    }
    let flexible: Vec<(usize, u32)> = cols
        .iter()
        .enumerate()
        .filter(|(i, c)| c.max == 0 && out.get(*i).is_some_and(Option::is_some))
        .map(|(i, c)| (i, u32::from(c.weight.max(1))))
        .collect();
    let weights: u32 = flexible.iter().map(|(_, w)| w).sum();
    if let Some(unit) = spare.checked_div(weights) {
        let mut left = spare - unit * weights;
        for (i, w) in &flexible {
            let extra = u32::from(left > 0);
            left = left.saturating_sub(1);
            let share = unit * w + extra;
            if let Some(Some(width)) = out.get_mut(*i) {
                *width = width.saturating_add(u16::try_from(share).unwrap_or(u16::MAX));
            }
        }
    }
    out
}

/// One cell: text, a footnote marker kept whole beside it, a style and the character
/// positions a search matched.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// The value as text (already sanitised).
    pub text: String,
    /// Footnote markers, drawn right after the value.
    pub marker: String,
    /// Style of the value.
    pub style: Style,
    /// Character positions to highlight.
    pub highlight: Vec<usize>,
}

impl Cell {
    /// A plain cell.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    /// A cell with a style.
    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style,
            ..Cell::default()
        }
    }

    /// A value with its footnote markers.
    pub fn marked(parts: (String, String)) -> Cell {
        Cell {
            text: parts.0,
            marker: parts.1,
            ..Cell::default()
        }
    }

    /// The same cell with another style.
    pub fn with_style(mut self, style: Style) -> Cell {
        self.style = style;
        self
    }

    /// Spans filling exactly `w` cells.
    fn spans(&self, w: usize, align: Align) -> Vec<Span<'static>> {
        let marker = truncate(&self.marker, w).into_owned();
        let room = w.saturating_sub(width(&marker));
        let text = truncate(&self.text, room).into_owned();
        let pad = w.saturating_sub(width(&text) + width(&marker));
        let mut out = Vec::new();
        if align == Align::Right && pad > 0 {
            out.push(Span::raw(" ".repeat(pad)));
        }
        if self.highlight.is_empty() {
            out.push(Span::styled(text, self.style));
        } else {
            out.extend(highlighted(&text, &self.highlight, self.style));
        }
        if !marker.is_empty() {
            out.push(Span::styled(marker, theme::marker()));
        }
        if align == Align::Left && pad > 0 {
            out.push(Span::raw(" ".repeat(pad)));
        }
        out
    }
}

/// `text` split into spans with the characters at `positions` highlighted.
pub fn highlighted(text: &str, positions: &[usize], base: Style) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut run_is_match = false;
    for (i, c) in text.chars().enumerate() {
        let is_match = positions.contains(&i);
        if is_match != run_is_match && !run.is_empty() {
            let style = if run_is_match {
                base.patch(theme::matched())
            } else {
                base
            };
            out.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_is_match = is_match;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_is_match {
            base.patch(theme::matched())
        } else {
            base
        };
        out.push(Span::styled(run, style));
    }
    out
}

/// A line of cells laid out in the given widths, one space apart.
pub fn row(cells: &[Cell], cols: &[Col], widths: &[Option<u16>]) -> Line<'static> {
    let mut spans = Vec::new();
    let mut first = true;
    for ((cell, col), w) in cells.iter().zip(cols).zip(widths) {
        let Some(w) = w else { continue };
        if !first {
            spans.push(Span::raw(" "));
        }
        first = false;
        spans.extend(cell.spans(*w as usize, col.align));
    }
    Line::from(spans)
}

/// The header line of a table.
pub fn header(cols: &[Col], widths: &[Option<u16>]) -> Line<'static> {
    let cells: Vec<Cell> = cols
        .iter()
        .map(|c| Cell::styled(c.title, theme::header()))
        .collect();
    row(&cells, cols, widths)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: [Col; 3] = [
        fixed("Date", 10, Align::Left, 0),
        flex("Issuer", 8, 0),
        fixed("Rows", 4, Align::Right, 2),
    ];

    #[test]
    fn widths_fill_the_line_and_drop_low_priority_columns() {
        assert_eq!(widths(&COLS, 40), vec![Some(10), Some(24), Some(4)]);
        assert_eq!(widths(&COLS, 20), vec![Some(10), Some(9), None]);
        assert_eq!(widths(&COLS, 5), vec![Some(10), Some(8), None]);
        assert_eq!(widths(&COLS, 0), vec![Some(10), Some(8), None]);
    }

    #[test]
    fn growing_columns_share_the_room_by_weight() {
        let cols = [
            weighted("A", 4, 0, 3),
            weighted("B", 4, 0, 2),
            fixed("C", 3, Align::Left, 0),
        ];
        // 2 gaps, 11 min: 22 spare in shares of 4, 3:2, the remainder one cell each.
        assert_eq!(widths(&cols, 35), vec![Some(17), Some(13), Some(3)]);
        assert_eq!(widths(&cols, 13), vec![Some(4), Some(4), Some(3)]);
    }

    #[test]
    fn cells_truncate_the_value_and_keep_the_marker() {
        let cell = Cell::marked(("1.1972".into(), "²".into()));
        let line = row(&[cell], &[fixed("Price", 8, Align::Right, 0)], &[Some(8)]);
        assert_eq!(line.to_string(), " 1.1972²");
        let cell = Cell::marked(("123456789".into(), "¹".into()));
        let line = row(&[cell], &[fixed("Shares", 5, Align::Right, 0)], &[Some(5)]);
        assert_eq!(line.to_string(), "123…¹");
    }

    #[test]
    fn highlighting_splits_runs() {
        let spans = highlighted("CARUSO", &[0, 1, 4], Style::new());
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, vec!["CA", "RU", "S", "O"]);
        assert_eq!(spans[0].style, theme::matched());
    }
}

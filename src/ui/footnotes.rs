//! The footnotes pane: the selected row's footnotes first and marked, then the rest.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui::Frame;

use super::{pane_block, row_style, theme};
use crate::app::content::{footnote_order, FOOTNOTE_INDENT};
use crate::app::wrap::wrap;
use crate::app::{format, App, Pane};
use crate::text::shown;

/// Draws the footnotes pane.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let cited = app.cited_footnotes();
    let note = match cited.len() {
        0 => String::new(),
        1 => "1 cited by the selected row".to_string(),
        n => format!("{n} cited by the selected row"),
    };
    let block = pane_block(app, Pane::Footnotes, note);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let Some(filing) = app.selected_filing() else {
        return;
    };
    let filing = &*filing;
    if inner.area() == 0 {
        return;
    }
    let entries = footnote_order(filing, &cited);
    let cursor = app.cursors().footnotes;
    let height = inner.height as usize;
    let text_width = (inner.width as usize).saturating_sub(FOOTNOTE_INDENT);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, e) in entries.iter().enumerate().skip(cursor.offset) {
        if lines.len() >= height {
            break;
        }
        let text = match e.text {
            Some(t) => shown(t).into_owned(),
            None => format!("({} is cited but not in the filing)", shown(e.id.as_str())),
        };
        let lead = format!(
            "{}{:>3} ",
            if e.is_cited { "▶" } else { " " },
            format::marker(e.id)
        );
        let lead_style = if e.is_cited {
            theme::cited()
        } else {
            theme::marker()
        };
        let style = row_style(app, Pane::Footnotes, i == cursor.selected);
        for (j, part) in wrap(&text, text_width).into_iter().enumerate() {
            if lines.len() >= height {
                break;
            }
            let head = if j == 0 {
                Span::styled(lead.clone(), lead_style)
            } else {
                Span::raw(" ".repeat(FOOTNOTE_INDENT))
            };
            lines.push(Line::from(vec![head, Span::raw(part)]).style(style));
        }
    }
    if entries.is_empty() {
        lines.push(Line::styled("no footnotes", theme::dim()));
    }
    Paragraph::new(lines).render(inner, frame.buffer_mut());
}

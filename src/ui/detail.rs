//! The detail pane: form and amendment, dates, flags, signatures, remarks and source of
//! the selected filing. (A printed-form view can take this pane's place later.)

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui::Frame;

use super::{pane_block, theme};
use crate::app::content::{detail_lines, DETAIL_LABEL};
use crate::app::{App, Pane};

/// Draws the detail pane.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let block = pane_block(app, Pane::Detail, String::new());
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let Some(filing) = app.selected_filing() else {
        return;
    };
    let filing = &*filing;
    if inner.area() == 0 {
        return;
    }
    let offset = app.cursors().detail.offset;
    let lines: Vec<Line<'static>> = detail_lines(filing, inner.width as usize)
        .into_iter()
        .skip(offset)
        .take(inner.height as usize)
        .map(|l| {
            let label = format!("{:<w$} ", l.label.unwrap_or(""), w = DETAIL_LABEL);
            let style = if l.is_notable {
                theme::notable()
            } else {
                Default::default()
            };
            Line::from(vec![
                Span::styled(label, theme::label()),
                Span::styled(l.text, style),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, frame.buffer_mut());
}

//! The printed-form view: the selected filing laid out as the form people read (boxes 1-7,
//! Tables I and II, explanation of responses, signatures), scrolling line by line.

use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget};
use ratatui::Frame;

use crate::app::layout::{overlay_area, FORM_WIDTH};
use crate::app::App;

/// Draws the form from line `offset`.
pub fn draw(frame: &mut Frame<'_>, app: &App, offset: usize) {
    let area = overlay_area(app.size(), FORM_WIDTH).intersection(frame.area());
    if area.area() == 0 {
        return;
    }
    Clear.render(area, frame.buffer_mut());
    let width = area.width.saturating_sub(2) as usize;
    let lines = app.form_lines(width);
    let visible = area.height.saturating_sub(2) as usize;
    let form = app
        .selected_filing()
        .map(|f| f.document_type.as_str().to_string())
        .unwrap_or_default();
    let position = super::popup::position(offset, visible, lines.len());
    let block =
        super::popup::scroll_frame(format!(" Form {form} as printed · Esc closes "), position);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    // Every line is plain text the renderer already cleaned of control characters.
    let text: Vec<Line<'static>> = lines
        .into_iter()
        .skip(offset)
        .take(inner.height as usize)
        .map(Line::raw)
        .collect();
    Paragraph::new(text).render(inner, frame.buffer_mut());
}

//! The popup with the full text of footnotes, remarks or an owner; long text wraps and
//! scrolls.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use ratatui::Frame;

use super::theme;
use crate::app::content::{popup_lines, Popup};
use crate::app::layout::overlay_area;
use crate::app::App;

/// Draws the popup from line `offset`.
pub fn draw(frame: &mut Frame<'_>, app: &App, popup: &Popup, offset: usize) {
    let area = overlay_area(app.size(), 110).intersection(frame.area());
    if area.area() == 0 {
        return;
    }
    let width = area.width.saturating_sub(2) as usize;
    let lines = popup_lines(popup, width);
    // Short text gets a snug popup, centred where the full one would be.
    let fit = u16::try_from(lines.len().saturating_add(2)).unwrap_or(u16::MAX);
    let height = area.height.min(fit.max(3));
    let area = Rect::new(
        area.x,
        area.y + (area.height - height) / 2,
        area.width,
        height,
    );
    Clear.render(area, frame.buffer_mut());
    let visible = area.height.saturating_sub(2) as usize;
    let position = position(offset, visible, lines.len());
    let title = format!(" {} · Esc closes ", crate::text::shown(&popup.title));
    let block = scroll_frame(title, position);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let text: Vec<Line<'static>> = lines
        .into_iter()
        .skip(offset)
        .take(inner.height as usize)
        .map(|(l, marked)| {
            if marked {
                Line::styled(l, theme::cited())
            } else {
                Line::raw(l)
            }
        })
        .collect();
    Paragraph::new(text).render(inner, frame.buffer_mut());
}

/// The frame of a scrolling overlay: its title on top, where the text stands below.
pub(super) fn scroll_frame(title: String, position: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border_focused())
        .title(Span::styled(title, theme::title()))
        .title_bottom(Line::styled(position, theme::dim()).right_aligned())
}

/// Where a scrolled text stands (` 31-60 of 74 lines `), or nothing when it all fits.
pub(super) fn position(offset: usize, visible: usize, total: usize) -> String {
    if total > visible {
        format!(
            " {}-{} of {total} lines ",
            offset + 1,
            (offset + visible).min(total)
        )
    } else {
        String::new()
    }
}

//! The help overlay, generated from the keymap.

use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use ratatui::Frame;

use super::theme;
use crate::app::help::{lines, HelpLine};
use crate::app::layout::overlay_area;
use crate::app::App;

/// Width of the keys column.
const KEYS: usize = 24;

/// Draws the help overlay from line `offset`.
pub fn draw(frame: &mut Frame<'_>, app: &App, offset: usize) {
    let area = overlay_area(app.size(), 110).intersection(frame.area());
    if area.area() == 0 {
        return;
    }
    Clear.render(area, frame.buffer_mut());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border_focused())
        .title(Span::styled(
            " Help · j/k scroll · Esc closes ",
            theme::title(),
        ));
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let text: Vec<Line<'static>> = lines()
        .into_iter()
        .skip(offset)
        .take(inner.height as usize)
        .map(|l| match l {
            HelpLine::Heading(h) => Line::styled(h, theme::header()),
            HelpLine::Entry(keys, desc) => Line::from(vec![
                Span::styled(format!("  {keys:<KEYS$}"), theme::key()),
                Span::raw(desc),
            ]),
            HelpLine::Blank => Line::default(),
        })
        .collect();
    Paragraph::new(text).render(inner, frame.buffer_mut());
}

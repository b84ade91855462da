//! The load issues overlay: every file or field that could not be read.

use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use ratatui::Frame;

use super::theme;
use crate::app::layout::overlay_area;
use crate::app::scroll::scroll_top;
use crate::app::wrap::truncate_left;
use crate::app::{format, App};
use crate::parse::diag::Severity;
use crate::text::shown;

/// Draws the issues overlay.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = overlay_area(app.size(), 140).intersection(frame.area());
    if area.area() == 0 {
        return;
    }
    Clear.render(area, frame.buffer_mut());
    let issues = app.issues();
    let total = app.issue_count();
    let title = if total == issues.len() {
        format!(" Load issues ({}) · Esc closes ", format::count(total))
    } else {
        format!(
            " Load issues ({} listed of {}) · Esc closes ",
            format::count(issues.len()),
            format::count(total)
        )
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border_focused())
        .title(Span::styled(title, theme::title()));
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let cursor = app.cursors().issues;
    let visible = inner.height as usize;
    let top = scroll_top(cursor.selected, 0, visible, issues.len(), 0);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, issue) in issues.iter().enumerate().skip(top).take(visible) {
        let severity = match issue.severity {
            Severity::Error => Span::styled("error   ", theme::negative()),
            Severity::Warning => Span::styled("warning ", theme::dim()),
        };
        let path = shown(&issue.path);
        let path = truncate_left(&path, (inner.width as usize / 2).max(12));
        let at = match issue.line {
            Some(l) => format!("{path}:{l} "),
            None => format!("{path} "),
        };
        let style = if i == cursor.selected {
            theme::selected_focused()
        } else {
            Default::default()
        };
        lines.push(
            Line::from(vec![
                severity,
                Span::styled(at, theme::label()),
                Span::raw(shown(&issue.message).into_owned()),
            ])
            .style(style),
        );
    }
    if issues.is_empty() {
        lines.push(Line::styled("no load issues", theme::dim()));
    }
    Paragraph::new(lines).render(inner, frame.buffer_mut());
}

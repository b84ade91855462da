//! The two bottom lines: the info line (search, filters, sort, or the open prompt) and
//! the status bar (counts, load progress, issues, then a message or key hints).

use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui::Frame;

use super::theme;
use crate::app::keymap::hints;
use crate::app::prompt::PromptKind;
use crate::app::wrap::width;
use crate::app::{format, App};
use crate::store::filter::{Clause, KEYS};

/// Draws the info line, or the prompt with the terminal cursor in it.
pub fn draw_info(frame: &mut Frame<'_>, app: &App, area: Rect) {
    if area.area() == 0 {
        return;
    }
    if let Some(p) = app.prompt() {
        let label = p.kind.label();
        let text = p.text();
        let before: String = text.chars().take(p.cursor()).collect();
        let cursor_x = width(label) + width(&before);
        // Keep the cursor on screen: scroll the line left when it is long.
        let skip = (cursor_x + 1).saturating_sub(area.width as usize);
        let full = format!("{label}{text}");
        let shown: String = full.chars().skip(skip).collect();
        let line = Line::from(vec![Span::styled(shown, theme::title())]);
        Paragraph::new(line).render(area, frame.buffer_mut());
        let x = area
            .x
            .saturating_add(u16::try_from(cursor_x.saturating_sub(skip)).unwrap_or(u16::MAX));
        if x < area.right() {
            frame.set_cursor_position(Position::new(x, area.y));
        }
        return;
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    if let Some(h) = app.search() {
        spans.push(Span::styled("search ", theme::label()));
        spans.push(Span::styled(h.query().to_string(), theme::matched()));
        spans.push(Span::styled(
            format!(" ({})", format::counted(h.count(), "filing")),
            theme::dim(),
        ));
        spans.push(Span::raw("  "));
    }
    let filter = app.filter();
    if !filter.is_empty() {
        spans.push(Span::styled("filter ", theme::label()));
        for (i, c) in filter.clauses().iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" "));
            }
            spans.push(Span::raw(c.to_string()));
            if let Clause::Code(codes) = c {
                if let [one] = codes.as_slice() {
                    spans.push(Span::styled(format!(" ({})", one.meaning()), theme::dim()));
                }
            }
        }
        spans.push(Span::styled("  x/X clear ", theme::dim()));
    }
    if spans.is_empty() {
        spans.push(Span::styled(
            "no search or filter · / search · : filter · ? help",
            theme::dim(),
        ));
    }
    Paragraph::new(Line::from(spans)).render(area, frame.buffer_mut());
}

/// Draws the status bar.
pub fn draw_status(frame: &mut Frame<'_>, app: &App, area: Rect) {
    if area.area() == 0 {
        return;
    }
    let total = app.store().len();
    let shown = app.view().len();
    let mut left = if shown == total {
        format!(" {}", format::counted(total, "filing"))
    } else {
        format!(
            " {} of {} filings",
            format::count(shown),
            format::count(total)
        )
    };
    let progress = app.load_progress();
    if progress.is_loading {
        match progress.files {
            Some(n) => left.push_str(&format!(
                " · loading {} of {} files",
                format::count(progress.done),
                format::count(n)
            )),
            None => left.push_str(" · finding files…"),
        }
        if progress.waiting > 0 {
            left.push_str(&format!(
                ", {} to index",
                format::counted(progress.waiting, "filing")
            ));
        }
    }
    let mut spans = vec![Span::styled(left, theme::title())];
    let issues = app.issue_count();
    if issues > 0 {
        let errors = app.error_count();
        let text = format!(
            " · {} load issues ({} errors) ! to view",
            format::count(issues),
            format::count(errors)
        );
        spans.push(Span::styled(text, theme::notable()));
    }
    spans.push(Span::raw("  "));
    let prompt_hint = app.prompt().map(|p| match p.kind {
        PromptKind::Search => {
            "type to narrow by issuer, ticker or owner · Enter keeps · Esc cancels".to_string()
        }
        PromptKind::Filter => format!("keys: {KEYS} · Enter applies · Esc cancels"),
        PromptKind::Export => "Enter writes the current view as CSV · Esc cancels".to_string(),
    });
    match (app.status(), prompt_hint) {
        (Some(s), _) => {
            let style = if s.is_error {
                theme::error()
            } else {
                theme::message()
            };
            spans.push(Span::styled(format!(" {} ", s.text), style));
        }
        (None, Some(hint)) => spans.push(Span::styled(hint, theme::dim())),
        (None, None) => {
            for (key, word) in hints() {
                spans.push(Span::styled(key, theme::key()));
                spans.push(Span::styled(format!(" {word}  "), theme::dim()));
            }
        }
    }
    Paragraph::new(Line::from(spans)).render(area, frame.buffer_mut());
}

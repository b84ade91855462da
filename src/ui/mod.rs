//! Drawing, and nothing else: one file per pane plus the status bar, help, popups,
//! prompt and theme. Every function reads the [`App`] and renders into a frame; none
//! changes state. Lists draw only their visible rows, so a frame costs the same for a
//! hundred filings as for millions. Text from filings is sanitised before it is drawn.

mod cells;
mod detail;
mod filings;
mod footnotes;
mod form;
mod help;
mod issues;
mod owners;
mod popup;
mod status;
mod theme;
mod transactions;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;

use crate::app::{App, Overlay, Pane};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let size = frame.area();
    if size.width == 0 || size.height == 0 {
        return;
    }
    let areas = app.areas();
    filings::draw(frame, app, areas.filings);
    for pane in [
        Pane::Owners,
        Pane::Detail,
        Pane::Transactions,
        Pane::Footnotes,
    ] {
        let area = clip(areas.of(pane), size);
        if area.area() == 0 {
            continue;
        }
        match pane {
            Pane::Owners => owners::draw(frame, app, area),
            Pane::Detail => detail::draw(frame, app, area),
            Pane::Transactions => transactions::draw(frame, app, area),
            Pane::Footnotes => footnotes::draw(frame, app, area),
            Pane::Filings => {}
        }
    }
    status::draw_info(frame, app, clip(areas.info, size));
    status::draw_status(frame, app, clip(areas.status, size));
    match app.overlay() {
        Some(Overlay::Help { offset }) => help::draw(frame, app, *offset),
        Some(Overlay::Popup { popup, offset }) => popup::draw(frame, app, popup, *offset),
        Some(Overlay::Issues) => issues::draw(frame, app),
        Some(Overlay::Form { offset }) => form::draw(frame, app, *offset),
        None => {}
    }
}

/// `r` cut to the screen, so no widget ever draws outside the buffer.
fn clip(r: Rect, screen: Rect) -> Rect {
    r.intersection(screen)
}

/// A pane's frame: borders and a title; in the compact layout the lower pane's title
/// lists the other panes as tabs.
fn pane_block<'a>(app: &App, pane: Pane, detail: String) -> Block<'a> {
    let is_focused = app.focus() == pane;
    let border = if is_focused {
        theme::border_focused()
    } else {
        theme::border()
    };
    let mut title: Vec<Span<'a>> = Vec::new();
    if app.areas().is_compact && pane != Pane::Filings {
        for (i, p) in Pane::ALL.iter().skip(1).enumerate() {
            if i > 0 {
                title.push(Span::styled("│", theme::dim()));
            }
            if *p == pane {
                title.push(Span::styled(format!(" [{}] ", p.title()), theme::title()));
            } else {
                title.push(Span::styled(format!(" {} ", p.title()), theme::dim()));
            }
        }
    } else {
        title.push(Span::styled(format!(" {} ", pane.title()), theme::title()));
    }
    if !detail.is_empty() {
        title.push(Span::styled(format!("{detail} "), theme::dim()));
    }
    Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Line::from(title))
}

/// Cells before each list row: the selection mark.
const GUTTER: u16 = 2;

/// The selection mark of a list row, so the selection reads without colour too.
fn gutter(is_selected: bool) -> Span<'static> {
    Span::styled(if is_selected { "▶ " } else { "  " }, theme::cited())
}

/// `line` with a gutter in front.
fn with_gutter(line: Line<'static>, is_selected: bool) -> Line<'static> {
    let style = line.style;
    let mut spans = vec![gutter(is_selected)];
    spans.extend(line.spans);
    Line::from(spans).style(style)
}

/// Style of a row: selected (focused or not) or plain.
fn row_style(app: &App, pane: Pane, is_selected: bool) -> ratatui::style::Style {
    match (is_selected, app.focus() == pane) {
        (true, true) => theme::selected_focused(),
        (true, false) => theme::selected(),
        _ => ratatui::style::Style::new(),
    }
}

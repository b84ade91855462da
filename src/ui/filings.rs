//! The filings list: one line per filing of the view, visible slice only.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use ratatui::Frame;

use super::cells::{self, fixed, weighted, Align, Cell, Col};
use super::{pane_block, row_style, theme, with_gutter, GUTTER};
use crate::app::{format, App, Pane};
use crate::store::search::highlight;

const COLS: [Col; 9] = [
    fixed("Date", 10, Align::Left, 0),
    fixed("Form", 4, Align::Left, 3),
    fixed("Ticker", 6, Align::Left, 1),
    weighted("Issuer", 12, 0, 3),
    weighted("Owner", 12, 0, 2),
    fixed("Roles", 11, Align::Left, 4),
    fixed("Rows", 4, Align::Right, 5),
    fixed("Net shares", 11, Align::Right, 2),
    fixed("Value", 12, Align::Right, 3),
];

/// Draws the filings list.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let area = area.intersection(frame.area());
    if area.area() == 0 {
        return;
    }
    let (key, reversed) = app.sort();
    let arrow = if reversed { "↑" } else { "↓" };
    let block = pane_block(app, Pane::Filings, format!("sorted by {key} {arrow}"));
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    if inner.area() == 0 {
        return;
    }
    let widths = cells::widths(&COLS, inner.width.saturating_sub(GUTTER));
    let mut lines = vec![with_gutter(cells::header(&COLS, &widths), false)];
    let cursor = app.cursors().filings;
    let visible = inner.height.saturating_sub(1) as usize;
    let query = app.search().map(|h| h.query().to_string());
    let store = app.store();
    for (i, id) in app
        .view()
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(visible)
    {
        let (Some(form), Some(facts)) = (store.form_type(*id), store.facts(*id)) else {
            continue;
        };
        let index = store.index();
        let issuer = facts.issuer.map(|k| index.issuers.name(k)).unwrap_or("");
        let ticker = facts.ticker.map(|k| index.tickers.name(k)).unwrap_or("");
        let owner = facts.owner.map(|k| index.owners.name(k)).unwrap_or("");
        let more = facts.owner_count.saturating_sub(1);
        let mark = |text: &str| {
            query
                .as_deref()
                .map(|q| highlight(text, q))
                .unwrap_or_default()
        };
        let date = facts.date.map(|d| d.to_string()).unwrap_or_default();
        let date_style = if facts.is_period_date {
            theme::dim()
        } else {
            Default::default()
        };
        let net = match facts.net_shares {
            Some(n) if n.is_sign_negative() && !n.is_zero() => {
                Cell::styled(format::signed(n), theme::negative())
            }
            Some(n) if !n.is_zero() => Cell::styled(format::signed(n), theme::positive()),
            Some(n) => Cell::new(format::signed(n)),
            None => Cell::default(),
        };
        // On a joint filing, show the owner the search matched when it is not the first.
        let mut owner_cell = Cell {
            text: owner.to_string(),
            marker: if more > 0 {
                format!(" +{more}")
            } else {
                String::new()
            },
            highlight: mark(owner),
            ..Cell::default()
        };
        if query.is_some() && owner_cell.highlight.is_empty() && more > 0 {
            let matched = index
                .owners_of(*id)
                .iter()
                .map(|k| index.owners.name(*k))
                .map(|name| (name, mark(name)))
                .find(|(_, h)| !h.is_empty());
            if let Some((name, highlight)) = matched {
                owner_cell.text = name.to_string();
                owner_cell.highlight = highlight;
            }
        }
        let row = [
            Cell::styled(date, date_style),
            Cell::new(crate::text::shown(form.as_str())),
            Cell {
                text: ticker.to_string(),
                highlight: mark(ticker),
                ..Cell::default()
            },
            Cell {
                text: issuer.to_string(),
                highlight: mark(issuer),
                ..Cell::default()
            },
            owner_cell,
            Cell::new(facts.role_labels()),
            Cell::new(facts.rows.to_string()),
            net,
            Cell::new(facts.value.map(format::money).unwrap_or_default()),
        ];
        let is_selected = i == cursor.selected;
        let style = row_style(app, Pane::Filings, is_selected);
        lines.push(with_gutter(
            cells::row(&row, &COLS, &widths).style(style),
            is_selected,
        ));
    }
    if app.view().is_empty() {
        lines.push(Line::styled(empty_text(app), theme::dim()));
    }
    Paragraph::new(lines).render(inner, frame.buffer_mut());
}

fn empty_text(app: &App) -> &'static str {
    if app.load_progress().is_loading {
        "loading…"
    } else if app.store().is_empty() {
        "no filings loaded (press ! for load issues)"
    } else {
        "no filing matches (x removes the last filter, X clears all)"
    }
}

//! The owners pane: every reporting owner of the selected filing.

use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};
use ratatui::Frame;

use super::cells::{self, fixed, flex, Align, Cell, Col};
use super::{pane_block, row_style, with_gutter, GUTTER};
use crate::app::{App, Pane};
use crate::store::vocab::Role;
use crate::text::shown;

const COLS: [Col; 5] = [
    flex("Name", 14, 0),
    fixed("CIK", 10, Align::Left, 3),
    fixed("Roles", 11, Align::Left, 0),
    flex("Title / other", 17, 1),
    flex("Address", 12, 2),
];

/// Draws the owners pane.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let decoded = app.selected_filing();
    let filing = decoded.as_deref();
    let count = filing.map_or(0, |f| f.owners.len());
    let block = pane_block(
        app,
        Pane::Owners,
        if count > 1 {
            format!("{count} joint")
        } else {
            String::new()
        },
    );
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let Some(filing) = filing else { return };
    if inner.area() == 0 {
        return;
    }
    let widths = cells::widths(&COLS, inner.width.saturating_sub(GUTTER));
    let mut lines = vec![with_gutter(cells::header(&COLS, &widths), false)];
    let cursor = app.cursors().owners;
    let visible = inner.height.saturating_sub(1) as usize;
    for (i, o) in filing
        .owners
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(visible)
    {
        let r = &o.relationship;
        let roles = Role::ALL
            .into_iter()
            .filter(|x| x.held_in(r))
            .map(Role::short)
            .collect::<Vec<_>>()
            .join(",");
        let title = [r.officer_title.as_deref(), r.other_text.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ");
        let row = [
            Cell::new(shown(o.name.as_deref().unwrap_or(""))),
            Cell::new(shown(o.cik.as_deref().unwrap_or(""))),
            Cell::new(roles),
            Cell::new(shown(&title)),
            Cell::new(shown(&o.address.one_line())),
        ];
        let is_selected = i == cursor.selected;
        let style = row_style(app, Pane::Owners, is_selected);
        lines.push(with_gutter(
            cells::row(&row, &COLS, &widths).style(style),
            is_selected,
        ));
    }
    Paragraph::new(lines).render(inner, frame.buffer_mut());
}

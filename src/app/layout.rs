//! Where each pane sits for a given terminal size. Pure geometry, shared by the drawing
//! code and by the update step (page sizes, scroll offsets, mouse hit-testing).

use ratatui::layout::Rect;

use super::Pane;

/// Terminals at least this tall show every pane at once; shorter ones show the filings
/// list above one lower pane at a time (the focused one), with tabs to switch.
pub const FULL_HEIGHT: u16 = 34;

/// Height of the owners and detail row in the full layout.
const MIDDLE_HEIGHT: u16 = 8;

/// The screen cut into panes. Hidden panes get an empty rectangle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// Filings list.
    pub filings: Rect,
    /// Owners pane.
    pub owners: Rect,
    /// Detail pane.
    pub detail: Rect,
    /// Transactions pane.
    pub transactions: Rect,
    /// Footnotes pane.
    pub footnotes: Rect,
    /// The line above the status bar: search, filters and sort, or the open prompt.
    pub info: Rect,
    /// The status bar: counts, load progress, issues, hints or a message.
    pub status: Rect,
    /// True when only one lower pane shows at a time.
    pub is_compact: bool,
    /// In the compact layout, the lower pane that shows.
    pub lower: Option<Pane>,
}

fn rect(x: u16, y: u16, width: u16, height: u16) -> Rect {
    Rect::new(x, y, width, height)
}

impl Areas {
    /// Lays out a screen of `size` with `focus` on the given pane.
    pub fn compute(size: Rect, focus: Pane) -> Areas {
        let Rect {
            x,
            y,
            width: w,
            height: h,
        } = size;
        let bars = h.min(2);
        let body = h - bars;
        let info = rect(x, y + body, w, bars.min(1));
        let status = rect(x, y + body + bars.min(1), w, bars.saturating_sub(1));
        let mut a = Areas {
            info,
            status,
            ..Areas::default()
        };
        if h >= FULL_HEIGHT {
            let filings_h = (body * 30 / 100).max(6);
            let rest = body - filings_h - MIDDLE_HEIGHT;
            let tx_h = rest * 6 / 10;
            let owners_w = w * 6 / 10;
            a.filings = rect(x, y, w, filings_h);
            a.owners = rect(x, y + filings_h, owners_w, MIDDLE_HEIGHT);
            a.detail = rect(x + owners_w, y + filings_h, w - owners_w, MIDDLE_HEIGHT);
            a.transactions = rect(x, y + filings_h + MIDDLE_HEIGHT, w, tx_h);
            a.footnotes = rect(x, y + filings_h + MIDDLE_HEIGHT + tx_h, w, rest - tx_h);
        } else {
            let filings_h = if body < 8 {
                body
            } else {
                (body * 45 / 100).max(5)
            };
            a.filings = rect(x, y, w, filings_h);
            let lower_rect = rect(x, y + filings_h, w, body - filings_h);
            let lower = match focus {
                Pane::Filings => Pane::Transactions,
                p => p,
            };
            a.is_compact = true;
            a.lower = Some(lower);
            *a.slot(lower) = lower_rect;
        }
        a
    }

    fn slot(&mut self, pane: Pane) -> &mut Rect {
        match pane {
            Pane::Filings => &mut self.filings,
            Pane::Owners => &mut self.owners,
            Pane::Detail => &mut self.detail,
            Pane::Transactions => &mut self.transactions,
            Pane::Footnotes => &mut self.footnotes,
        }
    }

    /// The rectangle of a pane (empty when hidden).
    pub fn of(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Filings => self.filings,
            Pane::Owners => self.owners,
            Pane::Detail => self.detail,
            Pane::Transactions => self.transactions,
            Pane::Footnotes => self.footnotes,
        }
    }

    /// The pane under a cell, if any.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        Pane::ALL.into_iter().find(|p| {
            let r = self.of(*p);
            r.width > 0 && r.height > 0 && r.contains((column, row).into())
        })
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    if r.width < 2 || r.height < 2 {
        return Rect::new(r.x, r.y, 0, 0);
    }
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

/// The widest the printed-form view gets: the form's tables need room.
pub const FORM_WIDTH: u16 = 200;

/// Where a popup or overlay sits: centred, most of the screen, at least what fits.
pub fn overlay_area(size: Rect, max_width: u16) -> Rect {
    let w = (size.width.saturating_mul(9) / 10)
        .min(max_width)
        .max(size.width.min(20));
    let h = (size.height.saturating_mul(8) / 10).max(size.height.min(6));
    let w = w.min(size.width);
    let h = h.min(size.height);
    Rect::new(
        size.x + (size.width - w) / 2,
        size.y + (size.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_layout_tiles_the_screen() {
        let a = Areas::compute(Rect::new(0, 0, 120, 40), Pane::Filings);
        assert!(!a.is_compact);
        let total: u32 = [
            a.filings,
            a.owners,
            a.transactions,
            a.footnotes,
            a.info,
            a.status,
        ]
        .iter()
        .map(|r| u32::from(r.height))
        .sum();
        assert_eq!(total, 40);
        assert_eq!(a.owners.width + a.detail.width, 120);
        assert_eq!(a.pane_at(100, a.detail.y + 1), Some(Pane::Detail));
    }

    #[test]
    fn compact_layout_shows_the_focused_lower_pane() {
        let a = Areas::compute(Rect::new(0, 0, 80, 24), Pane::Footnotes);
        assert!(a.is_compact);
        assert_eq!(a.lower, Some(Pane::Footnotes));
        assert_eq!(a.transactions, Rect::default());
        assert_eq!(a.filings.height + a.footnotes.height + 2, 24);
        let b = Areas::compute(Rect::new(0, 0, 80, 24), Pane::Filings);
        assert_eq!(b.lower, Some(Pane::Transactions));
    }

    #[test]
    fn tiny_sizes_give_empty_or_small_rectangles() {
        for (w, h) in [(0, 0), (1, 1), (20, 5), (5, 2), (200, 1)] {
            let a = Areas::compute(Rect::new(0, 0, w, h), Pane::Filings);
            for r in [a.filings, a.transactions, a.info, a.status] {
                assert!(r.bottom() <= h && r.right() <= w, "{w}x{h}: {r:?}");
            }
        }
        assert_eq!(inner(Rect::new(0, 0, 1, 5)).area(), 0);
    }
}

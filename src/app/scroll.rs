//! Cursors and the scroll maths every list shares.

/// A list cursor: the selected item and the first visible line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Selected item.
    pub selected: usize,
    /// First visible line.
    pub offset: usize,
}

impl Cursor {
    /// Moves the selection by `delta` within `0..len`.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Selects `index`, clamped to `0..len`.
    pub fn select(&mut self, index: usize, len: usize) {
        self.selected = index.min(len.saturating_sub(1));
    }

    /// Back to the first item.
    pub fn reset(&mut self) {
        *self = Cursor::default();
    }
}

/// Lines kept visible above and below the selection while scrolling.
pub const MARGIN: usize = 2;

/// The first visible line so that line `selected` of `len` shows in a window of
/// `visible` lines with `margin` lines of context where the list allows, moving as little
/// as possible from `top`.
pub fn scroll_top(selected: usize, top: usize, visible: usize, len: usize, margin: usize) -> usize {
    if visible == 0 || len == 0 {
        return 0;
    }
    let margin = margin.min(visible.saturating_sub(1) / 2);
    let max_top = len.saturating_sub(visible);
    let selected = selected.min(len - 1);
    let mut top = top.min(max_top);
    if selected < top.saturating_add(margin) {
        top = selected.saturating_sub(margin);
    } else if selected.saturating_add(margin) >= top.saturating_add(visible) {
        top = selected
            .saturating_add(margin)
            .saturating_add(1)
            .saturating_sub(visible);
    }
    top.min(max_top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_put_while_the_selection_is_inside_the_margins() {
        assert_eq!(scroll_top(5, 0, 10, 100, 2), 0);
        assert_eq!(scroll_top(7, 0, 10, 100, 2), 0);
    }

    #[test]
    fn scrolls_down_keeping_the_margin_below() {
        assert_eq!(scroll_top(8, 0, 10, 100, 2), 1);
        assert_eq!(scroll_top(50, 0, 10, 100, 2), 43);
    }

    #[test]
    fn scrolls_up_keeping_the_margin_above() {
        assert_eq!(scroll_top(10, 20, 10, 100, 2), 8);
        assert_eq!(scroll_top(1, 20, 10, 100, 2), 0);
    }

    #[test]
    fn never_scrolls_past_the_end() {
        assert_eq!(scroll_top(99, 0, 10, 100, 2), 90);
        assert_eq!(scroll_top(3, 50, 10, 5, 2), 0);
    }

    #[test]
    fn tiny_windows_and_empty_lists() {
        assert_eq!(scroll_top(5, 0, 0, 100, 2), 0);
        assert_eq!(scroll_top(0, 7, 10, 0, 2), 0);
        assert_eq!(scroll_top(5, 0, 1, 100, 2), 5);
        assert_eq!(scroll_top(5, 0, 2, 100, 2), 4);
        assert_eq!(scroll_top(usize::MAX, usize::MAX, 3, 10, 9), 7);
    }

    #[test]
    fn cursor_steps_within_bounds() {
        let mut c = Cursor::default();
        c.step(-1, 10);
        assert_eq!(c.selected, 0);
        c.step(25, 10);
        assert_eq!(c.selected, 9);
        c.step(1, 0);
        assert_eq!(c.selected, 0);
        c.select(4, 3);
        assert_eq!(c.selected, 2);
    }
}

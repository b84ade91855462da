//! The panes of the main screen.

/// A pane that can take focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pane {
    /// The filings list.
    #[default]
    Filings,
    /// The reporting owners of the selected filing.
    Owners,
    /// Flags, remarks, signatures and source of the selected filing.
    Detail,
    /// Table I and Table II of the selected filing.
    Transactions,
    /// The footnotes of the selected filing.
    Footnotes,
}

impl Pane {
    /// Every pane, in focus order.
    pub const ALL: [Pane; 5] = [
        Pane::Filings,
        Pane::Owners,
        Pane::Detail,
        Pane::Transactions,
        Pane::Footnotes,
    ];

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Filings => "Filings",
            Pane::Owners => "Owners",
            Pane::Detail => "Detail",
            Pane::Transactions => "Transactions",
            Pane::Footnotes => "Footnotes",
        }
    }

    fn position(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The next pane in focus order, wrapping around.
    pub fn next(self) -> Pane {
        Pane::ALL
            .get((self.position() + 1) % Pane::ALL.len())
            .copied()
            .unwrap_or_default()
    }

    /// The previous pane in focus order, wrapping around.
    pub fn prev(self) -> Pane {
        let n = Pane::ALL.len();
        Pane::ALL
            .get((self.position() + n - 1) % n)
            .copied()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Pane;

    #[test]
    fn focus_order_wraps_both_ways() {
        assert_eq!(Pane::Filings.next(), Pane::Owners);
        assert_eq!(Pane::Footnotes.next(), Pane::Filings);
        assert_eq!(Pane::Filings.prev(), Pane::Footnotes);
        for p in Pane::ALL {
            assert_eq!(p.next().prev(), p);
        }
    }
}

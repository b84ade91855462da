//! Colours and styles, in one place.

use ratatui::style::{Color, Modifier, Style};

/// Pane border when focused.
pub fn border_focused() -> Style {
    Style::new().fg(Color::Cyan)
}

/// Pane border otherwise.
pub fn border() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Pane and overlay titles.
pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Column headers.
pub fn header() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// The selected row of the focused pane.
pub fn selected_focused() -> Style {
    Style::new()
        .bg(Color::Blue)
        .fg(Color::White)
        .add_modifier(Modifier::BOLD)
}

/// The selected row of a pane without focus.
pub fn selected() -> Style {
    Style::new().bg(Color::DarkGray)
}

/// Footnote markers beside values.
pub fn marker() -> Style {
    Style::new().fg(Color::Magenta)
}

/// Footnotes cited by the selected row.
pub fn cited() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// Characters a search matched.
pub fn matched() -> Style {
    Style::new()
        .fg(Color::LightYellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// Shares acquired.
pub fn positive() -> Style {
    Style::new().fg(Color::Green)
}

/// Shares disposed of.
pub fn negative() -> Style {
    Style::new().fg(Color::Red)
}

/// Secondary text (period dates, holdings, hints).
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Labels in the detail pane and popups.
pub fn label() -> Style {
    Style::new().fg(Color::Cyan)
}

/// Values worth a second look.
pub fn notable() -> Style {
    Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD)
}

/// Error messages.
pub fn error() -> Style {
    Style::new().fg(Color::White).bg(Color::Red)
}

/// Informational messages.
pub fn message() -> Style {
    Style::new().fg(Color::Black).bg(Color::Green)
}

/// Key names in hints and help.
pub fn key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

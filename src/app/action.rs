//! What the user can ask for. Keys, mouse and resize events become [`Action`]s in one
//! place ([`super::keymap`]); [`super::App::update`] applies them.

use super::Pane;

/// A user intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Select the next item of the focused list (or scroll an overlay down).
    MoveDown,
    /// Select the previous item.
    MoveUp,
    /// Move one page down.
    PageDown,
    /// Move one page up.
    PageUp,
    /// Jump to the first item.
    Top,
    /// Jump to the last item.
    Bottom,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus a pane.
    FocusPane(Pane),
    /// Open the full text of the selected row's footnotes (or the selected item).
    OpenFootnotes,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Show or hide the load issues.
    ToggleIssues,
    /// Show or hide the selected filing laid out as the printed form.
    ToggleForm,
    /// Close the open overlay.
    CloseOverlay,
    /// Open the search prompt.
    StartSearch,
    /// Open the filter prompt.
    StartFilter,
    /// Open the export prompt.
    StartExport,
    /// Remove the last filter clause.
    PopFilter,
    /// Remove every filter clause and the search.
    ClearFilters,
    /// Drop the search.
    ClearSearch,
    /// Filter to the selected filing's issuer.
    FilterIssuer,
    /// Filter to the selected filing's first owner.
    FilterOwner,
    /// Sort by the next key.
    CycleSort,
    /// Reverse the sort.
    ReverseSort,
    /// Type a character into the prompt.
    PromptInsert(char),
    /// Delete the character before the prompt cursor.
    PromptBackspace,
    /// Delete the character under the prompt cursor.
    PromptDelete,
    /// Move the prompt cursor left.
    PromptLeft,
    /// Move the prompt cursor right.
    PromptRight,
    /// Move the prompt cursor to the start.
    PromptHome,
    /// Move the prompt cursor to the end.
    PromptEnd,
    /// Empty the prompt.
    PromptClear,
    /// Accept the prompt.
    PromptSubmit,
    /// Cancel the prompt, undoing a live search.
    PromptCancel,
    /// The terminal was resized.
    Resize(u16, u16),
    /// A mouse click at a cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The mouse wheel turned over a cell.
    Scroll {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
        /// True for down.
        is_down: bool,
    },
}

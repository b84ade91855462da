//! The keymap, as data: context, keys, action and description.
//!
//! The input handler looks keys up here and the help overlay is generated from the same
//! table, so the two cannot disagree. Routing runs from the top down: Ctrl-C anywhere,
//! then the open prompt or overlay, then the focused list, then the main keys.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, Pane};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// In every mode.
    Anywhere,
    /// On the main screen.
    Main,
    /// In the focused list, and to scroll an overlay.
    List,
    /// While an overlay (help, footnotes, issues) is open.
    Overlay,
    /// While a prompt (search, filter, export) is open.
    Prompt,
}

impl Context {
    /// Every context, in the order help lists them.
    pub const ALL: [Context; 5] = [
        Context::Main,
        Context::List,
        Context::Overlay,
        Context::Prompt,
        Context::Anywhere,
    ];

    /// The heading help prints for the context.
    pub fn title(self) -> &'static str {
        match self {
            Context::Anywhere => "Anywhere",
            Context::Main => "Main screen",
            Context::List => "Moving (lists and overlays)",
            Context::Overlay => "Overlays (help, footnotes, issues)",
            Context::Prompt => "Prompts (search, filter, export)",
        }
    }
}

/// What has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The main screen.
    Normal,
    /// An overlay is open.
    Overlay,
    /// A prompt is open.
    Prompt,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Modifiers (Shift is implied by an upper-case character and not listed).
    pub mods: KeyModifiers,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

impl Key {
    /// The key as help prints it: `j`, `Ctrl-d`, `PgDn`, `↓`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    /// Whether a key event is this key. Shift is ignored on characters (the character
    /// already says it) and on Shift-Tab, since terminals differ in reporting it.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mut mods = event.modifiers;
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        let code = match event.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            c => c,
        };
        code == self.code && mods == self.mods
    }
}

/// One line of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys that trigger it.
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    /// What help says about it.
    pub description: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        description,
    }
}

use Context::{Anywhere, List, Main, Overlay, Prompt};

/// Every binding. Help lists them in this order within each context.
pub const BINDINGS: &[Binding] = &[
    bind(Anywhere, &[ctrl('c')], Action::Quit, "quit at once"),
    bind(Main, &[key('q')], Action::Quit, "quit"),
    bind(Main, &[key('?')], Action::ToggleHelp, "show this help"),
    bind(
        Main,
        &[key('/')],
        Action::StartSearch,
        "fuzzy search issuers, tickers and owners",
    ),
    bind(
        Main,
        &[key(':'), key('F')],
        Action::StartFilter,
        "filter prompt: ticker:CLRB code:S from:2018-01-01 …",
    ),
    bind(
        Main,
        &[key('x')],
        Action::PopFilter,
        "remove the last filter",
    ),
    bind(
        Main,
        &[key('X')],
        Action::ClearFilters,
        "clear every filter and the search",
    ),
    bind(
        Main,
        &[code(KeyCode::Esc)],
        Action::ClearSearch,
        "clear the search",
    ),
    bind(
        Main,
        &[key('i')],
        Action::FilterIssuer,
        "filter to the selected filing's issuer",
    ),
    bind(
        Main,
        &[key('o')],
        Action::FilterOwner,
        "filter to the selected filing's owner",
    ),
    bind(
        Main,
        &[key('s')],
        Action::CycleSort,
        "sort by date, issuer, owner, value",
    ),
    bind(Main, &[key('S')], Action::ReverseSort, "reverse the sort"),
    bind(
        Main,
        &[key('e')],
        Action::StartExport,
        "export the current view to CSV",
    ),
    bind(Main, &[key('!')], Action::ToggleIssues, "show load issues"),
    bind(
        Main,
        &[key('p')],
        Action::ToggleForm,
        "show the selected filing as the printed form",
    ),
    bind(
        Main,
        &[code(KeyCode::Tab)],
        Action::NextPane,
        "focus the next pane",
    ),
    bind(
        Main,
        &[code(KeyCode::BackTab)],
        Action::PrevPane,
        "focus the previous pane",
    ),
    bind(
        Main,
        &[key('1')],
        Action::FocusPane(Pane::Filings),
        "focus filings",
    ),
    bind(
        Main,
        &[key('2')],
        Action::FocusPane(Pane::Owners),
        "focus owners",
    ),
    bind(
        Main,
        &[key('3')],
        Action::FocusPane(Pane::Detail),
        "focus detail",
    ),
    bind(
        Main,
        &[key('4')],
        Action::FocusPane(Pane::Transactions),
        "focus transactions",
    ),
    bind(
        Main,
        &[key('5')],
        Action::FocusPane(Pane::Footnotes),
        "focus footnotes",
    ),
    bind(
        List,
        &[key('j'), code(KeyCode::Down)],
        Action::MoveDown,
        "down",
    ),
    bind(List, &[key('k'), code(KeyCode::Up)], Action::MoveUp, "up"),
    bind(
        List,
        &[code(KeyCode::PageDown), ctrl('d'), ctrl('f')],
        Action::PageDown,
        "page down",
    ),
    bind(
        List,
        &[code(KeyCode::PageUp), ctrl('u'), ctrl('b')],
        Action::PageUp,
        "page up",
    ),
    bind(List, &[key('g'), code(KeyCode::Home)], Action::Top, "first"),
    bind(
        List,
        &[key('G'), code(KeyCode::End)],
        Action::Bottom,
        "last",
    ),
    bind(
        List,
        &[code(KeyCode::Enter), key('f')],
        Action::OpenFootnotes,
        "full text: the row's footnotes, the owner or the filing detail",
    ),
    bind(
        Overlay,
        &[code(KeyCode::Esc), key('q'), code(KeyCode::Enter)],
        Action::CloseOverlay,
        "close",
    ),
    bind(Overlay, &[key('?')], Action::ToggleHelp, "toggle help"),
    bind(
        Overlay,
        &[key('!')],
        Action::ToggleIssues,
        "toggle load issues",
    ),
    bind(
        Prompt,
        &[code(KeyCode::Enter)],
        Action::PromptSubmit,
        "accept",
    ),
    bind(
        Prompt,
        &[code(KeyCode::Esc)],
        Action::PromptCancel,
        "cancel (a search returns to what it was)",
    ),
    bind(
        Prompt,
        &[code(KeyCode::Backspace)],
        Action::PromptBackspace,
        "delete back",
    ),
    bind(
        Prompt,
        &[code(KeyCode::Delete)],
        Action::PromptDelete,
        "delete forward",
    ),
    bind(
        Prompt,
        &[code(KeyCode::Left)],
        Action::PromptLeft,
        "cursor left",
    ),
    bind(
        Prompt,
        &[code(KeyCode::Right)],
        Action::PromptRight,
        "cursor right",
    ),
    bind(
        Prompt,
        &[code(KeyCode::Home), ctrl('a')],
        Action::PromptHome,
        "start of line",
    ),
    bind(
        Prompt,
        &[code(KeyCode::End), ctrl('e')],
        Action::PromptEnd,
        "end of line",
    ),
    bind(Prompt, &[ctrl('u')], Action::PromptClear, "clear the line"),
];

fn lookup(context: Context, event: &KeyEvent) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action)
}

/// The action a key press asks for in `mode`, if any. Key releases and repeats reported
/// by some platforms are ignored; in a prompt, an unbound printable character is typed.
pub fn action_for(mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    if let Some(a) = lookup(Anywhere, event) {
        return Some(a);
    }
    let order: &[Context] = match mode {
        Mode::Normal => &[List, Main],
        Mode::Overlay => &[Overlay, List],
        Mode::Prompt => &[Prompt],
    };
    if let Some(a) = order.iter().find_map(|c| lookup(*c, event)) {
        return Some(a);
    }
    match (mode, event.code) {
        (Mode::Prompt, KeyCode::Char(c))
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::PromptInsert(c))
        }
        _ => None,
    }
}

/// The short hints the status bar shows, taken from the keymap.
pub fn hints() -> Vec<(String, &'static str)> {
    let wanted: [(Action, &str); 6] = [
        (Action::ToggleHelp, "help"),
        (Action::StartSearch, "search"),
        (Action::StartFilter, "filter"),
        (Action::CycleSort, "sort"),
        (Action::StartExport, "export"),
        (Action::Quit, "quit"),
    ];
    wanted
        .iter()
        .filter_map(|(action, word)| {
            BINDINGS
                .iter()
                .find(|b| b.context == Main && b.action == *action)
                .and_then(|b| b.keys.first())
                .map(|k| (k.label(), *word))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn routes_from_the_top_down() {
        let j = ev(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Normal, &j), Some(Action::MoveDown));
        assert_eq!(action_for(Mode::Overlay, &j), Some(Action::MoveDown));
        assert_eq!(
            action_for(Mode::Prompt, &j),
            Some(Action::PromptInsert('j'))
        );
        let q = ev(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Normal, &q), Some(Action::Quit));
        assert_eq!(action_for(Mode::Overlay, &q), Some(Action::CloseOverlay));
        let cc = ev(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Overlay, Mode::Prompt] {
            assert_eq!(action_for(mode, &cc), Some(Action::Quit));
        }
    }

    #[test]
    fn shift_is_read_from_the_character() {
        let g = ev(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Normal, &g), Some(Action::Bottom));
        let bt = ev(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Normal, &bt), Some(Action::PrevPane));
        let ctrl_d = ev(
            KeyCode::Char('D'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(action_for(Mode::Normal, &ctrl_d), Some(Action::PageDown));
    }

    #[test]
    fn releases_and_unbound_keys_do_nothing() {
        let mut j = ev(KeyCode::Char('j'), KeyModifiers::NONE);
        j.kind = KeyEventKind::Release;
        assert_eq!(action_for(Mode::Normal, &j), None);
        let z = ev(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Normal, &z), None);
        let alt = ev(KeyCode::Char('z'), KeyModifiers::ALT);
        assert_eq!(action_for(Mode::Prompt, &alt), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode_contexts in [
            &[Anywhere, List, Main][..],
            &[Anywhere, Overlay, List],
            &[Anywhere, Prompt],
        ] {
            let keys: Vec<(Context, Key)> = BINDINGS
                .iter()
                .filter(|b| mode_contexts.contains(&b.context))
                .flat_map(|b| b.keys.iter().map(move |k| (b.context, *k)))
                .collect();
            for (i, (ca, a)) in keys.iter().enumerate() {
                for (cb, b) in keys.iter().skip(i + 1) {
                    assert!(!(a == b && ca == cb), "{} bound twice in {ca:?}", a.label());
                }
            }
        }
    }

    #[test]
    fn hints_come_from_the_table() {
        let hints = hints();
        assert!(hints.contains(&("?".to_string(), "help")));
        assert!(hints.contains(&("q".to_string(), "quit")));
        assert_eq!(hints.len(), 6);
    }
}

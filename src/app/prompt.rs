//! The one-line editor behind the search, filter and export prompts.

/// What a prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Fuzzy search; the list narrows as the user types.
    Search,
    /// Filter text, applied on Enter.
    Filter,
    /// A path to export the current view to.
    Export,
}

impl PromptKind {
    /// The label drawn before the text.
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Search => "/",
            PromptKind::Filter => "filter: ",
            PromptKind::Export => "export CSV to: ",
        }
    }
}

/// A line being edited: its text and the cursor, counted in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What the prompt is for.
    pub kind: PromptKind,
    text: String,
    cursor: usize,
}

impl Prompt {
    /// A prompt holding `text`, cursor at its end.
    pub fn new(kind: PromptKind, text: &str) -> Prompt {
        Prompt {
            kind,
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Inserts a character at the cursor. Control characters are ignored.
    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        self.cursor -= 1;
        let at = self.byte_at(self.cursor);
        if at < self.text.len() {
            self.text.remove(at);
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        let at = self.byte_at(self.cursor);
        if at < self.text.len() {
            self.text.remove(at);
        }
    }

    /// Moves the cursor one character left.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Empties the line.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_on_character_boundaries() {
        let mut p = Prompt::new(PromptKind::Search, "café");
        assert_eq!(p.cursor(), 4);
        p.left();
        p.insert('x');
        assert_eq!(p.text(), "cafxé");
        p.backspace();
        p.backspace();
        assert_eq!(p.text(), "caé");
        p.home();
        p.delete();
        p.backspace();
        assert_eq!(p.text(), "aé");
        p.end();
        p.right();
        p.delete();
        p.insert('\u{1b}');
        assert_eq!(p.text(), "aé");
        p.clear();
        assert_eq!((p.text(), p.cursor()), ("", 0));
    }
}

//! Word wrapping for the form view: words are never split, so every value can be read
//! back whole; a word longer than the line stands alone and overflows it.

/// Wraps `text` to `width` columns: the first line starts with `first`, later lines
/// with `rest`. Runs of whitespace in `text` become single spaces.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = first.to_string();
    let mut has_word = false;
    for word in text.split_whitespace() {
        let len = line.chars().count();
        let gap = usize::from(has_word || !line.ends_with(' ') && !line.trim().is_empty());
        if len + gap + word.chars().count() > width && (has_word || !line.trim().is_empty()) {
            out.push(
                std::mem::replace(&mut line, rest.to_string())
                    .trim_end()
                    .to_string(),
            );
            has_word = false;
        }
        let gap = has_word || !line.ends_with(' ') && !line.trim().is_empty();
        if gap {
            line.push(' ');
        }
        line.push_str(word);
        has_word = true;
    }
    if has_word || out.is_empty() || !line.trim().is_empty() {
        out.push(line.trim_end().to_string());
    }
    out
}

/// Wraps `text` into lines of at most `width` columns (for table cells).
pub fn cell_lines(text: &str, width: usize) -> Vec<String> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    wrap(text, width, "", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words() {
        assert_eq!(
            wrap("a bb ccc dddd", 8, "> ", "  "),
            vec!["> a bb", "  ccc", "  dddd"]
        );
        assert_eq!(wrap("", 8, "> ", "  "), vec![">"]);
        assert_eq!(
            wrap("abcdef", 8, "[X] Off:", "  "),
            vec!["[X] Off:", "  abcdef"]
        );
        assert_eq!(wrap("ab", 12, "[X] Off:", "  "), vec!["[X] Off: ab"]);
        assert_eq!(
            wrap("averyveryverylongword x", 6, "", ""),
            vec!["averyveryverylongword", "x"]
        );
        assert_eq!(cell_lines("  ", 5), Vec::<String>::new());
    }
}

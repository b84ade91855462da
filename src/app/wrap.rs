//! Width-aware text helpers: word wrapping and truncation on character boundaries.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Wraps `text` into lines of at most `max` cells, breaking at spaces where possible and
/// inside words longer than a line. Always returns at least one line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = width(word);
        if line_width > 0 && line_width + 1 + w <= max {
            line.push(' ');
            line.push_str(word);
            line_width += 1 + w;
            continue;
        }
        if line_width > 0 {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if line_width + cw > max && line_width > 0 {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += cw;
        }
    }
    if line_width > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `s` cut to at most `max` cells; a cut string ends in `…`.
pub fn truncate(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if width(s) <= max {
        return std::borrow::Cow::Borrowed(s);
    }
    if max == 0 {
        return std::borrow::Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > max {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    std::borrow::Cow::Owned(out)
}

/// `s` cut from the left to at most `max` cells; a cut string starts with `…`, so the
/// end (a file name) stays readable.
pub fn truncate_left(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if width(s) <= max {
        return std::borrow::Cow::Borrowed(s);
    }
    if max == 0 {
        return std::borrow::Cow::Borrowed("");
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > max {
            break;
        }
        tail.push(c);
        used += cw;
    }
    let mut out = String::from("…");
    out.extend(tail.into_iter().rev());
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("a b", 0), vec!["a", "b"]);
        assert_eq!(wrap("漢字漢字", 5), vec!["漢字", "漢字"]);
    }

    #[test]
    fn truncates_by_width_with_an_ellipsis() {
        assert_eq!(truncate("Cellectar Biosciences", 9), "Cellecta…");
        assert_eq!(truncate("short", 9), "short");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn truncates_from_the_left_keeping_the_file_name() {
        assert_eq!(truncate_left("/work/filings/aar.txt", 9), "…/aar.txt");
        assert_eq!(truncate_left("aar.txt", 9), "aar.txt");
        assert_eq!(truncate_left("abc", 0), "");
    }
}

//! Lines of a printed form as text: markdown and stray tags cleaned off, and each line
//! cut into segments (runs of text between tabs, `|` rules or wide gaps) that keep the
//! column where they start, so boxes printed side by side can be told apart.

/// One line of the form, cleaned, with its 1-based line number in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Line number in the file.
    pub no: u32,
    /// The cleaned text; tabs are kept so columns can be measured.
    pub text: String,
}

/// A run of text on one line, with the column (tabs expanded to stops of 8) where it
/// starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Column of the first character.
    pub x: usize,
    /// The text, trimmed.
    pub text: String,
}

/// Splits `text` into cleaned lines numbered from `first_line`.
pub fn clean(text: &str, first_line: u32) -> Vec<Line> {
    let mut out = Vec::new();
    let mut no = first_line;
    let mut rest = text;
    while !rest.is_empty() {
        let (line, advance) = match rest.find(['\n', '\r']) {
            Some(i) => {
                let eol = if rest.get(i..i + 2) == Some("\r\n") {
                    2
                } else {
                    1
                };
                (rest.get(..i).unwrap_or_default(), i + eol)
            }
            None => (rest, rest.len()),
        };
        out.push(Line {
            no,
            text: clean_line(line),
        });
        no = no.saturating_add(1);
        rest = rest.get(advance..).unwrap_or_default();
    }
    out
}

/// Cleans one line: markdown headings, emphasis and backslash escapes, HTML tags such as
/// `<sup>` (their text is kept, set apart by a space), entities and odd spaces.
pub fn clean_line(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some(&n) if n.is_ascii_punctuation() => {
                    s.push(n);
                    chars.next();
                }
                _ => s.push('\\'),
            },
            '<' => {
                let tag: String = chars.clone().take_while(|&t| t != '>').take(12).collect();
                let name = tag.trim_start_matches('/').to_ascii_lowercase();
                let is_tag = ["sup", "sub", "b", "i", "u", "br", "span", "font", "p"]
                    .iter()
                    .any(|t| {
                        name == *t
                            || name
                                .strip_prefix(t)
                                .is_some_and(|r| r.starts_with([' ', '/']))
                    });
                if is_tag && chars.clone().nth(tag.chars().count()) == Some('>') {
                    for _ in 0..=tag.chars().count() {
                        chars.next();
                    }
                    // One space stands for the tag and the spaces around it, so a
                    // `<br>` inside a markdown cell does not open a gap that reads as a
                    // column break. Tabs are kept: they are the columns.
                    while s.ends_with(' ') {
                        s.pop();
                    }
                    while chars.peek() == Some(&' ') {
                        chars.next();
                    }
                    s.push(' ');
                } else {
                    s.push('<');
                }
            }
            '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => s.push(' '),
            '\u{2018}' | '\u{2019}' => s.push('\''),
            '\u{201c}' | '\u{201d}' => s.push('"'),
            '\u{2013}' | '\u{2014}' => s.push('-'),
            '\u{2022}' | '\u{00b7}' => s.push(' '),
            c if c.is_control() && c != '\t' => {}
            c => s.push(c),
        }
    }
    let s = s
        .replace("&nbsp;", " ")
        .replace("&#160;", " ")
        .replace("&amp;", "&")
        .replace("**", "");
    let t = s.trim_start();
    let t = if t.starts_with('#') {
        t.trim_start_matches('#').trim_start()
    } else {
        t
    };
    let indent = s.len() - s.trim_start().len();
    let mut out = s.get(..indent).unwrap_or_default().to_string();
    out.push_str(t.trim_end());
    out
}

/// Expands tabs to stops of 8, as a terminal or a printer would.
pub fn expand_tabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = 8 - col % 8;
            out.extend(std::iter::repeat(' ').take(n));
            col += n;
        } else {
            out.push(c);
            col += 1;
        }
    }
    out
}

/// Cuts a line into segments at tabs, `|` rules and gaps of three or more spaces.
pub fn segments(line: &str) -> Vec<Segment> {
    let expanded = expand_tabs(&line.replace('|', "\t"));
    let chars: Vec<char> = expanded.chars().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut spaces = 0;
    let mut marks_tab = tab_columns(line);
    marks_tab.sort_unstable();
    for (i, &c) in chars.iter().enumerate() {
        let forced = marks_tab.binary_search(&i).is_ok();
        if c == ' ' {
            spaces += 1;
            if let Some(st) = start {
                if spaces >= 3 || forced {
                    push(&mut out, &chars, st, i + 1 - spaces);
                    start = None;
                }
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        spaces = 0;
    }
    if let Some(st) = start {
        push(&mut out, &chars, st, chars.len());
    }
    out
}

/// Columns (after expansion) where a tab or `|` stood, so a single tab still splits.
fn tab_columns(line: &str) -> Vec<usize> {
    let mut col = 0;
    let mut out = Vec::new();
    for c in line.chars() {
        if c == '\t' || c == '|' {
            out.push(col);
            col += 8 - col % 8;
        } else {
            col += 1;
        }
    }
    out
}

fn push(out: &mut Vec<Segment>, chars: &[char], start: usize, end: usize) {
    let text: String = chars.get(start..end).unwrap_or_default().iter().collect();
    let text = text.trim();
    if !text.is_empty() {
        out.push(Segment {
            x: start,
            text: text.to_string(),
        });
    }
}

/// Joins a cell's text with the piece wrapped onto the next line: with a space, or,
/// when the line broke a word with a hyphen (`Owner-` then `ship`), as one word.
pub fn join_wrapped(head: &str, next: &str) -> String {
    let mut joined = head.to_string();
    join_wrapped_onto(&mut joined, next);
    joined
}

/// [`join_wrapped`] in place: `next` is added to the end of `head`, so a cell wrapped
/// over many lines is built in time proportional to its length.
pub fn join_wrapped_onto(head: &mut String, next: &str) {
    head.truncate(head.trim_end().len());
    let next = next.trim_start();
    if head.is_empty() {
        head.push_str(next);
        return;
    }
    let mut back = head.chars().rev();
    let broke_word = back.next() == Some('-')
        && back.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase);
    if broke_word {
        head.pop();
    } else {
        head.push(' ');
    }
    head.push_str(next);
}

/// Collapses runs of whitespace into single spaces and trims.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut push = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    // ASCII text (all but a vertical tab, which only Unicode counts as a space) splits
    // the same way byte by byte, without decoding characters.
    if s.bytes().all(|b| b.is_ascii() && b != 0x0b) {
        s.split_ascii_whitespace().for_each(&mut push);
    } else {
        s.split_whitespace().for_each(&mut push);
    }
    out
}

/// Byte position of `needle` in `hay`, ignoring ASCII case.
pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let (&first, rest) = n.split_first()?;
    let last_start = h.len().checked_sub(n.len())?;
    // Only where the first byte matches, in either case, found by a vectorised search.
    let starts = h.get(..=last_start)?;
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        starts,
    )
    .find(|&i| {
        h.get(i + 1..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
            && hay.is_char_boundary(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every position tried in turn: what [`find_ci`] must agree with.
    fn find_ci_slowly(hay: &str, needle: &str) -> Option<usize> {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        if n.is_empty() || n.len() > h.len() {
            return None;
        }
        (0..=h.len() - n.len())
            .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n) && hay.is_char_boundary(i))
    }

    #[test]
    fn wrapped_pieces_join_in_place_as_they_join_anew() {
        let mut cell = String::new();
        for piece in [
            "Restricted  ",
            " Owner-",
            "ship Units-",
            "Class A",
            "",
            " x",
        ] {
            let joined = join_wrapped(&cell, piece);
            join_wrapped_onto(&mut cell, piece);
            assert_eq!(cell, joined);
        }
        assert_eq!(cell, "Restricted Ownership Units- Class A x");
    }

    #[test]
    fn squashing_collapses_every_kind_of_space() {
        assert_eq!(squash("  a \t b\r\n\x0c c  "), "a b c");
        assert_eq!(squash("a\x0bb"), "a b");
        assert_eq!(squash("a\u{a0}b \u{2009} c"), "a b c");
        assert_eq!(squash(" \n "), "");
    }

    proptest::proptest! {
        #[test]
        fn squashing_splits_where_unicode_spaces_are(s in "[a \t\n\r\x0b\x0c\u{a0}\u{85}é]{0,30}") {
            let words: Vec<&str> = s.split_whitespace().collect();
            proptest::prop_assert_eq!(squash(&s), words.join(" "));
        }
    }

    #[test]
    fn case_blind_search_finds_the_first_match() {
        assert_eq!(find_ci("Table I - Non-Derivative", "non-deriv"), Some(10));
        assert_eq!(find_ci("ab", "abc"), None);
        assert_eq!(find_ci("abc", ""), None);
        assert_eq!(find_ci("é(1) Ç", "(1)"), Some(2));
        assert_eq!(find_ci("xX", "x"), Some(0));
    }

    proptest::proptest! {
        #[test]
        fn case_blind_search_agrees_with_trying_every_position(
            hay in "[aAbB1 (é)]{0,40}",
            needle in "[aAbB1 (é)]{0,4}",
        ) {
            proptest::prop_assert_eq!(find_ci(&hay, &needle), find_ci_slowly(&hay, &needle));
        }
    }

    #[test]
    fn markdown_and_tags_are_cleaned() {
        assert_eq!(clean_line("### **Signatures**"), "Signatures");
        assert_eq!(clean_line("- \\* If the form"), "- * If the form");
        assert_eq!(clean_line("\\$ 1.1972 (2)"), "$ 1.1972 (2)");
        assert_eq!(clean_line("S <sup>(1)</sup>"), "S (1)");
        assert_eq!(clean_line("a <br> b\t<sup>(2)</sup>"), "a b\t (2)");
        assert_eq!(clean_line("a < b"), "a < b");
    }

    #[test]
    fn segments_split_at_tabs_rules_and_gaps() {
        let s = segments("Common\tStock\t\t03/12/2018");
        let texts: Vec<_> = s.iter().map(|s| (s.x, s.text.as_str())).collect();
        assert_eq!(texts, vec![(0, "Common"), (8, "Stock"), (24, "03/12/2018")]);
        let s = segments("  A B   C |D|");
        let texts: Vec<_> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["A B", "C", "D"]);
    }

    #[test]
    fn wrapped_pieces_join() {
        assert_eq!(
            join_wrapped("By Employee Stock Owner-", "ship Plan"),
            "By Employee Stock Ownership Plan"
        );
        assert_eq!(join_wrapped("Lindqvist-", "Moreau"), "Lindqvist- Moreau");
        assert_eq!(join_wrapped("Series B", "Preferred"), "Series B Preferred");
        assert_eq!(join_wrapped("", "x"), "x");
        assert_eq!(join_wrapped("10-", "year"), "10- year");
    }

    #[test]
    fn find_ignores_case() {
        assert_eq!(find_ci("xx Table I", "table i"), Some(3));
        assert_eq!(find_ci("é table", "TABLE"), Some(3));
        assert_eq!(find_ci("ab", "abc"), None);
    }
}

//! Cleaning untrusted text from filings before it reaches a terminal.

use std::borrow::Cow;

/// Removes control characters and terminal escape sequences, turns tabs and line breaks
/// into single spaces and collapses runs of whitespace, so filing text can be drawn or
/// printed on one line safely.
///
/// Entity text left by double escaping in the data sets (`&amp;`, `&#8211;`) is decoded
/// first, so it shows as the character it stands for; the model keeps it as filed.
///
/// ESC starts a sequence that is dropped whole (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`,
/// or a two-byte escape); C1 controls (U+0080–U+009F) and other C0 controls are dropped.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if s.contains('&') {
        let decoded = decode_entities(s);
        return Cow::Owned(sanitize_plain(&decoded).into_owned());
    }
    sanitize_plain(s)
}

/// Most bytes of one text the screen draws. A remark or footnote runs to a few thousand
/// characters; a hostile file can hold 100 MB in one, and wrapping that for each frame
/// would stall the explorer for seconds. [`crate::write`] and `export` keep texts whole.
pub const MAX_SHOWN: usize = 64 << 10;

/// `s`, or its first bytes (under [`MAX_SHOWN`] in all) with a note of how much is left
/// out, cut on a character boundary.
pub fn clip(s: &str) -> Cow<'_, str> {
    if s.len() <= MAX_SHOWN {
        return Cow::Borrowed(s);
    }
    // Room for the note, so a clipped text is not clipped again.
    let mut cut = MAX_SHOWN - 256;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = s.get(..cut).unwrap_or_default();
    Cow::Owned(format!(
        "{head} … [{} KB of {} KB shown; export writes the whole text]",
        cut >> 10,
        s.len() >> 10
    ))
}

/// `s` as the screen shows it: [`clip`]ped, then [`sanitize`]d.
pub fn shown(s: &str) -> Cow<'_, str> {
    match clip(s) {
        Cow::Borrowed(b) => sanitize(b),
        Cow::Owned(o) => Cow::Owned(sanitize(&o).into_owned()),
    }
}

/// True when `s` is plain printable text with single spaces: nothing to strip or fold.
fn is_clean(s: &str) -> bool {
    if s.is_ascii() {
        // The common case, one pass over the bytes.
        let mut after_space = false;
        for &b in s.as_bytes() {
            if b < 0x20 || b == 0x7f || (b == b' ' && after_space) {
                return false;
            }
            after_space = b == b' ';
        }
        return true;
    }
    s.chars()
        .all(|c| !c.is_control() && !matches!(c, '\u{200b}' | '\u{feff}' | '\u{a0}'))
        && !s.contains("  ")
}

fn sanitize_plain(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s.trim());
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' => skip_osc(&mut chars),
            '\t' | '\n' | '\r' | ' ' | '\u{a0}' => pending_space = true,
            c if c.is_control() || c == '\u{200b}' || c == '\u{feff}' => {}
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    Cow::Owned(out)
}

/// True when text holds a control character other than tab and line ends: NUL, ESC,
/// DEL or the C1 range. Real filings never do; hostile ones try to reach the terminal
/// with them. Byte-based, so it is cheap enough to run on every field read.
pub fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    // Fast path without early exit, which the compiler vectorises: no byte that could
    // start a control at all.
    let suspect = |c: u8| {
        ((c < 0x20) & (c != b'\t') & (c != b'\n') & (c != b'\r')) | (c == 0x7f) | (c == 0xc2)
    };
    if !b.iter().fold(false, |seen, &c| seen | suspect(c)) {
        return false;
    }
    b.iter().enumerate().any(|(i, &c)| match c {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1f | 0x7f => true,
        // U+0080..U+009F are encoded as C2 80..C2 9F.
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        _ => false,
    })
}

/// Decodes `&name;` and `&#n;`/`&#xh;` references that survive in double-escaped text.
/// Unknown names are left as written.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let tail = rest.get(at..).unwrap_or_default();
        let window = tail.char_indices().nth(12).map_or(tail.len(), |(i, _)| i);
        let end = tail.get(1..window).and_then(|t| t.find(';')).map(|i| i + 1);
        let decoded = end.and_then(|e| {
            let name = tail.get(1..e)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => skip_osc(chars),
        _ => {}
    }
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

fn skip_osc(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{clip, sanitize, shown, MAX_SHOWN};

    #[test]
    fn long_texts_are_clipped_on_a_character_boundary_once() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(MAX_SHOWN);
        let clipped = clip(&long);
        assert!(clipped.len() <= MAX_SHOWN, "{}", clipped.len());
        assert!(clipped.ends_with("KB of 128 KB shown; export writes the whole text]"));
        assert_eq!(
            clip(&clipped),
            clipped,
            "a clipped text is not clipped again"
        );
        let escape = format!("red \u{1b}[31m{}", "a".repeat(MAX_SHOWN));
        assert!(!shown(&escape).contains('\u{1b}'));
    }

    #[test]
    fn strips_escape_sequences_and_controls() {
        assert_eq!(sanitize("ACME\u{1b}[31m Corp\u{1b}[0m"), "ACME Corp");
        assert_eq!(sanitize("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(sanitize("x\u{0}y\u{8}z"), "xyz");
        assert_eq!(sanitize("one\n  two\tthree"), "one two three");
        assert_eq!(sanitize("plain"), "plain");
    }

    #[test]
    fn control_characters_are_detected() {
        use super::has_control;
        assert!(has_control("a\u{1b}[31m"));
        assert!(has_control("x\u{0}"));
        assert!(has_control("\u{9b}31m"));
        assert!(!has_control("tab\tand\nlines\r ok, caf\u{e9} \u{a0}"));
    }

    #[test]
    fn double_escaped_entities_show_as_characters() {
        assert_eq!(sanitize("Acme &amp; Sons"), "Acme & Sons");
        assert_eq!(sanitize("2019&#8211;2020&#160;x"), "2019\u{2013}2020 x");
        assert_eq!(sanitize("a &#27;[31mred"), "a red");
        assert_eq!(sanitize("R&D &unknown; &"), "R&D &unknown; &");
    }

    #[test]
    fn output_never_holds_a_control_character() {
        let nasty = "\u{1b}[2J\u{1b}P1;2|x\u{1b}\\\u{9b}31m\u{85}ok\r\n";
        let clean = sanitize(nasty);
        assert!(!clean.chars().any(char::is_control), "{clean:?}");
        assert_eq!(clean, "ok");
    }
}

//! Escaping text for XML character data and attributes, and for one-line header values.

/// True for characters XML 1.0 cannot carry at all, even escaped: control characters
/// other than tab, line feed and carriage return, and the non-characters U+FFFE, U+FFFF.
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Appends `text` to `out` escaped for XML content or a quoted attribute.
///
/// `& < > " '` become entities; a carriage return becomes `&#13;` so a reader does not fold
/// it into a line feed; characters XML cannot carry are dropped.
pub(crate) fn push_xml(out: &mut String, text: &str) {
    let plain = |c: char| !matches!(c, '&' | '<' | '>' | '"' | '\'' | '\r') && !is_forbidden(c);
    if text.chars().all(plain) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
}

/// Appends `text` to `out` as one header line value: SGML header values are raw text, so
/// nothing is escaped, but line breaks and other control characters become spaces and
/// surrounding white space is trimmed.
pub(crate) fn push_header_value(out: &mut String, text: &str) {
    out.extend(
        text.trim()
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(text: &str) -> String {
        let mut out = String::new();
        push_xml(&mut out, text);
        out
    }

    #[test]
    fn escapes_the_five_markup_characters() {
        assert_eq!(
            xml(r#"AT&T <"Class A"> 'B'"#),
            "AT&amp;T &lt;&quot;Class A&quot;&gt; &apos;B&apos;"
        );
        assert_eq!(xml("plain text"), "plain text");
    }

    #[test]
    fn keeps_line_breaks_and_drops_forbidden_controls() {
        assert_eq!(xml("a\nb\tc"), "a\nb\tc");
        assert_eq!(xml("a\r\nb"), "a&#13;\nb");
        assert_eq!(xml("bell\u{7}here\u{1b}"), "bellhere");
    }

    #[test]
    fn header_values_are_one_raw_line() {
        let mut out = String::new();
        push_header_value(&mut out, "  SURGICAL & MEDICAL\r\nINSTRUMENTS\t");
        assert_eq!(out, "SURGICAL & MEDICAL  INSTRUMENTS");
    }
}

//! The layout of a submission file: its envelope (`<SEC-DOCUMENT>` or the feed's
//! `<SUBMISSION>`), the end of its header, and the `<DOCUMENT>` block that holds the
//! ownership XML.
//!
//! Everything here works on byte offsets found with `find`, so a truncated or garbled
//! file yields an error or a shorter slice, never a panic.

use std::ops::Range;

use crate::model::SourceKind;
use crate::parse::diag::Diagnostic;
use crate::parse::line_at;

/// Where the submission sits in the file, and which form it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// Full submission or dissemination-feed form.
    pub kind: SourceKind,
    /// Byte range of the submission: from its opening tag to its closing tag (or the end
    /// of the file), so a PEM envelope around it is left out.
    pub body: Range<usize>,
    /// Byte range of the header: from the opening tag to `</SEC-HEADER>` or the first
    /// `<DOCUMENT>`, whichever comes first.
    pub header: Range<usize>,
}

/// Finds the submission in `text`: skips anything before `<SEC-DOCUMENT>` (a PEM
/// envelope) or `<SUBMISSION>`, and anything after the matching closing tag.
pub fn envelope(text: &str) -> Result<Envelope, Diagnostic> {
    let classic = first_of(text, &["<SEC-DOCUMENT>", "<SEC-HEADER>", "<IMS-DOCUMENT>"]);
    let feed = text.find("<SUBMISSION>");
    let (kind, start, closing) = match (classic, feed) {
        (Some(c), Some(f)) if f < c => (SourceKind::FeedSubmission, f, "</SUBMISSION>"),
        (Some(c), _) => (SourceKind::Submission, c, "</SEC-DOCUMENT>"),
        (None, Some(f)) => (SourceKind::FeedSubmission, f, "</SUBMISSION>"),
        (None, None) => {
            return Err(Diagnostic::new(
                Some(1),
                "no <SEC-DOCUMENT> or <SUBMISSION> tag: not a full submission",
            ))
        }
    };
    let end = find_from(text, closing, start).unwrap_or(text.len());
    let header_end = [
        find_within(text, "</SEC-HEADER>", start..end),
        find_within(text, "<DOCUMENT>", start..end),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(end);
    Ok(Envelope {
        kind,
        body: start..end,
        header: start..header_end,
    })
}

/// The ownership XML found in a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlPart<'t> {
    /// The XML text, leading and trailing whitespace trimmed so `<?xml` comes first.
    pub text: &'t str,
    /// Byte offset of `text` in the file.
    pub offset: usize,
}

/// One `<DOCUMENT>` block of a submission.
struct Block<'t> {
    /// Byte range of the block, from `<DOCUMENT>` to `</DOCUMENT>` or the body's end.
    range: Range<usize>,
    /// Its `<TYPE>` value, trimmed.
    doc_type: &'t str,
}

/// Finds the ownership XML: the `<DOCUMENT>` whose `<TYPE>` is the submission type and
/// that holds `<ownershipDocument`, else the first block that holds it; then the text
/// between `<XML>` and `</XML>` (falling back to `<TEXT>` … `</TEXT>`).
pub fn ownership_xml<'t>(
    text: &'t str,
    env: &Envelope,
    submission_type: Option<&str>,
) -> Result<XmlPart<'t>, Diagnostic> {
    let blocks = blocks(text, env.body.clone());
    let Some(first) = blocks.first() else {
        return Err(Diagnostic::new(
            Some(line_at(text.as_bytes(), env.body.end)),
            "the submission ends before its first <DOCUMENT>: the file is truncated",
        ));
    };
    let holds_xml =
        |b: &&Block<'_>| find_within(text, "<ownershipDocument", b.range.clone()).is_some();
    let typed = submission_type.and_then(|t| {
        blocks
            .iter()
            .filter(holds_xml)
            .find(|b| b.doc_type.eq_ignore_ascii_case(t.trim()))
    });
    let Some(block) = typed.or_else(|| blocks.iter().find(holds_xml)) else {
        return Err(Diagnostic::new(
            Some(line_at(text.as_bytes(), first.range.start)),
            format!(
                "no ownershipDocument XML in any of the {} <DOCUMENT> blocks",
                blocks.len()
            ),
        ));
    };
    let content = between(text, "<XML>", "</XML>", block.range.clone())
        .or_else(|| between(text, "<TEXT>", "</TEXT>", block.range.clone()))
        .unwrap_or(block.range.clone());
    let raw = text.get(content.clone()).unwrap_or_default();
    let trimmed = raw.trim_start();
    let offset = content.start + (raw.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return Err(Diagnostic::new(
            Some(line_at(text.as_bytes(), content.start)),
            "the ownership document is empty",
        ));
    }
    Ok(XmlPart {
        text: trimmed,
        offset,
    })
}

/// Every `<DOCUMENT>` block in `body`, in file order.
fn blocks(text: &str, body: Range<usize>) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut at = body.start;
    while let Some(start) = find_within(text, "<DOCUMENT>", at..body.end) {
        let inner = start + "<DOCUMENT>".len();
        let end = find_within(text, "</DOCUMENT>", inner..body.end).unwrap_or(body.end);
        let doc_type = find_within(text, "<TYPE>", inner..end)
            .map(|t| rest_of_line(text, t + "<TYPE>".len(), end).trim())
            .unwrap_or_default();
        out.push(Block {
            range: start..end,
            doc_type,
        });
        at = end.max(inner);
    }
    out
}

/// The byte range strictly between `open` and `close` inside `within`; the range runs to
/// the end of `within` when `close` is missing (a truncated file).
fn between(text: &str, open: &str, close: &str, within: Range<usize>) -> Option<Range<usize>> {
    let start = find_within(text, open, within.clone())? + open.len();
    let end = find_within(text, close, start..within.end).unwrap_or(within.end);
    Some(start..end)
}

/// The text from `from` to the next line end (LF or CR) or `limit`.
fn rest_of_line(text: &str, from: usize, limit: usize) -> &str {
    let tail = text.get(from..limit).unwrap_or_default();
    tail.split(['\n', '\r']).next().unwrap_or_default()
}

/// Byte offset of the first of `needles` in `text`.
fn first_of(text: &str, needles: &[&str]) -> Option<usize> {
    needles.iter().filter_map(|n| text.find(n)).min()
}

/// Byte offset of `needle` at or after `from`.
fn find_from(text: &str, needle: &str, from: usize) -> Option<usize> {
    find_within(text, needle, from..text.len())
}

/// Byte offset (in `text`) of the first `needle` that lies wholly inside `within`.
pub fn find_within(text: &str, needle: &str, within: Range<usize>) -> Option<usize> {
    let start = within.start;
    text.get(within)
        .and_then(|s| s.find(needle))
        .map(|i| start + i)
}

/// Splits `text[range]` into lines ending in LF, CRLF or a bare CR, yielding each line's
/// byte offset in `text` and its content without the line end.
pub fn lines(text: &str, range: Range<usize>) -> impl Iterator<Item = (usize, &str)> {
    let base = range.start;
    let region = text.get(range).unwrap_or_default();
    let mut rest = region;
    let mut offset = base;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
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
        let at = offset;
        rest = rest.get(advance..).unwrap_or_default();
        offset += advance;
        Some((at, line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_every_line_end() {
        let t = "a\nb\r\nc\rd";
        let got: Vec<_> = lines(t, 0..t.len()).collect();
        assert_eq!(got, vec![(0, "a"), (2, "b"), (5, "c"), (7, "d")]);
        let got: Vec<_> = lines(t, 2..6).collect();
        assert_eq!(got, vec![(2, "b"), (5, "c")]);
    }

    #[test]
    fn pem_envelope_is_skipped() {
        let t = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nMIC-Info: x\n\n<SEC-DOCUMENT>a\n\
                 <SEC-HEADER>b\nX:\t1\n</SEC-HEADER>\n<DOCUMENT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n\
                 -----END PRIVACY-ENHANCED MESSAGE-----\n";
        let env = envelope(t).unwrap();
        assert_eq!(env.kind, SourceKind::Submission);
        assert!(t[env.body.clone()].starts_with("<SEC-DOCUMENT>"));
        assert!(t[env.body.clone()].ends_with("</DOCUMENT>\n"));
        assert!(t[env.header.clone()].ends_with("X:\t1\n"));
    }

    #[test]
    fn feed_form_is_recognised() {
        let t = "<SUBMISSION>\n<TYPE>4\r<DOCUMENT>\r</DOCUMENT>\r</SUBMISSION>\r";
        let env = envelope(t).unwrap();
        assert_eq!(env.kind, SourceKind::FeedSubmission);
        assert_eq!(&t[env.header.clone()], "<SUBMISSION>\n<TYPE>4\r");
    }

    #[test]
    fn no_envelope_is_an_error_on_line_1() {
        let e = envelope("hello\nworld").unwrap_err();
        assert_eq!(e.line, Some(1));
    }

    fn doc(doc_type: &str, body: &str) -> String {
        format!("<DOCUMENT>\n<TYPE>{doc_type}\n<SEQUENCE>1\n<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n")
    }

    #[test]
    fn picks_the_block_of_the_submission_type() {
        let t = format!(
            "<SEC-DOCUMENT>\n<SEC-HEADER>\n</SEC-HEADER>\n{}{}{}</SEC-DOCUMENT>\n",
            doc("EX-24", "power of attorney"),
            doc("4/A", "<XML>\n  <?xml version=\"1.0\"?>\n<ownershipDocument>A</ownershipDocument>\n</XML>"),
            doc("4", "<XML>\n<ownershipDocument>B</ownershipDocument>\n</XML>"),
        );
        let env = envelope(&t).unwrap();
        let part = ownership_xml(&t, &env, Some("4")).unwrap();
        assert_eq!(part.text, "<ownershipDocument>B</ownershipDocument>");
        assert!(t[part.offset..].starts_with("<ownershipDocument>B"));
        let part = ownership_xml(&t, &env, Some("4/a")).unwrap();
        assert!(part.text.starts_with("<?xml version"));
        assert_eq!(line_at(t.as_bytes(), part.offset), 16);
        // No block of the type: the first block holding the XML.
        let part = ownership_xml(&t, &env, Some("5")).unwrap();
        assert!(part.text.ends_with("A</ownershipDocument>"));
    }

    #[test]
    fn falls_back_to_the_text_block() {
        let t = format!(
            "<SEC-DOCUMENT>\n{}</SEC-DOCUMENT>\n",
            doc("4", "<ownershipDocument>C</ownershipDocument>")
        );
        let part = ownership_xml(&t, &envelope(&t).unwrap(), Some("4")).unwrap();
        assert_eq!(part.text, "<ownershipDocument>C</ownershipDocument>");
    }

    #[test]
    fn truncated_and_missing_xml_name_a_line() {
        let t = "<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER:\t1\n";
        let e = ownership_xml(t, &envelope(t).unwrap(), None).unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("truncated"), "{e}");

        let t = format!("<SEC-DOCUMENT>\n\n{}", doc("EX-99", "nothing here"));
        let e = ownership_xml(&t, &envelope(&t).unwrap(), Some("4")).unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("no ownershipDocument"), "{e}");

        let t = "<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>4\n<ownershipDocument <XML>\n   \n</XML>";
        let e = ownership_xml(t, &envelope(t).unwrap(), Some("4")).unwrap_err();
        assert!(e.message.contains("empty"), "{e}");
    }

    #[test]
    fn a_cut_xml_block_runs_to_the_end() {
        let t = "<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n<ownershipDocument>\n<issuer>";
        let part = ownership_xml(t, &envelope(t).unwrap(), Some("4")).unwrap();
        assert_eq!(part.text, "<ownershipDocument>\n<issuer>");
    }
}

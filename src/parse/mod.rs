//! Readers that turn filings into the [`crate::model`].
//!
//! Each reader takes text plus a source label and returns filings with the warnings met on
//! the way, or an error saying where and why the file could not be read. Readers never
//! panic on input and never touch the screen. [`read_file`] sniffs a file's format from
//! its content (never its name) and hands it to the right reader.

pub mod dataset;
pub mod diag;
pub mod rendered;
pub mod sniff;
pub mod submission;
pub mod values;
pub mod xml;

use std::borrow::Cow;

use crate::model::{Filing, Text};
use diag::Diagnostic;
pub use sniff::Format;

/// The most items of each kind (rows, reporting owners, footnotes, signatures) a reader
/// keeps for one filing. Real filings hold a few hundred at the most; a document holding
/// more is damaged or hostile, and each item past this is left out with one warning
/// naming the kind, so a small file cannot fill the memory with empty items.
pub const MAX_FILING_ITEMS: usize = 10_000;

/// The most warnings a reader lists for one document, or for one data-set table (and for
/// each kind of accession mismatch in a quarter); the rest are counted in one last
/// warning, so a file of millions of bad values cannot take gigabytes in warnings.
pub const MAX_LISTED_WARNINGS: usize = 1_000;

/// What a reader made of one file: its filings and the warnings met on the way.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Filings read from the file.
    pub filings: Vec<Filing>,
    /// Problems that did not stop the read (a field left empty, a fallback taken).
    pub warnings: Vec<Diagnostic>,
}

/// Reads one file's bytes, already known to be of `format`.
///
/// `path` labels the filings' [`crate::model::Source`]. An error means nothing usable could
/// be read from the file.
pub fn read_file(path: &Text, bytes: &[u8], format: Format) -> Result<Parsed, Diagnostic> {
    let (text, decode_warning) = decode(bytes);
    let mut parsed = match format {
        Format::OwnershipXml => {
            let (mut filing, warnings) = xml::parse(&text, path, 1)?;
            filing.accession_number = accession_from_path(path);
            Parsed {
                filings: vec![filing],
                warnings,
            }
        }
        Format::Submission | Format::FeedSubmission => submission::parse(&text, path)?,
        Format::RenderedText | Format::RenderedHtml => {
            let (filing, warnings) = if format == Format::RenderedHtml {
                rendered::parse_html(&text, path)?
            } else {
                rendered::parse_text(&text, path)?
            };
            Parsed {
                filings: vec![filing],
                warnings,
            }
        }
        Format::Zip => {
            return Err(Diagnostic::new(
                None,
                "a zip archive is read as a data-set quarter by the loader",
            ))
        }
        Format::Unknown(why) => return Err(Diagnostic::new(None, format!("not a filing: {why}"))),
    };
    if let Some(w) = decode_warning {
        parsed.warnings.insert(0, w);
    }
    list_at_most(&mut parsed.warnings);
    Ok(parsed)
}

/// Keeps the first [`MAX_LISTED_WARNINGS`] of `warnings` and counts the rest in a last one.
fn list_at_most(warnings: &mut Vec<Diagnostic>) {
    let unlisted = warnings.len().saturating_sub(MAX_LISTED_WARNINGS);
    if unlisted > 0 {
        warnings.truncate(MAX_LISTED_WARNINGS);
        warnings.push(Diagnostic::counting(
            unlisted,
            format!(
                "{unlisted} more warnings are not listed: only the first \
                 {MAX_LISTED_WARNINGS} of a document are"
            ),
        ));
    }
}

/// The accession number a bare XML file's path names, as EDGAR's archive lays files out:
/// a component `0001127602-25-001055` (a file or folder name) or its 18-digit folder form
/// `000112760225001055`. Bare XML carries no accession of its own; this lets it meet the
/// same filing from a data set or a submission.
pub fn accession_from_path(path: &str) -> Option<Text> {
    path.rsplit(['/', '\\']).find_map(|component| {
        let bytes = component.as_bytes();
        let dashed = bytes.windows(20).find(|w| {
            w.iter().enumerate().all(|(i, b)| match i {
                10 | 13 => *b == b'-',
                _ => b.is_ascii_digit(),
            })
        });
        if let Some(w) = dashed {
            return std::str::from_utf8(w).ok().map(Text::from);
        }
        if bytes.len() == 18 && bytes.iter().all(u8::is_ascii_digit) {
            let (a, rest) = component.split_at(10);
            let (b, c) = rest.split_at(2);
            return Some(Text::from(format!("{a}-{b}-{c}")));
        }
        None
    })
}

/// Decodes a file's bytes: a UTF-8 byte-order mark is dropped; bytes that are not valid
/// UTF-8 are read as Windows-1252 (where 0x80–0x9F are curly quotes and dashes) and a
/// warning says so, naming the line of the first bad byte.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<Diagnostic>) {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            // UTF-16 with its byte-order mark, as some editors save XML.
            let (text, _, had_errors) = encoding.decode(bytes);
            let note = if had_errors {
                " (with invalid sequences)"
            } else {
                ""
            };
            return (
                Cow::Owned(text.into_owned()),
                Some(Diagnostic::new(
                    Some(1),
                    format!("read as {}{note}", encoding.name()),
                )),
            );
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), None),
        Err(e) => {
            let at = e.valid_up_to();
            let line = line_at(bytes, at);
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (
                Cow::Owned(text.into_owned()),
                Some(Diagnostic::new(
                    Some(line),
                    format!("invalid UTF-8 at byte {at}; read as Windows-1252"),
                )),
            )
        }
    }
}

/// The 1-based line of byte offset `at`. A line ends in `\n`, `\r\n` or a bare `\r` (the
/// `.nc` feed form ends its first line in LF and every later one in CR).
pub fn line_at(bytes: &[u8], at: usize) -> u32 {
    line_number(line_ends(bytes, 0, at.min(bytes.len())))
}

/// The 1-based line that follows `ends` line ends.
fn line_number(ends: usize) -> u32 {
    u32::try_from(ends).unwrap_or(u32::MAX - 1) + 1
}

/// The line ends (by [`line_at`]'s rule) among `bytes[from..to]`. A CR is told from the
/// first half of a CRLF by the byte after it, even when that byte is past `to`.
fn line_ends(bytes: &[u8], from: usize, to: usize) -> usize {
    let span = bytes.get(from..to).unwrap_or_default();
    let lf = memchr::memchr_iter(b'\n', span).count();
    let bare_cr = memchr::memchr_iter(b'\r', span)
        .filter(|&i| bytes.get(from + i + 1) != Some(&b'\n'))
        .count();
    lf + bare_cr
}

/// [`line_at`] for a reader that asks about many offsets of one text: lines are counted
/// from the offset asked last, forward or back, so each question costs the distance
/// between the two rather than the text before it.
pub struct LineCounter<'t> {
    bytes: &'t [u8],
    /// The offset asked last.
    at: usize,
    /// Line ends before `at`.
    ends: usize,
    /// Bytes looked at, so tests can see the work done.
    #[cfg(test)]
    pub(crate) scanned: usize,
}

impl<'t> LineCounter<'t> {
    /// A counter over `bytes`, starting at its first line.
    pub fn new(bytes: &'t [u8]) -> Self {
        LineCounter {
            bytes,
            at: 0,
            ends: 0,
            #[cfg(test)]
            scanned: 0,
        }
    }

    /// The 1-based line of byte offset `at`, as [`line_at`] gives it.
    pub fn line_at(&mut self, at: usize) -> u32 {
        let at = at.min(self.bytes.len());
        let (from, to) = (self.at.min(at), self.at.max(at));
        let n = line_ends(self.bytes, from, to);
        #[cfg(test)]
        {
            self.scanned += to - from;
        }
        self.ends = if at < self.at {
            self.ends.saturating_sub(n)
        } else {
            self.ends.saturating_add(n)
        };
        self.at = at;
        line_number(self.ends)
    }
}

#[cfg(test)]
mod tests {
    use super::accession_from_path;

    #[test]
    fn past_a_thousand_warnings_the_rest_are_counted() {
        use super::{list_at_most, Diagnostic};
        let mut few: Vec<Diagnostic> = (0..1000).map(|i| Diagnostic::new(Some(i), "w")).collect();
        list_at_most(&mut few);
        assert_eq!(few.len(), 1000);
        let mut many: Vec<Diagnostic> = (0..2500).map(|i| Diagnostic::new(Some(i), "w")).collect();
        list_at_most(&mut many);
        assert_eq!(many.len(), 1001);
        assert_eq!(many[999].line, Some(999));
        assert_eq!(
            many[1000],
            Diagnostic::counting(
                1500,
                "1500 more warnings are not listed: only the first 1000 of a document are"
            )
        );
    }

    #[test]
    fn lines_end_in_lf_crlf_or_a_bare_cr() {
        use super::line_at;
        assert_eq!(line_at(b"a\nb\rc\r\nd", 9), 4);
        assert_eq!(line_at(b"a\r\nb", 3), 2);
        assert_eq!(line_at(b"abc", 2), 1);
    }

    #[test]
    fn a_line_counter_agrees_with_line_at_and_counts_only_the_distance() {
        use super::{line_at, LineCounter};
        let text = b"a\nb\rc\r\nd\r\r\ne\n";
        let mut lines = LineCounter::new(text);
        for at in [0, 3, 4, 5, 2, 9, 6, 10, 11, 12, 40, 1, 0] {
            assert_eq!(lines.line_at(at), line_at(text, at), "offset {at}");
        }
        // Many questions in order over a long text look at each byte once.
        let long = "x\r".repeat(10_000);
        let mut lines = LineCounter::new(long.as_bytes());
        for (n, at) in (0..long.len()).step_by(2).enumerate() {
            assert_eq!(lines.line_at(at), n as u32 + 1);
        }
        assert!(
            lines.scanned <= long.len(),
            "{} bytes looked at",
            lines.scanned
        );
    }

    #[test]
    fn accession_from_edgar_archive_paths() {
        let a = |p: &str| accession_from_path(p).map(|t| t.to_string());
        assert_eq!(
            a("x/0001127602-25-001055.xml").as_deref(),
            Some("0001127602-25-001055")
        );
        assert_eq!(
            a("edgar/data/1/000089924320034355/doc4.xml").as_deref(),
            Some("0000899243-20-034355")
        );
        assert_eq!(a("filings/apple-form4.xml"), None);
        assert_eq!(a("123456789012345678901.xml"), None);
    }
}

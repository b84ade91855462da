//! Telling a file's format from its first bytes, never from its name.

/// The formats the readers understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// A bare `ownershipDocument` XML file.
    OwnershipXml,
    /// A full EDGAR submission (`<SEC-DOCUMENT>`), possibly PEM-wrapped.
    Submission,
    /// A dissemination-feed submission (`<SUBMISSION>`, the `.nc` form).
    FeedSubmission,
    /// A zip archive: a quarter of the Insider Transactions Data Sets.
    Zip,
    /// EDGAR's HTML rendering of a form, as served or saved by a browser.
    RenderedHtml,
    /// The printed form as text or markdown (from a PDF or a print), or a typed form.
    RenderedText,
    /// Not a filing this program reads; the text says what it looks like.
    Unknown(&'static str),
}

/// How many leading bytes are looked at.
const HEAD: usize = 8192;

/// Tells the format of a file from its leading bytes.
pub fn sniff(bytes: &[u8]) -> Format {
    if bytes.is_empty() {
        return Format::Unknown("the file is empty");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Format::Zip;
    }
    let head = bytes.get(..HEAD).unwrap_or(bytes);
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = head.get(start..).unwrap_or_default();
    if rest.is_empty() {
        return Format::Unknown("the file holds only white space");
    }
    let has = |needle: &[u8]| memchr::memmem::find(head, needle).is_some();
    if rest.starts_with(b"-----BEGIN PRIVACY-ENHANCED MESSAGE")
        || rest.starts_with(b"<SEC-DOCUMENT")
        || rest.starts_with(b"<SEC-HEADER")
        || rest.starts_with(b"<IMS-DOCUMENT")
    {
        return Format::Submission;
    }
    if rest.starts_with(b"<SUBMISSION>") {
        return Format::FeedSubmission;
    }
    if rest.starts_with(b"<?xml")
        || rest.starts_with(b"<ownershipDocument")
        || rest.starts_with(b"<")
    {
        if has(b"<SEC-DOCUMENT") {
            return Format::Submission;
        }
        if has(b"<ownershipDocument") || rest.starts_with(b"<?xml") && has(b"ownershipDocument") {
            return Format::OwnershipXml;
        }
        if has(b"<html") || has(b"<HTML") || has(b"<!DOCTYPE html") {
            if names_form_boxes(bytes) {
                return Format::RenderedHtml;
            }
            return Format::Unknown("an HTML page");
        }
        if rest.starts_with(b"<?xml") {
            // Other XML goes to the XML reader, which names the root element it found.
            return Format::OwnershipXml;
        }
        if names_form_boxes(bytes) {
            return Format::RenderedText;
        }
        return Format::Unknown("markup that is not an ownership filing");
    }
    let controls = rest
        .iter()
        .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b))
        .count();
    if controls * 10 > rest.len().min(HEAD) {
        return Format::Unknown("binary data");
    }
    if names_form_boxes(bytes) {
        return Format::RenderedText;
    }
    Format::Unknown("text that is not an ownership filing")
}

/// How far into a file the labels of a printed form are looked for: a saved page can
/// carry long style sheets and scripts before its first box.
pub const FORM_HEAD: usize = 65536;

/// True when the first [`FORM_HEAD`] bytes name box 1 of a Form 3, 4 or 5 and one other
/// part of it (box 2 or a table), ignoring case and how the words are spaced: a page
/// re-wrapped at 80 columns breaks a label across lines.
fn names_form_boxes(bytes: &[u8]) -> bool {
    let mut head = Vec::with_capacity(bytes.len().min(FORM_HEAD));
    for &b in bytes.get(..FORM_HEAD).unwrap_or(bytes) {
        if b.is_ascii_whitespace() {
            if head.last() != Some(&b' ') {
                head.push(b' ');
            }
        } else {
            head.push(b.to_ascii_lowercase());
        }
    }
    let has = |needle: &[u8]| memchr::memmem::find(&head, needle).is_some();
    has(b"name and address of reporting person")
        && (has(b"issuer name") || has(b"table i") || has(b"non-derivative securities"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(
            sniff(b"\n <?xml version=\"1.0\"?>\n<ownershipDocument>"),
            Format::OwnershipXml
        );
        assert_eq!(sniff(b"<ownershipDocument>"), Format::OwnershipXml);
        assert_eq!(sniff(b"<SEC-DOCUMENT>0001-25.txt"), Format::Submission);
        assert_eq!(
            sniff(b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----"),
            Format::Submission
        );
        assert_eq!(
            sniff(b"<SUBMISSION>\n<ACCESSION-NUMBER>"),
            Format::FeedSubmission
        );
        assert!(matches!(sniff(b""), Format::Unknown(_)));
        assert!(matches!(
            sniff(&[0u8, 1, 2, 3, 200, 7]),
            Format::Unknown("binary data")
        ));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><foo/>"),
            Format::OwnershipXml
        );
        assert!(matches!(
            sniff(b"<!DOCTYPE html><html>"),
            Format::Unknown(_)
        ));
        assert_eq!(sniff(b"PK\x03\x04rest"), Format::Zip);
        let form = b"1. Name and Address of Reporting Person*\n2. Issuer Name and Ticker";
        assert_eq!(sniff(form), Format::RenderedText);
        let mut page = b"<!DOCTYPE html><html><body>".to_vec();
        page.extend_from_slice(form);
        assert_eq!(sniff(&page), Format::RenderedHtml);
        assert!(matches!(
            sniff(b"<html><body>Form 3, 4 and 5 data sets: Table I</body></html>"),
            Format::Unknown(_)
        ));
        let wrapped =
            b"<html><body>1. Name and Address of\n   Reporting Person*\n2. Issuer\r\nName";
        assert_eq!(sniff(wrapped), Format::RenderedHtml);
    }
}

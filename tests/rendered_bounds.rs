//! Printed forms far past any real one: a document of more than a mebibyte is refused,
//! a filing keeps at most `MAX_FILING_ITEMS` rows whichever way its tables are laid
//! out, and text wrapped under a row stops growing past a bound. Each bound is named in
//! a warning or an error; what is within it reads as usual.

use insider_tui::load::load_bytes;
use insider_tui::model::{Filing, Text};
use insider_tui::parse::rendered::MAX_FORM_BYTES;
use insider_tui::parse::MAX_FILING_ITEMS;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rendered")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// `base` with `blob` put before (or after) the first `marker`.
fn insert(base: &str, marker: &str, blob: &str, after: bool) -> String {
    let at = base.find(marker).unwrap() + if after { marker.len() } else { 0 };
    format!("{}{blob}{}", &base[..at], &base[at..])
}

/// The one filing read from `text` and the load's messages.
fn read(text: &str) -> (Filing, Vec<String>) {
    let (mut filings, issues) = load_bytes(&Text::from("form.txt"), text.as_bytes());
    assert_eq!(filings.len(), 1, "{issues:?}");
    (
        filings.remove(0),
        issues.iter().map(|i| i.to_string()).collect(),
    )
}

const PDF_TEXT: &str = "pdftext-form4-spaces-footnoted-units.txt";
/// A holding row of the PDF text's Table I.
const HOLDING: &str =
    " Common Stock                                                                                                          12,000";

#[test]
fn a_document_past_a_mebibyte_is_refused() {
    let mut text = fixture(PDF_TEXT);
    text.push_str(&"\n".repeat(MAX_FORM_BYTES));
    let (filings, issues) = load_bytes(&Text::from("form.txt"), text.as_bytes());
    assert!(filings.is_empty());
    assert_eq!(issues.len(), 1);
    assert!(
        issues[0]
            .message
            .contains("far beyond any real one (at most 1024 KiB are read): not read"),
        "{}",
        issues[0]
    );
}

#[test]
fn loose_rows_past_the_bound_are_left_out() {
    let text = insert(
        &fixture(PDF_TEXT),
        HOLDING,
        &"1\n".repeat(MAX_FILING_ITEMS + 5),
        false,
    );
    let (filing, warnings) = read(&text);
    assert_eq!(filing.rows.len(), MAX_FILING_ITEMS);
    assert!(
        warnings
            .iter()
            .any(|w| w
                .contains("Table I: more than 10000 rows in the filing: the rest are left out")),
        "{warnings:?}"
    );
}

#[test]
fn ruled_and_record_rows_past_the_bound_are_left_out() {
    let typed = fixture("typed-1999-form4-wrapped-table2.txt");
    let row = "|Common Stock        |         |      |   |          |    |         |24,000      |I       |By Hartley Family|\n";
    let ruled = insert(
        &typed,
        row,
        &"||||||||1|||\n".repeat(MAX_FILING_ITEMS + 5),
        false,
    );
    let records = insert(
        &fixture("form-view-joint-8-owners-records.txt"),
        "or Beneficially Owned\n",
        &"Line 1 (holding)\n".repeat(MAX_FILING_ITEMS + 5),
        true,
    );
    for text in [ruled, records] {
        let (filing, warnings) = read(&text);
        assert_eq!(filing.rows.len(), MAX_FILING_ITEMS);
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("more than 10000 rows in the filing")),
            "{warnings:?}"
        );
    }
}

#[test]
fn text_wrapped_under_a_row_stops_at_its_bound() {
    let text = insert(&fixture(PDF_TEXT), HOLDING, &" ab\n".repeat(5_000), true);
    let (filing, warnings) = read(&text);
    let title = filing
        .rows
        .iter()
        .filter_map(|r| r.security_title.value.as_deref())
        .map(str::len)
        .max()
        .unwrap();
    assert!((2_000..2_100).contains(&title), "{title}");
    assert!(
        warnings
            .iter()
            .any(|w| w
                .contains("a text wrapped over more than 2000 characters: the rest is left out")),
        "{warnings:?}"
    );
}

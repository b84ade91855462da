//! Snapshots of the JSON and CSV exports of real filings: any change to what a user gets
//! out of the tool shows up as a reviewed diff.

mod common;

use insider_tui::export::{write, ExportFormat, ExportTable};
use insider_tui::load::load_file;
use insider_tui::model::Filing;

fn real(rel: &str) -> Option<Filing> {
    let dir = common::shared_filings()?;
    let (mut filings, _) = load_file(&dir.join(rel));
    let mut f = filings.pop()?;
    // The checkout's location must not reach the snapshot.
    f.source.path = rel.into();
    Some(f)
}

fn export(f: &Filing, format: ExportFormat, table: ExportTable) -> String {
    let mut out = Vec::new();
    write([f], format, table, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn json_of_real_filings() {
    for (name, rel) in [
        (
            "wd40_footnote_only_price",
            "xml/wd40-form4-x0306-withholding-footnote-only-price.xml",
        ),
        (
            "unity_total_value_notes",
            "xml/unity-form4-x0306-botha-convertible-notes-purchase.xml",
        ),
        (
            "linkedin_joint_form3",
            "xml/linkedin-form3-x0203-hoffman-and-trust-joint.xml",
        ),
        (
            "arrow_feed_submission",
            "submissions/arrow-form4-x0508-feed-nc-cr-eol-0001127602-25-004598.nc",
        ),
    ] {
        let Some(f) = real(rel) else { return };
        let json = export(&f, ExportFormat::Json, ExportTable::Transactions);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        insta::assert_snapshot!(name, serde_json::to_string_pretty(&value).unwrap());
    }
}

#[test]
fn csv_transactions_of_a_real_filing() {
    let Some(f) = real("xml/apple-form4-x0609-borders-rsu-footnote-only-price.xml") else {
        return;
    };
    insta::assert_snapshot!(export(&f, ExportFormat::Csv, ExportTable::Transactions));
}

//! Round trip: synthetic filings written as ownership XML read back as the same filings.

use std::fs;
use std::path::Path;

use insider_tui::model::{Filing, Text};
use insider_tui::parse::sniff::{sniff, Format};
use insider_tui::parse::xml::parse;
use insider_tui::synth::{generate, SynthOptions};
use insider_tui::write::xml::to_xml;

const OPTIONS: SynthOptions = SynthOptions {
    seed: 2024,
    filings: 2_000,
};

/// What a bare XML document can carry of `f`: everything but the identifiers EDGAR
/// adds (accession, filing date, acceptance time) and the header-only issuer data.
fn xml_view(f: &Filing) -> Filing {
    let mut f = f.clone();
    f.accession_number = None;
    f.filing_date = None;
    f.acceptance_datetime = None;
    f.issuer.sic = None;
    f.issuer.state_of_incorporation = None;
    f
}

#[test]
fn generated_filings_read_back_unchanged() {
    let path: Text = "roundtrip.xml".into();
    for (i, original) in generate(&OPTIONS).enumerate() {
        let xml = to_xml(&original);
        let (mut read, _) =
            parse(&xml, &path, 1).unwrap_or_else(|e| panic!("filing {i} not read: {e}\n{xml}"));
        let expected = xml_view(&original);
        // Where the reader found things is not part of the filing written.
        read.source = expected.source.clone();
        for row in &mut read.rows {
            row.line = None;
        }
        assert_eq!(
            read, expected,
            "filing {i} changed in the round trip:\n{xml}"
        );
    }
}

#[test]
fn generated_documents_read_without_warnings() {
    let path: Text = "roundtrip.xml".into();
    for (i, original) in generate(&OPTIONS).take(500).enumerate() {
        let xml = to_xml(&original);
        let (_, warnings) =
            parse(&xml, &path, 1).unwrap_or_else(|e| panic!("filing {i} not read: {e}\n{xml}"));
        assert!(warnings.is_empty(), "filing {i}: {warnings:?}\n{xml}");
    }
}

/// Row lines say where the reader found a row; they differ between two texts of one filing.
fn without_lines(mut f: Filing) -> Filing {
    for row in &mut f.rows {
        row.line = None;
    }
    f
}

#[test]
fn bundled_samples_survive_writing_and_reading_again() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = fs::read(&path).unwrap();
        if sniff(&bytes) != Format::OwnershipXml {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let label: Text = path.display().to_string().into();
        let (first, _) =
            parse(&text, &label, 1).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let first = without_lines(first);
        let xml = to_xml(&first);
        let (mut second, _) = parse(&xml, &label, 1)
            .unwrap_or_else(|e| panic!("{} rewritten: {e}\n{xml}", path.display()));
        second.source = first.source.clone();
        assert_eq!(
            without_lines(second),
            first,
            "{} changed when rewritten:\n{xml}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} bare XML samples in assets/");
}

#[test]
fn generation_is_deterministic_for_a_seed() {
    let xml = |seed| -> Vec<String> {
        generate(&SynthOptions { seed, filings: 200 })
            .map(|f| to_xml(&f))
            .collect()
    };
    let first = xml(9);
    assert_eq!(first, xml(9));
    assert_ne!(first, xml(10));
}

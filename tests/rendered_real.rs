//! The printed-form readers on real and hand-written renderings: the seed reads to its
//! known values, each EDGAR HTML rendering reads to the same values as its XML twin, the
//! fixtures of `tests/fixtures/rendered/` read correctly, and damaged text gives
//! warnings, never a panic.

mod common;
mod rendered_support;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use insider_tui::model::{
    AcquiredDisposed, DirectIndirect, Filing, RowKind, SourceKind, Table, TransactionCode,
};
use insider_tui::parse::rendered::{parse_html, parse_text};

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rendered")
        .join(name)
}

fn load_one(path: &Path) -> Filing {
    let (mut filings, issues) = insider_tui::load::load_file(path);
    assert!(
        issues
            .iter()
            .all(|i| i.severity == insider_tui::parse::diag::Severity::Warning),
        "{issues:?}"
    );
    assert_eq!(filings.len(), 1);
    filings.remove(0)
}

fn notes(ids: &insider_tui::model::FootnoteIds) -> Vec<&str> {
    ids.iter().map(|i| i.as_str()).collect()
}

#[test]
fn the_seed_reads_to_its_known_values() {
    let Some(dir) = common::shared_filings() else {
        return;
    };
    let seed = dir.join("../seeds/000_d05cd858b57e4433.txt");
    let f = load_one(&seed);
    assert_eq!(f.source.kind, SourceKind::RenderedText);
    assert_eq!(f.document_type.as_str(), "4");
    let o = &f.owners[0];
    assert_eq!(f.owners.len(), 1);
    assert_eq!(o.name.as_deref(), Some("CARUSO JAMES V"));
    assert_eq!(
        o.address.street1.as_deref(),
        Some("C/O CELLECTAR BIOSCIENCES, INC.")
    );
    assert_eq!(o.address.street2.as_deref(), Some("3301 AGRICULTURE DRIVE"));
    assert_eq!(o.address.city.as_deref(), Some("MADISON"));
    assert_eq!(o.address.state.as_deref(), Some("WI"));
    assert_eq!(o.address.zip.as_deref(), Some("53716"));
    assert_eq!(
        f.issuer.name.as_deref(),
        Some("Cellectar Biosciences, Inc.")
    );
    assert_eq!(f.issuer.trading_symbol.as_deref(), Some("CLRB"));
    assert_eq!(f.period_of_report, day(2018, 3, 12));
    let r = &o.relationship;
    assert!(r.is_director && r.is_officer && !r.is_ten_percent_owner && !r.is_other);
    assert_eq!(r.officer_title.as_deref(), Some("President and CEO"));
    assert_eq!(f.rows.len(), 1);
    let row = &f.rows[0];
    assert_eq!(
        (row.table, row.kind),
        (Table::NonDerivative, RowKind::Transaction)
    );
    assert_eq!(row.security_title.value.as_deref(), Some("Common Stock"));
    assert_eq!(row.transaction_date.value, day(2018, 3, 12));
    assert_eq!(row.code(), Some(&TransactionCode::S));
    assert_eq!(notes(&row.coding.as_ref().unwrap().footnotes), ["F1"]);
    assert_eq!(row.shares.value.unwrap().to_string(), "34000");
    assert_eq!(
        row.acquired_disposed.value,
        Some(AcquiredDisposed::Disposed)
    );
    assert_eq!(row.price_per_share.value.unwrap().to_string(), "1.1972");
    assert_eq!(notes(&row.price_per_share.footnotes), ["F2"]);
    assert_eq!(
        row.shares_owned_following.value.unwrap().to_string(),
        "213548"
    );
    assert_eq!(row.direct_indirect.value, Some(DirectIndirect::Direct));
    assert_eq!(f.footnotes.len(), 2);
    assert_eq!(
        f.footnotes[0].text.as_ref(),
        "The sales reported in this Form 4 were effected pursuant to a Rule 10b5-1 trading plan \
         adopted by the reporting person on November 29, 2017 to satisfy tax withholding \
         obligations upon vesting of restricted stock."
    );
    assert!(f.footnotes[1].text.starts_with(
        "The price reported in Column 4 of Line 1 with respect to the 34,000 shares sold on March \
         12, 2018 is a weighted average price. These shares were sold in multiple transactions at \
         prices ranging from $1.17 to $1.26."
    ));
    assert!(f.footnotes[1]
        .text
        .ends_with("set forth in Footnote (2) to this Form 4."));
    assert_eq!(f.signatures.len(), 1);
    assert_eq!(
        f.signatures[0].name.as_ref(),
        "/s/ Christina Blakley, attorney-in-fact for James Caruso"
    );
    assert_eq!(f.signatures[0].date, day(2018, 3, 14));
}

#[test]
fn html_renderings_read_as_their_xml_twins() {
    let Some(dir) = common::shared_filings() else {
        return;
    };
    for (html, xml) in [
        (
            "374water-form4-melkote-rsu-and-option-edgar-xsl.html",
            "374water-form4-x0508-rsu-grant.xml",
        ),
        (
            "snowflake-form5-mcmahon-gift-edgar-xsl.html",
            "snow-form5-x0306.xml",
        ),
    ] {
        let text = std::fs::read_to_string(dir.join("rendered").join(html)).unwrap();
        let (got, _) = parse_html(&text, &html.into()).unwrap();
        let xml_text = std::fs::read_to_string(dir.join("xml").join(xml)).unwrap();
        let (want, _) = insider_tui::parse::xml::parse(&xml_text, &xml.into(), 1).unwrap();
        rendered_support::assert_same(&want, &got, html);
        // The page's links also carry the CIKs.
        assert_eq!(got.issuer.cik, want.issuer.cik);
        assert_eq!(got.owners[0].cik, want.owners[0].cik);
    }
}

#[test]
fn a_typed_1999_form4_reads_from_its_submission() {
    let f = load_one(&fixture("typed-1999-form4-wrapped-table2.txt"));
    assert_eq!(f.source.kind, SourceKind::TypedText);
    assert_eq!(f.accession_number.as_deref(), Some("0000950134-99-002871"));
    assert_eq!(f.filing_date, day(1999, 4, 6));
    assert_eq!(f.issuer.cik.as_deref(), Some("0000898765"));
    assert_eq!(
        f.issuer.name.as_deref(),
        Some("Northwind Semiconductor Corporation")
    );
    assert_eq!(f.issuer.trading_symbol.as_deref(), Some("NWSC"));
    assert_eq!(f.period_of_report, day(1999, 3, 31));
    let o = &f.owners[0];
    assert_eq!(o.cik.as_deref(), Some("0001012345"));
    assert_eq!(o.name.as_deref(), Some("Hartley William R."));
    assert_eq!(
        o.address.street2.as_deref(),
        Some("4200 Technology Parkway")
    );
    assert_eq!(
        (o.address.city.as_deref(), o.address.zip.as_deref()),
        (Some("Austin"), Some("78759"))
    );
    assert_eq!(
        o.relationship.officer_title.as_deref(),
        Some("President and Chief Executive Officer")
    );
    assert!(o.relationship.is_director && !o.relationship.is_other);
    assert_eq!(f.flags.not_subject_to_section16, Some(false));
    let t1: Vec<_> = f
        .rows
        .iter()
        .filter(|r| r.table == Table::NonDerivative)
        .collect();
    let t2: Vec<_> = f
        .rows
        .iter()
        .filter(|r| r.table == Table::Derivative)
        .collect();
    assert_eq!((t1.len(), t2.len()), (3, 2));
    assert_eq!(t1[0].transaction_date.value, day(1999, 3, 2));
    assert_eq!(t1[1].price_per_share.value.unwrap().to_string(), "48.125");
    assert_eq!(t1[2].kind, RowKind::Holding);
    assert_eq!(
        t1[2].nature_of_ownership.value.as_deref(),
        Some("By Hartley Family Trust")
    );
    assert_eq!(notes(&t1[2].nature_of_ownership.footnotes), ["F1"]);
    // The wrapped Table II rows: title and underlying title over several lines, a marker
    // wrapped under its date.
    assert_eq!(
        t2[0].security_title.value.as_deref(),
        Some("Employee Stock Option (right to buy)")
    );
    let d0 = t2[0].derivative.as_deref().unwrap();
    assert_eq!(d0.underlying_title.value.as_deref(), Some("Common Stock"));
    assert_eq!(notes(&d0.exercise_date.footnotes), ["F2"]);
    assert_eq!(
        t2[0].acquired_disposed.value,
        Some(AcquiredDisposed::Disposed)
    );
    assert_eq!(d0.expiration_date.value, day(2007, 1, 15));
    let d1 = t2[1].derivative.as_deref().unwrap();
    assert_eq!(d1.exercise_date.value, day(2000, 3, 15));
    assert_eq!(notes(&d1.exercise_date.footnotes), ["F3"]);
    assert_eq!(
        t2[1].acquired_disposed.value,
        Some(AcquiredDisposed::Acquired)
    );
    assert_eq!(
        t2[1].shares_owned_following.value.unwrap().to_string(),
        "25000"
    );
    assert_eq!(f.footnotes.len(), 3);
    assert!(f.footnotes[2].text.ends_with("beginning March 15, 2000."));
    assert_eq!(f.signatures[0].name.as_ref(), "/s/ William R. Hartley");
    assert_eq!(f.signatures[0].date, day(1999, 4, 5));
}

#[test]
fn pdf_text_with_spaces_and_several_markers_on_one_value() {
    let f = load_one(&fixture("pdftext-form4-spaces-footnoted-units.txt"));
    assert_eq!(
        f.owners[0].relationship.officer_title.as_deref(),
        Some("Chief Financial Officer")
    );
    assert_eq!(f.owners[0].address.city.as_deref(), Some("OAKLAND"));
    assert_eq!(f.issuer.trading_symbol.as_deref(), Some("BGSI"));
    assert_eq!(f.rows.len(), 4);
    assert_eq!(f.rows[1].price_per_share.value.unwrap().to_string(), "40.9");
    assert_eq!(
        f.rows[2].nature_of_ownership.value.as_deref(),
        Some("By Spouse")
    );
    let units = &f.rows[3];
    assert_eq!(
        units.security_title.value.as_deref(),
        Some("Restricted Stock Units")
    );
    let d = units.derivative.as_deref().unwrap();
    assert_eq!(notes(&d.exercise_date.footnotes), ["F4", "F5", "F6"]);
    assert_eq!(notes(&d.expiration_date.footnotes), ["F4", "F5", "F6"]);
    assert_eq!(notes(&d.conversion_or_exercise_price.footnotes), ["F4"]);
    // Plain text cannot tell the (A) column from the (D) one: left empty, not guessed.
    assert_eq!(units.acquired_disposed.value, None);
    assert_eq!(units.shares.value.unwrap().to_string(), "2500");
    assert_eq!(f.footnotes.len(), 6);
    assert!(f.footnotes[1].text.ends_with("$41.66, inclusive."));
    assert_eq!(f.remarks.as_deref(), Some("Exhibit 24 - Power of Attorney"));
    assert_eq!(f.signatures[0].date, day(2022, 11, 16));
}

#[test]
fn a_form3_of_holdings_in_tab_separated_markdown() {
    let f = load_one(&fixture("markdown-form3-tabs-holdings.md"));
    assert_eq!(f.document_type.as_str(), "3");
    assert_eq!(f.period_of_report, day(2023, 8, 1));
    assert_eq!(
        f.owners[0].relationship.officer_title.as_deref(),
        Some("Chief Scientific Officer")
    );
    assert_eq!(f.owners[0].address.zip.as_deref(), Some("02472"));
    assert_eq!(f.flags.no_securities_owned, Some(false));
    assert!(f.rows.iter().all(|r| r.kind == RowKind::Holding));
    assert_eq!(f.rows.len(), 4);
    assert_eq!(
        f.rows[1].nature_of_ownership.value.as_deref(),
        Some("By Varga Family Foundation")
    );
    let pref = &f.rows[3];
    assert_eq!(
        pref.security_title.value.as_deref(),
        Some("Series A Convertible Preferred Stock")
    );
    let d = pref.derivative.as_deref().unwrap();
    assert_eq!(notes(&d.exercise_date.footnotes), ["F4"]);
    assert_eq!(notes(&d.expiration_date.footnotes), ["F4"]);
    assert_eq!(d.underlying_shares.value.unwrap().to_string(), "12500");
    let opt = f.rows[2].derivative.as_deref().unwrap();
    assert_eq!(
        opt.conversion_or_exercise_price.value.unwrap().to_string(),
        "7.85"
    );
    assert_eq!(f.footnotes.len(), 4);
    assert_eq!(f.signatures[0].date, day(2023, 8, 3));
}

#[test]
fn damaged_text_gives_warnings_not_panics() {
    let Some(dir) = common::shared_filings() else {
        return;
    };
    let seed = std::fs::read_to_string(dir.join("../seeds/000_d05cd858b57e4433.txt")).unwrap();
    let typed = std::fs::read_to_string(fixture("typed-1999-form4-wrapped-table2.txt")).unwrap();
    let path = "damaged".into();
    for text in [&seed, &typed] {
        // Truncated anywhere.
        for (i, _) in text.char_indices().step_by(97) {
            let _ = parse_text(&text[..i], &path);
            let _ = insider_tui::parse::submission::parse(&text[..i], &path);
        }
        // Lines shuffled (reversed, then interleaved).
        let lines: Vec<&str> = text.lines().collect();
        let reversed: Vec<&str> = lines.iter().rev().copied().collect();
        let _ = parse_text(&reversed.join("\n"), &path);
        let mut odd: Vec<&str> = lines.iter().step_by(2).copied().collect();
        odd.extend(lines.iter().skip(1).step_by(2));
        let _ = parse_text(&odd.join("\n"), &path);
    }
    // A missing Table I is a warning, the rest still read.
    let no_table: String = seed
        .lines()
        .filter(|l| !l.contains("Table I") && !l.starts_with("Common"))
        .collect::<Vec<_>>()
        .join("\n");
    let (f, w) = parse_text(&no_table, &path).unwrap();
    assert!(w.iter().any(|d| d.message.contains("no Table I")), "{w:?}");
    assert_eq!(f.issuer.trading_symbol.as_deref(), Some("CLRB"));
    assert!(parse_text("hello\nworld\n", &path).is_err());
    assert!(parse_html("<html><body><p>nothing</p></body></html>", &path).is_err());
}

#[test]
fn check_reads_every_real_folder_without_errors() {
    let Some(dir) = common::shared_filings() else {
        return;
    };
    let mut out = Vec::new();
    let failed = insider_tui::check::run(&[dir.clone(), fixture("")], &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(!failed, "{text}");
    assert!(text.contains(" 0 errors"), "{text}");
    // The renderings and the fixtures were read, not passed over.
    let report = insider_tui::load::load(&[dir.join("rendered"), fixture("")], false);
    let fixtures = std::fs::read_dir(fixture("")).unwrap().count();
    assert_eq!(report.filings.len(), 2 + fixtures);
}

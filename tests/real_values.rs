//! Real values read from real filings of the shared corpus, field by field.

mod common;

use chrono::NaiveDate;
use insider_tui::load::load_file;
use insider_tui::model::{
    AcquiredDisposed, DirectIndirect, Filing, FormType, Table, Timeliness, TransactionCode,
};
use rust_decimal::Decimal;

fn read(rel: &str) -> Option<Filing> {
    let dir = common::shared_filings()?;
    let (mut filings, issues) = load_file(&dir.join(rel));
    assert!(issues.is_empty(), "{rel}: {issues:?}");
    assert_eq!(filings.len(), 1, "{rel}");
    filings.pop()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ids(f: &insider_tui::model::FootnoteIds) -> Vec<&str> {
    f.iter().map(|i| i.as_str()).collect()
}

#[test]
fn seven_owner_joint_form3_keeps_every_owner_and_role() {
    let Some(f) = read("xml/blacksky-form3-x0206-seven-owners-funds.xml") else {
        return;
    };
    assert_eq!(f.document_type, FormType::Form3);
    let names: Vec<&str> = f.owners.iter().filter_map(|o| o.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            "Mithril GP LP",
            "Mithril LP",
            "Mithril II UGP LLC",
            "Mithril II GP LP",
            "MITHRIL II LP",
            "Royan Ajay",
            "THIEL PETER"
        ]
    );
    for o in &f.owners {
        assert!(o.relationship.is_ten_percent_owner);
        assert!(!o.relationship.is_director && !o.relationship.is_officer);
    }
    assert_eq!(f.signatures.len(), 7);
}

#[test]
fn person_and_trust_joint_owners_have_their_own_roles() {
    let Some(f) = read("xml/linkedin-form3-x0203-hoffman-and-trust-joint.xml") else {
        return;
    };
    assert_eq!(f.schema_version.as_deref(), Some("X0203"));
    assert_eq!(f.issuer.cik.as_deref(), Some("0001271024"));
    assert_eq!(f.issuer.name.as_deref(), Some("LINKEDIN CORP"));
    assert_eq!(f.issuer.ticker().as_deref(), Some("LNKD"));
    let [reid, trust] = f.owners.as_slice() else {
        panic!("two owners expected")
    };
    assert_eq!(reid.cik.as_deref(), Some("0001519339"));
    assert!(reid.relationship.is_director && reid.relationship.is_ten_percent_owner);
    assert_eq!(
        trust.name.as_deref(),
        Some("Reid Hoffman & Michelle Yee Living Trust")
    );
    assert!(!trust.relationship.is_director && trust.relationship.is_ten_percent_owner);
}

#[test]
fn footnote_only_price_keeps_its_footnote_and_has_no_value() {
    let Some(f) = read("xml/wd40-form4-x0306-withholding-footnote-only-price.xml") else {
        return;
    };
    let r = &f.rows[0];
    assert_eq!(r.table, Table::NonDerivative);
    assert_eq!(r.transaction_date.value, Some(date("2021-10-22")));
    assert_eq!(r.code(), Some(&TransactionCode::F));
    assert_eq!(r.shares.value, Some(dec("2032")));
    assert_eq!(ids(&r.shares.footnotes), ["F1"]);
    assert_eq!(r.price_per_share.value, None);
    assert!(r.price_per_share.is_footnote_only());
    assert_eq!(ids(&r.price_per_share.footnotes), ["F1"]);
    assert_eq!(r.acquired_disposed.value, Some(AcquiredDisposed::Disposed));
    assert_eq!(r.shares_owned_following.value, Some(dec("66340.648")));
    assert_eq!(r.direct_indirect.value, Some(DirectIndirect::Direct));
    assert!(f.footnote(&r.price_per_share.footnotes[0]).is_some());
}

#[test]
fn notes_reported_by_dollar_value_keep_total_value() {
    let Some(f) = read("xml/unity-form4-x0306-botha-convertible-notes-purchase.xml") else {
        return;
    };
    let r = &f.rows[0];
    assert_eq!(r.table, Table::Derivative);
    assert_eq!(r.code(), Some(&TransactionCode::P));
    assert_eq!(r.shares.value, None);
    assert_eq!(r.total_value.value, Some(dec("60000000")));
    assert_eq!(r.price_per_share.value, Some(dec("60000000")));
    assert_eq!(r.value_owned_following.value, Some(dec("60000000")));
    assert_eq!(r.shares_owned_following.value, None);
}

#[test]
fn aff10b5one_absent_is_unknown_false_is_false_true_is_true() {
    let Some(absent) = read("xml/wd40-form4-x0306-withholding-footnote-only-price.xml") else {
        return;
    };
    assert_eq!(absent.flags.aff10b5_one, None);
    let no = read("xml/17-education-form4-x0609-non-us-owner-ads.xml").unwrap();
    assert_eq!(no.flags.aff10b5_one, Some(false));
    let yes = read("xml/apple-form4-x0609-borders-rsu-footnote-only-price.xml").unwrap();
    assert_eq!(yes.flags.aff10b5_one, Some(true));
    let one = read("xml/draftkings-form4-x0508-10b5-1-sales.xml").unwrap();
    assert_eq!(one.flags.aff10b5_one, Some(true));
}

#[test]
fn x0609_non_us_owner_address_and_entities() {
    let Some(f) = read("xml/17-education-form4-x0609-non-us-owner-ads.xml") else {
        return;
    };
    assert_eq!(
        f.issuer.foreign_trading_symbol, None,
        "empty element is absent"
    );
    let a = &f.owners[0].address;
    assert_eq!(a.is_non_us, Some(true));
    assert_eq!(a.city.as_deref(), Some("BEIJING"));
    assert_eq!(a.country.as_deref(), Some("F4"));
    assert_eq!(a.state_description.as_deref(), Some("CHINA"));
    assert_eq!(a.non_us_state_territory, None);
    let r = &f.rows[0];
    assert_eq!(
        r.security_title.value.as_deref(),
        Some("American depositary shares")
    );
    assert_eq!(r.price_per_share.value, Some(dec("2.3788")));
    assert_eq!(r.shares_owned_following.value, Some(dec("112848")));
    assert_eq!(
        r.nature_of_ownership.value.as_deref(),
        Some("By Future Glory Technology Holdings Limited")
    );
}

#[test]
fn not_subject_to_section16_and_other_text() {
    let Some(f) = read("xml/hippo-form4-x0306-not-subject-to-section16.xml") else {
        return;
    };
    assert_eq!(f.flags.not_subject_to_section16, Some(true));
    let rel = &f.owners[0].relationship;
    assert!(rel.is_other);
    assert_eq!(
        rel.other_text.as_deref(),
        Some("Former Director and 10% Owner")
    );
}

#[test]
fn timeliness_early_is_read() {
    let Some(f) = read("xml/eventbrite-form4-x0306-timeliness-early.xml") else {
        return;
    };
    let tx: Vec<_> = f
        .rows
        .iter()
        .filter(|r| r.kind == insider_tui::model::RowKind::Transaction)
        .collect();
    assert_eq!(tx.len(), 4);
    assert!(tx
        .iter()
        .all(|r| r.timeliness.value == Some(Timeliness::Early)));
    assert!(tx.iter().all(|r| r.code() == Some(&TransactionCode::J)));
}

#[test]
fn dates_with_zones_keep_the_calendar_date() {
    let Some(f) = read("xml/biocorrx-form4-x0306-textual-booleans.xml") else {
        return;
    };
    assert_eq!(f.period_of_report, Some(date("2021-09-30")));
    assert_eq!(f.rows[0].transaction_date.value, Some(date("2021-09-30")));
    assert_eq!(f.signatures[0].date, Some(date("2021-10-26")));
}

#[test]
fn eight_signatures_of_a_softbank_joint_filing() {
    let Some(f) = read("xml/better-home-form4-x0508-softbank-8-owners-conversion.xml") else {
        return;
    };
    assert_eq!(f.owners.len(), 8);
    assert_eq!(f.signatures.len(), 8);
    assert_eq!(
        &*f.signatures[0].name,
        "SoftBank Group Corp., By : /s/ Yuko Yamamoto, Head of Corporate Legal Department"
    );
    assert_eq!(f.signatures[0].date, Some(date("2025-03-07")));
}

#[test]
fn convertible_note_footnote_only_terms() {
    let Some(f) = read("xml/abcellera-form4-x0306-thiel-convertible-notes-total-value.xml") else {
        return;
    };
    let r = &f.rows[8];
    assert_eq!(r.security_title.value.as_deref(), Some("Convertible Note"));
    assert_eq!(ids(&r.coding.as_ref().unwrap().footnotes), ["F11"]);
    assert_eq!(r.total_value.value, Some(dec("30430000.00")));
    let d = r.derivative.as_ref().unwrap();
    assert!(d.conversion_or_exercise_price.is_footnote_only());
    assert!(d.exercise_date.is_footnote_only() && d.expiration_date.is_footnote_only());
    assert_eq!(d.underlying_title.value.as_deref(), Some("Common Shares"));
    assert_eq!(d.underlying_shares.value, Some(dec("2477100")));
    assert_eq!(r.nature_of_ownership.value.as_deref(), Some("See footnote"));
    assert_eq!(ids(&r.nature_of_ownership.footnotes), ["F1"]);
}

#[test]
fn derivative_only_filing_with_fractional_units() {
    let Some(f) = read("xml/vertex-form4-x0306-derivative-only-fractional-dsu.xml") else {
        return;
    };
    assert_eq!(f.rows.len(), 1);
    let r = &f.rows[0];
    assert_eq!(r.table, Table::Derivative);
    assert_eq!(r.shares.value, Some(dec("196.356")));
    assert_eq!(r.price_per_share.value, Some(dec("222.81")));
}

#[test]
fn amendment_keeps_the_original_filing_date_and_header_facts() {
    let Some(f) = read("submissions/lam-research-form4a-x0508-gifts-0000707549-25-000004.txt")
    else {
        return;
    };
    assert_eq!(f.document_type, FormType::Form4A);
    assert!(f.document_type.is_amendment());
    assert_eq!(f.date_of_original_submission, Some(date("2024-11-04")));
    assert_eq!(f.accession_number.as_deref(), Some("0000707549-25-000004"));
    assert_eq!(f.source.kind, insider_tui::model::SourceKind::Submission);
    assert_eq!(f.rows.len(), 2);
    assert!(f.rows.iter().all(|r| r.code() == Some(&TransactionCode::G)));
}

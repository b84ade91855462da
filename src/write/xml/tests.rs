//! Tests of the XML and submission writers.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{to_submission, to_xml};
use crate::model::{
    AcquiredDisposed, Coding, DirectIndirect, Filing, Footnote, FootnoteId, FootnoteIds, FormType,
    Fv, ReportingOwner, Row, RowKind, Signature, Source, SourceKind, Table, Text, TransactionCode,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn text(s: &str) -> Text {
    s.into()
}

fn ids(list: &[&str]) -> FootnoteIds {
    list.iter().map(|s| FootnoteId::new(s)).collect()
}

fn filing(form: FormType) -> Filing {
    let source = Source {
        path: text("test"),
        kind: SourceKind::Xml,
        line: None,
    };
    let mut f = Filing::new(form, source);
    f.schema_version = Some(text("X0508"));
    f.period_of_report = Some(date(2018, 3, 12));
    f.issuer.cik = Some(text("0001279704"));
    f.issuer.name = Some(text("Cellectar Biosciences, Inc."));
    f.issuer.trading_symbol = Some(text("CLRB"));
    f.owners.push(owner("0001214182", "CARUSO JAMES V"));
    f
}

fn owner(cik: &str, name: &str) -> ReportingOwner {
    let mut o = ReportingOwner {
        cik: Some(text(cik)),
        name: Some(text(name)),
        ..ReportingOwner::default()
    };
    o.address.city = Some(text("MADISON"));
    o.relationship.is_director = true;
    o
}

/// The document with the white space between tags removed, for compact assertions.
fn compact(xml: &str) -> String {
    xml.lines().map(str::trim).collect()
}

/// Reads the whole document with quick-xml, failing on any well-formedness error.
fn assert_well_formed(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced document");
}

#[test]
fn starts_with_the_declaration_and_keeps_schema_order() {
    let mut f = filing(FormType::Form4A);
    f.date_of_original_submission = Some(date(2018, 3, 14));
    f.flags.not_subject_to_section16 = Some(false);
    f.flags.aff10b5_one = Some(true);
    f.remarks = Some(text("Exhibit 24"));
    f.signatures.push(Signature {
        name: text("/s/ Christina Blakley, attorney-in-fact for James Caruso"),
        date: Some(date(2018, 3, 14)),
    });
    let xml = to_xml(&f);
    assert!(xml.starts_with("<?xml version=\"1.0\"?>\n<ownershipDocument>\n"));
    assert_well_formed(&xml);
    let order = [
        "<schemaVersion>X0508</schemaVersion>",
        "<documentType>4/A</documentType>",
        "<periodOfReport>2018-03-12</periodOfReport>",
        "<dateOfOriginalSubmission>2018-03-14</dateOfOriginalSubmission>",
        "<notSubjectToSection16>0</notSubjectToSection16>",
        "<issuer>",
        "<reportingOwner>",
        "<aff10b5One>1</aff10b5One>",
        "<remarks>Exhibit 24</remarks>",
        "<ownerSignature>",
    ];
    let positions: Vec<usize> = order.iter().map(|s| xml.find(s).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn escapes_markup_in_text_values_and_footnotes() {
    let mut f = filing(FormType::Form4);
    f.issuer.name = Some(text("Procter & Gamble <\"P&G\"> 'Co'"));
    f.footnotes.push(Footnote {
        id: FootnoteId::new("F1"),
        text: text("Prices ranged from $1.17 to $1.26 & \"up\" <approx>."),
    });
    let xml = to_xml(&f);
    assert_well_formed(&xml);
    assert!(xml.contains(
        "<issuerName>Procter &amp; Gamble &lt;&quot;P&amp;G&quot;&gt; &apos;Co&apos;</issuerName>"
    ));
    assert!(xml.contains(
        "<footnote id=\"F1\">Prices ranged from $1.17 to $1.26 &amp; &quot;up&quot; &lt;approx&gt;.</footnote>"
    ));
}

#[test]
fn writes_values_with_footnotes_and_footnote_only_values() {
    let mut f = filing(FormType::Form4);
    let mut r = Row::new(Table::NonDerivative, RowKind::Transaction);
    r.security_title = Fv::new(text("Common Stock"));
    r.transaction_date = Fv::new(date(2018, 3, 12));
    r.coding = Some(Coding {
        form_type: Some(text("4")),
        code: Some(TransactionCode::S),
        equity_swap_involved: Some(false),
        footnotes: ids(&["F1"]),
    });
    r.shares = Fv::new(dec("34000"));
    r.price_per_share = Fv::with_footnotes(None, ids(&["F2", "F1"]));
    r.acquired_disposed = Fv::new(AcquiredDisposed::Disposed);
    r.shares_owned_following = Fv::with_footnotes(Some(dec("213548.00")), ids(&["F3"]));
    r.direct_indirect = Fv::new(DirectIndirect::Direct);
    f.rows.push(r);
    let xml = to_xml(&f);
    assert_well_formed(&xml);
    let c = compact(&xml);
    assert!(c.contains(
        "<transactionCoding><transactionFormType>4</transactionFormType>\
         <transactionCode>S</transactionCode><equitySwapInvolved>0</equitySwapInvolved>\
         <footnoteId id=\"F1\"/></transactionCoding>"
    ));
    assert!(c.contains("<transactionTimeliness></transactionTimeliness>"));
    assert!(c.contains(
        "<transactionPricePerShare><footnoteId id=\"F2\"/><footnoteId id=\"F1\"/></transactionPricePerShare>"
    ));
    assert!(c.contains(
        "<sharesOwnedFollowingTransaction><value>213548.00</value><footnoteId id=\"F3\"/></sharesOwnedFollowingTransaction>"
    ));
    // Empty values leave no element behind.
    assert!(!c.contains("deemedExecutionDate"));
    assert!(!c.contains("natureOfOwnership"));
    assert!(!c.contains("derivativeTable"));
    assert!(!c.contains("<footnotes>"));
}

#[test]
fn writes_every_owner_of_a_joint_filing() {
    let mut f = filing(FormType::Form3);
    let mut fund = owner("0001700001", "ACME VENTURES FUND II, L.P.");
    fund.relationship = Default::default();
    fund.relationship.is_ten_percent_owner = true;
    fund.address.is_non_us = Some(true);
    fund.address.country = Some(text("X0"));
    fund.address.state_description = Some(text("UNITED KINGDOM"));
    f.owners.push(fund);
    f.owners.push(owner("0001700002", "ACME GP LLC"));
    f.flags.no_securities_owned = Some(true);
    let xml = to_xml(&f);
    assert_well_formed(&xml);
    assert_eq!(xml.matches("<reportingOwner>").count(), 3);
    let c = compact(&xml);
    assert!(c.contains(
        "<reportingOwnerAddress><rptOwnerNonUSAddressFlag>1</rptOwnerNonUSAddressFlag>\
         <rptOwnerCity>MADISON</rptOwnerCity><rptOwnerCountry>X0</rptOwnerCountry>\
         <rptOwnerStateDescription>UNITED KINGDOM</rptOwnerStateDescription></reportingOwnerAddress>"
    ));
    assert!(c.contains(
        "<reportingOwnerRelationship><isTenPercentOwner>1</isTenPercentOwner></reportingOwnerRelationship>"
    ));
    assert!(c.contains("<rptOwnerName>ACME GP LLC</rptOwnerName>"));
    assert!(c.contains("<noSecuritiesOwned>1</noSecuritiesOwned>"));
}

#[test]
fn writes_table_two_columns_from_the_derivative_terms() {
    let mut f = filing(FormType::Form4);
    let mut r = Row::new(Table::Derivative, RowKind::Transaction);
    r.security_title = Fv::new(text("Convertible Promissory Note"));
    r.transaction_date = Fv::new(date(2020, 6, 1));
    r.coding = Some(Coding {
        form_type: Some(text("4")),
        code: Some(TransactionCode::P),
        equity_swap_involved: None,
        footnotes: FootnoteIds::new(),
    });
    r.total_value = Fv::new(dec("2500000"));
    r.price_per_share = Fv::new(dec("2500000"));
    r.acquired_disposed = Fv::new(AcquiredDisposed::Acquired);
    r.value_owned_following = Fv::new(dec("2500000"));
    r.direct_indirect = Fv::new(DirectIndirect::Indirect);
    r.nature_of_ownership = Fv::with_footnotes(Some(text("By Fund")), ids(&["F1"]));
    let d = r.derivative.as_deref_mut().unwrap();
    d.conversion_or_exercise_price = Fv::with_footnotes(None, ids(&["F2"]));
    d.exercise_date = Fv::with_footnotes(None, ids(&["F3"]));
    d.expiration_date = Fv::new(date(2025, 6, 1));
    d.underlying_title = Fv::new(text("Common Stock"));
    d.underlying_value = Fv::new(dec("2500000"));
    f.rows.push(r);
    let mut h = Row::new(Table::Derivative, RowKind::Holding);
    h.security_title = Fv::new(text("Stock Option (Right to Buy)"));
    h.direct_indirect = Fv::new(DirectIndirect::Direct);
    f.rows.push(h);
    let xml = to_xml(&f);
    assert_well_formed(&xml);
    let c = compact(&xml);
    assert!(c.contains(
        "<derivativeTable><derivativeTransaction><securityTitle><value>Convertible Promissory Note</value></securityTitle>\
         <conversionOrExercisePrice><footnoteId id=\"F2\"/></conversionOrExercisePrice>\
         <transactionDate><value>2020-06-01</value></transactionDate>"
    ));
    assert!(c.contains(
        "<transactionAmounts><transactionTotalValue><value>2500000</value></transactionTotalValue>\
         <transactionPricePerShare><value>2500000</value></transactionPricePerShare>"
    ));
    assert!(c.contains(
        "<exerciseDate><footnoteId id=\"F3\"/></exerciseDate>\
         <expirationDate><value>2025-06-01</value></expirationDate>\
         <underlyingSecurity><underlyingSecurityTitle><value>Common Stock</value></underlyingSecurityTitle>\
         <underlyingSecurityValue><value>2500000</value></underlyingSecurityValue></underlyingSecurity>\
         <postTransactionAmounts><valueOwnedFollowingTransaction><value>2500000</value></valueOwnedFollowingTransaction></postTransactionAmounts>"
    ));
    assert!(c.contains(
        "<derivativeHolding><securityTitle><value>Stock Option (Right to Buy)</value></securityTitle>\
         <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature></derivativeHolding>"
    ));
    // No timeliness wrapper on a holding, and no Table I.
    assert_eq!(xml.matches("transactionTimeliness").count(), 2);
    assert!(!c.contains("nonDerivativeTable"));
}

#[test]
fn writes_flags_only_when_filed() {
    let mut f = filing(FormType::Form5);
    let absent = to_xml(&f);
    for tag in [
        "aff10b5One",
        "notSubjectToSection16",
        "form3HoldingsReported",
        "form4TransactionsReported",
        "noSecuritiesOwned",
        "isOfficer",
    ] {
        assert!(!absent.contains(tag), "{tag} written though not filed");
    }
    f.flags.aff10b5_one = Some(false);
    f.flags.form3_holdings_reported = Some(false);
    f.flags.form4_transactions_reported = Some(true);
    let filed = to_xml(&f);
    assert!(filed.contains("<aff10b5One>0</aff10b5One>"));
    assert!(filed.contains("<form3HoldingsReported>0</form3HoldingsReported>"));
    assert!(filed.contains("<form4TransactionsReported>1</form4TransactionsReported>"));
    assert!(!filed.contains("notSubjectToSection16"));
}

#[test]
fn wraps_the_document_in_a_submission_with_its_header() {
    let mut f = filing(FormType::Form4);
    f.accession_number = Some(text("0001214182-18-000004"));
    f.filing_date = Some(date(2018, 3, 14));
    f.acceptance_datetime = date(2018, 3, 14).and_hms_opt(16, 5, 9);
    f.issuer.sic = Some(text("PHARMACEUTICAL PREPARATIONS [2834]"));
    f.issuer.name = Some(text("Smith & Wesson\nBrands"));
    let sub = to_submission(&f);
    assert!(sub.starts_with(
        "<SEC-DOCUMENT>0001214182-18-000004.txt : 20180314\n\
         <SEC-HEADER>0001214182-18-000004.hdr.sgml : 20180314\n\
         <ACCEPTANCE-DATETIME>20180314160509\n\
         ACCESSION NUMBER:\t\t0001214182-18-000004\n\
         CONFORMED SUBMISSION TYPE:\t4\n"
    ));
    assert!(sub.contains("CONFORMED PERIOD OF REPORT:\t20180312\nFILED AS OF DATE:\t\t20180314\n"));
    assert!(sub.contains(
        "REPORTING-OWNER:\t\n\n\tOWNER DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tCARUSO JAMES V\n"
    ));
    // Header values are raw text on one line; the XML keeps its escaping.
    assert!(sub.contains("\t\tCOMPANY CONFORMED NAME:\t\t\tSmith & Wesson Brands\n"));
    assert!(sub.contains("<issuerName>Smith &amp; Wesson\nBrands</issuerName>"));
    assert!(
        sub.contains("STANDARD INDUSTRIAL CLASSIFICATION:\tPHARMACEUTICAL PREPARATIONS [2834]\n")
    );
    assert!(sub.contains("</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<SEQUENCE>1\n"));
    assert!(sub.contains("<TEXT>\n<XML>\n<?xml version=\"1.0\"?>\n<ownershipDocument>"));
    assert!(sub.ends_with("</ownershipDocument>\n</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"));
    let owner_block = sub.find("REPORTING-OWNER:").unwrap();
    let issuer_block = sub.find("ISSUER:").unwrap();
    assert!(owner_block < issuer_block);
}

//! One small fixture per pitfall of FORMAT.md section 5 that the real corpus does not show.

use insider_tui::model::{Filing, FormType, Text};
use insider_tui::parse::diag::Diagnostic;
use insider_tui::parse::xml::parse;
use rust_decimal::Decimal;

fn read(xml: &str) -> (Filing, Vec<Diagnostic>) {
    let path: Text = "fixture.xml".into();
    parse(xml, &path, 1).unwrap()
}

const BODY: &str = r#"<documentType>4/A</documentType>
<periodOfReport>2024-01-02Z</periodOfReport>
<dateOfOriginalSubmission>2023-12-29</dateOfOriginalSubmission>
<notSubjectToSection16> TRUE </notSubjectToSection16>
<issuer><issuerCik>0000000042</issuerCik><issuerName>Caf&#233; &amp; Bar &lt;Holdings&gt; &nbsp;Inc</issuerName><issuerTradingSymbol>nyse: cafe</issuerTradingSymbol></issuer>
<reportingOwner><reportingOwnerId><rptOwnerCik>0000000043</rptOwnerCik><rptOwnerName>ROE RICHARD</rptOwnerName></reportingOwnerId>
<reportingOwnerRelationship><isDirector>true</isDirector><isOfficer>False</isOfficer><officerTitle/></reportingOwnerRelationship></reportingOwner>
<aff10b5One></aff10b5One>
<nonDerivativeTable><nonDerivativeTransaction>
<securityTitle><value>Common</value><footnoteId id=" f1 "/></securityTitle>
<transactionDate><value>2024-01-02</value></transactionDate>
<deemedExecutionDate><value></value></deemedExecutionDate>
<transactionCoding><transactionFormType>4</transactionFormType><transactionCode>Q</transactionCode><footnoteId id="F2"/></transactionCoding>
<transactionTimeliness><value></value></transactionTimeliness>
<transactionAmounts><transactionShares><value>1.5E+3</value></transactionShares>
<transactionPricePerShare><value>$12,500.25</value></transactionPricePerShare>
<transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode></transactionAmounts>
<ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership><natureOfOwnership><value>By
   Trust</value></natureOfOwnership></ownershipNature>
</nonDerivativeTransaction></nonDerivativeTable>
<footnotes><footnote id="F1">First</footnote><footnote id="F1">Again</footnote></footnotes>
<remarks/>"#;

#[test]
fn namespaces_prefixes_entities_spellings_and_odd_numbers() {
    let xml = format!(
        "\n   <o:ownershipDocument xmlns:o=\"urn:x\">{}</o:ownershipDocument>",
        BODY.replace('<', "<o:").replace("<o:/", "</o:")
    );
    let (f, warnings) = read(&xml);
    check(&f);
    let text: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        text.iter().any(|w| w.contains("unknown code \"Q\"")),
        "{text:?}"
    );
    assert!(
        text.iter().any(|w| w.contains("F1 is defined twice")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|w| w.contains("F2 is cited but not defined")),
        "{text:?}"
    );
}

#[test]
fn bare_carriage_returns_and_no_declaration() {
    let xml = format!(
        "<ownershipDocument>\r{}\r</ownershipDocument>",
        BODY.replace('\n', "\r")
    );
    let (f, warnings) = read(&xml);
    check(&f);
    let code = warnings
        .iter()
        .find(|w| w.message.contains("unknown code"))
        .unwrap();
    assert_eq!(code.line, Some(14), "lines count bare CRs");
}

fn check(f: &Filing) {
    assert_eq!(f.document_type, FormType::Form4A);
    assert_eq!(f.period_of_report, "2024-01-02".parse().ok());
    assert_eq!(f.date_of_original_submission, "2023-12-29".parse().ok());
    assert_eq!(f.flags.not_subject_to_section16, Some(true));
    assert_eq!(f.flags.aff10b5_one, None, "empty flag is unknown");
    assert_eq!(
        f.issuer.name.as_deref(),
        Some("Café & Bar <Holdings> \u{a0}Inc")
    );
    assert_eq!(f.issuer.ticker().as_deref(), Some("CAFE"));
    let rel = &f.owners[0].relationship;
    assert!(rel.is_director && !rel.is_officer);
    assert_eq!(rel.officer_title, None);
    let r = &f.rows[0];
    assert_eq!(r.security_title.footnotes[0].as_str(), "F1");
    assert_eq!(r.deemed_execution_date.value, None);
    assert_eq!(r.timeliness.value, None);
    assert_eq!(r.shares.value, Some(Decimal::from(1500)));
    assert_eq!(r.price_per_share.value, "12500.25".parse().ok());
    assert_eq!(r.nature_of_ownership.value.as_deref(), Some("By\n   Trust"));
    assert_eq!(r.coding.as_ref().unwrap().footnotes[0].as_str(), "F2");
    assert_eq!(f.footnotes.len(), 2);
    assert_eq!(
        &*f.footnote(&r.security_title.footnotes[0]).unwrap().text,
        "First"
    );
    assert_eq!(f.remarks, None);
}

#[test]
fn unknown_elements_and_script_injections_are_skipped() {
    let xml = format!(
        "<ownershipDocument><script type=\"text/javascript\">if (a < b) {{ x(); }}</script><future><deep><deeper/></deep></future>{BODY}</ownershipDocument>"
    )
    .replace("if (a < b)", "if (a &lt; b)");
    let (f, _) = read(&xml);
    check(&f);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 200_000;
    let xml = format!(
        "<ownershipDocument><documentType>4</documentType><junk>{}{}</junk><remarks>{}x{}</remarks></ownershipDocument>",
        "<a>".repeat(depth),
        "</a>".repeat(depth),
        "<b>".repeat(depth),
        "</b>".repeat(depth)
    );
    let (f, _) = read(&xml);
    assert_eq!(f.document_type, FormType::Form4);
    assert_eq!(f.remarks.as_deref(), Some("x"));
}

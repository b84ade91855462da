//! Bad files never crash a load and never lose the good files beside them: each gets a
//! clear issue naming the file and, where there is one, the line.

use insider_tui::load::load;
use insider_tui::parse::diag::Severity;

const GOOD: &str = r#"<?xml version="1.0"?>
<ownershipDocument>
    <schemaVersion>X0508</schemaVersion>
    <documentType>4</documentType>
    <periodOfReport>2024-05-01</periodOfReport>
    <issuer>
        <issuerCik>0000000001</issuerCik>
        <issuerName>Good Corp</issuerName>
        <issuerTradingSymbol>GOOD</issuerTradingSymbol>
    </issuer>
    <reportingOwner>
        <reportingOwnerId>
            <rptOwnerCik>0000000002</rptOwnerCik>
            <rptOwnerName>DOE JANE</rptOwnerName>
        </reportingOwnerId>
        <reportingOwnerRelationship>
            <isDirector>1</isDirector>
        </reportingOwnerRelationship>
    </reportingOwner>
    <nonDerivativeTable>
        <nonDerivativeTransaction>
            <securityTitle><value>Common Stock</value></securityTitle>
            <transactionDate><value>2024-05-01</value></transactionDate>
            <transactionCoding>
                <transactionFormType>4</transactionFormType>
                <transactionCode>P</transactionCode>
                <equitySwapInvolved>0</equitySwapInvolved>
            </transactionCoding>
            <transactionAmounts>
                <transactionShares><value>100</value></transactionShares>
                <transactionPricePerShare><value>PRICE</value></transactionPricePerShare>
                <transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode>
            </transactionAmounts>
            <postTransactionAmounts>
                <sharesOwnedFollowingTransaction><value>1100</value></sharesOwnedFollowingTransaction>
            </postTransactionAmounts>
            <ownershipNature>
                <directOrIndirectOwnership><value>D</value></directOrIndirectOwnership>
            </ownershipNature>
        </nonDerivativeTransaction>
    </nonDerivativeTable>
    <ownerSignature>
        <signatureName>/s/ Jane Doe</signatureName>
        <signatureDate>DATE</signatureDate>
    </ownerSignature>
</ownershipDocument>
"#;

/// The 1-based line of the first line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> Option<u32> {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i as u32 + 1)
}

fn good(price: &str, date: &str) -> String {
    GOOD.replace("PRICE", price).replace("DATE", date)
}

#[test]
fn bad_files_get_clear_issues_and_good_files_all_load() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("a-good.xml", good("12.50", "2024-05-02").as_bytes());
    write("b-empty.xml", b"");
    write(
        "c-garbage.xml",
        &[0u8, 159, 146, 150, 1, 2, 3, 0, 0, 7, 8, 200, 201],
    );
    let full = good("12.50", "2024-05-02");
    write(
        "d-truncated.xml",
        full.get(..full.len() / 2).unwrap().as_bytes(),
    );
    write(
        "e-wrong-root.xml",
        b"<?xml version=\"1.0\"?>\n<edgarSubmission>\n</edgarSubmission>\n",
    );
    write(
        "f-huge-number.xml",
        good("123456789012345678901234567890123456789", "2024-05-02").as_bytes(),
    );
    write(
        "g-impossible-date.xml",
        good("12.50", "2024-02-30").as_bytes(),
    );
    let mut latin = good("12.50", "2024-05-02").into_bytes();
    let at = latin.windows(8).position(|w| w == b"Good Cor").unwrap();
    latin[at + 1] = 0xF6; // "Göod" in Windows-1252: not UTF-8
    write("h-invalid-utf8.xml", &latin);
    write("i-good.xml", good("13", "2024-05-03").as_bytes());
    write(
        "j-doctype.xml",
        b"<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">]>\n<ownershipDocument></ownershipDocument>",
    );
    write(
        "k-mismatched.xml",
        good("1", "2024-05-02")
            .replace("</issuer>", "</issuerx>")
            .as_bytes(),
    );

    let report = load(&[dir.path().to_path_buf()], false);
    let by_file = |name: &str| {
        report
            .issues
            .iter()
            .filter(|i| i.path.ends_with(name))
            .collect::<Vec<_>>()
    };
    // Every good or partly good file is there.
    let mut loaded: Vec<String> = report
        .filings
        .iter()
        .map(|f| f.source.path.rsplit('/').next().unwrap().to_string())
        .collect();
    loaded.sort();
    assert_eq!(
        loaded,
        [
            "a-good.xml",
            "f-huge-number.xml",
            "g-impossible-date.xml",
            "h-invalid-utf8.xml",
            "i-good.xml"
        ]
    );
    let expect = |name: &str, severity: Severity, line: Option<u32>, needle: &str| {
        let issues = by_file(name);
        assert!(
            issues
                .iter()
                .any(|i| i.severity == severity && i.line == line && i.message.contains(needle)),
            "{name}: want {severity} at {line:?} containing {needle:?}, got {issues:#?}"
        );
    };
    expect("b-empty.xml", Severity::Error, None, "empty");
    expect("c-garbage.xml", Severity::Error, None, "binary");
    expect("d-truncated.xml", Severity::Error, Some(26), "truncated");
    expect(
        "e-wrong-root.xml",
        Severity::Error,
        Some(2),
        "edgarSubmission",
    );
    expect(
        "f-huge-number.xml",
        Severity::Warning,
        line_of(GOOD, "<transactionPricePerShare>"),
        "transactionPricePerShare",
    );
    expect(
        "g-impossible-date.xml",
        Severity::Warning,
        line_of(GOOD, "<signatureDate>"),
        "impossible date",
    );
    expect(
        "h-invalid-utf8.xml",
        Severity::Warning,
        line_of(GOOD, "Good Corp"),
        "Windows-1252",
    );
    expect("j-doctype.xml", Severity::Error, Some(2), "DOCTYPE");
    expect(
        "k-mismatched.xml",
        Severity::Error,
        line_of(GOOD, "</issuer>"),
        "malformed XML",
    );
    assert!(by_file("a-good.xml").is_empty() && by_file("i-good.xml").is_empty());

    // The damaged-but-readable files keep everything else.
    let huge = report
        .filings
        .iter()
        .find(|f| f.source.path.ends_with("f-huge-number.xml"))
        .unwrap();
    assert_eq!(huge.rows[0].price_per_share.value, None);
    assert_eq!(huge.rows[0].shares.value, Some(100.into()));
    let latin = report
        .filings
        .iter()
        .find(|f| f.source.path.ends_with("h-invalid-utf8.xml"))
        .unwrap();
    assert_eq!(latin.issuer.name.as_deref(), Some("Göod Corp"));
    // Every issue prints as path:line: severity: message.
    for i in &report.issues {
        let shown = i.to_string();
        assert!(shown.starts_with(&*i.path), "{shown}");
        assert!(
            shown.contains(": error: ") || shown.contains(": warning: "),
            "{shown}"
        );
    }
}

#[cfg(unix)]
#[test]
fn links_back_to_a_parent_folder_are_walked_once() {
    // Two links inside a folder back to its parent: walked naively, the load would read
    // the parent again through each, without end.
    let tmp = tempfile::tempdir().unwrap();
    let inner = tmp.path().join("a");
    std::fs::create_dir(&inner).unwrap();
    std::fs::write(inner.join("good.xml"), good("41.37", "2023-06-01")).unwrap();
    std::os::unix::fs::symlink("..", inner.join("up")).unwrap();
    std::os::unix::fs::symlink("..", inner.join("up2")).unwrap();
    let report = load(&[tmp.path().to_path_buf()], false);
    assert_eq!(report.filings.len(), 1);
    let passed: Vec<_> = report
        .issues
        .iter()
        .filter(|i| i.message.contains("passed over: the same folder"))
        .collect();
    assert_eq!(passed.len(), 2, "{:?}", report.issues);
    assert!(passed.iter().all(|i| i.severity == Severity::Warning));
    assert!(passed[0].path.ends_with("up"), "{}", passed[0].path);
}

#[cfg(unix)]
#[test]
fn escape_sequences_in_file_names_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("bad\u{1b}[31mred.xml"), "junk").unwrap();
    std::fs::write(
        tmp.path().join("ok\u{1b}]0;title\u{7}.xml"),
        good("41.37", "2023-06-01"),
    )
    .unwrap();
    let report = load(&[tmp.path().to_path_buf()], false);
    assert_eq!(report.filings.len(), 1);
    let shown: Vec<String> = report.issues.iter().map(|i| i.to_string()).collect();
    assert!(
        shown.iter().any(|s| s.contains("badred.xml: error")),
        "{shown:?}"
    );
    assert!(
        shown.iter().all(|s| !s.chars().any(char::is_control)),
        "{shown:?}"
    );
}

//! The quarterly data sets: real TSVs, a zip built from the same tables, bad rows and
//! missing tables.

mod common;

use std::io::Write;

use insider_tui::load::load;
use insider_tui::model::{Filing, FormType, Table, TransactionCode};
use insider_tui::parse::diag::Severity;
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn find<'a>(filings: &'a [Filing], acc: &str) -> &'a Filing {
    filings
        .iter()
        .find(|f| f.accession_number.as_deref() == Some(acc))
        .unwrap_or_else(|| panic!("{acc} not loaded"))
}

#[test]
fn real_2025q2_head_joins_owners_rows_and_footnote_ids() {
    let Some(dir) = common::shared_filings() else {
        return;
    };
    let report = load(&[dir.join("datasets/leaphson-2025q2-head")], false);
    assert_eq!(report.count(Severity::Error), 0, "{:#?}", report.issues);
    // A multi-id footnote cell, unsorted as filed.
    let f = find(&report.filings, "0001415889-25-018596");
    let by_fund = f
        .rows
        .iter()
        .find(|r| {
            r.nature_of_ownership.value.as_deref() == Some("By Eggers Investments LP - Fund 2")
        })
        .unwrap();
    assert_eq!(by_fund.code(), Some(&TransactionCode::J));
    let code_notes: Vec<&str> = by_fund
        .coding
        .as_ref()
        .unwrap()
        .footnotes
        .iter()
        .map(|i| i.as_str())
        .collect();
    assert_eq!(code_notes, ["F21", "F20"]);
    assert_eq!(by_fund.shares.value, Some(dec("166963.0")));
    assert_eq!(by_fund.nature_of_ownership.footnotes[0].as_str(), "F25");
    // A comma-joined relationship, with officer title; owners are a list, not rows.
    let ergen = find(&report.filings, "0001415889-25-018588");
    assert_eq!(ergen.owners.len(), 2);
    let charles = &ergen.owners[0].relationship;
    assert!(charles.is_director && charles.is_officer && charles.is_ten_percent_owner);
    assert_eq!(charles.officer_title.as_deref(), Some("CHAIRMAN"));
    let cantey = &ergen.owners[1].relationship;
    assert!(cantey.is_director && cantey.is_ten_percent_owner && cantey.is_other);
    // SUBMISSION: a quoted REMARKS cell with doubled quotes inside, and AFF10B5ONE.
    let hess = find(&report.filings, "0000950170-25-079748");
    assert_eq!(hess.document_type, FormType::Form4);
    assert_eq!(hess.issuer.name.as_deref(), Some("Hess Midstream LP"));
    assert_eq!(hess.flags.not_subject_to_section16, Some(true));
    let remarks = hess.remarks.as_deref().unwrap();
    assert!(remarks.starts_with("In accordance with SEC Release No. 34-39538"));
    assert!(remarks.contains("(collectively, the \"Reporting Business Units\")"));
    let cognizant = find(&report.filings, "0001058290-25-000157");
    assert_eq!(cognizant.flags.aff10b5_one, Some(false));
    assert_eq!(cognizant.filing_date, "2025-05-30".parse().ok());
    assert_eq!(cognizant.period_of_report, "2025-05-28".parse().ok());
    // Rows of an accession SUBMISSION lacks still form a filing, with one warning.
    let warnings = report
        .issues
        .iter()
        .filter(|i| {
            i.message
                .contains("0001415889-25-018596 is not in SUBMISSION")
        })
        .count();
    assert_eq!(warnings, 1);
}

#[test]
fn real_2024q4_total_value_rows_and_2006q1_old_header() {
    let Some(dir) = common::shared_filings() else {
        return;
    };
    let report = load(
        &[
            dir.join("datasets/leaphson-2024q4"),
            dir.join("datasets/leaphson-2006q1"),
        ],
        false,
    );
    assert_eq!(report.count(Severity::Error), 0);
    let debentures = find(&report.filings, "0001727689-24-000157");
    let r = debentures
        .rows
        .iter()
        .find(|r| r.security_title.value.as_deref() == Some("20% Convertible Debentures Due 2025"))
        .unwrap();
    assert_eq!(r.table, Table::Derivative);
    assert_eq!(r.total_value.value, Some(dec("136202.0")));
    // The 2006 header has no newer columns; holdings still read.
    let old = find(&report.filings, "0000921895-06-000850");
    assert_eq!(
        old.rows[0].security_title.value.as_deref(),
        Some("Common Stock, par value $1.00")
    );
    assert_eq!(
        old.rows[0].shares_owned_following.value,
        Some(dec("4802.0"))
    );
    // The missing tables are named once per quarter.
    let missing: Vec<_> = report
        .issues
        .iter()
        .filter(|i| i.message.contains("FOOTNOTES.tsv is missing"))
        .collect();
    assert_eq!(missing.len(), 2);
    // Signatures repeat as filed, never de-duplicated.
    let signed: usize = report.filings.iter().map(|f| f.signatures.len()).sum();
    assert_eq!(signed, 42254);
}

const SUBMISSION: &str = "ACCESSION_NUMBER\tFILING_DATE\tPERIOD_OF_REPORT\tDATE_OF_ORIG_SUB\tNO_SECURITIES_OWNED\tNOT_SUBJECT_SEC16\tFORM3_HOLDINGS_REPORTED\tFORM4_TRANS_REPORTED\tDOCUMENT_TYPE\tISSUERCIK\tISSUERNAME\tISSUERTRADINGSYMBOL\tREMARKS\tAFF10B5ONE
0000000001-24-000001\t02-MAY-2024\t01-MAY-2024\t\t\t0\t\t\t4\t0000000009\tAcme &amp; Sons\tACME\t\"He said \"\"hi\"\"\"\t1
0000000001-24-000002\t31-FEB-2024\t01-MAY-2024\t\t\t0\t\t\t4/A\t0000000009\tAcme &amp; Sons\tACME\t\ttrue
";
const OWNERS: &str = "ACCESSION_NUMBER\tRPTOWNERCIK\tRPTOWNERNAME\tRPTOWNER_RELATIONSHIP\tRPTOWNER_TITLE\tRPTOWNER_TXT\tRPTOWNER_STREET1\tRPTOWNER_STREET2\tRPTOWNER_CITY\tRPTOWNER_STATE\tRPTOWNER_ZIPCODE\tRPTOWNER_STATE_DESC\tFILE_NUMBER
0000000001-24-000001\t0000000100\tDOE JANE\tDirector,Officer\tCEO\t\t1 Main St\t\tTown\tCA\t90000\t\t001-1
0000000001-24-000001\t0000000101\tDOE FUND LP\tTenPercentOwner\t\t\t1 Main St\t\tTown\tCA\t90000\t\t001-1
0000000001-24-000002\t0000000100\tDOE JANE\tDirector\t\t\t1 Main St\t\tTown\tCA
";
const TRANS: &str = "ACCESSION_NUMBER\tNONDERIV_TRANS_SK\tSECURITY_TITLE\tSECURITY_TITLE_FN\tTRANS_DATE\tTRANS_DATE_FN\tDEEMED_EXECUTION_DATE\tDEEMED_EXECUTION_DATE_FN\tTRANS_FORM_TYPE\tTRANS_CODE\tEQUITY_SWAP_INVOLVED\tEQUITY_SWAP_TRANS_CD_FN\tTRANS_TIMELINESS\tTRANS_TIMELINESS_FN\tTRANS_SHARES\tTRANS_SHARES_FN\tTRANS_PRICEPERSHARE\tTRANS_PRICEPERSHARE_FN\tTRANS_ACQUIRED_DISP_CD\tTRANS_ACQUIRED_DISP_CD_FN\tSHRS_OWND_FOLWNG_TRANS\tSHRS_OWND_FOLWNG_TRANS_FN\tVALU_OWND_FOLWNG_TRANS\tVALU_OWND_FOLWNG_TRANS_FN\tDIRECT_INDIRECT_OWNERSHIP\tDIRECT_INDIRECT_OWNERSHIP_FN\tNATURE_OF_OWNERSHIP\tNATURE_OF_OWNERSHIP_FN
0000000001-24-000001\t12\tCommon Stock\t\t01-MAY-2024\t\t\t\t4\tS\t0\t\t\t\t500.0\t\t\tF2, F1\tD\t\t1500.0\t\t\t\tD\t\t\t
0000000001-24-000001\t11\tCommon Stock\t\t01-MAY-2024\t\t\t\t4\tP\tfalse\t\t\t\t1000.0\t\t10.5\t\tA\t\t2000.0\t\t\t\tD\t\t\t
0000000001-24-000001\t13\tCommon Stock\t\t01-MAY-2024
0000000001-24-000001\t14\tCommon Stock\t\t01-MAY-2024\t\t\t\t4\tS\t0\t\t\t\t1e999\t\t1\t\tD\t\t1\t\t\t\tD\t\t\t
0000000001-24-000009\t20\tCommon Stock\t\t02-MAY-2024\t\t\t\t4\tA\t0\t\t\t\t7.0\t\t0.0\t\tA\t\t7.0\t\t\t\tD\t\t\t
";
const NOTES: &str = "ACCESSION_NUMBER\tFOOTNOTE_ID\tFOOTNOTE_TXT
0000000001-24-000001\tF1\tWeighted average price.
0000000001-24-000001\tF2\tPrices ranged from $10.00 to $11.00.
";

fn write_quarter(dir: &std::path::Path) {
    for (name, body) in [
        ("SUBMISSION.tsv", SUBMISSION),
        ("REPORTINGOWNER.tsv", OWNERS),
        ("NONDERIV_TRANS.tsv", TRANS),
        ("FOOTNOTES.tsv", NOTES),
    ] {
        std::fs::write(dir.join(name), body).unwrap();
    }
}

#[test]
fn fixture_quarter_folder_and_zip_load_the_same_with_clear_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("2024q2_form345");
    std::fs::create_dir(&folder).unwrap();
    write_quarter(&folder);
    let zip_path = tmp.path().join("2024q2_form345.zip");
    {
        let file = std::fs::File::create(&zip_path).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in [
            ("submission.tsv", SUBMISSION),
            ("REPORTINGOWNER.tsv", OWNERS),
            ("NONDERIV_TRANS.tsv", TRANS),
            ("FOOTNOTES.tsv", NOTES),
            ("FORM_345_readme.htm", "<html></html>"),
        ] {
            zip.start_file(name, options).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    let from_folder = load(std::slice::from_ref(&folder), false);
    let from_zip = load(std::slice::from_ref(&zip_path), false);
    let strip = |fs: &[Filing]| {
        let mut v: Vec<Filing> = fs.to_vec();
        for f in &mut v {
            f.source.path = "".into();
            for r in &mut f.rows {
                r.line = r.line.map(|_| 0);
            }
        }
        v
    };
    assert_eq!(strip(&from_folder.filings), strip(&from_zip.filings));
    assert_eq!(from_folder.filings.len(), 3);

    let f = find(&from_folder.filings, "0000000001-24-000001");
    assert_eq!(
        f.owners.len(),
        2,
        "owners are a list, rows are not multiplied"
    );
    assert_eq!(
        f.rows.len(),
        3,
        "the short row is skipped, the rest is kept"
    );
    assert_eq!(
        f.rows[2].shares.value, None,
        "an out-of-range number is left empty"
    );
    assert_eq!(f.rows[2].shares_owned_following.value, Some(dec("1")));
    assert_eq!(
        f.rows[0].code(),
        Some(&TransactionCode::P),
        "rows follow SK order"
    );
    assert_eq!(f.rows[1].price_per_share.value, None);
    let ids: Vec<&str> = f.rows[1]
        .price_per_share
        .footnotes
        .iter()
        .map(|i| i.as_str())
        .collect();
    assert_eq!(ids, ["F2", "F1"]);
    assert_eq!(f.footnotes.len(), 2);
    assert_eq!(f.remarks.as_deref(), Some("He said \"hi\""));
    assert_eq!(f.flags.aff10b5_one, Some(true));
    let bad_date = find(&from_folder.filings, "0000000001-24-000002");
    assert_eq!(bad_date.filing_date, None);
    assert_eq!(bad_date.document_type, FormType::Form4A);
    let orphan = find(&from_folder.filings, "0000000001-24-000009");
    assert_eq!(orphan.issuer.name, None);
    assert_eq!(orphan.rows.len(), 1);

    let has = |needle: &str, line: u32| {
        assert!(
            from_folder.issues.iter().any(|i| i.line == Some(line)
                && i.severity == Severity::Warning
                && i.message.contains(needle)),
            "want {needle:?} at line {line}: {:#?}",
            from_folder.issues
        );
    };
    has("row has 5 fields, the header has 28", 4);
    has("column TRANS_SHARES: number out of range", 5);
    has("column FILING_DATE: impossible date", 3);
    has("0000000001-24-000009 is not in SUBMISSION", 6);
    assert!(from_folder
        .issues
        .iter()
        .any(|i| i.line.is_none() && i.message.contains("table DERIV_TRANS.tsv is missing")));
}

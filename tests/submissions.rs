//! Real submissions from `../shared/filings`: header facts read from each file by hand,
//! and the filings the submission reader makes of them (counts from MANIFEST.md).
//!
//! The tests skip, saying so, when the shared filings are not next to the crate.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use insider_tui::model::{FormType, SourceKind, Text};
use insider_tui::parse::submission::{self, SubmissionHeader};

/// What one real submission holds.
struct Case {
    file: &'static str,
    kind: SourceKind,
    accession: &'static str,
    submission_type: &'static str,
    filed: (i32, u32, u32),
    period: (i32, u32, u32),
    /// `<ACCEPTANCE-DATETIME>`; the feed form has none.
    acceptance: Option<&'static str>,
    sic: Option<&'static str>,
    state: Option<&'static str>,
    issuer_cik: &'static str,
    issuer_name: &'static str,
    /// CIK and name of the first reporting owner in the header.
    first_owner: (&'static str, &'static str),
    owners: usize,
    transactions: usize,
    holdings: usize,
    footnotes: usize,
    /// Line of `<?xml` in the file (LF, CR or CRLF each end one line).
    xml_line: u32,
}

const fn case(file: &'static str, accession: &'static str) -> Case {
    Case {
        file,
        kind: SourceKind::Submission,
        accession,
        submission_type: "4",
        filed: (0, 0, 0),
        period: (0, 0, 0),
        acceptance: None,
        sic: None,
        state: None,
        issuer_cik: "",
        issuer_name: "",
        first_owner: ("", ""),
        owners: 1,
        transactions: 0,
        holdings: 0,
        footnotes: 0,
        xml_line: 0,
    }
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            kind: SourceKind::FeedSubmission,
            filed: (2025, 1, 8),
            period: (2025, 1, 6),
            sic: Some("2834"),
            state: Some("DE"),
            issuer_cik: "0001860782",
            issuer_name: "2seventy bio, Inc.",
            first_owner: ("0002009134", "Snow Jessica"),
            transactions: 2,
            footnotes: 2,
            xml_line: 59,
            ..case(
                "submissions/2seventy-bio-form4-x0508-feed-nc-cr-eol-0001562180-25-000280.nc",
                "0001562180-25-000280",
            )
        },
        Case {
            kind: SourceKind::FeedSubmission,
            filed: (2025, 2, 13),
            period: (2025, 2, 12),
            sic: Some("5065"),
            state: Some("NY"),
            issuer_cik: "0000007536",
            issuer_name: "ARROW ELECTRONICS, INC.",
            first_owner: ("0001870985", "Jean-Claude Carine Lamercie"),
            transactions: 2,
            footnotes: 2,
            xml_line: 66,
            ..case(
                "submissions/arrow-form4-x0508-feed-nc-cr-eol-0001127602-25-004598.nc",
                "0001127602-25-004598",
            )
        },
        Case {
            filed: (2025, 1, 10),
            period: (2025, 1, 10),
            acceptance: Some("2025-01-10T16:07:30"),
            sic: Some("3720"),
            state: Some("DE"),
            issuer_cik: "0000001750",
            issuer_name: "AAR CORP",
            first_owner: ("0001806647", "Garascia Jessica A."),
            transactions: 1,
            footnotes: 1,
            xml_line: 65,
            ..case(
                "submissions/aar-form4-x0508-sale-0001127602-25-001055.txt",
                "0001127602-25-001055",
            )
        },
        Case {
            filed: (2017, 10, 17),
            period: (2017, 10, 13),
            acceptance: Some("2017-10-17T20:04:36"),
            sic: Some("2834"),
            state: Some("DE"),
            issuer_cik: "0001326190",
            issuer_name: "Altimmune, Inc.",
            first_owner: ("0001705562", "Hodges Philip"),
            owners: 2,
            transactions: 2,
            footnotes: 3,
            xml_line: 94,
            ..case(
                "submissions/altimmune-form4-x0306-joint-llc-0001012975-17-000759.txt",
                "0001012975-17-000759",
            )
        },
        Case {
            filed: (2022, 5, 6),
            period: (2022, 5, 4),
            acceptance: Some("2022-05-06T18:30:57"),
            sic: Some("3571"),
            state: Some("CA"),
            issuer_cik: "0000320193",
            issuer_name: "Apple Inc.",
            first_owner: ("0001462356", "Adams Katherine L."),
            transactions: 7,
            footnotes: 8,
            xml_line: 68,
            ..case(
                "submissions/apple-form4-x0306-adams-pre-10b5-1-0000320193-22-000061.txt",
                "0000320193-22-000061",
            )
        },
        Case {
            submission_type: "3",
            filed: (2020, 10, 7),
            period: (2020, 10, 1),
            acceptance: Some("2020-10-07T16:33:00"),
            sic: Some("3711"),
            state: Some("DE"),
            issuer_cik: "0000037996",
            issuer_name: "FORD MOTOR CO",
            first_owner: ("0001676526", "Lawler John T."),
            holdings: 10,
            footnotes: 9,
            xml_line: 59,
            ..case(
                "submissions/ford-form3-x0206-derivative-holdings-0001209191-20-054135.txt",
                "0001209191-20-054135",
            )
        },
        Case {
            filed: (2007, 8, 17),
            period: (2007, 8, 15),
            acceptance: Some("2007-08-17T12:41:55"),
            sic: Some("3841"),
            state: Some("DE"),
            issuer_cik: "0000820237",
            issuer_name: "GEN PROBE INC",
            first_owner: ("0001205465", "HULL CARL"),
            transactions: 2,
            footnotes: 1,
            xml_line: 76,
            ..case(
                "submissions/gen-probe-form4-x0202-pem-option-grant-0001179110-07-016964.txt",
                "0001179110-07-016964",
            )
        },
        Case {
            submission_type: "4/A",
            filed: (2025, 1, 21),
            period: (2024, 11, 4),
            acceptance: Some("2025-01-21T13:23:57"),
            sic: Some("3559"),
            state: Some("DE"),
            issuer_cik: "0000707549",
            issuer_name: "LAM RESEARCH CORP",
            first_owner: ("0001779037", "Ahmed Sohail U"),
            transactions: 2,
            footnotes: 1,
            xml_line: 61,
            ..case(
                "submissions/lam-research-form4a-x0508-gifts-0000707549-25-000004.txt",
                "0000707549-25-000004",
            )
        },
        Case {
            filed: (2007, 8, 17),
            period: (2007, 8, 15),
            acceptance: Some("2007-08-17T15:27:25"),
            // This issuer block has no STANDARD INDUSTRIAL CLASSIFICATION line.
            sic: None,
            state: Some("MA"),
            issuer_cik: "0001214935",
            issuer_name: "NICHOLAS APPLEGATE CONVERTIBLE & INCOME FUND",
            first_owner: ("0001240808", "LEMESEVSKI ELIZABETH"),
            transactions: 1,
            footnotes: 0,
            xml_line: 66,
            ..case(
                "submissions/nicholas-applegate-form4-x0202-pem-0001240812-07-000005.txt",
                "0001240812-07-000005",
            )
        },
        Case {
            filed: (2025, 1, 24),
            period: (2025, 1, 23),
            acceptance: Some("2025-01-24T17:24:28"),
            sic: Some("3841"),
            // The owner fund's "STATE OF INCORPORATION: MN" is not the issuer's; the
            // issuer block has none.
            state: None,
            issuer_cik: "0000788920",
            issuer_name: "PRO DEX INC",
            first_owner: ("0001058465", "FARNAM STREET PARTNERS LP /MN"),
            owners: 2,
            transactions: 2,
            footnotes: 2,
            xml_line: 101,
            ..case(
                "submissions/pro-dex-form4-x0508-joint-fund-0001079973-25-000129.txt",
                "0001079973-25-000129",
            )
        },
        Case {
            filed: (2023, 7, 31),
            period: (2023, 7, 27),
            acceptance: Some("2023-07-31T19:21:15"),
            sic: Some("3711"),
            state: Some("DE"),
            issuer_cik: "0001318605",
            issuer_name: "Tesla, Inc.",
            first_owner: ("0001790565", "Baglino Andrew D"),
            transactions: 3,
            footnotes: 2,
            xml_line: 63,
            ..case(
                "submissions/tesla-form4-x0508-baglino-reindented-0001790565-23-000009.txt",
                "0001790565-23-000009",
            )
        },
        Case {
            filed: (2025, 3, 18),
            period: (2025, 3, 17),
            acceptance: Some("2025-03-18T20:14:08"),
            sic: Some("3674"),
            state: None,
            issuer_cik: "0001387467",
            issuer_name: "ALPHA & OMEGA SEMICONDUCTOR Ltd",
            first_owner: ("0001878542", "Li Wenjun"),
            transactions: 4,
            footnotes: 7,
            xml_line: 64,
            ..case(
                "xml/alpha-omega-form4-x0508-ampersand-grants.xml",
                "0001387467-25-000038",
            )
        },
        Case {
            filed: (2025, 3, 7),
            period: (2024, 12, 9),
            acceptance: Some("2025-03-07T21:00:08"),
            sic: Some("6163"),
            // Owners carry Y9, C0, U0, X0 and DE; the issuer block has no state.
            state: None,
            issuer_cik: "0001835856",
            issuer_name: "Better Home & Finance Holding Co",
            first_owner: ("0001065521", "SOFTBANK GROUP CORP."),
            owners: 8,
            transactions: 2,
            footnotes: 3,
            xml_line: 298,
            ..case(
                "xml/better-home-form4-x0508-softbank-8-owners-conversion.xml",
                "0001493152-25-009612",
            )
        },
        Case {
            filed: (2025, 3, 18),
            period: (2025, 3, 14),
            acceptance: Some("2025-03-18T20:01:08"),
            sic: Some("7990"),
            state: Some("NV"),
            issuer_cik: "0001883685",
            issuer_name: "DraftKings Inc.",
            first_owner: ("0001404430", "Dodge R Stanton"),
            transactions: 3,
            footnotes: 3,
            xml_line: 66,
            ..case(
                "xml/draftkings-form4-x0508-10b5-1-sales.xml",
                "0001104659-25-025206",
            )
        },
        Case {
            filed: (2025, 3, 18),
            period: (2025, 3, 15),
            acceptance: Some("2025-03-18T20:14:44"),
            sic: Some("7370"),
            state: Some("DE"),
            issuer_cik: "0001617553",
            issuer_name: "ZIPRECRUITER, INC.",
            first_owner: ("0001859449", "TRAVERS DAVID"),
            transactions: 9,
            footnotes: 8,
            xml_line: 61,
            ..case(
                "xml/ziprecruiter-form4-x0508-rsu-vesting-withholding.xml",
                "0001617553-25-000024",
            )
        },
    ]
}

/// The shared filings folder, or `None` (after saying so) when it is absent.
fn filings_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/filings");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: {} not found (the real filings live in ../shared)",
            dir.display()
        );
        None
    }
}

fn read(dir: &Path, file: &str) -> String {
    let bytes = std::fs::read(dir.join(file)).unwrap();
    insider_tui::parse::decode(&bytes).0.into_owned()
}

fn date((y, m, d): (i32, u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn datetime(s: Option<&str>) -> Option<NaiveDateTime> {
    s.map(|s| s.parse().unwrap())
}

#[test]
fn every_real_submission_is_covered() {
    let Some(dir) = filings_dir() else { return };
    let cases = cases();
    for entry in std::fs::read_dir(dir.join("submissions")).unwrap() {
        let name = format!(
            "submissions/{}",
            entry.unwrap().file_name().to_string_lossy()
        );
        assert!(cases.iter().any(|c| c.file == name), "no case for {name}");
    }
}

#[test]
fn headers_of_real_submissions() {
    let Some(dir) = filings_dir() else { return };
    for c in cases() {
        let (h, warnings) = SubmissionHeader::read(&read(&dir, c.file));
        let f = c.file;
        assert!(warnings.is_empty(), "{f}: {warnings:?}");
        assert_eq!(h.accession.as_deref(), Some(c.accession), "{f}");
        assert_eq!(h.submission_type.as_deref(), Some(c.submission_type), "{f}");
        assert_eq!(h.filed_as_of, date(c.filed), "{f}");
        assert_eq!(h.period, date(c.period), "{f}");
        assert_eq!(h.acceptance, datetime(c.acceptance), "{f}");
        assert_eq!(h.issuer_sic.as_deref(), c.sic, "{f}");
        assert_eq!(h.issuer_state.as_deref(), c.state, "{f}");
        let issuer = h.issuer().unwrap();
        assert_eq!(issuer.cik.as_deref(), Some(c.issuer_cik), "{f}");
        assert_eq!(issuer.name.as_deref(), Some(c.issuer_name), "{f}");
        assert_eq!(h.owners().count(), c.owners, "{f}");
        let first = h.owners().next().unwrap();
        assert_eq!(first.cik.as_deref(), Some(c.first_owner.0), "{f}");
        assert_eq!(first.name.as_deref(), Some(c.first_owner.1), "{f}");
    }
}

#[test]
fn real_submissions_become_filings() {
    let Some(dir) = filings_dir() else { return };
    for c in cases() {
        let path: Text = c.file.into();
        let parsed = submission::parse(&read(&dir, c.file), &path)
            .unwrap_or_else(|e| panic!("{}: {e}", c.file));
        let f = c.file;
        assert_eq!(parsed.filings.len(), 1, "{f}");
        let filing = &parsed.filings[0];
        assert!(
            !parsed
                .warnings
                .iter()
                .any(|w| w.message.contains("submission type")),
            "{f}: {:?}",
            parsed.warnings
        );
        assert_eq!(filing.accession_number.as_deref(), Some(c.accession), "{f}");
        assert_eq!(
            filing.document_type,
            FormType::parse(c.submission_type),
            "{f}"
        );
        assert_eq!(filing.filing_date, date(c.filed), "{f}");
        assert_eq!(filing.period_of_report, date(c.period), "{f}");
        assert_eq!(filing.acceptance_datetime, datetime(c.acceptance), "{f}");
        assert_eq!(filing.issuer.sic.as_deref(), c.sic, "{f}");
        assert_eq!(
            filing.issuer.state_of_incorporation.as_deref(),
            c.state,
            "{f}"
        );
        assert_eq!(filing.issuer.cik.as_deref(), Some(c.issuer_cik), "{f}");
        assert_eq!(filing.owners.len(), c.owners, "{f}");
        assert!(
            filing
                .owners
                .iter()
                .all(|o| o.cik.is_some() && o.name.is_some()),
            "{f}"
        );
        assert_eq!(filing.transaction_count(), c.transactions, "{f}");
        assert_eq!(filing.holding_count(), c.holdings, "{f}");
        assert_eq!(filing.footnotes.len(), c.footnotes, "{f}");
        assert_eq!(filing.source.kind, c.kind, "{f}");
        assert_eq!(filing.source.line, Some(c.xml_line), "{f}");
        assert_eq!(&*filing.source.path, c.file, "{f}");
    }
}

//! Hand-written renderings of fictional filings, each unlike the others in layout, read
//! back field by field: an EDGAR HTML page re-wrapped at 80 columns, a browser-saved
//! copy of a joint filing, a PDF-text printout whose later owners appear only in its
//! "Reporting Owners" table, a markdown conversion with pipe tables, a typed 2001
//! Form 5 in a PEM-wrapped submission, a PDF-to-markdown page with broken columns
//! around a Table II option exercise, and an HTML Form 3 of holdings. The HTML pages
//! are then damaged (cut short, end tags dropped, tables left open): warnings, never
//! a panic.

mod rendered_support;

use std::path::PathBuf;

use insider_tui::model::{Filing, SourceKind};
use insider_tui::parse::diag::Severity;
use insider_tui::parse::rendered::parse_html;
use rendered_support::spec::assert_reads;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rendered")
        .join(name)
}

/// Loads a fixture as the loader would (sniffing its shape), with its warnings.
fn load(name: &str) -> (Filing, Vec<String>) {
    let (mut filings, issues) = insider_tui::load::load_file(&fixture(name));
    assert!(
        issues.iter().all(|i| i.severity == Severity::Warning),
        "{name}: {issues:?}"
    );
    assert_eq!(filings.len(), 1, "{name}");
    let warnings = issues.iter().map(|i| i.to_string()).collect();
    (filings.remove(0), warnings)
}

const HTML_REWRAPPED: &str = "
form: 4/A
period: 2024-02-20
original: 2024-02-22
issuer: Halcyon Orbital Systems, Inc.
ticker: HOSX
flags: 10b5-1
owner: Lindqvist-Moreau Celeste A. | C/O HALCYON ORBITAL SYSTEMS, INC. | 4100 EAST CAMELBACK ROAD, SUITE 300
  | PHOENIX | AZ | 85018 | director; officer: EVP, Chief Operating Officer and Corporate Secretary
row: t1 tx; title: Class A Common Stock; date: 2024-02-20; code: M; shares: 12000; ad: A; price: 8.75;
  owned: 64310; di: D
row: t1 tx; title: Class A Common Stock; date: 2024-02-20; code: S (1); shares: 12000; ad: D;
  price: 31.4182 (2); owned: 52310; di: D
row: t1 tx; title: Class A Common Stock; date: 2024-02-21; code: M; shares: 5000; ad: A; price: 0;
  owned: 57310; di: D
row: t1 tx; title: Class A Common Stock; date: 2024-02-21; code: F (3); shares: 1845; ad: D;
  price: 30.96; owned: 55465; di: D
row: t1 hold; title: Class A Common Stock; owned: 210000; di: I;
  nature: By Lindqvist-Moreau Revocable Trust dated June 4, 2015 (4)
row: t2 tx; title: Stock Option (right to buy); conv: 8.75; date: 2024-02-20; code: M; shares: 12000;
  ad: D; exer: (5)(6); exp: 2029-03-01; utitle: Class A Common Stock; ushares: 12000; price: 0;
  owned: 36000; di: D
row: t2 tx; title: Restricted Stock Units (7); conv: (8); date: 2024-02-21; code: M; shares: 5000;
  ad: D; exer: (8)(9); exp: (8)(9); utitle: Class A Common Stock; ushares: 5000; price: 0;
  owned: 15000 (10); di: D
note 1: The sales reported on this line were effected pursuant to a Rule 10b5-1 trading plan adopted
  by the Reporting Person on November 9, 2023.
note 2: The price reported is a weighted average price. These shares were sold in multiple
  transactions at prices ranging from $31.05 to $31.88, inclusive. The Reporting Person undertakes
  to provide full information regarding the number of shares sold at each separate price upon
  request.
note 3: Represents shares withheld by the Issuer to satisfy tax withholding obligations upon the
  settlement of restricted stock units. The original report misstated this amount as 1,854 shares.
note 4: The Reporting Person and her spouse are co-trustees of the trust.
note 5: The option was granted on March 1, 2019.
note 6: The option vested as to 25% of the shares on March 1, 2020 and in 36 equal monthly
  installments thereafter.
note 7: Each restricted stock unit represents a contingent right to receive one share of Class A
  Common Stock.
note 8: Restricted stock units convert into Class A Common Stock on a one-for-one basis and have no
  expiration date.
note 9: The units vest in four equal quarterly installments beginning February 21, 2024.
note 10: Includes 10,000 unvested units granted on January 30, 2024.
remarks: This amendment corrects the number of shares withheld reported on line 4 of Table I of the
  original report; all other information in the original report is unchanged.
signature: /s/ Tomasz Wierzbicki, Attorney-in-Fact for Celeste A. Lindqvist-Moreau | 2024-02-27
";

#[test]
fn an_edgar_html_page_rewrapped_at_80_columns() {
    let name = "html-xsl-form4a-rewrapped-80.html";
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    // The wrap broke values and labels across lines.
    assert!(text.lines().all(|l| l.chars().count() <= 82));
    assert!(text.contains("SYSTEMS,\nINC."));
    let (f, warnings) = load(name);
    assert_eq!(f.source.kind, SourceKind::RenderedHtml);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_reads(HTML_REWRAPPED, &f, name);
    assert_eq!(f.issuer.cik.as_deref(), Some("0001790001"));
    assert_eq!(f.owners[0].cik.as_deref(), Some("0001876543"));
    assert_eq!(f.flags.not_subject_to_section16, Some(false));
}

const HTML_SAVED_JOINT: &str = "
form: 4
period: 2023-09-05
issuer: Peregrine Tidal Energy Corp.
ticker: PTEC
owner: Tidewater Crescent Partners IV, L.P. | 888 BOYLSTON STREET, SUITE 1420 | | BOSTON | MA | 02199 | ten
owner: Tidewater Crescent GP IV, LLC | 888 BOYLSTON STREET, SUITE 1420 | | BOSTON | MA | 02199 | ten
owner: Okonkwo-Brandt Ingrid | C/O TIDEWATER CRESCENT CAPITAL | 888 BOYLSTON STREET, SUITE 1420 | BOSTON
  | MA | 02199 | director; ten
owner: Halvorsen Matthias J. | C/O TIDEWATER CRESCENT CAPITAL | 888 BOYLSTON STREET, SUITE 1420 | BOSTON
  | MA | 02199 | director; other: Member of 13(d) group
row: t1 tx; title: Common Stock; date: 2023-09-05; code: P; shares: 250000; ad: A; price: 4.1275 (1);
  owned: 6180400; di: I; nature: See footnotes (2)(3)
row: t1 tx; title: Common Stock; date: 2023-09-06; code: P; shares: 118600; ad: A; price: 4.2091 (4);
  owned: 6299000; di: I; nature: See footnotes (2)(3)
row: t1 hold; title: Common Stock; owned: 12000; di: I; nature: By Spouse (5)
row: t2 tx; title: Warrants (right to buy); conv: 5.00; date: 2023-09-05; code: P; shares: 125000;
  ad: A; exer: 2023-09-05; exp: 2028-09-05; utitle: Common Stock; ushares: 125000; price: 0.125 (6);
  owned: 125000; di: I; nature: See footnotes (2)(3)
note 1: The price reported is a weighted average price. These shares were purchased in multiple
  transactions at prices ranging from $4.05 to $4.19, inclusive.
note 2: The securities are held of record by Tidewater Crescent Partners IV, L.P. (the \"Fund\").
  Tidewater Crescent GP IV, LLC is the sole general partner of the Fund, and Ms. Okonkwo-Brandt and
  Mr. Halvorsen are its managing members.
note 3: Each Reporting Person disclaims beneficial ownership of the securities held by the Fund
  except to the extent of his, her or its pecuniary interest therein.
note 4: The price reported is a weighted average price; prices ranged from $4.16 to $4.25, inclusive.
note 5: Held by Mr. Halvorsen's spouse. Mr. Halvorsen disclaims beneficial ownership of these shares.
note 6: The warrants were purchased together with the shares reported on line 1 of Table I for an
  aggregate price allocated as stated.
remarks: Ms. Okonkwo-Brandt is a director of the Issuer and serves on its board as a representative
  of the Fund.
signature: Tidewater Crescent Partners IV, L.P., By: Tidewater Crescent GP IV, LLC, its general
  partner, By: /s/ Ingrid Okonkwo-Brandt, Managing Member | 2023-09-07
signature: Tidewater Crescent GP IV, LLC, By: /s/ Ingrid Okonkwo-Brandt, Managing Member | 2023-09-07
signature: /s/ Ingrid Okonkwo-Brandt | 2023-09-07
signature: /s/ Matthias J. Halvorsen | 2023-09-08
";

/// A joint filing as a browser saved it: upper-case tags, unquoted and single-quoted
/// attributes, `<TBODY>` added, `&nbsp;` for the empty check boxes, one box per owner
/// (name, address and relationship) after Table II, and one signature row per owner.
#[test]
fn a_browser_saved_html_joint_filing_with_four_owner_boxes() {
    let name = "html-saved-form4-joint-4-owners.htm";
    let (f, warnings) = load(name);
    assert_eq!(f.source.kind, SourceKind::RenderedHtml);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_reads(HTML_SAVED_JOINT, &f, name);
    let ciks: Vec<_> = f.owners.iter().map(|o| o.cik.as_deref()).collect();
    assert_eq!(
        ciks,
        [
            Some("0001899001"),
            Some("0001899002"),
            Some("0001512003"),
            Some("0001512004")
        ]
    );
    assert_eq!(f.issuer.cik.as_deref(), Some("0001733002"));
}

const PDF_JOINT_OWNERS_TABLE: &str = "
form: 4
period: 2009-11-17
issuer: Corvane Therapeutics, Inc.
ticker: CRVN
owner: MARLOWE BIOVENTURES III, L.P. | 1450 PAGE MILL ROAD, SUITE 200 | | PALO ALTO | CA | 94304 | ten
owner: MARLOWE BIOVENTURES MANAGEMENT III, LLC | 1450 PAGE MILL ROAD, SUITE 200 | | PALO ALTO | CA
  | 94304 | ten
owner: FENWICK-ASANTE PRIYA | C/O MARLOWE BIOVENTURES | 1450 PAGE MILL ROAD, SUITE 200 | PALO ALTO
  | CA | 94304 | director
row: t1 tx; title: Common Stock; date: 2009-11-17; code: C; shares: 1428571; ad: A; price: (1);
  owned: 1428571; di: I; nature: See Footnote (2)
row: t1 tx; title: Common Stock; date: 2009-11-17; code: P; shares: 500000; ad: A; price: 7.00;
  owned: 1928571; di: I; nature: See Footnote (2)
row: t2 tx; title: Series B Convertible Preferred Stock; conv: (1); date: 2009-11-17; code: C;
  shares: 10000000; exer: (1); exp: (1); utitle: Common Stock; ushares: 1428571; price: 0;
  owned: 0; di: I; nature: See Footnote (2)
note 1: Each share of Series B Convertible Preferred Stock converted automatically into 0.142857 of
  a share of Common Stock upon the closing of the Issuer's initial public offering, for no
  additional consideration. The Series B Convertible Preferred Stock had no expiration date.
note 2: The shares are held directly by Marlowe BioVentures III, L.P. (\"MBV III\"). Marlowe
  BioVentures Management III, LLC (\"MBVM III\") is the sole general partner of MBV III, and Ms.
  Fenwick-Asante is a managing director of MBVM III. Each of MBVM III and Ms. Fenwick-Asante
  disclaims beneficial ownership of the shares held by MBV III except to the extent of its or her
  pecuniary interest therein.
signature: MARLOWE BIOVENTURES III, L.P., By: Marlowe BioVentures Management III, LLC, its General
  Partner, By: /s/ Priya Fenwick-Asante, Managing Director | 2009-11-19
signature: MARLOWE BIOVENTURES MANAGEMENT III, LLC, By: /s/ Priya Fenwick-Asante, Managing Director
  | 2009-11-19
signature: /s/ Priya Fenwick-Asante | 2009-11-19
";

/// Box 1 names only the first owner; the other two, with their addresses and boxes,
/// are in the "Reporting Owners" table, laid out with spaces over several lines each.
/// Plain text does not say whether Table II's amount stood under (A) or (D): the letter
/// stays empty.
#[test]
fn a_pdf_text_joint_filing_whose_owners_are_in_the_reporting_owners_table() {
    let name = "pdftext-form4-joint-reporting-owners-table.txt";
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let box1 = text.split("Table I").next().unwrap();
    assert!(!box1.contains("FENWICK") && !box1.contains("MANAGEMENT III"));
    let (f, warnings) = load(name);
    assert_eq!(f.source.kind, SourceKind::RenderedText);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_reads(PDF_JOINT_OWNERS_TABLE, &f, name);
    assert_eq!(f.remarks, None);
}

const MARKDOWN_PIPES: &str = "
form: 4
period: 2021-05-14
issuer: Brackwater Foods Holdings, Inc.
ticker: BWFH
owner: Nakamura-Ellis Dana | 2750 RIVERFRONT PARKWAY, SUITE 900 | | LOUISVILLE | KY | 40206
  | officer: Chief Financial Officer and Treasurer
row: t1 tx; title: Common Stock; date: 2021-05-14; code: A; shares: 3200 (1); ad: A; price: 0;
  owned: 48712; di: D
row: t1 tx; title: Common Stock; date: 2021-05-15; code: F; shares: 1046 (2); ad: D; price: 27.63;
  owned: 47666; di: D
row: t1 hold; title: Common Stock; owned: 5310.447 (3); di: I; nature: By 401(k) Plan
row: t2 tx; title: Restricted Stock Units (RSUs); conv: (4); date: 2021-05-14; code: A; shares: 9600;
  ad: A; exer: (5)(6); exp: (5)(6); utitle: Common Stock; ushares: 9600; price: 0; owned: 9600; di: D
row: t2 tx; title: Stock Option (Right to Buy); conv: 27.63; date: 2021-05-14; code: A; shares: 14250;
  ad: A; exer: (7); exp: 2031-05-14; utitle: Common Stock; ushares: 14250; price: 0; owned: 14250;
  di: D
note 1: Represents shares of Common Stock issued under the Issuer's 2019 Omnibus Incentive Plan in
  settlement of performance share units for the performance period ended March 31, 2021.
note 2: Represents shares withheld by the Issuer to satisfy tax withholding obligations in
  connection with the settlement reported on line 1.
note 3: Held in the Issuer's 401(k) plan as of May 14, 2021, based on the most recent plan
  statement.
note 4: Each RSU represents a contingent right to receive one share of Common Stock.
note 5: The RSUs vest in three equal annual installments beginning May 14, 2022, subject to the
  Reporting Person's continued employment.
note 6: Vested RSUs will be settled in shares of Common Stock within 30 days of each vesting date.
note 7: The option becomes exercisable in three equal annual installments beginning May 14, 2022.
signature: /s/ Gareth Olusegun, by Power of Attorney | 2021-05-18
";

/// A PDF converted to markdown: the boxes in a pipe table whose cells break lines with
/// `<br>`, ballot-box check marks, both tables as pipe tables with a wrapped cell, the
/// notes as an ordered list and the signature in a table of its own.
#[test]
fn a_markdown_conversion_with_pipe_tables() {
    let name = "markdown-pipes-form4-grant-and-options.md";
    let (f, warnings) = load(name);
    assert_eq!(f.source.kind, SourceKind::RenderedText);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_reads(MARKDOWN_PIPES, &f, name);
    assert_eq!(f.flags.not_subject_to_section16, Some(false));
    assert_eq!(f.flags.aff10b5_one, Some(false));
}

const TYPED_2001_FORM5: &str = "
form: 5
period: 2000-12-31
issuer: Greenfell Mutual Bancorp, Inc.
ticker: GMBI
flags: form 4 transactions
owner: Pemberton-Okafor Rosalind M. | 1 Quarry Lane | | Montpelier | VT | 05602 | director
row: t1 tx; title: Common Stock; date: 2000-06-29; code: G; shares: 1500; ad: D; price: 0;
  owned: 41220; di: D
row: t1 tx; title: Common Stock; date: 2000-12-11; code: J (1); shares: 2750; ad: A; price: 18.375;
  owned: 43970; di: D
row: t1 hold; title: Common Stock; owned: 6615.28 (2); di: I; nature: By Employee Stock Ownership Plan
row: t2 tx; title: Director Stock Option (right to buy); conv: 17.50; date: 2000-05-02; code: A;
  shares: 5000; exer: (3); exp: 2010-05-02; utitle: Common Stock; ushares: 5000; owned: 5000; di: D
row: t2 hold; title: Director Stock Option (right to buy); conv: 12.25; exer: (4); exp: 2009-04-30;
  utitle: Common Stock; ushares: 4000; owned: 4000; di: D
note 1: Shares received in a distribution from the Pemberton Family Limited Partnership, exempt
  under Rule 16a-13, reported late.
note 2: Shares held under the Greenfell Mutual Employee Stock Ownership Plan as of December 31,
  2000, per the plan administrator's statement.
note 3: The option became exercisable in full on the date of the Issuer's 2000 annual meeting of
  shareholders, May 2, 2000.
note 4: The option became exercisable in full on April 30, 2000.
signature: /s/ Rosalind M. Pemberton-Okafor | 2001-02-09
";

/// A typed Form 5 of 2001 inside a PEM-wrapped submission: `( )`/`(X)` boxes, the
/// statement for the fiscal year as a month, tables typed with spaces and rules of
/// `-` and `=`, `-0-` for a zero price, and cells wrapped over several lines (one
/// breaking a word with a hyphen).
#[test]
fn a_typed_2001_form5_with_spaced_tables_and_wrapped_cells() {
    let name = "typed-2001-form5-pem-spaced-tables.txt";
    let (f, warnings) = load(name);
    assert_eq!(f.source.kind, SourceKind::TypedText);
    // No warning: the statement month came from the typed box 4, not from the header.
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_reads(TYPED_2001_FORM5, &f, name);
    assert_eq!(f.accession_number.as_deref(), Some("0000950109-01-000488"));
    assert_eq!(f.issuer.cik.as_deref(), Some("0001040221"));
    assert_eq!(f.owners[0].cik.as_deref(), Some("0001107733"));
    assert_eq!(f.flags.not_subject_to_section16, Some(false));
    assert_eq!(f.flags.form3_holdings_reported, Some(false));
}

const PDF_BROKEN_COLUMNS: &str = "
form: 4
period: 2019-08-08
issuer: Vantir Diagnostics Corp.
ticker: VNTR
owner: OYELARAN-FISCH TOBIAS K | C/O VANTIR DIAGNOSTICS CORP. | 600 HARRISON AVENUE | NASHUA | NH
  | 03060 | ten; officer: EVP, Research & Development
row: t1 tx; title: Common Stock; date: 2019-08-08; code: M; shares: 20000; ad: A; price: 6.42;
  owned: 71318; di: D
row: t1 tx; title: Common Stock; date: 2019-08-08; code: S (1); shares: 20000; ad: D;
  price: 19.0406 (2); owned: 51318; di: D
row: t1 hold; title: Common Stock; owned: 9000; di: I; nature: By GRAT (3)
row: t2 tx; title: Stock Option (Right to Buy); conv: 6.42; date: 2019-08-08; code: M; shares: 20000;
  exer: (4); exp: 2026-02-14; utitle: Common Stock; ushares: 20000; price: 0; owned: 40000; di: D
note 1: The sale reported on this line was effected pursuant to a Rule 10b5-1 trading plan adopted
  by the reporting person on May 6, 2019.
note 2: The price reported in Column 4 is a weighted average price. These shares were sold in
  multiple transactions at prices ranging from $18.91 to $19.22, inclusive. The reporting person
  undertakes to provide full information regarding the number of shares sold at each separate price
  upon request.
note 3: Held by the Oyelaran-Fisch 2018 Grantor Retained Annuity Trust, of which the reporting
  person is the trustee and annuitant.
note 4: The option vested in four equal annual installments beginning February 14, 2017.
remarks: The reporting person is an officer and, as of the date of this report, the beneficial owner
  of more than 10% of the Issuer's outstanding Common Stock.
signature: /s/ Marguerite Delacroix-Ibe, attorney-in-fact for Tobias K. Oyelaran-Fisch | 2019-08-12
";

/// Like the seed: a PDF turned into markdown whose columns broke, labels and values
/// interleaved, letters lost and a stray digit between two values; here with a Table
/// II option exercise whose title and underlying title wrap, and a footnote whose
/// marker moved into its text.
#[test]
fn a_pdf_markdown_page_with_broken_columns_and_an_option_exercise() {
    let name = "pdfmarkdown-form4-broken-columns-option-exercise.md";
    let (f, warnings) = load(name);
    assert_eq!(f.source.kind, SourceKind::RenderedText);
    assert_reads(PDF_BROKEN_COLUMNS, &f, name);
    // What could not be read cleanly is said, naming the place.
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("Table I line 1: words that fit no column were left out: \"3\""));
    assert!(warnings[1].contains("footnote (2) read from a paragraph"));
}

const HTML_FORM3: &str = "
form: 3
period: 2025-01-08
issuer: Lumenway Robotics, Inc.
ticker: LWRB
owner: Szczepanik-Hale Marisol | C/O LUMENWAY ROBOTICS, INC. | 77 CONGRESS STREET | SALEM | MA | 01970
  | officer: Chief Technology Officer
row: t1 hold; title: Common Stock; owned: 152400 (1); di: D
row: t1 hold; title: Common Stock; owned: 40000; di: I; nature: By Szczepanik-Hale Family Trust (2)
row: t2 hold; title: Stock Option (right to buy); exer: (3); exp: 2035-01-07; utitle: Common Stock;
  ushares: 220000; conv: 4.18; di: D
row: t2 hold; title: Restricted Stock Units; exer: (4)(5); exp: (4)(5); utitle: Common Stock;
  ushares: 60000; conv: (6); di: D
note 1: Includes 12,400 shares purchased under the Issuer's 2021 Employee Stock Purchase Plan.
note 2: The Reporting Person is a co-trustee of the trust and disclaims beneficial ownership of these
  shares except to the extent of her pecuniary interest therein.
note 3: The option vests as to 25% of the shares on January 8, 2026 and in 36 equal monthly
  installments thereafter.
note 4: The restricted stock units vest in four equal annual installments beginning January 8, 2026.
note 5: Vested units are settled in shares of Common Stock on the vesting date; the units have no
  expiration date.
note 6: Each restricted stock unit represents a contingent right to receive one share of Common
  Stock.
remarks: Exhibit 24 - Power of Attorney
signature: /s/ Idris Fairweather, Attorney-in-Fact | 2025-01-10
";

/// A Form 3 in EDGAR's layout: box 2 is the date of the event, Table I has four
/// columns and Table II eight, every row a holding.
#[test]
fn an_edgar_html_form3_of_holdings() {
    let name = "html-xsl-form3-holdings.html";
    let (f, warnings) = load(name);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_reads(HTML_FORM3, &f, name);
    assert_eq!(f.flags.no_securities_owned, Some(false));
    assert_eq!(f.issuer.cik.as_deref(), Some("0001954420"));
}

/// The HTML pages to damage: the two hand-written ones, and EDGAR's own renderings
/// when the shared folder is there.
fn html_pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = [
        "html-xsl-form4a-rewrapped-80.html",
        "html-saved-form4-joint-4-owners.htm",
        "html-xsl-form3-holdings.html",
    ]
    .iter()
    .map(|n| (n.to_string(), std::fs::read_to_string(fixture(n)).unwrap()))
    .collect();
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/filings/rendered");
    if let Ok(dir) = std::fs::read_dir(shared) {
        for e in dir.flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap();
            pages.push((e.file_name().to_string_lossy().into_owned(), text));
        }
    }
    pages
}

fn messages(w: &[insider_tui::parse::diag::Diagnostic]) -> Vec<&str> {
    w.iter().map(|d| d.message.as_str()).collect()
}

/// Cut anywhere before its end, a page reads without a panic; whatever is read comes
/// with a warning that the page was cut short.
#[test]
fn html_cut_short_anywhere_warns_and_never_panics() {
    for (name, text) in html_pages() {
        let end = text.to_ascii_lowercase().find("</html").unwrap();
        // About forty cuts a page, spread over all of it.
        let step = (end / 40).max(1);
        for (i, _) in text
            .char_indices()
            .take_while(|(i, _)| *i < end)
            .step_by(step)
        {
            if let Ok((_, w)) = parse_html(&text[..i], &name.as_str().into()) {
                assert!(
                    messages(&w).iter().any(|m| m.contains("cut short")),
                    "{name} cut at {i}: {w:?}"
                );
            }
        }
    }
}

/// Cut inside a Table II row: the boxes and Table I read in full; the broken row is
/// skipped with a warning, and so is each footnote whose text went with the cut.
#[test]
fn html_cut_inside_table_ii_keeps_what_came_before() {
    let name = "html-xsl-form4a-rewrapped-80.html";
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let cut = text.find("Restricted Stock Units").unwrap();
    let (f, w) = parse_html(&text[..cut], &name.into()).unwrap();
    let full = rendered_support::spec::expected(HTML_REWRAPPED).filing;
    for (got, want) in f.owners.iter().zip(&full.owners) {
        assert_eq!((&got.name, &got.address), (&want.name, &want.address));
        assert_eq!(got.relationship, want.relationship);
    }
    assert_eq!(f.issuer.trading_symbol.as_deref(), Some("HOSX"));
    assert_eq!(f.period_of_report, full.period_of_report);
    assert_eq!(f.rows.len(), 6);
    for (got, want) in f.rows.iter().zip(&full.rows) {
        assert_eq!(
            rendered_support::row_fields(got, &f.document_type),
            rendered_support::row_fields(want, &full.document_type)
        );
    }
    assert!(f.footnotes.is_empty() && f.signatures.is_empty());
    let m = messages(&w);
    assert!(m.iter().any(|m| m.contains("cut short")), "{m:?}");
    assert!(
        m.contains(&"Table II row of 1 cells matches no layout of the form; skipped"),
        "{m:?}"
    );
    for n in 1..=6 {
        let missing = format!("footnote F{n} is cited in a table but its text was not found");
        assert!(m.contains(&missing.as_str()), "{m:?}");
    }
}

fn without(text: &str, tags: &[&str]) -> String {
    let mut out = text.to_string();
    for t in tags {
        out = out.replace(t, "").replace(&t.to_ascii_uppercase(), "");
    }
    out
}

/// End tags HTML lets a page leave out (cells, rows, table sections) and end tags a
/// sloppy page forgets (spans, markers, bold): the page reads exactly as before.
#[test]
fn html_without_optional_or_forgotten_end_tags_reads_the_same() {
    let tags = [
        "</td>", "</tr>", "</th>", "</thead>", "</tbody>", "</span>", "</sup>", "</b>", "</u>",
        "</a>",
    ];
    for (name, text) in html_pages() {
        let (want, _) = parse_html(&text, &name.as_str().into()).unwrap();
        let sloppy = without(&text, &tags);
        let (got, w) = parse_html(&sloppy, &name.as_str().into()).unwrap();
        rendered_support::assert_same(&want, &got, &name);
        assert_eq!(got.issuer.trading_symbol, want.issuer.trading_symbol);
        assert!(w.is_empty(), "{name}: {w:?}");
    }
}

/// No table closed at all: later parts of the form now sit inside the cells of the
/// boxes. The reader says so, and still reads every table row as filed.
#[test]
fn html_with_tables_left_open_warns() {
    for (name, text) in html_pages() {
        let (want, _) = parse_html(&text, &name.as_str().into()).unwrap();
        let open = without(&text, &["</table>"]);
        let (got, w) = parse_html(&open, &name.as_str().into()).unwrap();
        let m = messages(&w);
        assert!(
            m.iter().any(|m| m.contains("tables are never closed")),
            "{name}: {m:?}"
        );
        assert_eq!(got.rows.len(), want.rows.len(), "{name}");
        for (g, e) in got.rows.iter().zip(&want.rows) {
            assert_eq!(
                rendered_support::row_fields(g, &got.document_type),
                rendered_support::row_fields(e, &want.document_type),
                "{name}"
            );
        }
        assert_eq!(got.owners.len(), want.owners.len(), "{name}");
        for (g, e) in got.owners.iter().zip(&want.owners) {
            assert_eq!(g.name, e.name, "{name}");
            assert_eq!(g.relationship, e.relationship, "{name}");
        }
        assert_eq!(got.issuer.name, want.issuer.name, "{name}");
        assert_eq!(
            got.issuer.trading_symbol, want.issuer.trading_symbol,
            "{name}"
        );
        assert_eq!(got.period_of_report, want.period_of_report, "{name}");
    }
}

/// Reads damaged bytes the way the loader would: sniffed, then read.
fn read_damaged(name: &str, text: &str) -> Option<(Filing, Vec<String>)> {
    let format = insider_tui::parse::sniff::sniff(text.as_bytes());
    let parsed = insider_tui::parse::read_file(&name.into(), text.as_bytes(), format).ok()?;
    let warnings = parsed.warnings.iter().map(|w| w.message.clone()).collect();
    parsed.filings.into_iter().next().map(|f| (f, warnings))
}

/// The text renderings damaged: cut short anywhere, lines reversed or interleaved, a
/// table taken out. Warnings, never a panic; what is left still reads.
#[test]
fn damaged_text_renderings_warn_and_never_panic() {
    // Each page with the first words of its Table II (one lost its title) and of the
    // part after it.
    for (name, table2, after) in [
        (
            "pdftext-form4-joint-reporting-owners-table.txt",
            "Table II",
            "Reporting Owners",
        ),
        (
            "markdown-pipes-form4-grant-and-options.md",
            "Table II",
            "**Explanation",
        ),
        (
            "typed-2001-form5-pem-spaced-tables.txt",
            "FORM 5 (continued)",
            "Explanation",
        ),
        (
            "pdfmarkdown-form4-broken-columns-option-exercise.md",
            "Security (Instr. 3)\tConversion",
            "Repor\tting",
        ),
    ] {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        let step = (text.len() / 40).max(1);
        for (i, _) in text.char_indices().step_by(step) {
            let _ = read_damaged(name, &text[..i]);
        }
        let lines: Vec<&str> = text.lines().collect();
        let reversed: Vec<&str> = lines.iter().rev().copied().collect();
        let _ = read_damaged(name, &reversed.join("\n"));
        let mut odd: Vec<&str> = lines.iter().step_by(2).copied().collect();
        odd.extend(lines.iter().skip(1).step_by(2));
        let _ = read_damaged(name, &odd.join("\n"));
        // Table II taken out, from its title to the next part: said, and Table I still
        // reads in full.
        let start = lines.iter().position(|l| l.contains(table2)).unwrap();
        let end = start
            + lines
                .iter()
                .skip(start)
                .position(|l| l.starts_with(after))
                .unwrap();
        let mut cut = lines.clone();
        cut.drain(start..end);
        let (f, w) = read_damaged(name, &cut.join("\n")).unwrap();
        assert!(
            w.iter().any(|m| m == "no Table II was found"),
            "{name}: {w:?}"
        );
        let (whole, _) = read_damaged(name, &text).unwrap();
        let table1: Vec<_> = whole
            .rows
            .iter()
            .filter(|r| r.table == insider_tui::model::Table::NonDerivative)
            .map(|r| rendered_support::row_fields(r, &whole.document_type))
            .collect();
        let rows: Vec<_> = f
            .rows
            .iter()
            .map(|r| rendered_support::row_fields(r, &f.document_type))
            .collect();
        assert_eq!(rows, table1, "{name}");
    }
}

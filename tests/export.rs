//! Export of hand-built filings: CSV cells as documented, JSON that reads back the same.

use std::collections::HashMap;

use chrono::NaiveDate;
use insider_tui::export::{write, ExportFormat, ExportTable};
use insider_tui::model::{
    AcquiredDisposed, Coding, DirectIndirect, Filing, Footnote, FootnoteId, FootnoteIds, FormType,
    Fv, ReportingOwner, Row, RowKind, Source, SourceKind, Table, TransactionCode,
};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fns(ids: &[&str]) -> FootnoteIds {
    ids.iter().map(|i| FootnoteId::new(i)).collect()
}

fn owner(cik: &str, name: &str) -> ReportingOwner {
    ReportingOwner {
        cik: Some(cik.into()),
        name: Some(name.into()),
        ..ReportingOwner::default()
    }
}

/// A Form 4 with a sale whose price is given only by footnote F2, a holding, and an
/// option exercise in Table II; two owners; remarks over two lines.
fn form4() -> Filing {
    let mut f = Filing::new(
        FormType::Form4,
        Source {
            path: "sub/a.txt".into(),
            kind: SourceKind::Submission,
            line: Some(65),
        },
    );
    f.accession_number = Some("0001127602-25-001055".into());
    f.period_of_report = Some(day(2025, 1, 8));
    f.filing_date = Some(day(2025, 1, 10));
    f.acceptance_datetime = day(2025, 1, 10).and_hms_opt(16, 7, 30);
    f.issuer.cik = Some("0000001750".into());
    f.issuer.name = Some("AAR CORP".into());
    f.issuer.trading_symbol = Some("AIR".into());
    f.owners = vec![
        owner("0001806647", "Garascia Jessica A."),
        owner("0000000002", "Fund, \"LP\""),
    ];
    f.owners[0].relationship.is_officer = true;
    f.owners[0].relationship.is_director = true;
    f.owners[0].relationship.officer_title = Some("VP".into());
    f.flags.aff10b5_one = Some(false);

    let mut sale = Row::new(Table::NonDerivative, RowKind::Transaction);
    sale.line = Some(90);
    sale.security_title = Fv::new("Common Stock".into());
    sale.transaction_date = Fv::new(day(2025, 1, 8));
    sale.coding = Some(Coding {
        form_type: Some("4".into()),
        code: Some(TransactionCode::S),
        equity_swap_involved: Some(false),
        footnotes: fns(&["F1"]),
    });
    sale.shares = Fv::new(dec("106150.00"));
    sale.price_per_share = Fv::with_footnotes(None, fns(&["F2"]));
    sale.acquired_disposed = Fv::new(AcquiredDisposed::Disposed);
    sale.shares_owned_following = Fv::with_footnotes(Some(dec("66340.648")), fns(&["F1", "F3"]));
    sale.direct_indirect = Fv::new(DirectIndirect::Direct);

    let mut holding = Row::new(Table::NonDerivative, RowKind::Holding);
    holding.security_title = Fv::new("Common Stock".into());
    holding.shares_owned_following = Fv::new(dec("0"));
    holding.direct_indirect = Fv::new(DirectIndirect::Indirect);
    holding.nature_of_ownership = Fv::with_footnotes(Some("By Trust".into()), fns(&["F3"]));

    let mut option = Row::new(Table::Derivative, RowKind::Transaction);
    option.security_title = Fv::new("Stock Option (right to buy)".into());
    option.coding = Some(Coding {
        code: Some(TransactionCode::M),
        ..Coding::default()
    });
    option.shares = Fv::new(dec("500"));
    option.price_per_share = Fv::new(dec("1.1972"));
    if let Some(d) = option.derivative.as_deref_mut() {
        d.conversion_or_exercise_price = Fv::new(dec("12.50"));
        d.exercise_date = Fv::with_footnotes(None, fns(&["F4"]));
        d.expiration_date = Fv::new(day(2030, 6, 30));
        d.underlying_title = Fv::new("Common Stock".into());
        d.underlying_shares = Fv::new(dec("500"));
    }
    f.rows = vec![sale, holding, option];
    f.footnotes = (1..=4)
        .map(|i| Footnote {
            id: FootnoteId::new(&format!("F{i}")),
            text: format!("Note {i}, with a comma").into(),
        })
        .collect();
    f.remarks = Some("Line one\nline two \u{1b}[31m".into());
    f
}

/// A bare-XML Form 3 with no accession, no owners' names and no rows.
fn form3() -> Filing {
    let mut f = Filing::new(
        FormType::Form3,
        Source {
            path: "x.xml".into(),
            kind: SourceKind::Xml,
            line: Some(1),
        },
    );
    f.flags.no_securities_owned = Some(true);
    f.owners = vec![ReportingOwner::default()];
    f
}

fn csv(filings: &[Filing], table: ExportTable) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut out = Vec::new();
    write(filings, ExportFormat::Csv, table, &mut out).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(out.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), header.len(), "{table:?}: {r:?}");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn every_csv_row_has_the_header_field_count() {
    let filings = [form4(), form3()];
    let expected_rows = [2, 3, 3, 4];
    for (table, n) in ExportTable::ALL.into_iter().zip(expected_rows) {
        let (header, rows) = csv(&filings, table);
        assert_eq!(header, table.columns(), "{table:?}");
        assert_eq!(rows.len(), n, "{table:?}");
    }
}

#[test]
fn an_empty_export_still_has_its_header() {
    for table in ExportTable::ALL {
        let (header, rows) = csv(&[], table);
        assert_eq!(header, table.columns());
        assert!(rows.is_empty());
    }
}

#[test]
fn footnote_only_price_is_an_empty_cell_with_its_footnote() {
    let (_, rows) = csv(&[form4()], ExportTable::Transactions);
    let sale = &rows[0];
    assert_eq!(sale["price_per_share"], "");
    assert_eq!(sale["price_per_share_footnotes"], "F2");
    assert_eq!(sale["transaction_code"], "S");
    assert_eq!(sale["transaction_code_footnotes"], "F1");
    assert_eq!(sale["shares"], "106150.00", "decimals exactly as stored");
    assert_eq!(sale["shares_owned_following"], "66340.648");
    assert_eq!(sale["shares_owned_following_footnotes"], "F1 F3");
    assert_eq!(sale["equity_swap_involved"], "false");
    assert_eq!(sale["acquired_disposed"], "D");
    assert_eq!(sale["table"], "I");
    assert_eq!(sale["kind"], "transaction");
    assert_eq!(sale["transaction_date"], "2025-01-08");
    assert_eq!(sale["owner_ciks"], "0001806647; 0000000002");
    assert_eq!(sale["owner_names"], "Garascia Jessica A.; Fund, \"LP\"");
    assert_eq!(sale["source_line"], "90");
    assert_eq!(
        sale["conversion_or_exercise_price"], "",
        "no Table II terms"
    );
}

#[test]
fn missing_values_are_empty_never_zero() {
    let (_, rows) = csv(&[form4()], ExportTable::Transactions);
    let holding = &rows[1];
    assert_eq!(holding["kind"], "holding");
    assert_eq!(holding["shares"], "");
    assert_eq!(holding["transaction_code"], "");
    assert_eq!(holding["equity_swap_involved"], "");
    assert_eq!(
        holding["shares_owned_following"], "0",
        "a filed zero stays zero"
    );
    assert_eq!(holding["nature_of_ownership"], "By Trust");
    assert_eq!(holding["nature_of_ownership_footnotes"], "F3");
    assert_eq!(
        holding["source_line"], "65",
        "the filing's line when the row has none"
    );

    let option = &rows[2];
    assert_eq!(option["table"], "II");
    assert_eq!(option["price_per_share"], "1.1972");
    assert_eq!(option["conversion_or_exercise_price"], "12.50");
    assert_eq!(option["exercise_date"], "");
    assert_eq!(option["exercise_date_footnotes"], "F4");
    assert_eq!(option["expiration_date"], "2030-06-30");
    assert_eq!(option["underlying_shares"], "500");
    assert_eq!(option["underlying_value"], "");
}

#[test]
fn filings_owners_and_footnotes_tables() {
    let (_, filings) = csv(&[form4(), form3()], ExportTable::Filings);
    let f4 = &filings[0];
    assert_eq!(f4["document_type"], "4");
    assert_eq!(f4["acceptance_datetime"], "2025-01-10T16:07:30");
    assert_eq!(f4["owner_count"], "2");
    assert_eq!(f4["aff10b5_one"], "false");
    assert_eq!(f4["not_subject_to_section16"], "", "not filed: unknown");
    assert_eq!(f4["rows"], "3");
    assert_eq!(f4["transactions"], "2");
    assert_eq!(f4["holdings"], "1");
    assert_eq!(f4["footnotes"], "4");
    assert_eq!(
        f4["remarks"], "Line one\nline two [31m",
        "line break kept, ESC dropped"
    );
    assert_eq!(f4["source_kind"], "submission");
    let f3 = &filings[1];
    assert_eq!(f3["accession_number"], "");
    assert_eq!(f3["no_securities_owned"], "true");
    assert_eq!(f3["owner_names"], "");
    assert_eq!(f3["source_path"], "x.xml");

    let (_, owners) = csv(&[form4(), form3()], ExportTable::Owners);
    assert_eq!(owners[0]["roles"], "Director; Officer");
    assert_eq!(owners[0]["is_officer"], "true");
    assert_eq!(owners[0]["is_ten_percent_owner"], "false");
    assert_eq!(owners[0]["officer_title"], "VP");
    assert_eq!(owners[1]["roles"], "");
    assert_eq!(owners[2]["owner_cik"], "");

    let (_, notes) = csv(&[form4()], ExportTable::Footnotes);
    assert_eq!(notes[3]["footnote_id"], "F4");
    assert_eq!(notes[3]["text"], "Note 4, with a comma");
    assert_eq!(notes[3]["accession_number"], "0001127602-25-001055");
}

#[test]
fn json_round_trip_keeps_decimals_as_strings() {
    let filings = [form4(), form3()];
    let mut out = Vec::new();
    // The table does not apply to JSON.
    write(&filings, ExportFormat::Json, ExportTable::Owners, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("\"1.1972\""), "{text}");
    assert!(text.contains("\"106150.00\""));
    assert!(text.contains("\"2025-01-08\""));
    let back: Vec<Filing> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, filings);
    assert_eq!(back[0].rows[2].price_per_share.value, Some(dec("1.1972")));

    let mut out = Vec::new();
    write(&[], ExportFormat::Json, ExportTable::Filings, &mut out).unwrap();
    let back: Vec<Filing> = serde_json::from_slice(&out).unwrap();
    assert!(back.is_empty());
}

#[test]
fn every_column_is_documented() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for table in ExportTable::ALL {
        let heading = format!("### `{}`", table.name());
        let start = docs
            .find(&heading)
            .unwrap_or_else(|| panic!("no section {heading}"));
        let section = docs[start + heading.len()..]
            .split("\n### ")
            .next()
            .unwrap();
        let documented: Vec<&str> = section
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split_once('`'))
            .map(|(name, _)| name)
            .collect();
        assert_eq!(documented, table.columns(), "{heading}");
    }
}

#[test]
fn form_export_lays_each_filing_out_as_the_printed_form() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let report = insider_tui::load::load(&[dir], false);
    let cellectar: Vec<&Filing> = report
        .filings
        .iter()
        .filter(|f| f.issuer.name.as_deref() == Some("Cellectar Biosciences, Inc."))
        .collect();
    let mut out = Vec::new();
    write(
        cellectar,
        ExportFormat::Form,
        ExportTable::Filings,
        &mut out,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("FORM 4\n"), "{text}");
    assert!(text.contains("Cellectar Biosciences, Inc. [CLRB]"));
    assert!(text.contains("|S(1)|"), "{text}");
    assert!(text.contains("$1.1972(2)"), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
}

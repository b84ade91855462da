//! Round trip of the form view: rendering a filing and reading the text back gives the
//! same filing for every field the printed form shows, at every width.

mod rendered_support;

use chrono::NaiveDate;
use insider_tui::model::{
    AcquiredDisposed, Address, Coding, DirectIndirect, Filing, Footnote, FootnoteId, FootnoteIds,
    FormType, Fv, Relationship, ReportingOwner, Row, RowKind, Signature, Source, SourceKind, Table,
    Text, Timeliness, TransactionCode,
};
use insider_tui::parse::rendered::parse_text;
use rendered_support::assert_same;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}
fn day(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}
fn notes(ids: &[u32]) -> FootnoteIds {
    ids.iter()
        .map(|n| FootnoteId::new(&format!("F{n}")))
        .collect()
}
fn fv<T>(v: T, ids: &[u32]) -> Fv<T> {
    Fv::with_footnotes(Some(v), notes(ids))
}
fn text(s: &str) -> Text {
    s.into()
}

fn owner(name: &str, city: &str, rel: Relationship) -> ReportingOwner {
    ReportingOwner {
        cik: None,
        name: Some(name.into()),
        address: Address {
            street1: Some("C/O EXAMPLE HOLDINGS, LLC".into()),
            street2: Some("1 MARKET STREET, SUITE 400".into()),
            city: Some(city.into()),
            state: Some("CA".into()),
            zip: Some("94105".into()),
            ..Address::default()
        },
        relationship: rel,
    }
}

fn filing(form: FormType) -> Filing {
    let mut f = Filing::new(
        form,
        Source {
            path: "hand".into(),
            kind: SourceKind::Xml,
            line: None,
        },
    );
    f.issuer.name = Some("Example Therapeutics, Inc.".into());
    f.issuer.trading_symbol = Some("EXTX".into());
    f.period_of_report = Some(day(2021, 6, 30));
    f
}

fn t1_sale(n: u32) -> Row {
    let mut r = Row::new(Table::NonDerivative, RowKind::Transaction);
    r.security_title = fv(text("Class A Common Stock"), &[]);
    r.transaction_date = fv(day(2021, 6, 30), &[]);
    r.coding = Some(Coding {
        form_type: Some("4".into()),
        code: Some(TransactionCode::S),
        equity_swap_involved: Some(false),
        footnotes: notes(&[1]),
    });
    r.shares = fv(d("1200.5"), &[]);
    r.price_per_share = fv(d("101.2345"), &[2, 3]);
    r.acquired_disposed = fv(AcquiredDisposed::Disposed, &[]);
    r.shares_owned_following = fv(d(&format!("{}", 250_000 - n)), &[]);
    r.direct_indirect = fv(DirectIndirect::Direct, &[]);
    r
}

fn t1_holding() -> Row {
    let mut r = Row::new(Table::NonDerivative, RowKind::Holding);
    r.security_title = fv(text("Common Stock"), &[]);
    r.shares_owned_following = fv(d("106150.00"), &[4]);
    r.direct_indirect = fv(DirectIndirect::Indirect, &[]);
    r.nature_of_ownership = fv(
        text("By The Example Family Irrevocable Trust dated 1999"),
        &[5],
    );
    r
}

fn t2_option() -> Row {
    let mut r = Row::new(Table::Derivative, RowKind::Transaction);
    r.security_title = fv(text("Stock Option (right to buy)"), &[]);
    r.transaction_date = fv(day(2021, 6, 29), &[]);
    r.deemed_execution_date = fv(day(2021, 6, 30), &[]);
    r.coding = Some(Coding {
        form_type: Some("4".into()),
        code: Some(TransactionCode::M),
        equity_swap_involved: Some(true),
        footnotes: FootnoteIds::new(),
    });
    r.timeliness = fv(Timeliness::Early, &[]);
    r.shares = fv(d("5000"), &[]);
    r.acquired_disposed = fv(AcquiredDisposed::Disposed, &[]);
    r.price_per_share = fv(d("0"), &[]);
    r.shares_owned_following = fv(d("15000"), &[]);
    r.direct_indirect = fv(DirectIndirect::Direct, &[]);
    if let Some(t) = r.derivative.as_mut() {
        t.conversion_or_exercise_price = fv(d("12.50"), &[]);
        t.exercise_date = Fv::with_footnotes(None, notes(&[1, 2, 3]));
        t.expiration_date = fv(day(2030, 1, 31), &[]);
        t.underlying_title = fv(text("Class A Common Stock"), &[]);
        t.underlying_shares = fv(d("5000"), &[]);
    }
    r
}

fn t2_note_by_value() -> Row {
    let mut r = Row::new(Table::Derivative, RowKind::Transaction);
    r.security_title = fv(text("Convertible Senior Notes due 2026"), &[6]);
    r.transaction_date = fv(day(2021, 6, 30), &[]);
    r.coding = Some(Coding {
        code: Some(TransactionCode::P),
        ..Coding::default()
    });
    r.total_value = fv(d("2500000"), &[]);
    r.acquired_disposed = fv(AcquiredDisposed::Acquired, &[]);
    r.price_per_share = fv(d("2500000"), &[]);
    r.value_owned_following = fv(d("7500000"), &[]);
    r.direct_indirect = fv(DirectIndirect::Indirect, &[]);
    r.nature_of_ownership = fv(text("See footnote"), &[6]);
    if let Some(t) = r.derivative.as_mut() {
        t.conversion_or_exercise_price = Fv::with_footnotes(None, notes(&[6]));
        t.exercise_date = Fv::with_footnotes(None, notes(&[6]));
        t.expiration_date = fv(day(2026, 3, 15), &[]);
        t.underlying_title = fv(text("Class A Common Stock"), &[]);
        t.underlying_value = Fv::with_footnotes(None, notes(&[6]));
    }
    r
}

fn t2_holding() -> Row {
    let mut r = Row::new(Table::Derivative, RowKind::Holding);
    r.security_title = fv(text("Series B Convertible Preferred Stock"), &[]);
    r.shares_owned_following = fv(d("1000"), &[]);
    r.direct_indirect = fv(DirectIndirect::Direct, &[]);
    if let Some(t) = r.derivative.as_mut() {
        t.conversion_or_exercise_price = Fv::with_footnotes(None, notes(&[2]));
        t.exercise_date = Fv::with_footnotes(None, notes(&[2]));
        t.underlying_title = fv(text("Common Stock"), &[]);
        t.underlying_shares = fv(d("66340.648"), &[]);
    }
    r
}

fn foot(n: u32, s: &str) -> Footnote {
    Footnote {
        id: FootnoteId::new(&format!("F{n}")),
        text: s.into(),
    }
}

fn sig(s: &str, date: Option<NaiveDate>) -> Signature {
    Signature {
        name: s.into(),
        date,
    }
}

fn cases() -> Vec<(&'static str, Filing)> {
    let officer = Relationship {
        is_director: true,
        is_officer: true,
        officer_title: Some("Executive Vice President, General Counsel and Secretary".into()),
        ..Relationship::default()
    };
    let mut f4 = filing(FormType::Form4);
    f4.flags.not_subject_to_section16 = Some(false);
    f4.flags.aff10b5_one = Some(true);
    f4.owners = vec![owner("DOE JANE Q", "SAN FRANCISCO", officer.clone())];
    f4.rows = vec![
        t1_sale(1),
        t1_sale(2),
        t1_holding(),
        t2_option(),
        t2_note_by_value(),
    ];
    f4.footnotes = (1..=6)
        .map(|n| foot(n, &format!("Footnote {n}: the price is a weighted average; prices ranged from $1.17 to $1.26, and (2) full details are available on request. Line {n}.")))
        .collect();
    f4.remarks = Some(
        "Exhibit 24 - Power of Attorney.\nThe reporting person disclaims beneficial ownership."
            .into(),
    );
    f4.signatures = vec![sig(
        "/s/ John Smith, attorney-in-fact for Jane Q. Doe",
        Some(day(2021, 7, 2)),
    )];

    let mut f4a = f4.clone();
    f4a.document_type = FormType::Form4A;
    f4a.date_of_original_submission = Some(day(2021, 7, 2));
    f4a.flags = Default::default();

    let mut f3 = filing(FormType::Form3);
    f3.owners = vec![owner(
        "EXAMPLE VENTURES FUND II, L.P.",
        "MENLO PARK",
        Relationship {
            is_ten_percent_owner: true,
            is_other: true,
            other_text: Some("Member of a 13(d) group".into()),
            ..Relationship::default()
        },
    )];
    let mut h = t1_holding();
    h.nature_of_ownership = Fv::default();
    h.direct_indirect = fv(DirectIndirect::Direct, &[]);
    f3.rows = vec![t1_holding(), h, t2_holding()];
    f3.flags.no_securities_owned = Some(false);
    f3.footnotes = vec![
        foot(2, "Convertible at any time, without expiration."),
        foot(4, "Held of record."),
        foot(5, "By trust."),
    ];

    let mut f3_empty = filing(FormType::Form3A);
    f3_empty.date_of_original_submission = Some(day(2021, 7, 1));
    f3_empty.owners = vec![owner(
        "MUSK ELON",
        "AUSTIN",
        Relationship {
            is_director: true,
            ..Relationship::default()
        },
    )];
    f3_empty.flags.no_securities_owned = Some(true);
    f3_empty.signatures = vec![sig("/s/ Elon Musk", None)];

    let mut f5 = filing(FormType::Form5);
    f5.flags.not_subject_to_section16 = Some(false);
    f5.flags.form3_holdings_reported = Some(false);
    f5.flags.form4_transactions_reported = Some(true);
    f5.owners = vec![owner(
        "MCMAHON JOHN DENNIS",
        "BOZEMAN",
        Relationship {
            is_director: true,
            ..Relationship::default()
        },
    )];
    let mut gift = t1_sale(3);
    gift.coding = Some(Coding {
        code: Some(TransactionCode::G),
        footnotes: notes(&[1]),
        ..Coding::default()
    });
    gift.price_per_share = fv(d("0"), &[]);
    f5.rows = vec![gift, t1_holding()];
    f5.footnotes = vec![
        foot(1, "Gift."),
        foot(4, "Includes RSUs."),
        foot(5, "Trust."),
    ];
    f5.signatures = vec![sig(
        "/s/ Travis Shrout, Attorney-in-Fact",
        Some(day(2022, 3, 11)),
    )];

    let mut joint = filing(FormType::Form4);
    joint.owners = (0..8)
        .map(|i| {
            owner(
                &format!("SOFTBANK VISION FUND ({i}) L.P."),
                "LONDON",
                Relationship {
                    is_ten_percent_owner: true,
                    ..Relationship::default()
                },
            )
        })
        .collect();
    joint.rows = vec![t1_sale(9), t2_note_by_value()];
    joint.footnotes = vec![
        foot(1, "One."),
        foot(2, "Two."),
        foot(3, "Three."),
        foot(6, "Six."),
    ];
    joint.signatures = (0..8)
        .map(|i| {
            sig(
                &format!(
                    "SoftBank Vision Fund ({i}) L.P., By: /s/ Stephen Lam, Authorized Signatory"
                ),
                Some(day(2021, 7, 1)),
            )
        })
        .collect();
    vec![
        ("form 4", f4),
        ("form 4/A", f4a),
        ("form 3", f3),
        ("form 3/A, nothing owned", f3_empty),
        ("form 5", f5),
        ("joint", joint),
    ]
}

#[test]
fn hand_built_filings_read_back_at_every_width() {
    for (name, f) in cases() {
        for width in [44, 60, 80, 100, 132, 180, 260, 400] {
            let text = insider_tui::form::render(&f, width);
            let (back, warnings) = parse_text(&text, &"view".into())
                .unwrap_or_else(|e| panic!("{name} at {width}: {e}\n{text}"));
            assert_same(
                &f,
                &back,
                &format!("{name} at width {width}\n{text}\nwarnings: {warnings:?}"),
            );
        }
    }
}

#[test]
fn lines_keep_to_the_width_and_are_plain() {
    for (_, f) in cases() {
        for width in [44, 80, 132] {
            for line in insider_tui::form::render_lines(&f, width) {
                assert!(line.chars().count() <= width, "{width}: {line:?}");
                assert!(!line.chars().any(char::is_control), "{line:?}");
            }
        }
    }
}

/// Two views saved as fixtures: a joint filing of eight owners one field a line, and a
/// Form 5 in ruled columns. They must still read back to their filings, and the view
/// must still print them unchanged.
#[test]
fn saved_views_read_back() {
    let all = cases();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rendered");
    for (case, width, file) in [
        ("joint", 60, "form-view-joint-8-owners-records.txt"),
        ("form 5", 200, "form-view-form5-ruled.txt"),
    ] {
        let f = &all.iter().find(|(n, _)| *n == case).unwrap().1;
        let path = dir.join(file);
        if std::env::var_os("WRITE_VIEWS").is_some() {
            std::fs::write(&path, insider_tui::form::render(f, width) + "\n").unwrap();
        }
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            saved.trim_end(),
            insider_tui::form::render(f, width),
            "{file}"
        );
        let (filings, issues) = insider_tui::load::load_file(&path);
        assert!(issues
            .iter()
            .all(|i| i.severity == insider_tui::parse::diag::Severity::Warning));
        assert_same(f, &filings[0], file);
    }
}

/// The property over the synthetic generator: every generated filing, rendered at a
/// wide and a narrow width, reads back the same for every field the form shows.
#[test]
fn synthetic_filings_read_back() {
    let opts = insider_tui::synth::SynthOptions {
        seed: 6,
        filings: 300,
    };
    for (i, f) in insider_tui::synth::generate(&opts).enumerate() {
        for width in [60, 220] {
            let text = insider_tui::form::render(&f, width);
            let (back, _) = parse_text(&text, &"synthetic".into())
                .unwrap_or_else(|e| panic!("filing {i} at {width}: {e}"));
            assert_same(
                &f,
                &back,
                &format!("synthetic filing {i} at width {width}\n{text}"),
            );
        }
    }
}

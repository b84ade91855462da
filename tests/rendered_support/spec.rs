//! Expected filings written as short text, one field a line, so a test can state every
//! value a rendering must read to and compare them all at once.
//!
//! ```text
//! form: 4/A
//! period: 2024-02-20
//! original: 2024-02-22
//! issuer: Example Corp.
//! ticker: EXMP
//! flags: 10b5-1, not subject, form 3 holdings, form 4 transactions
//! owner: DOE JANE | street 1 | street 2 | CITY | ST | 12345 | director; ten; officer: CFO; other: text
//! row: t1 tx; title: Common Stock; date: 2024-02-20; code: S (1); shares: 1200; ad: D;
//!   price: 31.4182 (2); owned: 52310; di: D; nature: By Trust (3)
//! note 1: text of footnote 1
//! remarks: text
//! signature: /s/ Jane Doe | 2024-02-27
//! ```
//!
//! A line that starts with spaces continues the one above. Values end with their
//! footnote markers, `(1)` or `(5)(6)`; a value of `-` is none (markers only). Row keys:
//! `title date deemed code v shares value ad price owned value_owned di nature` and, in
//! Table II, `conv exer exp utitle ushares uvalue`.

use chrono::NaiveDate;
use insider_tui::model::{
    AcquiredDisposed, Coding, DirectIndirect, Filing, Footnote, FootnoteId, FootnoteIds, FormType,
    Fv, Relationship, ReportingOwner, Row, RowKind, Signature, Source, SourceKind, Table, Text,
    Timeliness, TransactionCode,
};
use rust_decimal::Decimal;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

fn opt(s: &str) -> Option<Text> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.into())
}

/// Splits trailing `(n)` markers off a spec value: `31.4182 (2)` → `31.4182`, [F2].
fn markers(raw: &str) -> (Option<String>, FootnoteIds) {
    let mut rest = raw.trim();
    let mut ids = Vec::new();
    while let Some(open) = rest.strip_suffix(')').and_then(|r| r.rfind('(')) {
        let inner = &rest[open + 1..rest.len() - 1];
        if inner.is_empty() || !inner.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        ids.push(FootnoteId::new(&format!("F{inner}")));
        rest = rest[..open].trim_end();
    }
    ids.reverse();
    let value = (!rest.is_empty() && rest != "-").then(|| rest.to_string());
    (value, ids.into_iter().collect())
}

fn fv<T>(raw: &str, read: impl Fn(&str) -> T) -> Fv<T> {
    let (value, ids) = markers(raw);
    Fv::with_footnotes(value.as_deref().map(read), ids)
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

fn row(spec: &str) -> (Row, Option<AcquiredDisposed>) {
    let mut fields = spec.split(';').map(str::trim);
    let head = fields.next().unwrap();
    let (table, kind) = match head {
        "t1 tx" => (Table::NonDerivative, RowKind::Transaction),
        "t1 hold" => (Table::NonDerivative, RowKind::Holding),
        "t2 tx" => (Table::Derivative, RowKind::Transaction),
        "t2 hold" => (Table::Derivative, RowKind::Holding),
        other => panic!("row kind {other:?}"),
    };
    let mut r = Row::new(table, kind);
    let mut ad = None;
    for field in fields.filter(|f| !f.is_empty()) {
        let (key, value) = field
            .split_once(':')
            .unwrap_or_else(|| panic!("field {field:?}"));
        let value = value.trim();
        let text = |v: &str| Text::from(v);
        match key.trim() {
            "title" => r.security_title = fv(value, text),
            "date" => r.transaction_date = fv(value, date),
            "deemed" => r.deemed_execution_date = fv(value, date),
            "code" => {
                let (code, ids) = markers(value);
                r.coding = Some(Coding {
                    code: code.as_deref().and_then(TransactionCode::parse),
                    footnotes: ids,
                    ..Coding::default()
                });
            }
            "v" => r.timeliness = fv(value, |_| Timeliness::Early),
            "shares" => r.shares = fv(value, dec),
            "value" => r.total_value = fv(value, dec),
            "ad" => {
                r.acquired_disposed = fv(value, |v| AcquiredDisposed::parse(v).unwrap());
                ad = r.acquired_disposed.value;
            }
            "price" => r.price_per_share = fv(value, dec),
            "owned" => r.shares_owned_following = fv(value, dec),
            "value_owned" => r.value_owned_following = fv(value, dec),
            "di" => r.direct_indirect = fv(value, |v| DirectIndirect::parse(v).unwrap()),
            "nature" => r.nature_of_ownership = fv(value, text),
            key => {
                let d = r
                    .derivative
                    .as_mut()
                    .unwrap_or_else(|| panic!("{key} in Table I"));
                match key {
                    "conv" => d.conversion_or_exercise_price = fv(value, dec),
                    "exer" => d.exercise_date = fv(value, date),
                    "exp" => d.expiration_date = fv(value, date),
                    "utitle" => d.underlying_title = fv(value, text),
                    "ushares" => d.underlying_shares = fv(value, dec),
                    "uvalue" => d.underlying_value = fv(value, dec),
                    other => panic!("row key {other:?}"),
                }
            }
        }
    }
    (r, ad)
}

fn owner(spec: &str) -> ReportingOwner {
    let parts: Vec<&str> = spec.split('|').collect();
    assert_eq!(parts.len(), 7, "owner needs 7 parts: {spec:?}");
    let mut o = ReportingOwner {
        name: opt(parts[0]),
        ..ReportingOwner::default()
    };
    o.address.street1 = opt(parts[1]);
    o.address.street2 = opt(parts[2]);
    o.address.city = opt(parts[3]);
    o.address.state = opt(parts[4]);
    o.address.zip = opt(parts[5]);
    let mut rel = Relationship::default();
    for role in parts[6].split(';').map(str::trim).filter(|r| !r.is_empty()) {
        let (name, text) = role.split_once(':').unwrap_or((role, ""));
        match name.trim() {
            "director" => rel.is_director = true,
            "ten" => rel.is_ten_percent_owner = true,
            "officer" => {
                rel.is_officer = true;
                rel.officer_title = opt(text);
            }
            "other" => {
                rel.is_other = true;
                rel.other_text = opt(text);
            }
            other => panic!("role {other:?}"),
        }
    }
    o.relationship = rel;
    o
}

/// An expected filing, with the (A)/(D) letter each row must carry exactly (the
/// comparison of [`super::assert_same`] lets a missing Table II letter pass as (A)).
pub struct Expected {
    /// The filing.
    pub filing: Filing,
    /// (A) or (D) of each row, in order.
    pub letters: Vec<Option<AcquiredDisposed>>,
}

/// Reads an expected filing from its spec.
pub fn expected(spec: &str) -> Expected {
    let mut lines: Vec<String> = Vec::new();
    for l in spec.lines() {
        if l.starts_with(' ') && !l.trim().is_empty() {
            let last = lines.last_mut().expect("continuation first");
            last.push(' ');
            last.push_str(l.trim());
        } else if !l.trim().is_empty() {
            lines.push(l.trim().to_string());
        }
    }
    let mut f = Filing::new(
        FormType::Form4,
        Source {
            path: "expected".into(),
            kind: SourceKind::RenderedText,
            line: None,
        },
    );
    let mut letters = Vec::new();
    for l in lines {
        let (key, value) = l.split_once(':').unwrap_or_else(|| panic!("line {l:?}"));
        let value = value.trim();
        match key {
            "form" => f.document_type = FormType::parse(value),
            "period" => f.period_of_report = Some(date(value)),
            "original" => f.date_of_original_submission = Some(date(value)),
            "issuer" => f.issuer.name = opt(value),
            "ticker" => f.issuer.trading_symbol = opt(value),
            "flags" => {
                for flag in value.split(',').map(str::trim) {
                    let slot = match flag {
                        "10b5-1" => &mut f.flags.aff10b5_one,
                        "not subject" => &mut f.flags.not_subject_to_section16,
                        "form 3 holdings" => &mut f.flags.form3_holdings_reported,
                        "form 4 transactions" => &mut f.flags.form4_transactions_reported,
                        other => panic!("flag {other:?}"),
                    };
                    *slot = Some(true);
                }
            }
            "owner" => f.owners.push(owner(value)),
            "row" => {
                let (r, ad) = row(value);
                f.rows.push(r);
                letters.push(ad);
            }
            "remarks" => f.remarks = opt(value),
            "signature" => {
                let (name, when) = value.split_once('|').unwrap_or((value, ""));
                f.signatures.push(Signature {
                    name: name.trim().into(),
                    date: opt(when).map(|d| date(&d)),
                });
            }
            note if note.starts_with("note ") => f.footnotes.push(Footnote {
                id: FootnoteId::new(&format!("F{}", note.trim_start_matches("note ").trim())),
                text: value.into(),
            }),
            other => panic!("key {other:?}"),
        }
    }
    Expected { filing: f, letters }
}

/// Panics unless `got` shows every value of the spec, and carries the same (A)/(D)
/// letter on every row.
pub fn assert_reads(spec: &str, got: &Filing, context: &str) {
    let want = expected(spec);
    super::assert_same(&want.filing, got, context);
    let letters: Vec<Option<AcquiredDisposed>> =
        got.rows.iter().map(|r| r.acquired_disposed.value).collect();
    assert_eq!(letters, want.letters, "{context}: (A)/(D) letters");
}

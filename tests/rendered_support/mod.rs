//! What the printed form shows of a filing, as one comparable value, so readings of a
//! rendering can be checked field by field against the filing it was made from.

#![allow(dead_code)]

pub mod spec;

use chrono::NaiveDate;
use insider_tui::model::{
    AcquiredDisposed, Filing, FootnoteIds, FormType, Fv, Row, Table, Text, Timeliness,
};
use rust_decimal::Decimal;

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn t(v: &Option<Text>) -> Option<String> {
    v.as_deref().map(squash).filter(|s| !s.is_empty())
}

fn ids(f: &FootnoteIds) -> Vec<String> {
    f.iter().map(|i| i.as_str().to_string()).collect()
}

#[derive(Debug, PartialEq)]
pub enum V {
    T(Option<String>),
    D(Option<NaiveDate>),
    N(Option<Decimal>),
    S(Option<String>),
}

fn ft(f: &Fv<Text>) -> (V, Vec<String>) {
    (V::T(t(&f.value)), ids(&f.footnotes))
}
fn fd(f: &Fv<NaiveDate>) -> (V, Vec<String>) {
    (V::D(f.value), ids(&f.footnotes))
}
fn fnum(f: &Fv<Decimal>) -> (V, Vec<String>) {
    (V::N(f.value), ids(&f.footnotes))
}

/// A share count and a dollar value print in one cell; with no value printed, the
/// cell's footnotes cannot say which of the two they qualify, so they go to the first.
fn pair(shares: &Fv<Decimal>, value: &Fv<Decimal>) -> (Fv<Decimal>, Fv<Decimal>) {
    if shares.value.is_none() && value.value.is_none() {
        let mut all = shares.footnotes.clone();
        all.extend(value.footnotes.iter().cloned());
        (Fv::with_footnotes(None, all), Fv::default())
    } else {
        (shares.clone(), value.clone())
    }
}

/// The fields of one row the form prints, by name.
pub fn row_fields(r: &Row, form: &FormType) -> Vec<(&'static str, (V, Vec<String>))> {
    let form3 = matches!(form, FormType::Form3 | FormType::Form3A);
    let mut out = vec![
        ("table", (V::S(Some(r.table.as_str().into())), vec![])),
        ("kind", (V::S(Some(r.kind.as_str().into())), vec![])),
        ("title", ft(&r.security_title)),
        ("date", fd(&r.transaction_date)),
        ("deemed", fd(&r.deemed_execution_date)),
        ("shares", fnum(&pair(&r.shares, &r.total_value).0)),
        ("total value", fnum(&pair(&r.shares, &r.total_value).1)),
        ("price", fnum(&r.price_per_share)),
        (
            "owned",
            fnum(&pair(&r.shares_owned_following, &r.value_owned_following).0),
        ),
        (
            "value owned",
            fnum(&pair(&r.shares_owned_following, &r.value_owned_following).1),
        ),
        (
            "direct/indirect",
            (
                V::S(r.direct_indirect.value.map(|v| v.as_str().into())),
                ids(&r.direct_indirect.footnotes),
            ),
        ),
        ("nature", ft(&r.nature_of_ownership)),
    ];
    if form3 && r.table == Table::Derivative {
        // Form 3's Table II has no column for an amount owned: the underlying amount is it.
        out.retain(|(name, _)| !matches!(*name, "owned" | "value owned"));
    }
    let code = r.coding.as_ref();
    out.push((
        "code",
        (
            V::S(
                code.and_then(|c| c.code.as_ref())
                    .map(|c| c.as_str().into()),
            ),
            code.map(|c| ids(&c.footnotes)).unwrap_or_default(),
        ),
    ));
    out.push((
        "equity swap",
        (
            V::S(Some(
                (code.and_then(|c| c.equity_swap_involved) == Some(true)).to_string(),
            )),
            vec![],
        ),
    ));
    if matches!(form, FormType::Form4 | FormType::Form4A) {
        out.push((
            "timeliness",
            (
                V::S(r.timeliness.value.map(|t| match t {
                    Timeliness::Early => "E".into(),
                    Timeliness::Late => "L".into(),
                })),
                ids(&r.timeliness.footnotes),
            ),
        ));
    }
    let has_amount = !(r.shares.is_empty() && r.total_value.is_empty());
    let ad = match r.table {
        // Table II prints the amount under (A) or (D): the letter shows only with an
        // amount, and a missing letter prints as (A).
        Table::Derivative => (
            V::S(has_amount.then(|| {
                r.acquired_disposed
                    .value
                    .unwrap_or(AcquiredDisposed::Acquired)
                    .as_str()
                    .into()
            })),
            vec![],
        ),
        Table::NonDerivative => (
            V::S(r.acquired_disposed.value.map(|v| v.as_str().into())),
            ids(&r.acquired_disposed.footnotes),
        ),
    };
    out.push(("acquired/disposed", ad));
    if let Some(d) = r.derivative.as_deref() {
        out.push(("exercise price", fnum(&d.conversion_or_exercise_price)));
        out.push(("exercisable", fd(&d.exercise_date)));
        out.push(("expiration", fd(&d.expiration_date)));
        out.push(("underlying title", ft(&d.underlying_title)));
        let (shares, value) = pair(&d.underlying_shares, &d.underlying_value);
        out.push(("underlying shares", fnum(&shares)));
        out.push(("underlying value", fnum(&value)));
    }
    out
}

/// Everything the form shows, flattened to `(field, value)` lines.
pub fn shown(f: &Filing) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut put = |k: String, v: String| out.push((k, v));
    put("form".into(), f.document_type.as_str().into());
    put("period".into(), format!("{:?}", f.period_of_report));
    put(
        "original".into(),
        format!("{:?}", f.date_of_original_submission),
    );
    put("issuer".into(), format!("{:?}", t(&f.issuer.name)));
    put(
        "ticker".into(),
        format!("{:?}", t(&f.issuer.trading_symbol)),
    );
    let fl = &f.flags;
    let on = |b: Option<bool>| b == Some(true);
    put(
        "no longer subject".into(),
        on(fl.not_subject_to_section16).to_string(),
    );
    put("10b5-1".into(), on(fl.aff10b5_one).to_string());
    put(
        "form 3 holdings".into(),
        on(fl.form3_holdings_reported).to_string(),
    );
    put(
        "form 4 transactions".into(),
        on(fl.form4_transactions_reported).to_string(),
    );
    for (i, o) in f.owners.iter().enumerate() {
        let a = &o.address;
        let r = &o.relationship;
        put(format!("owner {i} name"), format!("{:?}", t(&o.name)));
        put(
            format!("owner {i} address"),
            format!(
                "{:?}",
                [&a.street1, &a.street2, &a.city, &a.state, &a.zip].map(t)
            ),
        );
        put(
            format!("owner {i} relationship"),
            format!(
                "{} {} {} {} {:?} {:?}",
                r.is_director,
                r.is_ten_percent_owner,
                r.is_officer,
                r.is_other,
                t(&r.officer_title),
                t(&r.other_text)
            ),
        );
    }
    for (i, r) in f.rows.iter().enumerate() {
        for (name, v) in row_fields(r, &f.document_type) {
            put(format!("row {i} {name}"), format!("{v:?}"));
        }
    }
    for n in &f.footnotes {
        put(format!("footnote {}", n.id), squash(&n.text));
    }
    put("remarks".into(), format!("{:?}", t(&f.remarks)));
    for (i, s) in f.signatures.iter().enumerate() {
        put(
            format!("signature {i}"),
            format!("{} {:?}", squash(&s.name), s.date),
        );
    }
    out
}

/// Panics with every field that differs.
pub fn assert_same(expected: &Filing, got: &Filing, context: &str) {
    let a = shown(expected);
    let b = shown(got);
    let mut diffs = Vec::new();
    for i in 0..a.len().max(b.len()) {
        if a.get(i) != b.get(i) {
            diffs.push(format!(
                "  expected {:?}\n  got      {:?}",
                a.get(i),
                b.get(i)
            ));
        }
    }
    assert!(
        diffs.is_empty(),
        "{context}: {} fields differ:\n{}",
        diffs.len(),
        diffs.into_iter().take(12).collect::<Vec<_>>().join("\n")
    );
}

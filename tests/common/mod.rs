//! Helpers shared by the integration tests: where the real filings are, and the counts
//! their manifest gives.

#![allow(dead_code)]

use std::path::PathBuf;

use insider_tui::model::{Filing, Fv, Text};
use insider_tui::write::dataset::round_like_data_sets;

/// The folder of real filings beside the project, or `None` (with a note on stderr) when
/// it is absent, so tests can skip cleanly.
pub fn shared_filings() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/filings");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is absent, so the real-filing tests cannot run",
            dir.display()
        );
        None
    }
}

/// Counts the manifest gives for one file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Expected {
    pub file: String,
    pub owners: usize,
    pub t1_tx: usize,
    pub t1_hold: usize,
    pub t2_tx: usize,
    pub t2_hold: usize,
    pub footnotes: usize,
}

/// Reads the counts of every `xml/` and `submissions/` row of MANIFEST.md.
pub fn manifest(dir: &std::path::Path) -> Vec<Expected> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.md")).unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(file) = cells.get(1) else { continue };
        if !(file.starts_with("xml/") || file.starts_with("submissions/")) {
            continue;
        }
        let what = cells.get(4).copied().unwrap_or_default();
        let mut e = Expected {
            file: file.to_string(),
            ..Expected::default()
        };
        let words: Vec<&str> = what.split([';', ',', '—']).map(str::trim).collect();
        for w in words {
            let parts: Vec<&str> = w.split_whitespace().collect();
            let n = |i: usize| parts.get(i).and_then(|p| p.parse::<usize>().ok());
            match parts.as_slice() {
                [_, "owner"] | [_, "owners"] => e.owners = n(0).unwrap(),
                [_, "T1", "tx"] => e.t1_tx = n(0).unwrap(),
                [_, "T1", "hold"] => e.t1_hold = n(0).unwrap(),
                [_, "T2", "tx"] => e.t2_tx = n(0).unwrap(),
                [_, "T2", "hold"] => e.t2_hold = n(0).unwrap(),
                [_, "footnotes"] if n(0).is_some() => e.footnotes = n(0).unwrap(),
                _ => {}
            }
        }
        out.push(e);
    }
    out
}

fn ascii(t: &Text) -> Text {
    let s: String = t
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_ascii() => c,
            _ => '?',
        })
        .collect();
    Text::from(s.trim())
}

fn text_fv(fv: &mut Fv<Text>) {
    fv.value = fv.value.as_ref().map(ascii);
}

fn dec_fv(fv: &mut Fv<rust_decimal::Decimal>) {
    fv.value = fv.value.map(round_like_data_sets);
}

/// Reduces a filing to what a data set can carry: numbers rounded to two decimals,
/// non-ASCII as `?`, and none of the facts the tables have no column for.
pub fn comparable(mut f: Filing) -> Filing {
    f.source.path = "".into();
    f.source.line = None;
    f.source.kind = insider_tui::model::SourceKind::DataSet;
    f.also_in.clear();
    f.schema_version = None;
    f.acceptance_datetime = None;
    f.issuer.sic = None;
    f.issuer.state_of_incorporation = None;
    f.issuer.foreign_trading_symbol = None;
    f.issuer.name = f.issuer.name.as_ref().map(ascii);
    f.remarks = f.remarks.as_ref().map(ascii).filter(|r| !r.is_empty());
    for o in &mut f.owners {
        o.name = o.name.as_ref().map(ascii);
        let a = &mut o.address;
        a.country = None;
        a.non_us_state_territory = None;
        a.is_non_us = None;
        for part in [&mut a.street1, &mut a.street2, &mut a.city] {
            *part = part.as_ref().map(ascii);
        }
        let r = &mut o.relationship;
        r.officer_title = r.officer_title.as_ref().map(ascii);
        r.other_text = r.other_text.as_ref().map(ascii);
    }
    for n in &mut f.footnotes {
        n.text = ascii(&n.text);
    }
    f.footnotes.sort_by_key(|n| n.id.number());
    for s in &mut f.signatures {
        s.name = ascii(&s.name);
    }
    for r in &mut f.rows {
        r.line = None;
        text_fv(&mut r.security_title);
        text_fv(&mut r.nature_of_ownership);
        for d in [
            &mut r.shares,
            &mut r.total_value,
            &mut r.price_per_share,
            &mut r.shares_owned_following,
            &mut r.value_owned_following,
        ] {
            dec_fv(d);
        }
        if let Some(d) = r.derivative.as_deref_mut() {
            dec_fv(&mut d.conversion_or_exercise_price);
            dec_fv(&mut d.underlying_shares);
            dec_fv(&mut d.underlying_value);
            text_fv(&mut d.underlying_title);
        }
    }
    f
}

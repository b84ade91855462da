//! Tests of the synthetic generator: determinism and the realism the benchmarks rely on.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{generate, Generator, SynthOptions};
use crate::model::{Filing, FormType, RowKind, Table};

fn run(seed: u64, filings: usize) -> Vec<Filing> {
    generate(&SynthOptions { seed, filings }).collect()
}

#[test]
fn a_seed_gives_the_same_filings_and_another_seed_others() {
    let a = run(42, 300);
    assert_eq!(a, run(42, 300));
    let b = run(43, 300);
    assert_ne!(a, b);
    // Filings do not depend on each other: any one can be made alone.
    let g = Generator::new(&SynthOptions {
        seed: 42,
        filings: 300,
    });
    assert_eq!(g.filing(217), a[217]);
    assert_eq!(g.len(), 300);
}

#[test]
fn the_mix_looks_like_edgar() {
    let filings = run(7, 20_000);
    let n = filings.len() as f64;
    let share =
        |pred: &dyn Fn(&Filing) -> bool| filings.iter().filter(|f| pred(f)).count() as f64 / n;
    let form4 = share(&|f| f.document_type == FormType::Form4);
    assert!((0.78..0.86).contains(&form4), "form 4 share {form4}");
    for form in [FormType::Form3A, FormType::Form4A, FormType::Form5A] {
        let s = share(&|f| f.document_type == form);
        assert!(s > 0.003, "{form} share {s}");
    }
    let joint = share(&|f| f.owners.len() > 1);
    assert!((0.03..0.07).contains(&joint), "joint share {joint}");
    assert!(filings.iter().all(|f| (1..=10).contains(&f.owners.len())));
    let rows: usize = filings.iter().map(|f| f.rows.len()).sum();
    let mean = rows as f64 / n;
    assert!((3.0..4.5).contains(&mean), "rows per filing {mean}");
    let max = filings.iter().map(|f| f.rows.len()).max().unwrap_or(0);
    assert!((30..=60).contains(&max), "longest filing {max} rows");
    let single = share(&|f| f.rows.len() <= 2);
    assert!(single > 0.4, "one- or two-row filings {single}");
    let footnote_only_price = filings
        .iter()
        .flat_map(|f| &f.rows)
        .filter(|r| r.kind == RowKind::Transaction && r.price_per_share.is_footnote_only())
        .count();
    assert!(footnote_only_price > 100, "{footnote_only_price}");
    let by_value = filings
        .iter()
        .flat_map(|f| &f.rows)
        .filter(|r| r.total_value.value.is_some() && r.value_owned_following.value.is_some())
        .count();
    assert!(by_value > 20, "{by_value}");
    let mut codes = HashSet::new();
    for r in filings.iter().flat_map(|f| &f.rows) {
        if let Some(c) = r.code() {
            codes.insert(c.as_str().to_string());
        }
    }
    assert!(codes.len() >= 18, "{codes:?}");
    let versions: HashSet<&str> = filings
        .iter()
        .filter_map(|f| f.schema_version.as_deref())
        .collect();
    for v in [
        "X0202", "X0203", "X0204", "X0206", "X0303", "X0306", "X0407", "X0508", "X0609",
    ] {
        assert!(versions.contains(v), "no {v}");
    }
}

#[test]
fn filings_are_consistent() {
    let from = NaiveDate::from_ymd_opt(2003, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2027, 6, 30).unwrap();
    let box_from = NaiveDate::from_ymd_opt(2023, 4, 1).unwrap();
    let mut accessions = HashSet::new();
    for f in run(11, 5_000) {
        let filed = f.filing_date.unwrap();
        let period = f.period_of_report.unwrap();
        assert!(from <= filed && filed <= to, "{filed}");
        assert!(period <= filed);
        assert_eq!(&*f.source.path, "synthetic");
        assert_eq!(f.acceptance_datetime.unwrap().date(), filed);

        let acc = f.accession_number.clone().unwrap();
        let parts: Vec<&str> = acc.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [10, 2, 6],
            "{acc}"
        );
        assert!(accessions.insert(acc));

        // Footnotes are F1..Fn, each cited somewhere, and every citation resolves.
        let ids: Vec<&str> = f.footnotes.iter().map(|n| n.id.as_str()).collect();
        let expected: Vec<String> = (1..=ids.len()).map(|i| format!("F{i}")).collect();
        assert_eq!(ids, expected);
        let cited: HashSet<&str> = f
            .rows
            .iter()
            .flat_map(|r| r.footnote_ids())
            .map(|id| id.as_str())
            .collect();
        assert_eq!(cited, ids.iter().copied().collect::<HashSet<_>>());

        // Table order and shapes.
        let tables: Vec<Table> = f.rows.iter().map(|r| r.table).collect();
        assert!(tables.windows(2).all(|w| w[0] <= w[1]));
        assert!(f
            .rows
            .iter()
            .all(|r| r.derivative.is_some() == (r.table == Table::Derivative)));

        match f.document_type {
            FormType::Form3 | FormType::Form3A => {
                assert_eq!(f.flags.no_securities_owned, Some(f.rows.is_empty()));
                assert!(f.rows.iter().all(|r| r.kind == RowKind::Holding));
                assert_eq!(f.flags.aff10b5_one, None);
            }
            _ => assert_eq!(f.flags.aff10b5_one.is_some(), filed >= box_from),
        }
        assert_eq!(
            f.date_of_original_submission.is_some(),
            f.document_type.is_amendment()
        );
        if let Some(original) = f.date_of_original_submission {
            assert!(original < filed);
        }
        let x0609 = f.schema_version.as_deref() == Some("X0609");
        for o in &f.owners {
            assert_eq!(o.address.is_non_us.is_some(), x0609);
            assert!(o.name.is_some() && o.cik.is_some());
        }
        if !x0609 {
            assert!(f.issuer.foreign_trading_symbol.is_none());
        }
        assert!(!f.signatures.is_empty());
    }
}

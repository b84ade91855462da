//! Every real filing of the shared corpus loads without error, and its counts of owners,
//! rows and footnotes equal the manifest's.

mod common;

use insider_tui::load::load_file;
use insider_tui::model::{RowKind, Table};
use insider_tui::parse::diag::Severity;

#[test]
fn every_real_filing_matches_the_manifest() {
    let Some(dir) = common::shared_filings() else {
        return;
    };
    let expected = common::manifest(&dir);
    assert!(expected.len() >= 55, "manifest rows: {}", expected.len());
    let mut failures = Vec::new();
    for e in &expected {
        let (filings, issues) = load_file(&dir.join(&e.file));
        let errors: Vec<_> = issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .collect();
        if !errors.is_empty() || filings.len() != 1 {
            failures.push(format!(
                "{}: {} filings, errors {errors:?}",
                e.file,
                filings.len()
            ));
            continue;
        }
        let f = &filings[0];
        let count = |t: Table, k: RowKind| {
            f.rows
                .iter()
                .filter(|r| r.table == t && r.kind == k)
                .count()
        };
        let got = common::Expected {
            file: e.file.clone(),
            owners: f.owners.len(),
            t1_tx: count(Table::NonDerivative, RowKind::Transaction),
            t1_hold: count(Table::NonDerivative, RowKind::Holding),
            t2_tx: count(Table::Derivative, RowKind::Transaction),
            t2_hold: count(Table::Derivative, RowKind::Holding),
            footnotes: f.footnotes.len(),
        };
        if &got != e {
            failures.push(format!("{}:\n  want {e:?}\n  got  {got:?}", e.file));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

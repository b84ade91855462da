//! The `check` command: load files and folders, print every issue the way compilers do
//! (`path:line: error: message`), then what was loaded, by form type, with totals.
//!
//! Nothing is drawn on a terminal beyond plain lines, so the output can be piped, grepped,
//! or jumped through by an editor.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use crate::load::{load, LoadReport};
use crate::model::FormType;
use crate::parse::diag::Severity;

/// Loads `paths` (files, or folders walked recursively) and writes the report to `out`.
///
/// Returns `true` when some file failed to load with an error, so the caller can exit
/// non-zero. Warnings alone do not count as failure.
pub fn run(paths: &[PathBuf], out: &mut dyn Write) -> io::Result<bool> {
    let report = load(paths, true);
    write_report(&report, out)?;
    Ok(report.count(Severity::Error) > 0)
}

/// Writes the issues, the filings by form type (`  4/A  12`), a line on skipped
/// non-filing files if any, and last the totals line.
fn write_report(report: &LoadReport, out: &mut dyn Write) -> io::Result<()> {
    for issue in &report.issues {
        writeln!(out, "{issue}")?;
    }
    let mut by_form: BTreeMap<&FormType, usize> = BTreeMap::new();
    for f in &report.filings {
        *by_form.entry(&f.document_type).or_default() += 1;
    }
    for (form, n) in by_form {
        let form = crate::text::sanitize(form.as_str());
        writeln!(out, "  {form:<4} {n}")?;
    }
    if report.skipped > 0 {
        let what = if report.skipped == 1 {
            "file that is not a filing"
        } else {
            "files that are not filings"
        };
        writeln!(out, "skipped {} {what}", report.skipped)?;
    }
    let filings = &report.filings;
    let owners: usize = filings.iter().map(|f| f.owners.len()).sum();
    let transactions: usize = filings.iter().map(|f| f.transaction_count()).sum();
    let holdings: usize = filings.iter().map(|f| f.holding_count()).sum();
    let footnotes: usize = filings.iter().map(|f| f.footnotes.len()).sum();
    writeln!(
        out,
        "{} files, {} filings, {owners} owners, {transactions} transactions, {holdings} holdings, \
         {footnotes} footnotes, {} warnings, {} errors",
        report.files,
        filings.len(),
        report.count(Severity::Warning),
        report.count(Severity::Error),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Filing, Footnote, FootnoteId, ReportingOwner, Row, RowKind, Source};
    use crate::model::{SourceKind, Table};
    use crate::parse::diag::LoadIssue;

    fn filing(form: FormType, owners: usize, rows: &[RowKind], footnotes: usize) -> Filing {
        let mut f = Filing::new(
            form,
            Source {
                path: "f.xml".into(),
                kind: SourceKind::Xml,
                line: Some(1),
            },
        );
        f.owners = vec![ReportingOwner::default(); owners];
        f.rows = rows
            .iter()
            .map(|k| Row::new(Table::NonDerivative, *k))
            .collect();
        f.footnotes = (1..=footnotes)
            .map(|i| Footnote {
                id: FootnoteId::new(&format!("F{i}")),
                text: "note".into(),
            })
            .collect();
        f
    }

    #[test]
    fn report_lists_issues_forms_and_totals() {
        use RowKind::{Holding, Transaction};
        let report = LoadReport {
            files: 4,
            skipped: 2,
            filings: vec![
                filing(FormType::Form4A, 1, &[Transaction], 1),
                filing(FormType::Form4, 2, &[Transaction, Transaction, Holding], 3),
                filing(FormType::Form3, 1, &[Holding], 0),
                filing(FormType::Form4, 1, &[], 0),
            ],
            issues: vec![
                LoadIssue {
                    unlisted: 0,
                    path: "a.xml".into(),
                    line: Some(7),
                    severity: Severity::Warning,
                    message: "price: not a number: \"x\"".into(),
                },
                LoadIssue {
                    unlisted: 0,
                    path: "b.txt".into(),
                    line: None,
                    severity: Severity::Error,
                    message: "not a filing: an HTML page".into(),
                },
            ],
        };
        let mut out = Vec::new();
        write_report(&report, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a.xml:7: warning: price: not a number: \"x\"\n\
             b.txt: error: not a filing: an HTML page\n\
             \x20 3    1\n\
             \x20 4    2\n\
             \x20 4/A  1\n\
             skipped 2 files that are not filings\n\
             4 files, 4 filings, 5 owners, 3 transactions, 2 holdings, 4 footnotes, \
             1 warnings, 1 errors\n"
        );
    }

    #[test]
    fn bad_files_fail_the_check() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, "this is not a filing\n").unwrap();
        let cut = dir.path().join("cut.txt");
        std::fs::write(
            &cut,
            "<SEC-DOCUMENT>x\n<SEC-HEADER>\nACCESSION NUMBER:\t1\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("README.md"), "# notes\n").unwrap();
        let mut out = Vec::new();
        let failed = run(&[dir.path().to_path_buf()], &mut out).unwrap();
        assert!(failed);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let bad = bad.display().to_string();
        let cut = cut.display().to_string();
        assert_eq!(
            lines,
            [
                format!("{bad}: error: not a filing: text that is not an ownership filing"),
                format!("{cut}:4: error: the submission ends before its first <DOCUMENT>: the file is truncated"),
                "skipped 1 file that is not a filing".to_string(),
                "2 files, 0 filings, 0 owners, 0 transactions, 0 holdings, 0 footnotes, \
                 0 warnings, 2 errors"
                    .to_string(),
            ]
        );
    }

    #[test]
    fn totals_count_the_warnings_a_list_leaves_out() {
        let dir = tempfile::tempdir().unwrap();
        let rows: String = (0..1500)
            .map(|_| {
                "<nonDerivativeHolding><securityTitle><value>Common</value></securityTitle>\
                 <postTransactionAmounts><sharesOwnedFollowingTransaction><value>x</value>\
                 </sharesOwnedFollowingTransaction></postTransactionAmounts>\
                 </nonDerivativeHolding>"
            })
            .collect();
        let xml = format!(
            "<ownershipDocument><documentType>3</documentType>\
             <nonDerivativeTable>{rows}</nonDerivativeTable></ownershipDocument>"
        );
        std::fs::write(dir.path().join("many.xml"), xml).unwrap();
        let mut out = Vec::new();
        run(&[dir.path().to_path_buf()], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches(": warning: ").count(), 1001, "{text}");
        // 1,500 values and two warnings about the missing issuer and owner.
        assert!(
            text.contains(": warning: 502 more warnings are not listed"),
            "{text}"
        );
        assert!(text.ends_with(", 1502 warnings, 0 errors\n"), "{text}");
    }

    #[test]
    fn a_missing_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Vec::new();
        assert!(run(&[dir.path().join("nope.xml")], &mut out).unwrap());
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("nope.xml: error: cannot read"), "{text}");
        assert!(text.ends_with("0 files, 0 filings, 0 owners, 0 transactions, 0 holdings, 0 footnotes, 0 warnings, 1 errors\n"), "{text}");
    }
}

//! Joining the tables on `ACCESSION_NUMBER`: one filing per accession, owners as a list
//! (never one row per co-filer), rows in `*_SK` order within each table.

use rustc_hash::FxHashMap;

use super::table::{Keyed, TableName, Tables};
use super::TableFile;
use crate::model::{Filing, FormType, Row, Source, SourceKind, Text};
use crate::parse::diag::{LoadIssue, Severity};
use crate::parse::MAX_LISTED_WARNINGS;

/// The items of one table, put in per-filing lists of exactly their length (`ids`
/// gives each item's filing, in item order).
fn gather<T>(filings: usize, parts: Vec<Vec<Keyed<T>>>, ids: &[usize]) -> Vec<Vec<T>> {
    let mut counts = vec![0usize; filings];
    for &i in ids {
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
        }
    }
    let mut lists: Vec<Vec<T>> = counts.into_iter().map(Vec::with_capacity).collect();
    for (item, &i) in parts.into_iter().flatten().zip(ids) {
        if let Some(list) = lists.get_mut(i) {
            list.push(item.item);
        }
    }
    lists
}

/// Builds the filings of a quarter from its parsed tables.
pub fn join(
    quarter: &Text,
    files: &[TableFile],
    mut parts: Vec<Tables>,
) -> (Vec<Filing>, Vec<LoadIssue>) {
    let mut issues = Vec::new();
    let label_of = |file: usize| {
        files
            .get(file)
            .map_or_else(|| quarter.clone(), |f| f.label.clone())
    };
    let submission_label = files
        .iter()
        .find(|f| f.name == TableName::Submission)
        .map(|f| f.label.clone());
    let has_submission = submission_label.is_some();
    let fallback_path = submission_label.unwrap_or_else(|| quarter.clone());
    let unknown_form = Text::from("");

    // Accessions met twice in SUBMISSION, and missing from it: the first
    // [`MAX_LISTED_WARNINGS`] of each are listed, the rest counted.
    let (mut twice, mut absent) = (0, 0);
    let mut index: FxHashMap<Text, usize> = FxHashMap::default();
    let submissions: usize = parts.iter().map(|t| t.submissions.len()).sum();
    index.reserve(submissions);
    let mut filings: Vec<Filing> = Vec::with_capacity(submissions);
    for s in parts
        .iter_mut()
        .flat_map(|t| std::mem::take(&mut t.submissions))
    {
        if index.contains_key(&s.acc) {
            twice += 1;
            if twice > MAX_LISTED_WARNINGS {
                continue;
            }
            issues.push(LoadIssue {
                unlisted: 0,
                path: label_of(s.file),
                line: Some(s.line),
                severity: Severity::Warning,
                message: format!(
                    "accession {} appears twice in SUBMISSION; the first row is kept",
                    s.acc
                ),
            });
            continue;
        }
        let mut f = s.item;
        f.accession_number = Some(s.acc.clone());
        f.source.path = label_of(s.file);
        index.insert(s.acc, filings.len());
        filings.push(f);
    }

    // A filing's rows sit together in each table and share one accession text, so the
    // previous row's answer is checked first, by address.
    let mut last: Option<(Text, usize)> = None;
    let mut lookup = |acc: &Text, file: usize, line: u32, issues: &mut Vec<LoadIssue>| -> usize {
        if let Some((prev, i)) = &last {
            if Text::ptr_eq(prev, acc) {
                return *i;
            }
        }
        if let Some(&i) = index.get(acc) {
            last = Some((acc.clone(), i));
            return i;
        }
        if has_submission {
            absent += 1;
        }
        if has_submission && absent <= MAX_LISTED_WARNINGS {
            issues.push(LoadIssue {
                unlisted: 0,
                path: label_of(file),
                line: Some(line),
                severity: Severity::Warning,
                message: format!(
                    "accession {acc} is not in SUBMISSION; its rows still form a filing (form and issuer unknown)"
                ),
            });
        }
        let mut f = Filing::new(
            FormType::Other(unknown_form.clone()),
            Source {
                path: fallback_path.clone(),
                kind: SourceKind::DataSet,
                line: None,
            },
        );
        f.accession_number = Some(acc.clone());
        index.insert(acc.clone(), filings.len());
        filings.push(f);
        last = Some((acc.clone(), filings.len() - 1));
        filings.len() - 1
    };

    let mut ids = Vec::new();
    for o in parts.iter().flat_map(|t| &t.owners) {
        ids.push(lookup(&o.acc, o.file, o.line, &mut issues));
    }
    let mut row_ids = Vec::new();
    for r in parts.iter().flat_map(|t| &t.rows) {
        row_ids.push(lookup(&r.acc, r.file, r.line, &mut issues));
    }
    let mut note_ids = Vec::new();
    for n in parts.iter().flat_map(|t| &t.footnotes) {
        note_ids.push(lookup(&n.acc, n.file, n.line, &mut issues));
    }
    let mut sig_ids = Vec::new();
    for s in parts.iter().flat_map(|t| &t.signatures) {
        sig_ids.push(lookup(&s.acc, s.file, s.line, &mut issues));
    }
    for (count, what) in [
        (twice, "appear twice in SUBMISSION"),
        (absent, "are not in SUBMISSION"),
    ] {
        if count > MAX_LISTED_WARNINGS {
            issues.push(LoadIssue {
                unlisted: count - MAX_LISTED_WARNINGS,
                path: fallback_path.clone(),
                line: None,
                severity: Severity::Warning,
                message: format!(
                    "{} more accessions {what}, not listed: only the first {MAX_LISTED_WARNINGS} are",
                    count - MAX_LISTED_WARNINGS
                ),
            });
        }
    }

    // Each table's items go to their filings in a task of their own (the four fill
    // different lists), then the lists are handed to the filings.
    let n = filings.len();
    let (mut owners, mut notes, mut sigs, mut rows) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for t in parts {
        owners.push(t.owners);
        notes.push(t.footnotes);
        sigs.push(t.signatures);
        rows.push(t.rows);
    }
    let ((owners, notes), (sigs, rows)) = rayon::join(
        || {
            rayon::join(
                || gather(n, owners, &ids),
                || {
                    let mut notes = gather(n, notes, &note_ids);
                    for list in &mut notes {
                        list.sort_by(|a, b| {
                            let key =
                                |n: &crate::model::Footnote| n.id.number().unwrap_or(u32::MAX);
                            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
                        });
                    }
                    notes
                },
            )
        },
        || {
            rayon::join(
                || gather(n, sigs, &sig_ids),
                || {
                    gather(n, rows, &row_ids)
                        .into_iter()
                        .map(|mut rows| {
                            // Table I before Table II, transactions before holdings,
                            // then SK order: the order of the XML document.
                            rows.sort_by_key(|(sk, r)| (r.table, r.kind, *sk));
                            rows.into_iter().map(|(_, r)| r).collect::<Vec<Row>>()
                        })
                        .collect::<Vec<_>>()
                },
            )
        },
    );
    for ((((f, o), n), s), r) in filings
        .iter_mut()
        .zip(owners)
        .zip(notes)
        .zip(sigs)
        .zip(rows)
    {
        f.owners = o;
        f.footnotes = n;
        f.signatures = s;
        f.rows = r;
    }
    (filings, issues)
}

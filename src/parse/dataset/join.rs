//! Joining the tables on `ACCESSION_NUMBER`: one filing per accession, owners as a list
//! (never one row per co-filer), rows in `*_SK` order within each table.

use rustc_hash::FxHashMap;

use super::table::{TableName, Tables};
use super::TableFile;
use crate::model::{Filing, FormType, Row, Source, SourceKind, Text};
use crate::parse::diag::{LoadIssue, Severity};

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

    let mut index: FxHashMap<Text, usize> = FxHashMap::default();
    let submissions: usize = parts.iter().map(|t| t.submissions.len()).sum();
    index.reserve(submissions);
    let mut filings: Vec<Filing> = Vec::with_capacity(submissions);
    for s in parts
        .iter_mut()
        .flat_map(|t| std::mem::take(&mut t.submissions))
    {
        if index.contains_key(&s.acc) {
            issues.push(LoadIssue {
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

    let mut lookup = |acc: &Text, file: usize, line: u32, issues: &mut Vec<LoadIssue>| -> usize {
        if let Some(&i) = index.get(acc) {
            return i;
        }
        if has_submission {
            issues.push(LoadIssue {
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

    for (o, i) in parts
        .iter_mut()
        .flat_map(|t| std::mem::take(&mut t.owners))
        .zip(ids)
    {
        if let Some(f) = filings.get_mut(i) {
            f.owners.push(o.item);
        }
    }
    for (n, i) in parts
        .iter_mut()
        .flat_map(|t| std::mem::take(&mut t.footnotes))
        .zip(note_ids)
    {
        if let Some(f) = filings.get_mut(i) {
            f.footnotes.push(n.item);
        }
    }
    for (s, i) in parts
        .iter_mut()
        .flat_map(|t| std::mem::take(&mut t.signatures))
        .zip(sig_ids)
    {
        if let Some(f) = filings.get_mut(i) {
            f.signatures.push(s.item);
        }
    }
    let mut keyed_rows: Vec<Vec<(i64, Row)>> = Vec::new();
    keyed_rows.resize_with(filings.len(), Vec::new);
    for (r, i) in parts
        .iter_mut()
        .flat_map(|t| std::mem::take(&mut t.rows))
        .zip(row_ids)
    {
        if let Some(v) = keyed_rows.get_mut(i) {
            v.push(r.item);
        }
    }
    for (f, mut rows) in filings.iter_mut().zip(keyed_rows) {
        // Table I before Table II, transactions before holdings, then SK order: the
        // order of the XML document.
        rows.sort_by_key(|(sk, r)| (r.table, r.kind, *sk));
        f.rows = rows.into_iter().map(|(_, r)| r).collect();
        f.footnotes
            .sort_by_key(|n| (n.id.number().unwrap_or(u32::MAX), n.id.clone()));
        // Vectors grown by push keep room for four; a million filings make that matter.
        f.owners.shrink_to_fit();
        f.footnotes.shrink_to_fit();
        f.signatures.shrink_to_fit();
    }
    (filings, issues)
}

//! Reader for the SEC's quarterly Insider Transactions Data Sets: the eight TSV tables of
//! a quarter, from a folder or streamed from the `YYYYqN_form345.zip` itself.
//!
//! Tables are parsed in parallel (large tables in chunks of lines), columns are found by
//! header name, and the rows are joined on `ACCESSION_NUMBER` into one
//! [`crate::model::Filing`] per accession: owners as a list, rows in `*_SK` order within
//! each table, footnote ids resolved per filing. A missing table is one warning; a row that
//! cannot be read is a warning naming table, line and column; the rest always loads.

mod columns;
mod join;
mod rows;
mod table;
mod tsv;

use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::model::{Filing, Text};
use crate::parse::diag::{LoadIssue, Severity};
pub use rows::SharedTexts;
pub use table::TableName;

/// One table's bytes and the label issues name it by (a path, or `zip!member`).
pub struct TableFile {
    /// Which of the eight tables this is.
    pub name: TableName,
    /// Path or `archive.zip!MEMBER.tsv`, for messages and sources.
    pub label: Text,
    /// The raw TSV bytes, header included.
    pub bytes: Vec<u8>,
}

/// Filings and issues read from one quarter.
#[derive(Debug, Default)]
pub struct QuarterRead {
    /// One filing per accession.
    pub filings: Vec<Filing>,
    /// Warnings (missing tables, bad rows) and errors (unreadable tables).
    pub issues: Vec<LoadIssue>,
}

/// True when `path`'s file name is one of the eight table names (`SUBMISSION.tsv`, any
/// case).
pub fn is_table_file(path: &Path) -> bool {
    table_of(path).is_some()
}

fn table_of(path: &Path) -> Option<TableName> {
    let name = path.file_name()?.to_str()?;
    TableName::from_file_name(name)
}

/// Reads the tables found directly in `dir` as one quarter, sharing texts through
/// `texts`. A table found twice (`FOOTNOTES.tsv` and `footnotes.tsv`) is read from the
/// first name in sorted order only.
pub fn read_dir(dir: &Path, texts: &SharedTexts) -> QuarterRead {
    let mut issues = Vec::new();
    let mut files = Vec::new();
    let label = Text::from(dir.to_string_lossy().as_ref());
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            let tables: Vec<(TableName, Text, std::path::PathBuf)> = paths
                .into_iter()
                .filter_map(|p| Some((table_of(&p)?, Text::from(p.to_string_lossy().as_ref()), p)))
                .collect();
            let tables = first_of_each(tables, |(t, label, _)| (*t, label), &mut issues);
            for (name, file_label, p) in tables {
                match std::fs::read(&p) {
                    Ok(bytes) => files.push(TableFile {
                        name,
                        label: file_label,
                        bytes,
                    }),
                    Err(e) => issues.push(issue(
                        &file_label,
                        None,
                        Severity::Error,
                        format!("cannot read: {e}"),
                    )),
                }
            }
        }
        Err(e) => issues.push(issue(
            &label,
            None,
            Severity::Error,
            format!("cannot read: {e}"),
        )),
    }
    let mut read = read_tables(&label, files, texts);
    issues.append(&mut read.issues);
    read.issues = issues;
    read
}

/// The largest table inflated from a zip: the biggest real table of a quarter is a few
/// hundred megabytes.
const MAX_TABLE_BYTES: usize = 1 << 30;

/// The most all the tables of one zip inflate to, together: a real quarter's eight tables
/// come to well under a gigabyte. Without this bound a zip of a few megabytes could hold
/// many members that each inflate to [`MAX_TABLE_BYTES`] (the same table named again and
/// again, say), and reading it would take as many gigabytes.
const MAX_ARCHIVE_BYTES: usize = 2 << 30;

/// Keeps the first of `items` for each table; each later one is a warning naming it
/// (`describe` gives an item's table and how messages name it).
fn first_of_each<T>(
    items: Vec<T>,
    describe: impl Fn(&T) -> (TableName, &Text),
    issues: &mut Vec<LoadIssue>,
) -> Vec<T> {
    let mut kept: Vec<(TableName, Text)> = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let (table, label) = describe(&item);
        match kept.iter().find(|(t, _)| *t == table) {
            Some((_, first)) => issues.push(issue(
                label,
                None,
                Severity::Warning,
                format!(
                    "a second {} table: passed over, {first} is read",
                    table.file_name()
                ),
            )),
            None => {
                kept.push((table, label.clone()));
                out.push(item);
            }
        }
    }
    out
}

/// The most memory the items parsed from one quarter's tables may take, counting each row
/// as its item and a filing of its own (the worst case: every row a new accession). A real
/// quarter's come to about 350 MB. Without this bound a zip of a few hundred kilobytes,
/// inflating to millions of tiny rows of one accession, took gigabytes.
const MAX_QUARTER_ITEM_BYTES: usize = 2 << 30;

/// Bytes that may still be taken (inflated by the members of one zip, or parsed into
/// items from one quarter's tables), shared by the threads taking them.
pub(super) struct Budget {
    used: AtomicUsize,
    limit: usize,
}

impl Budget {
    pub(super) fn new(limit: usize) -> Budget {
        Budget {
            used: AtomicUsize::new(0),
            limit,
        }
    }

    /// Counts `n` more bytes; an error (and `n` not counted) when all the members
    /// together would pass the limit.
    fn take(&self, n: usize) -> Result<(), String> {
        let before = self.used.fetch_add(n, Ordering::Relaxed);
        if before.saturating_add(n) > self.limit {
            self.give_back(n);
            return Err(format!(
                "the archive's tables inflate to more than {} MiB in all, far beyond any \
                 real quarter: this table is not read",
                self.limit >> 20
            ));
        }
        Ok(())
    }

    /// Takes as many of `n` bytes as are left; returns how many were taken.
    pub(super) fn take_up_to(&self, n: usize) -> usize {
        let mut taken = 0;
        let _ = self
            .used
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |used| {
                taken = n.min(self.limit.saturating_sub(used));
                Some(used + taken)
            });
        taken
    }

    /// The bound, in MiB.
    pub(super) fn limit_mib(&self) -> usize {
        self.limit >> 20
    }

    /// Gives back `n` bytes counted by [`Budget::take`] and not kept.
    pub(super) fn give_back(&self, n: usize) {
        self.used.fetch_sub(n, Ordering::Relaxed);
    }
}

/// The most a deflate stream expands: 258 bytes from every quarter-byte code, in theory.
const MAX_DEFLATE_RATIO: usize = 1032;

/// True when `bytes` start like a zip archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a quarter's zip from memory: each table member is inflated (in parallel), never
/// written to disk. Members are matched by name, in any case, at any folder depth; a table
/// met twice is read the first time only, and all the tables together inflate to at most
/// 2 GiB. Texts are shared through `texts`.
pub fn read_zip(label: &Text, bytes: &[u8], texts: &SharedTexts) -> QuarterRead {
    use rayon::prelude::*;
    let archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => {
            return QuarterRead {
                filings: Vec::new(),
                issues: vec![issue(
                    label,
                    None,
                    Severity::Error,
                    format!("not a readable zip archive: {e}"),
                )],
            }
        }
    };
    let mut issues = Vec::new();
    let members: Vec<(usize, TableName, Text)> = (0..archive.len())
        .filter_map(|i| {
            let name = archive.name_for_index(i)?;
            let base = name.rsplit('/').next().unwrap_or(name);
            let table = TableName::from_file_name(base)?;
            Some((i, table, Text::from(format!("{label}!{name}"))))
        })
        .collect();
    let members = first_of_each(members, |(_, t, member)| (*t, member), &mut issues);
    let budget = Budget::new(MAX_ARCHIVE_BYTES);
    let results: Vec<Result<TableFile, LoadIssue>> = members
        .par_iter()
        .map(|(i, table, member)| {
            let fail = |e: String| issue(member, None, Severity::Error, e);
            let bytes = inflate_member(bytes, *i, &budget).map_err(fail)?;
            Ok(TableFile {
                name: *table,
                label: member.clone(),
                bytes,
            })
        })
        .collect();
    let mut files = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(i) => issues.push(i),
        }
    }
    if files.is_empty() && issues.is_empty() {
        issues.push(issue(
            label,
            None,
            Severity::Error,
            "the zip holds none of the data-set tables (SUBMISSION.tsv, REPORTINGOWNER.tsv, …)",
        ));
    }
    let mut read = read_tables(label, files, texts);
    issues.append(&mut read.issues);
    read.issues = issues;
    read
}

/// The bytes of member `index` of the zip in `zip`, inflated.
///
/// A deflated member whose declared size is plausible is inflated in one call into a
/// buffer of exactly that size, and its checksum is verified. Anything else (a stored
/// member, a size that turns out wrong) is streamed, and streaming stops at a ceiling far
/// above any real quarter's table, so a zip bomb costs an error, not the machine's memory.
fn inflate_member(zip: &[u8], index: usize, budget: &Budget) -> Result<Vec<u8>, String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(zip)).map_err(|e| format!("cannot open: {e}"))?;
    let mut raw = archive
        .by_index_raw(index)
        .map_err(|e| format!("cannot open: {e}"))?;
    let declared = usize::try_from(raw.size()).unwrap_or(usize::MAX);
    let packed_size = usize::try_from(raw.compressed_size()).unwrap_or(usize::MAX);
    if raw.compression() == zip::CompressionMethod::Deflated
        && !raw.encrypted()
        && plausible_size(declared, packed_size)
    {
        let expected_crc = raw.crc32();
        let mut packed = Vec::with_capacity(packed_size.min(MAX_TABLE_BYTES));
        raw.read_to_end(&mut packed)
            .map_err(|e| format!("cannot read: {e}"))?;
        budget.take(declared)?;
        let mut out = vec![0u8; declared];
        match libdeflater::Decompressor::new().deflate_decompress(&packed, &mut out) {
            Ok(n) if n == declared => {
                if libdeflater::crc32(&out) != expected_crc {
                    return Err(
                        "cannot inflate: checksum mismatch, the member is damaged".to_string()
                    );
                }
                return Ok(out);
            }
            Err(libdeflater::DecompressionError::BadData) => {
                return Err("cannot inflate: the compressed data is damaged".to_string());
            }
            // The declared size was wrong: stream it instead, under the ceiling.
            Ok(_) | Err(libdeflater::DecompressionError::InsufficientSpace) => {
                budget.give_back(declared);
            }
        }
    }
    drop(raw);
    let mut file = archive
        .by_index(index)
        .map_err(|e| format!("cannot open: {e}"))?;
    // The declared size is only a hint (a hostile archive can lie). Read a piece at a
    // time, each counted against the archive's budget.
    const PIECE: u64 = 16 << 20;
    let mut out = Vec::with_capacity(declared.min(256 << 20));
    loop {
        let n = (&mut file)
            .take(PIECE)
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot inflate: {e}"))?;
        if n == 0 {
            return Ok(out);
        }
        budget.take(n)?;
        if out.len() > MAX_TABLE_BYTES {
            return Err(format!(
                "inflates to more than {} MiB, far beyond any real table: not read",
                MAX_TABLE_BYTES >> 20
            ));
        }
    }
}

/// True when `declared` bytes can come out of `packed` bytes of deflate stream and stay
/// under the ceiling. Deflate expands at most about 1032 to 1: a larger declared size is a
/// lie, and is not allocated up front.
fn plausible_size(declared: usize, packed: usize) -> bool {
    declared <= MAX_TABLE_BYTES
        && declared <= packed.saturating_mul(MAX_DEFLATE_RATIO).saturating_add(64)
}

/// Parses and joins a quarter's tables (any subset of the eight), sharing texts through
/// `texts`.
pub fn read_tables(quarter: &Text, files: Vec<TableFile>, texts: &SharedTexts) -> QuarterRead {
    let mut issues = Vec::new();
    for missing in TableName::ALL
        .iter()
        .filter(|t| !files.iter().any(|f| f.name == **t))
    {
        if files.is_empty() {
            break;
        }
        issues.push(issue(
            quarter,
            None,
            Severity::Warning,
            format!(
                "table {} is missing: {}",
                missing.file_name(),
                missing.consequence()
            ),
        ));
    }
    let parsed = table::parse_all(&files, texts, &Budget::new(MAX_QUARTER_ITEM_BYTES));
    let (filings, mut join_issues) = join::join(quarter, &files, parsed.tables);
    issues.extend(parsed.issues);
    issues.append(&mut join_issues);
    QuarterRead { filings, issues }
}

fn issue(
    path: &Text,
    line: Option<u32>,
    severity: Severity,
    message: impl Into<String>,
) -> LoadIssue {
    LoadIssue {
        unlisted: 0,
        path: path.clone(),
        line,
        severity,
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const TABLE: &str = "ACCESSION_NUMBER\tFOOTNOTE_ID\tFOOTNOTE_TXT\n";

    /// A zip of one FOOTNOTES table holding `rows` rows, deflated.
    fn zip_of(rows: usize) -> (Vec<u8>, String) {
        let mut body = String::from(TABLE);
        for i in 0..rows {
            body.push_str(&format!("0000000001-24-{i:06}\tF1\tNote number {i}.\n"));
        }
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("FOOTNOTES.tsv", options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
        (zip.finish().unwrap().into_inner(), body)
    }

    /// Member 0 of `zip`, inflated under the bound of a whole archive.
    fn inflate(zip: &[u8]) -> Result<Vec<u8>, String> {
        inflate_member(zip, 0, &Budget::new(MAX_ARCHIVE_BYTES))
    }

    /// Overwrites the little-endian `u32` at `offset` past the central directory entry.
    fn patch_central(zip: &mut [u8], offset: usize, f: impl Fn(u32) -> u32) {
        let at = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap() + offset;
        let old = u32::from_le_bytes(zip[at..at + 4].try_into().unwrap());
        zip[at..at + 4].copy_from_slice(&f(old).to_le_bytes());
    }

    #[test]
    fn a_member_inflates_to_its_exact_bytes() {
        let (zip, body) = zip_of(2_000);
        assert_eq!(inflate(&zip).unwrap(), body.as_bytes());
        let read = read_zip(&Text::from("q.zip"), &zip, &SharedTexts::default());
        assert_eq!(read.filings.len(), 2_000);
    }

    #[test]
    fn a_wrong_declared_size_still_inflates_the_whole_member() {
        for delta in [-100i64, 100] {
            let (mut zip, body) = zip_of(2_000);
            // Uncompressed size: 24 bytes into the central directory entry.
            patch_central(&mut zip, 24, |n| (i64::from(n) + delta) as u32);
            let bytes = inflate(&zip).unwrap();
            assert_eq!(bytes, body.as_bytes(), "size off by {delta}");
        }
    }

    #[test]
    fn a_declared_size_beyond_any_deflate_ratio_is_not_trusted() {
        assert!(plausible_size(92 << 20, 9 << 20));
        assert!(!plausible_size(900 << 20, 1 << 10), "900 MiB from 1 KiB");
        assert!(!plausible_size(MAX_TABLE_BYTES + 1, MAX_TABLE_BYTES));
        let (mut zip, body) = zip_of(50);
        patch_central(&mut zip, 24, |_| 900 << 20);
        assert_eq!(inflate(&zip).unwrap(), body.as_bytes());
    }

    #[test]
    fn a_checksum_mismatch_is_an_error_naming_the_damage() {
        let (mut zip, _) = zip_of(2_000);
        patch_central(&mut zip, 16, |crc| crc ^ 1);
        let err = inflate(&zip).unwrap_err();
        assert!(err.contains("checksum mismatch"), "{err}");
        let read = read_zip(&Text::from("q.zip"), &zip, &SharedTexts::default());
        assert!(read.filings.is_empty());
        assert!(read
            .issues
            .iter()
            .any(|i| i.path.contains("q.zip!FOOTNOTES.tsv") && i.message.contains("damaged")));
    }

    #[test]
    fn damaged_compressed_data_is_an_error() {
        let (mut zip, _) = zip_of(2_000);
        let data = zip.windows(4).position(|w| w == b"PK\x03\x04").unwrap() + 60;
        for b in &mut zip[data..data + 200] {
            *b = 0xff;
        }
        let err = inflate(&zip).unwrap_err();
        assert!(err.starts_with("cannot inflate"), "{err}");
    }

    /// A zip of the named members, deflated.
    fn zip_with(members: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in members {
            zip.start_file(*name, options).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_table_named_twice_is_read_once_with_a_warning() {
        let first = format!("{TABLE}0000000001-24-000001\tF1\tThe first table.\n");
        let second = format!("{TABLE}0000000002-24-000002\tF1\tThe second table.\n");
        let zip = zip_with(&[("FOOTNOTES.tsv", &first), ("old/footnotes.TSV", &second)]);
        let read = read_zip(&Text::from("q.zip"), &zip, &SharedTexts::default());
        assert_eq!(read.filings.len(), 1);
        assert_eq!(&*read.filings[0].footnotes[0].text, "The first table.");
        let warning = read
            .issues
            .iter()
            .find(|i| i.path.as_ref() == "q.zip!old/footnotes.TSV")
            .expect("a warning for the second table");
        assert_eq!(warning.severity, Severity::Warning);
        assert!(
            warning
                .message
                .contains("second FOOTNOTES.tsv table: passed over, q.zip!FOOTNOTES.tsv is read"),
            "{}",
            warning.message
        );
    }

    #[test]
    fn a_folder_with_a_table_named_twice_reads_it_once() {
        let dir = tempfile::tempdir().unwrap();
        let row = |n: u32| format!("{TABLE}0000000001-24-00000{n}\tF1\tTable {n}.\n");
        std::fs::write(dir.path().join("FOOTNOTES.tsv"), row(1)).unwrap();
        std::fs::write(dir.path().join("footnotes.TSV"), row(2)).unwrap();
        let read = read_dir(dir.path(), &SharedTexts::default());
        assert_eq!(read.filings.len(), 1);
        assert_eq!(&*read.filings[0].footnotes[0].text, "Table 1.");
        assert!(read
            .issues
            .iter()
            .any(|i| i.path.ends_with("footnotes.TSV") && i.message.contains("passed over")));
    }

    #[test]
    fn members_inflate_under_one_budget_for_the_whole_archive() {
        let (zip, body) = zip_of(2_000);
        // Room for the member once, not twice: the second time, in either path, it is
        // refused, and the message says why.
        let budget = Budget::new(body.len() + 10);
        assert_eq!(inflate_member(&zip, 0, &budget).unwrap(), body.as_bytes());
        let err = inflate_member(&zip, 0, &budget).unwrap_err();
        assert!(err.contains("inflate to more than"), "{err}");
        let mut lying = zip.clone();
        patch_central(&mut lying, 24, |_| 900 << 20);
        let budget = Budget::new(body.len() + 10);
        assert_eq!(inflate_member(&lying, 0, &budget).unwrap(), body.as_bytes());
        assert!(inflate_member(&lying, 0, &budget).is_err());
        // A declared size that turns out wrong is given back before streaming.
        let mut short = zip.clone();
        patch_central(&mut short, 24, |n| n - 100);
        let budget = Budget::new(body.len() + 10);
        assert_eq!(inflate_member(&short, 0, &budget).unwrap(), body.as_bytes());
    }

    #[test]
    fn quarters_read_with_shared_texts_share_each_text() {
        let quarter = |acc: &str| TableFile {
            name: TableName::Footnotes,
            label: Text::from("FOOTNOTES.tsv"),
            bytes: format!("{TABLE}{acc}\tF1\tThe price is a weighted average.\n").into_bytes(),
        };
        let note = |read: &QuarterRead| read.filings[0].footnotes[0].text.clone();
        let texts = SharedTexts::default();
        let first = read_tables(&Text::from("q1"), vec![quarter("0001-06-1")], &texts);
        let second = read_tables(&Text::from("q2"), vec![quarter("0001-06-2")], &texts);
        assert_eq!(note(&first), note(&second));
        assert!(Text::ptr_eq(&note(&first), &note(&second)));
        let apart = read_tables(
            &Text::from("q3"),
            vec![quarter("0001-06-3")],
            &SharedTexts::default(),
        );
        assert!(!Text::ptr_eq(&note(&first), &note(&apart)));
    }

    #[test]
    fn past_a_thousand_accession_warnings_the_rest_are_counted() {
        let mut submission = String::from("ACCESSION_NUMBER\tISSUERNAME\n");
        for _ in 0..1_201 {
            submission.push_str("0001-06-0\tACME\n");
        }
        let mut notes = String::from(TABLE);
        for i in 1..=1_500 {
            notes.push_str(&format!("0001-06-{i}\tF1\tNote.\n"));
        }
        let table = |name, text: String| TableFile {
            name,
            label: Text::from(name.file_name()),
            bytes: text.into_bytes(),
        };
        let read = read_tables(
            &Text::from("q"),
            vec![
                table(TableName::Submission, submission),
                table(TableName::Footnotes, notes),
            ],
            &SharedTexts::default(),
        );
        assert_eq!(read.filings.len(), 1_501);
        let with = |words: &'static str| {
            read.issues
                .iter()
                .map(|i| i.message.as_str())
                .filter(move |m| m.contains(words))
        };
        assert_eq!(with("appears twice in SUBMISSION").count(), 1_000);
        assert_eq!(with("is not in SUBMISSION").count(), 1_000);
        let summaries: Vec<&str> = with("not listed").collect();
        assert_eq!(
            summaries,
            [
                "200 more accessions appear twice in SUBMISSION, not listed: only the first 1000 are",
                "500 more accessions are not in SUBMISSION, not listed: only the first 1000 are",
            ]
        );
    }

    #[test]
    fn rows_past_the_quarter_budget_are_left_out_with_an_error() {
        let mut notes = String::from(TABLE);
        for i in 0..100 {
            notes.push_str(&format!("0001-06-{i}\tF1\tNote.\n"));
        }
        let files = vec![TableFile {
            name: TableName::Footnotes,
            label: Text::from("FOOTNOTES.tsv"),
            bytes: notes.into_bytes(),
        }];
        let cost = rows::row_cost(TableName::Footnotes);
        let budget = Budget::new(40 * cost);
        let parsed = table::parse_all(&files, &SharedTexts::default(), &budget);
        let read: usize = parsed.tables.iter().map(|t| t.footnotes.len()).sum();
        assert_eq!(read, 40);
        let last = parsed.tables.last().and_then(|t| t.footnotes.last());
        assert_eq!(last.map(|n| n.line), Some(41));
        assert_eq!(parsed.issues.len(), 1);
        let cut = &parsed.issues[0];
        assert_eq!((cut.severity, cut.line), (Severity::Error, Some(42)));
        assert!(cut.message.contains("read only in part"), "{}", cut.message);
        // What a chunk took for its lines and did not read is given back.
        let roomy = Budget::new(1000 * cost);
        let parsed = table::parse_all(&files, &SharedTexts::default(), &roomy);
        assert!(parsed.issues.is_empty());
        assert_eq!(roomy.take_up_to(usize::MAX), 900 * cost);
    }
}

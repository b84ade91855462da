//! Loading many files at once: walk folders, sniff each file, read in parallel, and
//! collect every issue without stopping.
//!
//! One bad file never loses the others: each file yields filings, or an issue naming the
//! file, line and problem. [`load_with`] reports its progress as events, in batches, so a
//! caller (the terminal app, or a progress bar) sees filings as they arrive.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

mod merge;
pub use merge::{absorb, merge_duplicates, MAX_ALSO_IN};

use crate::model::{Filing, Text};
use crate::parse::dataset::SharedTexts;
use crate::parse::diag::{Diagnostic, LoadIssue, Severity};
use crate::parse::{self, dataset, sniff::sniff, Format};

/// Everything a load produced.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Files read as filings (or tried and failed).
    pub files: usize,
    /// Files met while walking folders that are not filings (readmes, spreadsheets, …).
    pub skipped: usize,
    /// Every filing read, in path order.
    pub filings: Vec<Filing>,
    /// Every problem met, in path order.
    pub issues: Vec<LoadIssue>,
}

impl LoadReport {
    /// Number of issues of the given severity, those only counted in a list included.
    pub fn count(&self, severity: Severity) -> usize {
        crate::parse::diag::tally(&self.issues, severity)
    }

    /// Number of issues, those only counted in a list included.
    pub fn total(&self) -> usize {
        crate::parse::diag::total(&self.issues)
    }
}

/// Progress of a load, reported as it happens.
#[derive(Debug)]
pub enum LoadEvent {
    /// The paths were walked: this many files will be read.
    Found {
        /// Files to read.
        files: usize,
        /// Files passed over as not filings.
        skipped: usize,
    },
    /// A batch of files was read.
    Loaded {
        /// Filings of the batch.
        filings: Vec<Filing>,
        /// Issues of the batch.
        issues: Vec<LoadIssue>,
        /// Files read so far, this batch included.
        files_done: usize,
    },
}

/// Files read per batch: large enough to keep both cores busy, small enough that the app
/// shows filings soon after it starts.
const BATCH: usize = 2048;

/// Loads every file under `paths` (files, or folders walked recursively), reporting
/// progress through `on_event`. Parsing runs on rayon's pool.
pub fn load_with(paths: &[PathBuf], on_event: &(dyn Fn(LoadEvent) + Sync)) {
    let mut issues = Vec::new();
    let (files, skipped) = discover(paths, &mut issues);
    on_event(LoadEvent::Found {
        files: files.len(),
        skipped,
    });
    if !issues.is_empty() {
        on_event(LoadEvent::Loaded {
            filings: Vec::new(),
            issues,
            files_done: 0,
        });
    }
    // Single files go first, in parallel batches: where a data set repeats one of them,
    // the more precise copy (XML keeps every digit) is then the one already held. A
    // data-set quarter holds tens of thousands of filings and is read in parallel on its
    // own, so quarters go one at a time: only one quarter's raw tables are in memory at
    // once.
    let (quarters, singles): (Vec<Candidate>, Vec<Candidate>) =
        files.into_iter().partition(Candidate::is_quarter);
    let mut done = 0;
    let texts = SharedTexts::default();
    for chunk in singles.chunks(BATCH) {
        let results: Vec<(Vec<Filing>, Vec<LoadIssue>)> = chunk
            .par_iter()
            .map(|c| load_candidate(c, &texts))
            .collect();
        done += chunk.len();
        let mut filings = Vec::new();
        let mut issues = Vec::new();
        for (f, i) in results {
            filings.extend(f);
            issues.extend(i);
        }
        on_event(LoadEvent::Loaded {
            filings,
            issues,
            files_done: done,
        });
    }
    for quarter in &quarters {
        let (filings, issues) = load_candidate(quarter, &texts);
        done += 1;
        on_event(LoadEvent::Loaded {
            filings,
            issues,
            files_done: done,
        });
    }
}

/// Loads every file under `paths` and returns all filings and issues. With `progress`, a
/// progress bar is drawn on standard error for loads of more than a few hundred files.
pub fn load(paths: &[PathBuf], progress: bool) -> LoadReport {
    let report = std::sync::Mutex::new(LoadReport::default());
    let bar = std::sync::Mutex::new(None::<indicatif::ProgressBar>);
    load_with(paths, &|event| match event {
        LoadEvent::Found { files, skipped } => {
            if let Ok(mut r) = report.lock() {
                r.files = files;
                r.skipped = skipped;
            }
            if progress && files > 500 {
                let pb = indicatif::ProgressBar::new(files as u64);
                pb.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:40} {pos}/{len} files {per_sec} eta {eta}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                if let Ok(mut b) = bar.lock() {
                    *b = Some(pb);
                }
            }
        }
        LoadEvent::Loaded {
            filings,
            issues,
            files_done,
        } => {
            if let Ok(mut r) = report.lock() {
                r.filings.extend(filings);
                r.issues.extend(issues);
            }
            if let Ok(b) = bar.lock() {
                if let Some(pb) = b.as_ref() {
                    pb.set_position(files_done as u64);
                }
            }
        }
    });
    if let Ok(mut b) = bar.lock() {
        if let Some(pb) = b.take() {
            pb.finish_and_clear();
        }
    }
    let mut report = report.into_inner().unwrap_or_default();
    merge_duplicates(&mut report.filings);
    report
}

/// A file, or a quarter of data-set tables, to read.
struct Candidate {
    path: PathBuf,
    kind: CandidateKind,
}

impl Candidate {
    /// True for a data-set quarter: a folder of tables, or a zip archive.
    fn is_quarter(&self) -> bool {
        match self.kind {
            CandidateKind::DataSetDir => true,
            CandidateKind::DataSetTable => false,
            // By name only: sniffing every file here would cost a second open per file.
            CandidateKind::File => self
                .path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("zip")),
        }
    }
}

enum CandidateKind {
    /// One file, sniffed by content.
    File,
    /// A folder holding data-set tables (`SUBMISSION.tsv`, …), read as one quarter.
    DataSetDir,
    /// A single data-set table named on its own.
    DataSetTable,
}

/// Extensions of files that are never filings, passed over quietly while walking folders
/// (a file named on the command line is always read).
fn is_quiet_skip(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    !matches!(ext.as_deref(), Some("xml" | "txt" | "nc" | "sgml" | "pem"))
}

fn discover(paths: &[PathBuf], issues: &mut Vec<LoadIssue>) -> (Vec<Candidate>, usize) {
    let mut walk = Walk {
        files: Vec::new(),
        skipped: 0,
        issues,
        seen: std::collections::HashMap::new(),
    };
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk.dir(p),
            Ok(_) if dataset::is_table_file(p) => walk.files.push(Candidate {
                path: p.clone(),
                kind: CandidateKind::DataSetTable,
            }),
            Ok(_) => walk.files.push(Candidate {
                path: p.clone(),
                kind: CandidateKind::File,
            }),
            Err(e) => walk.issues.push(io_issue(p, &e)),
        }
    }
    (walk.files, walk.skipped)
}

/// What walking the folders named for a load has found so far.
struct Walk<'a> {
    files: Vec<Candidate>,
    skipped: usize,
    issues: &'a mut Vec<LoadIssue>,
    /// Each folder read, by its real path, with the path it was first read by: a link
    /// back to a parent folder would otherwise be walked without end.
    seen: std::collections::HashMap<PathBuf, PathBuf>,
}

impl Walk<'_> {
    /// Reads folder `dir` and, in name order, the folders inside it.
    fn dir(&mut self, dir: &Path) {
        if let Ok(real) = std::fs::canonicalize(dir) {
            if let Some(first) = self.seen.get(&real) {
                self.issues.push(LoadIssue {
                    unlisted: 0,
                    path: label(dir),
                    line: None,
                    severity: Severity::Warning,
                    message: format!(
                        "passed over: the same folder as {} (a link to it), already read",
                        first.display()
                    ),
                });
                return;
            }
            self.seen.insert(real, dir.to_path_buf());
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.issues.push(io_issue(dir, &e));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        if paths.iter().any(|p| dataset::is_table_file(p)) {
            self.files.push(Candidate {
                path: dir.to_path_buf(),
                kind: CandidateKind::DataSetDir,
            });
        }
        for p in paths {
            if dataset::is_table_file(&p) {
                continue;
            }
            match std::fs::metadata(&p) {
                Ok(m) if m.is_dir() => self.dir(&p),
                Ok(_) if is_quiet_skip(&p) && !looks_like_filing(&p) => self.skipped += 1,
                Ok(_) => self.files.push(Candidate {
                    path: p,
                    kind: CandidateKind::File,
                }),
                Err(e) => self.issues.push(io_issue(&p, &e)),
            }
        }
    }
}

/// For a file whose name suggests it is not a filing, a quick look at its first bytes:
/// filings saved under odd names are still read.
fn looks_like_filing(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(crate::parse::sniff::FORM_HEAD);
    let _ = std::fs::File::open(path).and_then(|f| {
        f.take(crate::parse::sniff::FORM_HEAD as u64)
            .read_to_end(&mut head)
    });
    !matches!(sniff(&head), Format::Unknown(_))
}

fn io_issue(path: &Path, e: &std::io::Error) -> LoadIssue {
    LoadIssue {
        unlisted: 0,
        path: label(path),
        line: None,
        severity: Severity::Error,
        message: format!("cannot read: {e}"),
    }
}

fn label(path: &Path) -> Text {
    Arc::from(path.to_string_lossy().as_ref())
}

fn load_candidate(c: &Candidate, texts: &SharedTexts) -> (Vec<Filing>, Vec<LoadIssue>) {
    match c.kind {
        CandidateKind::File => file_sharing(&c.path, texts),
        CandidateKind::DataSetDir => {
            let read = dataset::read_dir(&c.path, texts);
            (read.filings, read.issues)
        }
        CandidateKind::DataSetTable => {
            let label = label(&c.path);
            match (
                std::fs::read(&c.path),
                dataset::TableName::from_file_name(
                    &c.path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                ),
            ) {
                (Ok(bytes), Some(name)) => {
                    let read = dataset::read_tables(
                        &label,
                        vec![dataset::TableFile {
                            name,
                            label: label.clone(),
                            bytes,
                        }],
                        texts,
                    );
                    (read.filings, read.issues)
                }
                (Err(e), _) => (Vec::new(), vec![io_issue(&c.path, &e)]),
                (Ok(_), None) => file_sharing(&c.path, texts),
            }
        }
    }
}

/// Reads, sniffs and parses one file.
pub fn load_file(path: &Path) -> (Vec<Filing>, Vec<LoadIssue>) {
    file_sharing(path, &SharedTexts::default())
}

/// Sniffs and parses one file already in memory.
pub fn load_bytes(label: &Text, bytes: &[u8]) -> (Vec<Filing>, Vec<LoadIssue>) {
    bytes_sharing(label, bytes, &SharedTexts::default())
}

/// [`load_file`], a data set's texts shared through `texts`.
fn file_sharing(path: &Path, texts: &SharedTexts) -> (Vec<Filing>, Vec<LoadIssue>) {
    let label = label(path);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return (Vec::new(), vec![io_issue(path, &e)]),
    };
    bytes_sharing(&label, &bytes, texts)
}

/// [`load_bytes`], a data set's texts shared through `texts`.
fn bytes_sharing(label: &Text, bytes: &[u8], texts: &SharedTexts) -> (Vec<Filing>, Vec<LoadIssue>) {
    // A UTF-16 file is sniffed and read as the text it holds.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, note) = parse::decode(bytes);
        let (filings, mut issues) = bytes_sharing(label, text.as_bytes(), texts);
        if let Some(d) = note {
            issues.insert(0, LoadIssue::from_diagnostic(label, Severity::Warning, d));
        }
        return (filings, issues);
    }
    let format = sniff(bytes);
    if format == Format::Zip {
        let read = dataset::read_zip(label, bytes, texts);
        return (read.filings, read.issues);
    }
    match parse::read_file(label, bytes, format) {
        Ok(parsed) => {
            let issues = parsed
                .warnings
                .into_iter()
                .map(|d| LoadIssue::from_diagnostic(label, Severity::Warning, d))
                .collect();
            (parsed.filings, issues)
        }
        Err(d) => (Vec::new(), vec![error(label, d)]),
    }
}

fn error(label: &Text, d: Diagnostic) -> LoadIssue {
    LoadIssue::from_diagnostic(label, Severity::Error, d)
}

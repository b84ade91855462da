//! Helpers shared by the integration tests: where the real filings are, and the counts
//! their manifest gives.

#![allow(dead_code)]

use std::path::PathBuf;

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

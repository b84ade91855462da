//! Writes synthetic filings to disk, one file per filing, for load tests and demos.
//!
//! ```text
//! cargo run --release --example synth -- --filings 100000 --out /tmp/synth [--seed 7] [--format submission]
//! ```
//!
//! Files go into subfolders of 1,000 (`DIR/0000/`, `DIR/0001/`, …), named after their
//! accession numbers: `.xml` for bare ownership documents, `.txt` for full submissions.

use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::{Parser, ValueEnum};
use rayon::prelude::*;

use insider_tui::synth::{Generator, SynthOptions};
use insider_tui::write::xml::{to_submission, to_xml};

/// Files per subfolder.
const PER_FOLDER: usize = 1_000;

/// What each file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A bare `ownershipDocument` (`.xml`).
    Xml,
    /// A full `<SEC-DOCUMENT>` submission with its header (`.txt`).
    Submission,
}

/// Generate synthetic SEC Form 3/4/5 filings.
#[derive(Debug, Parser)]
struct Args {
    /// Number of filings to write.
    #[arg(long)]
    filings: usize,
    /// Folder to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Seed: the same seed and count give the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// File format.
    #[arg(long, value_enum, default_value_t = Format::Xml)]
    format: Format,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let started = Instant::now();
    let generator = Generator::new(&SynthOptions {
        seed: args.seed,
        filings: args.filings,
    });
    let folders = args.filings.div_ceil(PER_FOLDER);
    let bytes = (0..folders)
        .into_par_iter()
        .map(|folder| write_folder(&generator, &args, folder))
        .try_reduce(|| 0u64, |a, b| Ok(a + b))?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "wrote {} filings, {:.1} MB, to {} in {secs:.2} s ({:.0} filings/s)",
        args.filings,
        bytes as f64 / 1e6,
        args.out.display(),
        args.filings as f64 / secs.max(1e-9),
    );
    Ok(())
}

/// Writes the filings of one subfolder; returns the bytes written.
fn write_folder(generator: &Generator, args: &Args, folder: usize) -> anyhow::Result<u64> {
    let dir = args.out.join(format!("{folder:04}"));
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let first = folder * PER_FOLDER;
    let last = (first + PER_FOLDER).min(args.filings);
    let mut bytes = 0u64;
    for index in first..last {
        let filing = generator.filing(index);
        let (text, ext) = match args.format {
            Format::Xml => (to_xml(&filing), "xml"),
            Format::Submission => (to_submission(&filing), "txt"),
        };
        let name = match filing.accession_number.as_deref() {
            Some(acc) => format!("{acc}.{ext}"),
            None => format!("{index:08}.{ext}"),
        };
        let path = dir.join(name);
        fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

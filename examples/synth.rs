//! Writes synthetic filings to disk, for load tests and demos: one file per filing, or
//! whole data-set quarters.
//!
//! ```text
//! cargo run --release --example synth -- --filings 100000 --out /tmp/synth [--seed 7] [--format submission]
//! cargo run --release --example synth -- --filings 1000000 --out /tmp/q --format quarter-zip [--per-quarter 60000] [--era 2006]
//! ```
//!
//! Files go into subfolders of 1,000 (`DIR/0000/`, `DIR/0001/`, …), named after their
//! accession numbers: `.xml` for bare ownership documents, `.txt` for full submissions.
//! Quarters are the eight TSV tables of the SEC's Insider Transactions Data Sets, as
//! `DIR/2024q1_form345.zip`, … (or folders of TSVs with `quarter-dir`), each holding
//! `--per-quarter` filings.

use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::{Parser, ValueEnum};
use rayon::prelude::*;

use insider_tui::synth::{Generator, SynthOptions};
use insider_tui::write::dataset::{to_tables, write_dir, write_zip, HeaderEra};
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
    /// Data-set quarters, each a `YYYYqN_form345.zip` of the eight TSV tables.
    QuarterZip,
    /// Data-set quarters, each a folder of the eight TSV tables.
    QuarterDir,
}

/// Which year's data-set header set to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Era {
    /// 2006-era headers (no AFF10B5ONE column).
    #[value(name = "2006")]
    Y2006,
    /// 2024-era headers.
    #[value(name = "2024")]
    Y2024,
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
    /// Filings per data-set quarter (quarter formats only).
    #[arg(long, default_value_t = 60_000)]
    per_quarter: usize,
    /// Header set of the data-set quarters.
    #[arg(long, value_enum, default_value_t = Era::Y2024)]
    era: Era,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let started = Instant::now();
    let generator = Generator::new(&SynthOptions {
        seed: args.seed,
        filings: args.filings,
    });
    let bytes = match args.format {
        Format::Xml | Format::Submission => {
            let folders = args.filings.div_ceil(PER_FOLDER);
            (0..folders)
                .into_par_iter()
                .map(|folder| write_folder(&generator, &args, folder))
                .try_reduce(|| 0u64, |a, b| Ok(a + b))?
        }
        Format::QuarterZip | Format::QuarterDir => write_quarters(&generator, &args)?,
    };
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

/// Writes the run as data-set quarters; returns the TSV bytes written (before zipping).
fn write_quarters(generator: &Generator, args: &Args) -> anyhow::Result<u64> {
    let per = args.per_quarter.max(1);
    let quarters = args.filings.div_ceil(per);
    let era = match args.era {
        Era::Y2006 => HeaderEra::Y2006,
        Era::Y2024 => HeaderEra::Y2024,
    };
    fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    (0..quarters)
        .into_par_iter()
        .map(|q| {
            let first = q * per;
            let last = (first + per).min(args.filings);
            let filings: Vec<_> = (first..last).map(|i| generator.filing(i)).collect();
            let tables = to_tables(&filings, era);
            let bytes: u64 = tables.files.iter().map(|f| f.len() as u64).sum();
            let name = format!("{}q{}_form345", 2006 + q / 4, q % 4 + 1);
            if args.format == Format::QuarterZip {
                let path = args.out.join(format!("{name}.zip"));
                let file = fs::File::create(&path)
                    .with_context(|| format!("creating {}", path.display()))?;
                write_zip(&tables, std::io::BufWriter::new(file))
                    .with_context(|| format!("writing {}", path.display()))?;
            } else {
                let dir = args.out.join(&name);
                write_dir(&tables, &dir).with_context(|| format!("writing {}", dir.display()))?;
            }
            println!(
                "quarter {name}: {} filings, {} rows, {:.1} MB of TSV",
                last - first,
                tables.rows,
                bytes as f64 / 1e6
            );
            Ok(bytes)
        })
        .try_reduce(|| 0u64, |a, b| Ok(a + b))
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
            _ => (to_submission(&filing), "txt"),
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

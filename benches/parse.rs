//! Benchmarks of the ownership XML reader: synthetic documents at scale, and the real
//! sample filings when they are at hand.
//!
//! `cargo bench --bench parse`; `SYNTH_N=100000 cargo bench --bench parse` for a larger
//! synthetic set (10,000 by default).

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use insider_tui::model::Text;
use insider_tui::parse::{self, sniff::sniff, Format};
use insider_tui::synth::{generate, SynthOptions};
use insider_tui::write::xml::to_xml;

/// Synthetic documents per run unless `SYNTH_N` says otherwise.
const DEFAULT_N: usize = 10_000;

fn synthetic_documents() -> Vec<String> {
    let n = std::env::var("SYNTH_N")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_N);
    generate(&SynthOptions {
        seed: 1,
        filings: n,
    })
    .map(|f| to_xml(&f))
    .collect()
}

fn parse_all(docs: &[String], path: &Text) -> usize {
    docs.iter()
        .filter(|d| parse::xml::parse(black_box(d), path, 1).is_ok())
        .count()
}

/// The reader over synthetic documents, in MB/s and in documents/s.
fn synthetic(c: &mut Criterion) {
    let docs = synthetic_documents();
    let bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    let path: Text = "synthetic.xml".into();
    let mut group = c.benchmark_group("parse_xml_synthetic");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(BenchmarkId::new("bytes", docs.len()), |b| {
        b.iter(|| parse_all(&docs, &path))
    });
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function(BenchmarkId::new("documents", docs.len()), |b| {
        b.iter(|| parse_all(&docs, &path))
    });
    group.finish();
}

/// The reader over the real bare-XML samples in `../shared/filings/xml`, if present.
fn real(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/filings/xml");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{} not found: real-filing benchmark skipped", dir.display());
        return;
    };
    let mut docs: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| std::fs::read(e.path()).ok())
        // A few `.xml` samples are full submissions; keep the bare documents.
        .filter(|bytes| sniff(bytes) == Format::OwnershipXml)
        .map(|bytes| parse::decode(&bytes).0.into_owned())
        .collect();
    docs.sort();
    if docs.is_empty() {
        return;
    }
    let bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    let path: Text = "real.xml".into();
    let mut group = c.benchmark_group("parse_xml_real");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(BenchmarkId::new("bytes", docs.len()), |b| {
        b.iter(|| parse_all(&docs, &path))
    });
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function(BenchmarkId::new("documents", docs.len()), |b| {
        b.iter(|| parse_all(&docs, &path))
    });
    group.finish();
}

/// The writer, for comparison: serialising the same synthetic filings.
fn write(c: &mut Criterion) {
    let filings: Vec<_> = generate(&SynthOptions {
        seed: 1,
        filings: 2_000,
    })
    .collect();
    let bytes: u64 = filings.iter().map(|f| to_xml(f).len() as u64).sum();
    let mut group = c.benchmark_group("write_xml_synthetic");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(BenchmarkId::new("bytes", filings.len()), |b| {
        b.iter(|| {
            filings
                .iter()
                .map(|f| to_xml(black_box(f)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, synthetic, real, write);
criterion_main!(benches);

//! Whole loads on both cores: a folder of synthetic XML files (read, sniff, parse), and a
//! synthetic data-set quarter from its zip (inflate, parse, join).
//!
//! `cargo bench --bench load`; `LOAD_FILES=100000 QUARTER_FILINGS=60000` are the defaults.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use insider_tui::load::load;
use insider_tui::synth::{Generator, SynthOptions};
use insider_tui::write::dataset::{to_tables, write_zip, HeaderEra};
use insider_tui::write::xml::to_xml;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn folder_of_files(c: &mut Criterion) {
    let n = env("LOAD_FILES", 100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let generator = Generator::new(&SynthOptions {
        seed: 11,
        filings: n,
    });
    let mut bytes = 0u64;
    for i in 0..n {
        let sub = dir.path().join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).expect("folder");
        }
        let xml = to_xml(&generator.filing(i));
        bytes += xml.len() as u64;
        std::fs::write(sub.join(format!("{i:08}.xml")), xml).expect("write");
    }
    let paths = vec![dir.path().to_path_buf()];
    let mut group = c.benchmark_group("load_folder");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(format!("{n}_xml_files"), |b| {
        b.iter(|| {
            let report = load(&paths, false);
            assert_eq!(report.filings.len(), n);
        })
    });
    group.finish();
}

fn quarter_zip(c: &mut Criterion) {
    let n = env("QUARTER_FILINGS", 60_000);
    let generator = Generator::new(&SynthOptions {
        seed: 12,
        filings: n,
    });
    let filings: Vec<_> = (0..n).map(|i| generator.filing(i)).collect();
    let tables = to_tables(&filings, HeaderEra::Y2024);
    let tsv_bytes: u64 = tables.files.iter().map(|f| f.len() as u64).sum();
    let rows = tables.rows as u64;
    let dir = tempfile::tempdir().expect("temp dir");
    let zip: PathBuf = dir.path().join("2024q1_form345.zip");
    write_zip(&tables, std::fs::File::create(&zip).expect("zip")).expect("write zip");
    drop(filings);
    let paths = vec![zip];
    let mut group = c.benchmark_group("load_quarter_zip");
    group.sample_size(10);
    group.throughput(Throughput::Elements(rows));
    group.bench_function(format!("{n}_filings_{rows}_rows_rows_per_s"), |b| {
        b.iter(|| load(&paths, false))
    });
    group.throughput(Throughput::Bytes(tsv_bytes));
    group.bench_function(format!("{n}_filings_tsv_bytes_per_s"), |b| {
        b.iter(|| load(&paths, false))
    });
    group.finish();
}

criterion_group!(benches, folder_of_files, quarter_zip);
criterion_main!(benches);

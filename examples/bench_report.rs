//! The benchmark report: one command that measures, on this machine, everything the
//! project promises about speed and memory, and prints a Markdown table.
//!
//! ```text
//! cargo run --release --example bench_report -- [--filings 1000000] [--work /tmp/insider-bench] [--python peers/bin/python]
//! ```
//!
//! It generates synthetic filings (XML documents and data-set quarters), measures XML
//! parsing per core, a data-set quarter's load, and a million filings loaded into the
//! explorer's store through the app's own event loop, in a child process (three times, so
//! its peak resident memory is the load's own and the machine's moving speed shows as a
//! range), with search, filter and frame latencies there. With `--python`, the peers a
//! user would otherwise reach for (edgartools, pandas, scripts in `../shared/bench`) run
//! in the same session on the same inputs, and the table gives the ratio.

/// mimalloc rather than the system allocator: after a large load frees millions of
/// small blocks, the system allocator stalls the next big allocation (a search keystroke
/// over a million filings took 100-230 ms instead of 25-40 ms).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Parser;
use rayon::prelude::*;

use insider_tui::app::{Action, App};
use insider_tui::load::{load, LoadEvent};
use insider_tui::model::Text;
use insider_tui::store::filter::Query;
use insider_tui::store::search::search;
use insider_tui::store::sort::SortKey;
use insider_tui::store::{view, Store};
use insider_tui::synth::{Generator, SynthOptions};
use insider_tui::terminal::load_throttled;
use insider_tui::write::dataset::{to_tables, write_dir, write_zip, HeaderEra};
use insider_tui::write::xml::to_xml;

/// Measure speed and memory, and print a Markdown report.
#[derive(Debug, Parser)]
struct Args {
    /// Filings in the large run.
    #[arg(long, default_value_t = 1_000_000)]
    filings: usize,
    /// Scratch folder for generated inputs (reused when already there).
    #[arg(long, default_value = "/tmp/insider-bench")]
    work: PathBuf,
    /// A Python with edgartools and pandas, to time the peers side by side.
    #[arg(long)]
    python: Option<PathBuf>,
    /// Internal: load this folder into a store and print measurements.
    #[arg(long, hide = true)]
    child: Option<PathBuf>,
}

/// Runs of the million-filing child: the report gives the best load time, the range of
/// all, the highest peak memory, and the latencies of the run with the best load.
const CHILD_RUNS: usize = 3;

/// Filings per synthetic data-set quarter (a real quarter holds 50,000-70,000).
const PER_QUARTER: usize = 60_000;

fn main() -> anyhow::Result<()> {
    let started = Instant::now();
    let args = Args::parse();
    if let Some(dir) = &args.child {
        return child(dir, started);
    }
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut rows: Vec<[String; 4]> = Vec::new();

    // XML parsing, one core.
    let generator = Generator::new(&SynthOptions {
        seed: 3,
        filings: 20_000,
    });
    let docs: Vec<String> = (0..20_000).map(|i| to_xml(&generator.filing(i))).collect();
    let (mbs, per_s) = parse_rate(&docs);
    rows.push(row(
        "XML parse, synthetic, one core",
        format!("{mbs:.0} MB/s, {per_s:.0} documents/s"),
        "150 MB/s",
        "",
    ));
    let real: Vec<String> = std::fs::read_dir(shared.join("filings/xml"))
        .map(|d| {
            d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .filter(|t| !t.trim_start().starts_with("<SEC-DOCUMENT"))
                .collect()
        })
        .unwrap_or_default();
    if !real.is_empty() {
        let (mbs, per_s) = parse_rate(&real);
        let peer = match &args.python {
            Some(py) => peer_number(py, &shared.join("bench/edgartools_rate.py"), &["5"])
                .map(|files_per_s| {
                    format!(
                        "edgartools {files_per_s:.0} files/s: {:.0}x",
                        per_s / files_per_s
                    )
                })
                .unwrap_or_else(|e| format!("edgartools failed: {e}")),
            None => String::new(),
        };
        rows.push(row(
            &format!("XML parse, {} real files, one core", real.len()),
            format!("{mbs:.0} MB/s, {per_s:.0} files/s"),
            "150 MB/s",
            &peer,
        ));
    }

    // 100,000 files of typical Form 4 size, read + sniff + parse on both cores.
    let folder = args.work.join("xml-100k");
    if !folder.join("done").exists() {
        write_xml_folder(&folder, 100_000)?;
    }
    let t = load_time(&folder, 100_000);
    rows.push(row(
        "Load 100,000 XML files (both cores)",
        format!("{:.2} s", t.as_secs_f64()),
        "3 s",
        "",
    ));

    // One data-set quarter from its zip.
    let quarter_dir = args.work.join("quarter");
    let zip = quarter_dir.join("2024q1_form345.zip");
    let tsv = quarter_dir.join("2024q1_form345");
    let (rows_in_quarter, tsv_bytes) = write_quarter(&quarter_dir, &zip, &tsv)?;
    let secs = load_time(&zip, PER_QUARTER).as_secs_f64();
    let ours = rows_in_quarter as f64 / secs;
    let peer = match &args.python {
        Some(py) => pandas_rate(py, &shared.join("bench/pandas_datasets.py"), &tsv)
            .map(|p| format!("pandas read_csv {p:.0} rows/s: {:.1}x", ours / p))
            .unwrap_or_else(|e| format!("pandas failed: {e}")),
        None => String::new(),
    };
    rows.push(row(
        &format!("Data-set quarter from zip ({PER_QUARTER} filings, {rows_in_quarter} rows, {:.0} MB TSV)", tsv_bytes as f64 / 1e6),
        format!("{secs:.2} s, {ours:.0} rows/s, {:.0} MB/s", tsv_bytes as f64 / 1e6 / secs),
        "0.4 s; 3x pandas",
        &peer,
    ));

    // A million filings into the explorer's store, in a child process.
    let big = args.work.join(format!("quarters-{}", args.filings));
    if !big.join("done").exists() {
        write_quarters(&big, args.filings)?;
    }
    // The machine's speed moves from minute to minute: the child runs three times.
    let exe = std::env::current_exe()?;
    let mut runs = Vec::new();
    for _ in 0..CHILD_RUNS {
        let out = Command::new(&exe).arg("--child").arg(&big).output()?;
        if !out.status.success() {
            bail!("child failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        runs.push(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let value = |text: &str, key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or("?")
            .to_string()
    };
    let number = |text: &str, key: &str| value(text, key).parse::<f64>().unwrap_or(f64::NAN);
    let loads: Vec<f64> = runs.iter().map(|r| number(r, "load_s")).collect();
    let best = runs
        .iter()
        .zip(&loads)
        .min_by(|a, b| a.1.total_cmp(b.1))
        .map_or("", |(r, _)| r.as_str());
    let highest_peak = runs
        .iter()
        .max_by(|a, b| number(a, "peak_mb").total_cmp(&number(b, "peak_mb")))
        .map_or("", |r| r.as_str());
    let get = |key: &str| value(best, key);
    let load_range = format!(
        "{:.2}-{:.2} s",
        loads.iter().copied().fold(f64::INFINITY, f64::min),
        loads.iter().copied().fold(0.0, f64::max)
    );
    let n = args.filings;
    rows.push(row(
        &format!(
            "Load {n} filings ({} quarters) into the explorer",
            n.div_ceil(PER_QUARTER)
        ),
        format!(
            "{} s, {} rows/s, {} s of CPU (runs: {load_range})",
            get("load_s"),
            get("rows_per_s"),
            get("load_cpu_s")
        ),
        "8 s",
        "",
    ));
    rows.push(row(
        "Peak resident memory",
        format!(
            "{} MB, {} bytes per filing (highest of the runs)",
            value(highest_peak, "peak_mb"),
            value(highest_peak, "bytes_per_filing")
        ),
        "2 GB",
        "",
    ));
    rows.push(row(
        "Search keystroke (re-rank)",
        format!(
            "median {} ms, p99 {} ms",
            get("search_median_ms"),
            get("search_p99_ms")
        ),
        "30 ms",
        "",
    ));
    rows.push(row(
        "Search keystroke while loading (one per 50,000 filings)",
        format!(
            "median {} ms, slowest {} ms",
            get("live_search_median_ms"),
            get("live_search_max_ms")
        ),
        "30 ms",
        "",
    ));
    rows.push(row(
        "Apply a filter",
        format!(
            "median {} ms, p99 {} ms",
            get("filter_median_ms"),
            get("filter_p99_ms")
        ),
        "50 ms",
        "",
    ));
    rows.push(row(
        "Clear filters",
        format!(
            "median {} ms, p99 {} ms",
            get("clear_median_ms"),
            get("clear_p99_ms")
        ),
        "50 ms",
        "",
    ));
    rows.push(row(
        "Draw a 120x40 frame",
        format!(
            "median {} ms, p99 {} ms",
            get("frame_median_ms"),
            get("frame_p99_ms")
        ),
        "5 ms",
        "",
    ));
    rows.push(row(
        "Time to first frame (load running)",
        format!("{} ms", get("first_frame_ms")),
        "100 ms",
        "",
    ));

    println!("| measure | result | target | peer, same run |");
    println!("|---|---|---|---|");
    for [a, b, c, d] in rows {
        println!("| {a} | {b} | {c} | {d} |");
    }
    println!(
        "\nMachine: {} cores; {}.",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        machine()
    );
    Ok(())
}

fn row(measure: &str, result: String, target: &str, peer: &str) -> [String; 4] {
    [
        measure.to_string(),
        result,
        target.to_string(),
        peer.to_string(),
    ]
}

/// MB/s and documents/s of the XML reader on one core.
fn parse_rate(docs: &[String]) -> (f64, f64) {
    let path: Text = "bench.xml".into();
    let bytes: usize = docs.iter().map(String::len).sum();
    let rounds = (200_000_000 / bytes.max(1)).clamp(1, 200);
    let t = best_of(3, || {
        for _ in 0..rounds {
            for d in docs {
                let _ = std::hint::black_box(insider_tui::parse::xml::parse(d, &path, 1));
            }
        }
    })
    .as_secs_f64();
    let total = (bytes * rounds) as f64;
    (total / t / 1e6, (docs.len() * rounds) as f64 / t)
}

/// The best of three loads of `path`: the time until its filings are in memory
/// (freeing them afterwards is not part of the load).
fn load_time(path: &Path, filings: usize) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let r = load(&[path.to_path_buf()], false);
            let elapsed = t.elapsed();
            assert_eq!(r.filings.len(), filings);
            drop(r);
            elapsed
        })
        .min()
        .unwrap_or_default()
}

fn best_of(n: usize, mut f: impl FnMut()) -> Duration {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn write_xml_folder(dir: &Path, n: usize) -> anyhow::Result<()> {
    let generator = Generator::new(&SynthOptions {
        seed: 11,
        filings: n,
    });
    (0..n.div_ceil(1000))
        .into_par_iter()
        .try_for_each(|folder| {
            let sub = dir.join(format!("{folder:04}"));
            std::fs::create_dir_all(&sub)?;
            for i in folder * 1000..((folder + 1) * 1000).min(n) {
                std::fs::write(
                    sub.join(format!("{i:08}.xml")),
                    to_xml(&generator.filing(i)),
                )?;
            }
            anyhow::Ok(())
        })?;
    std::fs::write(dir.join("done"), "")?;
    Ok(())
}

fn write_quarter(dir: &Path, zip: &Path, tsv: &Path) -> anyhow::Result<(usize, u64)> {
    let generator = Generator::new(&SynthOptions {
        seed: 12,
        filings: PER_QUARTER,
    });
    let filings: Vec<_> = (0..PER_QUARTER).map(|i| generator.filing(i)).collect();
    let tables = to_tables(&filings, HeaderEra::Y2024);
    let bytes = tables.files.iter().map(|f| f.len() as u64).sum();
    std::fs::create_dir_all(dir)?;
    write_zip(&tables, std::fs::File::create(zip)?)?;
    write_dir(&tables, tsv)?;
    Ok((tables.rows, bytes))
}

fn write_quarters(dir: &Path, n: usize) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let generator = Generator::new(&SynthOptions {
        seed: 13,
        filings: n,
    });
    (0..n.div_ceil(PER_QUARTER))
        .into_par_iter()
        .try_for_each(|q| {
            let first = q * PER_QUARTER;
            let last = (first + PER_QUARTER).min(n);
            let filings: Vec<_> = (first..last).map(|i| generator.filing(i)).collect();
            let tables = to_tables(&filings, HeaderEra::Y2024);
            let path = dir.join(format!("{}q{}_form345.zip", 2006 + q / 4, q % 4 + 1));
            write_zip(
                &tables,
                std::io::BufWriter::new(std::fs::File::create(path)?),
            )?;
            anyhow::Ok(())
        })?;
    std::fs::write(dir.join("done"), "")?;
    Ok(())
}

/// The last number a peer script prints on its last line.
fn peer_number(python: &Path, script: &Path, args: &[&str]) -> anyhow::Result<f64> {
    let out = Command::new(python)
        .arg(script)
        .args(args)
        .output()
        .context("running the peer")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().last().unwrap_or_default().trim();
    last.parse::<f64>()
        .with_context(|| format!("peer printed {last:?}"))
}

/// pandas' read-only rate in rows/s over a folder of TSVs.
fn pandas_rate(python: &Path, script: &Path, dir: &Path) -> anyhow::Result<f64> {
    let out = Command::new(python)
        .arg(script)
        .arg(dir)
        .output()
        .context("running pandas")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let total = text
        .lines()
        .find(|l| l.starts_with("total:"))
        .context("no total line")?;
    let rate = total
        .split(" = ")
        .nth(1)
        .and_then(|r| r.split(" rows/s").next())
        .context("no rows/s")?;
    Ok(rate.trim().parse()?)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .next()
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
        })
        .and_then(|kb| kb.parse::<u64>().ok())
        .map_or_else(String::new, |kb| format!(", {} GiB", kb >> 20));
    format!("{cpu}{mem}")
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// CPU time this process has used so far, user and system, in seconds (Linux reports it
/// in `/proc/self/stat` in hundredths of a second).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // The fields after the command name, which is in parentheses.
            let rest = s.rsplit_once(')')?.1;
            let mut fields = rest.split_whitespace().skip(11);
            let user: f64 = fields.next()?.parse().ok()?;
            let system: f64 = fields.next()?.parse().ok()?;
            Some((user + system) / 100.0)
        })
        .unwrap_or(0.0)
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v.get(i).copied().unwrap_or(0.0)
}

fn timed(mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1e3
}

/// While the million filings load, a search is timed each time this many more are in.
const LIVE_EVERY: usize = 50_000;

/// The child: load a folder into the explorer's store as the app does, then time the
/// interactions.
fn child(dir: &Path, started: Instant) -> anyhow::Result<()> {
    // First frame: the app draws before any filing has arrived.
    let mut app = App::new(Store::new(), Query::default());
    app.update(Action::Resize(120, 40));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40))?;
    terminal.draw(|f| insider_tui::ui::draw(f, &app))?;
    println!(
        "first_frame_ms={:.1}",
        started.elapsed().as_secs_f64() * 1e3
    );

    // The app's own loop: a worker thread loads (waiting while too many read filings
    // are not yet in the store), and the main loop takes batches in slices, rebuilds the
    // view at most every 150 ms and draws a frame whenever something changed.
    let t = Instant::now();
    let cpu_before = cpu_seconds();
    let (tx, rx) = std::sync::mpsc::channel::<Option<LoadEvent>>();
    let in_flight = Arc::new(AtomicUsize::new(0));
    let root = dir.to_path_buf();
    let loader_in_flight = Arc::clone(&in_flight);
    let loader = std::thread::spawn(move || {
        load_throttled(&[root], &loader_in_flight, &|event| {
            let _ = tx.send(Some(event));
        });
        let _ = tx.send(None);
    });
    let mut app = App::loading(Query::default());
    app.update(Action::Resize(120, 40));
    let mut rows = 0usize;
    let mut is_read = false;
    let mut last_mark = 0;
    let mut probing = Duration::ZERO;
    let mut live_ms = Vec::new();
    while !is_read || app.has_pending() {
        if app.take_dirty() {
            terminal.draw(|f| insider_tui::ui::draw(f, &app))?;
        }
        let mut messages: Vec<Option<LoadEvent>> =
            rx.recv_timeout(app.idle_wait()).into_iter().collect();
        messages.extend(rx.try_iter());
        for message in messages {
            match message {
                Some(event) => {
                    if let LoadEvent::Loaded { filings, .. } = &event {
                        rows += filings
                            .iter()
                            .map(|f| {
                                f.rows.len()
                                    + f.owners.len()
                                    + f.footnotes.len()
                                    + f.signatures.len()
                                    + 1
                            })
                            .sum::<usize>();
                    }
                    let taken = app.on_load(event);
                    in_flight.fetch_sub(taken, Ordering::SeqCst);
                }
                None => {
                    app.on_load_finished();
                    is_read = true;
                }
            }
        }
        let taken = app.absorb_pending();
        in_flight.fetch_sub(taken, Ordering::SeqCst);
        app.tick(Instant::now());
        // A keystroke while the load runs, every 50,000 filings: a search over what is
        // in the store so far (its time is taken out of the load's).
        let mark = app.store().len() / LIVE_EVERY;
        if mark != last_mark {
            last_mark = mark;
            let probe = Instant::now();
            std::hint::black_box(search(app.store(), "smi", None));
            let took = probe.elapsed();
            probing += took;
            live_ms.push(took.as_secs_f64() * 1e3);
        }
    }
    loader
        .join()
        .map_err(|_| anyhow::anyhow!("the loader thread panicked"))?;
    let mut store = app.into_store();
    let load_s = t.elapsed().saturating_sub(probing).as_secs_f64();
    let n = store.len();
    println!("load_s={load_s:.2}");
    println!("load_cpu_s={:.2}", cpu_seconds() - cpu_before);
    println!("rows_per_s={:.0}", rows as f64 / load_s);
    let peak = peak_rss_kb();
    println!("peak_mb={}", peak >> 10);
    println!("bytes_per_filing={}", (peak * 1024) / n.max(1) as u64);

    let (order, positions) = store.order_with_positions(SortKey::Date);
    let (order, positions) = (order.to_vec(), positions.to_vec());
    let mut search_ms = Vec::new();
    // Twenty searches typed a key at a time, as a user types them: people and companies,
    // short and long (137 keystrokes).
    for word in [
        "maria",
        "john",
        "acme",
        "smith",
        "capital",
        "pharma",
        "holdings",
        "lee",
        "garcia",
        "williams",
        "therapeutics",
        "bancorp",
        "energy",
        "robert",
        "juniper",
        "kestrel",
        "silverleaf",
        "anderson",
        "technologies",
        "nguyen",
    ] {
        let mut previous = None;
        for end in 1..=word.len() {
            let q = word.get(..end).unwrap_or(word);
            search_ms.push(timed(|| {
                let hits = search(&store, q, previous.as_ref());
                std::hint::black_box(view::build(&order, &positions, false, None, Some(&hits)));
                previous = Some(hits);
            }));
        }
    }
    println!(
        "live_search_median_ms={:.1}",
        percentile(live_ms.clone(), 0.5)
    );
    println!("live_search_max_ms={:.1}", percentile(live_ms, 1.0));
    println!("search_median_ms={:.1}", percentile(search_ms.clone(), 0.5));
    println!("search_p99_ms={:.1}", percentile(search_ms, 0.99));

    let mut filter_ms = Vec::new();
    let mut clear_ms = Vec::new();
    for q in [
        "code:S",
        "code:P role:director",
        "code:S role:director from:2010-01-01 to:2018-12-31",
        "form:4 ad:D min:100000",
        "plan:yes",
        "owner:smith",
        "ticker:ACME",
        "from:2020-01-01 date:filed",
    ] {
        let query = Query::parse(q).map_err(|e| anyhow::anyhow!("{q}: {e}"))?;
        for _ in 0..5 {
            filter_ms.push(timed(|| {
                let set = query.evaluate(&store);
                std::hint::black_box(view::build(&order, &positions, false, set.as_ref(), None));
            }));
            clear_ms.push(timed(|| {
                std::hint::black_box(view::build(&order, &positions, false, None, None));
            }));
        }
    }
    println!("filter_median_ms={:.1}", percentile(filter_ms.clone(), 0.5));
    println!("filter_p99_ms={:.1}", percentile(filter_ms, 0.99));
    println!("clear_median_ms={:.1}", percentile(clear_ms.clone(), 0.5));
    println!("clear_p99_ms={:.1}", percentile(clear_ms, 0.99));

    let mut app = App::new(store, Query::default());
    app.update(Action::Resize(120, 40));
    let mut frame_ms = Vec::new();
    for i in 0..300 {
        app.update(if i % 50 == 0 {
            Action::PageDown
        } else {
            Action::MoveDown
        });
        frame_ms.push(timed(|| {
            let _ = terminal.draw(|f| insider_tui::ui::draw(f, &app));
        }));
    }
    println!("frame_median_ms={:.2}", percentile(frame_ms.clone(), 0.5));
    println!("frame_p99_ms={:.2}", percentile(frame_ms, 0.99));
    Ok(())
}

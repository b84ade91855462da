//! Explorer benchmarks on N synthetic filings (env `EXPLORER_N`, default 1,000,000):
//! store build, a search keystroke (first and refining), applying and clearing a filter,
//! and drawing one 120x40 frame.
//!
//! The filings come from the shared synthetic generator.

/// mimalloc rather than the system allocator: after a large load frees millions of
/// small blocks, the system allocator stalls the next big allocation (a search keystroke
/// over a million filings took 100-230 ms instead of 25-40 ms).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use insider_tui::app::{Action, App};
use insider_tui::model::Filing;
use insider_tui::store::filter::Query;
use insider_tui::store::search::search;
use insider_tui::store::sort::SortKey;
use insider_tui::store::{view, Store};
use insider_tui::synth::{generate, SynthOptions};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// `n` synthetic filings from the shared generator.
fn filings(seed: u64, n: usize) -> Vec<Filing> {
    generate(&SynthOptions { seed, filings: n }).collect()
}

fn n() -> usize {
    std::env::var("EXPLORER_N")
        .ok()
        .and_then(|v| v.replace([',', '_'], "").parse().ok())
        .unwrap_or(1_000_000)
}

fn explorer(c: &mut Criterion) {
    let n = n();
    let all = filings(42, n);
    let started = std::time::Instant::now();
    let mut store = Store::from_filings(all.clone());
    eprintln!("{n} filings: store built once in {:?}", started.elapsed());
    let (order, positions) = store.order_with_positions(SortKey::Date);
    let (order, positions) = (order.to_vec(), positions.to_vec());

    let mut g = c.benchmark_group("explorer");
    g.sample_size(10);

    g.bench_function("store_build", |b| {
        b.iter_batched(
            || all.clone(),
            |f| black_box(Store::from_filings(f)),
            BatchSize::PerIteration,
        )
    });

    g.bench_function("search_first_keystroke", |b| {
        b.iter(|| {
            let hits = search(&store, "m", None);
            black_box(view::build(&order, &positions, false, None, Some(&hits)))
        })
    });

    g.bench_function("search_first_keystroke_match_only", |b| {
        b.iter(|| black_box(search(&store, "m", None)))
    });

    let prev = search(&store, "mar", None);
    g.bench_function("search_refining_keystroke", |b| {
        b.iter(|| {
            let hits = search(&store, "mari", Some(&prev));
            black_box(view::build(&order, &positions, false, None, Some(&hits)))
        })
    });

    let query = Query::parse("code:S role:director from:2010-01-01 to:2018-12-31").unwrap();
    g.bench_function("filter_apply", |b| {
        b.iter(|| {
            let set = query.evaluate(&store);
            black_box(view::build(&order, &positions, false, set.as_ref(), None))
        })
    });

    let owner = Query::parse("owner:smith").unwrap();
    g.bench_function("filter_apply_owner_words", |b| {
        b.iter(|| {
            let set = owner.evaluate(&store);
            black_box(view::build(&order, &positions, false, set.as_ref(), None))
        })
    });

    g.bench_function("filter_clear", |b| {
        b.iter(|| black_box(view::build(&order, &positions, false, None, None)))
    });

    let mut app = App::new(store, Query::default());
    app.update(Action::Resize(120, 40));
    app.update(Action::PageDown);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    g.bench_function("draw_frame_120x40", |b| {
        b.iter(|| {
            let _ = terminal.draw(|f| insider_tui::ui::draw(f, &app));
        })
    });
    g.finish();
}

criterion_group!(benches, explorer);
criterion_main!(benches);

//! Explorer benchmarks on N synthetic filings (env `EXPLORER_N`, default 1,000,000):
//! store build, a search keystroke (first and refining), applying and clearing a filter,
//! and drawing one 120x40 frame.
//!
//! The filings come from a small generator in this file; to use the shared one, replace
//! the body of `filings` with `insider_tui::synth::generate(&SynthOptions { seed, filings:
//! n }).collect()`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use insider_tui::app::{Action, App};
use insider_tui::model::*;
use insider_tui::store::filter::Query;
use insider_tui::store::search::search;
use insider_tui::store::sort::SortKey;
use insider_tui::store::{view, Store};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use rust_decimal::Decimal;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FIRST: [&str; 24] = [
    "JAMES",
    "MARY",
    "ROBERT",
    "PATRICIA",
    "JOHN",
    "JENNIFER",
    "MICHAEL",
    "LINDA",
    "DAVID",
    "ELIZABETH",
    "WILLIAM",
    "BARBARA",
    "RICHARD",
    "SUSAN",
    "JOSEPH",
    "JESSICA",
    "THOMAS",
    "SARAH",
    "CHARLES",
    "KAREN",
    "DANIEL",
    "NANCY",
    "MATTHEW",
    "LISA",
];
const LAST: [&str; 40] = [
    "SMITH",
    "JOHNSON",
    "WILLIAMS",
    "BROWN",
    "JONES",
    "GARCIA",
    "MILLER",
    "DAVIS",
    "RODRIGUEZ",
    "MARTINEZ",
    "HERNANDEZ",
    "LOPEZ",
    "GONZALEZ",
    "WILSON",
    "ANDERSON",
    "THOMAS",
    "TAYLOR",
    "MOORE",
    "JACKSON",
    "MARTIN",
    "LEE",
    "PEREZ",
    "THOMPSON",
    "WHITE",
    "HARRIS",
    "SANCHEZ",
    "CLARK",
    "RAMIREZ",
    "LEWIS",
    "ROBINSON",
    "WALKER",
    "YOUNG",
    "ALLEN",
    "KING",
    "WRIGHT",
    "SCOTT",
    "TORRES",
    "NGUYEN",
    "HILL",
    "FLORES",
];
const WORD: [&str; 20] = [
    "Apex",
    "Blue",
    "Cedar",
    "Delta",
    "Evergreen",
    "Falcon",
    "Granite",
    "Harbor",
    "Iron",
    "Juniper",
    "Keystone",
    "Lumen",
    "Meridian",
    "Northstar",
    "Oak",
    "Pioneer",
    "Quantum",
    "Redwood",
    "Summit",
    "Titan",
];
const KIND: [&str; 10] = [
    "Biosciences",
    "Energy",
    "Financial",
    "Systems",
    "Therapeutics",
    "Holdings",
    "Semiconductor",
    "Realty",
    "Pharmaceuticals",
    "Networks",
];
const CODES: [TransactionCode; 8] = [
    TransactionCode::S,
    TransactionCode::S,
    TransactionCode::P,
    TransactionCode::A,
    TransactionCode::M,
    TransactionCode::F,
    TransactionCode::G,
    TransactionCode::S,
];

fn filings(seed: u64, n: usize) -> Vec<Filing> {
    let mut rng = Rng(seed | 1);
    let issuers: Vec<(Text, Text, Text)> = (0..(n / 100).max(1))
        .map(|i| {
            let name = format!("{} {} {} Inc.", WORD[i % 20], KIND[(i / 20) % 10], i / 200);
            let ticker: String = (0..4)
                .map(|k| (b'A' + ((i >> (k * 4)) % 26) as u8) as char)
                .collect();
            (
                name.into(),
                ticker.into(),
                format!("{:010}", 1_000_000 + i).into(),
            )
        })
        .collect();
    let owners: Vec<(Text, Text)> = (0..(n / 10).max(1))
        .map(|i| {
            let name = format!(
                "{} {} {}",
                LAST[i % 40],
                FIRST[(i / 40) % 24],
                (b'A' + ((i / 960) % 26) as u8) as char
            );
            let name = if i >= 960 * 26 {
                format!("{name} {}", i / (960 * 26))
            } else {
                name
            };
            (name.into(), format!("{:010}", 2_000_000 + i).into())
        })
        .collect();
    let title: Text = "Common Stock".into();
    let path: Text = "synthetic.xml".into();
    let start = NaiveDate::from_ymd_opt(2005, 1, 1).unwrap();
    (0..n)
        .map(|_| {
            let (name, ticker, cik) = &issuers[rng.below(issuers.len())];
            let mut f = Filing::new(
                if rng.below(20) == 0 {
                    FormType::Form4A
                } else {
                    FormType::Form4
                },
                Source {
                    path: path.clone(),
                    kind: SourceKind::Xml,
                    line: Some(1),
                },
            );
            let date = start + chrono::Days::new(rng.below(7300) as u64);
            f.filing_date = Some(date);
            f.period_of_report = Some(date);
            f.issuer = Issuer {
                cik: Some(cik.clone()),
                name: Some(name.clone()),
                trading_symbol: Some(ticker.clone()),
                ..Issuer::default()
            };
            for _ in 0..1 + usize::from(rng.below(10) == 0) {
                let (oname, ocik) = &owners[rng.below(owners.len())];
                f.owners.push(ReportingOwner {
                    cik: Some(ocik.clone()),
                    name: Some(oname.clone()),
                    address: Address::default(),
                    relationship: Relationship {
                        is_director: rng.below(2) == 0,
                        is_officer: rng.below(3) == 0,
                        is_ten_percent_owner: rng.below(10) == 0,
                        ..Relationship::default()
                    },
                });
            }
            f.flags.aff10b5_one = match rng.below(3) {
                0 => Some(true),
                1 => Some(false),
                _ => None,
            };
            for _ in 0..1 + rng.below(3) {
                let mut r = Row::new(Table::NonDerivative, RowKind::Transaction);
                r.security_title = Fv::new(title.clone());
                r.transaction_date = Fv::new(date);
                let code = CODES[rng.below(CODES.len())].clone();
                let ad = if matches!(
                    code,
                    TransactionCode::P | TransactionCode::A | TransactionCode::M
                ) {
                    AcquiredDisposed::Acquired
                } else {
                    AcquiredDisposed::Disposed
                };
                r.coding = Some(Coding {
                    code: Some(code),
                    ..Coding::default()
                });
                r.shares = Fv::new(Decimal::from(100 + rng.below(50_000)));
                r.price_per_share = Fv::new(Decimal::new(100 + rng.below(50_000) as i64, 2));
                r.acquired_disposed = Fv::new(ad);
                r.shares_owned_following = Fv::new(Decimal::from(rng.below(2_000_000)));
                r.direct_indirect = Fv::new(DirectIndirect::Direct);
                f.rows.push(r);
            }
            f
        })
        .collect()
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

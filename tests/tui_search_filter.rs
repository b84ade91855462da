//! Search, filters, sort, export and background loading, driven through keys as a user
//! would, and checked on screen.

mod tui_fixtures;

use insider_tui::app::{Action, App, Job, JobResult};
use insider_tui::load::LoadEvent;
use insider_tui::store::filter::Query;
use insider_tui::store::Store;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use tui_fixtures::*;

fn owners_shown(a: &App) -> Vec<String> {
    a.view()
        .iter()
        .map(|id| {
            a.store().get(*id).unwrap().owners[0]
                .name
                .as_deref()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn apply_filter(a: &mut App, text: &str) {
    press(a, ":");
    key(a, KeyCode::Home);
    // Replace whatever the prompt was prefilled with.
    a.update(Action::PromptClear);
    press(a, text);
    key(a, KeyCode::Enter);
}

#[test]
fn search_narrows_live_ranks_and_highlights_matched_characters() {
    let mut a = app(120, 40);
    press(&mut a, "/");
    press(&mut a, "car");
    // "car" also runs through "Cellectar": the closer match ranks first.
    assert_eq!(
        owners_shown(&a),
        vec!["CARUSO JAMES V", "SCHWARTZ DOV"],
        "narrowed and ranked"
    );
    press(&mut a, "u");
    assert_eq!(
        owners_shown(&a),
        vec!["CARUSO JAMES V"],
        "narrowed while typing"
    );
    let buf = draw(&a);
    let (x, y) = find(&buf, "CARUSO JAMES V").unwrap();
    for dx in 0..4 {
        let cell = &buf[(x + dx, y)];
        assert_eq!(
            cell.fg,
            Color::LightYellow,
            "matched char {dx} is highlighted"
        );
        assert!(cell.modifier.contains(Modifier::UNDERLINED));
    }
    assert_ne!(buf[(x + 4, y)].fg, Color::LightYellow, "'S' did not match");
    assert!(text(&buf).contains("/caru"), "the prompt shows the query");
    // Backspacing widens again.
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    assert_eq!(a.view().len(), 5, "empty query shows everything");
    press(&mut a, "clrb");
    assert_eq!(a.view().len(), 2);
    key(&mut a, KeyCode::Enter);
    assert!(a.prompt().is_none());
    let s = screen(&a);
    assert!(s.contains("search clrb (2 filings)"), "{s}");
    assert!(s.contains("2 of 5 filings"), "{s}");
}

#[test]
fn a_search_matching_a_joint_filer_shows_that_owner_in_the_list() {
    let mut a = app(120, 40);
    press(&mut a, "/starboard");
    let s = screen(&a);
    assert!(s.contains("STARBOARD VALUE LP +1"), "{s}");
    assert_eq!(a.view().len(), 1);
}

#[test]
fn search_esc_restores_and_selection_stays_on_the_same_filing() {
    let mut a = app(120, 40);
    press(&mut a, "jj");
    let nick = a.selected_id();
    press(&mut a, "/");
    press(&mut a, "n");
    // NICHOLAS still matches: the selection stays on it.
    assert_eq!(a.selected_id(), nick);
    press(&mut a, "ick");
    assert_eq!(a.selected_id(), nick);
    press(&mut a, "zzz");
    assert!(a.view().is_empty());
    assert!(screen(&a).contains("no filing matches"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.view().len(), 5, "Esc cancels the search");
    assert!(a.search().is_none());
    // A search whose matches exclude the selection moves it to the top.
    press(&mut a, "/cook");
    key(&mut a, KeyCode::Enter);
    assert_eq!(owners_shown(&a), vec!["COOK TIMOTHY D"]);
    assert_eq!(a.cursors().filings.selected, 0);
    // Esc on the main screen clears the kept search.
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.view().len(), 5);
}

#[test]
fn each_filter_narrows_the_list() {
    let cases: &[(&str, usize)] = &[
        ("ticker:CLRB", 2),
        ("ticker:clrb,aapl", 3),
        ("issuer:cellectar", 2),
        ("issuer:1279704", 2),
        ("owner:caruso", 1),
        ("owner:\"value lp\"", 1),
        ("code:S", 2),
        ("code:G", 1),
        ("code:P,G", 2),
        ("ad:A", 2),
        ("ad:D", 3),
        ("form:4/A", 1),
        ("form:3,5", 2),
        ("role:director", 3),
        ("role:10%", 2),
        ("role:officer", 3),
        ("plan:yes", 1),
        ("plan:unknown", 4),
        ("plan:no", 0),
        ("min:100000", 1),
        ("min:40k", 2),
        ("from:2018-10-01 to:2018-12-31", 2),
        ("from:2018-12-01 to:2018-12-31 date:traded", 1),
        ("from:2019", 2),
        ("to:2014", 1),
        ("ticker:CLRB code:S", 1),
        (
            "ticker:CLRB code:S role:director from:2018-01-01 to:2018-12-31",
            1,
        ),
    ];
    for (text, expected) in cases {
        let mut a = app(120, 40);
        apply_filter(&mut a, text);
        assert_eq!(a.view().len(), *expected, "{text}");
        assert!(a.status().is_some_and(|s| !s.is_error), "{text}");
        let s = screen(&a);
        if *expected < 5 {
            assert!(
                s.contains(&format!("{expected} of 5 filings")),
                "{text}: {s}"
            );
        }
    }
}

#[test]
fn filters_combine_with_search_show_in_the_info_line_and_clear_one_by_one() {
    let mut a = app(120, 40);
    apply_filter(&mut a, "ticker:CLRB code:S");
    let s = screen(&a);
    assert!(
        s.contains("filter ticker:CLRB code:S (Open-market or private sale)"),
        "{s}"
    );
    press(&mut a, "/schw");
    key(&mut a, KeyCode::Enter);
    assert!(a.view().is_empty(), "SCHWARTZ filed no sale");
    press(&mut a, "x");
    assert_eq!(
        owners_shown(&a),
        vec!["SCHWARTZ DOV"],
        "dropping code:S leaves ticker and search"
    );
    assert!(screen(&a).contains("removed filter code:S"));
    press(&mut a, "X");
    assert_eq!(a.view().len(), 5);
    assert!(a.filter().is_empty() && a.search().is_none());
    press(&mut a, "x");
    assert!(screen(&a).contains("no filter to remove"));
}

#[test]
fn bad_filter_syntax_is_a_message_and_changes_nothing() {
    let mut a = app(120, 40);
    apply_filter(&mut a, "ticker:CLRB");
    assert_eq!(a.view().len(), 2);
    press(&mut a, ":");
    press(&mut a, "colour:red");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.view().len(), 2);
    assert_eq!(a.filter().to_string(), "ticker:CLRB");
    let status = a.status().unwrap();
    assert!(
        status.is_error && status.text.contains("unknown filter 'colour'"),
        "{status:?}"
    );
    assert!(
        a.prompt().is_some(),
        "the prompt stays open to fix the text"
    );
    assert!(screen(&a).contains("unknown filter 'colour'"));
    key(&mut a, KeyCode::Esc);
    assert!(a.prompt().is_none());
    assert_eq!(a.view().len(), 2);
}

#[test]
fn command_line_filters_apply_from_the_start() {
    let q = Query::from_pairs([("ticker", "CLRB"), ("code", "S"), ("from", "2018-01-01")]).unwrap();
    let mut a = App::new(Store::from_filings(all()), q);
    a.update(Action::Resize(120, 40));
    assert_eq!(owners_shown(&a), vec!["CARUSO JAMES V"]);
    // The prompt opens with the active filter, ready to edit.
    press(&mut a, ":");
    assert_eq!(
        a.prompt().unwrap().text(),
        "ticker:CLRB code:S from:2018-01-01 "
    );
}

#[test]
fn drill_down_filters_to_the_selected_issuer_or_owner() {
    let mut a = app(120, 40);
    press(&mut a, "jjj");
    press(&mut a, "i");
    assert_eq!(a.view().len(), 2, "both Cellectar filings");
    assert_eq!(a.filter().to_string(), "issuer:1279704");
    press(&mut a, "o");
    assert_eq!(owners_shown(&a), vec!["CARUSO JAMES V"]);
}

#[test]
fn sort_cycles_through_keys_and_reverses() {
    let mut a = app(120, 40);
    assert_eq!(owners_shown(&a)[0], "COOK TIMOTHY D", "newest first");
    press(&mut a, "s");
    let issuers: Vec<String> = a
        .view()
        .iter()
        .map(|id| {
            a.store()
                .get(*id)
                .unwrap()
                .issuer
                .name
                .as_deref()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(issuers[0], "Apple Inc.");
    assert_eq!(issuers[4], "TESLA, INC.");
    assert!(screen(&a).contains("sorted by issuer ↓"));
    press(&mut a, "s");
    assert_eq!(owners_shown(&a)[0], "CARUSO JAMES V", "owner A to Z");
    press(&mut a, "s");
    assert_eq!(owners_shown(&a)[0], "COOK TIMOTHY D", "largest value first");
    assert_eq!(owners_shown(&a)[1], "CARUSO JAMES V");
    press(&mut a, "S");
    assert!(screen(&a).contains("sorted by value ↑"));
    press(&mut a, "s");
    assert_eq!(owners_shown(&a)[0], "COOK TIMOTHY D", "back to date");
    press(&mut a, "S");
    assert_eq!(owners_shown(&a)[0], "DENHOLM ROBYN M", "oldest first");
}

#[test]
fn export_writes_the_current_view_and_confirms() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clrb.csv");
    let mut a = app(120, 40);
    apply_filter(&mut a, "ticker:CLRB");
    press(&mut a, "e");
    assert_eq!(a.prompt().unwrap().text(), "insider-tui-export.csv");
    a.update(Action::PromptClear);
    press(&mut a, path.to_str().unwrap());
    key(&mut a, KeyCode::Enter);
    let jobs = a.take_jobs();
    assert_eq!(jobs.len(), 1);
    assert!(screen(&a).contains("exporting 2 filings"));
    let result = jobs.into_iter().next().map(Job::run).unwrap();
    assert_eq!(
        result,
        JobResult::Exported {
            path: path.clone(),
            filings: 2
        }
    );
    a.on_job_done(result);
    assert!(screen(&a).contains("exported 2 filings (transactions CSV) to"));
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(
        csv.contains("CARUSO JAMES V") && csv.contains("SCHWARTZ DOV"),
        "{csv}"
    );
    assert!(!csv.contains("COOK"), "only the view is written");
    // A failed export says why.
    press(&mut a, "e");
    a.update(Action::PromptClear);
    press(
        &mut a,
        dir.path().join("no/such/dir/x.csv").to_str().unwrap(),
    );
    key(&mut a, KeyCode::Enter);
    let result = a.take_jobs().into_iter().next().map(Job::run).unwrap();
    a.on_job_done(result);
    assert!(a.status().unwrap().is_error);
}

#[test]
fn background_load_fills_the_list_and_reports_progress() {
    let mut a = App::loading(Query::default());
    a.update(Action::Resize(120, 40));
    assert!(screen(&a).contains("finding files"));
    a.on_load(LoadEvent::Found {
        files: 3,
        skipped: 0,
    });
    assert!(screen(&a).contains("loading 0 of 3 files"));
    a.on_load(LoadEvent::Loaded {
        filings: vec![gift(), cellectar()],
        issues: Vec::new(),
        files_done: 1,
    });
    let s = screen(&a);
    assert!(
        s.contains("loading 1 of 3 files") && s.contains("CARUSO JAMES V"),
        "the first batch shows at once: {s}"
    );
    // The user moves to CARUSO; newer filings arriving above do not move the selection.
    press(&mut a, "j");
    a.on_load(LoadEvent::Loaded {
        filings: vec![apple()],
        issues: Vec::new(),
        files_done: 2,
    });
    assert!(a.is_refresh_pending(), "later batches wait for the tick");
    a.tick(std::time::Instant::now());
    assert_eq!(a.view().len(), 3);
    assert_eq!(
        a.selected_filing().unwrap().owners[0].name.as_deref(),
        Some("CARUSO JAMES V"),
        "a moved selection stays on its filing"
    );
    // Back at the top, the selection stays on the first line as newer filings arrive.
    press(&mut a, "g");
    let mut newer = nicholas();
    newer.filing_date = Some(d("2024-01-02"));
    a.on_load(LoadEvent::Loaded {
        filings: vec![newer],
        issues: Vec::new(),
        files_done: 3,
    });
    a.on_load_finished();
    assert_eq!(a.cursors().filings.selected, 0);
    assert_eq!(
        a.selected_filing().unwrap().owners[0].name.as_deref(),
        Some("MALSON KELLY M")
    );
    let s = screen(&a);
    assert!(s.contains(" 4 filings") && !s.contains("loading"), "{s}");
}

#[test]
fn a_search_typed_during_loading_covers_later_batches() {
    let mut a = App::loading(Query::default());
    a.update(Action::Resize(100, 30));
    a.on_load(LoadEvent::Loaded {
        filings: vec![apple()],
        issues: Vec::new(),
        files_done: 1,
    });
    press(&mut a, "/clrb");
    key(&mut a, KeyCode::Enter);
    assert!(a.view().is_empty());
    a.on_load(LoadEvent::Loaded {
        filings: vec![cellectar(), gift()],
        issues: Vec::new(),
        files_done: 3,
    });
    a.on_load_finished();
    assert_eq!(a.view().len(), 2);
}

#[test]
fn a_large_batch_goes_in_slice_by_slice_and_keys_work_in_between() {
    use insider_tui::app::LOAD_SLICE;
    use insider_tui::synth::{Generator, SynthOptions};
    let total = LOAD_SLICE * 2 + 100;
    let generator = Generator::new(&SynthOptions {
        seed: 3,
        filings: total,
    });
    let mut a = App::loading(Query::default());
    a.update(Action::Resize(120, 40));
    a.on_load(LoadEvent::Found {
        files: 1,
        skipped: 0,
    });
    let taken = a.on_load(LoadEvent::Loaded {
        filings: (0..total).map(|i| generator.filing(i)).collect(),
        issues: Vec::new(),
        files_done: 1,
    });
    assert_eq!(taken, LOAD_SLICE, "one slice goes in at once");
    assert_eq!(a.store().len(), LOAD_SLICE);
    assert!(a.has_pending());
    // A key between slices is answered against what is loaded so far.
    press(&mut a, "j");
    assert_eq!(a.cursors().filings.selected, 1);
    a.on_load_finished();
    let s = screen(&a);
    assert!(
        s.contains("loading 1 of 1 files, 8,292 filings to index"),
        "the load is not over while filings wait: {s}"
    );
    assert_eq!(a.absorb_pending(), LOAD_SLICE);
    assert_eq!(a.absorb_pending(), 100);
    assert_eq!(a.absorb_pending(), 0);
    assert!(!a.has_pending());
    assert_eq!(a.store().len(), total);
    assert_eq!(a.view().len(), total);
    let s = screen(&a);
    assert!(!s.contains("loading"), "{s}");
}

//! Whole screens drawn to a TestBackend: linked panes, footnotes in place and in a popup,
//! overlays, tiny terminals and snapshots of the main screens.

mod tui_fixtures;

use insider_tui::app::{Action, Overlay, Pane};
use ratatui::crossterm::event::KeyCode;
use tui_fixtures::*;

/// Selects the Cellectar sale by CARUSO JAMES V (fourth by date).
fn select_caruso(a: &mut insider_tui::app::App) {
    press(a, "jjj");
    let f = a.selected_filing().unwrap();
    assert_eq!(f.owners[0].name.as_deref(), Some("CARUSO JAMES V"));
}

#[test]
fn selecting_a_filing_updates_owners_transactions_footnotes_and_detail() {
    let mut a = app(120, 40);
    let before = screen(&a);
    assert!(before.contains("COOK TIMOTHY D") && before.contains("Chief Execut"));
    select_caruso(&mut a);
    let s = screen(&a);
    assert!(s.contains("▶ CARUSO JAMES V 0001567145 Dir,Off"), "{s}");
    assert!(s.contains("President and CEO"), "{s}");
    assert!(s.contains("100 CAMPUS"), "{s}");
    assert!(s.contains("Common Stock") && s.contains("34,000 D"), "{s}");
    assert!(s.contains("213,548 D"), "{s}");
    assert!(s.contains("Stock Option"), "{s}");
    assert!(
        s.contains("The sales reported on this Form 4 were effected pursuant"),
        "{s}"
    );
    assert!(s.contains("Filed           2018-10-03"), "{s}");
    assert!(s.contains("Signature       /s/ James V. Caruso"), "{s}");
    assert!(
        !s.contains("COOK TIMOTHY D    0001214156"),
        "owners pane moved on: {s}"
    );
}

#[test]
fn footnote_markers_sit_beside_their_values() {
    let mut a = app(120, 40);
    select_caruso(&mut a);
    let s = screen(&a);
    assert!(s.contains("1.1972²"), "price carries F2: {s}");
    assert!(s.contains(" S¹ "), "code carries F1: {s}");
    // Table II: the exercisable date is filed only as footnote F3: the marker alone.
    let option_line = s.lines().find(|l| l.contains("Stock Option")).unwrap();
    assert!(option_line.contains("3.06"), "{option_line}");
    assert!(option_line.contains(" ³ "), "{option_line}");
    assert!(option_line.contains("2028-06-01"), "{option_line}");
    assert!(
        !option_line.contains(" 0 "),
        "a footnote-only value is never 0: {option_line}"
    );
}

#[test]
fn moving_in_the_transactions_pane_puts_the_row_footnotes_first() {
    let mut a = app(120, 40);
    select_caruso(&mut a);
    let first_entry = |s: &str| {
        let start = s.lines().position(|l| l.contains("Footnotes")).unwrap();
        s.lines().nth(start + 1).unwrap().to_string()
    };
    let s = screen(&a);
    assert!(first_entry(&s).contains("│▶  ¹ The sales reported"), "{s}");
    assert!(s.contains("2 cited by the selected row"), "{s}");
    a.update(Action::FocusPane(Pane::Footnotes));
    press(&mut a, "j");
    assert_eq!(a.cursors().footnotes.selected, 1);
    a.update(Action::FocusPane(Pane::Transactions));
    press(&mut a, "j");
    assert_eq!(
        a.cursors().footnotes.selected,
        0,
        "a new row starts its footnotes at the top"
    );
    let s = screen(&a);
    assert!(first_entry(&s).contains("│▶  ³ The option vests"), "{s}");
    assert!(
        s.contains("│   ¹ The sales reported"),
        "F1 is still listed, unmarked: {s}"
    );
}

#[test]
fn enter_opens_the_full_footnote_text_which_wraps_and_scrolls() {
    let mut a = app(70, 18);
    select_caruso(&mut a);
    a.update(Action::FocusPane(Pane::Transactions));
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.overlay(), Some(Overlay::Popup { .. })));
    let s = screen(&a);
    assert!(s.contains("Footnotes of the selected row"), "{s}");
    assert!(s.contains("¹ The sales reported on this Form 4"), "{s}");
    assert!(
        s.contains("² The price reported in Column 4 is a weighted average"),
        "{s}"
    );
    // The long footnote wraps onto indented lines.
    assert!(
        s.contains("│  These shares were sold in multiple transactions"),
        "{s}"
    );
    assert!(s.contains("1-12 of 13 lines"), "{s}");
    let before = s;
    press(&mut a, "G");
    let after = screen(&a);
    assert_ne!(before, after, "the popup scrolls");
    assert!(after.contains("forth in this footnote."), "{after}");
    assert!(after.contains("2-13 of 13 lines"), "{after}");
    key(&mut a, KeyCode::Esc);
    assert!(a.overlay().is_none());
    // `f` does the same from the filings list.
    a.update(Action::FocusPane(Pane::Filings));
    press(&mut a, "f");
    assert!(screen(&a).contains("weighted average price"));
}

#[test]
fn owners_and_detail_open_their_own_popups() {
    let mut a = app(120, 40);
    press(&mut a, "jj");
    a.update(Action::FocusPane(Pane::Owners));
    press(&mut a, "j");
    key(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(
        s.contains("Owner 2 of 2")
            && s.contains("STARBOARD VALUE LP")
            && s.contains("777 THIRD AVENUE"),
        "{s}"
    );
    key(&mut a, KeyCode::Esc);
    a.update(Action::FocusPane(Pane::Detail));
    key(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(s.contains("4/A, amends the filing of 2018-10-12"), "{s}");
    assert!(
        s.contains("This amendment corrects the number of shares"),
        "{s}"
    );
}

#[test]
fn detail_shows_flags_amendment_and_source() {
    let mut a = app(120, 40);
    press(&mut a, "jj");
    let s = screen(&a);
    assert!(
        s.contains("MALSON KELLY M +1"),
        "joint filing shows +N: {s}"
    );
    assert!(s.contains("4/A, amends the filing of"), "{s}");
    assert!(s.contains("10b5-1 plan     unknown"), "{s}");
    a.update(Action::FocusPane(Pane::Detail));
    press(&mut a, "G");
    let s = screen(&a);
    assert!(
        s.contains("Source          filings/nick-joint-4a.xml:1"),
        "{s}"
    );
    press(&mut a, "k");
    press(&mut a, "g");
    assert!(screen(&a).contains("Form            4/A"));
}

#[test]
fn help_lists_every_key_from_the_keymap() {
    let mut a = app(120, 40);
    press(&mut a, "?");
    let mut seen = String::new();
    for _ in 0..10 {
        seen.push_str(&screen(&a));
        key(&mut a, KeyCode::PageDown);
    }
    for b in insider_tui::app::keymap::BINDINGS {
        assert!(
            seen.contains(b.description),
            "help lacks {:?}",
            b.description
        );
        for k in b.keys {
            assert!(seen.contains(&k.label()), "help lacks key {}", k.label());
        }
    }
    assert!(
        seen.contains("Open-market or private sale"),
        "codes are listed"
    );
    press(&mut a, "?");
    assert!(a.overlay().is_none());
}

#[test]
fn load_issues_open_in_their_own_overlay() {
    use insider_tui::load::LoadEvent;
    use insider_tui::parse::diag::{LoadIssue, Severity};
    let mut a = app(100, 30);
    a.on_load(LoadEvent::Loaded {
        filings: Vec::new(),
        issues: vec![LoadIssue {
            unlisted: 0,
            path: "bad/\u{1b}[31mbroken.xml".into(),
            line: Some(7),
            severity: Severity::Error,
            message: "not a filing: unexpected \u{7}end".into(),
        }],
        files_done: 1,
    });
    let s = screen(&a);
    assert!(s.contains("1 load issues (1 errors) ! to view"), "{s}");
    press(&mut a, "!");
    let s = screen(&a);
    assert!(
        s.contains("error   bad/broken.xml:7 not a filing: unexpected end"),
        "{s}"
    );
    key(&mut a, KeyCode::Esc);
    assert!(a.overlay().is_none());
}

#[test]
fn issues_a_list_only_counts_are_in_the_totals() {
    use insider_tui::load::LoadEvent;
    use insider_tui::parse::diag::{LoadIssue, Severity};
    let issue = |line, message: &str, unlisted| LoadIssue {
        unlisted,
        path: "big.zip!FOOTNOTES.tsv".into(),
        line,
        severity: Severity::Warning,
        message: message.into(),
    };
    let mut a = app(100, 30);
    a.on_load(LoadEvent::Loaded {
        filings: Vec::new(),
        issues: vec![
            issue(
                Some(2),
                "row has 1 fields, the header has 4: row skipped",
                0,
            ),
            issue(
                None,
                "25000 more warnings are not listed: only the first 1000 of a table are",
                25_000,
            ),
        ],
        files_done: 1,
    });
    let s = screen(&a);
    assert!(s.contains("25,001 load issues (0 errors) ! to view"), "{s}");
    press(&mut a, "!");
    let s = screen(&a);
    assert!(s.contains("Load issues (2 listed of 25,001)"), "{s}");
    assert!(s.contains("25000 more warnings are not listed"), "{s}");
}

#[test]
fn compact_layout_switches_the_lower_pane_with_tab() {
    let mut a = app(80, 24);
    let s = screen(&a);
    assert!(s.contains("[Transactions]"), "{s}");
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.focus(), Pane::Owners);
    let s = screen(&a);
    assert!(
        s.contains("[Owners]") && s.contains("COOK TIMOTHY D"),
        "{s}"
    );
    key(&mut a, KeyCode::BackTab);
    key(&mut a, KeyCode::BackTab);
    assert_eq!(a.focus(), Pane::Footnotes);
    assert!(screen(&a).contains("[Footnotes]"));
}

#[test]
fn tiny_and_odd_terminals_never_panic() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (1, 0),
        (0, 5),
        (20, 5),
        (2, 40),
        (200, 3),
        (80, 24),
        (33, 9),
    ] {
        let mut a = app(w, h);
        screen(&a);
        for keys in ["jjj", "?", "?", "!", "!", "/car", "\u{1b}"] {
            for c in keys.chars() {
                if c == '\u{1b}' {
                    key(&mut a, KeyCode::Esc);
                } else {
                    press(&mut a, &c.to_string());
                }
            }
            screen(&a);
        }
        a.update(Action::FocusPane(Pane::Transactions));
        key(&mut a, KeyCode::Enter);
        screen(&a);
        key(&mut a, KeyCode::PageDown);
        screen(&a);
        a.update(Action::Click {
            column: w / 2,
            row: h / 2,
        });
        a.update(Action::Scroll {
            column: 1,
            row: 1,
            is_down: true,
        });
        screen(&a);
    }
}

#[test]
fn untrusted_text_is_sanitised_before_drawing() {
    let mut f = cellectar();
    f.issuer.name = Some("EVIL\u{1b}]0;pwned\u{7} CORP\u{1b}[2J".into());
    f.owners[0].name = Some("BAD\u{9b}31mOWNER".into());
    f.remarks = Some("line\none\u{0}\ttwo".into());
    f.footnotes[0].text = "note \u{1b}[1mbold\u{1b}[0m".into();
    let mut a = insider_tui::app::App::new(
        insider_tui::store::Store::from_filings(vec![f]),
        Default::default(),
    );
    a.update(Action::Resize(120, 40));
    let buf = draw(&a);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
    let s = text(&buf);
    assert!(s.contains("EVIL CORP") && s.contains("BADOWNER"), "{s}");
    assert!(s.contains("note bold"), "{s}");
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut a = app(120, 40);
    let areas = a.areas();
    // Header is the first inner line; the third filing is two lines below the first.
    a.update(Action::Click {
        column: 10,
        row: areas.filings.y + 4,
    });
    assert_eq!(a.cursors().filings.selected, 2);
    a.update(Action::Scroll {
        column: 10,
        row: areas.filings.y + 2,
        is_down: true,
    });
    assert_eq!(a.cursors().filings.selected, 4);
    a.update(Action::Click {
        column: 5,
        row: areas.transactions.y + 3,
    });
    assert_eq!(a.focus(), Pane::Transactions);
}

mod snapshots {
    use super::*;

    #[test]
    fn main_screen_120x40() {
        let mut a = app(120, 40);
        select_caruso(&mut a);
        insta::assert_snapshot!(screen(&a));
    }

    #[test]
    fn main_screen_80x24() {
        let mut a = app(80, 24);
        select_caruso(&mut a);
        insta::assert_snapshot!(screen(&a));
    }

    #[test]
    fn help_overlay() {
        let mut a = app(120, 40);
        press(&mut a, "?");
        insta::assert_snapshot!(screen(&a));
    }

    #[test]
    fn footnote_popup() {
        let mut a = app(120, 40);
        select_caruso(&mut a);
        press(&mut a, "4");
        key(&mut a, KeyCode::Enter);
        insta::assert_snapshot!(screen(&a));
    }

    #[test]
    fn filter_prompt() {
        let mut a = app(120, 40);
        press(&mut a, ":ticker:CLRB code:S");
        insta::assert_snapshot!(screen(&a));
    }
}

#[test]
fn p_shows_the_selected_filing_as_the_printed_form_and_esc_closes_it() {
    let mut a = app(120, 40);
    select_caruso(&mut a);
    press(&mut a, "p");
    assert!(matches!(a.overlay(), Some(Overlay::Form { .. })));
    let s = screen(&a);
    assert!(s.contains("Form 4 as printed"), "{s}");
    assert!(
        s.contains("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"),
        "{s}"
    );
    assert!(s.contains("CARUSO JAMES V"), "{s}");
    assert!(s.contains("Cellectar Biosciences, Inc. [CLRB]"), "{s}");
    assert!(
        s.contains("[X] Officer (give title below): President and CEO"),
        "{s}"
    );
    // It scrolls to the tables, the explanation of responses and the signature.
    a.update(Action::PageDown);
    let tables = screen(&a);
    assert!(tables.contains("Table I"), "{tables}");
    assert!(tables.contains("34,000"), "{tables}");
    for _ in 0..40 {
        a.update(Action::PageDown);
    }
    let end = screen(&a);
    assert!(end.contains("/s/ James V. Caruso"), "{end}");
    a.update(Action::CloseOverlay);
    assert!(a.overlay().is_none());
}

#[test]
fn a_100_mb_remark_and_footnote_are_shown_clipped_with_a_note() {
    // Wrapping 100 MB for each frame stalled the explorer for seconds a key.
    let mut f = cellectar();
    let big = "word ".repeat(20 << 20);
    f.remarks = Some(big.as_str().into());
    if let Some(n) = f.footnotes.first_mut() {
        n.text = big.as_str().into();
    }
    f.accession_number = Some("0000000009-30-000001".into());
    f.filing_date = Some(d("2030-01-02"));
    let mut filings = all();
    filings.push(f);
    let mut a = insider_tui::app::App::new(
        insider_tui::store::Store::from_filings(filings),
        insider_tui::store::filter::Query::default(),
    );
    a.update(Action::Resize(120, 40));
    let s = screen(&a);
    assert!(s.contains("Remarks         word word word"), "{s}");
    a.update(Action::FocusPane(Pane::Detail));
    key(&mut a, KeyCode::Enter);
    press(&mut a, "G");
    let s = screen(&a);
    assert!(
        s.contains("[63 KB of 102400 KB shown; export writes the whole text]"),
        "{s}"
    );
    key(&mut a, KeyCode::Esc);
    a.update(Action::FocusPane(Pane::Transactions));
    key(&mut a, KeyCode::Enter);
    press(&mut a, "G");
    let s = screen(&a);
    assert!(s.contains("of 102400 KB shown"), "{s}");
    // Exporting keeps the whole text.
    let held = a.selected_filing().unwrap();
    assert_eq!(held.remarks.as_ref().map(|r| r.len()), Some(100 << 20));
}

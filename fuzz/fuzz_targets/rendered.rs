//! The printed-form readers (PDF/printed text, EDGAR's HTML rendering, typed pre-2003
//! forms) never panic. The first byte picks the reader; the rest is the document.
#![no_main]

use insider_tui::parse::rendered::{parse_html, parse_text, parse_typed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let (text, _) = insider_tui::parse::decode(rest);
    let path = "fuzz".into();
    let _ = match pick % 3 {
        0 => parse_text(&text, &path),
        1 => parse_html(&text, &path),
        _ => parse_typed(&text, &path, 1),
    };
});

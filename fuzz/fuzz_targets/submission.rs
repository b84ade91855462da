//! The full-submission reader (plain, PEM-wrapped and feed forms) never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = insider_tui::parse::decode(data);
    let path = "fuzz.txt".into();
    let _ = insider_tui::parse::submission::parse(&text, &path);
});

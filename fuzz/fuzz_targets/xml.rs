//! The ownership XML reader never panics, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = insider_tui::parse::decode(data);
    let path = "fuzz.xml".into();
    let _ = insider_tui::parse::xml::parse(&text, &path, 1);
});

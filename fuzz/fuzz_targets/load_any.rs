//! Whatever a file holds, sniffing and reading it never panics (every reader the loader
//! can dispatch to, zip archives included).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = insider_tui::load::load_bytes(&"fuzz".into(), data);
});

//! A data-set table, any of the eight, never panics the reader or the join. The first
//! byte picks the table; the rest is the TSV (header included).
#![no_main]

use insider_tui::parse::dataset::{read_tables, SharedTexts, TableFile, TableName};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let name = TableName::ALL[usize::from(pick) % TableName::ALL.len()];
    let files = vec![TableFile {
        name,
        label: "fuzz.tsv".into(),
        bytes: rest.to_vec(),
    }];
    let _ = read_tables(&"fuzz".into(), files, &SharedTexts::default());
});

//! Property tests: any generated filing survives XML write → read and data-set write →
//! read (up to the data sets' documented rounding), and the value readers round-trip.

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use insider_tui::model::{Filing, Text};
use insider_tui::parse::dataset::{read_tables, SharedTexts, TableFile, TableName};
use insider_tui::parse::values;
use insider_tui::synth::{Generator, SynthOptions};
use insider_tui::write::dataset::{to_tables, HeaderEra, TABLE_NAMES};
use insider_tui::write::xml::to_xml;

fn generated(seed: u64, index: usize) -> Filing {
    Generator::new(&SynthOptions { seed, filings: 300 }).filing(index % 300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn xml_write_then_read_gives_the_same_filing(seed in any::<u64>(), index in 0usize..300) {
        let original = generated(seed, index);
        let path: Text = "generated.xml".into();
        let (mut back, warnings) = insider_tui::parse::xml::parse(&to_xml(&original), &path, 1)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        let mut want = original.clone();
        // Bare XML carries no accession, filing date or acceptance time.
        want.accession_number = None;
        want.filing_date = None;
        want.acceptance_datetime = None;
        want.issuer.sic = None;
        want.issuer.state_of_incorporation = None;
        back.source = want.source.clone();
        for r in &mut back.rows {
            r.line = None;
        }
        for r in &mut want.rows {
            r.line = None;
        }
        prop_assert_eq!(back, want);
    }

    #[test]
    fn data_set_write_then_read_gives_the_same_filing(
        seed in any::<u64>(),
        index in 0usize..300,
        modern in any::<bool>(),
    ) {
        let original = generated(seed, index);
        let era = if modern { HeaderEra::Y2024 } else { HeaderEra::Y2006 };
        let tables = to_tables([&original], era);
        let files = TABLE_NAMES
            .iter()
            .zip(tables.files)
            .filter_map(|(name, bytes)| {
                Some(TableFile { name: TableName::from_file_name(name)?, label: Text::from(*name), bytes })
            })
            .collect();
        let read = read_tables(&Text::from("quarter"), files, &SharedTexts::default());
        prop_assert!(read.issues.is_empty(), "{:?}", read.issues);
        prop_assert_eq!(read.filings.len(), 1);
        let mut want = common::comparable(original);
        if !modern {
            want.flags.aff10b5_one = None;
        }
        let got = common::comparable(read.filings.into_iter().next().unwrap_or_else(|| unreachable!()));
        prop_assert_eq!(got, want);
    }

    #[test]
    fn decimals_round_trip_through_their_text(mantissa in any::<i64>(), scale in 0u32..12) {
        let d = Decimal::new(mantissa, scale);
        prop_assert_eq!(values::decimal(&d.to_string()), Ok(Some(d)));
        prop_assert_eq!(values::decimal(&format!(" +{} ", d.abs())), Ok(Some(d.abs())));
    }

    #[test]
    fn dates_round_trip_in_every_written_form(days in 0i32..3_000_000) {
        let Some(d) = NaiveDate::from_num_days_from_ce_opt(days + 600_000) else { return Ok(()) };
        prop_assert_eq!(values::iso_date(&d.format("%Y-%m-%d").to_string()), Ok(Some(d)));
        prop_assert_eq!(values::compact_date(&d.format("%Y%m%d").to_string()), Ok(Some(d)));
        prop_assert_eq!(
            values::dmy_date(&d.format("%d-%b-%Y").to_string().to_uppercase()),
            Ok(Some(d))
        );
    }

    #[test]
    fn value_readers_never_panic(s in "\\PC{0,40}") {
        let _ = values::decimal(&s);
        let _ = values::iso_date(&s);
        let _ = values::dmy_date(&s);
        let _ = values::us_date(&s);
        let _ = values::boolean(&s);
    }
}

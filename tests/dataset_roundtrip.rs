//! The XML reader and the data-set reader give the same model for the same filings, up
//! to what the data sets lose by design: numbers rounded to two decimals, non-ASCII
//! characters replaced by `?`, and the facts the tables have no column for.

mod common;

use insider_tui::load::load;
use insider_tui::model::Text;
use insider_tui::parse::dataset::{read_tables, SharedTexts, TableFile, TableName};
use insider_tui::write::dataset::{to_tables, HeaderEra, TABLE_NAMES};

#[test]
fn real_filings_read_the_same_from_xml_and_from_data_set_rows() {
    let Some(dir) = common::shared_filings() else {
        return;
    };
    let report = load(&[dir.join("xml"), dir.join("submissions")], false);
    let mut originals = report.filings;
    assert_eq!(originals.len(), 59);
    for (i, f) in originals.iter_mut().enumerate() {
        if f.accession_number.is_none() {
            f.accession_number = Some(format!("0000000000-00-{i:06}").into());
        }
    }
    for era in [HeaderEra::Y2006, HeaderEra::Y2024] {
        let tables = to_tables(&originals, era);
        let files = TABLE_NAMES
            .iter()
            .zip(tables.files)
            .map(|(name, bytes)| TableFile {
                name: TableName::from_file_name(name).unwrap(),
                label: Text::from(*name),
                bytes,
            })
            .collect();
        let read = read_tables(
            &Text::from("synthetic quarter"),
            files,
            &SharedTexts::default(),
        );
        assert!(read.issues.is_empty(), "{:#?}", read.issues);
        assert_eq!(read.filings.len(), originals.len());
        for (original, from_rows) in originals.iter().zip(read.filings) {
            let mut want = common::comparable(original.clone());
            if era == HeaderEra::Y2006 {
                want.flags.aff10b5_one = None;
            }
            let got = common::comparable(from_rows);
            assert_eq!(got, want, "{:?}", original.source.path);
        }
    }
}

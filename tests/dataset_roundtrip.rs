//! The XML reader and the data-set reader give the same model for the same filings, up
//! to what the data sets lose by design: numbers rounded to two decimals, non-ASCII
//! characters replaced by `?`, and the facts the tables have no column for.

mod common;

use insider_tui::load::load;
use insider_tui::model::{Filing, Fv, Text};
use insider_tui::parse::dataset::{read_tables, TableFile, TableName};
use insider_tui::write::dataset::{round_like_data_sets, to_tables, HeaderEra, TABLE_NAMES};

fn ascii(t: &Text) -> Text {
    let s: String = t
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_ascii() => c,
            _ => '?',
        })
        .collect();
    Text::from(s.trim())
}

fn text_fv(fv: &mut Fv<Text>) {
    fv.value = fv.value.as_ref().map(ascii);
}

fn dec_fv(fv: &mut Fv<rust_decimal::Decimal>) {
    fv.value = fv.value.map(round_like_data_sets);
}

/// Reduces a filing to what a data set can carry.
fn comparable(mut f: Filing) -> Filing {
    f.source.path = "".into();
    f.source.line = None;
    f.source.kind = insider_tui::model::SourceKind::DataSet;
    f.also_in.clear();
    f.schema_version = None;
    f.acceptance_datetime = None;
    f.issuer.sic = None;
    f.issuer.state_of_incorporation = None;
    f.issuer.foreign_trading_symbol = None;
    f.issuer.name = f.issuer.name.as_ref().map(ascii);
    f.remarks = f.remarks.as_ref().map(ascii).filter(|r| !r.is_empty());
    for o in &mut f.owners {
        o.name = o.name.as_ref().map(ascii);
        let a = &mut o.address;
        a.country = None;
        a.non_us_state_territory = None;
        a.is_non_us = None;
        for part in [&mut a.street1, &mut a.street2, &mut a.city] {
            *part = part.as_ref().map(ascii);
        }
        let r = &mut o.relationship;
        r.officer_title = r.officer_title.as_ref().map(ascii);
        r.other_text = r.other_text.as_ref().map(ascii);
    }
    for n in &mut f.footnotes {
        n.text = ascii(&n.text);
    }
    f.footnotes.sort_by_key(|n| n.id.number());
    for s in &mut f.signatures {
        s.name = ascii(&s.name);
    }
    for r in &mut f.rows {
        r.line = None;
        text_fv(&mut r.security_title);
        text_fv(&mut r.nature_of_ownership);
        for d in [
            &mut r.shares,
            &mut r.total_value,
            &mut r.price_per_share,
            &mut r.shares_owned_following,
            &mut r.value_owned_following,
        ] {
            dec_fv(d);
        }
        if let Some(d) = r.derivative.as_deref_mut() {
            dec_fv(&mut d.conversion_or_exercise_price);
            dec_fv(&mut d.underlying_shares);
            dec_fv(&mut d.underlying_value);
            text_fv(&mut d.underlying_title);
        }
    }
    f
}

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
        let read = read_tables(&Text::from("synthetic quarter"), files);
        assert!(read.issues.is_empty(), "{:#?}", read.issues);
        assert_eq!(read.filings.len(), originals.len());
        for (original, from_rows) in originals.iter().zip(read.filings) {
            let mut want = comparable(original.clone());
            if era == HeaderEra::Y2006 {
                want.flags.aff10b5_one = None;
            }
            let got = comparable(from_rows);
            assert_eq!(got, want, "{:?}", original.source.path);
        }
    }
}

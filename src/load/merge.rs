//! One filing, one record: when the same accession arrives from several files (its XML
//! and a data-set quarter, or a submission and its extracted XML), keep one filing and
//! remember every source.

use rustc_hash::FxHashMap;

use crate::model::{Filing, SourceKind, Text};

/// The most further sources a filing remembers: a filing met in more files than this
/// (the same download copied again and again) names the first ones, and storing it again
/// stays cheap however many copies come.
pub const MAX_ALSO_IN: usize = 32;

/// How much a source is trusted: XML carries full precision, data sets round numbers to
/// two decimals and replace non-ASCII characters.
fn rank(kind: SourceKind) -> u8 {
    match kind {
        SourceKind::Submission | SourceKind::FeedSubmission => 0,
        SourceKind::Xml => 1,
        SourceKind::TypedText => 2,
        SourceKind::RenderedHtml => 3,
        SourceKind::RenderedText => 4,
        SourceKind::DataSet => 5,
    }
}

/// Merges filings that share an accession number, in place; returns how many were merged
/// away. The most precise copy is kept, the others' sources go to `also_in`, and header
/// facts only a data set or submission carries (filing date, acceptance time) fill gaps.
/// Filings without an accession number are never merged.
pub fn merge_duplicates(filings: &mut Vec<Filing>) -> usize {
    let mut first: FxHashMap<Text, usize> = FxHashMap::default();
    let mut drop = vec![false; filings.len()];
    let mut merged = 0;
    for i in 0..filings.len() {
        let Some(acc) = filings.get(i).and_then(|f| f.accession_number.clone()) else {
            continue;
        };
        let Some(&keep) = first.get(&acc) else {
            first.insert(acc, i);
            continue;
        };
        let (Some(a), Some(b)) = (filings.get(keep), filings.get(i)) else {
            continue;
        };
        let (winner, loser) = if rank(b.source.kind) < rank(a.source.kind) {
            (i, keep)
        } else {
            (keep, i)
        };
        let Some(other) = filings.get(loser).cloned() else {
            continue;
        };
        if let Some(w) = filings.get_mut(winner) {
            absorb(w, other);
        }
        if let Some(d) = drop.get_mut(loser) {
            *d = true;
        }
        first.insert(acc, winner);
        merged += 1;
    }
    if merged > 0 {
        let mut flags = drop.into_iter();
        filings.retain(|_| !flags.next().unwrap_or(false));
    }
    merged
}

/// Merges `other`, a second copy of the same accession, into `keep`: facts only `other`
/// carries fill gaps, and its source joins `keep.also_in`.
pub fn absorb(keep: &mut Filing, other: Filing) {
    keep.filing_date = keep.filing_date.or(other.filing_date);
    keep.acceptance_datetime = keep.acceptance_datetime.or(other.acceptance_datetime);
    if keep.issuer.sic.is_none() {
        keep.issuer.sic = other.issuer.sic;
    }
    if keep.issuer.state_of_incorporation.is_none() {
        keep.issuer.state_of_incorporation = other.issuer.state_of_incorporation;
    }
    keep.also_in.push(other.source);
    keep.also_in.extend(other.also_in);
    keep.also_in.truncate(MAX_ALSO_IN);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FormType, Source};

    fn filing(acc: &str, kind: SourceKind, path: &str) -> Filing {
        let mut f = Filing::new(
            FormType::Form4,
            Source {
                path: path.into(),
                kind,
                line: None,
            },
        );
        f.accession_number = Some(acc.into());
        f
    }

    #[test]
    fn keeps_the_xml_and_remembers_the_data_set() {
        let mut ds = filing("0000000001-24-000001", SourceKind::DataSet, "q.zip");
        ds.filing_date = "2024-05-02".parse().ok();
        let xml = filing("0000000001-24-000001", SourceKind::Xml, "a.xml");
        let other = filing("0000000001-24-000002", SourceKind::DataSet, "q.zip");
        let mut all = vec![ds, other, xml];
        assert_eq!(merge_duplicates(&mut all), 1);
        assert_eq!(all.len(), 2);
        let kept = all
            .iter()
            .find(|f| f.source.kind == SourceKind::Xml)
            .unwrap();
        assert_eq!(kept.source.kind, SourceKind::Xml);
        assert_eq!(&*kept.also_in[0].path, "q.zip");
        assert_eq!(kept.filing_date, "2024-05-02".parse().ok());
    }

    #[test]
    fn a_filing_copied_many_times_names_its_first_sources() {
        let acc = "0000000001-24-000001";
        let mut all: Vec<Filing> = (0..100)
            .map(|i| filing(acc, SourceKind::Xml, &format!("copy-{i}.xml")))
            .collect();
        assert_eq!(merge_duplicates(&mut all), 99);
        let kept = &all[0];
        assert_eq!(&*kept.source.path, "copy-0.xml");
        assert_eq!(kept.also_in.len(), MAX_ALSO_IN);
        assert_eq!(&*kept.also_in[0].path, "copy-1.xml");
    }
}

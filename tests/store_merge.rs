//! One filing, one record: the same accession from a file and from a data set is kept
//! once in the explorer's store, and remembers both sources.

use insider_tui::model::{Filing, FormType, Source, SourceKind};
use insider_tui::store::Store;

fn filing(kind: SourceKind, path: &str) -> Filing {
    let mut f = Filing::new(
        FormType::Form4,
        Source {
            path: path.into(),
            kind,
            line: Some(1),
        },
    );
    f.accession_number = Some("0001127602-25-001055".into());
    f.issuer.name = Some("Acme Corp".into());
    f
}

#[test]
fn a_data_set_copy_of_a_loaded_filing_is_merged_not_added() {
    let xml = filing(SourceKind::Xml, "a/0001127602-25-001055.xml");
    let mut ds = filing(SourceKind::DataSet, "2025q1_form345.zip!SUBMISSION.tsv");
    ds.filing_date = "2025-01-10".parse().ok();
    ds.issuer.name = Some("ACME CORP".into());
    let mut store = Store::new();
    assert_eq!(store.extend(vec![xml]), 1);
    assert_eq!(store.extend(vec![ds]), 0);
    assert_eq!(store.len(), 1);
    let kept = store.get(0).unwrap();
    assert_eq!(kept.source.kind, SourceKind::Xml);
    assert_eq!(
        kept.issuer.name.as_deref(),
        Some("Acme Corp"),
        "the XML's text is kept"
    );
    assert_eq!(
        kept.filing_date,
        "2025-01-10".parse().ok(),
        "gaps are filled"
    );
    assert_eq!(&*kept.also_in[0].path, "2025q1_form345.zip!SUBMISSION.tsv");
}

#[test]
fn two_copies_in_one_batch_are_merged_into_the_first() {
    let xml = filing(SourceKind::Xml, "a/0001127602-25-001055.xml");
    let mut submission = filing(SourceKind::Submission, "a/0001127602-25-001055.txt");
    submission.filing_date = "2025-01-10".parse().ok();
    let mut store = Store::new();
    assert_eq!(store.extend(vec![xml, submission]), 1);
    assert_eq!(store.len(), 1);
    let kept = store.get(0).unwrap();
    assert_eq!(kept.source.kind, SourceKind::Xml);
    assert_eq!(kept.filing_date, "2025-01-10".parse().ok());
    assert_eq!(kept.also_in.len(), 1);
    assert_eq!(&*kept.also_in[0].path, "a/0001127602-25-001055.txt");
}

//! The hostile corpus: damaged and malicious files loaded together with the good sample
//! filings. Nothing panics, every bad file gets a clear issue naming it (and its line
//! where there is one), every good file loads exactly as it does on its own, and no text
//! that reaches a screen or a report carries a control character.

use std::io::Write;
use std::path::{Path, PathBuf};

use insider_tui::load::load;
use insider_tui::model::{Filing, MAX_VALUE_FOOTNOTES};
use insider_tui::parse::diag::Severity;
use insider_tui::text::sanitize;

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Files of the corpus that are odd but valid, or not filings at all: they load cleanly
/// (or are passed over in a folder walk) and so owe no issue.
const NO_ISSUE_EXPECTED: &[&str] = &["mixed-line-ends.xml", "html-page.html"];

/// Hostile files too large to commit, written at test time.
fn generated(dir: &Path) {
    let good = std::fs::read_to_string(manifest(
        "assets/cellectar-form4-x0306-caruso-10b5-1-sale.xml",
    ))
    .unwrap();
    // A 100 MB single line: remarks with no line break at all.
    let huge = "A".repeat(100 << 20);
    let one_line = good
        .replace('\n', " ")
        .replace("<remarks/>", &format!("<remarks>{huge}</remarks>"))
        .replace(
            "</ownershipDocument>",
            &format!("<remarks>{huge}</remarks></ownershipDocument>"),
        );
    std::fs::write(dir.join("gen-100mb-single-line.xml"), one_line).unwrap();
    // Nesting a million levels deep inside an unknown element.
    let depth = 1_000_000;
    let deep = good.replace(
        "<issuer>",
        &format!(
            "<junk>{}{}</junk><issuer>",
            "<a>".repeat(depth),
            "</a>".repeat(depth)
        ),
    );
    std::fs::write(dir.join("gen-deep-nesting.xml"), deep).unwrap();
    // A 10 MB attribute value where a footnote id belongs.
    let attr = good.replacen(
        "<footnoteId id=\"F1\"/>",
        &format!("<footnoteId id=\"{}\"/>", "F".repeat(10 << 20)),
        1,
    );
    std::fs::write(dir.join("gen-huge-attribute.xml"), attr).unwrap();
    // A printed form whose Table I gains a line of 100,000 words between two real rows.
    let printed = std::fs::read_to_string(manifest(
        "tests/fixtures/rendered/pdftext-form4-spaces-footnoted-units.txt",
    ))
    .unwrap();
    let words: Vec<String> = (0..100_000).map(|i| format!("w{i}")).collect();
    let wide = format!(
        " Common Stock  11/16/2022  S(1) {}  2,500  D  $41.37  61,204  D",
        words.join(" ")
    );
    let mut lines: Vec<&str> = printed.lines().collect();
    lines.insert(26, &wide);
    std::fs::write(dir.join("gen-wide-table-line.txt"), lines.join("\n")).unwrap();
    // A value citing 100,000 footnotes, in XML and in a data-set row.
    let ids: String = (0..100_000)
        .map(|i| format!("<footnoteId id=\"F{i}\"/>"))
        .collect();
    let many = good.replacen("<footnoteId id=\"F1\"/>", &ids, 1);
    std::fs::write(dir.join("gen-many-footnote-ids.xml"), many).unwrap();
    // 200,000 footnotes, each defined once.
    let notes: String = (0..200_000)
        .map(|i| format!("<footnote id=\"N{i}\">Note {i}.</footnote>"))
        .collect();
    let defined = good.replacen("<footnotes>", &format!("<footnotes>{notes}"), 1);
    std::fs::write(dir.join("gen-200k-footnotes.xml"), defined).unwrap();
    // Numbers of a million separators and zeros: the general decimal parser takes a
    // stack frame per character of these, so they once overflowed a loader's stack.
    let long = good.replacen(
        "<value>34000</value>",
        &format!("<value>34{}000</value>", "_".repeat(1_000_000)),
        1,
    );
    std::fs::write(dir.join("gen-long-number.xml"), long).unwrap();
    // EDGAR's HTML rendering with a holding's number inside 70,000 nested spans.
    let html = std::fs::read_to_string(manifest(
        "tests/fixtures/rendered/html-xsl-form3-holdings.html",
    ))
    .unwrap();
    let nested = html.replacen(
        "60,000",
        &format!(
            "{}60,000{}",
            "<span>".repeat(70_000),
            "</span>".repeat(70_000)
        ),
        1,
    );
    std::fs::write(dir.join("gen-nested-spans.html"), nested).unwrap();
    let quarter = dir.join("gen-long-number-quarter");
    std::fs::create_dir(&quarter).unwrap();
    std::fs::write(
        quarter.join("NONDERIV_TRANS.tsv"),
        format!(
            "ACCESSION_NUMBER\tNONDERIV_TRANS_SK\tSECURITY_TITLE\tTRANS_SHARES\tTRANS_PRICEPERSHARE\n\
             0000000002-24-000001\t1\tCommon Stock\t{}\t12.50\n",
            "0".repeat(1_000_000)
        ),
    )
    .unwrap();
    // A zip bomb: two megabytes whose one table, named over and over, would inflate to
    // 2 GB. The member is deflated once and copied under every name. (The bound on all
    // the tables of one archive together is tested in the data-set reader's own tests.)
    let mut table = b"ACCESSION_NUMBER\tISSUERNAME\n".to_vec();
    table.resize(100 << 20, b'0');
    let mut one = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    one.start_file(
        "SUBMISSION.tsv",
        zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated),
    )
    .unwrap();
    one.write_all(&table).unwrap();
    drop(table);
    let mut one = zip::ZipArchive::new(one.finish().unwrap()).unwrap();
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let names = std::iter::once("SUBMISSION.tsv".to_string())
        .chain((0..20).map(|i| format!("copy{i}/SUBMISSION.tsv")));
    for name in names {
        bomb.raw_copy_file_rename(one.by_index(0).unwrap(), name)
            .unwrap();
    }
    let bomb = bomb.finish().unwrap().into_inner();
    assert!(bomb.len() < 3 << 20, "{} bytes", bomb.len());
    std::fs::write(dir.join("gen-zip-bomb.zip"), bomb).unwrap();
    // Five million broken lines in a few kilobytes of zip: a warning for each would take
    // gigabytes of memory.
    let mut table = b"ACCESSION_NUMBER\tFOOTNOTE_ID\tFOOTNOTE_TXT\n".to_vec();
    for _ in 0..BROKEN_LINES {
        table.extend_from_slice(b"x\n");
    }
    let mut broken = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    broken
        .start_file(
            "FOOTNOTES.tsv",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
    broken.write_all(&table).unwrap();
    let broken = broken.finish().unwrap().into_inner();
    assert!(broken.len() < 100 << 10, "{} bytes", broken.len());
    std::fs::write(dir.join("gen-broken-lines.zip"), broken).unwrap();
    let quarter = dir.join("gen-many-footnote-ids-quarter");
    std::fs::create_dir(&quarter).unwrap();
    let ids: Vec<String> = (0..100_000).map(|i| format!("F{i}")).collect();
    std::fs::write(
        quarter.join("NONDERIV_TRANS.tsv"),
        format!(
            "ACCESSION_NUMBER\tNONDERIV_TRANS_SK\tSECURITY_TITLE\tTRANS_SHARES\tTRANS_SHARES_FN\n\
             0000000001-24-000001\t1\tCommon Stock\t100\t{}\n",
            ids.join(",")
        ),
    )
    .unwrap();
}

/// Lines of the generated table that is all broken lines.
const BROKEN_LINES: usize = 5_000_000;

#[test]
fn hostile_corpus_never_crashes_or_loses_a_good_file() {
    let tmp = tempfile::tempdir().unwrap();
    generated(tmp.path());
    let bad = manifest("tests/bad_corpus");
    let assets = manifest("assets");
    let report = load(
        &[bad.clone(), tmp.path().to_path_buf(), assets.clone()],
        false,
    );

    // Every bad file, committed or generated, is named by at least one issue.
    let mut names: Vec<String> = std::fs::read_dir(&bad)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.extend(
        [
            "gen-deep-nesting.xml",
            "gen-huge-attribute.xml",
            "gen-100mb-single-line.xml",
            "gen-wide-table-line.txt",
            "gen-many-footnote-ids.xml",
            "gen-many-footnote-ids-quarter",
            "gen-long-number.xml",
            "gen-long-number-quarter",
            "gen-zip-bomb.zip",
            "gen-broken-lines.zip",
        ]
        .map(String::from),
    );
    assert!(names.len() >= 45, "{} bad files", names.len());
    let mut missing = Vec::new();
    for name in &names {
        let issues: Vec<_> = report
            .issues
            .iter()
            .filter(|i| i.path.contains(name.as_str()))
            .collect();
        if issues.is_empty() && !NO_ISSUE_EXPECTED.contains(&name.as_str()) {
            missing.push(name.clone());
        }
        for i in issues {
            let shown = i.to_string();
            assert!(shown.contains(name.as_str()), "{shown}");
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
            // XML errors inside a document name their line.
            if name.ends_with(".xml") && i.message.contains("malformed") {
                assert!(i.line.is_some(), "{shown}");
            }
        }
    }
    assert!(missing.is_empty(), "files without an issue: {missing:?}");
    assert!(
        report.issues.iter().all(|i| !i.path.contains("assets")),
        "a good file got an issue"
    );

    // Every good file is there and equal to what it is on its own.
    let alone = load(std::slice::from_ref(&assets), false);
    assert_eq!(
        alone.count(Severity::Error) + alone.count(Severity::Warning),
        0
    );
    let from_assets = |filings: &[Filing]| {
        let mut v: Vec<Filing> = filings
            .iter()
            .filter(|f| f.source.path.contains("assets"))
            .cloned()
            .collect();
        v.sort_by(|a, b| a.source.path.cmp(&b.source.path));
        v
    };
    assert_eq!(from_assets(&report.filings), from_assets(&alone.filings));
    assert_eq!(alone.filings.len(), 17);

    // The damaged-but-readable files kept what could be read.
    let huge = report
        .filings
        .iter()
        .find(|f| f.source.path.ends_with("gen-100mb-single-line.xml"))
        .expect("the 100 MB line loads");
    assert_eq!(huge.remarks.as_ref().map(|r| r.len()), Some(100 << 20));
    let deep = report
        .filings
        .iter()
        .find(|f| f.source.path.ends_with("gen-deep-nesting.xml"))
        .expect("deep nesting loads");
    assert_eq!(deep.issuer.ticker().as_deref(), Some("CLRB"));
    let wide = report
        .filings
        .iter()
        .find(|f| f.source.path.ends_with("gen-wide-table-line.txt"))
        .expect("the form with a 100,000-word line loads");
    assert_eq!((wide.transaction_count(), wide.holding_count()), (3, 1));
    assert!(report
        .issues
        .iter()
        .any(|i| i.path.ends_with("gen-wide-table-line.txt")
            && i.line == Some(27)
            && i.message.contains("more than any row holds")));
    let defined = report
        .filings
        .iter()
        .find(|f| f.source.path.ends_with("gen-200k-footnotes.xml"))
        .expect("the filing defining 200,000 footnotes loads");
    // A filing keeps its first 10,000 footnotes and says the rest are left out.
    assert_eq!(
        defined.footnotes.len(),
        insider_tui::parse::MAX_FILING_ITEMS
    );
    assert!(report
        .issues
        .iter()
        .any(|i| i.path.ends_with("gen-200k-footnotes.xml")
            && i.message == "more than 10000 footnotes: the rest are left out"));
    let nested = report
        .filings
        .iter()
        .find(|f| f.source.path.ends_with("gen-nested-spans.html"))
        .expect("the rendering with 70,000 nested spans loads");
    let plain = load(
        &[manifest(
            "tests/fixtures/rendered/html-xsl-form3-holdings.html",
        )],
        false,
    );
    assert_eq!(Some(&nested.rows), plain.filings.first().map(|f| &f.rows));
    assert_eq!(nested.holding_count(), 4);
    for name in ["gen-long-number.xml", "gen-long-number-quarter"] {
        let f = report
            .filings
            .iter()
            .find(|f| f.source.path.contains(name))
            .expect("the filing with a million-character number loads");
        assert_eq!(f.rows.first().map(|r| r.shares.value), Some(None), "{name}");
        assert!(
            report.issues.iter().any(
                |i| i.path.contains(name) && i.message.contains("longer than any number filed")
            ),
            "{name}"
        );
    }
    for name in ["gen-many-footnote-ids.xml", "gen-many-footnote-ids-quarter"] {
        let f = report
            .filings
            .iter()
            .find(|f| f.source.path.contains(name))
            .expect("the filing citing 100,000 footnotes loads");
        let cited = f.rows.iter().map(|r| r.footnote_ids().len()).max();
        assert_eq!(cited, Some(MAX_VALUE_FOOTNOTES), "{name}");
        assert!(
            report
                .issues
                .iter()
                .any(|i| i.path.contains(name) && i.message.contains("the rest are left out")),
            "{name}"
        );
    }

    // The zip bomb's table is read once; each repeat is passed over with a warning.
    let repeats = report
        .issues
        .iter()
        .filter(|i| {
            i.path.contains("gen-zip-bomb.zip!copy")
                && i.message
                    .contains("a second SUBMISSION.tsv table: passed over")
        })
        .count();
    assert_eq!(repeats, 20);

    // The broken lines: the first thousand are listed with their lines, the rest counted.
    let broken: Vec<_> = report
        .issues
        .iter()
        .filter(|i| i.path.contains("gen-broken-lines.zip!FOOTNOTES.tsv"))
        .collect();
    assert_eq!(broken.len(), 1001);
    assert_eq!(broken[0].line, Some(2));
    assert!(
        broken[0].message.contains("row has 1 fields"),
        "{}",
        broken[0]
    );
    assert_eq!(
        broken[1000].message,
        format!(
            "{} more warnings are not listed: only the first 1000 of a table are",
            BROKEN_LINES - 1000
        )
    );
    // The counting warning stands for those it leaves out, so totals count every line.
    let weight: usize = broken.iter().map(|i| i.weight()).sum();
    assert_eq!(weight, BROKEN_LINES);

    // No text of any filing reaches the screen with a control character in it.
    for f in &report.filings {
        let texts = f
            .owners
            .iter()
            .filter_map(|o| o.name.as_deref())
            .chain(f.issuer.name.as_deref())
            .chain(f.footnotes.iter().map(|n| &*n.text))
            .chain(f.remarks.as_deref());
        for t in texts {
            let shown = sanitize(t);
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
        }
    }
}

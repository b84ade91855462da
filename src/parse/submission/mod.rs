//! Reader for full EDGAR submissions: the archive's `.txt` (`<SEC-DOCUMENT>` with a
//! `<SEC-HEADER>`), the same wrapped in a PEM envelope (2007 copies), and the
//! dissemination feed's `.nc` form (`<SUBMISSION>` with bracketed header tags and bare-CR
//! line ends).
//!
//! The ownership XML inside is handed to [`crate::parse::xml`], or, in a pre-2003
//! submission with no XML, the typed form to [`crate::parse::rendered`]; the header then fills in
//! what bare XML lacks: accession number, filing date, acceptance time, the issuer's
//! industry code and state of incorporation, and any owner or issuer name or CIK the XML
//! left out.

mod document;
mod feed;
mod header;

pub use header::{Filer, FilerRole, SubmissionHeader};

use std::collections::HashMap;

use crate::model::{Filing, FormType, ReportingOwner, Source, SourceKind, Text};
use crate::parse::diag::Diagnostic;
use crate::parse::{line_at, rendered, xml, Parsed};

/// Reads a full submission (any of the three forms) into its one filing.
///
/// `path` labels the filing's source. Header problems (a bad date) and a submission type
/// that disagrees with the XML's `documentType` are warnings; an empty file, a file cut
/// before its first `<DOCUMENT>`, or one with no ownership XML is an error naming a line.
pub fn parse(text: &str, path: &Text) -> Result<Parsed, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(Some(1), "the file is empty"));
    }
    let env = document::envelope(text)?;
    let (header, mut warnings) = header::read_region(text, &env);
    let (mut filing, line) =
        match document::ownership_xml(text, &env, header.submission_type.as_deref()) {
            Ok(part) => {
                let line = line_at(text.as_bytes(), part.offset);
                let (filing, xml_warnings) = xml::parse(part.text, path, line)?;
                warnings.extend(xml_warnings);
                (filing, line)
            }
            // Before mid-2003 the form was typed into the document: no XML at all.
            Err(no_xml) => {
                let typed = rendered::typed::find(
                    text,
                    env.body.clone(),
                    header.submission_type.as_deref(),
                )
                .ok_or(no_xml)?;
                let line = line_at(text.as_bytes(), typed.offset);
                let (filing, typed_warnings) = rendered::parse_typed(typed.text, path, line)?;
                warnings.extend(typed_warnings);
                (filing, line)
            }
        };
    let kind = match filing.source.kind {
        SourceKind::TypedText => SourceKind::TypedText,
        _ => env.kind,
    };
    if let Some(w) = apply_header(&mut filing, &header, line) {
        warnings.push(w);
    }
    filing.source = Source {
        path: path.clone(),
        kind,
        line: Some(line),
    };
    Ok(Parsed {
        filings: vec![filing],
        warnings,
    })
}

/// Fills from the header what the XML lacks; the XML wins wherever it has a value.
/// Returns a warning (at `xml_line`) when the submission type and the XML's
/// `documentType` disagree.
fn apply_header(filing: &mut Filing, h: &SubmissionHeader, xml_line: u32) -> Option<Diagnostic> {
    fill(&mut filing.accession_number, &h.accession);
    filing.filing_date = filing.filing_date.or(h.filed_as_of);
    filing.acceptance_datetime = filing.acceptance_datetime.or(h.acceptance);
    filing.period_of_report = filing.period_of_report.or(h.period);
    let issuer = &mut filing.issuer;
    fill(&mut issuer.sic, &h.issuer_sic);
    fill(&mut issuer.state_of_incorporation, &h.issuer_state);
    if let Some(hi) = h.issuer() {
        fill(&mut issuer.cik, &hi.cik);
        fill(&mut issuer.name, &hi.name);
    }
    fill_owners(&mut filing.owners, h);
    let declared = h.submission_type.as_deref()?;
    (FormType::parse(declared) != filing.document_type).then(|| {
        Diagnostic::new(
            Some(xml_line),
            format!(
                "the header's submission type is {:?} but the XML's documentType is {:?}",
                declared.trim(),
                filing.document_type.as_str()
            ),
        )
    })
}

/// Gives XML owners lacking a name or CIK the header's: matched by CIK, else by name,
/// else by position when both list the same number of owners. With no owner in the XML
/// at all, the header's owners are taken.
fn fill_owners(owners: &mut Vec<ReportingOwner>, h: &SubmissionHeader) {
    let from_header: Vec<&Filer> = h.owners().collect();
    if owners.is_empty() {
        owners.extend(from_header.iter().map(|f| ReportingOwner {
            cik: f.cik.clone(),
            name: f.name.clone(),
            ..ReportingOwner::default()
        }));
        return;
    }
    let same_count = owners.len() == from_header.len();
    // Each header owner is found by its CIK and its name in one look-up; the first of
    // equal keys wins, as a search in header order would find it.
    let mut by_cik: HashMap<&str, &Filer> = HashMap::new();
    let mut by_name: HashMap<String, &Filer> = HashMap::new();
    for &f in &from_header {
        if let Some(cik) = f.cik.as_deref() {
            by_cik.entry(cik_key(cik)).or_insert(f);
        }
        if let Some(name) = f.name.as_deref() {
            by_name.entry(name_key(name)).or_insert(f);
        }
    }
    for (i, owner) in owners.iter_mut().enumerate() {
        if owner.cik.is_some() && owner.name.is_some() {
            continue;
        }
        let cik = owner.cik.as_deref().and_then(|c| by_cik.get(cik_key(c)));
        let name = owner
            .name
            .as_deref()
            .and_then(|n| by_name.get(&name_key(n)));
        let by_position = same_count.then(|| from_header.get(i)).flatten();
        if let Some(f) = cik.or(name).or(by_position) {
            fill(&mut owner.cik, &f.cik);
            fill(&mut owner.name, &f.name);
        }
    }
}

fn fill(slot: &mut Option<Text>, value: &Option<Text>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

/// CIKs compare as numbers: `0001357521` equals `1357521`; this is what they compare by.
fn cik_key(cik: &str) -> &str {
    cik.trim().trim_start_matches('0')
}

/// Names compare ignoring case and runs of white space; this is what they compare by.
fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word.to_lowercase());
    }
    key
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::SourceKind;

    fn header(text: &str) -> SubmissionHeader {
        let (h, w) = SubmissionHeader::read(text);
        assert!(w.is_empty(), "{w:?}");
        h
    }

    const HEADER: &str = "<SEC-DOCUMENT>
<SEC-HEADER>
<ACCEPTANCE-DATETIME>20250110160730
ACCESSION NUMBER:\t0001127602-25-001055
CONFORMED SUBMISSION TYPE:\t4
CONFORMED PERIOD OF REPORT:\t20250110
FILED AS OF DATE:\t20250110
REPORTING-OWNER:
\tOWNER DATA:
\t\tCOMPANY CONFORMED NAME:\tGarascia Jessica A.
\t\tCENTRAL INDEX KEY:\t0001806647
REPORTING-OWNER:
\tOWNER DATA:
\t\tCOMPANY CONFORMED NAME:\tSECOND OWNER
\t\tCENTRAL INDEX KEY:\t0000000002
ISSUER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\tAAR CORP
\t\tCENTRAL INDEX KEY:\t0000001750
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tAIRCRAFT & PARTS [3720]
\t\tSTATE OF INCORPORATION:\tDE
</SEC-HEADER>
";

    fn filing(form: FormType) -> Filing {
        Filing::new(
            form,
            Source {
                path: "x".into(),
                kind: SourceKind::Xml,
                line: Some(1),
            },
        )
    }

    fn owner(cik: Option<&str>, name: Option<&str>) -> ReportingOwner {
        ReportingOwner {
            cik: cik.map(Into::into),
            name: name.map(Into::into),
            ..ReportingOwner::default()
        }
    }

    #[test]
    fn header_fills_what_the_xml_lacks() {
        let h = header(HEADER);
        let mut f = filing(FormType::Form4);
        f.issuer.name = Some("AAR CORP (as in the XML)".into());
        f.owners = vec![
            owner(Some("1806647"), None),
            owner(None, Some("second  owner")),
        ];
        assert_eq!(apply_header(&mut f, &h, 60), None);
        assert_eq!(f.accession_number.as_deref(), Some("0001127602-25-001055"));
        assert_eq!(f.filing_date, NaiveDate::from_ymd_opt(2025, 1, 10));
        assert_eq!(f.period_of_report, NaiveDate::from_ymd_opt(2025, 1, 10));
        assert_eq!(
            f.acceptance_datetime.map(|a| a.to_string()).as_deref(),
            Some("2025-01-10 16:07:30")
        );
        assert_eq!(f.issuer.sic.as_deref(), Some("3720"));
        assert_eq!(f.issuer.state_of_incorporation.as_deref(), Some("DE"));
        assert_eq!(f.issuer.cik.as_deref(), Some("0000001750"));
        assert_eq!(f.issuer.name.as_deref(), Some("AAR CORP (as in the XML)"));
        assert_eq!(f.owners[0].name.as_deref(), Some("Garascia Jessica A."));
        assert_eq!(f.owners[0].cik.as_deref(), Some("1806647"));
        assert_eq!(f.owners[1].cik.as_deref(), Some("0000000002"));
        assert_eq!(f.owners[1].name.as_deref(), Some("second  owner"));
    }

    #[test]
    fn owners_match_by_position_only_when_counts_agree() {
        let h = header(HEADER);
        let mut f = filing(FormType::Form4);
        f.owners = vec![owner(None, None), owner(None, None)];
        apply_header(&mut f, &h, 1);
        assert_eq!(f.owners[1].name.as_deref(), Some("SECOND OWNER"));
        let mut f = filing(FormType::Form4);
        f.owners = vec![owner(None, None)];
        apply_header(&mut f, &h, 1);
        assert_eq!(f.owners[0], owner(None, None));
        let mut f = filing(FormType::Form4);
        apply_header(&mut f, &h, 1);
        assert_eq!(
            f.owners.len(),
            2,
            "no owner in the XML: the header's are taken"
        );
    }

    /// A header listing only reporting owners, as (CIK, name) pairs.
    fn header_of_owners(owners: &[(Option<&str>, Option<&str>)]) -> SubmissionHeader {
        SubmissionHeader {
            filers: owners
                .iter()
                .map(|(cik, name)| Filer {
                    role: FilerRole::ReportingOwner,
                    cik: cik.map(Into::into),
                    name: name.map(Into::into),
                })
                .collect(),
            ..SubmissionHeader::default()
        }
    }

    #[test]
    fn owners_match_the_first_header_owner_by_cik_then_by_name() {
        let h = header_of_owners(&[
            (Some("0000000007"), Some("First Seven")),
            (None, Some("ÉMILE   zola")),
            (Some("7"), Some("Second Seven")),
            (Some("0000000009"), Some("Émile Zola")),
            (Some("0000000011"), Some("Nine")),
        ]);
        let mut owners = vec![
            owner(Some(" 07 "), None),
            owner(None, Some("émile\tZOLA")),
            owner(Some("11"), Some("Nine")),
            owner(Some("0000000011"), None),
            owner(Some("12"), Some("?")),
            owner(None, Some("second  SEVEN")),
            owner(None, Some("unknown")),
        ];
        fill_owners(&mut owners, &h);
        let got: Vec<_> = owners
            .iter()
            .map(|o| (o.cik.as_deref(), o.name.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(" 07 "), Some("First Seven")),
                (None, Some("émile\tZOLA")),
                (Some("11"), Some("Nine")),
                (Some("0000000011"), Some("Nine")),
                (Some("12"), Some("?")),
                (Some("7"), Some("second  SEVEN")),
                (None, Some("unknown")),
            ]
        );
    }

    #[test]
    fn thousands_of_owners_are_matched_by_look_up() {
        // As many owners on each side as a filing keeps: each XML owner is matched by
        // name to the last header owner.
        let n = crate::parse::MAX_FILING_ITEMS;
        let mut listed = vec![(None, Some("b")); n - 1];
        listed.push((Some("0000000042"), Some("A")));
        let h = header_of_owners(&listed);
        let mut owners = vec![owner(None, Some("a")); n];
        fill_owners(&mut owners, &h);
        assert!(owners
            .iter()
            .all(|o| o.cik.as_deref() == Some("0000000042")));
    }

    #[test]
    fn a_type_mismatch_is_a_warning_at_the_xml() {
        let h = header(HEADER);
        let w = apply_header(&mut filing(FormType::Form4A), &h, 60).unwrap();
        assert_eq!(w.line, Some(60));
        assert!(
            w.message.contains("\"4\"") && w.message.contains("\"4/A\""),
            "{w}"
        );
    }

    #[test]
    fn errors_name_a_line() {
        let path: Text = "t.txt".into();
        let e = parse(" \n\n", &path).unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = parse("<SEC-DOCUMENT>\n<SEC-HEADER>\n", &path).unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = parse("junk\n", &path).unwrap_err();
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn never_panics_on_cut_or_odd_input() {
        let path: Text = "t.txt".into();
        let full = format!(
            "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n{HEADER}<DOCUMENT>\n<TYPE>4\n<TEXT>\n\
             <XML>\n<?xml version=\"1.0\"?>\n<ownershipDocument>é</ownershipDocument>\n</XML>\n\
             </TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
        );
        for (i, _) in full.char_indices() {
            let cut = &full[..i];
            let _ = parse(cut, &path);
            let _ = SubmissionHeader::read(cut);
            let _ = parse(&cut.replace('\n', "\r"), &path);
        }
        for odd in [
            "<",
            "<SUBMISSION>",
            "<SEC-DOCUMENT><DOCUMENT><TYPE>",
            "<SUBMISSION>\r<>\r</\r<X>\r:",
        ] {
            let _ = parse(odd, &path);
            let _ = SubmissionHeader::read(odd);
        }
    }
}

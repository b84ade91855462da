//! The header of the dissemination-feed form (`.nc` files): bracketed SGML tags under
//! `<SUBMISSION>`. Container tags are closed (`</ISSUER>`); value tags are not, their value
//! runs to the end of the line, and lines end in a bare CR after the first.

use std::ops::Range;

use super::document::lines;
use super::header::{Builder, Field, FilerRole};

/// Reads the feed header lines in `range` into `b`.
pub fn read(text: &str, range: Range<usize>, b: &mut Builder<'_>) {
    for (at, line) in lines(text, range) {
        let Some(tag) = line.trim_matches([' ', '\t']).strip_prefix('<') else {
            continue;
        };
        if let Some(closing) = tag.strip_prefix('/') {
            let name = closing.split_once('>').map_or(closing, |(n, _)| n);
            if is_block(name) {
                b.close();
            }
            continue;
        }
        let Some((name, value)) = tag.split_once('>') else {
            continue;
        };
        let name = name.trim().to_ascii_uppercase();
        let value = value.trim_matches([' ', '\t']);
        if value.is_empty() {
            match name.as_str() {
                "REPORTING-OWNER" => b.open(Some(FilerRole::ReportingOwner), at),
                "ISSUER" => b.open(Some(FilerRole::Issuer), at),
                n if is_block(n) => b.open(None, at),
                _ => {}
            }
            continue;
        }
        let field = match name.as_str() {
            "ACCESSION-NUMBER" => Field::Accession,
            "TYPE" => Field::SubmissionType,
            "PERIOD" => Field::Period,
            "FILING-DATE" => Field::FiledAsOf,
            "ACCEPTANCE-DATETIME" => Field::Acceptance,
            "CONFORMED-NAME" => Field::Name,
            "CIK" => Field::Cik,
            "ASSIGNED-SIC" => Field::Sic,
            "STATE-OF-INCORPORATION" => Field::StateOfIncorporation,
            _ => continue,
        };
        b.field(field, &name, value, at);
    }
}

/// Tags that open a filer block; only owner and issuer blocks are kept.
fn is_block(name: &str) -> bool {
    let name = name.trim();
    [
        "REPORTING-OWNER",
        "ISSUER",
        "FILER",
        "FILED-BY",
        "SUBJECT-COMPANY",
    ]
    .iter()
    .any(|b| b.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::parse::submission::SubmissionHeader;

    const FEED: &str = "<SUBMISSION>
<ACCESSION-NUMBER>0001127602-25-004598
<TYPE>4
<PUBLIC-DOCUMENT-COUNT>1
<PERIOD>20250212
<FILING-DATE>20250213
<FILED-BY>
<CONFORMED-NAME>AGENT LLC
<CIK>0000000001
</FILED-BY>
<REPORTING-OWNER>
<OWNER-DATA>
<CONFORMED-NAME>Jean-Claude Carine Lamercie
<CIK>0001870985
<ORGANIZATION-NAME>
<STATE-OF-INCORPORATION>X0
</OWNER-DATA>
</REPORTING-OWNER>
<ISSUER>
<COMPANY-DATA>
<CONFORMED-NAME>ARROW ELECTRONICS, INC.
<CIK>0000007536
<ASSIGNED-SIC>5065
<ORGANIZATION-NAME>07 Trade & Services
<STATE-OF-INCORPORATION>NY
</COMPANY-DATA>
<FORMER-COMPANY>
<FORMER-CONFORMED-NAME>ARROW ELECTRONICS INC
<DATE-CHANGED>19920703
</FORMER-COMPANY>
</ISSUER>
<DOCUMENT>
<TYPE>EX-24
</DOCUMENT>
</SUBMISSION>
";

    fn check_feed(text: &str) {
        let (h, w) = SubmissionHeader::read(text);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(h.accession.as_deref(), Some("0001127602-25-004598"));
        assert_eq!(h.submission_type.as_deref(), Some("4"));
        assert_eq!(h.period, NaiveDate::from_ymd_opt(2025, 2, 12));
        assert_eq!(h.filed_as_of, NaiveDate::from_ymd_opt(2025, 2, 13));
        assert_eq!(h.acceptance, None);
        assert_eq!(h.issuer_sic.as_deref(), Some("5065"));
        assert_eq!(h.issuer_state.as_deref(), Some("NY"));
        let issuer = h.issuer().unwrap();
        assert_eq!(issuer.name.as_deref(), Some("ARROW ELECTRONICS, INC."));
        assert_eq!(issuer.cik.as_deref(), Some("0000007536"));
        let owners: Vec<_> = h.owners().collect();
        assert_eq!(owners.len(), 1);
        assert_eq!(
            owners[0].name.as_deref(),
            Some("Jean-Claude Carine Lamercie")
        );
        assert_eq!(owners[0].cik.as_deref(), Some("0001870985"));
        assert_eq!(
            h.filers.len(),
            2,
            "the FILED-BY block is not a filer of interest"
        );
    }

    #[test]
    fn reads_a_feed_header_with_bare_cr() {
        // The feed's own shape: LF after the first line, bare CR after every other.
        let (first, rest) = FEED.split_once('\n').unwrap();
        check_feed(&format!("{first}\n{}", rest.replace('\n', "\r")));
    }

    #[test]
    fn reads_a_feed_header_with_lf_and_crlf() {
        check_feed(FEED);
        check_feed(&FEED.replace('\n', "\r\n"));
    }

    #[test]
    fn a_bad_feed_date_is_a_warning() {
        let (h, w) = SubmissionHeader::read("<SUBMISSION>\r<FILING-DATE>2025021\r<TYPE>4\r");
        assert_eq!(h.filed_as_of, None);
        assert_eq!(h.submission_type.as_deref(), Some("4"));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, Some(2));
        assert!(w[0].message.contains("FILING-DATE"), "{}", w[0]);
    }
}

//! The submission header: what EDGAR adds around the ownership XML (accession number,
//! filing date, acceptance time, the filers' names and CIKs, the issuer's industry code and
//! state of incorporation), read from either header form into one [`SubmissionHeader`].
//!
//! This file reads the full-submission form, `KEY:` + tabs + value lines under
//! `<SEC-HEADER>`; `feed.rs` reads the dissemination-feed form's bracketed tags. Both feed
//! the same [`Builder`], so the two forms cannot drift apart.

use std::ops::Range;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::document::{envelope, lines, Envelope};
use crate::model::{SourceKind, Text};
use crate::parse::diag::Diagnostic;
use crate::parse::values::{compact_date, shorten};
use crate::parse::{LineCounter, MAX_FILING_ITEMS};

/// What a filer block of the header describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilerRole {
    /// A `REPORTING-OWNER` block: one per reporting person.
    ReportingOwner,
    /// The `ISSUER` block.
    Issuer,
}

/// One filer block of the header: its role, CIK and conformed name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filer {
    /// Reporting owner or issuer.
    pub role: FilerRole,
    /// `CENTRAL INDEX KEY` / `<CIK>`, as written (10 digits, zero-padded).
    pub cik: Option<Text>,
    /// `COMPANY CONFORMED NAME` / `<CONFORMED-NAME>`, raw text (not XML-escaped).
    pub name: Option<Text>,
}

/// The facts of a submission header that bare ownership XML lacks.
///
/// Every field is optional: any key may be missing from a header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubmissionHeader {
    /// `ACCESSION NUMBER` / `<ACCESSION-NUMBER>` (`0001127602-25-001055`).
    pub accession: Option<Text>,
    /// `CONFORMED SUBMISSION TYPE` / `<TYPE>` (`4`, `4/A`, …).
    pub submission_type: Option<Text>,
    /// `FILED AS OF DATE` / `<FILING-DATE>`: the filing date.
    pub filed_as_of: Option<NaiveDate>,
    /// `<ACCEPTANCE-DATETIME>`: US Eastern time, no offset.
    pub acceptance: Option<NaiveDateTime>,
    /// `CONFORMED PERIOD OF REPORT` / `<PERIOD>`.
    pub period: Option<NaiveDate>,
    /// The filer blocks in header order (owners and issuer; their order varies by year).
    pub filers: Vec<Filer>,
    /// The issuer's Standard Industrial Classification code: `3841` from
    /// `SURGICAL & MEDICAL INSTRUMENTS & APPARATUS [3841]` or a bare `<ASSIGNED-SIC>`.
    pub issuer_sic: Option<Text>,
    /// The issuer's `STATE OF INCORPORATION` (a state or an EDGAR country code).
    pub issuer_state: Option<Text>,
}

impl SubmissionHeader {
    /// Reads the header of a submission file (either form, PEM-wrapped or not). Bad dates
    /// become warnings naming their line; a file without an envelope is read as header
    /// lines from the start, which yields an empty header for text that is not one.
    pub fn read(text: &str) -> (SubmissionHeader, Vec<Diagnostic>) {
        let env = envelope(text).unwrap_or(Envelope {
            kind: SourceKind::Submission,
            body: 0..text.len(),
            header: 0..text.len(),
        });
        read_region(text, &env)
    }

    /// The reporting-owner blocks, in header order.
    pub fn owners(&self) -> impl Iterator<Item = &Filer> {
        self.filers
            .iter()
            .filter(|f| f.role == FilerRole::ReportingOwner)
    }

    /// The issuer block, if the header has one.
    pub fn issuer(&self) -> Option<&Filer> {
        self.filers.iter().find(|f| f.role == FilerRole::Issuer)
    }
}

/// Reads the header lines of `env` in the form its kind says.
pub fn read_region(text: &str, env: &Envelope) -> (SubmissionHeader, Vec<Diagnostic>) {
    let mut b = Builder::new(text);
    match env.kind {
        SourceKind::FeedSubmission => super::feed::read(text, env.header.clone(), &mut b),
        _ => read_classic(text, env.header.clone(), &mut b),
    }
    (b.header, b.warnings)
}

/// Reads `KEY:\tvalue` lines. Nesting is not taken from indentation (re-indented copies
/// exist) but from the top-level section lines `REPORTING-OWNER:` and `ISSUER:`.
fn read_classic(text: &str, range: Range<usize>, b: &mut Builder<'_>) {
    for (at, line) in lines(text, range) {
        let t = line.trim_matches([' ', '\t']);
        if let Some(tag) = t.strip_prefix('<') {
            if let Some((name, value)) = tag.split_once('>') {
                if name.eq_ignore_ascii_case("ACCEPTANCE-DATETIME") {
                    b.field(Field::Acceptance, "ACCEPTANCE-DATETIME", value, at);
                }
            }
            continue;
        }
        let Some((key, value)) = t.split_once(':') else {
            continue;
        };
        let key = key.trim_matches([' ', '\t']).to_ascii_uppercase();
        let value = value.trim_matches([' ', '\t']);
        if value.is_empty() {
            match key.as_str() {
                "REPORTING-OWNER" => b.open(Some(FilerRole::ReportingOwner), at),
                "ISSUER" => b.open(Some(FilerRole::Issuer), at),
                "FILER" | "FILED BY" | "SUBJECT COMPANY" => b.open(None, at),
                _ => {}
            }
            continue;
        }
        let field = match key.as_str() {
            "ACCESSION NUMBER" => Field::Accession,
            "CONFORMED SUBMISSION TYPE" => Field::SubmissionType,
            "CONFORMED PERIOD OF REPORT" => Field::Period,
            "FILED AS OF DATE" => Field::FiledAsOf,
            "COMPANY CONFORMED NAME" => Field::Name,
            "CENTRAL INDEX KEY" => Field::Cik,
            "STANDARD INDUSTRIAL CLASSIFICATION" => Field::Sic,
            "STATE OF INCORPORATION" => Field::StateOfIncorporation,
            _ => continue,
        };
        b.field(field, &key, value, at);
    }
}

/// A header fact, whichever form spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Accession number.
    Accession,
    /// Submission type.
    SubmissionType,
    /// Period of report.
    Period,
    /// Filing date.
    FiledAsOf,
    /// Acceptance date and time.
    Acceptance,
    /// A filer's conformed name.
    Name,
    /// A filer's CIK.
    Cik,
    /// The issuer's industry code.
    Sic,
    /// A filer's state of incorporation (kept for the issuer only).
    StateOfIncorporation,
}

/// Collects header facts as the readers meet them. The first value of a key wins.
pub struct Builder<'t> {
    /// The lines of the text read, for warnings.
    lines: LineCounter<'t>,
    header: SubmissionHeader,
    /// The reporting-owner blocks met, kept or not.
    owners: usize,
    /// The issuer blocks met, kept or not.
    issuers: usize,
    /// Index in `header.filers` of the block being read; `None` outside owner and issuer
    /// blocks, so names under `FILED BY:` and the like are not mistaken for theirs.
    current: Option<usize>,
    warnings: Vec<Diagnostic>,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str) -> Self {
        Builder {
            lines: LineCounter::new(text.as_bytes()),
            header: SubmissionHeader::default(),
            owners: 0,
            issuers: 0,
            current: None,
            warnings: Vec::new(),
        }
    }

    /// Starts a filer block of `role` at byte `at`, or (with `None`) a block whose facts
    /// are ignored. Past [`MAX_FILING_ITEMS`] blocks of one role, the rest are ignored
    /// too, with one warning at the first of them.
    pub fn open(&mut self, mut role: Option<FilerRole>, at: usize) {
        let (count, what) = match role {
            Some(FilerRole::ReportingOwner) => (&mut self.owners, "reporting owners"),
            Some(FilerRole::Issuer) => (&mut self.issuers, "issuers"),
            None => {
                self.current = None;
                return;
            }
        };
        let seen = *count;
        *count = count.saturating_add(1);
        if seen >= MAX_FILING_ITEMS {
            role = None;
            if seen == MAX_FILING_ITEMS {
                self.warn(
                    at,
                    format!(
                        "more than {MAX_FILING_ITEMS} {what} in the header: the rest are left out"
                    ),
                );
            }
        }
        self.current = role.map(|role| {
            self.header.filers.push(Filer {
                role,
                cik: None,
                name: None,
            });
            self.header.filers.len() - 1
        });
    }

    /// Ends the current filer block.
    pub fn close(&mut self) {
        self.current = None;
    }

    /// Records `value` (already trimmed) of `field`, written as `key` at byte `at`.
    pub fn field(&mut self, field: Field, key: &str, value: &str, at: usize) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let in_issuer = self.current_role() == Some(FilerRole::Issuer);
        match field {
            Field::Accession => set(&mut self.header.accession, value),
            Field::SubmissionType => set(&mut self.header.submission_type, value),
            Field::Period if self.header.period.is_none() => {
                self.header.period = self.date(key, value, at);
            }
            Field::FiledAsOf if self.header.filed_as_of.is_none() => {
                self.header.filed_as_of = self.date(key, value, at);
            }
            Field::Acceptance if self.header.acceptance.is_none() => {
                self.header.acceptance = self.datetime(key, value, at);
            }
            Field::Sic if in_issuer => set(&mut self.header.issuer_sic, sic_code(value)),
            Field::StateOfIncorporation if in_issuer => set(&mut self.header.issuer_state, value),
            Field::Name | Field::Cik => {
                if let Some(f) = self.current.and_then(|i| self.header.filers.get_mut(i)) {
                    let slot = if field == Field::Name {
                        &mut f.name
                    } else {
                        &mut f.cik
                    };
                    set(slot, value);
                }
            }
            Field::Period
            | Field::FiledAsOf
            | Field::Acceptance
            | Field::Sic
            | Field::StateOfIncorporation => {}
        }
    }

    fn current_role(&self) -> Option<FilerRole> {
        self.current
            .and_then(|i| self.header.filers.get(i))
            .map(|f| f.role)
    }

    fn date(&mut self, key: &str, value: &str, at: usize) -> Option<NaiveDate> {
        match compact_date(value) {
            Ok(d) => d,
            Err(why) => {
                self.warn(at, format!("header {key}: {why}"));
                None
            }
        }
    }

    /// Reads `YYYYMMDDHHMMSS`.
    fn datetime(&mut self, key: &str, value: &str, at: usize) -> Option<NaiveDateTime> {
        let parsed = match (value.get(..8), value.get(8..)) {
            (Some(day), Some(time)) if value.len() == 14 => {
                let hms = |r: Range<usize>| time.get(r).and_then(|s| s.parse::<u32>().ok());
                let time = match (hms(0..2), hms(2..4), hms(4..6)) {
                    (Some(h), Some(m), Some(s)) if time.bytes().all(|b| b.is_ascii_digit()) => {
                        NaiveTime::from_hms_opt(h, m, s)
                    }
                    _ => None,
                };
                compact_date(day).ok().flatten().zip(time)
            }
            _ => None,
        };
        match parsed {
            Some((d, t)) => Some(d.and_time(t)),
            None => {
                self.warn(
                    at,
                    format!(
                        "header {key}: not a date and time (YYYYMMDDHHMMSS): {:?}",
                        shorten(value)
                    ),
                );
                None
            }
        }
    }

    fn warn(&mut self, at: usize, message: String) {
        let line = self.lines.line_at(at);
        self.warnings.push(Diagnostic::new(Some(line), message));
    }
}

fn set(slot: &mut Option<Text>, value: &str) {
    if slot.is_none() {
        *slot = Some(value.into());
    }
}

/// The code in brackets at the end of an industry classification, else the value itself.
fn sic_code(value: &str) -> &str {
    value
        .rsplit_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(code, _)| code.trim())
        .filter(|code| !code.is_empty())
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLASSIC: &str = "<SEC-DOCUMENT>0001357521-18-000008.txt : 20181015
<SEC-HEADER>0001357521-18-000008.hdr.sgml : 20181015
<ACCEPTANCE-DATETIME>20181015171243
ACCESSION NUMBER:\t\t0001357521-18-000008
CONFORMED SUBMISSION TYPE:\t4/A
PUBLIC DOCUMENT COUNT:\t\t1
CONFORMED PERIOD OF REPORT:\t20181012
FILED AS OF DATE:\t\t20181015

ISSUER:\t\t

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tSURGICAL & MEDICAL CO
\t\tCENTRAL INDEX KEY:\t\t\t0001000045
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSHORT-TERM BUSINESS CREDIT INSTITUTIONS [6153]
\t\tORGANIZATION NAME:           \t
\t\tSTATE OF INCORPORATION:\t\t\tFL

\tFORMER COMPANY:\t
\t\tFORMER CONFORMED NAME:\tOLD NAME INC
\t\tDATE OF NAME CHANGE:\t19970808

REPORTING-OWNER:\t

\tOWNER DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tMALSON KELLY M
\t\tCENTRAL INDEX KEY:\t\t\t0001357521
\t\tSTATE OF INCORPORATION:\t\t\tY9

\tMAIL ADDRESS:\t
\t\tSTREET 1:\t\t1 MAIN ST
\t\tSTATE:\t\t\tM0

REPORTING-OWNER:\t
\tOWNER DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tFUND LP /MN
\t\tCENTRAL INDEX KEY:\t\t\t0001058465
</SEC-HEADER>
<DOCUMENT>
<TYPE>4/A
";

    fn check_classic(text: &str) {
        let (h, warnings) = SubmissionHeader::read(text);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(h.accession.as_deref(), Some("0001357521-18-000008"));
        assert_eq!(h.submission_type.as_deref(), Some("4/A"));
        assert_eq!(h.filed_as_of, NaiveDate::from_ymd_opt(2018, 10, 15));
        assert_eq!(h.period, NaiveDate::from_ymd_opt(2018, 10, 12));
        assert_eq!(
            h.acceptance.map(|a| a.to_string()).as_deref(),
            Some("2018-10-15 17:12:43")
        );
        assert_eq!(h.issuer_sic.as_deref(), Some("6153"));
        assert_eq!(h.issuer_state.as_deref(), Some("FL"));
        let issuer = h.issuer().unwrap();
        assert_eq!(issuer.name.as_deref(), Some("SURGICAL & MEDICAL CO"));
        assert_eq!(issuer.cik.as_deref(), Some("0001000045"));
        let owners: Vec<_> = h.owners().collect();
        assert_eq!(owners.len(), 2);
        assert_eq!(owners[0].name.as_deref(), Some("MALSON KELLY M"));
        assert_eq!(owners[0].cik.as_deref(), Some("0001357521"));
        assert_eq!(owners[1].name.as_deref(), Some("FUND LP /MN"));
        assert_eq!(owners[1].cik.as_deref(), Some("0001058465"));
    }

    #[test]
    fn reads_a_classic_header_with_lf() {
        check_classic(CLASSIC);
    }

    #[test]
    fn reads_a_classic_header_with_crlf() {
        check_classic(&CLASSIC.replace('\n', "\r\n"));
    }

    #[test]
    fn reads_a_classic_header_with_bare_cr() {
        check_classic(&CLASSIC.replace('\n', "\r"));
    }

    #[test]
    fn reads_a_reindented_header() {
        let reindented: String = CLASSIC
            .lines()
            .map(|l| format!("        {}\n", l.trim_start()))
            .collect();
        check_classic(&reindented);
    }

    #[test]
    fn reads_a_pem_wrapped_header() {
        let pem = format!(
            "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n\
             Originator-Name: webmaster@www.sec.gov\n\n{CLASSIC}</SEC-DOCUMENT>\n\
             -----END PRIVACY-ENHANCED MESSAGE-----\n"
        );
        check_classic(&pem);
    }

    #[test]
    fn missing_keys_stay_empty() {
        let (h, w) =
            SubmissionHeader::read("<SEC-DOCUMENT>\n<SEC-HEADER>\nISSUER:\n</SEC-HEADER>\n");
        assert!(w.is_empty());
        assert_eq!(h.accession, None);
        assert_eq!(h.filed_as_of, None);
        assert_eq!(h.issuer_sic, None);
        assert_eq!(h.issuer().map(|i| i.name.clone()), Some(None));
        assert_eq!(h.owners().count(), 0);
    }

    #[test]
    fn bad_dates_are_warnings_naming_the_line() {
        let text = "<SEC-DOCUMENT>\n<SEC-HEADER>\n<ACCEPTANCE-DATETIME>2018101517\n\
                    FILED AS OF DATE:\t20181345\nCONFORMED PERIOD OF REPORT:\t2018-10-12\n\
                    ACCESSION NUMBER:\t0001-18-1\n";
        let (h, w) = SubmissionHeader::read(text);
        assert_eq!(h.accession.as_deref(), Some("0001-18-1"));
        assert_eq!(h.filed_as_of, None);
        assert_eq!(h.acceptance, None);
        let lines: Vec<_> = w.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![Some(3), Some(4), Some(5)]);
        assert!(w[1].message.contains("FILED AS OF DATE"), "{}", w[1]);
        let (_, w) = SubmissionHeader::read("<SEC-HEADER>\n<ACCEPTANCE-DATETIME>20181015256100\n");
        assert_eq!(w.len(), 1, "hour 25 is refused");
    }

    #[test]
    fn each_warning_counts_lines_from_the_one_before() {
        let classic = format!(
            "<SEC-HEADER>\n{}",
            "CONFORMED PERIOD OF REPORT:x\n".repeat(2_000)
        );
        let feed = format!("<SUBMISSION>\n{}", "<PERIOD>x\r".repeat(2_000));
        for (text, is_feed) in [(classic, false), (feed, true)] {
            let mut b = Builder::new(&text);
            if is_feed {
                super::super::feed::read(&text, 0..text.len(), &mut b);
            } else {
                read_classic(&text, 0..text.len(), &mut b);
            }
            let lines: Vec<_> = b.warnings.iter().map(|d| d.line).collect();
            assert_eq!(lines.len(), 2_000);
            assert_eq!(lines.first(), Some(&Some(2)));
            assert_eq!(lines.last(), Some(&Some(2_001)));
            assert!(
                b.lines.scanned <= text.len(),
                "{} bytes looked at for {} bytes of text",
                b.lines.scanned,
                text.len()
            );
        }
    }

    #[test]
    fn header_owners_past_the_bound_are_left_out_with_one_warning() {
        let block = "REPORTING-OWNER:\n\tOWNER DATA:\n\t\tCOMPANY CONFORMED NAME:\tA\n";
        let text = format!(
            "<SEC-HEADER>\n{}ISSUER:\n\t\tCOMPANY CONFORMED NAME:\tI\n",
            block.repeat(MAX_FILING_ITEMS + 2)
        );
        let (h, w) = SubmissionHeader::read(&text);
        assert_eq!(h.owners().count(), MAX_FILING_ITEMS);
        assert_eq!(h.issuer().and_then(|i| i.name.as_deref()), Some("I"));
        assert_eq!(
            w,
            vec![Diagnostic::new(
                Some(u32::try_from(3 * MAX_FILING_ITEMS + 2).unwrap()),
                "more than 10000 reporting owners in the header: the rest are left out"
            )]
        );
    }

    #[test]
    fn header_issuers_past_the_bound_are_left_out_with_one_warning() {
        let text = format!(
            "<SEC-HEADER>\n{}",
            "ISSUER:\n\t\tCOMPANY CONFORMED NAME:\tI\n".repeat(MAX_FILING_ITEMS + 5)
        );
        let (h, w) = SubmissionHeader::read(&text);
        assert_eq!(h.filers.len(), MAX_FILING_ITEMS);
        assert_eq!(h.issuer().and_then(|i| i.name.as_deref()), Some("I"));
        assert_eq!(
            w,
            vec![Diagnostic::new(
                Some(u32::try_from(2 * MAX_FILING_ITEMS + 2).unwrap()),
                "more than 10000 issuers in the header: the rest are left out"
            )]
        );
    }

    #[test]
    fn industry_codes() {
        assert_eq!(sic_code("AIRCRAFT & PARTS [3720]"), "3720");
        assert_eq!(sic_code("2834"), "2834");
        assert_eq!(sic_code("ODD [ ]"), "ODD [ ]");
        assert_eq!(sic_code("NO CODE [3720"), "NO CODE [3720");
    }
}

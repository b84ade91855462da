//! The SGML header of a full submission (FORMAT.md 3): `KEY:` + tabs + value lines,
//! nested by leading tabs under `REPORTING-OWNER:` and `ISSUER:` section lines.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::escape::push_header_value;
use crate::model::{Filing, ReportingOwner};

/// Appends `<SEC-DOCUMENT>` … `</SEC-HEADER>` for `filing` to `out`.
pub(super) fn write(out: &mut String, filing: &Filing) {
    let accession = filing.accession_number.as_deref();
    let filed = filing.filing_date.map(compact);
    let form = filing.document_type.as_str();

    out.push_str("<SEC-DOCUMENT>");
    if let Some(acc) = accession {
        push_header_value(out, acc);
        out.push_str(".txt");
        if let Some(d) = &filed {
            let _ = write!(out, " : {d}");
        }
    }
    out.push_str("\n<SEC-HEADER>");
    if let Some(acc) = accession {
        push_header_value(out, acc);
        out.push_str(".hdr.sgml");
        if let Some(d) = &filed {
            let _ = write!(out, " : {d}");
        }
    }
    out.push('\n');
    if let Some(t) = filing.acceptance_datetime {
        let _ = writeln!(out, "<ACCEPTANCE-DATETIME>{}", t.format("%Y%m%d%H%M%S"));
    }
    line(out, 0, "ACCESSION NUMBER:", 2, accession);
    line(out, 0, "CONFORMED SUBMISSION TYPE:", 1, Some(form));
    line(out, 0, "PUBLIC DOCUMENT COUNT:", 2, Some("1"));
    let period = filing.period_of_report.map(compact);
    line(out, 0, "CONFORMED PERIOD OF REPORT:", 1, period.as_deref());
    line(out, 0, "FILED AS OF DATE:", 2, filed.as_deref());
    line(out, 0, "DATE AS OF CHANGE:", 2, filed.as_deref());
    out.push('\n');
    for owner in &filing.owners {
        owner_block(out, owner, form);
    }
    let issuer = &filing.issuer;
    out.push_str("ISSUER:\t\t\n\n\tCOMPANY DATA:\t\n");
    line(out, 2, "COMPANY CONFORMED NAME:", 3, issuer.name.as_deref());
    line(out, 2, "CENTRAL INDEX KEY:", 3, issuer.cik.as_deref());
    line(
        out,
        2,
        "STANDARD INDUSTRIAL CLASSIFICATION:",
        1,
        issuer.sic.as_deref(),
    );
    line(
        out,
        2,
        "STATE OF INCORPORATION:",
        3,
        issuer.state_of_incorporation.as_deref(),
    );
    out.push_str("</SEC-HEADER>\n");
}

/// One `REPORTING-OWNER:` block: owner data, filing values and mail address.
fn owner_block(out: &mut String, owner: &ReportingOwner, form: &str) {
    out.push_str("REPORTING-OWNER:\t\n\n\tOWNER DATA:\t\n");
    line(out, 2, "COMPANY CONFORMED NAME:", 3, owner.name.as_deref());
    line(out, 2, "CENTRAL INDEX KEY:", 3, owner.cik.as_deref());
    out.push_str("\n\tFILING VALUES:\n");
    line(out, 2, "FORM TYPE:", 2, Some(form));
    line(out, 2, "SEC ACT:", 2, Some("1934 Act"));
    let a = &owner.address;
    // The header has no country line: EDGAR puts the country code in STATE.
    let state = a.state.as_deref().or(a.country.as_deref());
    if [
        a.street1.as_deref(),
        a.street2.as_deref(),
        a.city.as_deref(),
        state,
    ]
    .iter()
    .any(Option::is_some)
    {
        out.push_str("\n\tMAIL ADDRESS:\t\n");
        line(out, 2, "STREET 1:", 2, a.street1.as_deref());
        line(out, 2, "STREET 2:", 2, a.street2.as_deref());
        line(out, 2, "CITY:", 3, a.city.as_deref());
        line(out, 2, "STATE:", 3, state);
        line(out, 2, "ZIP:", 3, a.zip.as_deref());
    }
    out.push('\n');
}

/// Writes `depth` tabs, the key, `gap` tabs and the value; nothing when the value is
/// unknown.
fn line(out: &mut String, depth: usize, key: &str, gap: usize, value: Option<&str>) {
    let Some(value) = value else { return };
    for _ in 0..depth {
        out.push('\t');
    }
    out.push_str(key);
    for _ in 0..gap {
        out.push('\t');
    }
    push_header_value(out, value);
    out.push('\n');
}

/// A date as the header writes it: `YYYYMMDD`.
fn compact(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

//! The form view: any [`Filing`] laid out as the printed Form 3, 4 or 5, as plain text
//! lines: the title and check boxes, boxes 1 to 6, Table I, Table II, further reporting
//! persons, the explanation of responses with remarks, the signatures and the form's
//! fixed notes.
//!
//! Pure: no terminal, no colour; every piece of filing text goes through
//! [`crate::text::sanitize`]. What it prints reads back with
//! [`crate::parse::rendered::parse_text`] into the same values for every field the form
//! shows: tables are ruled when every value fits the width, else printed one field a
//! line; words are never split.

mod tables;
mod wrap;

use crate::model::{Filing, FormType, ReportingOwner, Table};
use crate::parse::rendered::{format_date, format_marker, Form};
use crate::text::sanitize;

use wrap::wrap;

/// Narrowest layout the view draws; a smaller width is taken as this one.
pub const MIN_WIDTH: usize = 44;

/// The form as lines of plain text, none wider than `width` except a single word that
/// is longer than the line.
pub fn render_lines(filing: &Filing, width: usize) -> Vec<String> {
    let width = width.max(MIN_WIDTH);
    let form = Form::of(&filing.document_type);
    let mut out = Vec::new();
    title(filing, form, width, &mut out);
    out.push(String::new());
    let first = filing.owners.first();
    name_box(first, width, &mut out);
    let boxes = numbers(form);
    match form {
        Form::Three => {
            date_box(
                boxes.period,
                "Date of Event Requiring Statement (Month/Day/Year)",
                filing,
                width,
                &mut out,
            );
            issuer_box(boxes.issuer, filing, width, &mut out);
            relationship_box(boxes.relationship, first, width, &mut out);
            amendment_box(boxes.amendment, filing, width, &mut out);
        }
        Form::Four | Form::Five => {
            issuer_box(boxes.issuer, filing, width, &mut out);
            let label = if form == Form::Five {
                "Statement for Issuer's Fiscal Year Ended (Month/Day/Year)"
            } else {
                "Date of Earliest Transaction (Month/Day/Year)"
            };
            date_box(boxes.period, label, filing, width, &mut out);
            amendment_box(boxes.amendment, filing, width, &mut out);
            relationship_box(boxes.relationship, first, width, &mut out);
        }
    }
    joint_box(boxes.joint, filing, width, &mut out);
    out.push(String::new());
    tables::render(filing, Table::NonDerivative, width, &mut out);
    out.push(String::new());
    tables::render(filing, Table::Derivative, width, &mut out);
    for owner in filing.owners.iter().skip(1) {
        out.push(String::new());
        name_box(Some(owner), width, &mut out);
        relationship_box(boxes.relationship, Some(owner), width, &mut out);
    }
    out.push(String::new());
    explanation(filing, width, &mut out);
    out.push(String::new());
    signatures(filing, width, &mut out);
    out.push(String::new());
    for note in FIXED_NOTES {
        out.extend(wrap(note, width, "", "    "));
    }
    out
}

/// The form as one string, lines joined by `\n`.
pub fn render(filing: &Filing, width: usize) -> String {
    render_lines(filing, width).join("\n")
}

/// The notes every form prints at its foot.
const FIXED_NOTES: [&str; 5] = [
    "Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.",
    "* If the form is filed by more than one reporting person, see Instruction 4(b)(v).",
    "** Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).",
    "Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, see Instruction 6 for procedure.",
    "Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB Number.",
];

/// Box numbers of each form.
struct Numbers {
    issuer: u8,
    period: u8,
    amendment: u8,
    relationship: u8,
    joint: u8,
}

fn numbers(form: Form) -> Numbers {
    match form {
        Form::Three => Numbers {
            period: 2,
            issuer: 3,
            relationship: 4,
            amendment: 5,
            joint: 6,
        },
        _ => Numbers {
            issuer: 2,
            period: 3,
            amendment: 4,
            relationship: 5,
            joint: 6,
        },
    }
}

fn check(b: bool) -> &'static str {
    if b {
        "[X]"
    } else {
        "[ ]"
    }
}

fn title(f: &Filing, form: Form, width: usize, out: &mut Vec<String>) {
    let name = match &f.document_type {
        FormType::Other(t) => sanitize(t).into_owned(),
        t => t.as_str().to_string(),
    };
    out.push(format!("FORM {name}"));
    let heading = match form {
        Form::Three => "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES",
        Form::Four => "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
        Form::Five => "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    };
    for l in [
        "UNITED STATES SECURITIES AND EXCHANGE COMMISSION",
        "Washington, D.C. 20549",
        heading,
        "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment Company Act of 1940",
    ] {
        out.extend(wrap(l, width, "", ""));
    }
    let flags = &f.flags;
    let boxes = [
        (
            flags.not_subject_to_section16,
            "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).",
        ),
        (
            flags.aff10b5_one,
            "Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan for the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.",
        ),
        (flags.form3_holdings_reported, "Form 3 Holdings Reported."),
        (flags.form4_transactions_reported, "Form 4 Transactions Reported."),
    ];
    for (value, text) in boxes {
        if let Some(v) = value {
            out.extend(wrap(text, width, &format!("{} ", check(v)), "    "));
        }
    }
}

fn value_lines(text: &str, width: usize, out: &mut Vec<String>) {
    if !text.trim().is_empty() {
        out.extend(wrap(text, width, "   ", "   "));
    }
}

fn name_box(owner: Option<&ReportingOwner>, width: usize, out: &mut Vec<String>) {
    out.extend(wrap(
        "1. Name and Address of Reporting Person*",
        width,
        "",
        "   ",
    ));
    let Some(o) = owner else {
        return;
    };
    value_lines(&sanitize(o.name.as_deref().unwrap_or_default()), width, out);
    out.push("   (Last) (First) (Middle)".to_string());
    let a = &o.address;
    for street in [&a.street1, &a.street2].into_iter().flatten() {
        value_lines(&sanitize(street), width, out);
    }
    out.push("   (Street)".to_string());
    // City, state and ZIP in columns, each caption under its value.
    let parts = [
        (a.city.as_deref(), "(City)"),
        (a.state.as_deref(), "(State)"),
        (a.zip.as_deref(), "(Zip)"),
    ];
    let mut values = String::from("   ");
    let mut captions = String::from("   ");
    for (value, caption) in parts {
        let v = sanitize(value.unwrap_or_default()).into_owned();
        let w = v.chars().count().max(caption.len()) + 3;
        values.push_str(&format!("{v:<w$}"));
        captions.push_str(&format!("{caption:<w$}"));
    }
    out.push(values.trim_end().to_string());
    out.push(captions.trim_end().to_string());
}

fn issuer_box(n: u8, f: &Filing, width: usize, out: &mut Vec<String>) {
    out.extend(wrap(
        &format!("{n}. Issuer Name and Ticker or Trading Symbol"),
        width,
        "",
        "   ",
    ));
    let name = f.issuer.name.as_deref().map(sanitize).unwrap_or_default();
    let ticker = f
        .issuer
        .trading_symbol
        .as_deref()
        .map(sanitize)
        .unwrap_or_default();
    let ticker = if ticker.is_empty() {
        "[ ]".to_string()
    } else {
        format!("[{ticker}]")
    };
    value_lines(&format!("{name} {ticker}"), width, out);
}

fn date_box(n: u8, label: &str, f: &Filing, width: usize, out: &mut Vec<String>) {
    out.extend(wrap(&format!("{n}. {label}"), width, "", "   "));
    if let Some(d) = f.period_of_report {
        out.push(format!("   {}", format_date(&d)));
    }
}

fn amendment_box(n: u8, f: &Filing, width: usize, out: &mut Vec<String>) {
    out.extend(wrap(
        &format!("{n}. If Amendment, Date Original Filed (Month/Day/Year)"),
        width,
        "",
        "   ",
    ));
    if let Some(d) = f.date_of_original_submission {
        out.push(format!("   {}", format_date(&d)));
    }
}

fn relationship_box(n: u8, owner: Option<&ReportingOwner>, width: usize, out: &mut Vec<String>) {
    out.extend(wrap(
        &format!("{n}. Relationship of Reporting Person(s) to Issuer (Check all applicable)"),
        width,
        "",
        "   ",
    ));
    let r = owner.map(|o| o.relationship.clone()).unwrap_or_default();
    out.push(format!("   {} Director", check(r.is_director)));
    out.push(format!("   {} 10% Owner", check(r.is_ten_percent_owner)));
    let title = r.officer_title.as_deref().map(sanitize).unwrap_or_default();
    out.extend(wrap(
        &title,
        width,
        &format!("   {} Officer (give title below):", check(r.is_officer)),
        "       ",
    ));
    let other = r.other_text.as_deref().map(sanitize).unwrap_or_default();
    out.extend(wrap(
        &other,
        width,
        &format!("   {} Other (specify below):", check(r.is_other)),
        "       ",
    ));
}

fn joint_box(n: u8, f: &Filing, width: usize, out: &mut Vec<String>) {
    out.extend(wrap(
        &format!("{n}. Individual or Joint/Group Filing (Check Applicable Line)"),
        width,
        "",
        "   ",
    ));
    let joint = f.owners.len() > 1;
    for (on, text) in [
        (!joint, "Form filed by One Reporting Person"),
        (joint, "Form filed by More than One Reporting Person"),
    ] {
        out.extend(wrap(text, width, &format!("   {} ", check(on)), "       "));
    }
}

fn explanation(f: &Filing, width: usize, out: &mut Vec<String>) {
    out.push("Explanation of Responses:".to_string());
    for note in &f.footnotes {
        let first = format!("{} ", format_marker(&note.id));
        out.extend(wrap(&sanitize(&note.text), width, &first, "    "));
    }
    if let Some(r) = f.remarks.as_deref() {
        out.push("Remarks:".to_string());
        out.extend(wrap(&sanitize(r), width, "    ", "    "));
    }
}

fn signatures(f: &Filing, width: usize, out: &mut Vec<String>) {
    out.push("Signatures".to_string());
    for s in &f.signatures {
        let name = sanitize(&s.name).into_owned();
        let date = s.date.as_ref().map(format_date).unwrap_or_default();
        let mut lines = wrap(&name, width, "", "");
        if !date.is_empty() {
            let last = lines.pop().unwrap_or_default();
            if last.chars().count() + 3 + date.len() <= width {
                lines.push(format!("{last}   {date}"));
            } else {
                lines.push(last);
                lines.push(date);
            }
        }
        out.extend(lines);
        out.push("** Signature of Reporting Person   Date".to_string());
    }
}

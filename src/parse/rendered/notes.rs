//! The foot of the form: the numbered notes of "Explanation of Responses", the remarks
//! and the signatures with their dates. The fixed notes every form prints (`*`, `**`,
//! "Reminder", "Note: File three copies", the OMB sentence) are not footnotes.

use chrono::NaiveDate;

use crate::model::{Filing, Footnote, FootnoteId, Signature, Text};
use crate::parse::diag::Diagnostic;

use super::lines::{find_ci, squash, Line};
use super::words;

/// Fixed text of the form, by how its line begins (lower case, after bullets).
const BOILERPLATE: &[&str] = &[
    "* if the form is filed",
    "*if the form is filed",
    "if the form is filed by more than one",
    "** intentional misstatements",
    "**intentional misstatements",
    "intentional misstatements",
    "note: file three copies",
    "note: file three",
    "reminder:",
    "potential persons who are to respond",
    "persons who respond to the collection",
    "sec 1474",
    "sec 1473",
    "sec 2270",
    "explanation of responses",
    "signature of reporting person",
    "** signature of reporting person",
    "**signature of reporting person",
    "signatures",
    "(print or type responses)",
];

/// True for a line of the form's fixed text.
pub fn is_boilerplate(line: &str) -> bool {
    let t = bullet_free(line).to_ascii_lowercase();
    BOILERPLATE.iter().any(|b| t.starts_with(b)) || t == "*" || t == "**"
}

fn bullet_free(line: &str) -> &str {
    let t = line.trim();
    t.strip_prefix("- ").unwrap_or(t).trim()
}

/// Footnotes and remarks of the explanation.
#[derive(Debug, Default)]
pub struct Explanation {
    /// The numbered notes, in printed order.
    pub footnotes: Vec<Footnote>,
    /// Remarks, if any.
    pub remarks: Option<Text>,
}

/// A numbered note starting a line: `(1) text`, `1. text`, `[F1] text`, `(1)` alone.
fn note_start(line: &str) -> Option<(FootnoteId, String)> {
    let t = bullet_free(line);
    if t.starts_with('(') || t.starts_with('[') {
        let close = if t.starts_with('(') { ')' } else { ']' };
        let end = t.find(close)?;
        let id = words::marker(t.get(..=end)?)?;
        return Some((id, t.get(end + 1..).unwrap_or_default().trim().to_string()));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = t.get(digits..).unwrap_or_default();
        if let Some(text) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(".\t")) {
            let n = t.get(..digits).unwrap_or_default().trim_start_matches('0');
            return Some((FootnoteId::new(&format!("F{n}")), text.trim().to_string()));
        }
    }
    None
}

/// True when a line starts a numbered note.
pub fn starts_note(line: &str) -> bool {
    note_start(line).is_some()
}

/// Reads the explanation lines. `cited` are the footnote ids the tables cite, so a note
/// whose number a converter moved into its text (`sold in multiple (2) transactions`)
/// is still found when it starts a paragraph of its own.
pub fn explanation(
    lines: &[Line],
    cited: &[FootnoteId],
    warnings: &mut Vec<Diagnostic>,
) -> Explanation {
    let mut out = Explanation::default();
    let mut current: Option<(FootnoteId, String)> = None;
    let mut remarks: Option<String> = None;
    let mut blank_before = false;
    let mut in_fixed = false;
    let finish = |cur: &mut Option<(FootnoteId, String)>, out: &mut Explanation| {
        if let Some((id, text)) = cur.take() {
            out.footnotes.push(Footnote {
                id,
                text: squash(&text).into(),
            });
        }
    };
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            blank_before = true;
            in_fixed = false;
            continue;
        }
        if let Some(i) = find_ci(t, "remarks:") {
            finish(&mut current, &mut out);
            let rest = t.get(i + "remarks:".len()..).unwrap_or_default().trim();
            remarks = Some(rest.to_string());
            blank_before = false;
            in_fixed = false;
            continue;
        }
        if is_boilerplate(t) {
            blank_before = false;
            in_fixed = true;
            continue;
        }
        if in_fixed && note_start(t).is_none() {
            // The rest of a fixed note wrapped onto further lines.
            continue;
        }
        in_fixed = false;
        if let Some(r) = remarks.as_mut() {
            r.push(' ');
            r.push_str(t);
            continue;
        }
        if let Some((id, text)) = note_start(t) {
            finish(&mut current, &mut out);
            current = Some((id, text));
            blank_before = false;
            continue;
        }
        if blank_before {
            if let Some((id, text)) = moved_marker(t, &out, current.as_ref(), cited) {
                finish(&mut current, &mut out);
                warnings.push(Diagnostic::new(
                    Some(l.no),
                    format!(
                        "footnote ({}) read from a paragraph whose marker stood inside its text",
                        id.number().unwrap_or_default()
                    ),
                ));
                current = Some((id, text));
                blank_before = false;
                continue;
            }
        }
        blank_before = false;
        match current.as_mut() {
            Some((_, text)) => {
                text.push(' ');
                text.push_str(t);
            }
            None => warnings.push(Diagnostic::new(
                Some(l.no),
                format!(
                    "text under \"Explanation of Responses\" before any numbered note was \
                     ignored: {:?}",
                    crate::parse::values::shorten(t)
                ),
            )),
        }
    }
    finish(&mut current, &mut out);
    out.remarks = remarks
        .map(|r| squash(&r))
        .filter(|r| !r.is_empty())
        .map(Into::into);
    out
}

/// A paragraph with no leading number, holding `(n)` for the next note the tables cite
/// but the page has not yet given: the marker a converter moved. It is taken out.
fn moved_marker(
    t: &str,
    out: &Explanation,
    current: Option<&(FootnoteId, String)>,
    cited: &[FootnoteId],
) -> Option<(FootnoteId, String)> {
    let defined = |id: &FootnoteId| {
        out.footnotes.iter().any(|f| &f.id == id) || current.is_some_and(|c| &c.0 == id)
    };
    for id in cited.iter().filter(|id| !defined(id)) {
        let n = id.number()?;
        let marker = format!("({n})");
        let mut from = 0;
        while let Some(i) = t
            .get(from..)
            .and_then(|r| r.find(&marker))
            .map(|i| i + from)
        {
            let before = t
                .get(..i)
                .unwrap_or_default()
                .trim_end()
                .to_ascii_lowercase();
            let referring = ["footnote", "note", "notes", "footnotes", "and", "in"]
                .iter()
                .any(|w| before.ends_with(w));
            if !referring {
                let text = format!(
                    "{} {}",
                    t.get(..i).unwrap_or_default().trim_end(),
                    t.get(i + marker.len()..).unwrap_or_default().trim_start()
                );
                return Some((id.clone(), squash(&text)));
            }
            from = i + marker.len();
        }
    }
    None
}

/// Warns, once each, about the footnotes the tables cite whose text was not found.
pub fn check_cited(filing: &Filing, warnings: &mut Vec<Diagnostic>) {
    let mut seen: Vec<&FootnoteId> = Vec::new();
    for id in filing.rows.iter().flat_map(|r| r.footnote_ids()) {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        if filing.footnote(id).is_none() {
            warnings.push(Diagnostic::new(
                None,
                format!("footnote {id} is cited in a table but its text was not found"),
            ));
        }
    }
}

/// Signatures: the text just above each "Signature of Reporting Person" caption, its
/// date being the date printed at its end (or on its own line).
pub fn signatures(lines: &[Line], warnings: &mut Vec<Diagnostic>) -> Vec<Signature> {
    let mut out = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    for l in lines {
        // A markdown table around the signature draws `|` between name and date.
        let cells = l.text.replace('|', "   ");
        let t = cells.trim();
        if find_ci(t, "signature of reporting person").is_some() {
            let text = squash(&pending.join(" "));
            pending.clear();
            if text.is_empty() {
                continue;
            }
            let (name, date) = split_date(&text);
            if name.is_empty() {
                warnings.push(Diagnostic::new(Some(l.no), "a signature date with no name"));
                continue;
            }
            if date.is_none() {
                warnings.push(Diagnostic::new(
                    Some(l.no),
                    format!(
                        "signature {:?}: no date",
                        crate::parse::values::shorten(&name)
                    ),
                ));
            }
            out.push(Signature {
                name: name.into(),
                date,
            });
            continue;
        }
        if super::header::is_rule(t) {
            continue;
        }
        let lower = t.to_ascii_lowercase();
        if t.is_empty() || lower == "signatures" || is_boilerplate(t) || lower.starts_with("date") {
            pending.clear();
            continue;
        }
        pending.push(t.to_string());
    }
    out
}

/// Splits a trailing date off a signature line: `/s/ A. Smith 03/14/2018` or
/// `/s/ A. Smith   March 14, 2018`.
fn split_date(text: &str) -> (String, Option<NaiveDate>) {
    let words: Vec<&str> = text.split(' ').collect();
    for n in [1, 3] {
        if words.len() < n {
            continue;
        }
        let (head, tail) = words.split_at(words.len() - n);
        let tail = tail.join(" ");
        if n == 1 && !tail.contains('/') {
            continue;
        }
        if let Ok(Some(d)) = words::date(&tail) {
            return (head.join(" ").trim().to_string(), Some(d));
        }
    }
    (text.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str) -> Vec<Line> {
        super::super::lines::clean(t, 1)
    }

    #[test]
    fn seed_like_explanation() {
        let t = "Explanation of Responses:\n\n- \\* If the form is filed by more than one reporting person, see Instruction 4(b)(v).\n- (1) First note.\n\nSecond note in multiple (2) parts, see Footnote (2) here.\n\nNote: File three copies of this Form.\n";
        let mut w = Vec::new();
        let e = explanation(
            &lines(t),
            &[FootnoteId::new("F1"), FootnoteId::new("F2")],
            &mut w,
        );
        assert_eq!(e.footnotes.len(), 2);
        assert_eq!(e.footnotes[0].text.as_ref(), "First note.");
        assert_eq!(
            e.footnotes[1].text.as_ref(),
            "Second note in multiple parts, see Footnote (2) here."
        );
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn numbered_notes_remarks_and_continuations() {
        let t = "1. One\ncontinued\n2. Two\nRemarks:\nSee the exhibit.\n** Signature of Reporting Person\n";
        let e = explanation(&lines(t), &[], &mut Vec::new());
        assert_eq!(e.footnotes[0].text.as_ref(), "One continued");
        assert_eq!(e.footnotes[1].id.as_str(), "F2");
        assert_eq!(e.remarks.as_deref(), Some("See the exhibit."));
    }

    #[test]
    fn signatures_with_dates() {
        let t = "Signatures\n\n/s/ Christina Blakley, attorney-in-fact for James Caruso\t03/14/2018\nSignature of Reporting Person\tDate\n/s/ John Smith\nApril 5, 1999\n**Signature of Reporting Person   Date\n";
        let s = signatures(&lines(t), &mut Vec::new());
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[0].name.as_ref(),
            "/s/ Christina Blakley, attorney-in-fact for James Caruso"
        );
        assert_eq!(s[0].date.unwrap().to_string(), "2018-03-14");
        assert_eq!(s[1].date.unwrap().to_string(), "1999-04-05");
    }
}

//! The "Reporting Owners" table that printouts of EDGAR's older rendering carry under
//! Table II: one entry per reporting person, name and address in the first cell, then
//! the Director, 10% Owner, Officer (title) and Other columns. In a joint filing it is
//! often the only place the second and later owners appear, since box 1 holds the first.
//!
//! Two shapes are read. Cells cut by tabs put a whole owner on one line (name and
//! address run together). A page laid out with spaces keeps each cell's lines: the name
//! on the first line, the street lines, then the city line; the check marks stand
//! under their column headings on any line of the entry.

use crate::model::{Address, Relationship, ReportingOwner};
use crate::parse::diag::Diagnostic;

use super::header;
use super::lines::{expand_tabs, find_ci, segments, squash, Line, Segment};
use super::notes;

/// The four relationship columns, in printed order.
const HEADINGS: [&str; 4] = ["director", "10% owner", "officer", "other"];

/// One owner's entry as printed: the lines of its first cell, and the text under each
/// relationship column.
#[derive(Debug, Default)]
struct Entry {
    line: u32,
    cell: Vec<String>,
    marks: [Vec<String>; 4],
    /// True when the relationship columns could be told apart.
    columns_known: bool,
}

/// Reads the table whose heading ("Reporting Owner Name / Address") is at `lines[at]`
/// and merges it into `owners`: an owner already read from box 1 gets the relationship
/// (and address) the boxes left blank; any other owner is added.
pub fn read(
    lines: &[Line],
    at: usize,
    owners: &mut Vec<ReportingOwner>,
    warnings: &mut Vec<Diagnostic>,
) {
    let body: Vec<&Line> = lines
        .iter()
        .skip(at)
        .take_while(|l| {
            let t = squash(&l.text).to_ascii_lowercase();
            !(t.starts_with("signature")
                || find_ci(&t, "explanation of responses").is_some()
                || (notes::is_boilerplate(&t) && !t.is_empty()))
        })
        .collect();
    // The entries start under the line of column headings, or under the table's
    // own heading when the columns have none: what stands above (the title, a
    // "Relationships" caption, stray words of the page) is no owner.
    let Some(top) = body
        .iter()
        .position(|l| is_column_headings(&l.text))
        .or_else(|| {
            body.iter()
                .position(|l| find_ci(&l.text, "reporting owner name").is_some())
        })
    else {
        return;
    };
    let heads = body.get(top).and_then(|l| headings(l));
    let rows = body.get(top + 1..).unwrap_or_default();
    let tabbed = rows.iter().any(|l| l.text.contains('\t'));
    let entries = if tabbed {
        tab_entries(rows)
    } else {
        aligned_entries(rows, heads.as_deref())
    };
    for e in entries {
        merge(e, owners, warnings);
    }
}

/// True for the line of the relationship columns' headings.
fn is_column_headings(text: &str) -> bool {
    find_ci(text, "director").is_some() && find_ci(text, "10% owner").is_some()
}

/// Where the four column headings stand on their line: column of each word's start,
/// and its length.
fn headings(line: &Line) -> Option<Vec<(usize, usize)>> {
    if !is_column_headings(&line.text) {
        return None;
    }
    let text = expand_tabs(&line.text);
    let mut out = Vec::new();
    let mut from = 0;
    for h in HEADINGS {
        let rel = find_ci(text.get(from..)?, h)?;
        let at = from + rel;
        out.push((text.get(..at)?.chars().count(), h.len()));
        from = at + h.len();
    }
    Some(out)
}

/// True for lines of the table's own headings.
fn is_heading(text: &str) -> bool {
    let t = squash(text).to_ascii_lowercase();
    t.is_empty()
        || t == "relationships"
        || t.contains("reporting owner name")
        || is_column_headings(text)
}

/// One owner a line, cells cut by tabs (the seed's shape).
fn tab_entries(body: &[&Line]) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for l in body {
        if is_heading(&l.text) {
            continue;
        }
        let cells: Vec<&str> = l.text.split('\t').map(str::trim).collect();
        let first = cells.first().copied().unwrap_or_default();
        let mut marks: [Vec<String>; 4] = Default::default();
        for (k, m) in marks.iter_mut().enumerate() {
            if let Some(c) = cells.get(k + 1).filter(|c| !c.is_empty()) {
                m.push(c.to_string());
            }
        }
        if first.is_empty() {
            // Marks on a line of their own belong to the entry above.
            if let Some(prev) = out.last_mut() {
                for (k, m) in marks.into_iter().enumerate() {
                    if let Some(slot) = prev.marks.get_mut(k) {
                        slot.extend(m);
                    }
                }
            }
            continue;
        }
        out.push(Entry {
            line: l.no,
            cell: vec![first.to_string()],
            marks,
            columns_known: cells.len() >= 3,
        });
    }
    out
}

/// Entries of a page laid out with spaces: a new entry starts after a city line or a
/// blank line; each piece right of the first cell goes to the heading it stands under.
fn aligned_entries(body: &[&Line], heads: Option<&[(usize, usize)]>) -> Vec<Entry> {
    let first_head = heads
        .and_then(|h| h.first())
        .map_or(usize::MAX, |(x, _)| *x);
    let mut out: Vec<Entry> = Vec::new();
    let mut closed = true;
    for l in body {
        if l.text.trim().is_empty() {
            closed = true;
            continue;
        }
        if is_heading(&l.text) {
            continue;
        }
        let segs = segments(&l.text);
        let (cell, rest): (Vec<&Segment>, Vec<&Segment>) =
            segs.iter().partition(|s| s.x + 2 < first_head);
        let cell_text = squash(
            &cell
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        if !cell_text.is_empty() && closed {
            out.push(Entry {
                line: l.no,
                columns_known: heads.is_some(),
                ..Entry::default()
            });
            closed = false;
        }
        let Some(entry) = out.last_mut() else {
            continue;
        };
        if !cell_text.is_empty() {
            closed = !entry.cell.is_empty() && is_city_line(&cell_text);
            entry.cell.push(cell_text);
        }
        if let Some(heads) = heads {
            for s in rest {
                if let Some(slot) = column_of(s, heads).and_then(|k| entry.marks.get_mut(k)) {
                    slot.push(s.text.clone());
                }
            }
        }
    }
    out
}

/// The heading a piece of text stands under: the one it starts at (left-aligned
/// text), else the one whose middle is nearest its middle (centred text).
fn column_of(s: &Segment, heads: &[(usize, usize)]) -> Option<usize> {
    if let Some(k) = heads
        .iter()
        .position(|(x, _)| s.x + 1 >= *x && s.x <= x + 2)
    {
        return Some(k);
    }
    let mid = 2 * s.x + s.text.chars().count();
    heads
        .iter()
        .enumerate()
        .min_by_key(|(_, (x, len))| (2 * x + len).abs_diff(mid))
        .map(|(k, _)| k)
}

/// `PALO ALTO, CA 94304`, `TOKYO, M0 105-7537`, `MADISON WI 53716`: a line ending in a
/// state code and a ZIP code.
fn is_city_line(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let n = words.len();
    if n < 2 {
        return false;
    }
    let zip = words.get(n - 1).copied().unwrap_or_default();
    let state = words
        .get(n - 2)
        .copied()
        .unwrap_or_default()
        .trim_start_matches(',');
    let is_zip = zip.bytes().filter(u8::is_ascii_digit).count() >= 3
        && zip.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let is_state = state.len() == 2
        && state
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    is_zip && is_state
}

/// The relationship the marks say, or `None` when the columns could not be read.
fn relationship(e: &Entry) -> Option<Relationship> {
    if !e.columns_known {
        return None;
    }
    let text = |k: usize| squash(&e.marks.get(k).map(|m| m.join(" ")).unwrap_or_default());
    let is_mark = |t: &str| t.eq_ignore_ascii_case("x");
    let (director, ten, officer, other) = (text(0), text(1), text(2), text(3));
    let written = |t: String| (!t.is_empty() && !is_mark(&t)).then(|| t.into());
    Some(Relationship {
        is_director: !director.is_empty(),
        is_ten_percent_owner: !ten.is_empty(),
        is_officer: !officer.is_empty(),
        is_other: !other.is_empty(),
        officer_title: written(officer),
        other_text: written(other),
    })
}

/// Name and address of an entry's first cell.
fn name_and_address(e: &Entry) -> (String, Address) {
    match e.cell.as_slice() {
        [] => (String::new(), Address::default()),
        [one] => split_name_address(one),
        [name, rest @ ..] => {
            let mut address = Address::default();
            let (streets, city) = match rest.split_last() {
                Some((last, streets)) if is_city_line(last) => (streets, Some(last)),
                _ => (rest, None),
            };
            if let Some((first, more)) = streets.split_first() {
                address.street1 = Some(first.as_str().into());
                if !more.is_empty() {
                    address.street2 = Some(more.join(" ").into());
                }
            }
            if let Some(city) = city {
                header::read_city_line(&mut address, city);
            }
            (name.clone(), address)
        }
    }
}

fn merge(e: Entry, owners: &mut Vec<ReportingOwner>, warnings: &mut Vec<Diagnostic>) {
    let (name, address) = name_and_address(&e);
    if name.is_empty() {
        return;
    }
    let rel = relationship(&e);
    match &rel {
        None => warnings.push(Diagnostic::new(
            Some(e.line),
            format!("reporting owner {name:?}: relationship columns unreadable"),
        )),
        Some(r) if *r == Relationship::default() => warnings.push(Diagnostic::new(
            Some(e.line),
            format!("reporting owner {name:?}: no relationship box is marked"),
        )),
        Some(_) => {}
    }
    let known = owners.iter_mut().find(|o| {
        o.name
            .as_deref()
            .is_some_and(|n| squash(n).eq_ignore_ascii_case(&name))
    });
    match known {
        Some(o) => {
            if let Some(rel) = rel {
                if o.relationship == Relationship::default() {
                    o.relationship = rel;
                }
            }
            if o.address == Address::default() {
                o.address = address;
            }
        }
        None => owners.push(ReportingOwner {
            cik: None,
            name: Some(name.into()),
            address,
            relationship: rel.unwrap_or_default(),
        }),
    }
}

/// `CARUSO JAMES V C/O CELLECTAR …, MADISON, WI 53716`: name and address run together
/// on one line. The name runs to the first word that starts an address (`C/O`, `P.O.`,
/// a house number); the head of the address is kept as the street, since the line does
/// not mark where the city begins, and the tail gives state and ZIP.
fn split_name_address(s: &str) -> (String, Address) {
    let words: Vec<&str> = s.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| {
            let u = w.to_ascii_uppercase();
            u == "C/O"
                || u.starts_with("P.O")
                || u == "PO"
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
        .unwrap_or(words.len());
    let name = words.get(..at).unwrap_or_default().join(" ");
    let rest = words.get(at..).unwrap_or_default().join(" ");
    let mut address = Address::default();
    if let Some(comma) = rest.rfind(", ") {
        let head = rest.get(..comma).unwrap_or_default();
        let tail = rest.get(comma + 2..).unwrap_or_default();
        address.street1 = Some(head.into());
        let mut t = tail.split_whitespace();
        address.state = t.next().map(Into::into);
        let zip = t.collect::<Vec<_>>().join(" ");
        address.zip = (!zip.is_empty()).then(|| zip.into());
    } else if !rest.is_empty() {
        address.street1 = Some(rest.into());
    }
    (name, address)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str) -> Vec<Line> {
        super::super::lines::clean(t, 1)
    }

    #[test]
    fn one_owner_a_line_cut_by_tabs() {
        let l = lines(
            "Reporting Owner Name / Address\tDirector\t10% Owner\tOfficer\tOther\n\
             CARUSO JAMES V C/O CELLECTAR BIOSCIENCES, INC. 3301 AGRICULTURE DRIVE MADISON, WI 53716\tX\t\tPresident and CEO\t\n\
             DOE JANE 1 MAIN STREET SPRINGFIELD, IL 62701\t\tX\t\tMember of group\n\
             \n\
             Signatures\n",
        );
        let mut owners = Vec::new();
        let mut w = Vec::new();
        read(&l, 0, &mut owners, &mut w);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(owners.len(), 2);
        let r = &owners[0].relationship;
        assert!(r.is_director && r.is_officer && !r.is_ten_percent_owner);
        assert_eq!(r.officer_title.as_deref(), Some("President and CEO"));
        assert_eq!(owners[0].address.zip.as_deref(), Some("53716"));
        let r = &owners[1].relationship;
        assert!(r.is_ten_percent_owner && r.is_other && !r.is_officer);
        assert_eq!(r.other_text.as_deref(), Some("Member of group"));
    }

    #[test]
    fn entries_over_several_lines_with_marks_under_their_headings() {
        let l = lines(
            "Reporting Owner Name / Address\n\
             \x20                               Director   10% Owner   Officer                 Other\n\
             ACME FUND II, L.P.\n\
             1 MARKET STREET                              X\n\
             SAN FRANCISCO, CA 94105\n\
             ROE RICHARD\n\
             C/O ACME                          X                  Chief Financial Officer\n\
             1 MARKET STREET\n\
             SAN FRANCISCO, CA 94105\n",
        );
        let mut owners = vec![ReportingOwner {
            name: Some("Acme Fund II, L.P.".into()),
            ..ReportingOwner::default()
        }];
        let mut w = Vec::new();
        read(&l, 0, &mut owners, &mut w);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(owners.len(), 2);
        assert!(owners[0].relationship.is_ten_percent_owner);
        assert_eq!(owners[0].address.city.as_deref(), Some("SAN FRANCISCO"));
        let roe = &owners[1];
        assert_eq!(roe.name.as_deref(), Some("ROE RICHARD"));
        assert_eq!(roe.address.street1.as_deref(), Some("C/O ACME"));
        assert_eq!(roe.address.street2.as_deref(), Some("1 MARKET STREET"));
        assert_eq!(roe.address.zip.as_deref(), Some("94105"));
        assert!(roe.relationship.is_director && roe.relationship.is_officer);
        assert_eq!(
            roe.relationship.officer_title.as_deref(),
            Some("Chief Financial Officer")
        );
    }

    #[test]
    fn unreadable_columns_warn() {
        let l = lines("Reporting Owner Name / Address\nSMITH ANN\n1 ELM ST\nAUSTIN, TX 78701\n");
        let mut owners = Vec::new();
        let mut w = Vec::new();
        read(&l, 0, &mut owners, &mut w);
        assert_eq!(owners.len(), 1);
        assert_eq!(owners[0].relationship, Relationship::default());
        assert!(w[0].message.contains("relationship columns unreadable"));
        assert!(is_city_line("TOKYO, M0 105-7537") && !is_city_line("1450 PAGE MILL ROAD"));
    }
}

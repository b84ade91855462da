//! EDGAR's HTML rendering of a form (the `xslF345X0x` stylesheets), as served or as a
//! browser saved it (re-serialised, perhaps re-wrapped at 80 columns so values break
//! across lines). The page's tables are read with an HTML parser: boxes by their labels,
//! check boxes by the `X` in the cell before their words, table rows by their cells,
//! footnote markers by the `<sup>` elements beside the values. A joint filing repeats
//! the name and relationship boxes once per further owner, and its signature rows.
//!
//! The parser repairs a damaged page silently, so the reader says what it saw: a page
//! cut short, tables left open (the rest of the form then nests inside a box), a table
//! or a row missing. Boxes and tables are read from their own text and rows, never from
//! the tables nested in them, so what a left-open tag swallowed is not read twice.

use scraper::{ElementRef, Html, Selector};

use crate::model::{
    Address, Filing, FootnoteIds, FormType, Relationship, ReportingOwner, Signature, Source,
    SourceKind, Table, Text,
};
use crate::parse::diag::Diagnostic;

use super::cells::{self, Cell, RawRow};
use super::columns::{layout_of_width, Form};
use super::header;
use super::lines::{find_ci, squash, Line};
use super::notes;
use super::words;

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// The text of an element, whitespace collapsed.
fn text_of(e: &ElementRef<'_>) -> String {
    squash(&e.text().collect::<String>())
}

/// The text of an element without its footnote markers, and the markers.
fn cell_of(e: &ElementRef<'_>) -> Cell {
    let mut value = String::new();
    let mut notes = FootnoteIds::new();
    for node in e.descendants() {
        let Some(t) = node.value().as_text() else {
            continue;
        };
        let in_sup = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|el| el.name() == "sup" || el.classes().any(|c| c == "FootnoteData"))
        });
        if in_sup {
            let (_, ids) = words::split_markers(&squash(t));
            notes.extend(ids);
        } else {
            value.push_str(t);
            value.push(' ');
        }
    }
    let mut cell = Cell::parse(&value);
    cell.notes.extend(notes);
    cell
}

/// Reads an HTML rendering.
pub fn parse(text: &str, path: &Text) -> Result<(Filing, Vec<Diagnostic>), Diagnostic> {
    let doc = Html::parse_document(text);
    let mut warnings = damage(text);
    let (Some(td_sel), Some(tr_sel), Some(table_sel), Some(a_sel), Some(data_sel)) = (
        sel("td"),
        sel("tr"),
        sel("table"),
        sel("a"),
        sel("span.FormData"),
    ) else {
        return Err(Diagnostic::new(None, "internal selector error"));
    };
    // Each text node on a line of its own, its spaces collapsed: a page re-wrapped at 80
    // columns breaks a title such as "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP".
    let body_text = doc
        .root_element()
        .text()
        .map(squash)
        .collect::<Vec<_>>()
        .join("\n");
    let tds: Vec<ElementRef<'_>> = doc.select(&td_sel).collect();
    // The cells whose own text (not that of tables inside them) holds a label.
    let boxes = |label: &str| -> Vec<ElementRef<'_>> {
        tds.iter()
            .filter(|td| find_ci(&own_text(td), label).is_some())
            .copied()
            .collect()
    };
    let name_boxes = boxes("Name and Address of Reporting Person");
    if name_boxes.is_empty() && !body_text.contains("Table I") {
        return Err(Diagnostic::new(
            None,
            "an HTML page that is not a rendering of Form 3, 4 or 5",
        ));
    }
    let base = header::form_of(&body_text).unwrap_or_else(|| {
        warnings.push(Diagnostic::new(
            None,
            "the form's title was not found; read as a Form 4",
        ));
        FormType::Form4
    });
    let date_in = |label: &str| -> Option<(Option<chrono::NaiveDate>, String)> {
        // A box holds one value, in the first data span after its label; what a page
        // left open puts after it belongs to other boxes.
        let b = boxes(label).into_iter().next()?;
        let value = b
            .select(&data_sel)
            .next()
            .map(|s| own_text(&s))
            .unwrap_or_default();
        Some((words::date(&value).ok().flatten(), value))
    };
    let mut period = None;
    for label in [
        "Date of Earliest Transaction",
        "Statement for Issuer's Fiscal Year Ended",
        "Date of Event Requiring Statement",
    ] {
        if let Some((d, raw)) = date_in(label) {
            if d.is_none() && !raw.is_empty() {
                warnings.push(Diagnostic::new(
                    None,
                    format!("box 3 left empty: not a date: {raw:?}"),
                ));
            }
            period = period.or(d);
        }
    }
    let original = date_in("If Amendment").and_then(|(d, _)| d);
    let amended = original.is_some()
        || body_text.contains("FORM 4/A")
        || body_text.contains("FORM 3/A")
        || body_text.contains("FORM 5/A");
    let document_type = match (base, amended) {
        (FormType::Form3, true) => FormType::Form3A,
        (FormType::Form4, true) => FormType::Form4A,
        (FormType::Form5, true) => FormType::Form5A,
        (t, _) => t,
    };
    let form = Form::of(&document_type);
    let mut f = Filing::new(
        document_type,
        Source {
            path: path.clone(),
            kind: SourceKind::RenderedHtml,
            line: None,
        },
    );
    f.period_of_report = period;
    f.date_of_original_submission = original;

    // Issuer.
    if let Some(b) = boxes("Issuer Name").into_iter().next() {
        if let Some(a) = b.select(&a_sel).next() {
            // A link left open runs on over the ticker's brackets.
            let name = text_of(&a);
            let name = name.split('[').next().unwrap_or_default().trim();
            f.issuer.name = (!name.is_empty()).then(|| name.into());
            f.issuer.cik = cik_of(&a);
        }
        // The brackets around the ticker stand outside its span, unless the page left
        // the span open.
        let ticker = b
            .select(&data_sel)
            .next()
            .map(|s| own_text(&s))
            .unwrap_or_default();
        let ticker = ticker.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace());
        if !ticker.is_empty() {
            f.issuer.trading_symbol = Some(ticker.into());
        }
        if f.issuer.name.is_none() {
            let all = text_of(&b);
            let rest = all.split_once("Symbol").map_or(all.as_str(), |x| x.1);
            let (name, t) = header::split_ticker(rest);
            f.issuer.name = (!name.is_empty()).then(|| name.into());
            if f.issuer.trading_symbol.is_none() {
                f.issuer.trading_symbol = t.filter(|t| !t.is_empty()).map(Into::into);
            }
        }
    }
    if f.issuer.name.is_none() {
        warnings.push(Diagnostic::new(
            None,
            "box 2: the issuer's name was not found",
        ));
    }

    // Owners, each with the relationship box that follows it.
    let rel_boxes = boxes("Relationship of Reporting Person");
    // Each cell's place among the page's cells; the boxes are in page order, so the
    // relationship box of an owner is found by halving.
    let places: rustc_hash::FxHashMap<_, usize> =
        tds.iter().enumerate().map(|(i, t)| (t.id(), i)).collect();
    let position = |e: &ElementRef<'_>| places.get(&e.id()).copied().unwrap_or(0);
    let rel_at: Vec<usize> = rel_boxes.iter().map(position).collect();
    for (i, nb) in name_boxes.iter().enumerate() {
        let mut owner = owner_of(nb, &a_sel, &tr_sel, &data_sel);
        let at = position(nb);
        let next = name_boxes.get(i + 1).map_or(usize::MAX, position);
        let first = rel_at.partition_point(|&p| p <= at.saturating_sub(1));
        let found = rel_at.get(first).is_some_and(|&p| p < next);
        if let Some(rb) = rel_boxes.get(first).filter(|_| found) {
            match relationship_of(rb, &tr_sel) {
                Some(rel) => owner.relationship = rel,
                None => warnings.push(Diagnostic::new(
                    None,
                    format!(
                        "box 5 of {:?}: the relationship boxes were not found",
                        owner.name.as_deref().unwrap_or_default()
                    ),
                )),
            }
        }
        f.owners.push(owner);
    }
    if f.owners.is_empty() {
        warnings.push(Diagnostic::new(
            None,
            "box 1: no reporting person was found",
        ));
    }

    // Check boxes.
    let mark = |label: &str| -> Option<bool> {
        let b = boxes(label).into_iter().next()?;
        let prev = b.prev_siblings().find_map(ElementRef::wrap)?;
        let first = prev
            .text()
            .map(str::trim)
            .find(|t| !t.is_empty())
            .unwrap_or_default();
        Some(first.eq_ignore_ascii_case("x"))
    };
    f.flags.not_subject_to_section16 = mark("Check this box if no longer");
    f.flags.aff10b5_one = mark("Check this box to indicate");
    f.flags.form3_holdings_reported = mark("Form 3 Holdings Reported");
    f.flags.form4_transactions_reported = mark("Form 4 Transactions Reported");

    // Tables: each table's own rows only, so that a table left open by a damaged page
    // does not lend its rows to the tables it now holds.
    let mut seen = (false, false);
    for t in doc.select(&table_sel) {
        let rows = own_rows(&t, &tr_sel);
        let head = rows
            .first()
            .and_then(|tr| tr.children().find_map(ElementRef::wrap))
            .map(|h| text_of(&h))
            .unwrap_or_default();
        let table = if head.starts_with("Table II") {
            seen.1 = true;
            Table::Derivative
        } else if head.starts_with("Table I") {
            seen.0 = true;
            Table::NonDerivative
        } else {
            continue;
        };
        let mut n = 0;
        for tr in rows {
            let cells: Vec<ElementRef<'_>> = tr
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| c.value().name() == "td")
                .collect();
            if cells.is_empty() {
                continue;
            }
            let Some(layout) = layout_of_width(form, table, cells.len()) else {
                warnings.push(Diagnostic::new(
                    None,
                    format!(
                        "Table {} row of {} cells matches no layout of the form; skipped",
                        table.as_str(),
                        cells.len()
                    ),
                ));
                continue;
            };
            n += 1;
            let raw = RawRow {
                line: 0,
                kind: None,
                cells: layout
                    .iter()
                    .copied()
                    .zip(cells.iter().map(cell_of))
                    .collect(),
            };
            let mut row = cells::build(table, n, &raw, &mut warnings);
            row.line = None;
            f.rows.push(row);
        }
    }
    if !seen.0 {
        warnings.push(Diagnostic::new(None, "no Table I was found"));
    }
    if !seen.1 {
        warnings.push(Diagnostic::new(None, "no Table II was found"));
    }

    // Explanation, remarks, signatures.
    if let Some(start) = tds
        .iter()
        .position(|td| text_of(td).starts_with("Explanation of Responses"))
    {
        let lines: Vec<Line> = tds
            .iter()
            .skip(start)
            .take_while(|td| {
                find_ci(&text_of(td), "signature of reporting person").is_none()
                    && !td
                        .select(&sel("u").unwrap_or_else(|| td_sel.clone()))
                        .any(|_| true)
            })
            .map(|td| Line {
                no: 0,
                text: text_of(td),
            })
            .collect();
        let cited: Vec<_> = f
            .rows
            .iter()
            .flat_map(|r| r.footnote_ids())
            .cloned()
            .collect();
        let mut w = Vec::new();
        let ex = notes::explanation(&lines, &cited, &mut w);
        warnings.extend(w.into_iter().map(|mut d| {
            d.line = None;
            d
        }));
        f.footnotes = ex.footnotes;
        f.remarks = ex.remarks;
    }
    notes::check_cited(&f, &mut warnings);
    let u_sel = sel("u").unwrap_or_else(|| td_sel.clone());
    for tr in doc.select(&tr_sel) {
        if find_ci(&text_of(&tr), "signature of reporting person").is_none() {
            continue;
        }
        // A joint filing prints one row per signature above the one caption row: the
        // row next to the caption always, and each row before it that is underlined or
        // ends in a date.
        let mut found: Vec<Signature> = Vec::new();
        for prev in tr.prev_siblings().filter_map(ElementRef::wrap) {
            let texts: Vec<String> = prev
                .children()
                .filter_map(ElementRef::wrap)
                .map(|c| text_of(&c))
                .filter(|t| !t.is_empty())
                .collect();
            let Some((last, rest)) = texts.split_last() else {
                break;
            };
            let date = words::date(last)
                .ok()
                .flatten()
                .filter(|_| !rest.is_empty());
            let underlined = prev.select(&u_sel).next().is_some();
            if !found.is_empty() && date.is_none() && !underlined {
                break;
            }
            let name = match date {
                Some(_) => rest.join(" "),
                None => texts.join(" "),
            };
            if date.is_none() {
                warnings.push(Diagnostic::new(
                    None,
                    format!(
                        "signature {:?}: no date",
                        crate::parse::values::shorten(&name)
                    ),
                ));
            }
            found.push(Signature {
                name: name.into(),
                date,
            });
        }
        found.reverse();
        f.signatures.extend(found);
    }
    if matches!(f.document_type, FormType::Form3 | FormType::Form3A) {
        f.flags.no_securities_owned = Some(f.rows.is_empty());
    }
    Ok((f, warnings))
}

/// Warnings about a page's damage, which the HTML parser repairs silently: a page cut
/// short before `</html>`, and tables left open, whose later parts then sit inside the
/// cells of earlier boxes.
fn damage(text: &str) -> Vec<Diagnostic> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    if !lower.contains("</html") {
        out.push(Diagnostic::new(
            None,
            "the page ends before </html>: it may have been cut short, and what follows the \
             cut is missing",
        ));
    }
    let opened = lower.matches("<table").count();
    let closed = lower.matches("</table").count();
    if opened > closed {
        out.push(Diagnostic::new(
            None,
            format!(
                "{} of {opened} tables are never closed: boxes may hold text of the parts \
                 after them",
                opened - closed
            ),
        ));
    }
    out
}

/// The rows of a table that are its own, not those of the tables inside its cells.
fn own_rows<'a>(t: &ElementRef<'a>, tr_sel: &Selector) -> Vec<ElementRef<'a>> {
    t.select(tr_sel)
        .filter(|tr| {
            tr.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().name() == "table")
                .is_some_and(|a| a.id() == t.id())
        })
        .collect()
}

/// The CIK an EDGAR link carries (`…&CIK=0002064133`).
fn cik_of(a: &ElementRef<'_>) -> Option<Text> {
    let href = a.value().attr("href")?;
    let i = find_ci(href, "cik=")?;
    let cik: String = href
        .get(i + 4..)?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (!cik.is_empty()).then(|| cik.into())
}

/// Name, CIK and address of a box 1 cell.
fn owner_of(
    b: &ElementRef<'_>,
    a_sel: &Selector,
    tr_sel: &Selector,
    data_sel: &Selector,
) -> ReportingOwner {
    let mut owner = ReportingOwner::default();
    if let Some(a) = b.select(a_sel).next() {
        owner.name = Some(text_of(&a).into());
        owner.cik = cik_of(&a);
    }
    let mut street: Vec<String> = Vec::new();
    let mut address = Address::default();
    for tr in b.select(tr_sel) {
        let tds: Vec<ElementRef<'_>> = tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "td")
            .collect();
        // The captions under the city line close the address.
        if tds.first().is_some_and(|td| own_text(td) == "(City)") {
            break;
        }
        let first_data = |e: &ElementRef<'_>| e.select(data_sel).next().map(|s| own_text(&s));
        if tds.len() == 3 {
            let cell = |i: usize| {
                tds.get(i)
                    .and_then(first_data)
                    .filter(|t| !t.is_empty())
                    .map(Text::from)
            };
            address.city = cell(0);
            address.state = cell(1);
            address.zip = cell(2);
        } else if let Some(data) = tds.first().and_then(first_data) {
            street.push(data);
        }
    }
    let mut lines = street.into_iter().filter(|s| !s.is_empty());
    address.street1 = lines.next().map(Into::into);
    let rest: Vec<String> = lines.collect();
    address.street2 = (!rest.is_empty()).then(|| rest.join(" ").into());
    owner.address = address;
    if owner.name.is_none() {
        let all = text_of(b);
        let after = all.split_once("Person").map_or("", |(_, r)| r);
        let name = after
            .trim_start_matches('*')
            .split("(Last)")
            .next()
            .unwrap_or_default()
            .trim();
        owner.name = (!name.is_empty()).then(|| name.into());
    }
    owner
}

/// The text an element holds itself: its text and that of the inline elements in it,
/// not what tables or other blocks inside it hold (a page that left a tag open nests
/// the rest of the form there).
fn own_text(e: &ElementRef<'_>) -> String {
    // Depth first, without recursion: a page may nest inline elements without bound.
    let mut out = String::new();
    let mut stack = vec![e.children()];
    while let Some(children) = stack.last_mut() {
        let Some(c) = children.next() else {
            stack.pop();
            continue;
        };
        if let Some(t) = c.value().as_text() {
            out.push_str(t);
        } else if let Some(el) = ElementRef::wrap(c) {
            let inline = matches!(
                el.value().name(),
                "span" | "b" | "i" | "u" | "a" | "font" | "sup" | "sub" | "em" | "strong"
            );
            if inline {
                stack.push(el.children());
            }
        }
    }
    squash(&out)
}

/// The relationship boxes: `X` in the cell before a role's words; the title and other
/// text in the row under the officer and other boxes. `None` when no role's words are
/// found.
fn relationship_of(b: &ElementRef<'_>, tr_sel: &Selector) -> Option<Relationship> {
    let rows: Vec<Vec<String>> = b
        .select(tr_sel)
        .map(|tr| {
            tr.children()
                .filter_map(ElementRef::wrap)
                .filter(|c| c.value().name() == "td")
                .map(|td| own_text(&td))
                .collect()
        })
        .collect();
    let mut rel = Relationship::default();
    // Each role is read where it first appears: the boxes of a later owner can sit
    // inside this one when the page left a table open.
    let mut seen = [false; 4];
    let mut below: Vec<(usize, usize, u8)> = Vec::new();
    for (r, cells) in rows.iter().enumerate() {
        for (c, t) in cells.iter().enumerate() {
            let checked = c
                .checked_sub(1)
                .and_then(|p| cells.get(p))
                .is_some_and(|m| m.eq_ignore_ascii_case("x"));
            let lower = t.to_ascii_lowercase();
            let role = if lower == "director" {
                0
            } else if lower == "10% owner" {
                1
            } else if lower.starts_with("officer") {
                2
            } else if lower.starts_with("other") {
                3
            } else {
                continue;
            };
            if seen
                .get_mut(role)
                .map_or(true, |s| std::mem::replace(s, true))
            {
                continue;
            }
            match role {
                0 => rel.is_director = checked,
                1 => rel.is_ten_percent_owner = checked,
                2 => {
                    rel.is_officer = checked;
                    below.push((r + 1, c, 0));
                }
                _ => {
                    rel.is_other = checked;
                    below.push((r + 1, c, 1));
                }
            }
        }
    }
    let found = seen.iter().any(|s| *s);
    for (r, c, which) in below {
        let text = rows
            .get(r)
            .and_then(|cells| cells.get(c))
            .filter(|t| !t.is_empty())
            .map(|t| Text::from(t.as_str()));
        if which == 0 {
            rel.officer_title = text;
        } else {
            rel.other_text = text;
        }
    }
    found.then_some(rel)
}

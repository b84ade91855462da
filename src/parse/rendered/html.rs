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

use ego_tree::{NodeId, NodeRef};
use rustc_hash::FxHashSet;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

use crate::model::{
    Address, Filing, FootnoteIds, FormType, Relationship, ReportingOwner, Signature, Source,
    SourceKind, Table, Text,
};
use crate::parse::diag::Diagnostic;
use crate::parse::MAX_FILING_ITEMS;

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

/// The most cells read from one table row. A row of the form has at most a dozen; a row
/// with more matches no layout, and is skipped without reading the rest.
const MAX_ROW_CELLS: usize = 64;

/// Visits the nodes an element holds, depth first and without recursion (a page may nest
/// elements without bound), leaving out the tables nested in it: what a page that left a
/// tag open put there is read with those tables. `f` gets each node with whether it, or
/// an element around it up to `e` itself, is one that `marked` picks.
fn walk_outside_tables(
    e: &ElementRef<'_>,
    marked: impl Fn(&Element) -> bool,
    mut f: impl FnMut(&Node, bool),
) {
    let mut stack = vec![(e.children(), marked(e.value()))];
    while let Some((children, inside)) = stack.last_mut() {
        let inside = *inside;
        let Some(c) = children.next() else {
            stack.pop();
            continue;
        };
        let mark = match c.value().as_element() {
            Some(el) if el.name() == "table" => continue,
            Some(el) => inside || marked(el),
            None => inside,
        };
        f(c.value(), mark);
        if c.has_children() {
            stack.push((c.children(), mark));
        }
    }
}

/// The text of an element outside the tables nested in it, whitespace collapsed.
fn flat_text(e: &ElementRef<'_>) -> String {
    let mut out = String::new();
    walk_outside_tables(
        e,
        |_| false,
        |n, _| {
            if let Some(t) = n.as_text() {
                out.push_str(t);
            }
        },
    );
    squash(&out)
}

/// True when an element holds an underlined part outside the tables nested in it.
fn underlined(e: &ElementRef<'_>) -> bool {
    let mut found = false;
    walk_outside_tables(
        e,
        |_| false,
        |n, _| found |= n.as_element().is_some_and(|el| el.name() == "u"),
    );
    found
}

/// The text of a cell without its footnote markers, and the markers; the tables nested
/// in the cell are left out.
fn cell_of(e: &ElementRef<'_>) -> Cell {
    let mut value = String::new();
    let mut notes = FootnoteIds::new();
    walk_outside_tables(
        e,
        |el| el.name() == "sup" || el.classes().any(|c| c == "FootnoteData"),
        |n, in_sup| {
            let Some(t) = n.as_text() else {
                return;
            };
            if in_sup {
                let (_, ids) = words::split_markers(&squash(t));
                notes.extend(ids);
            } else {
                value.push_str(t);
                value.push(' ');
            }
        },
    );
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
    // Each box's place among the page's cells (only the boxes': a page may hold millions
    // of cells); the boxes are in page order, so the relationship box of an owner is
    // found by halving.
    let wanted: FxHashSet<_> = name_boxes
        .iter()
        .chain(&rel_boxes)
        .map(|e| e.id())
        .collect();
    let places: rustc_hash::FxHashMap<_, usize> = tds
        .iter()
        .enumerate()
        .filter(|(_, t)| wanted.contains(&t.id()))
        .map(|(i, t)| (t.id(), i))
        .collect();
    let position = |e: &ElementRef<'_>| places.get(&e.id()).copied().unwrap_or(0);
    let rel_at: Vec<usize> = rel_boxes.iter().map(position).collect();
    // Where one owner's boxes end: at the next box of any owner, or the issuer's.
    let stops: FxHashSet<NodeId> = wanted
        .iter()
        .copied()
        .chain(boxes("Issuer Name").iter().map(|e| e.id()))
        .collect();
    for (i, nb) in name_boxes.iter().enumerate() {
        let mut owner = owner_of(nb, &stops, &a_sel, &tr_sel, &data_sel);
        let at = position(nb);
        let next = name_boxes.get(i + 1).map_or(usize::MAX, position);
        let first = rel_at.partition_point(|&p| p <= at.saturating_sub(1));
        let found = rel_at.get(first).is_some_and(|&p| p < next);
        if let Some(rb) = rel_boxes.get(first).filter(|_| found) {
            match relationship_of(rb, &stops, &tr_sel) {
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
    let mut rows_left_out = 0usize;
    for t in doc.select(&table_sel) {
        let rows = own_rows(&t);
        let head = rows
            .first()
            .and_then(|tr| tr.children().find_map(ElementRef::wrap))
            .map(|h| flat_text(&h))
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
                .take(MAX_ROW_CELLS + 1)
                .collect();
            if cells.is_empty() {
                continue;
            }
            if f.rows.len() >= MAX_FILING_ITEMS {
                rows_left_out += 1;
                continue;
            }
            if cells.len() > MAX_ROW_CELLS {
                warnings.push(Diagnostic::new(
                    None,
                    format!(
                        "Table {} row of more than {MAX_ROW_CELLS} cells matches no layout \
                         of the form; skipped",
                        table.as_str()
                    ),
                ));
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
    if rows_left_out > 0 {
        // First, so that it is listed however many warnings the rows kept had.
        warnings.insert(
            0,
            Diagnostic::new(
                None,
                format!(
                    "{rows_left_out} more table rows are left out: a filing keeps at most \
                     {MAX_FILING_ITEMS}"
                ),
            ),
        );
    }
    if !seen.0 {
        warnings.push(Diagnostic::new(None, "no Table I was found"));
    }
    if !seen.1 {
        warnings.push(Diagnostic::new(None, "no Table II was found"));
    }

    // Explanation, remarks, signatures.
    // The cells' text outside the tables nested in them: a page that left its tables
    // open nests the rest of the form in one cell, which would be read once per cell
    // around it.
    if let Some(start) = tds
        .iter()
        .position(|td| flat_text(td).starts_with("Explanation of Responses"))
    {
        let lines: Vec<Line> = tds
            .iter()
            .skip(start)
            .map(|td| (td, flat_text(td)))
            .take_while(|(td, text)| {
                find_ci(text, "signature of reporting person").is_none() && !underlined(td)
            })
            .map(|(_, text)| Line { no: 0, text })
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
    let caption =
        |tr: &ElementRef<'_>| find_ci(&flat_text(tr), "signature of reporting person").is_some();
    let mut signatures_left_out = 0usize;
    for tr in doc.select(&tr_sel) {
        if !caption(&tr) {
            continue;
        }
        // A joint filing prints one row per signature above the one caption row: the
        // row next to the caption always, and each row before it that is underlined or
        // ends in a date, up to the caption row before (whose signatures those are).
        let mut found: Vec<Signature> = Vec::new();
        for prev in tr.prev_siblings().filter_map(ElementRef::wrap) {
            if caption(&prev) {
                break;
            }
            let texts: Vec<String> = prev
                .children()
                .filter_map(ElementRef::wrap)
                .map(|c| flat_text(&c))
                .filter(|t| !t.is_empty())
                .collect();
            let Some((last, rest)) = texts.split_last() else {
                break;
            };
            let date = words::date(last)
                .ok()
                .flatten()
                .filter(|_| !rest.is_empty());
            if !found.is_empty() && date.is_none() && !underlined(&prev) {
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
        let room = MAX_FILING_ITEMS.saturating_sub(f.signatures.len());
        signatures_left_out += found.len().saturating_sub(room);
        f.signatures.extend(found.into_iter().take(room));
    }
    if signatures_left_out > 0 {
        warnings.push(Diagnostic::new(
            None,
            format!(
                "{signatures_left_out} more signatures are left out: a filing keeps at most \
                 {MAX_FILING_ITEMS}"
            ),
        ));
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

/// The rows of a table that are its own, not those of the tables inside its cells: its
/// child rows and those of its head, bodies and foot (where the parser puts every row).
fn own_rows<'a>(t: &ElementRef<'a>) -> Vec<ElementRef<'a>> {
    let is_row = |e: &ElementRef<'_>| e.value().name() == "tr";
    let mut rows = Vec::new();
    for c in t.children().filter_map(ElementRef::wrap) {
        match c.value().name() {
            "tr" => rows.push(c),
            "thead" | "tbody" | "tfoot" => {
                rows.extend(c.children().filter_map(ElementRef::wrap).filter(is_row));
            }
            _ => {}
        }
    }
    rows
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

/// The nodes under `e` in page order, leaving out those `skip` picks and all they hold;
/// without recursion, as a page may nest elements without bound.
fn descendants_skipping<'a>(
    e: &ElementRef<'a>,
    skip: impl Fn(&NodeRef<'a, Node>) -> bool + 'a,
) -> impl Iterator<Item = NodeRef<'a, Node>> + 'a {
    let mut stack = vec![e.children()];
    std::iter::from_fn(move || loop {
        let children = stack.last_mut()?;
        match children.next() {
            None => {
                stack.pop();
            }
            Some(c) if skip(&c) => {}
            Some(c) => {
                if c.has_children() {
                    stack.push(c.children());
                }
                return Some(c);
            }
        }
    })
}

/// The first element under `e` that `sel` picks, leaving out the tables nested in `e`.
fn first_outside_tables<'a>(e: &ElementRef<'a>, sel: &Selector) -> Option<ElementRef<'a>> {
    let is_table = |n: &NodeRef<'_, Node>| {
        n.value()
            .as_element()
            .is_some_and(|el| el.name() == "table")
    };
    descendants_skipping(e, is_table)
        .filter_map(ElementRef::wrap)
        .find(|el| sel.matches(el))
}

/// The rows of box `b`, up to the first that holds another box of `boxes`: a page that
/// left a table open puts the boxes after it inside it, and each is read on its own.
fn box_rows<'a>(
    b: &ElementRef<'a>,
    boxes: &'a FxHashSet<NodeId>,
    tr_sel: &'a Selector,
) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    let own = b.id();
    let b = *b;
    b.select(tr_sel).take_while(move |tr| {
        !tr.children()
            .any(|c| c.id() != own && boxes.contains(&c.id()))
    })
}

/// The nodes under box `b` in page order, leaving out what the other `boxes` hold: a
/// page that left a table open puts the boxes after it inside it, and each is read on
/// its own.
fn box_nodes<'a>(
    b: &ElementRef<'a>,
    boxes: &'a FxHashSet<NodeId>,
) -> impl Iterator<Item = NodeRef<'a, Node>> + 'a {
    descendants_skipping(b, move |n| boxes.contains(&n.id()))
}

/// The first `MAX_BOX_TEXT` bytes of the text of box `b` (see [`box_nodes`]): enough
/// for any box's words.
fn box_text(b: &ElementRef<'_>, boxes: &FxHashSet<NodeId>) -> String {
    let mut out = String::new();
    for n in box_nodes(b, boxes) {
        if out.len() >= MAX_BOX_TEXT {
            break;
        }
        if let Some(t) = n.value().as_text() {
            out.push_str(t);
        }
    }
    squash(&out)
}

/// Bytes of text read from a box when its words are looked for in all of it.
const MAX_BOX_TEXT: usize = 4096;

/// Name, CIK and address of a box 1 cell; `boxes` are the page's other boxes.
fn owner_of(
    b: &ElementRef<'_>,
    boxes: &FxHashSet<NodeId>,
    a_sel: &Selector,
    tr_sel: &Selector,
    data_sel: &Selector,
) -> ReportingOwner {
    let mut owner = ReportingOwner::default();
    let link = box_nodes(b, boxes)
        .filter_map(ElementRef::wrap)
        .find(|e| a_sel.matches(e));
    if let Some(a) = link {
        owner.name = Some(text_of(&a).into());
        owner.cik = cik_of(&a);
    }
    let mut street: Vec<String> = Vec::new();
    let mut address = Address::default();
    for tr in box_rows(b, boxes, tr_sel) {
        let tds: Vec<ElementRef<'_>> = tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "td")
            .collect();
        // The captions under the city line close the address.
        if tds.first().is_some_and(|td| own_text(td) == "(City)") {
            break;
        }
        // A cell's own value: a table nested in it is read as rows of its own, so each
        // cell is looked through once, however deep the tables in it go.
        let first_data =
            |e: &ElementRef<'_>| first_outside_tables(e, data_sel).map(|s| own_text(&s));
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
        let all = box_text(b, boxes);
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
fn relationship_of(
    b: &ElementRef<'_>,
    boxes: &FxHashSet<NodeId>,
    tr_sel: &Selector,
) -> Option<Relationship> {
    let rows: Vec<Vec<String>> = box_rows(b, boxes, tr_sel)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A Form 3 as EDGAR renders it: four holdings, six footnotes, one signature.
    const PAGE: &str =
        include_str!("../../../tests/fixtures/rendered/html-xsl-form3-holdings.html");

    /// The page with `blob` put just before the first `marker`.
    fn with_before(marker: &str, blob: &str) -> String {
        let i = PAGE.find(marker).unwrap();
        format!("{}{blob}{}", &PAGE[..i], &PAGE[i..])
    }

    /// The row of the signature caption.
    const CAPTION: &str = "<tr><td></td><td class=\"MedSmallFormText\">** Signature";

    /// The filing read from `text`, and its warnings' messages.
    fn read(text: &str) -> (Filing, Vec<String>) {
        let (f, w) = parse(text, &"page.html".into()).unwrap();
        (f, w.into_iter().map(|d| d.message).collect())
    }

    #[test]
    fn caption_rows_ending_in_a_date_take_each_signature_once() {
        let (want, _) = read(PAGE);
        assert_eq!(want.signatures.len(), 1);
        let rows = "<tr><td>Signature of Reporting Person</td><td>01/01/2020</td></tr>".repeat(40);
        let (got, w) = read(&with_before(CAPTION, &rows));
        assert_eq!(got.signatures, want.signatures);
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn signatures_past_the_bound_are_left_out_with_one_warning() {
        let rows = "<tr><td>/s/ A</td><td>01/01/2020</td></tr>".repeat(MAX_FILING_ITEMS + 2);
        let (f, w) = read(&with_before("<tr><td width=\"60%\"></td>", &rows));
        assert_eq!(f.signatures.len(), MAX_FILING_ITEMS);
        assert_eq!(f.signatures.first().map(|s| &*s.name), Some("/s/ A"));
        let left_out: Vec<_> = w.iter().filter(|m| m.contains("left out")).collect();
        assert_eq!(
            left_out,
            [&format!(
                "3 more signatures are left out: a filing keeps at most {MAX_FILING_ITEMS}"
            )]
        );
    }

    #[test]
    fn a_marker_left_open_before_the_tables_hides_no_value() {
        let (want, _) = read(PAGE);
        let table_i = PAGE.find("Table I -").unwrap();
        let at = PAGE[..table_i].rfind("<table").unwrap();
        let page = format!("{}<sup>{}", &PAGE[..at], &PAGE[at..]);
        let (got, w) = read(&page);
        assert_eq!(got.rows, want.rows);
        assert_eq!(got.rows.len(), 4);
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn an_address_line_in_a_nested_table_is_read_once() {
        let (want, _) = read(PAGE);
        let line = "<tr><td><span class=\"FormData\">77 CONGRESS STREET</span></td></tr>";
        let nested = format!("<tr><td><table>{line}</table></td></tr>");
        let (got, w) = read(&PAGE.replace(line, &nested));
        assert_eq!(got.owners, want.owners);
        assert_eq!(
            got.owners
                .first()
                .and_then(|o| o.address.street2.as_deref()),
            Some("77 CONGRESS STREET")
        );
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn owner_boxes_left_open_are_each_read_on_their_own() {
        let (want, _) = read(PAGE);
        let open: String = (0..3)
            .map(|n| {
                format!(
                    "<table><tr><td><span>1. Name and Address of Reporting Person</span> \
                     OWNER{n} (Last) <table><tr><td><span class=\"FormData\">{n} MAIN ST</span>\
                     </td></tr><tr><td>"
                )
            })
            .collect();
        let (got, _) = read(&with_before("<td rowspan=\"2\" width=\"30%\"", &open));
        let owners: Vec<_> = got
            .owners
            .iter()
            .map(|o| (o.name.as_deref(), o.address.street1.as_deref()))
            .collect();
        assert_eq!(
            owners,
            [
                (Some("OWNER0"), Some("0 MAIN ST")),
                (Some("OWNER1"), Some("1 MAIN ST")),
                (Some("OWNER2"), Some("2 MAIN ST")),
                (
                    Some("Szczepanik-Hale Marisol"),
                    Some("C/O LUMENWAY ROBOTICS, INC.")
                ),
            ]
        );
        assert_eq!(got.owners.last(), want.owners.last());
    }

    #[test]
    fn tables_left_open_lend_no_signature_rows() {
        let (want, _) = read(PAGE);
        let (got, w) = read(&PAGE.replace("</table>", ""));
        assert_eq!(got.signatures, want.signatures);
        assert_eq!(got.footnotes, want.footnotes);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w.iter().all(|m| m.contains("tables are never closed")),
            "{w:?}"
        );
    }

    #[test]
    fn table_rows_past_the_bound_are_left_out_with_one_listed_warning() {
        let (want, _) = read(PAGE);
        let first = PAGE.find("<tr>\n<td align=\"left\">").unwrap();
        let rows = "<tr><td><td><td><td>".repeat(MAX_FILING_ITEMS + 1);
        let page = format!("{}{rows}{}", &PAGE[..first], &PAGE[first..]);
        let parsed = crate::parse::read_file(
            &"page.html".into(),
            page.as_bytes(),
            crate::parse::Format::RenderedHtml,
        )
        .unwrap();
        let f = parsed.filings.first().unwrap();
        assert_eq!(f.rows.len(), MAX_FILING_ITEMS);
        let message = format!(
            "{} more table rows are left out: a filing keeps at most {MAX_FILING_ITEMS}",
            want.rows.len() + 1
        );
        assert!(
            parsed.warnings.iter().any(|d| d.message == message),
            "{:?}",
            parsed.warnings.first()
        );
    }

    #[test]
    fn a_row_of_too_many_cells_is_skipped_unread() {
        let (want, _) = read(PAGE);
        let first = PAGE.find("<tr>\n<td align=\"left\">").unwrap();
        let row = format!("<tr>{}</tr>", "<td>1</td>".repeat(1000));
        let page = format!("{}{row}{}", &PAGE[..first], &PAGE[first..]);
        let (got, w) = read(&page);
        assert_eq!(got.rows, want.rows);
        assert_eq!(
            w,
            [format!(
                "Table I row of more than {MAX_ROW_CELLS} cells matches no layout of the \
                 form; skipped"
            )]
        );
    }
}

//! The printed form as text: a PDF or a print turned into text or markdown, a typed
//! pre-2003 form, or the form view's own output. The page is cut into the boxes above
//! the tables, Table I, Table II, the reporting-owner table some printouts add, the
//! explanation and the signatures; each part has its own reader.

use crate::model::{Filing, FootnoteId, FormType, Source, SourceKind, Table, Text};
use crate::parse::diag::Diagnostic;
use crate::parse::MAX_FILING_ITEMS;

use super::cells::{self, RawRow};
use super::columns::{holding_columns, layouts, Col, Form};
use super::grammar::{self, Word};
use super::grid;
use super::header::{self, Header};
use super::lines::{self, find_ci, squash, Line};
use super::notes;
use super::owners;

/// Where the parts of the page are, as line indexes.
#[derive(Debug, Default)]
struct Map {
    table1: Option<usize>,
    table2: Option<usize>,
    explanation: Option<usize>,
    owners_table: Option<usize>,
    signatures: Option<usize>,
}

/// Reads a printed form from text. `first_line` numbers the first line (a typed form
/// inside a submission starts deep in its file); `kind` labels the source. An error
/// means no part of a Form 3, 4 or 5 was found.
pub fn parse(
    text: &str,
    path: &Text,
    first_line: u32,
    kind: SourceKind,
) -> Result<(Filing, Vec<Diagnostic>), Diagnostic> {
    let lines = lines::clean(text, first_line);
    let mut warnings = Vec::new();
    let map = map(&lines);
    let ends: Vec<usize> = [map.explanation, map.owners_table, map.signatures]
        .into_iter()
        .flatten()
        .collect();
    let region_end = |from: usize| {
        lines
            .iter()
            .enumerate()
            .skip(from + 1)
            .find(|(i, l)| ends.contains(i) || Some(*i) == map.table2 || is_table_end(&l.text))
            .map_or(lines.len(), |(i, _)| i)
    };
    // The boxes: everything before Table I (with the part of its line before the title),
    // and whatever box labels follow the tables before the explanation.
    let first_part = [
        map.table1,
        map.table2,
        map.explanation,
        map.owners_table,
        map.signatures,
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(lines.len());
    let mut head: Vec<Line> = lines.get(..first_part).unwrap_or_default().to_vec();
    if let Some(t1) = map.table1 {
        if let Some(l) = lines.get(t1) {
            if let Some(cut) = find_ci(&l.text, "table i") {
                head.push(Line {
                    no: l.no,
                    text: l.text.get(..cut).unwrap_or_default().to_string(),
                });
            }
        }
    }
    let t1_range = map.table1.map(|t| t + 1..region_end(t));
    let t2_range = map.table2.map(|t| t + 1..region_end(t));
    let after_tables = [&t1_range, &t2_range]
        .into_iter()
        .flatten()
        .map(|r| r.end)
        .max();
    if let Some(from) = after_tables {
        let to = ends
            .iter()
            .copied()
            .filter(|e| *e >= from)
            .min()
            .unwrap_or(lines.len());
        head.extend(lines.get(from..to).unwrap_or_default().iter().cloned());
    }
    head.retain(|l| !notes::is_boilerplate(&l.text));
    let h = header::read(&head, &mut warnings);
    let any_table = t1_range.is_some() || t2_range.is_some();
    if !h.found_boxes && !any_table {
        return Err(Diagnostic::new(
            Some(first_line),
            "no box or table of a Form 3, 4 or 5 was found in the text",
        ));
    }
    let document_type = document_type(&h, &mut warnings, first_line);
    let form = Form::of(&document_type);
    let mut filing = Filing::new(
        document_type,
        Source {
            path: path.clone(),
            kind,
            line: Some(first_line),
        },
    );
    match &t1_range {
        Some(r) => read_table(
            &lines,
            r.clone(),
            form,
            Table::NonDerivative,
            &mut filing,
            &mut warnings,
        ),
        None => warnings.push(Diagnostic::new(None, "no Table I was found")),
    }
    match &t2_range {
        Some(r) => read_table(
            &lines,
            r.clone(),
            form,
            Table::Derivative,
            &mut filing,
            &mut warnings,
        ),
        None => warnings.push(Diagnostic::new(None, "no Table II was found")),
    }
    let cited: Vec<FootnoteId> = {
        let mut seen = rustc_hash::FxHashSet::default();
        let mut ids: Vec<FootnoteId> = Vec::new();
        for r in &filing.rows {
            for id in r.footnote_ids() {
                if seen.insert(id.as_str()) {
                    ids.push(id.clone());
                }
            }
        }
        ids
    };
    if let Some(e) = map.explanation {
        let end = [map.owners_table, map.signatures]
            .into_iter()
            .flatten()
            .filter(|i| *i > e)
            .min()
            .unwrap_or(lines.len());
        let ex = notes::explanation(lines.get(e..end).unwrap_or_default(), &cited, &mut warnings);
        filing.footnotes = ex.footnotes;
        filing.remarks = ex.remarks;
    }
    notes::check_cited(&filing, &mut warnings);
    let sig_from = after_tables.unwrap_or(0);
    filing.signatures = notes::signatures(lines.get(sig_from..).unwrap_or_default(), &mut warnings);
    let joint = h.joint;
    apply_header(&mut filing, h, &mut warnings);
    if let Some(o) = map.owners_table {
        owners::read(&lines, o, &mut filing.owners, &mut warnings);
    }
    check_joint(joint, filing.owners.len(), &mut warnings);
    if filing.owners.is_empty() {
        warnings.push(Diagnostic::new(
            None,
            "box 1: no reporting person was found",
        ));
    }
    if matches!(filing.document_type, FormType::Form3 | FormType::Form3A) {
        filing.flags.no_securities_owned = Some(filing.rows.is_empty());
    }
    Ok((filing, warnings))
}

/// True for the title of the reporting-owner table, even when a converter cut its
/// letters apart with tabs (`Repor ting O wners`).
fn is_owners_title(line: &str) -> bool {
    let letters: String = line
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    letters == "reportingowners"
}

/// True for a line that closes a table: the fixed notes under it, the next box, or the
/// title of the reporting-owner table.
fn is_table_end(line: &str) -> bool {
    let t = squash(line).to_ascii_lowercase();
    is_owners_title(line)
        || t.starts_with("reminder:")
        || t.starts_with("* if the form")
        || t.starts_with("persons who respond")
        || find_ci(&t, "name and address of reporting person").is_some()
        || find_ci(&t, "relationship of reporting person").is_some()
}

fn map(lines: &[Line]) -> Map {
    let mut m = Map::default();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.as_str();
        if m.table1.is_none() {
            if let Some(at) = find_ci(t, "table i") {
                let next = t.get(at + 7..).and_then(|r| r.chars().next());
                if !matches!(next, Some('i' | 'I')) {
                    m.table1 = Some(i);
                    continue;
                }
            }
        }
        if m.table2.is_none() && m.table1.is_some() {
            let lost_title = find_ci(t, "conversion").is_some()
                && (find_ci(t, "exercis").is_some() || find_ci(t, "transaction date").is_some());
            if find_ci(t, "table ii").is_some()
                || find_ci(t, "title of derivative security").is_some()
                || lost_title
            {
                m.table2 = Some(i);
                continue;
            }
        }
        if m.explanation.is_none() && find_ci(t, "explanation of responses").is_some() {
            m.explanation = Some(i);
        }
        if m.owners_table.is_none() && find_ci(t, "reporting owner name").is_some() {
            // The table starts at its title ("Reporting Owners") when one stands just
            // above, so the title and the "Relationships" heading are read as its part.
            let title = (i.saturating_sub(3)..i)
                .find(|&k| lines.get(k).is_some_and(|l| is_owners_title(&l.text)));
            m.owners_table = Some(title.unwrap_or(i));
        }
        let heading = squash(t).to_ascii_lowercase();
        if m.signatures.is_none() && (heading == "signatures" || heading == "signature") {
            m.signatures = Some(i);
        }
    }
    if m.signatures.is_none() {
        // No heading: the signatures start at the text just above the first caption.
        let caption = lines
            .iter()
            .position(|l| find_ci(&l.text, "signature of reporting person").is_some());
        if let Some(c) = caption {
            let mut start = c;
            while start > 0
                && lines.get(start - 1).is_some_and(|l| {
                    let t = l.text.trim();
                    !t.is_empty()
                        && !notes::is_boilerplate(t)
                        && !notes::starts_note(t)
                        && find_ci(t, "remarks:").is_none()
                })
            {
                start -= 1;
            }
            if m.explanation.map_or(true, |e| start > e) {
                m.signatures = Some(start);
            }
        }
    }
    m
}

fn document_type(h: &Header, warnings: &mut Vec<Diagnostic>, line: u32) -> FormType {
    let base = h.form.clone().unwrap_or_else(|| {
        warnings.push(Diagnostic::new(
            Some(line),
            "the form's title was not found; read as a Form 4",
        ));
        FormType::Form4
    });
    if h.says_amendment || h.original.is_some() {
        match base {
            FormType::Form3 => FormType::Form3A,
            FormType::Form4 => FormType::Form4A,
            FormType::Form5 => FormType::Form5A,
            other => other,
        }
    } else {
        base
    }
}

/// Warns when box 6 and the number of owners read disagree.
fn check_joint(joint: Option<bool>, n: usize, warnings: &mut Vec<Diagnostic>) {
    if let Some(joint) = joint {
        if joint && n == 1 || !joint && n > 1 {
            warnings.push(Diagnostic::new(
                None,
                format!(
                    "box 6 says the form is filed by {} but {n} reporting persons were read",
                    if joint {
                        "more than one person"
                    } else {
                        "one person"
                    }
                ),
            ));
        }
    }
}

fn apply_header(f: &mut Filing, h: Header, warnings: &mut Vec<Diagnostic>) {
    f.owners = h.owners;
    f.issuer.name = h.issuer_name;
    f.issuer.trading_symbol = h.ticker;
    f.period_of_report = h.period;
    f.date_of_original_submission = h.original;
    f.flags = h.flags;
    if f.issuer.name.is_none() {
        warnings.push(Diagnostic::new(
            None,
            "box 2: the issuer's name was not found",
        ));
    }
    if f.period_of_report.is_none() {
        warnings.push(Diagnostic::new(
            None,
            "box 3: the date of the statement was not found",
        ));
    }
}

fn read_table(
    lines: &[Line],
    range: std::ops::Range<usize>,
    form: Form,
    table: Table,
    filing: &mut Filing,
    warnings: &mut Vec<Diagnostic>,
) {
    let region = lines.get(range).unwrap_or_default();
    let raw = if grid::is_records(region) {
        grid::read_records(region, form, table)
    } else if grid::is_ruled(region) {
        match grid::read(region, form, table) {
            Ok(rows) => rows,
            Err(e) => {
                warnings.push(Diagnostic::new(region.first().map(|l| l.no), e));
                loose_rows(region, form, table, warnings)
            }
        }
    } else {
        loose_rows(region, form, table, warnings)
    };
    let room = MAX_FILING_ITEMS.saturating_sub(filing.rows.len());
    if raw.len() > room {
        warnings.push(Diagnostic::new(
            raw.get(room).map(|r| r.line),
            format!(
                "Table {}: more than {MAX_FILING_ITEMS} rows in the filing: the rest are left out",
                table.as_str()
            ),
        ));
    }
    let mut n = 0;
    for r in raw.into_iter().take(room) {
        n += 1;
        let row = cells::build(table, n, &r, warnings);
        filing.rows.push(row);
    }
}

/// Words that only a table's headings carry.
fn is_heading(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    [
        "instr",
        "title of",
        "month/day",
        "(mont",
        "deemed exec",
        "transaction code",
        "beneficially owned",
        "ownership form",
        "nature of indirect",
        "date exer",
        "expira",
        "(a) or (d)",
        "amount or number",
        "conversion or",
    ]
    .iter()
    .any(|w| l.contains(w))
        && !grammar::words_of(line)
            .iter()
            .any(|w| super::words::is_date(&w.text))
}

/// Rows of a table whose columns were lost: each line with a value is a row read by
/// the words' shapes; a line of words only continues the text of the row above.
fn loose_rows(
    lines: &[Line],
    form: Form,
    table: Table,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<RawRow> {
    let transaction = match form {
        Form::Three => None,
        _ => layouts(form, table).first().copied(),
    };
    let holding = holding_columns(form, table);
    let mut rows: Vec<RawRow> = Vec::new();
    let mut last: Option<grammar::Reading> = None;
    // Whether the row being read had wrapped text left out (warned once a row).
    let mut cut_short = false;
    for l in lines {
        if l.text.trim().is_empty()
            || is_heading(&l.text)
            || notes::is_boilerplate(&l.text)
            || header::is_rule(&l.text)
        {
            continue;
        }
        let ws: Vec<Word> = grammar::words_of(&l.text);
        if ws.len() > grammar::MAX_ROW_WORDS {
            warnings.push(Diagnostic::new(
                Some(l.no),
                format!(
                    "Table {}: a line of {} words, more than any row holds: not read",
                    table.as_str(),
                    ws.len()
                ),
            ));
            continue;
        }
        if grammar::has_values(&ws) {
            if let Some(done) = last.take() {
                rows.push(done.row);
            }
            if rows.len() > MAX_FILING_ITEMS {
                // One past the bound tells the caller there were more.
                return rows;
            }
            let reading = grammar::read(l.no, &ws, transaction, holding);
            if !reading.dropped.is_empty() {
                warnings.push(Diagnostic::new(
                    Some(l.no),
                    format!(
                        "Table {} line {}: words that fit no column were left out: {:?}",
                        table.as_str(),
                        rows.len() + 1,
                        reading.dropped.join(" ")
                    ),
                ));
            }
            last = Some(reading);
            cut_short = false;
            continue;
        }
        if let Some(reading) = last.as_mut() {
            // Each run of words (split at gaps of two spaces or more) goes to the column
            // it stands under: one wrapped line can carry the rest of the title, of the
            // underlying title and of the nature at once.
            let mut runs: Vec<(usize, usize, Vec<&str>)> = Vec::new();
            for w in &ws {
                let end = w.x + w.text.chars().count();
                match runs.last_mut() {
                    Some((_, last_end, words)) if w.x <= *last_end + 2 => {
                        words.push(&w.text);
                        *last_end = end;
                    }
                    _ => runs.push((w.x, end, vec![&w.text])),
                }
            }
            let mut cols: Vec<(Col, Vec<&str>)> = Vec::new();
            for (x, _, words) in runs {
                let col = continued_column(reading, x);
                match cols.last_mut() {
                    Some((c, all)) if *c == col => all.extend(words),
                    _ => cols.push((col, words)),
                }
            }
            for (col, words) in cols {
                if !append(&mut reading.row, col, &words.join(" ")) && !cut_short {
                    cut_short = true;
                    warnings.push(Diagnostic::new(
                        Some(l.no),
                        format!(
                            "Table {} line {}: a text wrapped over more than {MAX_CELL_CHARS} \
                             characters: the rest is left out",
                            table.as_str(),
                            rows.len() + 1
                        ),
                    ));
                }
            }
        }
    }
    if let Some(done) = last {
        rows.push(done.row);
    }
    rows
}

/// The text column a wrapped piece continues: the title when it starts left of the
/// values, else the text column right of the title that started nearest to it (a
/// centred cell starts each line at a different column).
fn continued_column(reading: &grammar::Reading, x: usize) -> Col {
    if reading.values_x.map_or(true, |v| x < v) {
        return Col::Title;
    }
    reading
        .text_x
        .iter()
        .filter(|(c, _)| *c != Col::Title)
        .min_by_key(|(_, tx)| tx.abs_diff(x))
        .map(|(c, _)| *c)
        .unwrap_or(Col::Nature)
}

/// The most characters a cell keeps of the text wrapped under its row. Real titles and
/// natures of ownership run to a few hundred; past this, each wrapped line would copy and
/// read again an ever longer text.
const MAX_CELL_CHARS: usize = 2_000;

/// Adds a wrapped piece to the row's cell of `col`; `false` when the cell is already
/// [`MAX_CELL_CHARS`] long and the piece is left out.
fn append(row: &mut RawRow, col: Col, text: &str) -> bool {
    let existing = row.cells.iter_mut().find(|(c, _)| *c == col);
    if existing
        .as_ref()
        .is_some_and(|(_, cell)| cell.text.len() >= MAX_CELL_CHARS)
    {
        return false;
    }
    let joined = match &existing {
        Some((_, cell)) => {
            let mut s = cell.text.clone();
            for id in &cell.notes {
                s.push_str(&super::words::format_marker(id));
            }
            super::lines::join_wrapped(&s, text)
        }
        None => text.to_string(),
    };
    let cell = cells::Cell::parse(&joined);
    match existing {
        Some((_, c)) => *c = cell,
        None => row.cells.push((col, cell)),
    }
    true
}

//! What the lower panes hold for a filing, as line models shared by drawing and
//! scrolling: the lines of the transactions pane, the order of the footnotes, the lines
//! of the detail pane and the text of popups.

use crate::model::{Filing, FootnoteId, FormType, Table};
use crate::store::vocab::Plan;

use super::wrap::wrap;

/// One line of the transactions pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxLine {
    /// A table's title.
    Heading(Table),
    /// A table's column headers.
    Header(Table),
    /// A row: its index in `filing.rows`.
    Row(usize),
    /// Space between the tables.
    Blank,
    /// The filing has no rows.
    Nothing,
}

/// Row indices in display order: Table I, then Table II.
pub fn tx_rows(filing: &Filing) -> Vec<usize> {
    let of = |t: Table| {
        filing
            .rows
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.table == t)
            .map(|(i, _)| i)
    };
    of(Table::NonDerivative)
        .chain(of(Table::Derivative))
        .collect()
}

/// The lines of the transactions pane: each non-empty table with its heading and
/// column headers.
pub fn tx_lines(filing: &Filing) -> Vec<TxLine> {
    let mut out = Vec::new();
    for table in [Table::NonDerivative, Table::Derivative] {
        let rows: Vec<usize> = filing
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.table == table)
            .map(|(i, _)| i)
            .collect();
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(TxLine::Blank);
        }
        out.push(TxLine::Heading(table));
        out.push(TxLine::Header(table));
        out.extend(rows.into_iter().map(TxLine::Row));
    }
    if out.is_empty() {
        out.push(TxLine::Nothing);
    }
    out
}

/// One footnote as the footnotes pane lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteEntry<'a> {
    /// Its id.
    pub id: &'a FootnoteId,
    /// Its text; `None` when a row cites an id the filing does not define.
    pub text: Option<&'a str>,
    /// True when the selected row cites it.
    pub is_cited: bool,
}

/// The filing's footnotes with those `cited` by the selected row first (in the row's
/// order), then the rest in filing order.
pub fn footnote_order<'a>(filing: &'a Filing, cited: &'a [FootnoteId]) -> Vec<FootnoteEntry<'a>> {
    let mut out: Vec<FootnoteEntry<'a>> = cited
        .iter()
        .map(|id| FootnoteEntry {
            id,
            text: filing.footnote(id).map(|f| &*f.text),
            is_cited: true,
        })
        .collect();
    out.extend(
        filing
            .footnotes
            .iter()
            .filter(|f| !cited.contains(&f.id))
            .map(|f| FootnoteEntry {
                id: &f.id,
                text: Some(&f.text),
                is_cited: false,
            }),
    );
    out
}

/// How many lines a footnote entry takes at `width` (marker column included).
pub fn footnote_height(entry: &FootnoteEntry<'_>, width: usize) -> usize {
    let text = crate::text::shown(entry.text.unwrap_or(""));
    wrap(&text, width.saturating_sub(FOOTNOTE_INDENT)).len()
}

/// Cells before a footnote's text: the marker and a space.
pub const FOOTNOTE_INDENT: usize = 5;

/// One labelled line of the detail pane, before wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailItem {
    /// The label (`Form`, `10b5-1 plan`, …).
    pub label: &'static str,
    /// The value, as display text (sanitised when drawn).
    pub value: String,
    /// True for values worth a second look (amendment, plan yes, not subject).
    pub is_notable: bool,
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "not filed",
    }
}

/// The detail pane's items for a filing: form and amendment, dates, flags, signatures,
/// remarks and where it was read from.
pub fn detail_items(filing: &Filing) -> Vec<DetailItem> {
    let item = |label, value: String, is_notable| DetailItem {
        label,
        value,
        is_notable,
    };
    let mut out = Vec::new();
    let form = &filing.document_type;
    let amendment = if form.is_amendment() {
        match filing.date_of_original_submission {
            Some(d) => format!("{form}, amends the filing of {d}"),
            None => format!("{form}, amendment (original date not filed)"),
        }
    } else {
        form.to_string()
    };
    out.push(item("Form", amendment, form.is_amendment()));
    if let Some(d) = filing.filing_date {
        out.push(item("Filed", d.to_string(), false));
    }
    if let Some(d) = filing.period_of_report {
        out.push(item("Period", d.to_string(), false));
    }
    let plan = Plan::of(filing);
    out.push(item(
        "10b5-1 plan",
        plan.as_str().to_string(),
        plan == Plan::Yes,
    ));
    if !matches!(form, FormType::Form3 | FormType::Form3A) {
        let ns = filing.flags.not_subject_to_section16;
        let text = match ns {
            Some(true) => "no longer subject (box ticked)",
            Some(false) => "subject",
            None => "box not filed",
        };
        out.push(item("Section 16", text.to_string(), ns == Some(true)));
    }
    if let Some(b) = filing.flags.no_securities_owned {
        out.push(item("No securities", yes_no(Some(b)).to_string(), b));
    }
    if let Some(b) = filing.flags.form3_holdings_reported {
        out.push(item("Form 3 holdings", yes_no(Some(b)).to_string(), false));
    }
    if let Some(b) = filing.flags.form4_transactions_reported {
        out.push(item("Form 4 trades", yes_no(Some(b)).to_string(), false));
    }
    if let Some(r) = &filing.remarks {
        out.push(item("Remarks", crate::text::clip(r).into_owned(), false));
    }
    for s in &filing.signatures {
        let value = match s.date {
            Some(d) => format!("{} ({d})", s.name),
            None => s.name.to_string(),
        };
        out.push(item("Signature", value, false));
    }
    if let Some(a) = &filing.accession_number {
        out.push(item("Accession", a.to_string(), false));
    }
    let source = &filing.source;
    let at = match source.line {
        Some(l) => format!("{}:{l} ({})", source.path, source.kind.as_str()),
        None => format!("{} ({})", source.path, source.kind.as_str()),
    };
    out.push(item("Source", at, false));
    for s in &filing.also_in {
        out.push(item("Also in", s.path.to_string(), false));
    }
    if let Some(v) = &filing.schema_version {
        out.push(item("Schema", v.to_string(), false));
    }
    out
}

/// Width of the label column in the detail pane.
pub const DETAIL_LABEL: usize = 15;

/// One drawn line of the detail pane: a label on an item's first line, then the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLine {
    /// The label, on the first line of an item.
    pub label: Option<&'static str>,
    /// The text of this line.
    pub text: String,
    /// Whether the item is notable.
    pub is_notable: bool,
}

/// The detail pane's lines at `width`.
pub fn detail_lines(filing: &Filing, width: usize) -> Vec<DetailLine> {
    let text_width = width.saturating_sub(DETAIL_LABEL + 1).max(1);
    let mut out = Vec::new();
    for item in detail_items(filing) {
        let clean = crate::text::shown(&item.value);
        for (i, line) in wrap(&clean, text_width).into_iter().enumerate() {
            out.push(DetailLine {
                label: (i == 0).then_some(item.label),
                text: line,
                is_notable: item.is_notable,
            });
        }
    }
    out
}

/// A popup's content: a title and paragraphs, each with an optional lead (a footnote
/// marker or a label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Popup {
    /// Title.
    pub title: String,
    /// Paragraphs: lead, text, and whether to mark it.
    pub paragraphs: Vec<(String, String, bool)>,
}

/// The popup lines at `width`: each paragraph wrapped under its lead, a blank line
/// between paragraphs. Each line says whether it is marked.
pub fn popup_lines(popup: &Popup, width: usize) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for (i, (lead, text, marked)) in popup.paragraphs.iter().enumerate() {
        if i > 0 {
            out.push((String::new(), false));
        }
        let lead = crate::text::shown(lead);
        let indent = super::wrap::width(&lead) + usize::from(!lead.is_empty());
        let clean = crate::text::shown(text);
        for (j, line) in wrap(&clean, width.saturating_sub(indent).max(1))
            .into_iter()
            .enumerate()
        {
            let head = if j == 0 && !lead.is_empty() {
                format!("{lead} ")
            } else {
                " ".repeat(indent)
            };
            out.push((format!("{head}{line}"), *marked));
        }
    }
    out
}

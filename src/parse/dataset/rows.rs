//! Records to model items: one function per table, reading columns by name, warning
//! (with line and column) on any value it cannot read and keeping the rest of the row.

use super::columns::{Columns, ValueColumn};
use super::table::{Keyed, TableName, Tables};
use super::tsv::{self, Chunk, Record};
use super::Budget;
use crate::model::{
    add_footnote, AcquiredDisposed, Address, Coding, DirectIndirect, Filing, Footnote, FootnoteId,
    FootnoteIds, FormType, Fv, Issuer, Relationship, ReportingOwner, Row, RowKind, Signature,
    Source, SourceKind, Table, Text, Timeliness, TransactionCode, MAX_VALUE_FOOTNOTES,
};
use crate::parse::values;
use crate::parse::MAX_LISTED_WARNINGS;

/// Column positions of one table, found once from its header.
pub struct Layout {
    table: TableName,
    columns: Columns,
    acc: usize,
    row: RowColumns,
    submission: SubmissionColumns,
    owner: OwnerColumns,
    footnote_id: Option<usize>,
    footnote_text: Option<usize>,
    signature_name: Option<usize>,
    signature_date: Option<usize>,
}

/// The columns of SUBMISSION (absent ones are `None`).
struct SubmissionColumns {
    filing_date: Option<usize>,
    period: Option<usize>,
    original_date: Option<usize>,
    no_securities: Option<usize>,
    not_section16: Option<usize>,
    form3_holdings: Option<usize>,
    form4_transactions: Option<usize>,
    document_type: Option<usize>,
    issuer_cik: Option<usize>,
    issuer_name: Option<usize>,
    issuer_symbol: Option<usize>,
    remarks: Option<usize>,
    aff10b5_one: Option<usize>,
}

/// The columns of REPORTINGOWNER (absent ones are `None`).
struct OwnerColumns {
    cik: Option<usize>,
    name: Option<usize>,
    relationship: Option<usize>,
    title: Option<usize>,
    other_text: Option<usize>,
    street1: Option<usize>,
    street2: Option<usize>,
    city: Option<usize>,
    state: Option<usize>,
    zip: Option<usize>,
    state_description: Option<usize>,
}

/// The value columns of the four row tables (absent ones are `None`).
#[derive(Default)]
struct RowColumns {
    sk: Option<usize>,
    security_title: ValueColumn,
    conversion_price: ValueColumn,
    transaction_date: ValueColumn,
    deemed_date: ValueColumn,
    form_type: ValueColumn,
    code: Option<usize>,
    equity_swap: Option<usize>,
    code_footnotes: Option<usize>,
    timeliness: ValueColumn,
    shares: ValueColumn,
    total_value: ValueColumn,
    price: ValueColumn,
    acquired_disposed: ValueColumn,
    exercise_date: ValueColumn,
    expiration_date: ValueColumn,
    underlying_title: ValueColumn,
    underlying_shares: ValueColumn,
    underlying_value: ValueColumn,
    shares_following: ValueColumn,
    value_following: ValueColumn,
    direct_indirect: ValueColumn,
    nature: ValueColumn,
}

impl Layout {
    /// The layout of `table` from its header; an error when the header lacks
    /// `ACCESSION_NUMBER`, the key every table joins on.
    pub fn new(table: TableName, columns: Columns) -> Result<Layout, String> {
        let acc = columns.get("ACCESSION_NUMBER").ok_or_else(|| {
            format!(
                "the header has no ACCESSION_NUMBER column, so {} cannot be joined",
                table.file_name()
            )
        })?;
        let c = &columns;
        let row = RowColumns {
            sk: c.find(&[
                "NONDERIV_TRANS_SK",
                "NONDERIV_HOLDING_SK",
                "DERIV_TRANS_SK",
                "DERIV_HOLDING_SK",
            ]),
            security_title: c.value("SECURITY_TITLE"),
            conversion_price: c.value("CONV_EXERCISE_PRICE"),
            transaction_date: c.value("TRANS_DATE"),
            deemed_date: c.value("DEEMED_EXECUTION_DATE"),
            form_type: c.value("TRANS_FORM_TYPE"),
            code: c.get("TRANS_CODE"),
            equity_swap: c.get("EQUITY_SWAP_INVOLVED"),
            code_footnotes: c.find(&["EQUITY_SWAP_TRANS_CD_FN", "EQUITY_SWAP_INVOLVED_FN"]),
            timeliness: c.value("TRANS_TIMELINESS"),
            shares: c.value("TRANS_SHARES"),
            total_value: c.value("TRANS_TOTAL_VALUE"),
            price: c.value("TRANS_PRICEPERSHARE"),
            acquired_disposed: c.value("TRANS_ACQUIRED_DISP_CD"),
            // SEC spelling: EXCERCISE_DATE in DERIV_TRANS, EXERCISE_DATE in DERIV_HOLDING.
            exercise_date: if c.get("EXCERCISE_DATE").is_some() {
                c.value("EXCERCISE_DATE")
            } else {
                c.value("EXERCISE_DATE")
            },
            expiration_date: c.value("EXPIRATION_DATE"),
            underlying_title: c.value("UNDLYNG_SEC_TITLE"),
            underlying_shares: c.value("UNDLYNG_SEC_SHARES"),
            underlying_value: c.value("UNDLYNG_SEC_VALUE"),
            shares_following: c.value("SHRS_OWND_FOLWNG_TRANS"),
            value_following: c.value("VALU_OWND_FOLWNG_TRANS"),
            direct_indirect: c.value("DIRECT_INDIRECT_OWNERSHIP"),
            nature: c.value("NATURE_OF_OWNERSHIP"),
        };
        let submission = SubmissionColumns {
            filing_date: c.get("FILING_DATE"),
            period: c.get("PERIOD_OF_REPORT"),
            original_date: c.get("DATE_OF_ORIG_SUB"),
            no_securities: c.get("NO_SECURITIES_OWNED"),
            not_section16: c.get("NOT_SUBJECT_SEC16"),
            form3_holdings: c.find(&["FORM3_HOLDINGS_REPORTED", "FORM3_HOLDING_REPORTED"]),
            form4_transactions: c.find(&["FORM4_TRANS_REPORTED", "FORM4_TRANSACTIONS_REPORTED"]),
            document_type: c.get("DOCUMENT_TYPE"),
            issuer_cik: c.get("ISSUERCIK"),
            issuer_name: c.get("ISSUERNAME"),
            issuer_symbol: c.get("ISSUERTRADINGSYMBOL"),
            remarks: c.get("REMARKS"),
            aff10b5_one: c.get("AFF10B5ONE"),
        };
        let owner = OwnerColumns {
            cik: c.get("RPTOWNERCIK"),
            name: c.get("RPTOWNERNAME"),
            relationship: c.get("RPTOWNER_RELATIONSHIP"),
            title: c.get("RPTOWNER_TITLE"),
            other_text: c.get("RPTOWNER_TXT"),
            street1: c.get("RPTOWNER_STREET1"),
            street2: c.get("RPTOWNER_STREET2"),
            city: c.get("RPTOWNER_CITY"),
            state: c.get("RPTOWNER_STATE"),
            zip: c.get("RPTOWNER_ZIPCODE"),
            state_description: c.get("RPTOWNER_STATE_DESC"),
        };
        Ok(Layout {
            table,
            acc,
            row,
            submission,
            owner,
            footnote_id: c.get("FOOTNOTE_ID"),
            footnote_text: c.get("FOOTNOTE_TXT"),
            signature_name: c.get("OWNERSIGNATURENAME"),
            signature_date: c.get("OWNERSIGNATUREDATE"),
            columns,
        })
    }
}

/// Warnings of one chunk: the first [`MAX_LISTED_WARNINGS`] with their lines, the rest
/// counted.
#[derive(Debug, Default)]
pub struct Warnings {
    /// (line, message), in line order.
    pub listed: Vec<(u32, String)>,
    /// Warnings past the first [`MAX_LISTED_WARNINGS`].
    pub unlisted: usize,
}

impl Warnings {
    /// Lists the warning, or counts it once [`MAX_LISTED_WARNINGS`] are listed.
    fn push(&mut self, line: u32, message: String) {
        if self.listed.len() < MAX_LISTED_WARNINGS {
            self.listed.push((line, message));
        } else {
            self.unlisted += 1;
        }
    }
}

/// What one chunk produced.
pub struct ChunkOut {
    /// Index of the table file.
    pub file: usize,
    /// Items, keyed by accession.
    pub tables: Tables,
    /// Warnings, with the line each is about.
    pub warnings: Warnings,
    /// The line where reading stopped, the quarter's budget spent.
    pub cut: Option<u32>,
}

/// The most distinct texts one interner holds. One past half of this is not lent again:
/// the next chunk starts a fresh one, so the texts of long-gone quarters are let go.
const MAX_SHARED: usize = 1 << 20;

/// Shares repeated strings within a chunk and, lent by [`SharedTexts`], across the chunks
/// and quarters of a load: accession numbers repeat on every row of a filing, security
/// titles, names and footnote texts across filings.
#[derive(Default)]
struct Interner {
    /// Each text with its hash, so that growing the table never hashes a text again.
    set: hashbrown::HashTable<(u64, Text)>,
    /// The last accession number seen: a filing's rows mostly sit together.
    last_key: Option<Text>,
    /// `F1`…`F63`, the footnote ids nearly every cell holds, by number.
    footnote_ids: Vec<Option<Text>>,
    /// The last text read from each column: rows of one filing sit together and often
    /// repeat a title or a name, which is then shared without hashing it again.
    recent: Vec<Option<Text>>,
}

/// The interners of one load, lent to one chunk at a time and handed back when it is
/// done: a title, name or footnote met in one quarter is the very same shared text in the
/// next, which the store then recognises by its address instead of by its bytes.
#[derive(Default)]
pub struct SharedTexts {
    idle: std::sync::Mutex<Vec<Interner>>,
}

impl SharedTexts {
    /// An interner for a chunk of `lines` lines: one handed back earlier, or a new one
    /// when none is idle or the idle one has grown past half its bound.
    fn take(&self, lines: usize) -> Interner {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(mut interner) if interner.set.len() < MAX_SHARED / 2 => {
                interner.last_key = None;
                interner
            }
            _ => Interner::with_capacity(lines),
        }
    }

    /// Hands an interner back for the next chunk.
    fn give_back(&self, interner: Interner) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(interner);
        }
    }
}

impl Interner {
    /// The accession of a row, reusing the previous row's when it is the same.
    fn key(&mut self, s: &str) -> Text {
        if let Some(t) = &self.last_key {
            if **t == *s {
                return t.clone();
            }
        }
        let t = Text::from(s);
        self.last_key = Some(t.clone());
        t
    }

    /// A footnote id, normalised like [`FootnoteId::new`]. Ids repeat across every
    /// filing (`F1`, `F2`, …): one copy of each is shared, and `F<n>` for small `n` is
    /// found without hashing.
    fn footnote_id(&mut self, raw: &str) -> FootnoteId {
        let text = raw.trim();
        if text.bytes().any(|b| b.is_ascii_lowercase()) {
            return FootnoteId::new(text);
        }
        let n = match text.as_bytes() {
            [b'F', d] if d.is_ascii_digit() => usize::from(d - b'0'),
            [b'F', d1, d2] if d1.is_ascii_digit() && d2.is_ascii_digit() => {
                usize::from(d1 - b'0') * 10 + usize::from(d2 - b'0')
            }
            _ => return FootnoteId(self.get(text)),
        };
        if n >= 64 {
            return FootnoteId(self.get(text));
        }
        if self.footnote_ids.len() <= n {
            self.footnote_ids.resize(n + 1, None);
        }
        let text = match self.footnote_ids.get_mut(n) {
            Some(Some(t)) => t.clone(),
            Some(slot) => {
                let t = Text::from(text);
                *slot = Some(t.clone());
                t
            }
            None => self.get(text),
        };
        FootnoteId(text)
    }

    /// Room for about `texts` distinct texts without growing.
    fn with_capacity(texts: usize) -> Interner {
        Interner {
            set: hashbrown::HashTable::with_capacity(texts.min(MAX_SHARED)),
            ..Interner::default()
        }
    }

    /// One shared copy of the text `s` read from column `col`.
    fn in_column(&mut self, col: usize, s: &str) -> Text {
        if let Some(Some(t)) = self.recent.get(col) {
            if **t == *s {
                return t.clone();
            }
        }
        let t = self.get(s);
        if let Some(slot) = self.recent.get_mut(col) {
            *slot = Some(t.clone());
        }
        t
    }

    /// One shared copy of a repeated text (titles, names, footnote texts).
    fn get(&mut self, s: &str) -> Text {
        use std::hash::BuildHasher;
        let h = rustc_hash::FxBuildHasher.hash_one(s);
        let full = self.set.len() >= MAX_SHARED;
        match self.set.entry(
            h,
            |(stored, t)| *stored == h && **t == *s,
            |(stored, _)| *stored,
        ) {
            hashbrown::hash_table::Entry::Occupied(e) => e.get().1.clone(),
            hashbrown::hash_table::Entry::Vacant(v) => {
                let text = Text::from(s);
                if !full {
                    v.insert((h, text.clone()));
                }
                text
            }
        }
    }
}

/// A record being read, with what a warning needs to say where it is.
struct Rec<'r> {
    rec: Record<'r>,
    layout: &'r Layout,
    line: u32,
    warnings: &'r mut Warnings,
    interner: &'r mut Interner,
    /// False when the whole chunk holds no control character: fields need no check.
    check_controls: bool,
}

impl<'r> Rec<'r> {
    fn str(&self, col: Option<usize>) -> Option<&'r str> {
        field(self.rec, col)
    }

    fn text(&mut self, col: Option<usize>) -> Option<Text> {
        let col = col?;
        let raw = field(self.rec, Some(col))?;
        if self.check_controls && crate::text::has_control(raw) {
            self.warn(
                Some(col),
                "holds control characters (terminal escapes?); they are never shown".into(),
            );
        }
        Some(self.interner.in_column(col, raw))
    }

    fn warn(&mut self, col: Option<usize>, message: String) {
        let name = col.map_or("?", |c| self.layout.columns.name(c)).to_string();
        self.warnings
            .push(self.line, format!("column {name}: {message}"));
    }

    fn convert<T>(
        &mut self,
        col: Option<usize>,
        f: impl FnOnce(&str) -> Result<Option<T>, String>,
    ) -> Option<T> {
        let result = f(self.str(col)?);
        match result {
            Ok(v) => v,
            Err(m) => {
                self.warn(col, m);
                None
            }
        }
    }

    fn footnotes(&mut self, col: Option<usize>) -> FootnoteIds {
        let mut ids = FootnoteIds::new();
        let Some(raw) = field(self.rec, col) else {
            return ids;
        };
        let mut full = false;
        for part in raw.split(',') {
            let part = part.trim_ascii();
            if part.is_empty() {
                continue;
            }
            let id = self.interner.footnote_id(part);
            if !add_footnote(&mut ids, id) && !std::mem::replace(&mut full, true) {
                self.warn(
                    col,
                    format!("more than {MAX_VALUE_FOOTNOTES} footnote ids: the rest are left out"),
                );
            }
        }
        ids
    }

    fn fv<T>(
        &mut self,
        vc: ValueColumn,
        f: impl FnOnce(&str) -> Result<Option<T>, String>,
    ) -> Fv<T> {
        let value = self.convert(vc.value, f);
        Fv::with_footnotes(value, self.footnotes(vc.footnotes))
    }

    fn fv_text(&mut self, vc: ValueColumn) -> Fv<Text> {
        let value = self.text(vc.value);
        Fv::with_footnotes(value, self.footnotes(vc.footnotes))
    }

    fn boolean(&mut self, col: Option<usize>) -> Option<bool> {
        self.convert(col, values::boolean)
    }

    fn date(&mut self, col: Option<usize>) -> Option<chrono::NaiveDate> {
        self.convert(col, values::dmy_date)
    }
}

/// A field of a record without surrounding spaces and tabs; `None` when absent or empty.
fn field<'r>(rec: Record<'r>, col: Option<usize>) -> Option<&'r str> {
    let b = rec.get(col?)?.trim_ascii();
    (!b.is_empty()).then_some(b)
}

/// Parses one chunk of one table, sharing texts through `texts`, as far as `budget`
/// allows.
pub fn parse_chunk(
    file: usize,
    layout: &Layout,
    chunk: &Chunk<'_>,
    texts: &SharedTexts,
    budget: &Budget,
) -> ChunkOut {
    let mut out = ChunkOut {
        file,
        tables: Tables::default(),
        warnings: Warnings::default(),
        cut: None,
    };
    let mut interner = texts.take(chunk.lines);
    interner.recent.clear();
    interner.recent.resize(layout.columns.len(), None);
    let mut splitter = tsv::Splitter::default();
    let width = layout.columns.len();
    // The chunk's rows are counted against the quarter's budget before any is read: as
    // many as it has lines, at the most one row can cost.
    let cost = row_cost(layout.table);
    let allowed = budget.take_up_to((chunk.lines + 1).saturating_mul(cost)) / cost;
    let mut read = 0;
    match layout.table {
        TableName::Submission => out.tables.submissions.reserve(allowed),
        TableName::ReportingOwner => out.tables.owners.reserve(allowed),
        TableName::Footnotes => out.tables.footnotes.reserve(allowed),
        TableName::OwnerSignature => out.tables.signatures.reserve(allowed),
        _ => out.tables.rows.reserve(allowed),
    }
    // One validation pass for the whole chunk; fields are then slices of valid text. The
    // published files are ASCII; a damaged byte becomes U+FFFD.
    let text = match std::str::from_utf8(chunk.bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => String::from_utf8_lossy(chunk.bytes),
    };
    // Tabs and line ends are the format's own; any other control is worth a warning.
    let check_controls = crate::text::has_control(&text);
    for (line, text_line) in tsv::lines(&text, chunk.first_line) {
        if text_line.trim().is_empty() {
            continue;
        }
        if read == allowed {
            out.cut = Some(line);
            break;
        }
        read += 1;
        let record = match splitter.split(text_line) {
            Ok(r) => r,
            Err(e) => {
                out.warnings.push(line, e);
                continue;
            }
        };
        if record.len() != width {
            out.warnings.push(
                line,
                format!(
                    "row has {} fields, the header has {width}: row skipped",
                    record.len()
                ),
            );
            continue;
        }
        let mut rec = Rec {
            check_controls,
            rec: record,
            layout,
            line,
            warnings: &mut out.warnings,
            interner: &mut interner,
        };
        let Some(acc) = field(rec.rec, Some(layout.acc)).map(|b| rec.interner.key(b)) else {
            out.warnings
                .push(line, "column ACCESSION_NUMBER: empty; row skipped".into());
            continue;
        };
        let t = &mut out.tables;
        match layout.table {
            TableName::Submission => {
                t.submissions
                    .push(keyed(acc, file, line, submission(&mut rec)))
            }
            TableName::ReportingOwner => t.owners.push(keyed(acc, file, line, owner(&mut rec))),
            TableName::Footnotes => {
                let id = rec
                    .str(layout.footnote_id)
                    .map(|raw| rec.interner.footnote_id(raw));
                let text = rec.text(layout.footnote_text);
                match id {
                    Some(id) => t.footnotes.push(keyed(
                        acc,
                        file,
                        line,
                        Footnote {
                            id,
                            text: text.unwrap_or_else(|| Text::from("")),
                        },
                    )),
                    None => rec.warn(layout.footnote_id, "empty footnote id; row skipped".into()),
                }
            }
            TableName::OwnerSignature => {
                let name = rec.text(layout.signature_name);
                let date = rec.date(layout.signature_date);
                t.signatures.push(keyed(
                    acc,
                    file,
                    line,
                    Signature {
                        name: name.unwrap_or_else(|| Text::from("")),
                        date,
                    },
                ));
            }
            TableName::NonDerivTrans => t.rows.push(table_row(
                acc,
                file,
                line,
                &mut rec,
                Table::NonDerivative,
                RowKind::Transaction,
            )),
            TableName::NonDerivHolding => t.rows.push(table_row(
                acc,
                file,
                line,
                &mut rec,
                Table::NonDerivative,
                RowKind::Holding,
            )),
            TableName::DerivTrans => t.rows.push(table_row(
                acc,
                file,
                line,
                &mut rec,
                Table::Derivative,
                RowKind::Transaction,
            )),
            TableName::DerivHolding => t.rows.push(table_row(
                acc,
                file,
                line,
                &mut rec,
                Table::Derivative,
                RowKind::Holding,
            )),
        }
    }
    texts.give_back(interner);
    budget.give_back((allowed - read) * cost);
    out
}

/// The most memory one row of `table` can cost once read: its item, and a filing of its
/// own should its accession be new.
pub(super) fn row_cost(table: TableName) -> usize {
    use std::mem::size_of;
    size_of::<Filing>()
        + match table {
            TableName::Submission => size_of::<Keyed<Filing>>(),
            TableName::ReportingOwner => size_of::<Keyed<ReportingOwner>>(),
            TableName::Footnotes => size_of::<Keyed<Footnote>>(),
            TableName::OwnerSignature => size_of::<Keyed<Signature>>(),
            _ => size_of::<Keyed<(i64, Row)>>(),
        }
}

fn keyed<T>(acc: Text, file: usize, line: u32, item: T) -> Keyed<T> {
    Keyed {
        acc,
        file,
        line,
        item,
    }
}

fn submission(rec: &mut Rec<'_>) -> Filing {
    let c = &rec.layout.submission;
    let empty = rec.interner.get("");
    let form = rec
        .str(c.document_type)
        .map_or_else(|| FormType::Other(empty.clone()), FormType::parse);
    // A header without the column leaves every form unknown, as any absent column
    // leaves its field empty; a filed type that is not a known form is worth a warning.
    if !form.is_known() && c.document_type.is_some() {
        rec.warn(
            c.document_type,
            format!("unknown document type {:?}", form.as_str()),
        );
    }
    let mut f = Filing::new(
        form,
        Source {
            path: empty,
            kind: SourceKind::DataSet,
            line: Some(rec.line),
        },
    );
    f.filing_date = rec.date(c.filing_date);
    f.period_of_report = rec.date(c.period);
    f.date_of_original_submission = rec.date(c.original_date);
    f.flags.no_securities_owned = rec.boolean(c.no_securities);
    f.flags.not_subject_to_section16 = rec.boolean(c.not_section16);
    f.flags.form3_holdings_reported = rec.boolean(c.form3_holdings);
    f.flags.form4_transactions_reported = rec.boolean(c.form4_transactions);
    f.issuer = Issuer {
        cik: rec.text(c.issuer_cik),
        name: rec.text(c.issuer_name),
        trading_symbol: rec.text(c.issuer_symbol),
        ..Issuer::default()
    };
    f.remarks = rec.text(c.remarks);
    f.flags.aff10b5_one = rec.boolean(c.aff10b5_one);
    f
}

/// True when a relationship as filed (`TenPercentOwner`, `10% Owner`, `ten_percent_owner`)
/// names `role` (upper case, no spaces or underscores).
fn names_role(filed: &str, role: &str) -> bool {
    filed
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'_'))
        .map(|b| b.to_ascii_uppercase())
        .eq(role.bytes())
}

fn owner(rec: &mut Rec<'_>) -> ReportingOwner {
    let c = &rec.layout.owner;
    let mut relationship = Relationship {
        officer_title: rec.text(c.title),
        other_text: rec.text(c.other_text),
        ..Relationship::default()
    };
    if let Some(roles) = rec.str(c.relationship) {
        for role in roles.split(',').map(str::trim).filter(|r| !r.is_empty()) {
            if names_role(role, "DIRECTOR") {
                relationship.is_director = true;
            } else if names_role(role, "OFFICER") {
                relationship.is_officer = true;
            } else if names_role(role, "TENPERCENTOWNER") || names_role(role, "10%OWNER") {
                relationship.is_ten_percent_owner = true;
            } else if names_role(role, "OTHER") {
                relationship.is_other = true;
            } else {
                rec.warn(c.relationship, format!("unknown relationship {role:?}"));
            }
        }
    }
    ReportingOwner {
        cik: rec.text(c.cik),
        name: rec.text(c.name),
        address: Address {
            street1: rec.text(c.street1),
            street2: rec.text(c.street2),
            city: rec.text(c.city),
            state: rec.text(c.state),
            zip: rec.text(c.zip),
            state_description: rec.text(c.state_description),
            ..Address::default()
        },
        relationship,
    }
}

fn table_row(
    acc: Text,
    file: usize,
    line: u32,
    rec: &mut Rec<'_>,
    table: Table,
    kind: RowKind,
) -> Keyed<(i64, Row)> {
    let c = &rec.layout.row;
    let sk_col = c.sk;
    let mut row = Row::new(table, kind);
    row.line = Some(line);
    row.security_title = rec.fv_text(c.security_title);
    row.transaction_date = rec.fv(c.transaction_date, values::dmy_date);
    row.deemed_execution_date = rec.fv(c.deemed_date, values::dmy_date);
    let form_type = rec.fv_text(c.form_type);
    let code_col = c.code;
    let code = rec.str(code_col).and_then(TransactionCode::parse);
    if let Some(TransactionCode::Other(t)) = &code {
        rec.warn(
            code_col,
            format!("unknown transaction code {t:?}, kept as filed"),
        );
    }
    let equity_swap = rec.boolean(c.equity_swap);
    let mut code_notes = rec.footnotes(c.code_footnotes);
    for id in form_type.footnotes.iter() {
        add_footnote(&mut code_notes, id.clone());
    }
    if form_type.value.is_some()
        || code.is_some()
        || equity_swap.is_some()
        || !code_notes.is_empty()
    {
        row.coding = Some(Coding {
            form_type: form_type.value,
            code,
            equity_swap_involved: equity_swap,
            footnotes: code_notes,
        });
    }
    let c = &rec.layout.row;
    let (timeliness, shares, total, price, ad) = (
        c.timeliness,
        c.shares,
        c.total_value,
        c.price,
        c.acquired_disposed,
    );
    row.timeliness = rec.fv(timeliness, |s| {
        Timeliness::parse(s)
            .map(Some)
            .ok_or_else(|| format!("timeliness is E or L, not {s:?}"))
    });
    row.shares = rec.fv(shares, values::decimal);
    row.total_value = rec.fv(total, values::decimal);
    row.price_per_share = rec.fv(price, values::decimal);
    row.acquired_disposed = rec.fv(ad, |s| {
        AcquiredDisposed::parse(s)
            .map(Some)
            .ok_or_else(|| format!("acquired/disposed code is A or D, not {s:?}"))
    });
    let c = &rec.layout.row;
    let (sf, vf, di, nature) = (
        c.shares_following,
        c.value_following,
        c.direct_indirect,
        c.nature,
    );
    row.shares_owned_following = rec.fv(sf, values::decimal);
    row.value_owned_following = rec.fv(vf, values::decimal);
    row.direct_indirect = rec.fv(di, |s| {
        DirectIndirect::parse(s)
            .map(Some)
            .ok_or_else(|| format!("ownership form is D or I, not {s:?}"))
    });
    row.nature_of_ownership = rec.fv_text(nature);
    if table == Table::Derivative {
        let c = &rec.layout.row;
        let (cp, ed, xd, ut, us, uv) = (
            c.conversion_price,
            c.exercise_date,
            c.expiration_date,
            c.underlying_title,
            c.underlying_shares,
            c.underlying_value,
        );
        let d = row.derivative.get_or_insert_with(Box::default);
        d.conversion_or_exercise_price = rec.fv(cp, values::decimal);
        d.exercise_date = rec.fv(ed, values::dmy_date);
        d.expiration_date = rec.fv(xd, values::dmy_date);
        d.underlying_title = rec.fv_text(ut);
        d.underlying_shares = rec.fv(us, values::decimal);
        d.underlying_value = rec.fv(uv, values::decimal);
    }
    let sk = rec
        .convert(sk_col, |s| {
            s.parse::<i64>()
                .map(Some)
                .map_err(|_| format!("not a whole number: {s:?}"))
        })
        .unwrap_or(i64::MAX);
    keyed(acc, file, line, (sk, row))
}

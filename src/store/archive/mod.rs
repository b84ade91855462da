//! A compact in-memory archive of filings: each filing encoded as a few hundred bytes of
//! variable-length integers, every text replaced by its number in one shared string table.
//!
//! A million filings held as model structs cost about 4 KB each (wide structs, one
//! allocation per vector and per text); encoded here they cost a fraction of that, and a
//! text that many filings share (an issuer's name, an owner's address, a boilerplate
//! footnote) is stored once. Decoding a filing clones shared pointers, never copies text,
//! so the explorer decodes the filing it shows on demand.

mod records;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::model::{
    AcquiredDisposed, Address, Coding, DerivativeTerms, DirectIndirect, Filing, Flags, Footnote,
    FootnoteId, FootnoteIds, FormType, Fv, Issuer, Relationship, ReportingOwner, Row, RowKind,
    Signature, Source, SourceKind, Table, Text, Timeliness, TransactionCode,
};
use records::{RecordMemo, Records};

/// Filings encoded end to end, with the string table they share.
#[derive(Default, Clone)]
pub struct Archive {
    /// Encoded filings in blocks of [`BLOCK`] bytes or more: a block is never moved once
    /// written, so the archive grows without copying what it holds.
    blocks: Vec<Vec<u8>>,
    /// Where each filing's bytes start (filings rewritten by [`Archive::replace`] are
    /// found in `moved` instead), as a [`Span`] start.
    starts: Vec<Pos>,
    /// Filings rewritten at the end of the bytes: index → (start, end in its block).
    moved: FxHashMap<u32, (Pos, u32)>,
    texts: Texts,
    parties: Parties,
    /// Texts and records met in earlier batches, by address.
    memo: Memo,
    seen: PartyMemo,
    /// Encoding of the filing being written, before it goes into a block.
    scratch: Vec<u8>,
}

/// Size of a block of encoded filings.
const BLOCK: usize = 8 << 20;

/// A position in the blocks: block number and offset in it.
#[derive(Debug, Clone, Copy)]
struct Pos {
    block: u32,
    offset: u32,
}

/// The string table: every distinct text once, numbered in order of arrival. The hash
/// table holds each text's number and the high half of its hash (so growing the table
/// never reads the texts again, and most mismatches are told apart without reading
/// them); the texts themselves sit once, in `strings`.
#[derive(Default, Clone)]
struct Texts {
    strings: Vec<Text>,
    ids: hashbrown::HashTable<(u32, u32)>,
}

/// The hash of a text's bytes (or a record's key), reduced to 32 bits.
fn text_hash(b: &[u8]) -> u32 {
    use std::hash::BuildHasher;
    (rustc_hash::FxBuildHasher.hash_one(b) >> 32) as u32
}

/// Appends `v` as a variable-length integer: seven bits a byte, low bits first.
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Texts of an issuer record: CIK, name, trading symbol, foreign trading symbol, SIC,
/// state of incorporation.
const ISSUER_FIELDS: usize = 6;

/// Texts of an owner record: CIK, name, and the eight texts of the address.
const OWNER_FIELDS: usize = 10;

/// Issuers and owners as records (see [`records`]).
#[derive(Default, Clone)]
struct Parties {
    issuers: Records<ISSUER_FIELDS>,
    owners: Records<OWNER_FIELDS>,
}

/// Records met in earlier batches, and room to build a record's key.
#[derive(Default, Clone)]
struct PartyMemo {
    issuers: RecordMemo<ISSUER_FIELDS>,
    owners: RecordMemo<OWNER_FIELDS>,
    scratch: Vec<u8>,
}

impl PartyMemo {
    /// Forgets every record once either memo holds more than [`RecordMemo::MOST`].
    fn trim(&mut self) {
        if self.issuers.len() > RecordMemo::<ISSUER_FIELDS>::MOST
            || self.owners.len() > RecordMemo::<OWNER_FIELDS>::MOST
        {
            self.issuers = RecordMemo::default();
            self.owners = RecordMemo::default();
        }
    }
}

/// The table's 64-bit hash, spread back out of the stored 32 bits (the table takes its
/// slot from the low bits and its tag from the top ones).
fn spread(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Texts {
    fn intern(&mut self, t: &Text) -> u32 {
        let strings = &self.strings;
        let h = text_hash(t.as_bytes());
        let same = |&(id, stored): &(u32, u32)| {
            stored == h && strings.get(id as usize).is_some_and(|s| **s == **t)
        };
        if let Some(&(id, _)) = self.ids.find(spread(h), same) {
            return id;
        }
        let id = u32::try_from(self.strings.len()).unwrap_or(u32::MAX);
        self.strings.push(t.clone());
        self.ids
            .insert_unique(spread(h), (id, h), |&(_, stored)| spread(stored));
        id
    }
}

/// Numbers of texts met earlier, by address. Readers share repeated texts (one allocation
/// for a footnote a whole quarter repeats), so most texts of a batch are found here
/// without hashing or comparing their contents. Each slot holds its text, so the address
/// it is found by cannot be freed and reused while it is remembered; the memo therefore
/// stays valid from one batch to the next (a quarter arrives in several).
#[derive(Default, Clone)]
struct Memo {
    slots: Vec<(Option<Text>, u32)>,
}

/// Most slots of a [`Memo`]: a power of two (12 MiB).
const MEMO_SLOTS: usize = 1 << 19;

impl Memo {
    /// Grows the memo to about a dozen texts per filing of a batch of `filings` (none for
    /// a handful of filings, which are cheaper to look up than to remember).
    fn reserve(&mut self, filings: usize) {
        let slots = match filings {
            0..=64 => 0,
            n => (n * 16).next_power_of_two().min(MEMO_SLOTS),
        };
        if slots > self.slots.len() {
            self.slots = vec![(None, 0); slots];
        }
    }

    fn intern(&mut self, texts: &mut Texts, t: &Text) -> u32 {
        let addr = t.as_ptr() as usize;
        let mask = self.slots.len().wrapping_sub(1);
        let slot = self
            .slots
            .get_mut((addr >> 4 ^ addr >> 18) & mask)
            .filter(|_| mask != usize::MAX);
        match slot {
            Some((Some(held), id)) if held.as_ptr() as usize == addr => *id,
            Some(entry) => {
                let id = texts.intern(t);
                *entry = (Some(t.clone()), id);
                id
            }
            None => texts.intern(t),
        }
    }
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("filings", &self.starts.len())
            .field("blocks", &self.blocks.len())
            .field("texts", &self.texts.strings.len())
            .field("issuers", &self.parties.issuers.len())
            .field("owners", &self.parties.owners.len())
            .finish()
    }
}

impl Archive {
    /// An empty archive.
    pub fn new() -> Archive {
        Archive::default()
    }

    /// Number of filings held.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when no filing is held.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Bytes held: encoded filings, offsets and distinct texts (an estimate of the heap
    /// used, for reports).
    pub fn heap_bytes(&self) -> usize {
        let texts: usize = self.texts.strings.iter().map(|t| t.len() + 32).sum();
        let blocks: usize = self.blocks.iter().map(Vec::capacity).sum();
        blocks
            + self.starts.capacity() * 8
            + texts
            + self.texts.ids.capacity() * 9
            + self.parties.issuers.heap_bytes()
            + self.parties.owners.heap_bytes()
    }

    /// Appends a filing; returns its position.
    pub fn push(&mut self, filing: &Filing) -> usize {
        self.extend(std::slice::from_ref(filing));
        self.starts.len() - 1
    }

    /// Appends filings in order.
    pub fn extend(&mut self, filings: &[Filing]) {
        self.memo.reserve(filings.len());
        self.seen.trim();
        self.starts.reserve(filings.len());
        for filing in filings {
            let (start, _) = self.write(filing);
            self.starts.push(start);
        }
    }

    /// Replaces the filing at `index` (its new encoding goes at the end; the old bytes
    /// stay, unused). Rare: only a second copy of an accession comes here.
    pub fn replace(&mut self, index: usize, filing: &Filing) {
        let Ok(key) = u32::try_from(index) else {
            return;
        };
        if index >= self.starts.len() {
            return;
        }
        let span = self.write(filing);
        self.moved.insert(key, span);
    }

    /// Encodes `filing` at the end of the last block (a new one when it is full); returns
    /// where it starts and where it ends in its block.
    fn write(&mut self, filing: &Filing) -> (Pos, u32) {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        Writer {
            out: &mut scratch,
            texts: &mut self.texts,
            memo: &mut self.memo,
            parties: &mut self.parties,
            seen: &mut self.seen,
        }
        .filing(filing);
        let fits = self
            .blocks
            .last()
            .is_some_and(|b| b.capacity() - b.len() >= scratch.len());
        if !fits {
            self.blocks
                .push(Vec::with_capacity(BLOCK.max(scratch.len())));
        }
        let block = u32::try_from(self.blocks.len() - 1).unwrap_or(u32::MAX);
        let (offset, end) = match self.blocks.last_mut() {
            Some(b) => {
                let offset = b.len();
                b.extend_from_slice(&scratch);
                (offset, b.len())
            }
            None => (0, 0),
        };
        self.scratch = scratch;
        let to_u32 = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        (
            Pos {
                block,
                offset: to_u32(offset),
            },
            to_u32(end),
        )
    }

    /// The filing at `index`, decoded; `None` when there is no such filing.
    pub fn get(&self, index: usize) -> Option<Filing> {
        self.reader(index)?.filing()
    }

    /// The form type of the filing at `index`, read without decoding the rest of it.
    pub fn form_type(&self, index: usize) -> Option<FormType> {
        let mut r = self.reader(index)?;
        r.opt_inline()?;
        r.form()
    }

    /// A reader at the start of the filing at `index`.
    fn reader(&self, index: usize) -> Option<Reader<'_>> {
        let (start, end) = self.span(index)?;
        let block = self.blocks.get(start.block as usize)?;
        Some(Reader {
            bytes: block.get(start.offset as usize..end as usize)?,
            strings: &self.texts.strings,
            parties: &self.parties,
        })
    }

    fn span(&self, index: usize) -> Option<(Pos, u32)> {
        if !self.moved.is_empty() {
            if let Some(&span) = u32::try_from(index).ok().and_then(|k| self.moved.get(&k)) {
                return Some(span);
            }
        }
        let start = *self.starts.get(index)?;
        // Up to the next filing's start when it is in the same block; otherwise to the
        // block's end. Bytes of rewritten filings may follow, and the reader stops at the
        // end of the filing it reads.
        let end = match self.starts.get(index + 1) {
            Some(next) if next.block == start.block => next.offset,
            _ => {
                let len = self.blocks.get(start.block as usize)?.len();
                u32::try_from(len).ok()?
            }
        };
        Some((start, end))
    }
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
    texts: &'a mut Texts,
    memo: &'a mut Memo,
    parties: &'a mut Parties,
    seen: &'a mut PartyMemo,
}

impl Writer<'_> {
    fn u(&mut self, v: u64) {
        put_varint(self.out, v);
    }

    fn i(&mut self, v: i64) {
        self.u(((v << 1) ^ (v >> 63)) as u64);
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn text(&mut self, t: &Text) {
        let id = self.memo.intern(self.texts, t);
        self.u(u64::from(id));
    }

    fn opt_text(&mut self, t: Option<&Text>) {
        match t {
            None => self.u(0),
            Some(t) => {
                let id = self.memo.intern(self.texts, t);
                self.u(u64::from(id) + 1);
            }
        }
    }

    fn opt_bool(&mut self, b: Option<bool>) {
        self.byte(bool_code(b));
    }

    fn opt_u32(&mut self, v: Option<u32>) {
        match v {
            None => self.u(0),
            Some(v) => self.u(u64::from(v) + 1),
        }
    }

    fn opt_date(&mut self, d: Option<NaiveDate>) {
        match d {
            None => self.byte(0),
            Some(d) => {
                self.byte(1);
                self.i(i64::from(d.num_days_from_ce()));
            }
        }
    }

    fn opt_decimal(&mut self, d: Option<Decimal>) {
        match d {
            None => self.byte(0),
            Some(d) => {
                self.byte(1);
                self.byte(u8::try_from(d.scale()).unwrap_or(0));
                let m = d.mantissa();
                let zig = ((m << 1) ^ (m >> 127)) as u128;
                let mut v = zig;
                loop {
                    let byte = (v & 0x7f) as u8;
                    v >>= 7;
                    if v == 0 {
                        self.byte(byte);
                        break;
                    }
                    self.byte(byte | 0x80);
                }
            }
        }
    }

    fn notes(&mut self, ids: &FootnoteIds) {
        self.u(ids.len() as u64);
        for id in ids {
            self.text(&id.0);
        }
    }

    fn fv<T>(&mut self, fv: &Fv<T>, value: impl FnOnce(&mut Self, Option<&T>)) {
        value(self, fv.value.as_ref());
        self.notes(&fv.footnotes);
    }

    fn fv_text(&mut self, fv: &Fv<Text>) {
        self.fv(fv, |w, v| w.opt_text(v));
    }

    fn fv_decimal(&mut self, fv: &Fv<Decimal>) {
        self.fv(fv, |w, v| w.opt_decimal(v.copied()));
    }

    fn fv_date(&mut self, fv: &Fv<NaiveDate>) {
        self.fv(fv, |w, v| w.opt_date(v.copied()));
    }

    fn form(&mut self, f: &FormType) {
        match f {
            FormType::Form3 => self.byte(0),
            FormType::Form3A => self.byte(1),
            FormType::Form4 => self.byte(2),
            FormType::Form4A => self.byte(3),
            FormType::Form5 => self.byte(4),
            FormType::Form5A => self.byte(5),
            FormType::Other(t) => {
                self.byte(6);
                self.text(t);
            }
        }
    }

    fn code(&mut self, c: Option<&TransactionCode>) {
        match c {
            None => self.byte(0),
            Some(TransactionCode::Other(t)) => {
                self.byte(255);
                self.text(t);
            }
            Some(c) => {
                let n = TransactionCode::ALL
                    .iter()
                    .position(|k| k == c)
                    .and_then(|p| u8::try_from(p + 1).ok())
                    .unwrap_or(0);
                self.byte(n);
            }
        }
    }

    fn issuer(&mut self, i: &Issuer) {
        let id = self.parties.issuers.intern(
            self.texts,
            self.memo,
            &mut self.seen.issuers,
            &mut self.seen.scratch,
            [
                i.cik.as_ref(),
                i.name.as_ref(),
                i.trading_symbol.as_ref(),
                i.foreign_trading_symbol.as_ref(),
                i.sic.as_ref(),
                i.state_of_incorporation.as_ref(),
            ],
            0,
        );
        self.u(u64::from(id));
    }

    /// An owner's CIK, name and address, as a record.
    fn owner(&mut self, o: &ReportingOwner) {
        let a = &o.address;
        let id = self.parties.owners.intern(
            self.texts,
            self.memo,
            &mut self.seen.owners,
            &mut self.seen.scratch,
            [
                o.cik.as_ref(),
                o.name.as_ref(),
                a.street1.as_ref(),
                a.street2.as_ref(),
                a.city.as_ref(),
                a.state.as_ref(),
                a.zip.as_ref(),
                a.state_description.as_ref(),
                a.country.as_ref(),
                a.non_us_state_territory.as_ref(),
            ],
            bool_code(a.is_non_us),
        );
        self.u(u64::from(id));
    }

    fn source(&mut self, s: &Source) {
        self.text(&s.path);
        self.byte(source_kind_code(s.kind));
        self.opt_u32(s.line);
    }

    fn row(&mut self, r: &Row) {
        self.byte(match (r.table, r.kind) {
            (Table::NonDerivative, RowKind::Transaction) => 0,
            (Table::NonDerivative, RowKind::Holding) => 1,
            (Table::Derivative, RowKind::Transaction) => 2,
            (Table::Derivative, RowKind::Holding) => 3,
        });
        self.opt_u32(r.line);
        self.fv_text(&r.security_title);
        self.fv_date(&r.transaction_date);
        self.fv_date(&r.deemed_execution_date);
        match &r.coding {
            None => self.byte(0),
            Some(c) => {
                self.byte(1);
                self.opt_text(c.form_type.as_ref());
                self.code(c.code.as_ref());
                self.opt_bool(c.equity_swap_involved);
                self.notes(&c.footnotes);
            }
        }
        self.fv(&r.timeliness, |w, v| {
            w.byte(match v {
                None => 0,
                Some(Timeliness::Early) => 1,
                Some(Timeliness::Late) => 2,
            })
        });
        self.fv_decimal(&r.shares);
        self.fv_decimal(&r.total_value);
        self.fv_decimal(&r.price_per_share);
        self.fv(&r.acquired_disposed, |w, v| {
            w.byte(match v {
                None => 0,
                Some(AcquiredDisposed::Acquired) => 1,
                Some(AcquiredDisposed::Disposed) => 2,
            })
        });
        self.fv_decimal(&r.shares_owned_following);
        self.fv_decimal(&r.value_owned_following);
        self.fv(&r.direct_indirect, |w, v| {
            w.byte(match v {
                None => 0,
                Some(DirectIndirect::Direct) => 1,
                Some(DirectIndirect::Indirect) => 2,
            })
        });
        self.fv_text(&r.nature_of_ownership);
        match r.derivative.as_deref() {
            None => self.byte(0),
            Some(d) => {
                self.byte(1);
                self.fv_decimal(&d.conversion_or_exercise_price);
                self.fv_date(&d.exercise_date);
                self.fv_date(&d.expiration_date);
                self.fv_text(&d.underlying_title);
                self.fv_decimal(&d.underlying_shares);
                self.fv_decimal(&d.underlying_value);
            }
        }
    }

    /// A text written out in full: for texts no other filing shares.
    fn opt_inline(&mut self, t: Option<&Text>) {
        match t {
            None => self.u(0),
            Some(t) => {
                self.u(t.len() as u64 + 1);
                self.out.extend_from_slice(t.as_bytes());
            }
        }
    }

    fn filing(&mut self, f: &Filing) {
        // An accession number is the filing's own: kept out of the string table.
        self.opt_inline(f.accession_number.as_ref());
        self.form(&f.document_type);
        self.opt_text(f.schema_version.as_ref());
        self.opt_date(f.period_of_report);
        self.opt_date(f.filing_date);
        match f.acceptance_datetime {
            None => self.byte(0),
            Some(t) => {
                self.byte(1);
                self.i(t.and_utc().timestamp());
            }
        }
        self.opt_date(f.date_of_original_submission);
        self.issuer(&f.issuer);
        self.u(f.owners.len() as u64);
        for o in &f.owners {
            self.owner(o);
            let r = &o.relationship;
            self.byte(
                u8::from(r.is_director)
                    | u8::from(r.is_officer) << 1
                    | u8::from(r.is_ten_percent_owner) << 2
                    | u8::from(r.is_other) << 3,
            );
            self.opt_text(r.officer_title.as_ref());
            self.opt_text(r.other_text.as_ref());
        }
        let fl = &f.flags;
        for b in [
            fl.no_securities_owned,
            fl.not_subject_to_section16,
            fl.form3_holdings_reported,
            fl.form4_transactions_reported,
            fl.aff10b5_one,
        ] {
            self.opt_bool(b);
        }
        self.u(f.rows.len() as u64);
        for r in &f.rows {
            self.row(r);
        }
        self.u(f.footnotes.len() as u64);
        for n in &f.footnotes {
            self.text(&n.id.0);
            self.text(&n.text);
        }
        self.opt_text(f.remarks.as_ref());
        self.u(f.signatures.len() as u64);
        for s in &f.signatures {
            self.text(&s.name);
            self.opt_date(s.date);
        }
        self.source(&f.source);
        self.u(f.also_in.len() as u64);
        for s in &f.also_in {
            self.source(s);
        }
    }
}

/// An optional flag as one byte: 0 absent, 1 false, 2 true.
fn bool_code(b: Option<bool>) -> u8 {
    match b {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    }
}

/// The flag [`bool_code`] wrote; `None` on a byte it did not write.
fn bool_of(code: u8) -> Option<Option<bool>> {
    match code {
        0 => Some(None),
        1 => Some(Some(false)),
        2 => Some(Some(true)),
        _ => None,
    }
}

fn source_kind_code(k: SourceKind) -> u8 {
    match k {
        SourceKind::Xml => 0,
        SourceKind::Submission => 1,
        SourceKind::FeedSubmission => 2,
        SourceKind::DataSet => 3,
        SourceKind::RenderedText => 4,
        SourceKind::RenderedHtml => 5,
        SourceKind::TypedText => 6,
    }
}

const SOURCE_KINDS: [SourceKind; 7] = [
    SourceKind::Xml,
    SourceKind::Submission,
    SourceKind::FeedSubmission,
    SourceKind::DataSet,
    SourceKind::RenderedText,
    SourceKind::RenderedHtml,
    SourceKind::TypedText,
];

/// Reads back what [`Writer`] wrote; `None` on bytes it did not write.
struct Reader<'a> {
    bytes: &'a [u8],
    strings: &'a [Text],
    parties: &'a Parties,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    fn u(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn i(&mut self) -> Option<i64> {
        let z = self.u()?;
        Some((z >> 1) as i64 ^ -((z & 1) as i64))
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.u()?).ok()
    }

    fn text(&mut self) -> Option<Text> {
        self.strings.get(self.len()?).cloned()
    }

    fn opt_text(&mut self) -> Option<Option<Text>> {
        match self.len()? {
            0 => Some(None),
            n => self.strings.get(n - 1).cloned().map(Some),
        }
    }

    fn opt_bool(&mut self) -> Option<Option<bool>> {
        bool_of(self.byte()?)
    }

    fn opt_u32(&mut self) -> Option<Option<u32>> {
        match self.u()? {
            0 => Some(None),
            n => u32::try_from(n - 1).ok().map(Some),
        }
    }

    fn opt_date(&mut self) -> Option<Option<NaiveDate>> {
        match self.byte()? {
            0 => Some(None),
            _ => {
                let days = i32::try_from(self.i()?).ok()?;
                NaiveDate::from_num_days_from_ce_opt(days).map(Some)
            }
        }
    }

    fn opt_decimal(&mut self) -> Option<Option<Decimal>> {
        match self.byte()? {
            0 => Some(None),
            _ => {
                let scale = u32::from(self.byte()?);
                let mut zig = 0u128;
                for shift in (0..128).step_by(7) {
                    let b = self.byte()?;
                    zig |= u128::from(b & 0x7f) << shift;
                    if b & 0x80 == 0 {
                        let m = (zig >> 1) as i128 ^ -((zig & 1) as i128);
                        return Decimal::try_from_i128_with_scale(m, scale).ok().map(Some);
                    }
                }
                None
            }
        }
    }

    fn notes(&mut self) -> Option<FootnoteIds> {
        let n = self.len()?;
        let mut ids = FootnoteIds::with_capacity(n.min(64));
        for _ in 0..n {
            ids.push(FootnoteId(self.text()?));
        }
        Some(ids)
    }

    fn fv<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<Option<T>>) -> Option<Fv<T>> {
        let v = value(self)?;
        Some(Fv::with_footnotes(v, self.notes()?))
    }

    fn fv_text(&mut self) -> Option<Fv<Text>> {
        self.fv(Self::opt_text)
    }

    fn fv_decimal(&mut self) -> Option<Fv<Decimal>> {
        self.fv(Self::opt_decimal)
    }

    fn fv_date(&mut self) -> Option<Fv<NaiveDate>> {
        self.fv(Self::opt_date)
    }

    fn form(&mut self) -> Option<FormType> {
        Some(match self.byte()? {
            0 => FormType::Form3,
            1 => FormType::Form3A,
            2 => FormType::Form4,
            3 => FormType::Form4A,
            4 => FormType::Form5,
            5 => FormType::Form5A,
            _ => FormType::Other(self.text()?),
        })
    }

    fn code(&mut self) -> Option<Option<TransactionCode>> {
        match self.byte()? {
            0 => Some(None),
            255 => Some(Some(TransactionCode::Other(self.text()?))),
            n => TransactionCode::ALL
                .get(usize::from(n) - 1)
                .cloned()
                .map(Some),
        }
    }

    fn small<T: Copy>(&mut self, values: &[T]) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            n => values.get(usize::from(n) - 1).copied().map(Some),
        }
    }

    fn issuer(&mut self) -> Option<Issuer> {
        let (fields, _) = self.parties.issuers.get(self.len()?, self.strings)?;
        let [cik, name, trading_symbol, foreign_trading_symbol, sic, state_of_incorporation] =
            fields;
        Some(Issuer {
            cik,
            name,
            trading_symbol,
            foreign_trading_symbol,
            sic,
            state_of_incorporation,
        })
    }

    /// An owner's CIK, name and address.
    fn owner(&mut self) -> Option<(Option<Text>, Option<Text>, Address)> {
        let (fields, extra) = self.parties.owners.get(self.len()?, self.strings)?;
        let [cik, name, street1, street2, city, state, zip, state_description, country, non_us_state_territory] =
            fields;
        let address = Address {
            street1,
            street2,
            city,
            state,
            zip,
            state_description,
            country,
            non_us_state_territory,
            is_non_us: bool_of(extra)?,
        };
        Some((cik, name, address))
    }

    fn source(&mut self) -> Option<Source> {
        Some(Source {
            path: self.text()?,
            kind: *SOURCE_KINDS.get(usize::from(self.byte()?))?,
            line: self.opt_u32()?,
        })
    }

    fn row(&mut self) -> Option<Row> {
        let (table, kind) = match self.byte()? {
            0 => (Table::NonDerivative, RowKind::Transaction),
            1 => (Table::NonDerivative, RowKind::Holding),
            2 => (Table::Derivative, RowKind::Transaction),
            _ => (Table::Derivative, RowKind::Holding),
        };
        let mut r = Row::new(table, kind);
        r.line = self.opt_u32()?;
        r.security_title = self.fv_text()?;
        r.transaction_date = self.fv_date()?;
        r.deemed_execution_date = self.fv_date()?;
        r.coding = match self.byte()? {
            0 => None,
            _ => Some(Coding {
                form_type: self.opt_text()?,
                code: self.code()?,
                equity_swap_involved: self.opt_bool()?,
                footnotes: self.notes()?,
            }),
        };
        r.timeliness = self.fv(|s| s.small(&[Timeliness::Early, Timeliness::Late]))?;
        r.shares = self.fv_decimal()?;
        r.total_value = self.fv_decimal()?;
        r.price_per_share = self.fv_decimal()?;
        r.acquired_disposed =
            self.fv(|s| s.small(&[AcquiredDisposed::Acquired, AcquiredDisposed::Disposed]))?;
        r.shares_owned_following = self.fv_decimal()?;
        r.value_owned_following = self.fv_decimal()?;
        r.direct_indirect =
            self.fv(|s| s.small(&[DirectIndirect::Direct, DirectIndirect::Indirect]))?;
        r.nature_of_ownership = self.fv_text()?;
        r.derivative = match self.byte()? {
            0 => None,
            _ => Some(Box::new(DerivativeTerms {
                conversion_or_exercise_price: self.fv_decimal()?,
                exercise_date: self.fv_date()?,
                expiration_date: self.fv_date()?,
                underlying_title: self.fv_text()?,
                underlying_shares: self.fv_decimal()?,
                underlying_value: self.fv_decimal()?,
            })),
        };
        Some(r)
    }

    fn opt_inline(&mut self) -> Option<Option<Text>> {
        match self.len()? {
            0 => Some(None),
            n => {
                let (text, rest) = self.bytes.split_at_checked(n - 1)?;
                self.bytes = rest;
                Some(Some(Text::from(std::str::from_utf8(text).ok()?)))
            }
        }
    }

    fn filing(&mut self) -> Option<Filing> {
        let accession_number = self.opt_inline()?;
        let document_type = self.form()?;
        let schema_version = self.opt_text()?;
        let period_of_report = self.opt_date()?;
        let filing_date = self.opt_date()?;
        let acceptance_datetime: Option<NaiveDateTime> = match self.byte()? {
            0 => None,
            _ => Some(DateTime::from_timestamp(self.i()?, 0)?.naive_utc()),
        };
        let date_of_original_submission = self.opt_date()?;
        let issuer = self.issuer()?;
        let n = self.len()?;
        let mut owners = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            let (cik, name, address) = self.owner()?;
            let roles = self.byte()?;
            owners.push(ReportingOwner {
                cik,
                name,
                address,
                relationship: Relationship {
                    is_director: roles & 1 != 0,
                    is_officer: roles & 2 != 0,
                    is_ten_percent_owner: roles & 4 != 0,
                    is_other: roles & 8 != 0,
                    officer_title: self.opt_text()?,
                    other_text: self.opt_text()?,
                },
            });
        }
        let flags = Flags {
            no_securities_owned: self.opt_bool()?,
            not_subject_to_section16: self.opt_bool()?,
            form3_holdings_reported: self.opt_bool()?,
            form4_transactions_reported: self.opt_bool()?,
            aff10b5_one: self.opt_bool()?,
        };
        let n = self.len()?;
        let mut rows = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            rows.push(self.row()?);
        }
        let n = self.len()?;
        let mut footnotes = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            footnotes.push(Footnote {
                id: FootnoteId(self.text()?),
                text: self.text()?,
            });
        }
        let remarks = self.opt_text()?;
        let n = self.len()?;
        let mut signatures = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            signatures.push(Signature {
                name: self.text()?,
                date: self.opt_date()?,
            });
        }
        let source = self.source()?;
        let n = self.len()?;
        let mut also_in = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            also_in.push(self.source()?);
        }
        Some(Filing {
            accession_number,
            document_type,
            schema_version,
            period_of_report,
            filing_date,
            acceptance_datetime,
            date_of_original_submission,
            issuer,
            owners,
            flags,
            rows,
            footnotes,
            remarks,
            signatures,
            source,
            also_in,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{Generator, SynthOptions};

    #[test]
    fn synthetic_filings_survive_the_archive_unchanged() {
        let generator = Generator::new(&SynthOptions {
            seed: 5,
            filings: 3000,
        });
        let mut archive = Archive::new();
        let filings: Vec<Filing> = (0..3000).map(|i| generator.filing(i)).collect();
        for f in &filings {
            archive.push(f);
        }
        assert_eq!(archive.len(), 3000);
        for (i, f) in filings.iter().enumerate() {
            assert_eq!(archive.get(i).as_ref(), Some(f), "filing {i}");
            assert_eq!(archive.form_type(i).as_ref(), Some(&f.document_type));
        }
        assert_eq!(archive.get(3000), None);
        assert_eq!(archive.form_type(3000), None);
    }

    #[test]
    fn a_replaced_filing_reads_back_new_and_its_neighbours_unchanged() {
        let generator = Generator::new(&SynthOptions {
            seed: 9,
            filings: 3,
        });
        let filings: Vec<Filing> = (0..3).map(|i| generator.filing(i)).collect();
        let mut archive = Archive::new();
        archive.push(&filings[0]);
        archive.push(&filings[1]);
        let mut changed = filings[1].clone();
        changed.remarks = Some("rewritten".into());
        archive.replace(1, &changed);
        archive.push(&filings[2]);
        archive.replace(0, &filings[2]);
        assert_eq!(archive.get(0).as_ref(), Some(&filings[2]));
        assert_eq!(
            archive.form_type(0).as_ref(),
            Some(&filings[2].document_type)
        );
        assert_eq!(archive.get(1), Some(changed));
        assert_eq!(archive.get(2).as_ref(), Some(&filings[2]));
    }

    #[test]
    fn extreme_values_survive_the_archive() {
        let mut f = Filing::new(
            FormType::Other("X".into()),
            Source {
                path: "p".into(),
                kind: SourceKind::TypedText,
                line: Some(u32::MAX),
            },
        );
        f.acceptance_datetime =
            NaiveDate::from_ymd_opt(2024, 5, 1).and_then(|d| d.and_hms_opt(17, 30, 5));
        let mut row = Row::new(Table::Derivative, RowKind::Holding);
        row.shares = Fv::new(Decimal::MAX);
        row.price_per_share = Fv::new(Decimal::MIN);
        row.total_value = Fv::new(
            "-0.0000000000000000000000000001"
                .parse()
                .unwrap_or_default(),
        );
        row.transaction_date = Fv::new(NaiveDate::MIN);
        row.deemed_execution_date = Fv::new(NaiveDate::MAX);
        row.coding = Some(Coding {
            code: Some(TransactionCode::Other("Q".into())),
            ..Coding::default()
        });
        f.rows.push(row);
        let mut archive = Archive::new();
        archive.push(&f);
        assert_eq!(archive.get(0), Some(f));
    }
}

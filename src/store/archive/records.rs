//! Issuers and reporting owners as records of the archive: the texts that name one
//! (CIK, name, address, …) are stored once per distinct record, and a filing refers to
//! the record by number.
//!
//! The same issuer and the same owners come back quarter after quarter. Looking each of
//! their texts up in the string table on its own costs a cache miss or more per text;
//! looking the whole record up costs one probe and one comparison of bytes laid end to
//! end.

use rustc_hash::FxHashMap;

use super::{put_varint, spread, text_hash, Memo, Texts};
use crate::model::Text;

/// Distinct records of `N` optional texts (and one extra byte), numbered in order of
/// arrival.
#[derive(Clone, Default)]
pub(super) struct Records<const N: usize> {
    /// Each record's texts, as string-table numbers plus one (0: absent).
    fields: Vec<[u32; N]>,
    /// Each record's extra byte.
    extras: Vec<u8>,
    /// Every record's key (see [`key`]), end to end.
    keys: Vec<u8>,
    /// Where each record's key ends in `keys`.
    ends: Vec<usize>,
    /// Record number and the high half of its key's hash.
    table: hashbrown::HashTable<(u32, u32)>,
}

/// Records met earlier, by the addresses of their texts. Each entry's texts are held, so
/// the addresses it is found by stay their own while it is remembered (as in [`Memo`]).
#[derive(Clone, Default)]
pub(super) struct RecordMemo<const N: usize> {
    ids: FxHashMap<([usize; N], u8), u32>,
    held: Vec<Text>,
}

impl<const N: usize> RecordMemo<N> {
    /// Records worth remembering before the memo is emptied.
    pub(super) const MOST: usize = 1 << 16;

    /// Number of records remembered.
    pub(super) fn len(&self) -> usize {
        self.ids.len()
    }

    fn remember(&mut self, fields: &[Option<&Text>; N], addresses: [usize; N], extra: u8, id: u32) {
        self.held
            .extend(fields.iter().flatten().map(|t| Text::clone(t)));
        self.ids.insert((addresses, extra), id);
    }
}

/// The bytes a record is compared by: each text as its length plus one (0 when absent,
/// as a variable-length integer) followed by its bytes, then the extra byte. No two
/// different records have the same key.
fn key<const N: usize>(out: &mut Vec<u8>, fields: &[Option<&Text>; N], extra: u8) {
    for f in fields {
        put_varint(out, f.map_or(0, |t| t.len() as u64 + 1));
        if let Some(t) = f {
            out.extend_from_slice(t.as_bytes());
        }
    }
    out.push(extra);
}

impl<const N: usize> Records<N> {
    /// Number of distinct records.
    pub(super) fn len(&self) -> usize {
        self.fields.len()
    }

    /// Bytes held, for reports.
    pub(super) fn heap_bytes(&self) -> usize {
        self.fields.capacity() * N * 4
            + self.extras.capacity()
            + self.keys.capacity()
            + self.ends.capacity() * 8
            + self.table.capacity() * 9
    }

    /// The number of the record with these texts and extra byte, added when new (its
    /// texts then go into the string table).
    pub(super) fn intern(
        &mut self,
        texts: &mut Texts,
        memo: &mut Memo,
        batch: &mut RecordMemo<N>,
        scratch: &mut Vec<u8>,
        fields: [Option<&Text>; N],
        extra: u8,
    ) -> u32 {
        let addresses = fields.map(|f| f.map_or(0, |t| t.as_ptr() as usize));
        if let Some(&id) = batch.ids.get(&(addresses, extra)) {
            return id;
        }
        scratch.clear();
        key(scratch, &fields, extra);
        let h = text_hash(scratch);
        let (keys, ends) = (&self.keys, &self.ends);
        let same = |&(id, stored): &(u32, u32)| {
            stored == h && record_key(keys, ends, id as usize) == Some(scratch.as_slice())
        };
        let id = match self.table.find(spread(h), same) {
            Some(&(id, _)) => id,
            None => {
                let id = u32::try_from(self.fields.len()).unwrap_or(u32::MAX);
                let ids = fields.map(|f| f.map_or(0, |t| memo.intern(texts, t).saturating_add(1)));
                self.fields.push(ids);
                self.extras.push(extra);
                self.keys.extend_from_slice(scratch);
                self.ends.push(self.keys.len());
                self.table
                    .insert_unique(spread(h), (id, h), |&(_, stored)| spread(stored));
                id
            }
        };
        batch.remember(&fields, addresses, extra, id);
        id
    }

    /// The texts and extra byte of record `id`; `None` when there is no such record.
    pub(super) fn get(&self, id: usize, strings: &[Text]) -> Option<([Option<Text>; N], u8)> {
        let ids = self.fields.get(id)?;
        let mut out: [Option<Text>; N] = std::array::from_fn(|_| None);
        for (slot, &n) in out.iter_mut().zip(ids) {
            if n != 0 {
                *slot = Some(strings.get(n as usize - 1)?.clone());
            }
        }
        Some((out, *self.extras.get(id)?))
    }
}

/// The key of record `id`.
fn record_key<'a>(keys: &'a [u8], ends: &[usize], id: usize) -> Option<&'a [u8]> {
    let start = match id.checked_sub(1) {
        Some(prev) => *ends.get(prev)?,
        None => 0,
    };
    keys.get(start..*ends.get(id)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_apart_records_whose_texts_join_the_same() {
        let (ab, c, a, bc): (Text, Text, Text, Text) =
            ("ab".into(), "c".into(), "a".into(), "bc".into());
        let mut one = Vec::new();
        let mut two = Vec::new();
        key(&mut one, &[Some(&ab), Some(&c)], 0);
        key(&mut two, &[Some(&a), Some(&bc)], 0);
        assert_ne!(one, two);
        let mut none = Vec::new();
        let empty: Text = "".into();
        key(&mut one, &[None, Some(&c)], 0);
        key(&mut none, &[Some(&empty), Some(&c)], 0);
        assert_ne!(one, none);
    }

    #[test]
    fn a_record_is_stored_once_and_read_back() {
        let mut texts = Texts::default();
        let mut records: Records<2> = Records::default();
        let mut scratch = Vec::new();
        let (x, y): (Text, Text) = ("0001".into(), "ACME".into());
        let mut ids = Vec::new();
        for batch in 0..3 {
            let mut memo = Memo::default();
            let mut seen = RecordMemo::default();
            // A copy of the same texts at another address, as a later quarter holds.
            let (x2, y2): (Text, Text) = (x.as_ref().into(), y.as_ref().into());
            let (fx, fy) = if batch % 2 == 0 { (&x, &y) } else { (&x2, &y2) };
            for (fields, extra) in [
                ([Some(fx), Some(fy)], 1),
                ([Some(fx), None], 1),
                ([Some(fx), Some(fy)], 2),
            ] {
                ids.push(records.intern(
                    &mut texts,
                    &mut memo,
                    &mut seen,
                    &mut scratch,
                    fields,
                    extra,
                ));
            }
        }
        assert_eq!(ids, [0, 1, 2, 0, 1, 2, 0, 1, 2]);
        assert_eq!(records.len(), 3);
        let (fields, extra) = records.get(1, &texts.strings).unwrap();
        assert_eq!(fields, [Some(x.clone()), None]);
        assert_eq!(extra, 1);
        assert!(records.get(3, &texts.strings).is_none());
    }
}

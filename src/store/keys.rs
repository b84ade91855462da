//! Interned keys (issuer names, tickers, owner names) with their posting lists.
//!
//! A million filings name about ten thousand issuers and a hundred thousand owners.
//! Search and filters work on these distinct keys, then read each key's posting list:
//! the ids of the filings that name it, in ascending order.

use rustc_hash::FxHashMap;

use super::FilingId;
use crate::model::Text;

/// Keys already found for the texts of recent batches, by the texts' addresses.
///
/// Readers share repeated texts (one allocation for an issuer's name across its filings
/// of a quarter), so most texts of a batch are found here without cleaning, hashing or
/// comparing their contents. Each entry holds its text, so the address it is found by
/// cannot be freed and reused while it is remembered.
#[derive(Debug, Default)]
pub struct SeenTexts {
    /// By address: the text (held, so the address stays its own) and its key.
    keys: FxHashMap<usize, (Text, Option<KeyId>)>,
}

impl SeenTexts {
    /// The key found for `text` earlier, or else what `find` gives, then
    /// remembered.
    pub fn key(&mut self, text: &Text, find: impl FnOnce(&str) -> Option<KeyId>) -> Option<KeyId> {
        self.keys
            .entry(text.as_ptr() as usize)
            .or_insert_with(|| (text.clone(), find(text)))
            .1
    }

    /// Texts worth remembering before [`SeenTexts::trim`] forgets them all.
    pub const MOST: usize = 1 << 17;

    /// Forgets every text once more than [`SeenTexts::MOST`] are remembered (at the end
    /// of a batch: the next batch of the same quarter shares many of them).
    pub fn trim(&mut self) {
        if self.keys.len() > Self::MOST {
            self.keys = FxHashMap::default();
        }
    }
}

/// Index of a key in its [`KeySet`].
pub type KeyId = u32;

/// Distinct keys of one kind, each with the sorted ids of the filings that name it.
#[derive(Debug, Default)]
pub struct KeySet {
    names: Packed,
    folded: Packed,
    lookup: FxHashMap<Text, KeyId>,
    postings: Vec<Vec<FilingId>>,
}

/// Texts laid end to end in one buffer and read back by number: a search reads every key,
/// and reads them in memory order rather than one scattered allocation per key.
#[derive(Debug, Default)]
struct Packed {
    text: String,
    /// Where each text ends in `text`.
    ends: Vec<usize>,
}

impl Packed {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    fn get(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied(),
            None => Some(0),
        };
        match (start, self.ends.get(i)) {
            (Some(start), Some(&end)) => self.text.get(start..end).unwrap_or(""),
            _ => "",
        }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

impl KeySet {
    /// The id of `name`, adding it if new. `None` only when the set is full (4 billion keys).
    pub fn intern(&mut self, name: &str) -> Option<KeyId> {
        if let Some(&k) = self.lookup.get(name) {
            return Some(k);
        }
        let k = KeyId::try_from(self.names.len()).ok()?;
        self.names.push(name);
        self.folded.push(&name.to_lowercase());
        self.postings.push(Vec::new());
        self.lookup.insert(name.into(), k);
        Some(k)
    }

    /// Records that filing `id` names `key`. Ids arrive in ascending order, so the list
    /// stays sorted; a repeat of the last id is dropped.
    pub fn post(&mut self, key: KeyId, id: FilingId) {
        if let Some(list) = self.postings.get_mut(key as usize) {
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when no key was interned.
    pub fn is_empty(&self) -> bool {
        self.names.len() == 0
    }

    /// The key's text as interned (already sanitised for display).
    pub fn name(&self, key: KeyId) -> &str {
        self.names.get(key as usize)
    }

    /// The key's text in lower case, for case-insensitive matching.
    pub fn folded(&self, key: KeyId) -> &str {
        self.folded.get(key as usize)
    }

    /// The key with exactly this text.
    pub fn find(&self, name: &str) -> Option<KeyId> {
        self.lookup.get(name).copied()
    }

    /// Ids of the filings naming `key`, ascending.
    pub fn postings(&self, key: KeyId) -> &[FilingId] {
        self.postings.get(key as usize).map_or(&[], |p| p)
    }

    /// Every key id.
    pub fn ids(&self) -> std::ops::Range<KeyId> {
        0..KeyId::try_from(self.names.len()).unwrap_or(KeyId::MAX)
    }

    /// Keys whose lower-case text contains `needle` (already lower case).
    pub fn containing(&self, needle: &str) -> Vec<KeyId> {
        self.ids()
            .filter(|&k| self.folded(k).contains(needle))
            .collect()
    }

    /// Rank of each key in alphabetical (case-insensitive) order, indexed by key id.
    pub fn alphabetical_ranks(&self) -> Vec<u32> {
        let mut order: Vec<KeyId> = self.ids().collect();
        order.sort_by(|&a, &b| self.folded(a).cmp(self.folded(b)));
        let mut ranks = vec![0; order.len()];
        for (rank, key) in order.into_iter().enumerate() {
            if let Some(r) = ranks.get_mut(key as usize) {
                *r = u32::try_from(rank).unwrap_or(u32::MAX);
            }
        }
        ranks
    }
}

#[cfg(test)]
mod tests {
    use super::KeySet;

    #[test]
    fn interns_once_and_keeps_postings_sorted_without_repeats() {
        let mut keys = KeySet::default();
        let a = keys.intern("CARUSO JAMES V").unwrap();
        let b = keys.intern("Schwartz Dov").unwrap();
        assert_eq!(keys.intern("CARUSO JAMES V"), Some(a));
        keys.post(a, 0);
        keys.post(a, 0);
        keys.post(b, 1);
        keys.post(a, 2);
        assert_eq!(keys.postings(a), &[0, 2]);
        assert_eq!(keys.len(), 2);
        assert_eq!(keys.containing("caruso"), vec![a]);
        assert_eq!(keys.folded(b), "schwartz dov");
        assert_eq!(keys.alphabetical_ranks(), vec![0, 1]);
        assert_eq!(keys.postings(99), &[] as &[u32]);
        // Texts packed end to end read back whole, an empty one included.
        let empty = keys.intern("").unwrap();
        let c = keys.intern("Émile Zola").unwrap();
        assert_eq!(
            [a, b, empty, c].map(|k| keys.name(k)),
            ["CARUSO JAMES V", "Schwartz Dov", "", "Émile Zola"]
        );
        assert_eq!(keys.folded(c), "émile zola");
        assert_eq!(keys.name(99), "");
    }

    #[test]
    fn seen_texts_answer_by_address() {
        use super::SeenTexts;
        use crate::model::Text;
        let mut seen = SeenTexts::default();
        let a: Text = "ACME".into();
        let twin: Text = "ACME".into();
        let mut calls = 0;
        let mut find = |_: &str| {
            calls += 1;
            Some(calls)
        };
        assert_eq!(seen.key(&a, &mut find), Some(1));
        assert_eq!(seen.key(&a.clone(), &mut find), Some(1));
        // Same contents at another address: asked again.
        assert_eq!(seen.key(&twin, &mut find), Some(2));
        // Remembered from one batch to the next.
        seen.trim();
        assert_eq!(seen.key(&a, &mut find), Some(1));
    }
}

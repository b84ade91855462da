//! Fuzzy search over issuer names, tickers and owner names.
//!
//! A keystroke matches the distinct interned keys (about 100k for a million filings) in
//! parallel, scored as skim's V2 matcher scores them (see [`super::fuzzy`]). When the
//! query only grew, only the keys that matched before are tried again: skim matches
//! subsequences, so a longer query never matches a key the shorter one missed. The matched keys' filings (the union of their posting
//! lists) then get the best rank among their keys: when few match, by walking those
//! posting lists; when many do, in one parallel pass over the filings that reads small
//! per-key rank tables and compact key columns instead of scattering writes.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use super::fuzzy::{is_subsequence, matcher, Scorer};
use super::index::NO_KEY;
use super::keys::{KeyId, KeySet};
use super::{FilingId, Store};

/// The result of one search: which filings match and how well.
#[derive(Debug, Clone, Default)]
pub struct SearchHits {
    query: String,
    matched: [Vec<KeyId>; 3],
    ranks: Vec<Rank>,
    buckets: u32,
    count: usize,
    sparse: Option<Vec<FilingId>>,
}

impl SearchHits {
    /// The query searched for.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// How well filing `id` matched: 1 is the best score, higher ranks are worse; `None`
    /// when it did not match.
    pub fn rank(&self, id: FilingId) -> Option<u32> {
        self.ranks
            .get(id as usize)
            .copied()
            .filter(|&r| r != NONE)
            .map(u32::from)
    }

    /// Number of distinct ranks (the largest value [`SearchHits::rank`] returns).
    pub fn buckets(&self) -> u32 {
        self.buckets
    }

    /// Number of matching filings.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Number of filings the search covered (the store's size when it ran).
    pub fn universe(&self) -> usize {
        self.ranks.len()
    }

    /// The matching filings, unordered, when few matched (else `None`: read the ranks).
    pub fn sparse_ids(&self) -> Option<&[FilingId]> {
        self.sparse.as_deref()
    }

    /// Number of matching keys (issuers, tickers, owners).
    pub fn matched_keys(&self) -> usize {
        self.matched.iter().map(Vec::len).sum()
    }
}

/// A filing's rank: 1 is the best score. Two bytes, so the table of a million filings
/// stays in a core's cache while a view is built; scores past the 65,534th distinct one
/// share the last rank.
type Rank = u16;

/// Rank of a filing that did not match.
const NONE: Rank = Rank::MAX;

/// Below one posting per this many filings, a search counts as sparse: it scatters ranks
/// over postings and lists its matches, instead of a pass over every filing.
const SPARSE: usize = 8;

fn match_keys(
    keys: &KeySet,
    candidates: Option<&[KeyId]>,
    query: &str,
    folded: &str,
    m: &SkimMatcherV2,
) -> Vec<(KeyId, i64)> {
    let single = query.chars().nth(1).is_none();
    let score = |scorer: &mut Scorer, k: KeyId| {
        if !single && !is_subsequence(folded, keys.folded(k)) {
            return None;
        }
        scorer.score(m, keys.name(k), query).map(|s| (k, s))
    };
    match candidates {
        Some(c) => c
            .par_iter()
            .map_init(Scorer::default, |s, &k| score(s, k))
            .flatten_iter()
            .collect(),
        None => keys
            .ids()
            .into_par_iter()
            .map_init(Scorer::default, score)
            .flatten_iter()
            .collect(),
    }
}

/// Searches the store for `query`. Pass the previous hits to reuse their matches when
/// the query only grew. An empty query matches nothing; callers treat it as no search.
pub fn search(store: &Store, query: &str, previous: Option<&SearchHits>) -> SearchHits {
    let query = query.trim();
    if query.is_empty() {
        return SearchHits::default();
    }
    let folded = query.to_lowercase();
    let reuse = previous.filter(|p| {
        !p.query.is_empty() && query.starts_with(p.query.as_str()) && p.ranks.len() == store.len()
    });
    let index = store.index();
    let m = matcher();
    let sets = [&index.issuers, &index.tickers, &index.owners];
    let mut scored: [Vec<(KeyId, i64)>; 3] = Default::default();
    for (i, keys) in sets.iter().enumerate() {
        let candidates = reuse.and_then(|p| p.matched.get(i)).map(Vec::as_slice);
        if let Some(slot) = scored.get_mut(i) {
            *slot = match_keys(keys, candidates, query, &folded, &m);
        }
    }
    let mut scores: Vec<i64> = scored.iter().flatten().map(|(_, s)| *s).collect();
    scores.par_sort_unstable_by(|a, b| b.cmp(a));
    scores.dedup();
    // Each matched key's rank, by key id; then each filing takes the best rank among its
    // issuer, ticker and owners. A pass over the filings in parallel slices: reads are
    // small per-key tables, writes are sequential, and no two workers share a slot.
    let key_ranks: Vec<Vec<Rank>> = sets
        .iter()
        .zip(&scored)
        .map(|(keys, hits)| {
            let mut table = vec![NONE; keys.len()];
            for &(k, s) in hits {
                let bucket = scores.partition_point(|&x| x > s);
                if let Some(slot) = table.get_mut(k as usize) {
                    *slot = Rank::try_from(bucket + 1).unwrap_or(NONE - 1).min(NONE - 1);
                }
            }
            table
        })
        .collect();
    let mut ranks = vec![NONE; store.len()];
    let postings: usize = sets
        .iter()
        .zip(&scored)
        .map(|(keys, hits)| {
            hits.iter()
                .map(|(k, _)| keys.postings(*k).len())
                .sum::<usize>()
        })
        .sum();
    let (count, sparse) = if postings < store.len() / SPARSE {
        // Few filings match: scatter each key's rank over its postings and remember
        // which filings matched, so the view can skip the others.
        let mut ids = Vec::new();
        for ((keys, hits), table) in sets.iter().zip(&scored).zip(&key_ranks) {
            for &(k, _) in hits {
                let rank = table.get(k as usize).copied().unwrap_or(NONE);
                for &id in keys.postings(k) {
                    if let Some(slot) = ranks.get_mut(id as usize) {
                        if *slot == NONE {
                            ids.push(id);
                        }
                        *slot = (*slot).min(rank);
                    }
                }
            }
        }
        (ids.len(), Some(ids))
    } else {
        (gather(store, &key_ranks, &mut ranks), None)
    };
    SearchHits {
        query: query.to_string(),
        matched: scored.map(|v| v.into_iter().map(|(k, _)| k).collect()),
        ranks,
        buckets: u32::try_from(scores.len().min(usize::from(NONE - 1))).unwrap_or(u32::MAX),
        count,
        sparse,
    }
}

/// Gives every filing the best rank among its issuer, ticker and owners, in one parallel
/// pass over the filings: reads are small per-key tables, writes are sequential, and no
/// two workers share a slot. Returns how many filings matched.
fn gather(store: &Store, key_ranks: &[Vec<Rank>], ranks: &mut [Rank]) -> usize {
    let index = store.index();
    let (issuers, tickers) = index.issuer_and_ticker_keys();
    let rank_of = |table: usize, key: KeyId| {
        key_ranks
            .get(table)
            .and_then(|t| t.get(key as usize))
            .copied()
            .unwrap_or(NONE)
    };
    let slice_len = ranks
        .len()
        .div_ceil(rayon::current_num_threads().max(1) * 4)
        .max(1);
    ranks
        .par_chunks_mut(slice_len)
        .enumerate()
        .map(|(c, slice)| {
            let start = c * slice_len;
            let mut count = 0;
            for (j, slot) in slice.iter_mut().enumerate() {
                let i = start + j;
                let Ok(id) = FilingId::try_from(i) else { break };
                let issuer = issuers.get(i).copied().unwrap_or(NO_KEY);
                let ticker = tickers.get(i).copied().unwrap_or(NO_KEY);
                let mut best = rank_of(0, issuer).min(rank_of(1, ticker));
                for &owner in index.owners_of(id) {
                    best = best.min(rank_of(2, owner));
                }
                if best != NONE {
                    count += 1;
                }
                *slot = best;
            }
            count
        })
        .sum()
}

/// The character positions of `text` that `query` matches, for highlighting; empty when
/// it does not match.
pub fn highlight(text: &str, query: &str) -> Vec<usize> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    matcher()
        .fuzzy_indices(text, query)
        .map(|(_, idx)| idx)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_gives_char_positions() {
        assert_eq!(highlight("CARUSO JAMES V", "caru"), vec![0, 1, 2, 3]);
        assert!(highlight("CARUSO", "xyz").is_empty());
        assert!(highlight("CARUSO", "  ").is_empty());
    }
}

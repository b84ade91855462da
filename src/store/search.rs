//! Fuzzy search over issuer names, tickers and owner names.
//!
//! A keystroke matches the distinct interned keys (about 110k for a million filings) in
//! parallel with skim's V2 matcher, then spreads each key's score over its posting list.
//! When the query only grew, only the keys that matched before are tried again: skim
//! matches subsequences, so a longer query never matches a key the shorter one missed.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use super::keys::{KeyId, KeySet};
use super::{FilingId, Store};

/// The result of one search: which filings match and how well.
#[derive(Debug, Clone, Default)]
pub struct SearchHits {
    query: String,
    matched: [Vec<KeyId>; 3],
    ranks: Vec<u32>,
    buckets: u32,
    count: usize,
}

impl SearchHits {
    /// The query searched for.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// How well filing `id` matched: 1 is the best score, higher ranks are worse; `None`
    /// when it did not match.
    pub fn rank(&self, id: FilingId) -> Option<u32> {
        self.ranks.get(id as usize).copied().filter(|&r| r != NONE)
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

    /// Number of matching keys (issuers, tickers, owners).
    pub fn matched_keys(&self) -> usize {
        self.matched.iter().map(Vec::len).sum()
    }
}

/// Rank of a filing that did not match.
const NONE: u32 = u32::MAX;

fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// True when the lower-case `needle` is a subsequence of `hay`: a cheap test that skips
/// most keys before the scoring matcher runs.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut rest = hay.chars();
    needle
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|n| rest.any(|h| h == n))
}

fn match_keys(
    keys: &KeySet,
    candidates: Option<&[KeyId]>,
    query: &str,
    folded: &str,
    m: &SkimMatcherV2,
) -> Vec<(KeyId, i64)> {
    let score = |k: KeyId| {
        if !is_subsequence(folded, keys.folded(k)) {
            return None;
        }
        m.fuzzy_match(keys.name(k), query).map(|s| (k, s))
    };
    match candidates {
        Some(c) => c.par_iter().filter_map(|&k| score(k)).collect(),
        None => keys.ids().into_par_iter().filter_map(score).collect(),
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
    // Spread each key's rank over its postings, keeping each filing's best. The id space
    // is cut into one slice per worker; each worker reads, from every matched key, the
    // part of its (sorted) posting list that falls in its slice, so no two workers write
    // the same place and no locks or atomics are needed.
    let work: Vec<(&KeySet, KeyId, u32)> = sets
        .iter()
        .zip(&scored)
        .flat_map(|(keys, hits)| {
            let scores = &scores;
            hits.iter().map(move |&(k, s)| {
                let bucket = scores.partition_point(|&x| x > s);
                (*keys, k, u32::try_from(bucket).unwrap_or(u32::MAX - 1) + 1)
            })
        })
        .collect();
    let mut ranks = vec![NONE; store.len()];
    let slice_len = store
        .len()
        .div_ceil(rayon::current_num_threads().max(1) * 2)
        .max(1);
    let count: usize = ranks
        .par_chunks_mut(slice_len)
        .enumerate()
        .map(|(c, slice)| {
            let lo = c * slice_len;
            let hi = lo + slice.len();
            let mut count = 0;
            for &(keys, k, rank) in &work {
                let postings = keys.postings(k);
                let a = postings.partition_point(|&id| (id as usize) < lo);
                let b = postings.partition_point(|&id| (id as usize) < hi);
                for &id in postings.get(a..b).unwrap_or_default() {
                    if let Some(r) = slice.get_mut(id as usize - lo) {
                        if *r == NONE {
                            count += 1;
                            *r = rank;
                        } else if rank < *r {
                            *r = rank;
                        }
                    }
                }
            }
            count
        })
        .sum();
    SearchHits {
        query: query.to_string(),
        matched: scored.map(|v| v.into_iter().map(|(k, _)| k).collect()),
        ranks,
        buckets: u32::try_from(scores.len()).unwrap_or(u32::MAX),
        count,
    }
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
    fn subsequence_test_is_ordered_and_skips_spaces() {
        assert!(is_subsequence("clrb", "cellectar biosciences clrb"));
        assert!(is_subsequence("car jam", "caruso james v"));
        assert!(!is_subsequence("bc", "cb"));
    }

    #[test]
    fn highlight_gives_char_positions() {
        assert_eq!(highlight("CARUSO JAMES V", "caru"), vec![0, 1, 2, 3]);
        assert!(highlight("CARUSO", "xyz").is_empty());
        assert!(highlight("CARUSO", "  ").is_empty());
    }
}

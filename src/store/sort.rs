//! Orders of the filings list: by date, issuer, owner or value.
//!
//! Each order is a permutation of every filing id, built once per key (and again after a
//! load batch) and read forwards or backwards. Orders by name are stable bucket sorts on
//! the alphabetical rank of the interned key, so filings of one issuer stay newest first.

use std::fmt;

use rayon::slice::ParallelSliceMut;

use super::facts::Facts;
use super::index::Index;
use super::FilingId;

/// What the filings list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    /// Filing date (or period of report), newest first.
    #[default]
    Date,
    /// Issuer name, A to Z.
    Issuer,
    /// First owner's name, A to Z.
    Owner,
    /// Total value of Table I transactions, largest first.
    Value,
}

impl SortKey {
    /// Every key, in the order the sort key cycles.
    pub const ALL: [SortKey; 4] = [
        SortKey::Date,
        SortKey::Issuer,
        SortKey::Owner,
        SortKey::Value,
    ];

    /// The next key in the cycle.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Issuer,
            SortKey::Issuer => SortKey::Owner,
            SortKey::Owner => SortKey::Value,
            SortKey::Value => SortKey::Date,
        }
    }

    /// `date`, `issuer`, `owner` or `value`.
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Issuer => "issuer",
            SortKey::Owner => "owner",
            SortKey::Value => "value",
        }
    }

    /// Position in [`SortKey::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for SortKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Builds the permutation of every id for `key` (its natural direction; read it
/// backwards for the reverse).
pub fn order(key: SortKey, facts: &[Facts], index: &Index) -> Vec<FilingId> {
    let by_date = date_order(facts);
    match key {
        SortKey::Date => by_date,
        SortKey::Issuer => {
            let ranks = index.issuers.alphabetical_ranks();
            bucket_sort(&by_date, ranks.len(), |id| {
                facts
                    .get(id as usize)
                    .and_then(|f| f.issuer)
                    .and_then(|k| ranks.get(k as usize).copied())
            })
        }
        SortKey::Owner => {
            let ranks = index.owners.alphabetical_ranks();
            bucket_sort(&by_date, ranks.len(), |id| {
                facts
                    .get(id as usize)
                    .and_then(|f| f.owner)
                    .and_then(|k| ranks.get(k as usize).copied())
            })
        }
        SortKey::Value => {
            let mut ids = by_date;
            ids.par_sort_by(|&a, &b| {
                let va = facts.get(a as usize).and_then(|f| f.value);
                let vb = facts.get(b as usize).and_then(|f| f.value);
                // Largest first; filings without a value last.
                vb.cmp(&va)
            });
            ids
        }
    }
}

/// Ids newest first; undated filings last, in load order.
fn date_order(facts: &[Facts]) -> Vec<FilingId> {
    let mut dated: Vec<(chrono::NaiveDate, FilingId)> = Vec::with_capacity(facts.len());
    let mut undated = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        let Ok(id) = FilingId::try_from(i) else { break };
        match f.date {
            Some(d) => dated.push((d, id)),
            None => undated.push(id),
        }
    }
    dated.par_sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    dated.into_iter().map(|(_, id)| id).chain(undated).collect()
}

/// A stable counting sort of `ids` by a rank below `buckets`; ids without a rank go last.
fn bucket_sort(
    ids: &[FilingId],
    buckets: usize,
    rank: impl Fn(FilingId) -> Option<u32>,
) -> Vec<FilingId> {
    let slot = |id| rank(id).map_or(buckets, |r| (r as usize).min(buckets));
    let mut starts = vec![0usize; buckets + 2];
    for &id in ids {
        if let Some(c) = starts.get_mut(slot(id) + 1) {
            *c += 1;
        }
    }
    for i in 1..starts.len() {
        let prev = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(i) {
            *c += prev;
        }
    }
    let mut out = vec![0; ids.len()];
    for &id in ids {
        if let Some(pos) = starts.get_mut(slot(id)) {
            if let Some(o) = out.get_mut(*pos) {
                *o = id;
            }
            *pos += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_sort_is_stable_and_puts_unranked_last() {
        let ids = [0, 1, 2, 3, 4];
        let ranks = [Some(1), None, Some(0), Some(1), Some(0)];
        let out = bucket_sort(&ids, 2, |id| ranks[id as usize]);
        assert_eq!(out, vec![2, 4, 0, 3, 1]);
    }

    #[test]
    fn sort_key_cycles_through_all() {
        let mut k = SortKey::Date;
        for expected in SortKey::ALL.iter().skip(1).chain([SortKey::Date].iter()) {
            k = k.next();
            assert_eq!(k, *expected);
        }
    }
}

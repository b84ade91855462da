//! Orders of the filings list: by date, issuer, owner or value.
//!
//! Each order is a permutation of every filing id, built once per key (and again after a
//! load batch) and read forwards or backwards. Orders by name are stable bucket sorts on
//! the alphabetical rank of the interned key, so filings of one issuer stay newest first.

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;

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
/// backwards for the reverse) from the date order of the same filings.
pub fn order(key: SortKey, by_date: &DateOrder, facts: &[Facts], index: &Index) -> Vec<FilingId> {
    let by_date = by_date.ids();
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

/// Every filing by date, newest first (ties in load order), undated filings last in
/// load order; kept up to date a batch at a time, so a load in many batches sorts each
/// batch once and merges it in rather than sorting every filing again.
#[derive(Debug, Default, Clone)]
pub struct DateOrder {
    dated: Vec<(NaiveDate, FilingId)>,
    undated: Vec<FilingId>,
    /// Filings taken in: the first `covered` of the store.
    covered: usize,
}

/// Newest first, then by id.
fn newest_first(a: &(NaiveDate, FilingId), b: &(NaiveDate, FilingId)) -> Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

impl DateOrder {
    /// Takes in the filings of `facts` past those already ordered.
    pub fn update(&mut self, facts: &[Facts]) {
        let Some(new) = facts.get(self.covered..).filter(|n| !n.is_empty()) else {
            return;
        };
        let mut fresh = Vec::with_capacity(new.len());
        for (i, f) in new.iter().enumerate() {
            let Ok(id) = FilingId::try_from(self.covered + i) else {
                break;
            };
            match f.date {
                Some(d) => fresh.push((d, id)),
                None => self.undated.push(id),
            }
        }
        self.covered = facts.len();
        // On this thread: while loading, the shared pool is busy reading the next batch,
        // and a batch sorts in a few milliseconds. Then two sorted runs end to end: the
        // stable sort finds both and merges them in linear time.
        fresh.sort_unstable_by(newest_first);
        self.dated.append(&mut fresh);
        self.dated.sort_by(newest_first);
    }

    /// The ids in order.
    pub fn ids(&self) -> Vec<FilingId> {
        let mut ids = Vec::with_capacity(self.dated.len() + self.undated.len());
        ids.extend(self.dated.iter().map(|&(_, id)| id));
        ids.extend_from_slice(&self.undated);
        ids
    }
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
    fn date_order_merged_batch_by_batch_equals_one_sort() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, d);
        let dates = [
            day(3),
            None,
            day(1),
            day(3),
            day(9),
            None,
            day(1),
            day(5),
            day(3),
        ];
        let facts: Vec<Facts> = dates
            .iter()
            .map(|&date| Facts {
                date,
                is_period_date: false,
                issuer: None,
                ticker: None,
                owner: None,
                owner_count: 1,
                roles: 0,
                rows: 0,
                net_shares: None,
                value: None,
                max_value: None,
            })
            .collect();
        let mut whole = DateOrder::default();
        whole.update(&facts);
        assert_eq!(whole.ids(), vec![4, 7, 0, 3, 8, 2, 6, 1, 5]);
        for cut in [1, 2, 4, 7] {
            let mut stepwise = DateOrder::default();
            stepwise.update(&facts[..cut]);
            stepwise.update(&facts[..cut]);
            stepwise.update(&facts);
            assert_eq!(stepwise.ids(), whole.ids(), "batches cut at {cut}");
        }
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

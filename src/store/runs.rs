//! A column of `(key, id)` pairs kept for range look-ups as a few sorted runs.
//!
//! Filings arrive in batches. Merging each batch into one sorted column would move the
//! whole column once per batch, and a million filings come in over a hundred batches.
//! Here each batch becomes a sorted run of its own, and a run is merged into the one
//! before it once it is at least half as long, so run lengths at least halve from the
//! first to the last: there are never more than about log2(n / batch) of them, and each
//! pair is moved a logarithmic number of times in all. A range look-up searches each
//! run.

use std::ops::RangeInclusive;

use super::FilingId;

/// Sorted runs of `(key, id)` pairs, longest first, plus the pairs of the batch being
/// added.
#[derive(Debug, Clone)]
pub struct SortedRuns<K> {
    runs: Vec<Vec<(K, FilingId)>>,
    batch: Vec<(K, FilingId)>,
}

impl<K> Default for SortedRuns<K> {
    fn default() -> Self {
        SortedRuns {
            runs: Vec::new(),
            batch: Vec::new(),
        }
    }
}

impl<K: Ord + Copy> SortedRuns<K> {
    /// Adds a pair to the batch being built; it is searchable after [`Self::finish_batch`].
    pub fn push(&mut self, key: K, id: FilingId) {
        self.batch.push((key, id));
    }

    /// Sorts the batch into a run of its own and merges runs as the doc comment of this
    /// module describes.
    pub fn finish_batch(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let mut run = std::mem::take(&mut self.batch);
        run.sort_unstable();
        self.runs.push(run);
        while let [.., before, last] = self.runs.as_mut_slice() {
            if last.len() * 2 < before.len() {
                break;
            }
            // Two sorted runs end to end: the stable sort finds both and merges them in
            // linear time.
            before.append(last);
            before.sort();
            self.runs.pop();
        }
    }

    /// Ids whose key lies in `range`, run by run (each run in key order).
    pub fn in_range(
        &self,
        range: RangeInclusive<Option<K>>,
    ) -> impl Iterator<Item = FilingId> + '_ {
        let (from, to) = range.into_inner();
        self.runs.iter().flat_map(move |run| {
            let start = from.map_or(0, |f| run.partition_point(|(k, _)| *k < f));
            let end = to.map_or(run.len(), |t| run.partition_point(|(k, _)| *k <= t));
            run.get(start..end.max(start))
                .unwrap_or_default()
                .iter()
                .map(|&(_, id)| id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<u32>) -> Vec<u32> {
        v.sort_unstable();
        v
    }

    #[test]
    fn ranges_cover_every_batch_and_runs_stay_few() {
        let mut column = SortedRuns::default();
        let mut all = Vec::new();
        for batch in 0..200u32 {
            for i in 0..100u32 {
                let id = batch * 100 + i;
                // Keys out of order within and across batches.
                let key = (id * 7919) % 1000;
                column.push(key, id);
                all.push((key, id));
            }
            column.finish_batch();
        }
        assert!(column.runs.len() <= 8, "{} runs", column.runs.len());
        for (from, to) in [
            (None, None),
            (Some(10), Some(20)),
            (Some(999), None),
            (None, Some(0)),
            (Some(30), Some(29)),
        ] {
            let got = sorted(column.in_range(from..=to).collect());
            let want = sorted(
                all.iter()
                    .filter(|(k, _)| from.map_or(true, |f| *k >= f) && to.map_or(true, |t| *k <= t))
                    .map(|&(_, id)| id)
                    .collect(),
            );
            assert_eq!(got, want, "{from:?}..={to:?}");
        }
    }

    #[test]
    fn pairs_of_an_unfinished_batch_are_not_yet_found() {
        let mut column = SortedRuns::default();
        column.push(5, 1);
        assert_eq!(column.in_range(None..=None).count(), 0);
        column.finish_batch();
        column.finish_batch();
        assert_eq!(column.in_range(Some(5)..=Some(5)).collect::<Vec<_>>(), [1]);
    }
}

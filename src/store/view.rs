//! The filings list as shown: an order, narrowed by a filter and a search.

use rayon::prelude::*;

use super::idset::IdSet;
use super::search::SearchHits;
use super::FilingId;

/// The ids of `order` (read backwards when `is_reversed`) that pass `filter` and match
/// `hits`; with a search, the best matches come first and ties keep their place in the
/// order. `positions` gives each id's place in `order` (see
/// [`super::Store::order_with_positions`]); a search with few matches uses it to sort
/// just those.
pub fn build(
    order: &[FilingId],
    positions: &[u32],
    is_reversed: bool,
    filter: Option<&IdSet>,
    hits: Option<&SearchHits>,
) -> Vec<FilingId> {
    let passes = |id: &FilingId| !matches!(filter, Some(f) if !f.contains(*id));
    let Some(hits) = hits else {
        return if is_reversed {
            order.iter().rev().copied().filter(passes).collect()
        } else {
            order.iter().copied().filter(passes).collect()
        };
    };
    if let Some(ids) = hits.sparse_ids() {
        let last = u32::try_from(order.len().saturating_sub(1)).unwrap_or(u32::MAX);
        let mut keyed: Vec<(u32, u32, FilingId)> = ids
            .iter()
            .filter(|id| passes(id))
            .filter_map(|&id| {
                let pos = positions.get(id as usize).copied()?;
                let pos = if is_reversed {
                    last - pos.min(last)
                } else {
                    pos
                };
                hits.rank(id).map(|r| (r, pos, id))
            })
            .collect();
        keyed.sort_unstable();
        return keyed.into_iter().map(|(_, _, id)| id).collect();
    }
    let buckets = hits.buckets() as usize;
    if buckets <= MAX_BUCKET_LISTS {
        return by_bucket_lists(order, is_reversed, &passes, hits, buckets);
    }
    let ranked_of = |id: FilingId| {
        if passes(&id) {
            hits.rank(id).map(|r| (r, id))
        } else {
            None
        }
    };
    let ranked: Vec<(u32, FilingId)> = if is_reversed {
        order.iter().rev().filter_map(|&id| ranked_of(id)).collect()
    } else {
        order.iter().filter_map(|&id| ranked_of(id)).collect()
    };
    by_rank(ranked, buckets)
}

/// Up to this many distinct ranks, the dense path keeps one list per rank.
const MAX_BUCKET_LISTS: usize = 4096;

/// The dense path: slices of the order are read in parallel, each into one list per
/// rank; the lists are then joined rank by rank, slice by slice, which keeps the order
/// within a rank.
fn by_bucket_lists(
    order: &[FilingId],
    is_reversed: bool,
    passes: &(dyn Fn(&FilingId) -> bool + Sync),
    hits: &SearchHits,
    buckets: usize,
) -> Vec<FilingId> {
    let slice_len = order
        .len()
        .div_ceil(rayon::current_num_threads().max(1) * 2)
        .max(1);
    let mut slices: Vec<&[FilingId]> = order.chunks(slice_len).collect();
    if is_reversed {
        slices.reverse();
    }
    let parts: Vec<Vec<Vec<FilingId>>> = slices
        .par_iter()
        .map(|slice| {
            let mut lists: Vec<Vec<FilingId>> = vec![Vec::new(); buckets + 1];
            let mut add = |id: FilingId| {
                if passes(&id) {
                    if let Some(list) = hits.rank(id).and_then(|r| lists.get_mut(r as usize)) {
                        list.push(id);
                    }
                }
            };
            if is_reversed {
                slice.iter().rev().for_each(|&id| add(id));
            } else {
                slice.iter().for_each(|&id| add(id));
            }
            lists
        })
        .collect();
    let total = parts.iter().flatten().map(Vec::len).sum();
    let mut out = Vec::with_capacity(total);
    for rank in 0..=buckets {
        for part in &parts {
            if let Some(list) = part.get(rank) {
                out.extend_from_slice(list);
            }
        }
    }
    out
}

/// A stable sort by rank; ranks are small integers, so a counting sort keeps it linear.
fn by_rank(mut ranked: Vec<(u32, FilingId)>, buckets: usize) -> Vec<FilingId> {
    if buckets >= ranked.len() {
        ranked.sort_by_key(|(r, _)| *r);
        return ranked.into_iter().map(|(_, id)| id).collect();
    }
    let mut starts = vec![0usize; buckets + 2];
    for (r, _) in &ranked {
        if let Some(c) = starts.get_mut(*r as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..starts.len() {
        let prev = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(i) {
            *c += prev;
        }
    }
    let mut out = vec![0; ranked.len()];
    for (r, id) in ranked {
        if let Some(pos) = starts.get_mut(r as usize) {
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
    use super::by_rank;

    #[test]
    fn ranks_sort_stably_both_ways() {
        let ranked = vec![(2, 10), (1, 11), (2, 12), (1, 13), (3, 14)];
        assert_eq!(by_rank(ranked.clone(), 3), vec![11, 13, 10, 12, 14]);
        assert_eq!(by_rank(ranked, 9), vec![11, 13, 10, 12, 14]);
    }
}

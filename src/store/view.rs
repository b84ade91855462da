//! The filings list as shown: an order, narrowed by a filter and a search.

use super::idset::IdSet;
use super::search::SearchHits;
use super::FilingId;

/// The ids of `order` that pass `filter` and match `hits`; with a search, the best
/// matches come first and ties keep their place in `order`.
pub fn build(
    order: impl Iterator<Item = FilingId>,
    filter: Option<&IdSet>,
    hits: Option<&SearchHits>,
) -> Vec<FilingId> {
    let passes = |id: &FilingId| !matches!(filter, Some(f) if !f.contains(*id));
    let Some(hits) = hits else {
        return order.filter(passes).collect();
    };
    let buckets = hits.buckets() as usize;
    let mut ranked: Vec<(u32, FilingId)> = order
        .filter(passes)
        .filter_map(|id| hits.rank(id).map(|r| (r, id)))
        .collect();
    if buckets < ranked.len() {
        // Counting sort: ranks are small integers, so this stays linear.
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
    } else {
        ranked.sort_by_key(|(r, _)| *r);
        ranked.into_iter().map(|(_, id)| id).collect()
    }
}

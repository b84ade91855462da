//! A set of filing ids as a bitmap over the whole store.
//!
//! Filters turn each clause into an [`IdSet`] and intersect them: one bit per filing, so
//! a million filings cost 125 kB per set and an intersection is a pass over 16k words.

use super::FilingId;

/// A set of filing ids below a fixed bound (the store's size when it was built).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdSet {
    words: Vec<u64>,
}

impl IdSet {
    /// An empty set for ids below `universe`.
    pub fn empty(universe: usize) -> IdSet {
        IdSet {
            words: vec![0; universe.div_ceil(64)],
        }
    }

    /// A set holding the given ids; ids at or past `universe` are ignored.
    pub fn from_ids(universe: usize, ids: impl IntoIterator<Item = FilingId>) -> IdSet {
        let mut set = IdSet::empty(universe);
        for id in ids {
            set.insert(id);
        }
        set
    }

    /// Adds an id; ids past the bound are ignored.
    pub fn insert(&mut self, id: FilingId) {
        let i = id as usize;
        if let Some(w) = self.words.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    /// Whether the id is in the set.
    pub fn contains(&self, id: FilingId) -> bool {
        let i = id as usize;
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Keeps only the ids also in `other`.
    pub fn intersect_with(&mut self, other: &IdSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
        let common = other.words.len();
        if let Some(rest) = self.words.get_mut(common..) {
            rest.fill(0);
        }
    }

    /// Number of ids in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::IdSet;

    #[test]
    fn inserts_intersects_and_counts() {
        let mut a = IdSet::from_ids(200, [0, 5, 64, 130, 199, 500]);
        assert!(a.contains(130) && a.contains(0) && !a.contains(1));
        assert!(!a.contains(500), "ids past the bound are ignored");
        assert_eq!(a.count(), 5);
        let b = IdSet::from_ids(200, [5, 130, 7]);
        a.intersect_with(&b);
        assert_eq!(a.count(), 2);
        assert!(a.contains(5) && a.contains(130) && !a.contains(199));
    }

    #[test]
    fn intersecting_with_a_smaller_set_clears_the_tail() {
        let mut a = IdSet::from_ids(300, [10, 250]);
        a.intersect_with(&IdSet::from_ids(64, [10]));
        assert_eq!(a.count(), 1);
        assert!(!a.contains(250));
    }
}

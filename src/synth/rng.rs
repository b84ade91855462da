//! The generator's random source: ChaCha8 streams with small sampling helpers.
//!
//! Sampling uses integers only (no floating point), so a seed gives the same filings on
//! every platform and with every compiler.

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A ChaCha8 stream and the draws the generator needs.
pub(crate) struct Rng(ChaCha8Rng);

impl Rng {
    /// Stream `stream` of the generator seeded with `seed`. Streams of one seed are
    /// independent, so each filing can be made from its own.
    pub(crate) fn new(seed: u64, stream: u64) -> Rng {
        let mut inner = ChaCha8Rng::seed_from_u64(seed);
        inner.set_stream(stream);
        Rng(inner)
    }

    /// A uniform integer in `0..n`; 0 when `n` is 0.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        // Lemire's multiply-shift: one draw, a bias below 2^-64 * n, never a division.
        ((u128::from(self.0.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A uniform index into a collection of `len` items; 0 when `len` is 0.
    pub(crate) fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A uniform integer in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        lo.saturating_add_unsigned(self.below(span))
    }

    /// True with probability `per_mille` / 1000.
    pub(crate) fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < u64::from(per_mille)
    }

    /// One item of a non-empty list, uniformly.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.index(items.len());
        // `index` is below `len`, so this only fails on an empty list, a bug in the
        // generator's own tables.
        &items[i]
    }

    /// One item of a non-empty list of `(item, weight)` pairs, with probability
    /// proportional to its weight.
    pub(crate) fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut at = self.below(total);
        for (item, w) in items {
            let w = u64::from(*w);
            if at < w {
                return item;
            }
            at -= w;
        }
        &items[items.len() - 1].0
    }

    /// A log-uniform integer in `lo..hi` (`1 <= lo < hi`): each power of ten is about as
    /// likely as the next, as share counts and prices are in real filings.
    pub(crate) fn log_uniform(&mut self, lo: u64, hi: u64) -> u64 {
        let lo = lo.max(1);
        if hi <= lo {
            return lo;
        }
        // Pick a decade (the last one may be partial), then a value inside it.
        let mut decades = 0;
        let mut start = lo;
        while start < hi {
            decades += 1;
            start = start.saturating_mul(10);
        }
        let a = lo.saturating_mul(10u64.saturating_pow(self.below(decades) as u32));
        let b = a.saturating_mul(10).min(hi);
        a + self.below(b - a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_repeat_for_a_seed_and_differ_between_streams() {
        let draw = |seed, stream| {
            let mut r = Rng::new(seed, stream);
            (0..8).map(|_| r.below(1_000_000)).collect::<Vec<_>>()
        };
        assert_eq!(draw(7, 3), draw(7, 3));
        assert_ne!(draw(7, 3), draw(7, 4));
        assert_ne!(draw(7, 3), draw(8, 3));
    }

    #[test]
    fn draws_stay_in_their_ranges() {
        let mut r = Rng::new(1, 1);
        for _ in 0..10_000 {
            assert!(r.below(7) < 7);
            assert!((-3..=3).contains(&r.range(-3, 3)));
            let v = r.log_uniform(10, 500_000);
            assert!((10..500_000).contains(&v));
            assert!(["a", "b"].contains(r.pick(&["a", "b"])));
        }
        assert_eq!(r.range(5, 5), 5);
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn weights_are_respected() {
        let mut r = Rng::new(2, 0);
        let items = [("rare", 1), ("common", 99)];
        let rare = (0..10_000)
            .filter(|_| *r.weighted(&items) == "rare")
            .count();
        assert!((30..300).contains(&rare), "{rare}");
        assert!((0..10_000).all(|_| *r.weighted(&[("only", 5)]) == "only"));
    }
}

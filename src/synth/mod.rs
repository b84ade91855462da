//! A deterministic generator of realistic synthetic filings, for benchmarks, demos and
//! round-trip tests at any scale.
//!
//! A run is fixed by its [`SynthOptions`]: the seed and the number of filings. Pools of
//! issuers, people and fund families are sized to the run (about filings/100 issuers and
//! filings/10 owners) and drawn once; each filing is then made from its own random
//! stream, so filing `i` does not depend on the others and a run can be generated lazily,
//! in any order, or in parallel. The mix follows real EDGAR data: mostly Form 4, joint
//! filings of funds, the common transaction codes, footnoted and footnote-only values,
//! Table II options, units, warrants and notes reported by dollar amount, schema versions
//! X0202 to X0609 by filing date (2004–2026).

mod calendar;
mod filing;
mod footnotes;
mod names;
mod pools;
mod rng;
mod rows;

use crate::model::Filing;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// Seed of every random choice: the same seed and count give the same filings.
    pub seed: u64,
    /// Number of filings in the run.
    pub filings: usize,
}

/// A run of the generator: its pools, built once, and a way to make any filing of it.
///
/// The generator is `Send + Sync`, so filings can be made from several threads.
pub struct Generator {
    seed: u64,
    filings: usize,
    pools: pools::Pools,
}

impl Generator {
    /// Builds the pools of a run.
    pub fn new(opts: &SynthOptions) -> Generator {
        Generator {
            seed: opts.seed,
            filings: opts.filings,
            pools: pools::Pools::new(opts.seed, opts.filings),
        }
    }

    /// Number of filings in the run.
    pub fn len(&self) -> usize {
        self.filings
    }

    /// True when the run has no filings.
    pub fn is_empty(&self) -> bool {
        self.filings == 0
    }

    /// Filing `index` of the run. Any index can be asked for, in any order; indexes past
    /// the run's length give further filings drawn from the same pools.
    pub fn filing(&self, index: usize) -> Filing {
        filing::build(&self.pools, self.seed, index)
    }
}

/// The filings of a run, made one at a time as the iterator is advanced, so a million of
/// them can be streamed to disk without being held in memory.
pub fn generate(opts: &SynthOptions) -> impl Iterator<Item = Filing> {
    let generator = Generator::new(opts);
    (0..opts.filings).map(move |i| generator.filing(i))
}

#[cfg(test)]
mod tests;

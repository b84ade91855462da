//! The loaded data set, laid out for fast views.
//!
//! Every filing sits in one vector and is reached by its id (a `u32`, its position).
//! [`index`] interns issuer, ticker and owner names and keeps posting lists per key,
//! code, form, role and plan state; [`search`] fuzzy-matches the distinct keys; [`filter`]
//! parses and evaluates queries into id sets; [`sort`] builds orders; [`view`] combines
//! them into the list of ids a screen shows. Nothing here knows about the terminal.

pub mod accessions;
pub mod archive;
pub mod facts;
pub mod filter;
mod fuzzy;
pub mod idset;
pub mod index;
pub mod keys;
pub mod runs;
pub mod search;
pub mod sort;
pub mod view;
pub mod vocab;

use std::sync::Arc;

use crate::model::{Filing, FormType};
use accessions::Accessions;
use archive::Archive;
use facts::Facts;
use index::Index;
use sort::SortKey;

/// A filing's position in the store.
pub type FilingId = u32;

/// All loaded filings with their summaries and indexes.
#[derive(Debug, Default)]
pub struct Store {
    filings: Arc<Archive>,
    accessions: Accessions,
    facts: Vec<Facts>,
    index: Index,
    by_date: sort::DateOrder,
    orders: [Option<Order>; 4],
}

/// A sort order: ids in order, and each id's position in it.
#[derive(Debug, Default)]
struct Order {
    ids: Vec<FilingId>,
    positions: Vec<u32>,
}

impl Order {
    fn new(ids: Vec<FilingId>) -> Order {
        let mut positions = vec![0; ids.len()];
        for (pos, &id) in ids.iter().enumerate() {
            if let Some(p) = positions.get_mut(id as usize) {
                *p = u32::try_from(pos).unwrap_or(u32::MAX);
            }
        }
        Order { ids, positions }
    }
}

impl Store {
    /// An empty store.
    pub fn new() -> Store {
        Store::default()
    }

    /// A store holding `filings`, in that order.
    pub fn from_filings(filings: Vec<Filing>) -> Store {
        let mut s = Store::new();
        s.extend(filings);
        s
    }

    /// Adds a batch of filings, indexing each; returns how many were added. A filing
    /// whose accession is already loaded is not added again: the one already held keeps
    /// its place, takes the facts only the newcomer has (filing date, acceptance time)
    /// and remembers its source. The loader reads single files before data-set quarters,
    /// so the copy held first is the more precise one.
    pub fn extend(&mut self, mut batch: Vec<Filing>) -> usize {
        let room = (FilingId::MAX as usize).saturating_sub(self.facts.len());
        let start = self.facts.len();
        // Filings stay where they are in the batch; only repeats (and any past the last
        // id) are taken out, the repeats to be merged once the batch is stored.
        let mut fresh = 0;
        let mut taken = Vec::new();
        for (i, filing) in batch.iter().enumerate() {
            let held = filing
                .accession_number
                .as_ref()
                .and_then(|a| self.accessions.get(a));
            if held.is_some() || fresh >= room {
                taken.push((i, held));
                continue;
            }
            if let Some(a) = &filing.accession_number {
                let id = FilingId::try_from(start + fresh).unwrap_or(FilingId::MAX);
                self.accessions.insert(a, id);
            }
            fresh += 1;
        }
        let mut repeats = Vec::new();
        if !taken.is_empty() {
            let mut taken = taken.into_iter().peekable();
            let mut kept = Vec::with_capacity(fresh);
            for (i, filing) in batch.into_iter().enumerate() {
                match taken.next_if(|(t, _)| *t == i) {
                    Some((_, Some(id))) => repeats.push((id, filing)),
                    Some((_, None)) => {}
                    None => kept.push(filing),
                }
            }
            batch = kept;
        }
        let added = batch;
        // Indexing (with each filing's summary) on this thread and encoding into the
        // archive on another run side by side, since they touch different parts of the
        // store. Neither waits on the shared thread pool, which the loader keeps busy
        // reading the next batch. Filings are kept encoded (a few hundred bytes each,
        // texts shared); the explorer decodes the ones it shows.
        let mut facts = Vec::with_capacity(added.len());
        let archive = Arc::make_mut(&mut self.filings);
        let index = &mut self.index;
        std::thread::scope(|scope| {
            scope.spawn(|| archive.extend(&added));
            for (offset, filing) in added.iter().enumerate() {
                let id = FilingId::try_from(start + offset).unwrap_or(FilingId::MAX);
                let mut f = Facts::of(filing);
                index.add(id, filing, &mut f);
                facts.push(f);
            }
            index.finish_batch();
        });
        self.facts.append(&mut facts);
        self.orders = Default::default();
        for (id, filing) in repeats {
            self.absorb(id, filing);
        }
        added.len()
    }

    /// Merges a second copy of filing `id` into the one held.
    fn absorb(&mut self, id: FilingId, other: Filing) {
        let Some(mut held) = self.filings.get(id as usize) else {
            return;
        };
        crate::load::absorb(&mut held, other);
        Arc::make_mut(&mut self.filings).replace(id as usize, &held);
    }

    /// Number of filings.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// True when no filing is loaded.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// The form type of filing `id`, without decoding the whole filing.
    pub fn form_type(&self, id: FilingId) -> Option<FormType> {
        self.filings.form_type(id as usize)
    }

    /// The filing with this id, decoded from the archive.
    pub fn get(&self, id: FilingId) -> Option<Filing> {
        self.filings.get(id as usize)
    }

    /// The summary of the filing with this id.
    pub fn facts(&self, id: FilingId) -> Option<&Facts> {
        self.facts.get(id as usize)
    }

    /// The indexes.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// A shared handle on every filing, for work done off the main thread (export).
    pub fn shared(&self) -> Arc<Archive> {
        Arc::clone(&self.filings)
    }

    /// Every id in the order of `key` (natural direction), built on first use.
    pub fn order(&mut self, key: SortKey) -> &[FilingId] {
        self.order_with_positions(key).0
    }

    /// The order of `key` and, indexed by id, each filing's position in it.
    pub fn order_with_positions(&mut self, key: SortKey) -> (&[FilingId], &[u32]) {
        let facts = &self.facts;
        let index = &self.index;
        let by_date = &mut self.by_date;
        match self.orders.get_mut(key.index()) {
            Some(slot) => {
                let o = slot.get_or_insert_with(|| {
                    by_date.update(facts);
                    Order::new(sort::order(key, by_date, facts, index))
                });
                (&o.ids, &o.positions)
            }
            None => (&[], &[]),
        }
    }
}

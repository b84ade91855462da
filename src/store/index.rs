//! The store's indexes: interned keys with posting lists, posting lists per code, form,
//! role and plan state, and date and value columns sorted for range look-ups.

use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::facts::Facts;
use super::keys::{KeyId, KeySet, SeenTexts};
use super::runs::SortedRuns;
use super::vocab::{DateField, Plan, Role};
use super::FilingId;
use crate::model::{AcquiredDisposed, Filing, FormType, RowKind, TransactionCode};

/// Every index of the store. Built incrementally as batches of filings arrive.
#[derive(Debug, Default)]
pub struct Index {
    /// Issuer names.
    pub issuers: KeySet,
    /// Tickers, cleaned (upper case, placeholders dropped).
    pub tickers: KeySet,
    /// Owner names (every owner of a joint filing).
    pub owners: KeySet,
    /// Issuer CIKs, for `issuer:` filters given a number.
    pub issuer_ciks: KeySet,
    codes: FxHashMap<TransactionCode, Vec<FilingId>>,
    acquired: Vec<FilingId>,
    disposed: Vec<FilingId>,
    forms: FxHashMap<FormType, Vec<FilingId>>,
    roles: [Vec<FilingId>; 4],
    plans: [Vec<FilingId>; 3],
    by_filed: SortedRuns<NaiveDate>,
    by_traded: SortedRuns<NaiveDate>,
    by_max_value: SortedRuns<Decimal>,
    /// Issuer key of every filing, [`NO_KEY`] when it has none.
    issuer_keys: Vec<KeyId>,
    /// Ticker key of every filing, [`NO_KEY`] when it has none.
    ticker_keys: Vec<KeyId>,
    /// Owner keys of every filing, one run per filing (see `owner_starts`).
    owner_keys: Vec<KeyId>,
    /// Where each filing's run starts in `owner_keys`; one entry per filing.
    owner_starts: Vec<u32>,
    /// Keys found in the batch being added, by text (issuer names, CIKs, symbols, owner
    /// names).
    seen: [SeenTexts; 4],
}

/// Stands for "no key" in the per-filing key columns.
pub const NO_KEY: KeyId = KeyId::MAX;

/// The key of `raw` as shown (sanitised); `None` when nothing printable is left.
fn intern_clean(keys: &mut KeySet, raw: &str) -> Option<KeyId> {
    let clean = crate::text::sanitize(raw);
    if clean.is_empty() {
        return None;
    }
    keys.intern(&clean)
}

fn push_unique(list: &mut Vec<FilingId>, id: FilingId) {
    if list.last() != Some(&id) {
        list.push(id);
    }
}

impl Index {
    /// Indexes filing `id` and fills in the keys of its `facts`.
    pub fn add(&mut self, id: FilingId, filing: &Filing, facts: &mut Facts) {
        let [seen_issuers, seen_ciks, seen_tickers, seen_owners] = &mut self.seen;
        let issuers = &mut self.issuers;
        if let Some(key) = filing
            .issuer
            .name
            .as_ref()
            .and_then(|n| seen_issuers.key(n, |n| intern_clean(issuers, n)))
        {
            self.issuers.post(key, id);
            facts.issuer = Some(key);
        }
        let ciks = &mut self.issuer_ciks;
        if let Some(key) = filing
            .issuer
            .cik
            .as_ref()
            .and_then(|c| seen_ciks.key(c, |c| ciks.intern(normalize_cik(c))))
        {
            self.issuer_ciks.post(key, id);
        }
        let tickers = &mut self.tickers;
        if let Some(key) =
            filing.issuer.trading_symbol.as_ref().and_then(|t| {
                seen_tickers.key(t, |_| intern_clean(tickers, &filing.issuer.ticker()?))
            })
        {
            self.tickers.post(key, id);
            facts.ticker = Some(key);
        }
        self.issuer_keys.push(facts.issuer.unwrap_or(NO_KEY));
        self.ticker_keys.push(facts.ticker.unwrap_or(NO_KEY));
        self.owner_starts
            .push(u32::try_from(self.owner_keys.len()).unwrap_or(u32::MAX));
        for (n, owner) in filing.owners.iter().enumerate() {
            let owners = &mut self.owners;
            if let Some(key) = owner
                .name
                .as_ref()
                .and_then(|name| seen_owners.key(name, |name| intern_clean(owners, name)))
            {
                self.owners.post(key, id);
                self.owner_keys.push(key);
                if n == 0 {
                    facts.owner = Some(key);
                }
            }
            for role in Role::ALL {
                if role.held_in(&owner.relationship) {
                    if let Some(list) = self.roles.get_mut(role.index()) {
                        push_unique(list, id);
                    }
                }
            }
        }
        if let Some(list) = self.plans.get_mut(Plan::of(filing).index()) {
            push_unique(list, id);
        }
        push_unique(
            self.forms.entry(filing.document_type.clone()).or_default(),
            id,
        );
        for row in &filing.rows {
            if let Some(code) = row.code() {
                push_unique(self.codes.entry(code.clone()).or_default(), id);
            }
            match row.acquired_disposed.value {
                Some(AcquiredDisposed::Acquired) => push_unique(&mut self.acquired, id),
                Some(AcquiredDisposed::Disposed) => push_unique(&mut self.disposed, id),
                None => {}
            }
            if row.kind == RowKind::Transaction {
                if let Some(d) = row.transaction_date.value {
                    self.by_traded.push(d, id);
                }
            }
        }
        if let Some(d) = facts.date {
            self.by_filed.push(d, id);
        }
        if let Some(v) = facts.max_value {
            self.by_max_value.push(v, id);
        }
    }

    /// Ends a batch: its date and value pairs become searchable (see [`SortedRuns`]).
    pub fn finish_batch(&mut self) {
        for seen in &mut self.seen {
            seen.trim();
        }
        self.by_filed.finish_batch();
        self.by_traded.finish_batch();
        self.by_max_value.finish_batch();
    }

    /// The issuer and ticker keys of every filing, by id ([`NO_KEY`] where missing):
    /// compact columns for passes over all filings.
    pub fn issuer_and_ticker_keys(&self) -> (&[KeyId], &[KeyId]) {
        (&self.issuer_keys, &self.ticker_keys)
    }

    /// The owner keys of filing `id`, in filing order.
    pub fn owners_of(&self, id: FilingId) -> &[KeyId] {
        let i = id as usize;
        let Some(&start) = self.owner_starts.get(i) else {
            return &[];
        };
        let start = start as usize;
        let end = self
            .owner_starts
            .get(i + 1)
            .map_or(self.owner_keys.len(), |&s| s as usize);
        self.owner_keys.get(start..end).unwrap_or_default()
    }

    /// Filings with a transaction of this code.
    pub fn with_code(&self, code: &TransactionCode) -> &[FilingId] {
        self.codes.get(code).map_or(&[], |v| v)
    }

    /// The codes present in the store, with their filing counts, in code order.
    pub fn codes(&self) -> Vec<(&TransactionCode, usize)> {
        let mut out: Vec<_> = self.codes.iter().map(|(c, v)| (c, v.len())).collect();
        out.sort();
        out
    }

    /// Filings with a row acquired (A) or disposed of (D).
    pub fn with_acquired_disposed(&self, ad: AcquiredDisposed) -> &[FilingId] {
        match ad {
            AcquiredDisposed::Acquired => &self.acquired,
            AcquiredDisposed::Disposed => &self.disposed,
        }
    }

    /// Filings of this form type.
    pub fn with_form(&self, form: &FormType) -> &[FilingId] {
        self.forms.get(form).map_or(&[], |v| v)
    }

    /// Filings where some owner holds `role`.
    pub fn with_role(&self, role: Role) -> &[FilingId] {
        self.roles.get(role.index()).map_or(&[], |v| v)
    }

    /// Filings whose 10b5-1 flag is in state `plan`.
    pub fn with_plan(&self, plan: Plan) -> &[FilingId] {
        self.plans.get(plan.index()).map_or(&[], |v| v)
    }

    /// Ids whose `field` date lies in `from..=to` (either end open). A filing appears once
    /// per matching transaction for [`DateField::Traded`].
    pub fn in_date_range(
        &self,
        field: DateField,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> impl Iterator<Item = FilingId> + '_ {
        let column = match field {
            DateField::Filed => &self.by_filed,
            DateField::Traded => &self.by_traded,
        };
        column.in_range(from..=to)
    }

    /// Ids with a transaction worth at least `min`.
    pub fn with_value_at_least(&self, min: Decimal) -> impl Iterator<Item = FilingId> + '_ {
        self.by_max_value.in_range(Some(min)..=None)
    }
}

/// A CIK without its leading zeros, so `0001193125` and `1193125` meet.
pub fn normalize_cik(raw: &str) -> &str {
    let t = raw.trim().trim_start_matches('0');
    if t.is_empty() {
        "0"
    } else {
        t
    }
}

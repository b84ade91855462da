//! What the filings list shows and sorts by, worked out once per filing at load.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::keys::KeyId;
use super::vocab::Role;
use crate::model::{Filing, RowKind, Table};

/// A filing's summary: interned keys plus the sums the list shows. About 100 bytes,
/// so a million filings keep their summaries in 100 MB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// Filing date, else period of report.
    pub date: Option<NaiveDate>,
    /// True when `date` is the period of report because no filing date is known.
    pub is_period_date: bool,
    /// Issuer name key.
    pub issuer: Option<KeyId>,
    /// Ticker key.
    pub ticker: Option<KeyId>,
    /// First owner's name key.
    pub owner: Option<KeyId>,
    /// Number of reporting owners.
    pub owner_count: u32,
    /// Roles held by any owner, as bits of [`Role::index`].
    pub roles: u8,
    /// Number of rows in both tables.
    pub rows: u32,
    /// Net shares of Table I transactions: acquired minus disposed; `None` without any.
    pub net_shares: Option<Decimal>,
    /// Sum of shares × price over Table I transactions with both; `None` without any.
    pub value: Option<Decimal>,
    /// The largest single transaction value (either table), for minimum-value filters.
    pub max_value: Option<Decimal>,
}

impl Facts {
    /// Works out the numbers of a filing; keys are filled in by the store.
    pub fn of(filing: &Filing) -> Facts {
        let mut net_shares: Option<Decimal> = None;
        let mut value: Option<Decimal> = None;
        let mut max_value: Option<Decimal> = None;
        for row in filing
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Transaction)
        {
            let row_value = row.value().map(|v| v.abs());
            if let Some(v) = row_value {
                max_value = Some(max_value.map_or(v, |m| m.max(v)));
            }
            if row.table != Table::NonDerivative {
                continue;
            }
            if let Some(s) = row.signed_shares() {
                net_shares = Some(net_shares.unwrap_or_default().saturating_add(s));
            }
            if let (Some(s), Some(p)) = (row.shares.value, row.price_per_share.value) {
                if let Some(v) = s.checked_mul(p) {
                    value = Some(value.unwrap_or_default().saturating_add(v.abs()));
                }
            }
        }
        let mut roles = 0u8;
        for owner in &filing.owners {
            for role in Role::ALL {
                if role.held_in(&owner.relationship) {
                    roles |= 1 << role.index();
                }
            }
        }
        Facts {
            date: filing.date(),
            is_period_date: filing.filing_date.is_none() && filing.period_of_report.is_some(),
            issuer: None,
            ticker: None,
            owner: None,
            owner_count: u32::try_from(filing.owners.len()).unwrap_or(u32::MAX),
            roles,
            rows: u32::try_from(filing.rows.len()).unwrap_or(u32::MAX),
            net_shares,
            value,
            max_value,
        }
    }

    /// Whether any owner holds `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles & (1 << role.index()) != 0
    }

    /// Short labels of the roles held: `Dir,Off`.
    pub fn role_labels(&self) -> String {
        Role::ALL
            .into_iter()
            .filter(|r| self.has_role(*r))
            .map(Role::short)
            .collect::<Vec<_>>()
            .join(",")
    }
}

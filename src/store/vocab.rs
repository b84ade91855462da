//! The small vocabularies that filters, the index and the screens share: owner roles,
//! the 10b5-1 plan state and which date a range applies to.

use crate::model::{Filing, Relationship};

/// A reporting owner's role (box 5 of the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Director.
    Director,
    /// Officer.
    Officer,
    /// Owner of 10% or more.
    TenPercentOwner,
    /// Other (explained in the filing).
    Other,
}

impl Role {
    /// Every role, in the order of the form's boxes.
    pub const ALL: [Role; 4] = [
        Role::Director,
        Role::Officer,
        Role::TenPercentOwner,
        Role::Other,
    ];

    /// The word used in filters: `director`, `officer`, `10%`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Director => "director",
            Role::Officer => "officer",
            Role::TenPercentOwner => "10%",
            Role::Other => "other",
        }
    }

    /// Short label for narrow columns: `Dir`, `Off`, `10%`, `Oth`.
    pub fn short(self) -> &'static str {
        match self {
            Role::Director => "Dir",
            Role::Officer => "Off",
            Role::TenPercentOwner => "10%",
            Role::Other => "Oth",
        }
    }

    /// Reads a role word (any case): `director`/`dir`, `officer`/`off`,
    /// `10%`/`ten`/`tenpercent`/`owner`, `other`/`oth`.
    pub fn parse(raw: &str) -> Option<Role> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "director" | "dir" | "d" => Some(Role::Director),
            "officer" | "off" | "o" => Some(Role::Officer),
            "10%" | "10" | "ten" | "tenpercent" | "10%owner" | "owner" => {
                Some(Role::TenPercentOwner)
            }
            "other" | "oth" => Some(Role::Other),
            _ => None,
        }
    }

    /// Whether the relationship has this role.
    pub fn held_in(self, r: &Relationship) -> bool {
        match self {
            Role::Director => r.is_director,
            Role::Officer => r.is_officer,
            Role::TenPercentOwner => r.is_ten_percent_owner,
            Role::Other => r.is_other,
        }
    }

    /// Position in [`Role::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The Rule 10b5-1(c) plan box: ticked, not ticked, or not on the form (before 2023).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Plan {
    /// The box was ticked.
    Yes,
    /// The box was filed and not ticked.
    No,
    /// The flag was not filed.
    Unknown,
}

impl Plan {
    /// Every state.
    pub const ALL: [Plan; 3] = [Plan::Yes, Plan::No, Plan::Unknown];

    /// The state of a filing's flag.
    pub fn of(filing: &Filing) -> Plan {
        match filing.flags.aff10b5_one {
            Some(true) => Plan::Yes,
            Some(false) => Plan::No,
            None => Plan::Unknown,
        }
    }

    /// `yes`, `no` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Plan::Yes => "yes",
            Plan::No => "no",
            Plan::Unknown => "unknown",
        }
    }

    /// Reads `yes`/`y`/`true`/`1`, `no`/`n`/`false`/`0`, `unknown`/`?`/`none` (any case).
    pub fn parse(raw: &str) -> Option<Plan> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" | "1" => Some(Plan::Yes),
            "no" | "n" | "false" | "0" => Some(Plan::No),
            "unknown" | "?" | "none" | "unset" => Some(Plan::Unknown),
            _ => None,
        }
    }

    /// Position in [`Plan::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Which date a date range looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DateField {
    /// The date a filing is listed by: filing date, else period of report.
    #[default]
    Filed,
    /// Any transaction date on the filing.
    Traded,
}

impl DateField {
    /// `filed` or `traded`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateField::Filed => "filed",
            DateField::Traded => "traded",
        }
    }

    /// Reads `filed`/`filing`/`f` or `traded`/`trade`/`transaction`/`tx`/`t`.
    pub fn parse(raw: &str) -> Option<DateField> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "filed" | "filing" | "f" => Some(DateField::Filed),
            "traded" | "trade" | "transaction" | "tx" | "t" => Some(DateField::Traded),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for p in Plan::ALL {
            assert_eq!(Plan::parse(p.as_str()), Some(p));
        }
        for f in [DateField::Filed, DateField::Traded] {
            assert_eq!(DateField::parse(f.as_str()), Some(f));
        }
        assert_eq!(Role::parse("Director"), Some(Role::Director));
        assert_eq!(Role::parse("ceo"), None);
        assert_eq!(Plan::parse("maybe"), None);
    }
}

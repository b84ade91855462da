//! Filters: the query type, its parser and its evaluation against the store.
//!
//! One parser serves the in-app prompt and the command line. The prompt reads text such
//! as `ticker:CLRB code:S from:2018-01-01 to:2018-12-31 role:director min:100000
//! plan:yes form:4 ad:D owner:caruso issuer:cellectar`; the command line hands the same
//! `(key, value)` pairs to [`Query::from_pairs`]. Clauses combine with AND; the values of
//! one clause (`code:S,P`) with OR. Each clause becomes an [`IdSet`] built from posting
//! lists or sorted columns, and the sets are intersected.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::idset::IdSet;
use super::index::normalize_cik;
use super::vocab::{DateField, Plan, Role};
use super::Store;
use crate::model::{AcquiredDisposed, FormType, TransactionCode};

/// A mistake in filter text. Shown to the user as a status message; nothing changes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// A word without `key:`.
    #[error("'{0}' is not key:value (try ticker:CLRB, code:S, from:2018-01-01)")]
    NotKeyValue(String),
    /// An unknown key.
    #[error("unknown filter '{0}' (keys: {KEYS})")]
    UnknownKey(String),
    /// A key with nothing after the colon.
    #[error("'{0}:' needs a value")]
    EmptyValue(String),
    /// A value the key does not accept.
    #[error("{key}: cannot read '{value}': expected {expected}")]
    BadValue {
        /// The key.
        key: &'static str,
        /// The value as typed.
        value: String,
        /// What the key accepts.
        expected: &'static str,
    },
    /// A quote opened and never closed.
    #[error("unclosed quote in '{0}'")]
    UnclosedQuote(String),
    /// `from` after `to`.
    #[error("from:{0} is after to:{1}")]
    EmptyRange(NaiveDate, NaiveDate),
}

/// The keys the parser knows, for messages and help.
pub const KEYS: &str = "issuer ticker owner code ad form role plan min from to date";

/// One condition of a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// Issuer name contains every word (case-insensitive), or the issuer CIK equals it.
    Issuer(String),
    /// Ticker is one of these (upper case).
    Ticker(Vec<String>),
    /// Some owner's name contains every word (case-insensitive).
    Owner(String),
    /// Some row carries one of these transaction codes.
    Code(Vec<TransactionCode>),
    /// Some row was acquired (A) or disposed of (D).
    AcquiredDisposed(AcquiredDisposed),
    /// The form is one of these.
    Form(Vec<FormType>),
    /// Some owner holds one of these roles.
    Role(Vec<Role>),
    /// The 10b5-1 plan flag is in one of these states.
    Plan(Vec<Plan>),
    /// Some transaction is worth at least this much (shares × price, or filed value).
    MinValue(Decimal),
    /// A date between `from` and `to` (inclusive, either open).
    Dates {
        /// Filing date or transaction dates.
        field: DateField,
        /// First day.
        from: Option<NaiveDate>,
        /// Last day.
        to: Option<NaiveDate>,
    },
}

/// A filter: clauses that must all hold. Empty means "everything".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    clauses: Vec<Clause>,
}

impl Query {
    /// Reads filter text typed at the prompt.
    pub fn parse(text: &str) -> Result<Query, FilterError> {
        let tokens = tokenize(text)?;
        Query::from_pairs(tokens.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Builds a query from `(key, value)` pairs, as the command line supplies them.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Query, FilterError> {
        let mut clauses = Vec::new();
        let mut dates: Option<(usize, DateField, Option<NaiveDate>, Option<NaiveDate>)> = None;
        for (key, value) in pairs {
            let key_lc = key.trim().to_ascii_lowercase();
            let value = value.trim();
            let canonical =
                canonical_key(&key_lc).ok_or_else(|| FilterError::UnknownKey(key.to_string()))?;
            if value.is_empty() {
                return Err(FilterError::EmptyValue(canonical.to_string()));
            }
            let slot = clauses.len();
            match canonical {
                "from" | "to" | "date" => {
                    let d = dates.get_or_insert((slot, DateField::Filed, None, None));
                    match canonical {
                        "from" => d.2 = Some(parse_date(value, true)?),
                        "to" => d.3 = Some(parse_date(value, false)?),
                        _ => {
                            d.1 = DateField::parse(value)
                                .ok_or_else(|| bad("date", value, "filed or traded"))?
                        }
                    }
                }
                _ => clauses.push(parse_clause(canonical, value)?),
            }
        }
        if let Some((slot, field, from, to)) = dates {
            if let (Some(f), Some(t)) = (from, to) {
                if f > t {
                    return Err(FilterError::EmptyRange(f, t));
                }
            }
            let clause = Clause::Dates { field, from, to };
            clauses.insert(slot.min(clauses.len()), clause);
        }
        Ok(Query { clauses })
    }

    /// The clauses, in the order given.
    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Drops the last clause; returns it.
    pub fn pop(&mut self) -> Option<Clause> {
        self.clauses.pop()
    }

    /// Adds the clauses of `other` after this query's own.
    pub fn extend(&mut self, other: Query) {
        self.clauses.extend(other.clauses);
    }

    /// Drops every clause.
    pub fn clear(&mut self) {
        self.clauses.clear();
    }

    /// The filings that pass, or `None` when the query is empty (everything passes).
    pub fn evaluate(&self, store: &Store) -> Option<IdSet> {
        let mut sets = self.clauses.iter().map(|c| clause_set(c, store));
        let mut acc = sets.next()?;
        for s in sets {
            acc.intersect_with(&s);
        }
        Some(acc)
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn list<T>(items: &[T], s: impl Fn(&T) -> &str) -> String {
            items.iter().map(s).collect::<Vec<_>>().join(",")
        }
        match self {
            Clause::Issuer(s) => write!(f, "issuer:{}", quote(s)),
            Clause::Ticker(t) => write!(f, "ticker:{}", list(t, |s| s.as_str())),
            Clause::Owner(s) => write!(f, "owner:{}", quote(s)),
            Clause::Code(c) => write!(f, "code:{}", list(c, |c| c.as_str())),
            Clause::AcquiredDisposed(a) => write!(f, "ad:{}", a.as_str()),
            Clause::Form(v) => write!(f, "form:{}", list(v, |x| x.as_str())),
            Clause::Role(v) => write!(f, "role:{}", list(v, |r| r.as_str())),
            Clause::Plan(v) => write!(f, "plan:{}", list(v, |p| p.as_str())),
            Clause::MinValue(d) => write!(f, "min:{d}"),
            Clause::Dates { field, from, to } => {
                let mut parts = Vec::new();
                if let Some(d) = from {
                    parts.push(format!("from:{d}"));
                }
                if let Some(d) = to {
                    parts.push(format!("to:{d}"));
                }
                if *field != DateField::Filed {
                    parts.push(format!("date:{}", field.as_str()));
                }
                f.write_str(&parts.join(" "))
            }
        }
    }
}

fn quote(s: &str) -> String {
    if s.contains(char::is_whitespace) {
        format!("\"{s}\"")
    } else {
        s.to_string()
    }
}

fn canonical_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "issuer" | "i" | "company" => "issuer",
        "ticker" | "t" | "symbol" => "ticker",
        "owner" | "o" | "insider" => "owner",
        "code" | "c" => "code",
        "ad" | "a/d" => "ad",
        "form" | "f" => "form",
        "role" | "r" => "role",
        "plan" | "10b5-1" | "10b51" => "plan",
        "min" | "minvalue" | "value" => "min",
        "from" | "since" | "after" => "from",
        "to" | "until" | "before" => "to",
        "date" | "dates" | "on" => "date",
        _ => return None,
    })
}

fn bad(key: &'static str, value: &str, expected: &'static str) -> FilterError {
    FilterError::BadValue {
        key,
        value: value.to_string(),
        expected,
    }
}

fn parse_clause(key: &'static str, value: &str) -> Result<Clause, FilterError> {
    let items = || value.split(',').map(str::trim).filter(|s| !s.is_empty());
    Ok(match key {
        // Quotes only delimit values; a name holding one could not be typed back.
        "issuer" => Clause::Issuer(value.replace('"', "").to_lowercase()),
        "owner" => Clause::Owner(value.replace('"', "").to_lowercase()),
        "ticker" => Clause::Ticker(items().map(str::to_ascii_uppercase).collect()),
        "code" => Clause::Code(
            items()
                .map(|c| match TransactionCode::parse(c) {
                    Some(TransactionCode::Other(_)) | None => Err(bad(
                        "code",
                        c,
                        "a transaction code such as P, S, A, M, F, G",
                    )),
                    Some(code) => Ok(code),
                })
                .collect::<Result<_, _>>()?,
        ),
        "ad" => Clause::AcquiredDisposed(
            AcquiredDisposed::parse(value).ok_or_else(|| bad("ad", value, "A or D"))?,
        ),
        "form" => Clause::Form(
            items()
                .map(|f| match FormType::parse(f) {
                    FormType::Other(_) => Err(bad("form", f, "3, 4, 5, 3/A, 4/A or 5/A")),
                    form => Ok(form),
                })
                .collect::<Result<_, _>>()?,
        ),
        "role" => Clause::Role(
            items()
                .map(|r| {
                    Role::parse(r).ok_or_else(|| bad("role", r, "director, officer, 10% or other"))
                })
                .collect::<Result<_, _>>()?,
        ),
        "plan" => Clause::Plan(
            items()
                .map(|p| Plan::parse(p).ok_or_else(|| bad("plan", p, "yes, no or unknown")))
                .collect::<Result<_, _>>()?,
        ),
        "min" => Clause::MinValue(parse_amount(value)?),
        _ => return Err(FilterError::UnknownKey(key.to_string())),
    })
}

/// Reads an amount: `100000`, `100,000`, `$250k`, `1.5m`, `2b`.
fn parse_amount(value: &str) -> Result<Decimal, FilterError> {
    let expected = "an amount such as 100000, 250k or 1.5m";
    let lower = value.trim().to_ascii_lowercase();
    let (digits, scale) = match lower.chars().last() {
        Some('k') => (lower.trim_end_matches('k'), Decimal::from(1_000)),
        Some('m') => (lower.trim_end_matches('m'), Decimal::from(1_000_000)),
        Some('b') => (lower.trim_end_matches('b'), Decimal::from(1_000_000_000)),
        _ => (lower.as_str(), Decimal::ONE),
    };
    match crate::parse::values::decimal(digits) {
        Ok(Some(d)) if d >= Decimal::ZERO => d
            .checked_mul(scale)
            .ok_or_else(|| bad("min", value, expected)),
        _ => Err(bad("min", value, expected)),
    }
}

/// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a month or year means its first day for
/// `from` and its last day for `to`.
fn parse_date(value: &str, is_start: bool) -> Result<NaiveDate, FilterError> {
    let key = if is_start { "from" } else { "to" };
    let err = || bad(key, value, "a date YYYY-MM-DD, YYYY-MM or YYYY");
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| s.parse::<u32>().ok();
    let year = parts
        .first()
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|y| (1900..=9999).contains(y))
        .ok_or_else(err)?;
    match parts.as_slice() {
        [_] => NaiveDate::from_ymd_opt(
            year,
            if is_start { 1 } else { 12 },
            if is_start { 1 } else { 31 },
        ),
        [_, m] => {
            let m = num(m).ok_or_else(err)?;
            let first = NaiveDate::from_ymd_opt(year, m, 1);
            if is_start {
                first
            } else {
                first.and_then(|f| {
                    let next = if m == 12 {
                        NaiveDate::from_ymd_opt(year + 1, 1, 1)
                    } else {
                        f.with_month(m + 1)
                    };
                    next.and_then(|n| n.pred_opt())
                })
            }
        }
        [_, m, d] => {
            NaiveDate::from_ymd_opt(year, num(m).ok_or_else(err)?, num(d).ok_or_else(err)?)
        }
        _ => None,
    }
    .ok_or_else(err)
}

/// Splits prompt text into `(key, value)` pairs; a value may be quoted to hold spaces
/// (`owner:"caruso james"`).
fn tokenize(text: &str) -> Result<Vec<(String, String)>, FilterError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return Ok(out);
        }
        let mut word = String::new();
        let mut is_quoted = false;
        let mut is_closed = true;
        while let Some(&c) = chars.peek() {
            if c == '"' {
                chars.next();
                is_quoted = !is_quoted;
                is_closed = !is_quoted;
                continue;
            }
            if c.is_whitespace() && !is_quoted {
                break;
            }
            word.push(c);
            chars.next();
        }
        if !is_closed {
            return Err(FilterError::UnclosedQuote(word));
        }
        match word.split_once(':') {
            Some((k, v)) if !k.is_empty() => out.push((k.to_string(), v.to_string())),
            _ => return Err(FilterError::NotKeyValue(word)),
        }
    }
}

fn union(universe: usize, lists: impl IntoIterator<Item = impl IntoIterator<Item = u32>>) -> IdSet {
    let mut set = IdSet::empty(universe);
    for list in lists {
        for id in list {
            set.insert(id);
        }
    }
    set
}

fn words_match(folded: &str, words: &[&str]) -> bool {
    words.iter().all(|w| folded.contains(w))
}

fn clause_set(clause: &Clause, store: &Store) -> IdSet {
    use rayon::prelude::*;
    let n = store.len();
    let index = store.index();
    let by_words = |keys: &super::keys::KeySet, needle: &str| {
        let words: Vec<&str> = needle.split_whitespace().collect();
        let matched: Vec<u32> = keys
            .ids()
            .into_par_iter()
            .filter(|&k| words_match(keys.folded(k), &words))
            .collect();
        union(n, matched.iter().map(|&k| keys.postings(k).iter().copied()))
    };
    match clause {
        Clause::Issuer(needle) => {
            let mut set = by_words(&index.issuers, needle);
            if needle.chars().all(|c| c.is_ascii_digit()) {
                if let Some(k) = index.issuer_ciks.find(normalize_cik(needle)) {
                    for &id in index.issuer_ciks.postings(k) {
                        set.insert(id);
                    }
                }
            }
            set
        }
        Clause::Owner(needle) => by_words(&index.owners, needle),
        Clause::Ticker(list) => union(
            n,
            list.iter()
                .filter_map(|t| index.tickers.find(t))
                .map(|k| index.tickers.postings(k).iter().copied()),
        ),
        Clause::Code(codes) => union(n, codes.iter().map(|c| index.with_code(c).iter().copied())),
        Clause::AcquiredDisposed(ad) => {
            union(n, [index.with_acquired_disposed(*ad).iter().copied()])
        }
        Clause::Form(forms) => union(n, forms.iter().map(|f| index.with_form(f).iter().copied())),
        Clause::Role(roles) => union(n, roles.iter().map(|r| index.with_role(*r).iter().copied())),
        Clause::Plan(plans) => union(n, plans.iter().map(|p| index.with_plan(*p).iter().copied())),
        Clause::MinValue(min) => IdSet::from_ids(n, index.with_value_at_least(*min)),
        Clause::Dates { field, from, to } => {
            IdSet::from_ids(n, index.in_date_range(*field, *from, *to))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_the_full_example() {
        let q = Query::parse(
            "ticker:CLRB code:S from:2018-01-01 to:2018-12-31 role:director min:100000 \
             plan:yes form:4 ad:D owner:caruso issuer:cellectar",
        )
        .unwrap();
        assert_eq!(
            q.clauses(),
            &[
                Clause::Ticker(vec!["CLRB".into()]),
                Clause::Code(vec![TransactionCode::S]),
                Clause::Dates {
                    field: DateField::Filed,
                    from: Some(d("2018-01-01")),
                    to: Some(d("2018-12-31"))
                },
                Clause::Role(vec![Role::Director]),
                Clause::MinValue(Decimal::from(100_000)),
                Clause::Plan(vec![Plan::Yes]),
                Clause::Form(vec![FormType::Form4]),
                Clause::AcquiredDisposed(AcquiredDisposed::Disposed),
                Clause::Owner("caruso".into()),
                Clause::Issuer("cellectar".into()),
            ]
        );
    }

    #[test]
    fn display_round_trips() {
        for text in [
            "ticker:CLRB,AAPL code:S,P",
            "owner:\"caruso james\" date:traded",
            "from:2018-01-01 to:2018-12-31 date:traded form:4/A",
            "min:250000 role:director,10% plan:unknown ad:A issuer:1000045",
        ] {
            let q = Query::parse(text).unwrap();
            let again = Query::parse(&q.to_string()).unwrap();
            assert_eq!(q, again, "{text} -> {q}");
        }
        assert_eq!(
            Query::parse("t:clrb c:s,p").unwrap().to_string(),
            "ticker:CLRB code:S,P"
        );
    }

    #[test]
    fn reads_amounts_and_partial_dates() {
        let q = Query::parse("min:$1.5m from:2018 to:2019-02").unwrap();
        assert_eq!(q.clauses()[0], Clause::MinValue(Decimal::from(1_500_000)));
        assert_eq!(
            q.clauses()[1],
            Clause::Dates {
                field: DateField::Filed,
                from: Some(d("2018-01-01")),
                to: Some(d("2019-02-28"))
            }
        );
        let q = Query::parse("min:250k to:2020-12").unwrap();
        assert_eq!(q.clauses()[0], Clause::MinValue(Decimal::from(250_000)));
        assert!(
            matches!(q.clauses()[1], Clause::Dates { to: Some(t), .. } if t == d("2020-12-31"))
        );
    }

    #[test]
    fn mistakes_are_errors_that_say_what_is_wrong() {
        let cases = [
            ("caruso", "not key:value"),
            ("colour:red", "unknown filter"),
            ("code:", "needs a value"),
            ("code:Q", "transaction code"),
            ("ad:X", "A or D"),
            ("form:8-K", "3, 4, 5"),
            ("role:ceo", "director"),
            ("plan:maybe", "yes, no"),
            ("min:lots", "amount"),
            ("min:-5", "amount"),
            ("from:2018-13-01", "YYYY-MM-DD"),
            ("from:yesterday", "YYYY-MM-DD"),
            ("date:soon", "filed or traded"),
            ("owner:\"caruso", "unclosed quote"),
            ("from:2019-01-01 to:2018-01-01", "is after"),
        ];
        for (text, needle) in cases {
            let err = Query::parse(text).unwrap_err().to_string();
            assert!(err.contains(needle), "{text}: {err}");
        }
    }

    #[test]
    fn pairs_from_the_command_line_use_the_same_parser() {
        let a =
            Query::from_pairs([("ticker", "CLRB"), ("code", "S"), ("from", "2018-01-01")]).unwrap();
        let b = Query::parse("ticker:CLRB code:S from:2018-01-01").unwrap();
        assert_eq!(a, b);
        assert!(Query::from_pairs([("nope", "x")]).is_err());
        assert!(Query::parse("   ").unwrap().is_empty());
    }
}

//! Table I and Table II rows of a synthetic filing, made from the events that produce
//! them in real filings: sales split into lots, grants, vesting with tax withholding,
//! option and warrant exercises, gifts, conversions, fund distributions, holdings.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use thin_vec::thin_vec;

use crate::model::{
    AcquiredDisposed, Coding, DirectIndirect, FootnoteId, FootnoteIds, Fv, Row, RowKind, Table,
    Text, Timeliness, TransactionCode,
};

use super::calendar::{add_days, add_years, days_between, weekday_on_or_before};
use super::footnotes::{self as fnote, Notes};
use super::pools::{IssuerEntry, Pools};
use super::rng::Rng;

/// What happened, as a Form 4 reports it in one or more rows.
#[derive(Debug, Clone, Copy)]
enum Event {
    Sale,
    Purchase,
    Grant,
    Vest,
    OptionExercise,
    WarrantExercise,
    Gift,
    Conversion,
    NotePurchase,
    Distribution,
    ToIssuer,
    Withholding,
    Rare,
}

/// The events of an insider's Form 4, weighted so codes come out in about the proportions
/// of real filings (S, then M, A, F, P, G, C, J, X, D, and now and then the rest).
const INSIDER_EVENTS: &[(Event, u32)] = &[
    (Event::Sale, 240),
    (Event::Purchase, 60),
    (Event::Grant, 200),
    (Event::Vest, 160),
    (Event::OptionExercise, 80),
    (Event::WarrantExercise, 20),
    (Event::Gift, 60),
    (Event::Conversion, 30),
    (Event::NotePurchase, 10),
    (Event::Distribution, 40),
    (Event::ToIssuer, 20),
    (Event::Withholding, 50),
    (Event::Rare, 30),
];

/// The events of funds filing jointly: they trade, convert and distribute, and get no
/// grants.
const FUND_EVENTS: &[(Event, u32)] = &[
    (Event::Sale, 4),
    (Event::Purchase, 2),
    (Event::Conversion, 2),
    (Event::NotePurchase, 1),
    (Event::Distribution, 2),
    (Event::WarrantExercise, 1),
];

/// A value with one footnote.
fn noted<T>(value: Option<T>, id: &FootnoteId) -> Fv<T> {
    Fv::with_footnotes(value, thin_vec![id.clone()])
}

/// A Table II column group: price, dates and the underlying amount.
struct Terms {
    title: Text,
    conversion: Fv<Decimal>,
    exercise: Fv<NaiveDate>,
    expiration: Fv<NaiveDate>,
    underlying: Fv<Decimal>,
}

/// The state of one filing while its rows are made.
pub(crate) struct RowMaker<'a> {
    pub(crate) rng: &'a mut Rng,
    pools: &'a Pools,
    issuer: &'a IssuerEntry,
    pub(crate) notes: Notes,
    t1: Vec<Row>,
    h1: Vec<Row>,
    t2: Vec<Row>,
    h2: Vec<Row>,
    /// The earliest transaction date (the period of report).
    first_day: NaiveDate,
    /// The latest transaction date.
    last_day: NaiveDate,
    /// `transactionFormType` of ordinary lines: "4" on Form 4, "5" on Form 5.
    form_type: Text,
    /// Shares held directly, carried from row to row.
    balance: Decimal,
    /// Whether this filer's software writes `equitySwapInvolved`.
    writes_swap: bool,
    /// Price level of the stock this filing, in ten-thousandths of a dollar.
    price: u64,
    /// Decimals written in prices.
    price_scale: u32,
    /// Whether a Rule 10b5-1 plan footnote was written.
    pub(crate) used_plan: bool,
    /// The footnotes every unit row shares, once made.
    unit_note: Option<FootnoteId>,
    tax_note: Option<FootnoteId>,
    /// The surname used for trusts of this filing.
    family: Text,
}

impl<'a> RowMaker<'a> {
    /// A maker for a filing of `issuer` whose transactions fall between `first_day` and
    /// `last_day`; `form_type` is the line form type ("4" or "5").
    pub(crate) fn new(
        rng: &'a mut Rng,
        pools: &'a Pools,
        issuer: &'a IssuerEntry,
        (first_day, last_day): (NaiveDate, NaiveDate),
        form_type: Text,
        family: Text,
    ) -> RowMaker<'a> {
        let balance = Decimal::from(rng.log_uniform(500, 3_000_000));
        let writes_swap = rng.chance(920);
        let price = issuer.price * (80 + rng.below(41)) / 100;
        let price_scale = match rng.below(100) {
            0..=59 => 2,
            60..=74 => 3,
            _ => 4,
        };
        RowMaker {
            rng,
            pools,
            issuer,
            notes: Notes::new(),
            t1: Vec::new(),
            h1: Vec::new(),
            t2: Vec::new(),
            h2: Vec::new(),
            first_day,
            last_day,
            form_type,
            balance,
            writes_swap,
            price: price.max(1),
            price_scale,
            used_plan: false,
            unit_note: None,
            tax_note: None,
            family,
        }
    }

    /// The rows made so far: Table I transactions and holdings, then Table II.
    pub(crate) fn into_rows(self) -> (Vec<Row>, Notes) {
        let mut rows = self.t1;
        rows.extend(self.h1);
        rows.extend(self.t2);
        rows.extend(self.h2);
        (rows, self.notes)
    }

    fn row_count(&self) -> usize {
        self.t1.len() + self.h1.len() + self.t2.len() + self.h2.len()
    }

    /// How many rows a filing gets: mostly one or two, a long tail up to forty.
    fn row_budget(&mut self) -> usize {
        if self.rng.chance(35) {
            return self.rng.range(10, 40) as usize;
        }
        let mut n = 1;
        while n < 8 && self.rng.chance(420) {
            n += 1;
        }
        n
    }

    // ----- values -------------------------------------------------------------------

    /// A market price near this filing's level.
    fn market_price(&mut self) -> Decimal {
        let p = self.price * (97 + self.rng.below(7)) / 100;
        let p = Decimal::new(i64::try_from(p.max(1)).unwrap_or(i64::MAX), 4);
        let p = p.round_dp(self.price_scale);
        if p.is_zero() {
            Decimal::new(1, self.price_scale)
        } else {
            p
        }
    }

    /// An exercise price below the market, with cents.
    fn strike(&mut self) -> Decimal {
        let p = self.price * (15 + self.rng.below(80)) / 100;
        Decimal::new(i64::try_from(p.max(100)).unwrap_or(i64::MAX), 4).round_dp(2)
    }

    /// A share count: any size, often round, sometimes fractional.
    fn shares(&mut self, lo: u64, hi: u64) -> Decimal {
        let n = self.rng.log_uniform(lo, hi);
        if self.rng.chance(30) {
            let frac = self.rng.below(1000);
            return Decimal::new(i64::try_from(n * 1000 + frac).unwrap_or(i64::MAX), 3);
        }
        let n = if n > 1000 && self.rng.chance(350) {
            n / 100 * 100
        } else {
            n
        };
        Decimal::from(n)
    }

    /// A transaction date in the filing's window; the first event falls on the first day.
    fn day(&mut self) -> NaiveDate {
        if self.row_count() == 0 || self.rng.chance(550) {
            return self.first_day;
        }
        let span = days_between(self.first_day, self.last_day).max(0);
        weekday_on_or_before(add_days(self.first_day, self.rng.range(0, span))).max(self.first_day)
    }

    fn coding(&mut self, code: TransactionCode) -> Option<Coding> {
        Some(Coding {
            form_type: Some(self.form_type.clone()),
            code: Some(code),
            equity_swap_involved: self.writes_swap.then_some(false),
            footnotes: FootnoteIds::new(),
        })
    }

    fn unit_note(&mut self) -> FootnoteId {
        if let Some(id) = &self.unit_note {
            return id.clone();
        }
        let id = self.notes.add(fnote::unit_right(&self.issuer.stock));
        self.unit_note = Some(id.clone());
        id
    }

    fn tax_note(&mut self) -> FootnoteId {
        if let Some(id) = &self.tax_note {
            return id.clone();
        }
        let id = self.notes.add(fnote::TAX_WITHHOLDING);
        self.tax_note = Some(id.clone());
        id
    }

    /// Marks a row as held indirectly, with a nature and often a footnote explaining it.
    fn make_indirect(&mut self, row: &mut Row) {
        let nature = self.rng.weighted(&self.pools.lex.natures).clone();
        let explain = &*nature == "See footnote" || self.rng.chance(450);
        row.direct_indirect = Fv::new(DirectIndirect::Indirect);
        row.nature_of_ownership = if explain {
            let text = if nature.contains("Trust") || &*nature == "See footnote" {
                fnote::held_by_trust(&self.family)
            } else {
                fnote::DISCLAIMER.to_string()
            };
            let id = self.notes.add(text);
            noted(Some(nature), &id)
        } else {
            Fv::new(nature)
        };
        row.shares_owned_following = Fv::new(Decimal::from(self.rng.log_uniform(1_000, 900_000)));
    }

    // ----- row builders -------------------------------------------------------------

    /// A Table I transaction in the issuer's stock, held directly; the balance moves.
    fn stock_row(
        &mut self,
        code: TransactionCode,
        ad: AcquiredDisposed,
        shares: Decimal,
        price: Fv<Decimal>,
        day: NaiveDate,
    ) -> Row {
        let mut r = Row::new(Table::NonDerivative, RowKind::Transaction);
        r.security_title = Fv::new(self.issuer.stock.clone());
        r.transaction_date = Fv::new(day);
        if self.rng.chance(15) {
            r.deemed_execution_date = Fv::new(add_days(day, self.rng.range(0, 2)));
        }
        r.coding = self.coding(code);
        r.shares = Fv::new(shares);
        r.price_per_share = price;
        r.acquired_disposed = Fv::new(ad);
        self.balance = match ad {
            AcquiredDisposed::Acquired => self.balance.saturating_add(shares),
            AcquiredDisposed::Disposed => {
                if self.balance < shares {
                    // Holdings are not tracked before the filing: assume enough was held.
                    self.balance = self.balance.saturating_add(shares).saturating_add(shares);
                }
                self.balance.saturating_sub(shares)
            }
        };
        r.shares_owned_following = Fv::new(self.balance);
        r.direct_indirect = Fv::new(DirectIndirect::Direct);
        r
    }

    /// A Table II row of the given kind with its terms; amounts are filled by the caller.
    fn derivative_row(&mut self, kind: RowKind, terms: Terms) -> Row {
        let mut r = Row::new(Table::Derivative, kind);
        r.security_title = Fv::new(terms.title);
        r.direct_indirect = Fv::new(DirectIndirect::Direct);
        if let Some(d) = r.derivative.as_deref_mut() {
            d.conversion_or_exercise_price = terms.conversion;
            d.exercise_date = terms.exercise;
            d.expiration_date = terms.expiration;
            d.underlying_title = Fv::new(self.issuer.stock.clone());
            d.underlying_shares = terms.underlying;
        }
        r
    }

    /// A Table II transaction: code, amount, price and the amount owned after.
    #[allow(clippy::too_many_arguments)]
    fn derivative_txn(
        &mut self,
        terms: Terms,
        code: TransactionCode,
        ad: AcquiredDisposed,
        shares: Decimal,
        price: Fv<Decimal>,
        owned_after: Decimal,
        day: NaiveDate,
    ) -> Row {
        let mut r = self.derivative_row(RowKind::Transaction, terms);
        r.transaction_date = Fv::new(day);
        r.coding = self.coding(code);
        r.shares = Fv::new(shares);
        r.price_per_share = price;
        r.acquired_disposed = Fv::new(ad);
        r.shares_owned_following = Fv::new(owned_after);
        r
    }

    fn option_terms(&mut self, grant: NaiveDate, shares: Decimal) -> Terms {
        let title = self.rng.pick(&self.pools.lex.options).clone();
        let conversion = Fv::new(self.strike());
        let exercise = if self.rng.chance(400) {
            let id = self.notes.add(fnote::option_vesting(grant));
            noted(None, &id)
        } else if self.rng.chance(300) {
            let id = self.notes.add(fnote::FULLY_VESTED);
            noted(None, &id)
        } else {
            Fv::new(add_years(grant, 1))
        };
        Terms {
            title,
            conversion,
            exercise,
            expiration: Fv::new(add_days(add_years(grant, 10), -1)),
            underlying: Fv::new(shares),
        }
    }

    fn unit_terms(&mut self, shares: Decimal) -> Terms {
        let title = self.rng.pick(&self.pools.lex.units).clone();
        let unit = self.unit_note();
        let conversion = if self.rng.chance(500) {
            noted(Some(Decimal::ZERO), &unit)
        } else {
            noted(None, &unit)
        };
        let start = add_years(self.first_day, -(self.rng.range(0, 3) as i32));
        let quarterly = self.rng.chance(400);
        let vest = self.notes.add(fnote::vesting(
            start,
            if quarterly { 16 } else { 4 },
            quarterly,
        ));
        let expiration = if self.rng.chance(500) {
            let id = self.notes.add(fnote::NO_EXPIRY);
            noted(None, &id)
        } else {
            noted(None, &unit)
        };
        Terms {
            title,
            conversion,
            exercise: noted(None, &vest),
            expiration,
            underlying: Fv::new(shares),
        }
    }

    // ----- events -------------------------------------------------------------------

    /// Open-market sales (or purchases) in `lots` trades, with weighted-average price
    /// footnotes, some prices given only as a footnote, and often a 10b5-1 plan.
    fn trades(&mut self, lots: usize, sell: bool) {
        let (code, ad) = if sell {
            (TransactionCode::S, AcquiredDisposed::Disposed)
        } else {
            (TransactionCode::P, AcquiredDisposed::Acquired)
        };
        let plan = (sell && self.rng.chance(450)).then(|| {
            let adopted = add_days(self.first_day, -self.rng.range(45, 400));
            self.notes.add(fnote::trading_plan(adopted))
        });
        self.used_plan |= plan.is_some();
        let indirect = self.rng.chance(120);
        let averaged = lots > 1 || self.rng.chance(350);
        let mut day = self.day();
        for lot in 0..lots {
            let shares = self.shares(5, 60_000);
            let price = self.market_price();
            let price_fv = if averaged && self.rng.chance(900) {
                let spread = Decimal::new(i64::try_from(1 + self.rng.below(40)).unwrap_or(1), 2);
                let lo = price.saturating_sub(spread).max(Decimal::new(1, 2));
                let hi = price.saturating_add(spread);
                let id = self.notes.add(fnote::weighted_average(lo, hi, sell));
                if self.rng.chance(70) {
                    noted(None, &id)
                } else {
                    noted(Some(price), &id)
                }
            } else {
                Fv::new(price)
            };
            let mut r = self.stock_row(code.clone(), ad, shares, price_fv, day);
            if let (Some(id), Some(c)) = (&plan, r.coding.as_mut()) {
                c.footnotes.push(id.clone());
            }
            if indirect {
                self.make_indirect(&mut r);
            }
            self.t1.push(r);
            if lot % 3 == 2 && day < self.last_day {
                day = weekday_on_or_before(add_days(day, 1)).max(day);
            }
        }
    }

    /// A grant: restricted stock in Table I, or options or units in Table II.
    fn grant(&mut self) {
        let day = self.day();
        let shares = self.shares(100, 400_000);
        match self.rng.below(100) {
            0..=39 => {
                let year = day.year() - self.rng.range(0, 8) as i32;
                let id = self.notes.add(fnote::stock_award(year, add_years(day, 1)));
                let price = if self.rng.chance(200) {
                    let id = self.notes.add(fnote::NO_PRICE);
                    noted(None, &id)
                } else {
                    Fv::new(Decimal::ZERO)
                };
                let mut r = self.stock_row(
                    TransactionCode::A,
                    AcquiredDisposed::Acquired,
                    shares,
                    price,
                    day,
                );
                r.shares.footnotes.push(id);
                self.t1.push(r);
            }
            40..=74 => {
                let terms = self.option_terms(day, shares);
                let r = self.derivative_txn(
                    terms,
                    TransactionCode::A,
                    AcquiredDisposed::Acquired,
                    shares,
                    Fv::new(Decimal::ZERO),
                    shares,
                    day,
                );
                self.t2.push(r);
            }
            _ => {
                let terms = self.unit_terms(shares);
                let r = self.derivative_txn(
                    terms,
                    TransactionCode::A,
                    AcquiredDisposed::Acquired,
                    shares,
                    Fv::new(Decimal::ZERO),
                    shares,
                    day,
                );
                self.t2.push(r);
            }
        }
    }

    /// Units vest (M in both tables) and shares are withheld for taxes (F).
    fn vest(&mut self) {
        let day = self.day();
        let shares = self.shares(50, 80_000);
        let terms = self.unit_terms(shares);
        let left = Decimal::from(self.rng.log_uniform(1, 200_000));
        let unit = self.unit_note();
        let price = if self.rng.chance(500) {
            noted(Some(Decimal::ZERO), &unit)
        } else {
            Fv::new(Decimal::ZERO)
        };
        let r = self.derivative_txn(
            terms,
            TransactionCode::M,
            AcquiredDisposed::Disposed,
            shares,
            price,
            left,
            day,
        );
        self.t2.push(r);
        let r = self.stock_row(
            TransactionCode::M,
            AcquiredDisposed::Acquired,
            shares,
            Fv::new(Decimal::ZERO),
            day,
        );
        self.t1.push(r);
        if self.rng.chance(700) {
            let pct = 30 + self.rng.below(16);
            let withheld = (shares * Decimal::from(pct) / Decimal::from(100)).floor();
            self.withhold_shares(withheld, day);
        }
    }

    /// Shares withheld for taxes on restricted stock that vested (F).
    fn withhold(&mut self) {
        let day = self.day();
        let shares = self.shares(10, 30_000);
        self.withhold_shares(shares.floor(), day);
    }

    fn withhold_shares(&mut self, shares: Decimal, day: NaiveDate) {
        if shares.is_zero() {
            return;
        }
        let price = self.market_price();
        let tax = self.tax_note();
        let mut r = self.stock_row(
            TransactionCode::F,
            AcquiredDisposed::Disposed,
            shares,
            Fv::new(price),
            day,
        );
        if let Some(c) = r.coding.as_mut() {
            c.footnotes.push(tax);
        }
        self.t1.push(r);
    }

    /// An option (M) or warrant (X) exercise, often followed by a same-day sale.
    fn exercise(&mut self, warrant: bool) {
        let day = self.day();
        let shares = self.shares(100, 150_000);
        let grant = add_years(day, -(self.rng.range(1, 8) as i32));
        let mut terms = self.option_terms(grant, shares);
        let code = if warrant {
            terms.title = self.rng.pick(&self.pools.lex.warrants).clone();
            TransactionCode::X
        } else {
            TransactionCode::M
        };
        let strike = terms.conversion.value.unwrap_or(Decimal::ONE);
        let left = Decimal::from(self.rng.log_uniform(1, 500_000));
        let r = self.derivative_txn(
            terms,
            code.clone(),
            AcquiredDisposed::Disposed,
            shares,
            Fv::new(Decimal::ZERO),
            left,
            day,
        );
        self.t2.push(r);
        let r = self.stock_row(
            code,
            AcquiredDisposed::Acquired,
            shares,
            Fv::new(strike),
            day,
        );
        self.t1.push(r);
        if self.rng.chance(550) {
            let lots = self.rng.range(1, 3) as usize;
            self.trades(lots, true);
        }
    }

    /// A gift: often from a trust, sometimes a Form 5 line reported early (timeliness E).
    fn gift(&mut self) {
        let day = self.day();
        let shares = self.shares(10, 50_000);
        let mut r = self.stock_row(
            TransactionCode::G,
            AcquiredDisposed::Disposed,
            shares,
            Fv::new(Decimal::ZERO),
            day,
        );
        if self.rng.chance(600) {
            let id = self.notes.add(fnote::GIFT);
            if let Some(c) = r.coding.as_mut() {
                c.footnotes.push(id);
            }
        }
        if &*self.form_type == "4" && self.rng.chance(250) {
            if let Some(c) = r.coding.as_mut() {
                c.form_type = Some(self.pools.lex.form5.clone());
            }
            r.timeliness = Fv::new(Timeliness::Early);
        }
        if self.rng.chance(300) {
            self.make_indirect(&mut r);
        }
        self.t1.push(r);
    }

    /// A conversion (C): preferred stock into common, or a convertible note reported by
    /// dollar amount into shares.
    fn conversion(&mut self) {
        let day = self.day();
        if self.rng.chance(500) {
            let title = self.rng.pick(&self.pools.lex.preferred).clone();
            let ratio = *self.rng.pick(&[1u32, 1, 1, 2, 10]);
            let id = self.notes.add(fnote::preferred_conversion(
                &title,
                &self.issuer.stock,
                ratio,
            ));
            let immediately = self.notes.add(fnote::IMMEDIATELY);
            let shares = self.shares(1_000, 2_000_000);
            let common = shares.saturating_mul(Decimal::from(ratio));
            let terms = Terms {
                title,
                conversion: noted(None, &id),
                exercise: noted(None, &immediately),
                expiration: noted(None, &id),
                underlying: Fv::new(common),
            };
            let r = self.derivative_txn(
                terms,
                TransactionCode::C,
                AcquiredDisposed::Disposed,
                shares,
                noted(None, &id),
                Decimal::ZERO,
                day,
            );
            self.t2.push(r);
            let r = self.stock_row(
                TransactionCode::C,
                AcquiredDisposed::Acquired,
                common,
                noted(None, &id),
                day,
            );
            self.t1.push(r);
        } else {
            let principal = Decimal::from(self.rng.log_uniform(50, 5_000) * 1_000);
            let strike = self.strike();
            let maturity = add_years(day, self.rng.range(1, 4) as i32);
            let id = self.notes.add(fnote::note_terms(strike, maturity));
            let shares = (principal / strike).floor();
            let mut r = self.derivative_row(
                RowKind::Transaction,
                Terms {
                    title: self.pools.lex.note_title.clone(),
                    conversion: Fv::new(strike),
                    exercise: noted(None, &id),
                    expiration: Fv::new(maturity),
                    underlying: Fv::new(shares),
                },
            );
            r.transaction_date = Fv::new(day);
            r.coding = self.coding(TransactionCode::C);
            r.total_value = Fv::new(principal);
            r.price_per_share = noted(None, &id);
            r.acquired_disposed = Fv::new(AcquiredDisposed::Disposed);
            r.value_owned_following = Fv::new(Decimal::ZERO);
            self.t2.push(r);
            let r = self.stock_row(
                TransactionCode::C,
                AcquiredDisposed::Acquired,
                shares,
                Fv::new(strike),
                day,
            );
            self.t1.push(r);
        }
    }

    /// A purchase of convertible notes, reported by dollar amount (`transactionTotalValue`,
    /// `valueOwnedFollowingTransaction`, `underlyingSecurityShares`).
    fn note_purchase(&mut self) {
        let day = self.day();
        let principal = Decimal::from(self.rng.log_uniform(100, 20_000) * 1_000);
        let strike = self.strike();
        let maturity = add_years(day, self.rng.range(3, 7) as i32);
        let rate = *self.rng.pick(&["0.25", "1.0", "1.5", "2.0", "2.75", "3.5"]);
        let title: Text = format!(
            "{rate}% Convertible Senior Notes due {}",
            maturity.format("%Y")
        )
        .into();
        let shares = (principal / strike).floor();
        let mut r = self.derivative_row(
            RowKind::Transaction,
            Terms {
                title,
                conversion: Fv::new(strike),
                exercise: Fv::default(),
                expiration: Fv::new(maturity),
                underlying: Fv::new(shares),
            },
        );
        if let Some(d) = r.derivative.as_deref_mut() {
            let id = self.notes.add(fnote::IMMEDIATELY);
            d.exercise_date = noted(None, &id);
        }
        r.transaction_date = Fv::new(day);
        r.coding = self.coding(TransactionCode::P);
        r.total_value = Fv::new(principal);
        r.price_per_share = Fv::new(principal);
        r.acquired_disposed = Fv::new(AcquiredDisposed::Acquired);
        let held_before = Decimal::from(self.rng.below(3) * 1_000_000);
        r.value_owned_following = Fv::new(principal.saturating_add(held_before));
        if self.rng.chance(600) {
            let fund = format!("{} Capital Partners, L.P.", self.family);
            let id = self.notes.add(fnote::held_by_fund(&fund));
            r.direct_indirect = Fv::new(DirectIndirect::Indirect);
            r.nature_of_ownership = noted(Some(self.pools.lex.by_fund.clone()), &id);
        }
        self.t2.push(r);
    }

    /// A fund distribution or other acquisition or disposition explained in a footnote (J).
    fn other(&mut self) {
        let day = self.day();
        let shares = self.shares(100, 500_000);
        let fund = format!("{} Ventures Fund, L.P.", self.family);
        let id = self.notes.add(fnote::fund_distribution(&fund));
        let ad = if self.rng.chance(700) {
            AcquiredDisposed::Disposed
        } else {
            AcquiredDisposed::Acquired
        };
        let price = if self.rng.chance(500) {
            noted(None, &id)
        } else {
            Fv::new(Decimal::ZERO)
        };
        let mut r = self.stock_row(TransactionCode::J, ad, shares, price, day);
        if let Some(c) = r.coding.as_mut() {
            c.footnotes.push(id);
        }
        if self.rng.chance(500) {
            self.make_indirect(&mut r);
        }
        self.t1.push(r);
    }

    /// A disposition to the issuer (D).
    fn disposition_to_issuer(&mut self) {
        let day = self.day();
        let shares = self.shares(100, 50_000);
        let price = self.market_price();
        let mut r = self.stock_row(
            TransactionCode::D,
            AcquiredDisposed::Disposed,
            shares,
            Fv::new(price),
            day,
        );
        let id = self.notes.add(fnote::TO_ISSUER);
        if let Some(c) = r.coding.as_mut() {
            c.footnotes.push(id);
        }
        self.t1.push(r);
    }

    /// One of the codes seldom seen (I, H, O, E, K, L, W, Z, U, V), explained in a
    /// footnote on the code.
    fn rare(&mut self) {
        let code = self
            .rng
            .pick(&[
                TransactionCode::I,
                TransactionCode::H,
                TransactionCode::O,
                TransactionCode::E,
                TransactionCode::K,
                TransactionCode::L,
                TransactionCode::W,
                TransactionCode::Z,
                TransactionCode::U,
                TransactionCode::V,
            ])
            .clone();
        let day = self.day();
        let shares = self.shares(10, 20_000);
        let id = self.notes.add(fnote::rare_code(code.as_str()));
        let acquired = matches!(
            code,
            TransactionCode::I | TransactionCode::L | TransactionCode::W | TransactionCode::V
        );
        let mut r = if matches!(
            code,
            TransactionCode::H | TransactionCode::O | TransactionCode::E
        ) {
            let grant = add_years(day, -3);
            let terms = self.option_terms(grant, shares);
            self.derivative_txn(
                terms,
                code,
                AcquiredDisposed::Disposed,
                shares,
                noted(None, &id),
                Decimal::ZERO,
                day,
            )
        } else {
            let ad = if acquired {
                AcquiredDisposed::Acquired
            } else {
                AcquiredDisposed::Disposed
            };
            let price = self.market_price();
            self.stock_row(code, ad, shares, Fv::new(price), day)
        };
        if let Some(c) = r.coding.as_mut() {
            c.footnotes.push(id);
        }
        if r.table == Table::Derivative {
            self.t2.push(r);
        } else {
            self.t1.push(r);
        }
    }

    /// A Table I holding, usually held indirectly.
    fn stock_holding(&mut self, coded_form3: bool) {
        let mut r = Row::new(Table::NonDerivative, RowKind::Holding);
        r.security_title = Fv::new(self.issuer.stock.clone());
        if coded_form3 {
            r.coding = Some(Coding {
                form_type: Some(self.pools.lex.form3.clone()),
                ..Coding::default()
            });
        }
        if self.rng.chance(800) || !self.h1.is_empty() {
            self.make_indirect(&mut r);
        } else {
            r.direct_indirect = Fv::new(DirectIndirect::Direct);
            r.shares_owned_following = Fv::new(self.balance);
        }
        self.h1.push(r);
    }

    /// A Table II holding as a Form 3 reports it: the amount sits in the underlying
    /// columns, with no amount owned after.
    fn derivative_holding(&mut self) {
        let shares = self.shares(500, 1_000_000);
        let terms = match self.rng.below(100) {
            0..=44 => {
                let grant = add_years(self.first_day, -(self.rng.range(0, 6) as i32));
                self.option_terms(grant, shares)
            }
            45..=69 => self.unit_terms(shares),
            70..=89 => {
                let title = self.rng.pick(&self.pools.lex.preferred).clone();
                let id = self
                    .notes
                    .add(fnote::preferred_conversion(&title, &self.issuer.stock, 1));
                let immediately = self.notes.add(fnote::IMMEDIATELY);
                Terms {
                    title,
                    conversion: noted(None, &id),
                    exercise: noted(None, &immediately),
                    expiration: noted(None, &id),
                    underlying: Fv::new(shares),
                }
            }
            _ => {
                let id = self.notes.add(fnote::IMMEDIATELY);
                let expiration = add_years(self.first_day, self.rng.range(1, 5) as i32);
                Terms {
                    title: self.rng.pick(&self.pools.lex.warrants).clone(),
                    conversion: Fv::new(self.strike()),
                    exercise: noted(None, &id),
                    expiration: Fv::new(expiration),
                    underlying: Fv::new(shares),
                }
            }
        };
        let mut r = self.derivative_row(RowKind::Holding, terms);
        if self.rng.chance(200) {
            self.make_indirect(&mut r);
            r.shares_owned_following = Fv::default();
        }
        self.h2.push(r);
    }

    // ----- forms --------------------------------------------------------------------

    /// Rows of a Form 4: events until the row budget is spent, and sometimes holdings.
    /// Funds filing jointly trade, convert and distribute; they get no grants.
    pub(crate) fn form4(&mut self, fund: bool) {
        let budget = self.row_budget();
        while self.row_count() < budget {
            let left = budget - self.row_count();
            let events = if fund { FUND_EVENTS } else { INSIDER_EVENTS };
            match *self.rng.weighted(events) {
                Event::Sale => {
                    // A long filing is mostly one sale split into many lots.
                    let lots = if left > 3 {
                        left
                    } else {
                        self.rng.range(1, left as i64) as usize
                    };
                    self.trades(lots, true);
                }
                Event::Purchase => {
                    let lots = self.rng.range(1, 3) as usize;
                    self.trades(lots, false);
                }
                Event::Grant => self.grant(),
                Event::Vest => self.vest(),
                Event::OptionExercise => self.exercise(false),
                Event::WarrantExercise => self.exercise(true),
                Event::Gift => self.gift(),
                Event::Conversion => self.conversion(),
                Event::NotePurchase => self.note_purchase(),
                Event::Distribution => self.other(),
                Event::ToIssuer => self.disposition_to_issuer(),
                Event::Withholding => self.withhold(),
                Event::Rare => self.rare(),
            }
        }
        if self.rng.chance(150) {
            for _ in 0..self.rng.range(1, 3) {
                self.stock_holding(false);
            }
        }
        self.espp_note();
    }

    /// Rows of a Form 3: holdings only, or none at all (`noSecuritiesOwned`).
    pub(crate) fn form3(&mut self) {
        if self.rng.chance(80) {
            return;
        }
        let budget = self.row_budget();
        let mut r = Row::new(Table::NonDerivative, RowKind::Holding);
        r.security_title = Fv::new(self.issuer.stock.clone());
        r.shares_owned_following = Fv::new(self.balance);
        r.direct_indirect = Fv::new(DirectIndirect::Direct);
        self.h1.push(r);
        while self.row_count() < budget {
            if self.rng.chance(350) {
                self.stock_holding(false);
            } else {
                self.derivative_holding();
            }
        }
    }

    /// Rows of a Form 5: gifts and small acquisitions on the annual form, late Form 4
    /// lines (timeliness L), and holdings, some carried over from Form 3.
    pub(crate) fn form5(&mut self) {
        let budget = self.rng.range(1, 4) as usize;
        while self.row_count() < budget {
            match self.rng.below(100) {
                0..=49 => self.gift(),
                50..=64 => self.grant(),
                65..=74 => self.other(),
                75..=84 => self.rare(),
                _ => {
                    let before = self.t1.len();
                    let sell = self.rng.chance(600);
                    self.trades(1, sell);
                    let late = self.pools.lex.form4.clone();
                    for r in self.t1.iter_mut().skip(before) {
                        if let Some(c) = r.coding.as_mut() {
                            c.form_type = Some(late.clone());
                        }
                        r.timeliness = Fv::new(Timeliness::Late);
                    }
                }
            }
        }
        if self.rng.chance(400) {
            let carried = self.rng.chance(250);
            self.stock_holding(carried);
        }
    }

    /// Sometimes the last direct Table I row notes shares bought under the ESPP.
    fn espp_note(&mut self) {
        if !self.rng.chance(40) {
            return;
        }
        let on = add_days(self.first_day, -self.rng.range(20, 120));
        let shares = self.rng.log_uniform(50, 3_000);
        if let Some(pos) = self
            .t1
            .iter()
            .rposition(|r| r.direct_indirect.value == Some(DirectIndirect::Direct))
        {
            let id = self.notes.add(fnote::espp(shares, on));
            if let Some(r) = self.t1.get_mut(pos) {
                r.shares_owned_following.footnotes.push(id);
            }
        }
    }
}

//! Footnotes of a synthetic filing: numbering and the texts real filings use.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{Footnote, FootnoteId, Text};

use super::calendar::long_date;

/// The footnotes of one filing, numbered `F1`, `F2`, … in the order they are added.
/// Every footnote is added at the moment a value cites it, so all are referenced.
pub(crate) struct Notes {
    list: Vec<Footnote>,
}

impl Notes {
    /// No footnotes yet.
    pub(crate) fn new() -> Notes {
        Notes { list: Vec::new() }
    }

    /// Adds a footnote and returns its id.
    pub(crate) fn add(&mut self, text: impl Into<Text>) -> FootnoteId {
        let id = FootnoteId(format!("F{}", self.list.len() + 1).into());
        self.list.push(Footnote {
            id: id.clone(),
            text: text.into(),
        });
        id
    }

    /// The footnotes, in id order.
    pub(crate) fn into_vec(self) -> Vec<Footnote> {
        self.list
    }
}

/// Weighted-average price range of a sale or purchase split over several trades.
pub(crate) fn weighted_average(lo: Decimal, hi: Decimal, sold: bool) -> String {
    let verb = if sold { "sold" } else { "purchased" };
    format!(
        "The price reported is a weighted average price. These shares were {verb} in multiple \
         transactions at prices ranging from ${lo:.2} to ${hi:.2}, inclusive. The reporting person \
         undertakes to provide to the issuer, any security holder of the issuer, or the staff of \
         the Securities and Exchange Commission, upon request, full information regarding the \
         number of shares {verb} at each separate price within the range set forth in this footnote."
    )
}

/// A Rule 10b5-1 trading plan statement.
pub(crate) fn trading_plan(adopted: NaiveDate) -> String {
    format!(
        "The transactions reported on this Form 4 were effected pursuant to a Rule 10b5-1 \
         trading plan adopted by the reporting person on {}.",
        long_date(adopted)
    )
}

/// What one restricted stock unit is worth.
pub(crate) fn unit_right(stock: &str) -> String {
    format!(
        "Each restricted stock unit represents a contingent right to receive one share of the \
         Issuer's {stock} upon settlement."
    )
}

/// A quarterly or annual vesting schedule.
pub(crate) fn vesting(start: NaiveDate, installments: u32, quarterly: bool) -> String {
    let every = if quarterly { "quarterly" } else { "annual" };
    format!(
        "The award vests in {installments} equal {every} installments beginning on {}, subject \
         to the reporting person's continued service to the Issuer through each vesting date.",
        long_date(start)
    )
}

/// An option vesting schedule.
pub(crate) fn option_vesting(grant: NaiveDate) -> String {
    format!(
        "The option vests as to 25% of the shares on the first anniversary of {} and as to the \
         remaining shares in 36 equal monthly installments thereafter.",
        long_date(grant)
    )
}

/// Restricted stock units have no expiration date.
pub(crate) const NO_EXPIRY: &str =
    "The restricted stock units do not expire; they either vest or are forfeited.";

/// Shares withheld for taxes.
pub(crate) const TAX_WITHHOLDING: &str =
    "Represents shares withheld by the Issuer to satisfy tax withholding obligations in \
     connection with the vesting and settlement of restricted stock units.";

/// A fully vested option.
pub(crate) const FULLY_VESTED: &str = "The option is fully vested and exercisable.";

/// An immediately exercisable security.
pub(crate) const IMMEDIATELY: &str = "The securities are immediately exercisable.";

/// A bona fide gift.
pub(crate) const GIFT: &str =
    "Represents a bona fide gift of shares to a charitable organization for no consideration.";

/// The standard disclaimer of beneficial ownership.
pub(crate) const DISCLAIMER: &str =
    "The reporting person disclaims beneficial ownership of these securities except to the \
     extent of his or her pecuniary interest therein, and this report shall not be deemed an \
     admission that the reporting person is the beneficial owner of such securities for \
     purposes of Section 16 or for any other purpose.";

/// Shares held by a trust.
pub(crate) fn held_by_trust(family: &str) -> String {
    format!(
        "The shares are held by the {family} Family Trust, of which the reporting person and \
         the reporting person's spouse are trustees."
    )
}

/// Shares held by a fund.
pub(crate) fn held_by_fund(fund: &str) -> String {
    format!(
        "The securities are held directly by {fund}. The reporting person is a managing member \
         of the general partner of {fund} and may be deemed to share voting and dispositive \
         power over these securities. {DISCLAIMER}"
    )
}

/// A restricted stock award in Table I.
pub(crate) fn stock_award(plan_year: i32, vest_start: NaiveDate) -> String {
    format!(
        "Represents restricted stock units granted under the Issuer's {plan_year} Equity \
         Incentive Plan, which vest in four equal annual installments beginning on {}. Each \
         unit represents the right to receive one share upon vesting.",
        long_date(vest_start)
    )
}

/// Preferred stock that converts into common stock.
pub(crate) fn preferred_conversion(title: &str, stock: &str, ratio: u32) -> String {
    format!(
        "Each share of {title} is convertible into {ratio} share(s) of the Issuer's {stock} at \
         any time at the holder's election and has no expiration date."
    )
}

/// A convertible note's terms.
pub(crate) fn note_terms(price: Decimal, maturity: NaiveDate) -> String {
    format!(
        "The principal amount and accrued interest of the note are convertible into shares of \
         common stock at a conversion price of ${price:.2} per share at any time prior to the \
         maturity date of {}.",
        long_date(maturity)
    )
}

/// A pro rata distribution by a fund (code J).
pub(crate) fn fund_distribution(fund: &str) -> String {
    format!(
        "Represents a pro rata distribution, for no consideration, of shares of the Issuer by \
         {fund} to its limited partners and members."
    )
}

/// Shares bought under an employee stock purchase plan.
pub(crate) fn espp(shares: u64, on: NaiveDate) -> String {
    format!(
        "Includes {shares} shares acquired under the Issuer's Employee Stock Purchase Plan on {}.",
        long_date(on)
    )
}

/// A disposition to the issuer (code D).
pub(crate) const TO_ISSUER: &str =
    "Represents shares surrendered to the Issuer in connection with the Issuer's repurchase of \
     unvested shares upon the reporting person's departure.";

/// A price given only as a footnote.
pub(crate) const NO_PRICE: &str =
    "Not applicable. The securities were acquired for no consideration.";

/// Explanations for the less common codes, by code letter.
pub(crate) fn rare_code(code: &str) -> &'static str {
    match code {
        "I" => "Represents a discretionary transaction in the Issuer's 401(k) plan stock fund.",
        "H" => "Represents the cancellation of an option in exchange for a cash payment equal to its spread value.",
        "O" => "Represents the exercise of an out-of-the-money option prior to its expiration.",
        "E" => "Represents the expiration of a short call option position.",
        "K" => "Represents a transaction in a prepaid variable forward contract.",
        "L" => "Represents a small acquisition exempt under Rule 16a-6.",
        "W" => "Shares received by will from the estate of a family member of the reporting person.",
        "Z" => "Represents the deposit of shares into a voting trust.",
        "U" => "Represents shares tendered in connection with the acquisition of the Issuer by merger.",
        "V" => "This transaction is voluntarily reported earlier than required.",
        _ => "See remarks.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::calendar::ymd;

    #[test]
    fn numbers_footnotes_in_order() {
        let mut notes = Notes::new();
        assert_eq!(notes.add("a").as_str(), "F1");
        assert_eq!(notes.add(String::from("b")).as_str(), "F2");
        let list = notes.into_vec();
        assert_eq!(list.len(), 2);
        assert_eq!(&*list[1].text, "b");
    }

    #[test]
    fn texts_carry_their_numbers() {
        let t = weighted_average("1.17".parse().unwrap(), "1.26".parse().unwrap(), true);
        assert!(t.contains("ranging from $1.17 to $1.26"), "{t}");
        assert!(trading_plan(ymd(2017, 11, 29)).contains("November 29, 2017"));
        assert!(note_terms("4.5".parse().unwrap(), ymd(2025, 6, 1)).contains("$4.50"));
    }
}

//! Dates of synthetic filings: the span they cover, business days, and the schema version
//! EDGAR used for each form at each date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::model::FormType;

/// The first day a synthetic filing may be filed (2004-01-01).
pub(crate) fn first_filing_day() -> NaiveDate {
    ymd(2004, 1, 1)
}

/// The last day a synthetic filing may be filed (2026-12-31).
pub(crate) fn last_filing_day() -> NaiveDate {
    ymd(2026, 12, 31)
}

/// A calendar date; the Unix epoch for an impossible one (never met with the constants
/// used here).
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// `d` moved by `days` (negative: earlier); `d` itself if that leaves chrono's range.
pub(crate) fn add_days(d: NaiveDate, days: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(days)).unwrap_or(d)
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub(crate) fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

/// The next weekday on or after `d`.
pub(crate) fn weekday_on_or_after(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => add_days(d, 2),
        Weekday::Sun => add_days(d, 1),
        _ => d,
    }
}

/// The last weekday on or before `d`.
pub(crate) fn weekday_on_or_before(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => add_days(d, -1),
        Weekday::Sun => add_days(d, -2),
        _ => d,
    }
}

/// The last day of `month` in `year`.
pub(crate) fn month_end(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    add_days(ymd(ny, nm, 1), -1)
}

/// The same day `years` later (28 February for 29 February).
pub(crate) fn add_years(d: NaiveDate, years: i32) -> NaiveDate {
    let y = d.year() + years;
    NaiveDate::from_ymd_opt(y, d.month(), d.day()).unwrap_or_else(|| month_end(y, d.month()))
}

/// A date as prose: `March 12, 2018`.
pub(crate) fn long_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS
        .get(d.month0() as usize)
        .copied()
        .unwrap_or("January");
    format!("{month} {}, {}", d.day(), d.year())
}

/// The schema version EDGAR wrote for `form` filed on `filed` (FORMAT.md 1.4): Form 3
/// stayed on the X02xx line, Forms 4 and 5 moved to X03xx in 2010, X0407 brought
/// `aff10b5One` in April 2023, X0508 followed that July, and X0609 (foreign private
/// issuers) arrives in June 2026 for every form.
pub(crate) fn schema_version(form: &FormType, filed: NaiveDate) -> &'static str {
    let (y, m) = (filed.year(), filed.month());
    if (y, m) >= (2026, 6) {
        return "X0609";
    }
    let form3 = matches!(form, FormType::Form3 | FormType::Form3A);
    if y < 2010 {
        return "X0202";
    }
    if form3 {
        return match (y, m) {
            (2010, _) | (2011, 1..=5) => "X0203",
            (..=2019, _) => "X0204",
            _ => "X0206",
        };
    }
    match (y, m) {
        (..=2011, _) => "X0303",
        (2012, 1..=6) => "X0304",
        (2012, _) => "X0305",
        (2023, 4..=7) if filed < ymd(2023, 7, 31) => "X0407",
        (..=2022, _) | (2023, 1..=3) => "X0306",
        _ => "X0508",
    }
}

/// Whether filings of `filed` carry the Rule 10b5-1 box (`aff10b5One`, X0407 on).
pub(crate) fn has_10b5_box(filed: NaiveDate) -> bool {
    filed >= ymd(2023, 4, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_versions_follow_the_form_and_date() {
        let f4 = FormType::Form4;
        assert_eq!(schema_version(&f4, ymd(2007, 5, 1)), "X0202");
        assert_eq!(schema_version(&f4, ymd(2011, 5, 1)), "X0303");
        assert_eq!(schema_version(&f4, ymd(2012, 9, 1)), "X0305");
        assert_eq!(schema_version(&f4, ymd(2018, 3, 14)), "X0306");
        assert_eq!(schema_version(&f4, ymd(2023, 3, 31)), "X0306");
        assert_eq!(schema_version(&f4, ymd(2023, 4, 3)), "X0407");
        assert_eq!(schema_version(&f4, ymd(2023, 7, 31)), "X0508");
        assert_eq!(schema_version(&f4, ymd(2026, 5, 29)), "X0508");
        assert_eq!(schema_version(&f4, ymd(2026, 6, 1)), "X0609");
        assert_eq!(schema_version(&FormType::Form3A, ymd(2021, 1, 4)), "X0206");
        assert_eq!(schema_version(&FormType::Form3, ymd(2015, 1, 5)), "X0204");
        assert_eq!(schema_version(&FormType::Form5, ymd(2024, 2, 1)), "X0508");
    }

    #[test]
    fn calendar_helpers() {
        assert_eq!(weekday_on_or_after(ymd(2018, 3, 10)), ymd(2018, 3, 12));
        assert_eq!(weekday_on_or_before(ymd(2018, 3, 11)), ymd(2018, 3, 9));
        assert_eq!(month_end(2024, 2), ymd(2024, 2, 29));
        assert_eq!(month_end(2023, 12), ymd(2023, 12, 31));
        assert_eq!(add_years(ymd(2024, 2, 29), 10), ymd(2034, 2, 28));
        assert_eq!(long_date(ymd(2017, 11, 29)), "November 29, 2017");
        assert_eq!(days_between(ymd(2018, 3, 12), ymd(2018, 3, 14)), 2);
    }
}

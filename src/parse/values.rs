//! Lenient readers for the scalar values filings carry: decimals, dates and booleans.
//!
//! Each returns `Ok(None)` for empty text, `Ok(Some(v))` for a value it understood and
//! `Err(reason)` for text it could not read, so callers can warn and keep the field empty.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Reads a decimal as filed: `106150.00`, `12,500`, `$1.1972`, `+5`, `1.5E+7`, `-3`.
///
/// Values outside `Decimal`'s range are an error, never a panic or a float.
pub fn decimal(raw: &str) -> Result<Option<Decimal>, String> {
    // Fast paths: the common case is plain digits with an optional point.
    if let Some(d) = plain_decimal(raw.trim_ascii()) {
        return Ok(Some(d));
    }
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.len() > MAX_NUMBER_LEN {
        // `Decimal::from_str` takes a stack frame per leading zero or `_`: a long enough
        // run of them overflows the stack.
        return Err(format!(
            "not a number: {} characters, longer than any number filed ({:?})",
            t.len(),
            shorten(t)
        ));
    }
    if let Ok(d) = Decimal::from_str(t) {
        return Ok(Some(d));
    }
    let cleaned: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | '$' | ' ' | '\u{a0}' | '_'))
        .collect();
    let cleaned = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    if cleaned.is_empty() || !cleaned.bytes().any(|b| b.is_ascii_digit()) {
        return Err(format!("not a number: {:?}", shorten(t)));
    }
    if cleaned.contains(['e', 'E']) {
        return Decimal::from_scientific(cleaned)
            .map(Some)
            .map_err(|_| format!("number out of range or malformed: {:?}", shorten(t)));
    }
    Decimal::from_str(cleaned)
        .map(Some)
        .map_err(|_| format!("number out of range or malformed: {:?}", shorten(t)))
}

/// Longer text is not read as a number. `Decimal` holds 28 digits; with group commas, a
/// currency sign and a sign, no number filed comes near this.
const MAX_NUMBER_LEN: usize = 64;

/// Up to 18 digits with at most one point and no sign, read without the general parser
/// (the same value and scale `Decimal::from_str` gives); `None` for anything else.
fn plain_decimal(t: &str) -> Option<Decimal> {
    let b = t.as_bytes();
    if b.is_empty() || b.len() > 19 {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut digits = 0;
    let mut scale = None;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(c - b'0'))?;
                digits += 1;
            }
            b'.' if scale.is_none() => scale = Some(b.len() - 1 - i),
            _ => return None,
        }
    }
    if digits == 0 || digits > 18 {
        return None;
    }
    let scale = u32::try_from(scale.unwrap_or(0)).ok()?;
    Decimal::try_new(mantissa, scale).ok()
}

/// Reads an ISO date `YYYY-MM-DD`, ignoring a trailing zone (`2021-09-30-05:00`, `Z`).
pub fn iso_date(raw: &str) -> Result<Option<NaiveDate>, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let head = t.get(..10).unwrap_or(t);
    let b = head.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(&b[..4]), digits(&b[5..7]), digits(&b[8..])) {
            return ymd(y, m, d, t);
        }
    }
    Err(format!("not a date (YYYY-MM-DD): {:?}", shorten(t)))
}

/// Reads an EDGAR header date `YYYYMMDD`.
pub fn compact_date(raw: &str) -> Result<Option<NaiveDate>, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let b = t.as_bytes();
    if b.len() == 8 {
        if let (Some(y), Some(m), Some(d)) = (digits(&b[..4]), digits(&b[4..6]), digits(&b[6..])) {
            return ymd(y, m, d, t);
        }
    }
    Err(format!("not a date (YYYYMMDD): {:?}", shorten(t)))
}

/// Reads a printed-form date `MM/DD/YYYY`.
pub fn us_date(raw: &str) -> Result<Option<NaiveDate>, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let mut parts = t.split('/');
    let (m, d, y) = (parts.next(), parts.next(), parts.next());
    if let (Some(m), Some(d), Some(y), None) = (m, d, y, parts.next()) {
        if let (Some(m), Some(d), Some(y)) = (
            digits(m.as_bytes()),
            digits(d.as_bytes()),
            digits(y.as_bytes()),
        ) {
            if y.to_string().len() == 4 || y >= 1000 {
                return ymd(y, m, d, t);
            }
        }
    }
    Err(format!("not a date (MM/DD/YYYY): {:?}", shorten(t)))
}

/// Reads a data-set date `DD-MON-YYYY` (`31-JUL-2024`), with English month names.
pub fn dmy_date(raw: &str) -> Result<Option<NaiveDate>, String> {
    let t = raw.trim_ascii();
    let t = if t.len() == 11 { t } else { t.trim() };
    if t.is_empty() {
        return Ok(None);
    }
    let b = t.as_bytes();
    if b.len() == 11 && b[2] == b'-' && b[6] == b'-' {
        let upper = [
            b[3].to_ascii_uppercase(),
            b[4].to_ascii_uppercase(),
            b[5].to_ascii_uppercase(),
        ];
        let month = match &upper {
            b"JAN" => Some(1),
            b"FEB" => Some(2),
            b"MAR" => Some(3),
            b"APR" => Some(4),
            b"MAY" => Some(5),
            b"JUN" => Some(6),
            b"JUL" => Some(7),
            b"AUG" => Some(8),
            b"SEP" => Some(9),
            b"OCT" => Some(10),
            b"NOV" => Some(11),
            b"DEC" => Some(12),
            _ => None,
        };
        if let (Some(d), Some(m), Some(y)) = (digits(&b[..2]), month, digits(&b[7..])) {
            return ymd(y, m, d, t);
        }
    }
    Err(format!("not a date (DD-MON-YYYY): {:?}", shorten(t)))
}

/// Reads a boolean in any spelling filings use: `0`, `1`, `true`, `false`, `Y`, `N`,
/// any case, padded or not.
pub fn boolean(raw: &str) -> Result<Option<bool>, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t == "1"
        || t.eq_ignore_ascii_case("true")
        || t.eq_ignore_ascii_case("y")
        || t.eq_ignore_ascii_case("yes")
    {
        Ok(Some(true))
    } else if t == "0"
        || t.eq_ignore_ascii_case("false")
        || t.eq_ignore_ascii_case("n")
        || t.eq_ignore_ascii_case("no")
    {
        Ok(Some(false))
    } else {
        Err(format!("not a boolean: {:?}", shorten(t)))
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')))
}

fn ymd(y: u32, m: u32, d: u32, raw: &str) -> Result<Option<NaiveDate>, String> {
    i32::try_from(y)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        .map(Some)
        .ok_or_else(|| format!("impossible date: {:?}", shorten(raw)))
}

/// Cuts text for an error message so a huge value does not flood the report.
pub fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::*;

    mod rust_decimal_macros_free {
        pub fn d(s: &str) -> rust_decimal::Decimal {
            s.parse().unwrap_or_default()
        }
    }

    #[test]
    fn decimals_in_every_filed_shape() {
        assert_eq!(decimal("106150.00"), Ok(Some(d("106150.00"))));
        assert_eq!(decimal(" 12,500 "), Ok(Some(d("12500"))));
        assert_eq!(decimal("$1.1972"), Ok(Some(d("1.1972"))));
        assert_eq!(decimal("+5"), Ok(Some(d("5"))));
        assert_eq!(decimal("1.5E+7"), Ok(Some(d("15000000"))));
        assert_eq!(decimal("-3"), Ok(Some(d("-3"))));
        assert_eq!(decimal(""), Ok(None));
        assert!(decimal("abc").is_err());
        assert!(decimal("1e400").is_err());
        assert!(decimal("99999999999999999999999999999999999").is_err());
    }

    #[test]
    fn long_runs_of_zeros_or_separators_are_refused_not_a_stack_overflow() {
        // The general parser takes a stack frame per leading zero or `_`; a test thread's
        // stack overflowed on these before they were refused by length.
        for long in [
            format!("1{}", "_".repeat(1_000_000)),
            "0".repeat(1_000_000),
            format!("0.{}1", "0".repeat(1_000_000)),
            format!("1{}e5", "_".repeat(1_000_000)),
        ] {
            let err = decimal(&long).unwrap_err();
            assert!(err.contains("longer than any number filed"), "{err}");
        }
        let longest = format!("-$9,999,999,999,999,999,999,999,999.{}", "9".repeat(27));
        assert!(longest.len() <= MAX_NUMBER_LEN);
        assert_eq!(
            decimal("0000000000000000000000000000000000000042"),
            Ok(Some(d("42")))
        );
    }

    #[test]
    fn dates_in_every_filed_shape() {
        let day = NaiveDate::from_ymd_opt(2021, 9, 30);
        assert_eq!(iso_date("2021-09-30-05:00"), Ok(day));
        assert_eq!(iso_date("2021-09-30Z"), Ok(day));
        assert_eq!(compact_date("20210930"), Ok(day));
        assert_eq!(us_date("09/30/2021"), Ok(day));
        assert_eq!(dmy_date("30-SEP-2021"), Ok(day));
        assert!(iso_date("2021-02-30").is_err());
        assert!(iso_date("garbage").is_err());
        assert_eq!(
            dmy_date("29-MAR-0028"),
            Ok(NaiveDate::from_ymd_opt(28, 3, 29))
        );
    }

    #[test]
    fn booleans_in_every_spelling() {
        for t in ["1", "true", " TRUE\n", "True"] {
            assert_eq!(boolean(t), Ok(Some(true)));
        }
        for t in ["0", "false", "False "] {
            assert_eq!(boolean(t), Ok(Some(false)));
        }
        assert_eq!(boolean(""), Ok(None));
        assert!(boolean("maybe").is_err());
    }

    proptest::proptest! {
        /// The fast path reads plain numbers exactly as the general parser does: the
        /// same value, scale and printed form.
        #[test]
        fn plain_numbers_read_as_the_general_parser_reads_them(
            t in "[0-9]{0,20}(\\.[0-9]{0,20})?|\\.?[0-9]{0,3}\\.?"
        ) {
            let general = Decimal::from_str(&t).ok();
            match plain_decimal(&t) {
                Some(fast) => {
                    let general = general.expect("the general parser reads it too");
                    proptest::prop_assert_eq!(fast, general);
                    proptest::prop_assert_eq!(fast.scale(), general.scale());
                    proptest::prop_assert_eq!(fast.to_string(), general.to_string());
                }
                None => proptest::prop_assert!(
                    general.is_none() || t.len() > 19 || t.bytes().filter(u8::is_ascii_digit).count() > 18,
                    "{t:?} left to the general parser, which reads it"
                ),
            }
        }
    }
}

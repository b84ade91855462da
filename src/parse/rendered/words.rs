//! Reading the values printed on the form: dates as people write them, numbers with
//! `$` and thousands separators, footnote markers such as `(1)` and check marks.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::model::{FootnoteId, FootnoteIds};
use crate::parse::values;

/// The footnote id a marker stands for: `(2)` is `F2`; `[F2]` and other bracketed ids
/// are kept as written.
pub fn marker(tok: &str) -> Option<FootnoteId> {
    let t = tok.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let inner = inner.trim();
        if !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit()) {
            return Some(FootnoteId::new(&format!(
                "F{}",
                inner.trim_start_matches('0')
            )));
        }
        return None;
    }
    let inner = t.strip_prefix('[')?.strip_suffix(']')?;
    let ok = !inner.is_empty()
        && inner.len() <= 12
        && inner
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| FootnoteId::new(inner))
}

/// Splits the footnote markers off the end of a printed value: `S(1)` is `S` with F1,
/// `$ 1.1972 (2)` is `$ 1.1972` with F2, `(1)(3)` is no value with F1 and F3.
pub fn split_markers(raw: &str) -> (String, FootnoteIds) {
    let mut rest = raw.trim();
    let mut found = Vec::new();
    loop {
        let close = match rest.chars().last() {
            Some(')') => '(',
            Some(']') => '[',
            _ => break,
        };
        let Some(open) = rest.rfind(close) else { break };
        let Some(id) = rest.get(open..).and_then(marker) else {
            break;
        };
        found.push(id);
        rest = rest.get(..open).unwrap_or_default().trim_end();
    }
    found.reverse();
    (rest.to_string(), found.into_iter().collect())
}

/// Reads a printed date: `03/12/2018`, `3/12/18`, `2018-03-12`, `March 12, 2018`,
/// `Mar. 12, 2018`. Two-digit years are read 00–49 as 20xx and 50–99 as 19xx.
pub fn date(raw: &str) -> Result<Option<NaiveDate>, String> {
    let t = raw.trim().trim_end_matches(['.', ',', ';']);
    if t.is_empty() {
        return Ok(None);
    }
    if t.len() >= 10 && t.as_bytes().get(4) == Some(&b'-') {
        return values::iso_date(t);
    }
    let parts: Vec<&str> = t.split(['/', '-']).collect();
    if let [m, d, y] = parts.as_slice() {
        if let (Some(m), Some(d), Some(y)) = (num(m), num(d), year(y)) {
            return NaiveDate::from_ymd_opt(y, m, d)
                .map(Some)
                .ok_or_else(|| format!("impossible date: {:?}", values::shorten(t)));
        }
    }
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if let [m, d, y] = words.as_slice() {
        if let (Some(m), Some(d), Some(y)) = (month(m), num(d), year(y)) {
            return NaiveDate::from_ymd_opt(y, m, d)
                .map(Some)
                .ok_or_else(|| format!("impossible date: {:?}", values::shorten(t)));
        }
    }
    Err(format!("not a date: {:?}", values::shorten(t)))
}

/// True when `word` reads as a full date.
pub fn is_date(word: &str) -> bool {
    let t = word.trim();
    t.bytes().filter(|b| *b == b'/').count() == 2 && matches!(date(t), Ok(Some(_)))
}

/// Reads a statement month of the old forms (`March 1999`, `03/99`, `3/1999`) as the
/// last day of that month, the day the statement period closed.
pub fn month_year(raw: &str) -> Option<NaiveDate> {
    let t = raw.trim().trim_end_matches('.');
    let (m, y) = if let Some((m, y)) = t.split_once('/') {
        (num(m)?, year(y)?)
    } else {
        let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        match words.as_slice() {
            [m, y] => (month(m)?, year(y)?),
            _ => return None,
        }
    };
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    next.pred_opt().filter(|d| d.month() == first.month())
}

fn num(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn year(s: &str) -> Option<i32> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    match s.len() {
        2 if y < 50 => Some(2000 + y),
        2 => Some(1900 + y),
        4 => Some(y),
        _ => None,
    }
}

fn month(s: &str) -> Option<u32> {
    let s = s.trim().trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if s.len() < 3 {
        return None;
    }
    let pos = MONTHS
        .iter()
        .position(|m| m.starts_with(&s) || (s == "sept" && *m == "september"))?;
    u32::try_from(pos + 1).ok()
}

/// Reads a printed amount: `34,000`, `$ 1.1972`, `$0`. Returns the value and whether a
/// `$` was printed (the form writes dollar values, not share counts, with one).
pub fn amount(raw: &str) -> Result<Option<(Decimal, bool)>, String> {
    let t = raw.trim();
    let dollar = t.starts_with('$');
    let body = t.trim_start_matches('$').trim();
    if body.is_empty() {
        return Ok(None);
    }
    if body == ZERO_TYPED {
        return Ok(Some((Decimal::ZERO, dollar)));
    }
    let ok = body
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'-' | b'+'));
    if !ok {
        return Err(format!("not a number: {:?}", values::shorten(t)));
    }
    values::decimal(body).map(|d| d.map(|d| (d, dollar)))
}

/// How typed forms write a zero amount or price.
const ZERO_TYPED: &str = "-0-";

/// True when `word` reads as a printed amount (`34,000`, `$1.50`, `0`, `-0-`).
pub fn is_amount(word: &str) -> bool {
    let t = word.trim().trim_start_matches('$');
    if t == ZERO_TYPED {
        return true;
    }
    !t.is_empty()
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
        && !t.starts_with([',', '.'])
        && !t.ends_with([',', '.'])
        && t.bytes().filter(|b| *b == b'.').count() <= 1
}

/// Formats a decimal the way the form prints it: thousands separated by commas, the
/// scale as filed (`106,150.00`, `1.1972`).
pub fn format_amount(d: &Decimal) -> String {
    let s = d.to_string();
    let (sign, s) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.as_str()),
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Formats a date as the form prints it: `MM/DD/YYYY`.
pub fn format_date(d: &NaiveDate) -> String {
    d.format("%m/%d/%Y").to_string()
}

/// The marker printed for a footnote id: `(1)` for `F1`, `[ID]` for any other id.
pub fn format_marker(id: &FootnoteId) -> String {
    match id.number() {
        Some(n) => format!("({n})"),
        None => format!("[{}]", id.as_str()),
    }
}

/// What a check box printed before some text says: `Some(true)` for a mark (`X`, `[X]`,
/// `(X)`, `_X_`, `X_`), `Some(false)` for an empty box (`[ ]`, `( )`, `___`), `None`
/// when nothing box-like precedes the text.
pub fn check_mark(before: &str) -> Option<bool> {
    let t = before.trim_end();
    let tail: String = t
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() || matches!(c, ' '))
        .take(7)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail = tail.trim();
    let last_word = tail.rsplit(' ').next().unwrap_or_default();
    let marked = [
        "X", "x", "[X]", "[x]", "(X)", "(x)", "_X_", "X_", "_X", "__X__", "☒", "☑", "✓", "✔",
    ];
    if marked.contains(&last_word) {
        return Some(true);
    }
    let joined = tail.replace(' ', "");
    if joined.ends_with("[X]") || joined.ends_with("(X)") || joined.ends_with("[x]") {
        return Some(true);
    }
    if joined.ends_with("[]")
        || joined.ends_with("()")
        || joined.ends_with('_')
        || joined.ends_with('☐')
    {
        return Some(false);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &FootnoteIds) -> Vec<&str> {
        v.iter().map(FootnoteId::as_str).collect()
    }

    #[test]
    fn markers_split_off_values() {
        let (v, f) = split_markers("S (1)");
        assert_eq!((v.as_str(), ids(&f)), ("S", vec!["F1"]));
        let (v, f) = split_markers("$ 1.1972(2)(10)");
        assert_eq!((v.as_str(), ids(&f)), ("$ 1.1972", vec!["F2", "F10"]));
        let (v, f) = split_markers("Common Stock (restricted stock units)");
        assert_eq!(v, "Common Stock (restricted stock units)");
        assert!(f.is_empty());
        let (v, f) = split_markers("(3)[X9]");
        assert_eq!((v.as_str(), ids(&f)), ("", vec!["F3", "X9"]));
    }

    #[test]
    fn dates_as_printed() {
        let d = |s| date(s).unwrap().unwrap().to_string();
        assert_eq!(d("03/12/2018"), "2018-03-12");
        assert_eq!(d("3/5/99"), "1999-03-05");
        assert_eq!(d("1/31/05"), "2005-01-31");
        assert_eq!(d("March 14, 2018"), "2018-03-14");
        assert_eq!(d("Sept. 3, 2001"), "2001-09-03");
        assert_eq!(d("2018-03-12"), "2018-03-12");
        assert!(date("Immediately").is_err());
        assert!(date("02/30/2018").is_err());
        assert_eq!(date(" ").unwrap(), None);
        assert_eq!(
            month_year("March 1999").map(|d| d.to_string()).as_deref(),
            Some("1999-03-31")
        );
        assert_eq!(
            month_year("02/00").map(|d| d.to_string()).as_deref(),
            Some("2000-02-29")
        );
        assert_eq!(
            month_year("12/1998").map(|d| d.to_string()).as_deref(),
            Some("1998-12-31")
        );
        assert_eq!(month_year("Marchy 12"), None);
    }

    #[test]
    fn amounts_keep_scale_and_dollar() {
        let (d, dollar) = amount("$ 1.1972").unwrap().unwrap();
        assert_eq!((d.to_string(), dollar), ("1.1972".to_string(), true));
        assert_eq!(amount("34,000").unwrap().unwrap().0.to_string(), "34000");
        assert!(amount("abc").is_err());
        assert_eq!(amount("$").unwrap(), None);
        assert_eq!(format_amount(&"106150.00".parse().unwrap()), "106,150.00");
        assert_eq!(
            format_amount(&"-1234567.5".parse().unwrap()),
            "-1,234,567.5"
        );
        assert_eq!(format_amount(&"999".parse().unwrap()), "999");
        assert!(is_amount("213,548") && is_amount("$0") && !is_amount("3/4/99"));
        assert!(is_amount("-0-") && !is_amount("-"));
        assert_eq!(amount("-0-").unwrap().unwrap().0, Decimal::ZERO);
    }

    #[test]
    fn check_marks() {
        assert_eq!(check_mark("X_"), Some(true));
        assert_eq!(check_mark("foo [X] "), Some(true));
        assert_eq!(check_mark("[ ] "), Some(false));
        assert_eq!(check_mark("_"), Some(false));
        assert_eq!(check_mark("Director "), None);
        assert_eq!(check_mark(""), None);
    }
}

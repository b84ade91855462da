//! How numbers, amounts and footnote markers read on screen.

use rust_decimal::Decimal;

use crate::model::{FootnoteId, Fv};

/// A count with thousands separators: `1,203,877`.
pub fn count(n: usize) -> String {
    group(&n.to_string())
}

/// A count with its noun: `1 filing`, `1,203 filings`.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", count(n))
    }
}

fn group(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A decimal as filed, trailing zeros dropped, thousands grouped: `34,000`, `1.1972`,
/// `-1,500.5`.
pub fn decimal(d: Decimal) -> String {
    let s = d.normalize().to_string();
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    match frac {
        Some(f) => format!("{sign}{}.{f}", group(int)),
        None => format!("{sign}{}", group(int)),
    }
}

/// A signed share change: `+1,000`, `-34,000`, `0`.
pub fn signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", decimal(d))
    } else {
        decimal(d)
    }
}

/// A money amount rounded to whole dollars: `$40,705`.
pub fn money(d: Decimal) -> String {
    let rounded = d.round();
    let s = decimal(rounded.abs());
    if rounded < Decimal::ZERO {
        format!("-${s}")
    } else {
        format!("${s}")
    }
}

const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The marker for one footnote id: superscript digits for `F<n>` (`F2` → `²`), else the
/// id in brackets (`[Fx]`).
pub fn marker(id: &FootnoteId) -> String {
    match id.number() {
        Some(n) => n
            .to_string()
            .chars()
            .filter_map(|c| c.to_digit(10).and_then(|d| SUPERSCRIPT.get(d as usize)))
            .collect(),
        None => format!("[{}]", crate::text::shown(id.as_str())),
    }
}

/// Markers for several ids: superscripts separated by commas (`¹,²`), other ids in
/// brackets.
pub fn markers<'a>(ids: impl IntoIterator<Item = &'a FootnoteId>) -> String {
    let mut out = String::new();
    let mut last_was_superscript = false;
    for id in ids {
        let m = marker(id);
        let is_superscript = id.number().is_some();
        if !out.is_empty() && is_superscript && last_was_superscript {
            out.push(',');
        }
        out.push_str(&m);
        last_was_superscript = is_superscript;
    }
    out
}

/// A value with its footnote markers: `1.1972²`; a footnote-only value is the marker
/// alone (never `0`); nothing filed is empty.
pub fn fv<T>(v: &Fv<T>, show: impl Fn(&T) -> String) -> (String, String) {
    let value = v.value.as_ref().map(show).unwrap_or_default();
    (value, markers(&v.footnotes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(1_203_877), "1,203,877");
        assert_eq!(counted(1, "filing"), "1 filing");
        assert_eq!(counted(1_234, "row"), "1,234 rows");
        assert_eq!(decimal(d("34000.00")), "34,000");
        assert_eq!(decimal(d("1.1972")), "1.1972");
        assert_eq!(decimal(d("-1500.50")), "-1,500.5");
        assert_eq!(signed(d("1000")), "+1,000");
        assert_eq!(signed(d("-34000")), "-34,000");
        assert_eq!(money(d("40704.80")), "$40,705");
        assert_eq!(money(d("-12.4")), "-$12");
    }

    #[test]
    fn markers_are_superscripts_or_brackets() {
        assert_eq!(marker(&FootnoteId::new("F2")), "²");
        assert_eq!(marker(&FootnoteId::new("F12")), "¹²");
        assert_eq!(marker(&FootnoteId::new("Fx")), "[FX]");
        let ids = [
            FootnoteId::new("F1"),
            FootnoteId::new("F2"),
            FootnoteId::new("N1"),
        ];
        assert_eq!(markers(&ids), "¹,²[N1]");
    }

    #[test]
    fn footnote_only_values_show_the_marker_alone() {
        let mut v: Fv<Decimal> = Fv::default();
        v.footnotes.push(FootnoteId::new("F3"));
        assert_eq!(fv(&v, |x| decimal(*x)), (String::new(), "³".to_string()));
        let v = Fv::new(d("1.1972"));
        assert_eq!(
            fv(&v, |x| decimal(*x)),
            ("1.1972".to_string(), String::new())
        );
    }
}

//! CSV tables as data: each table is a list of columns, each column a name and a function
//! that reads its cell from a filing and one of its parts (owner, row, footnote). The
//! header and every record come from the same list, so they cannot disagree.

use std::borrow::Cow;
use std::fmt::Display;
use std::io::Write;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use super::ExportError;
use crate::model::{FootnoteIds, Fv, Text};

/// A cell: `None` is an empty cell (a value that was not filed).
pub type Cell<'a> = Option<Cow<'a, str>>;

/// One column of a table whose records are drawn from an `A` (the filing) and a `B`
/// (the part of it the record is about).
pub struct Column<A: ?Sized, B: ?Sized> {
    /// The header name.
    pub name: &'static str,
    /// Reads the cell.
    pub cell: for<'a> fn(&'a A, &'a B) -> Cell<'a>,
}

/// The header names of `columns`.
pub fn names<A: ?Sized, B: ?Sized>(columns: &[Column<A, B>]) -> Vec<&'static str> {
    columns.iter().map(|c| c.name).collect()
}

/// A CSV table being written: the header first, then one record per call to
/// [`Sink::row`].
pub struct Sink<'o, 'c, A: ?Sized, B: ?Sized> {
    writer: csv::Writer<&'o mut dyn Write>,
    columns: &'c [Column<A, B>],
    record: csv::ByteRecord,
}

impl<'o, 'c, A: ?Sized, B: ?Sized> Sink<'o, 'c, A, B> {
    /// Starts a table: writes the header of `columns`.
    pub fn new(out: &'o mut dyn Write, columns: &'c [Column<A, B>]) -> Result<Self, ExportError> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(columns.iter().map(|c| c.name))?;
        Ok(Sink {
            writer,
            columns,
            record: csv::ByteRecord::new(),
        })
    }

    /// Writes the record of `a` (the filing) and `b` (its part).
    pub fn row(&mut self, a: &A, b: &B) -> Result<(), ExportError> {
        self.record.clear();
        for c in self.columns {
            let cell = (c.cell)(a, b);
            self.record
                .push_field(clean(cell.as_deref().unwrap_or_default()).as_bytes());
        }
        self.writer.write_byte_record(&self.record)?;
        Ok(())
    }

    /// Flushes the table.
    pub fn finish(mut self) -> Result<(), ExportError> {
        self.writer.flush()?;
        Ok(())
    }
}

/// Drops control characters other than tab and line breaks: filing text is untrusted,
/// and a CSV sent to a terminal must not be able to drive it. Tabs and line breaks stay
/// (CSV quoting keeps them inside their field).
fn clean(s: &str) -> Cow<'_, str> {
    let keep = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    if s.chars().all(keep) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| keep(c)).collect())
    }
}

/// Text as filed.
pub fn text(v: &Option<Text>) -> Cell<'_> {
    v.as_deref().map(Cow::Borrowed)
}

/// A value written with its `Display` (decimals exactly as stored, dates `YYYY-MM-DD`).
pub fn shown<T: Display>(v: Option<T>) -> Cell<'static> {
    v.map(|v| Cow::Owned(v.to_string()))
}

/// A decimal exactly as stored (`106150.00` keeps its zeros).
pub fn decimal(v: Option<Decimal>) -> Cell<'static> {
    shown(v)
}

/// A date as `YYYY-MM-DD`.
pub fn date(v: Option<NaiveDate>) -> Cell<'static> {
    shown(v)
}

/// A date and time as `YYYY-MM-DDTHH:MM:SS`.
pub fn datetime(v: Option<NaiveDateTime>) -> Cell<'static> {
    v.map(|v| Cow::Owned(v.format("%Y-%m-%dT%H:%M:%S").to_string()))
}

/// `true`, `false`, or empty when not filed.
pub fn boolean(v: Option<bool>) -> Cell<'static> {
    v.map(|b| Cow::Borrowed(if b { "true" } else { "false" }))
}

/// A static label.
pub fn label(v: Option<&'static str>) -> Cell<'static> {
    v.map(Cow::Borrowed)
}

/// A count.
pub fn count(n: usize) -> Cell<'static> {
    shown(Some(n))
}

/// Footnote ids joined by a space (`F1 F2`), or empty.
pub fn ids(ids: &FootnoteIds) -> Cell<'_> {
    match ids.as_slice() {
        [] => None,
        [one] => Some(Cow::Borrowed(one.as_str())),
        many => Some(Cow::Owned(
            many.iter()
                .map(|id| id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )),
    }
}

/// The footnote ids of a value-with-footnotes.
pub fn fv_ids<T>(v: &Fv<T>) -> Cell<'_> {
    ids(&v.footnotes)
}

/// Texts joined by `; `, keeping empty places so positions line up across columns; empty
/// when there is nothing at all.
pub fn joined<'a>(parts: impl Iterator<Item = Option<&'a str>>) -> Cell<'a> {
    let parts: Vec<&str> = parts.map(Option::unwrap_or_default).collect();
    if parts.iter().all(|p| p.is_empty()) {
        return None;
    }
    Some(Cow::Owned(parts.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FootnoteId;

    #[test]
    fn cells() {
        assert_eq!(
            decimal("106150.00".parse().ok()).as_deref(),
            Some("106150.00")
        );
        assert_eq!(decimal(None), None);
        assert_eq!(boolean(Some(false)).as_deref(), Some("false"));
        let two: FootnoteIds = [FootnoteId::new("F1"), FootnoteId::new("f2")]
            .into_iter()
            .collect();
        assert_eq!(ids(&two).as_deref(), Some("F1 F2"));
        assert_eq!(ids(&FootnoteIds::new()), None);
        assert_eq!(
            joined([Some("A"), None, Some("C")].into_iter()).as_deref(),
            Some("A; ; C")
        );
        assert_eq!(joined([None, None].into_iter()), None);
    }

    #[test]
    fn clean_keeps_line_breaks_and_drops_escapes() {
        assert_eq!(clean("a\tb\r\nc"), "a\tb\r\nc");
        assert_eq!(clean("red\u{1b}[31m\u{7}\u{9b}"), "red[31m");
    }
}

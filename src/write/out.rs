//! An indenting XML builder: elements, leaf values and value-with-footnotes wrappers.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::escape::push_xml;
use crate::model::{FootnoteId, Fv, Text};

/// Four spaces per level, as EDGAR's own documents are indented.
const INDENT: &str = "    ";

/// A value that can be written as XML character data.
pub(crate) trait XmlValue {
    /// Appends the value, escaped where needed.
    fn push_to(&self, out: &mut String);
}

impl XmlValue for Text {
    fn push_to(&self, out: &mut String) {
        push_xml(out, self);
    }
}

impl XmlValue for Decimal {
    fn push_to(&self, out: &mut String) {
        // Decimal's Display is exact and keeps the scale as filed (`106150.00`).
        let _ = write!(out, "{self}");
    }
}

impl XmlValue for NaiveDate {
    fn push_to(&self, out: &mut String) {
        let _ = write!(
            out,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        );
    }
}

impl XmlValue for bool {
    fn push_to(&self, out: &mut String) {
        out.push(if *self { '1' } else { '0' });
    }
}

/// Writes an enumerated code by its letter.
macro_rules! code_value {
    ($($t:ty),*) => {$(
        impl XmlValue for $t {
            fn push_to(&self, out: &mut String) {
                push_xml(out, self.as_str());
            }
        }
    )*};
}
code_value!(
    crate::model::AcquiredDisposed,
    crate::model::DirectIndirect,
    crate::model::Timeliness,
    crate::model::TransactionCode,
    crate::model::FormType
);

/// The document being built, with the current nesting depth.
pub(crate) struct XmlOut {
    buf: String,
    depth: usize,
}

impl XmlOut {
    /// A builder whose buffer starts with `capacity` bytes reserved.
    pub(crate) fn with_capacity(capacity: usize) -> XmlOut {
        XmlOut {
            buf: String::with_capacity(capacity),
            depth: 0,
        }
    }

    /// The text written so far.
    pub(crate) fn finish(self) -> String {
        self.buf
    }

    /// Appends raw text (a declaration, a blank line).
    pub(crate) fn raw(&mut self, text: &str) {
        self.buf.push_str(text);
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.buf.push_str(INDENT);
        }
    }

    /// Opens `<tag>` on a line of its own and indents what follows.
    pub(crate) fn open(&mut self, tag: &str) {
        self.indent();
        self.buf.push('<');
        self.buf.push_str(tag);
        self.buf.push_str(">\n");
        self.depth += 1;
    }

    /// Closes `</tag>` opened by [`XmlOut::open`].
    pub(crate) fn close(&mut self, tag: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        self.buf.push_str("</");
        self.buf.push_str(tag);
        self.buf.push_str(">\n");
    }

    /// Writes `<tag></tag>`: an element that is present but empty.
    pub(crate) fn empty(&mut self, tag: &str) {
        self.indent();
        let _ = writeln!(self.buf, "<{tag}></{tag}>");
    }

    /// Writes `<tag>value</tag>` on one line.
    pub(crate) fn leaf(&mut self, tag: &str, value: &impl XmlValue) {
        self.indent();
        self.buf.push('<');
        self.buf.push_str(tag);
        self.buf.push('>');
        value.push_to(&mut self.buf);
        self.buf.push_str("</");
        self.buf.push_str(tag);
        self.buf.push_str(">\n");
    }

    /// Writes `<tag>value</tag>` when the value is present; nothing otherwise.
    pub(crate) fn opt(&mut self, tag: &str, value: Option<&impl XmlValue>) {
        if let Some(v) = value {
            self.leaf(tag, v);
        }
    }

    /// Writes a top-level item, `<tag>value</tag>` and a blank line, when the value is
    /// present; nothing otherwise.
    pub(crate) fn item(&mut self, tag: &str, value: Option<&impl XmlValue>) {
        if let Some(v) = value {
            self.leaf(tag, v);
            self.buf.push('\n');
        }
    }

    /// Writes `<footnote id="…">text</footnote>`.
    pub(crate) fn footnote(&mut self, id: &FootnoteId, text: &str) {
        self.indent();
        self.buf.push_str("<footnote id=\"");
        push_xml(&mut self.buf, id.as_str());
        self.buf.push_str("\">");
        push_xml(&mut self.buf, text);
        self.buf.push_str("</footnote>\n");
    }

    /// Writes one `<footnoteId id="…"/>` per id.
    pub(crate) fn footnote_ids(&mut self, ids: &[FootnoteId]) {
        for id in ids {
            self.indent();
            self.buf.push_str("<footnoteId id=\"");
            push_xml(&mut self.buf, id.as_str());
            self.buf.push_str("\"/>\n");
        }
    }

    /// Writes a value-with-footnotes wrapper: `<value>` when filed, then its footnote ids.
    /// An empty [`Fv`] writes nothing.
    pub(crate) fn fv<T: XmlValue>(&mut self, tag: &str, fv: &Fv<T>) {
        if fv.is_empty() {
            return;
        }
        self.open(tag);
        self.opt("value", fv.value.as_ref());
        self.footnote_ids(&fv.footnotes);
        self.close(tag);
    }
}

//! A cursor over quick-xml events with line tracking, warnings, and the small readers the
//! document grammar is built from: child elements, leaf text, and value-with-footnotes
//! wrappers.

use std::borrow::Cow;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::model::{add_footnote, FootnoteId, FootnoteIds, Fv, Text, MAX_VALUE_FOOTNOTES};
use crate::parse::diag::Diagnostic;
use crate::parse::{values, MAX_FILING_ITEMS};

/// A child element met while reading a parent's content.
pub struct Child<'a> {
    /// The start tag (attributes are read from it).
    pub start: BytesStart<'a>,
    /// True for a self-closing element (`<remarks/>`): it has no content to read.
    pub is_empty: bool,
    /// Byte offset just after the start tag.
    pub pos: usize,
}

impl Child<'_> {
    /// The element's name without any namespace prefix.
    pub fn local(&self) -> &[u8] {
        let name = self.start.name().into_inner();
        match memchr::memchr(b':', name) {
            Some(i) => name.get(i + 1..).unwrap_or(name),
            None => name,
        }
    }

    /// The element's name for messages.
    pub fn name(&self) -> String {
        String::from_utf8_lossy(self.local()).into_owned()
    }
}

/// Reads events from one document and remembers the warnings met.
pub struct Cursor<'a> {
    reader: Reader<&'a [u8]>,
    bytes: &'a [u8],
    newline: u8,
    first_line: u32,
    /// The offset whose line was asked last.
    line_pos: usize,
    /// Newlines before `line_pos`.
    newlines: usize,
    /// Item kinds that have reached [`MAX_FILING_ITEMS`], each warned of once.
    full: Vec<&'static str>,
    /// The warnings of items left out past the bound: listed first, so that a document's
    /// thousands of other warnings never hide them.
    bounds: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// Bytes looked at to count lines, so tests can see the work done.
    #[cfg(test)]
    scanned: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor over `text`, whose first line is line `first_line` of its file.
    pub fn new(text: &'a str, first_line: u32) -> Self {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
        config.check_end_names = true;
        let bytes = text.as_bytes();
        // The `.nc` feed form ends its lines with a bare carriage return.
        let newline =
            if memchr::memchr(b'\n', bytes).is_none() && memchr::memchr(b'\r', bytes).is_some() {
                b'\r'
            } else {
                b'\n'
            };
        Cursor {
            reader,
            bytes,
            newline,
            first_line,
            line_pos: 0,
            newlines: 0,
            full: Vec::new(),
            bounds: Vec::new(),
            warnings: Vec::new(),
            #[cfg(test)]
            scanned: 0,
        }
    }

    /// The warnings collected so far.
    pub fn into_warnings(self) -> Vec<Diagnostic> {
        let mut warnings = self.bounds;
        warnings.extend(self.warnings);
        warnings
    }

    /// Byte offset just after the last event read.
    pub fn pos(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// The file line of byte offset `pos`. Lines are counted from the offset asked last,
    /// forward or back, so each call costs the distance between the two.
    pub fn line_at(&mut self, pos: usize) -> u32 {
        let pos = pos.min(self.bytes.len());
        let (from, to) = (self.line_pos.min(pos), self.line_pos.max(pos));
        let span = self.bytes.get(from..to).unwrap_or_default();
        let n = memchr::memchr_iter(self.newline, span).count();
        #[cfg(test)]
        {
            self.scanned += span.len();
        }
        self.newlines = if pos < self.line_pos {
            self.newlines.saturating_sub(n)
        } else {
            self.newlines.saturating_add(n)
        };
        self.line_pos = pos;
        self.first_line
            .saturating_add(u32::try_from(self.newlines).unwrap_or(u32::MAX))
    }

    /// Whether a list of `kind` already holding `held` items is full. Past
    /// [`MAX_FILING_ITEMS`] each item is left out, and the first one left out is warned
    /// of at `pos`, once per kind for the document, ahead of the other warnings.
    pub fn is_full(&mut self, held: usize, kind: &'static str, pos: usize) -> bool {
        if held < MAX_FILING_ITEMS {
            return false;
        }
        if !self.full.contains(&kind) {
            self.full.push(kind);
            let line = self.line_at(pos);
            self.bounds.push(Diagnostic::new(
                Some(line),
                format!("more than {MAX_FILING_ITEMS} {kind}: the rest are left out"),
            ));
        }
        true
    }

    /// Records a warning at byte offset `pos`.
    pub fn warn(&mut self, pos: usize, message: impl Into<String>) {
        let line = self.line_at(pos);
        self.warnings.push(Diagnostic::new(Some(line), message));
    }

    /// Records a warning at a known file line.
    pub fn warn_line(&mut self, line: Option<u32>, message: impl Into<String>) {
        self.warnings.push(Diagnostic::new(line, message));
    }

    /// An error at byte offset `pos`.
    pub fn error(&mut self, pos: usize, message: impl Into<String>) -> Diagnostic {
        let line = self.line_at(pos);
        Diagnostic::new(Some(line), message)
    }

    /// The next event, with XML syntax errors turned into diagnostics.
    pub fn next(&mut self) -> Result<Event<'a>, Diagnostic> {
        match self.reader.read_event() {
            Ok(e) => Ok(e),
            Err(e) => {
                let at = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
                let message = match e {
                    // Every syntax error is something left open at the end of the input.
                    quick_xml::Error::Syntax(s) => {
                        format!("malformed XML: the file is truncated ({s})")
                    }
                    e => format!("malformed XML: {e}"),
                };
                Err(self.error(at, message))
            }
        }
    }

    /// The next child element of the element being read, or `None` at its end tag.
    /// Text, comments and processing instructions between children are passed over.
    pub fn next_child(&mut self, parent: &str) -> Result<Option<Child<'a>>, Diagnostic> {
        loop {
            match self.next()? {
                Event::Start(start) => {
                    let pos = self.pos();
                    return Ok(Some(Child {
                        start,
                        is_empty: false,
                        pos,
                    }));
                }
                Event::Empty(start) => {
                    let pos = self.pos();
                    return Ok(Some(Child {
                        start,
                        is_empty: true,
                        pos,
                    }));
                }
                Event::End(_) => return Ok(None),
                Event::Eof => return Err(self.truncated(parent)),
                Event::DocType(_) => return Err(self.doctype()),
                _ => {}
            }
        }
    }

    /// The error for a document that ends inside `element`.
    pub fn truncated(&mut self, element: &str) -> Diagnostic {
        let end = self.bytes.len();
        self.error(
            end,
            format!("the document ends inside <{element}>: the file is truncated"),
        )
    }

    /// The error for a DOCTYPE declaration, refused so no entity can be expanded.
    pub fn doctype(&mut self) -> Diagnostic {
        let pos = self.pos();
        self.error(
            pos,
            "DOCTYPE declarations are not accepted in ownership XML (entity expansion refused)",
        )
    }

    /// Skips a child element and everything inside it. Real filings nest a handful of
    /// levels; an unknown element nested absurdly deep is skipped all the same, with a
    /// warning, and without recursion.
    pub fn skip(&mut self, child: &Child<'a>) -> Result<(), Diagnostic> {
        if child.is_empty {
            return Ok(());
        }
        let mut depth = 0usize;
        let mut deepest = 0usize;
        loop {
            match self.next()? {
                Event::Start(_) => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                Event::End(_) => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                Event::Eof => return Err(self.truncated(&child.name())),
                Event::DocType(_) => return Err(self.doctype()),
                _ => {}
            }
        }
        if deepest > MAX_SKIPPED_DEPTH {
            self.warn(
                child.pos,
                format!(
                    "<{}> nests elements {deepest} levels deep; skipped",
                    child.name()
                ),
            );
        }
        Ok(())
    }

    /// Reads the text content of a child element, trimmed; `None` when empty. Text of
    /// nested elements is included, so `<officerTitle><value>CEO</value></officerTitle>`
    /// still reads as `CEO`.
    pub fn leaf(&mut self, child: &Child<'a>) -> Result<Option<Cow<'a, str>>, Diagnostic> {
        if child.is_empty {
            return Ok(None);
        }
        let mut depth = 0usize;
        let mut out: Option<Cow<'a, str>> = None;
        loop {
            match self.next()? {
                Event::Text(t) => {
                    let pos = self.pos();
                    let piece = match t.unescape_with(resolve_entity) {
                        Ok(s) => s,
                        Err(e) => {
                            let raw = String::from_utf8_lossy(&t).into_owned();
                            self.warn(
                                pos,
                                format!("<{}>: {e}; text kept as written", child.name()),
                            );
                            Cow::Owned(raw)
                        }
                    };
                    append(&mut out, piece);
                }
                Event::CData(c) => {
                    let piece = String::from_utf8_lossy(&c).into_owned();
                    append(&mut out, Cow::Owned(piece));
                }
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                Event::Eof => return Err(self.truncated(&child.name())),
                Event::DocType(_) => return Err(self.doctype()),
                _ => {}
            }
        }
        let text = out.and_then(trim_cow).map(normalize_line_ends);
        if let Some(t) = &text {
            if t.len() > MAX_TEXT_LEN {
                self.warn(
                    child.pos,
                    format!(
                        "<{}> is {} MB of text, far longer than any real filing's",
                        child.name(),
                        t.len() >> 20
                    ),
                );
            }
            if crate::text::has_control(t) {
                self.warn(
                    child.pos,
                    format!(
                        "<{}> holds control characters (terminal escapes?); they are never shown",
                        child.name()
                    ),
                );
            }
        }
        Ok(text)
    }

    /// Reads a leaf as shared text.
    pub fn text(&mut self, child: &Child<'a>) -> Result<Option<Text>, Diagnostic> {
        Ok(self.leaf(child)?.map(|s| Text::from(s.as_ref())))
    }

    /// Reads a boolean leaf; text that is not a boolean is a warning and `None`.
    pub fn boolean(&mut self, child: &Child<'a>) -> Result<Option<bool>, Diagnostic> {
        let pos = child.pos;
        let raw = self.leaf(child)?;
        Ok(raw.and_then(|r| match values::boolean(&r) {
            Ok(v) => v,
            Err(m) => {
                self.warn(pos, format!("<{}>: {m}", child.name()));
                None
            }
        }))
    }

    /// Reads a date leaf; an unreadable date is a warning and `None`.
    pub fn date(&mut self, child: &Child<'a>) -> Result<Option<chrono::NaiveDate>, Diagnostic> {
        let pos = child.pos;
        let raw = self.leaf(child)?;
        Ok(raw.and_then(|r| match values::iso_date(&r) {
            Ok(v) => v,
            Err(m) => {
                self.warn(pos, format!("<{}>: {m}", child.name()));
                None
            }
        }))
    }

    /// Reads the id attribute of a `footnoteId` element and skips its content.
    pub fn footnote_id(&mut self, child: &Child<'a>) -> Result<Option<FootnoteId>, Diagnostic> {
        let id = read_id(&child.start);
        self.skip(child)?;
        match id {
            Ok(id) => Ok(Some(id)),
            Err(why) => {
                self.warn(child.pos, format!("<footnoteId> {why}; reference dropped"));
                Ok(None)
            }
        }
    }

    /// Reads a value-with-footnotes wrapper: the raw `<value>` text and the footnote ids.
    /// Text placed directly in the wrapper (no `<value>`) is taken as the value.
    pub fn fv_raw(
        &mut self,
        child: &Child<'a>,
    ) -> Result<(Option<Cow<'a, str>>, FootnoteIds), Diagnostic> {
        let mut value = None;
        let mut notes = FootnoteIds::new();
        let mut full = false;
        if child.is_empty {
            return Ok((value, notes));
        }
        loop {
            match self.next()? {
                Event::Start(start) => {
                    let c = Child {
                        start,
                        is_empty: false,
                        pos: self.pos(),
                    };
                    self.fv_child(&c, &mut value, &mut notes, &mut full)?;
                }
                Event::Empty(start) => {
                    let c = Child {
                        start,
                        is_empty: true,
                        pos: self.pos(),
                    };
                    self.fv_child(&c, &mut value, &mut notes, &mut full)?;
                }
                Event::Text(t) if value.is_none() => {
                    if let Ok(s) = t.unescape_with(resolve_entity) {
                        value = trim_cow(s).map(normalize_line_ends);
                    }
                }
                Event::End(_) => break,
                Event::Eof => return Err(self.truncated(&child.name())),
                Event::DocType(_) => return Err(self.doctype()),
                _ => {}
            }
        }
        Ok((value, notes))
    }

    fn fv_child(
        &mut self,
        c: &Child<'a>,
        value: &mut Option<Cow<'a, str>>,
        notes: &mut FootnoteIds,
        full: &mut bool,
    ) -> Result<(), Diagnostic> {
        match c.local() {
            b"value" => {
                let v = self.leaf(c)?;
                if value.is_none() {
                    *value = v;
                }
            }
            b"footnoteId" => {
                if let Some(id) = self.footnote_id(c)? {
                    if !add_footnote(notes, id) && !std::mem::replace(full, true) {
                        self.warn(c.pos, too_many_footnotes());
                    }
                }
            }
            _ => self.skip(c)?,
        }
        Ok(())
    }

    /// Reads a wrapper and converts its value with `convert`; text it cannot convert is a
    /// warning naming the element, and the value stays `None` with its footnotes kept.
    pub fn fv<T>(
        &mut self,
        child: &Child<'a>,
        convert: impl FnOnce(&str) -> Result<Option<T>, String>,
    ) -> Result<Fv<T>, Diagnostic> {
        let pos = child.pos;
        let (raw, notes) = self.fv_raw(child)?;
        let value = match raw {
            None => None,
            Some(r) => match convert(&r) {
                Ok(v) => v,
                Err(m) => {
                    self.warn(pos, format!("<{}>: {m}", child.name()));
                    None
                }
            },
        };
        Ok(Fv::with_footnotes(value, notes))
    }

    /// A text wrapper.
    pub fn fv_text(&mut self, child: &Child<'a>) -> Result<Fv<Text>, Diagnostic> {
        self.fv(child, |s| Ok(Some(Text::from(s))))
    }

    /// A decimal wrapper.
    pub fn fv_decimal(
        &mut self,
        child: &Child<'a>,
    ) -> Result<Fv<rust_decimal::Decimal>, Diagnostic> {
        self.fv(child, values::decimal)
    }

    /// A date wrapper.
    pub fn fv_date(&mut self, child: &Child<'a>) -> Result<Fv<chrono::NaiveDate>, Diagnostic> {
        self.fv(child, values::iso_date)
    }
}

/// Deeper than this, a skipped element is worth a warning: no filing nests so deep.
const MAX_SKIPPED_DEPTH: usize = 64;

/// Text longer than this is worth a warning: the longest real remarks run to a few
/// thousand characters.
const MAX_TEXT_LEN: usize = 1 << 20;

/// Footnote ids are short (`F1`…`F99`); anything longer is not an id.
const MAX_ID_LEN: usize = 32;

/// Reads the `id` attribute of a `footnote` or `footnoteId` element.
pub fn read_id(start: &BytesStart<'_>) -> Result<FootnoteId, String> {
    let attr = match start.try_get_attribute(b"id") {
        Ok(Some(attr)) => attr,
        Ok(None) => return Err("has no id attribute".into()),
        Err(e) => return Err(format!("has an unreadable attribute: {e}")),
    };
    let value = attr
        .unescape_value()
        .map_err(|e| format!("has an unreadable id: {e}"))?;
    let id = value.trim();
    if id.is_empty() {
        Err("has an empty id".into())
    } else if id.chars().count() > MAX_ID_LEN || crate::text::has_control(id) {
        Err(format!(
            "has an id that is not a footnote id ({} characters)",
            id.chars().count()
        ))
    } else {
        Ok(FootnoteId::new(id))
    }
}

/// The warning for a value citing more footnotes than one value keeps.
pub fn too_many_footnotes() -> String {
    format!("more than {MAX_VALUE_FOOTNOTES} <footnoteId> on one value: the rest are left out")
}

fn append<'a>(out: &mut Option<Cow<'a, str>>, piece: Cow<'a, str>) {
    match out {
        None => *out = Some(piece),
        Some(existing) => existing.to_mut().push_str(&piece),
    }
}

/// XML line-end normalisation: `\r\n` and a bare `\r` read as `\n`.
fn normalize_line_ends(s: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return s;
    }
    Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
}

fn trim_cow(s: Cow<'_, str>) -> Option<Cow<'_, str>> {
    let trimmed_len = s.trim().len();
    if trimmed_len == 0 {
        return None;
    }
    if trimmed_len == s.len() {
        return Some(s);
    }
    Some(match s {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
    })
}

/// Resolves the five XML entities and the HTML entities that filings are known to carry
/// without declaring them (`&nbsp;` and typographic quotes and dashes).
fn resolve_entity(name: &str) -> Option<&'static str> {
    resolve_predefined_entity(name).or(match name {
        "nbsp" => Some("\u{a0}"),
        "ndash" => Some("\u{2013}"),
        "mdash" => Some("\u{2014}"),
        "lsquo" => Some("\u{2018}"),
        "rsquo" => Some("\u{2019}"),
        "ldquo" => Some("\u{201c}"),
        "rdquo" => Some("\u{201d}"),
        "hellip" => Some("\u{2026}"),
        "copy" => Some("\u{a9}"),
        "reg" => Some("\u{ae}"),
        "trade" => Some("\u{2122}"),
        "sect" => Some("\u{a7}"),
        "eacute" => Some("\u{e9}"),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::Cursor;

    #[test]
    fn a_warning_before_the_last_one_counts_lines_back_from_it() {
        // Each bad flag warns at its text, then at its own start before it.
        let n = 2_000;
        let text = format!(
            "<ownershipDocument>{}\n</ownershipDocument>",
            "\n<aff10b5One>&zz;</aff10b5One>".repeat(n)
        );
        let mut c = Cursor::new(&text, 5);
        let filing = super::super::document::read(&mut c, &"t.xml".into());
        assert!(filing.is_ok());
        let scanned = c.scanned;
        let warnings = c.into_warnings();
        let flags: Vec<_> = warnings
            .iter()
            .filter(|w| w.message.starts_with("<aff10b5One>"))
            .map(|w| w.line)
            .collect();
        let expected: Vec<_> = (0..n).flat_map(|i| [Some(6 + i as u32); 2]).collect();
        assert_eq!(flags, expected);
        let last = warnings.last().unwrap();
        assert_eq!(last.line, Some(5), "{last}");
        assert!(
            scanned <= 4 * text.len(),
            "{scanned} bytes looked at for {} bytes of text",
            text.len()
        );
    }
}

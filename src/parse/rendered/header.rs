//! The boxes above the tables: reporting persons with their addresses and relationship
//! boxes, issuer name and ticker, the dates of boxes 3 and 4 (or the statement month of
//! old forms), the joint-filing box, the form's title and its check boxes.
//!
//! Boxes may be printed one below the other or side by side. Each box label opens a box
//! at the column where it stands; text without a label belongs to the open box whose
//! column is nearest on its left. The captions under the name and address lines,
//! `(Last) (First) (Middle)`, `(Street)` and `(City) (State) (Zip)`, separate name,
//! street and city whether a converter put them above or below their values.

use chrono::NaiveDate;

use crate::model::{Address, Flags, FormType, Relationship, ReportingOwner, Text};
use crate::parse::diag::Diagnostic;

use super::lines::{find_ci, segments, squash, Line, Segment};
use super::words;

/// What the boxes above the tables say.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// The form named by the title or a `FORM 4` line.
    pub form: Option<FormType>,
    /// True when the form calls itself an amendment (`FORM 4/A`).
    pub says_amendment: bool,
    /// Reporting persons, with address and relationship.
    pub owners: Vec<ReportingOwner>,
    /// Issuer name (box 2).
    pub issuer_name: Option<Text>,
    /// Ticker or trading symbol (box 2).
    pub ticker: Option<Text>,
    /// Date of earliest transaction, event date, fiscal year end or statement month.
    pub period: Option<NaiveDate>,
    /// Date the original was filed, on an amendment.
    pub original: Option<NaiveDate>,
    /// Box 6: `Some(true)` when "more than one reporting person" is ticked.
    pub joint: Option<bool>,
    /// The check boxes at the top of the form.
    pub flags: Flags,
    /// True when some box label was found at all.
    pub found_boxes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BoxKind {
    Name,
    Issuer,
    Period,
    Amendment,
    Relationship,
    Joint,
    Irs,
}

const LABELS: &[(&str, BoxKind)] = &[
    ("name and address of reporting person", BoxKind::Name),
    ("issuer name and ticker or trading symbol", BoxKind::Issuer),
    ("issuer name and ticker", BoxKind::Issuer),
    ("date of earliest transaction", BoxKind::Period),
    ("statement for issuer's fiscal year ended", BoxKind::Period),
    ("statement for issuers fiscal year ended", BoxKind::Period),
    ("statement for month/day/year", BoxKind::Period),
    ("statement for month/year", BoxKind::Period),
    ("date of event requiring statement", BoxKind::Period),
    ("if amendment", BoxKind::Amendment),
    ("relationship of reporting person", BoxKind::Relationship),
    ("individual or joint/group filing", BoxKind::Joint),
    ("individual or joint/group reporting", BoxKind::Joint),
    ("irs or social security number", BoxKind::Irs),
    ("i.r.s. identification number", BoxKind::Irs),
    ("irs identification number", BoxKind::Irs),
];

/// Label words that stay behind a box label (or stand on their own line) and are no value.
const RESIDUE: &[&str] = &[
    "(s)",
    "to issuer",
    "(check all applicable)",
    "(check applicable line)",
    "(month/day/year)",
    "(month/year)",
    "date original filed",
    "date of original filed",
    "date of original",
    "of reporting person",
    "(voluntary)",
    ", if an entity",
    "if an entity",
    "(print or type responses)",
    "or trading symbol",
    "ticker or trading symbol",
    "*",
    ",",
    ":",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caption {
    Last,
    First,
    Middle,
    Street,
    City,
    State,
    Zip,
}

const CAPTIONS: &[(&str, Caption)] = &[
    ("(last)", Caption::Last),
    ("(first)", Caption::First),
    ("(middle)", Caption::Middle),
    ("(street)", Caption::Street),
    ("(city)", Caption::City),
    ("(state)", Caption::State),
    ("(zip)", Caption::Zip),
];

#[derive(Debug, Clone)]
enum Part {
    Text(String, usize),
    Caption(Caption, usize),
}

#[derive(Debug, Clone)]
struct OpenBox {
    kind: BoxKind,
    x: usize,
    line: u32,
    parts: Vec<Part>,
}

/// Strips a leading box number (`1.`, `2A.`, `4 .`) and returns the rest.
fn strip_number(s: &str) -> &str {
    let t = s.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return t;
    }
    let rest = t.get(digits..).unwrap_or_default();
    let rest = rest.strip_prefix(['A', 'a']).unwrap_or(rest);
    match rest.trim_start().strip_prefix('.') {
        Some(r) => r.trim_start(),
        None => t,
    }
}

/// The box a segment's label opens, and the text after the label.
fn label_of(seg: &str) -> Option<(BoxKind, String)> {
    let body = strip_number(seg);
    let squashed = squash(body);
    let lower = squashed.to_ascii_lowercase();
    for (label, kind) in LABELS {
        if lower.starts_with(label) {
            let rest = squashed.get(label.len()..).unwrap_or_default();
            return Some((*kind, strip_residue(rest)));
        }
    }
    None
}

/// Removes label words left at the start of a value.
fn strip_residue(s: &str) -> String {
    let mut rest = s.trim();
    loop {
        let before = rest.len();
        for r in RESIDUE {
            if rest.len() >= r.len()
                && rest.is_char_boundary(r.len())
                && rest
                    .get(..r.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(r))
            {
                rest = rest.get(r.len()..).unwrap_or_default().trim_start();
            }
        }
        if rest.len() == before {
            break;
        }
    }
    rest.trim().to_string()
}

/// Where a numbered box label starts inside a segment (never at its start), if it does.
fn inner_label_at(text: &str) -> Option<usize> {
    let mut prev_space = false;
    for (i, c) in text.char_indices() {
        let starts = i > 0 && prev_space && c.is_ascii_digit();
        prev_space = c.is_whitespace();
        if !starts {
            continue;
        }
        let tail = text.get(i..).unwrap_or_default();
        let body = strip_number(tail);
        if body.len() == tail.trim_start().len() {
            continue;
        }
        let lower = squash(body).to_ascii_lowercase();
        if LABELS.iter().any(|(l, _)| lower.starts_with(l)) {
            return Some(i);
        }
    }
    None
}

/// Cuts a segment where a numbered box label starts inside it: a converter may leave a
/// single space between one box's text and the next box's label
/// (`Filed(Month/Day/Year) 6. Individual or Joint/Group Filing`).
fn split_at_labels(seg: Segment) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = seg;
    while let Some(i) = inner_label_at(&rest.text) {
        let head = rest.text.get(..i).unwrap_or_default();
        let tail = rest.text.get(i..).unwrap_or_default().to_string();
        let x = rest.x + head.chars().count();
        if !head.trim().is_empty() {
            out.push(Segment {
                x: rest.x,
                text: head.trim_end().to_string(),
            });
        }
        rest = Segment { x, text: tail };
    }
    out.push(rest);
    out
}

/// A label fragment such as `4. If` that a converter cut off: a box number followed by
/// little else.
fn is_label_fragment(seg: &str) -> bool {
    let t = seg.trim();
    let stripped = strip_number(t);
    stripped.len() < t.len() && stripped.split_whitespace().count() <= 2 && stripped.len() <= 12
}

/// A run of `-`, `_`, `=` or `+` drawn under or between boxes.
pub fn is_rule(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '-' | '_' | '=' | '+' | ' ' | '|'))
}

/// Cuts a segment's text at the address captions it holds.
fn parts_of(text: &str, x: usize) -> Vec<Part> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    loop {
        let hit = CAPTIONS
            .iter()
            .filter_map(|(c, k)| find_ci(rest, c).map(|i| (i, c.len(), *k)))
            .min_by_key(|h| h.0);
        let Some((i, len, cap)) = hit else { break };
        let before = rest.get(..i).unwrap_or_default().trim();
        if !before.is_empty() {
            out.push(Part::Text(before.to_string(), x + offset));
        }
        out.push(Part::Caption(cap, x + offset + i));
        offset += i + len;
        rest = rest.get(i + len..).unwrap_or_default();
    }
    let tail = rest.trim();
    if !tail.is_empty() {
        out.push(Part::Text(tail.to_string(), x + offset));
    }
    out
}

/// Reads the boxes from the lines above (and between) the tables.
pub fn read(lines: &[Line], warnings: &mut Vec<Diagnostic>) -> Header {
    let mut h = Header::default();
    let mut open: Vec<OpenBox> = Vec::new();
    let mut done: Vec<OpenBox> = Vec::new();
    for line in lines {
        // A lone check mark belongs with the words after it on the line.
        let mut segs: Vec<Segment> = segments(&line.text)
            .into_iter()
            .flat_map(split_at_labels)
            .collect();
        for k in (0..segs.len().saturating_sub(1)).rev() {
            let is_mark = segs
                .get(k)
                .is_some_and(|m| words::check_mark(&m.text).is_some() && m.text.len() <= 5);
            if is_mark {
                let mark = segs.remove(k);
                if let Some(next) = segs.get_mut(k) {
                    next.text = format!("{} {}", mark.text, next.text);
                }
            }
        }
        for seg in segs {
            if let Some((kind, rest)) = label_of(&seg.text) {
                h.found_boxes = true;
                let (keep, close): (Vec<OpenBox>, Vec<OpenBox>) =
                    open.drain(..).partition(|b| b.x.abs_diff(seg.x) > 3);
                done.extend(close);
                open = keep;
                let mut b = OpenBox {
                    kind,
                    x: seg.x,
                    line: line.no,
                    parts: Vec::new(),
                };
                if !rest.is_empty() {
                    b.parts.extend(parts_of(&rest, seg.x));
                }
                open.push(b);
                continue;
            }
            if is_label_fragment(&seg.text) || is_rule(&seg.text) {
                continue;
            }
            let text = strip_residue(&seg.text);
            if text.is_empty() {
                continue;
            }
            // Check-box words go to their box wherever a converter put them.
            let lower = text.to_ascii_lowercase();
            let by_words = if lower.contains("form filed by") {
                Some(BoxKind::Joint)
            } else if [
                "director",
                "10% owner",
                "(give title below)",
                "(specify below)",
            ]
            .iter()
            .any(|w| lower.contains(w))
            {
                Some(BoxKind::Relationship)
            } else {
                None
            };
            let routed = by_words.and_then(|k| open.iter().position(|b| b.kind == k));
            let target = match routed {
                Some(i) => open.get_mut(i),
                None => open
                    .iter_mut()
                    .filter(|b| b.x <= seg.x + 2)
                    .max_by_key(|b| b.x),
            };
            if let Some(b) = target {
                b.parts.extend(parts_of(&text, seg.x));
            }
        }
    }
    done.extend(open);
    done.sort_by_key(|b| b.line);
    for b in &done {
        match b.kind {
            BoxKind::Name => h.owners.push(owner_of(b)),
            BoxKind::Issuer => read_issuer(&mut h, b, warnings),
            BoxKind::Period => h.period = box_date(b, "box 3 (date of the statement)", warnings),
            BoxKind::Amendment => {
                h.original = box_date(b, "box 4 (date the original was filed)", warnings);
            }
            BoxKind::Relationship => {
                let rel = relationship(&joined(b));
                if let Some(o) = h.owners.last_mut() {
                    o.relationship = rel;
                } else {
                    warnings.push(Diagnostic::new(
                        Some(b.line),
                        "a relationship box before any reporting person was ignored",
                    ));
                }
            }
            BoxKind::Joint => h.joint = joint(&joined(b)),
            BoxKind::Irs => {}
        }
    }
    let all: String = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    h.form = form_of(&all);
    h.says_amendment = says_amendment(&all);
    read_flags(&mut h.flags, lines);
    h
}

fn joined(b: &OpenBox) -> String {
    b.parts
        .iter()
        .filter_map(|p| match p {
            Part::Text(t, _) => Some(t.as_str()),
            Part::Caption(..) => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Name, street lines and city line of box 1, told apart by the captions.
fn owner_of(b: &OpenBox) -> ReportingOwner {
    #[derive(PartialEq)]
    enum Zone {
        Name,
        Street,
        City,
        After,
    }
    let has_captions = b.parts.iter().any(|p| matches!(p, Part::Caption(..)));
    let mut zone = Zone::Name;
    let mut name: Vec<&str> = Vec::new();
    let mut street: Vec<&str> = Vec::new();
    let mut city: Vec<(&str, usize)> = Vec::new();
    let mut city_caps: Vec<(Caption, usize)> = Vec::new();
    for p in &b.parts {
        match p {
            Part::Caption(c, x) => {
                zone = match c {
                    Caption::Last | Caption::First | Caption::Middle => Zone::Street,
                    Caption::Street => Zone::City,
                    Caption::City | Caption::State | Caption::Zip => {
                        city_caps.push((*c, *x));
                        Zone::After
                    }
                };
            }
            Part::Text(t, x) => match zone {
                Zone::Name => name.push(t),
                Zone::Street => street.push(t),
                Zone::City => city.push((t, *x)),
                Zone::After => {}
            },
        }
    }
    if !has_captions && name.len() > 1 {
        // No captions: name first, city line last, street lines between.
        let all = std::mem::take(&mut name);
        if let Some((first, rest)) = all.split_first() {
            name.push(first);
            if let Some((last, middle)) = rest.split_last() {
                city.push((last, 0));
                street.extend(middle);
            }
        }
    }
    let mut address = Address::default();
    match street.as_slice() {
        [] => {}
        [one] => {
            let (s1, s2) = split_street(one);
            address.street1 = Some(s1.into());
            address.street2 = s2.map(Into::into);
        }
        [first, rest @ ..] => {
            address.street1 = Some(squash(first).into());
            address.street2 = Some(squash(&rest.join(" ")).into());
        }
    }
    read_city(&mut address, &city, &city_caps);
    let name = squash(&name.join(" "));
    ReportingOwner {
        cik: None,
        name: (!name.is_empty()).then(|| name.into()),
        address,
        relationship: Relationship::default(),
    }
}

/// Splits one printed street line into street 1 and 2 where the renderer joined them
/// with `, ` before a house number (`C/O X, INC., 3301 AGRICULTURE DRIVE`).
fn split_street(s: &str) -> (String, Option<String>) {
    let s = squash(s);
    let cut = s
        .match_indices(", ")
        .filter(|(i, _)| {
            s.get(i + 2..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_digit())
        })
        .map(|(i, _)| i)
        .last();
    match cut {
        Some(i) if i > 0 => (
            s.get(..i).unwrap_or_default().to_string(),
            s.get(i + 2..).map(str::to_string),
        ),
        _ => (s, None),
    }
}

/// City, state and ZIP: placed under their captions when the page kept columns, else
/// read from one line such as `MADISON, WI 53716`.
fn read_city(a: &mut Address, parts: &[(&str, usize)], caps: &[(Caption, usize)]) {
    if parts.is_empty() {
        return;
    }
    let columns = caps.len() >= 2 && parts.len() >= 2;
    if columns {
        for (text, x) in parts {
            let cap = caps
                .iter()
                .filter(|(_, cx)| *cx <= x + 2)
                .max_by_key(|(_, cx)| *cx)
                .map(|(c, _)| *c)
                .unwrap_or(Caption::City);
            let slot = match cap {
                Caption::State => &mut a.state,
                Caption::Zip => &mut a.zip,
                _ => &mut a.city,
            };
            let value = match slot.take() {
                Some(prev) => format!("{prev} {text}"),
                None => squash(text),
            };
            *slot = Some(value.into());
        }
        return;
    }
    let line = squash(&parts.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" "));
    let (city, rest) = match line.rfind(',') {
        Some(i) => (
            line.get(..i).unwrap_or_default().trim().to_string(),
            line.get(i + 1..).unwrap_or_default().trim().to_string(),
        ),
        None => {
            let words: Vec<&str> = line.split(' ').collect();
            let n = words.len();
            let state_at = (n >= 3
                && words.get(n - 2).is_some_and(|w| is_state(w))
                && words.last().is_some_and(|w| is_zip(w)))
            .then(|| n - 2)
            .or_else(|| (n >= 2 && words.last().is_some_and(|w| is_state(w))).then(|| n - 1));
            match state_at {
                Some(i) => (
                    words.get(..i).unwrap_or_default().join(" "),
                    words.get(i..).unwrap_or_default().join(" "),
                ),
                None => (line.clone(), String::new()),
            }
        }
    };
    if !city.is_empty() {
        a.city = Some(city.into());
    }
    let mut words = rest.split_whitespace();
    if let Some(first) = words.next() {
        if is_state(first) {
            a.state = Some(first.into());
            let zip = words.collect::<Vec<_>>().join(" ");
            if !zip.is_empty() {
                a.zip = Some(zip.into());
            }
        } else {
            a.zip = Some(rest.trim().into());
        }
    }
}

/// City, state and ZIP from one printed line such as `MADISON, WI 53716`.
pub(super) fn read_city_line(a: &mut Address, line: &str) {
    read_city(a, &[(line, 0)], &[]);
}

fn is_state(w: &str) -> bool {
    w.len() == 2
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
}

fn is_zip(w: &str) -> bool {
    !w.is_empty()
        && w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

fn read_issuer(h: &mut Header, b: &OpenBox, warnings: &mut Vec<Diagnostic>) {
    let text = squash(&joined(b));
    if text.is_empty() {
        warnings.push(Diagnostic::new(Some(b.line), "box 2: no issuer name"));
        return;
    }
    let (name, ticker) = split_ticker(&text);
    if name.is_empty() {
        warnings.push(Diagnostic::new(Some(b.line), "box 2: no issuer name"));
    } else {
        h.issuer_name = Some(name.into());
    }
    match ticker {
        Some(t) if !t.is_empty() => h.ticker = Some(t.into()),
        Some(_) => {}
        None => warnings.push(Diagnostic::new(
            Some(b.line),
            "box 2: no ticker symbol in brackets after the issuer name",
        )),
    }
}

/// `Cellectar Biosciences, Inc. [CLRB]` → name and ticker; `ACME CORP (ACME)` too.
/// The ticker is `Some("")` when the brackets are empty.
pub fn split_ticker(text: &str) -> (String, Option<String>) {
    if let Some(open) = text.rfind('[') {
        let close = text.get(open..).and_then(|r| r.find(']')).map(|c| open + c);
        if let Some(close) = close {
            let ticker = text.get(open + 1..close).unwrap_or_default().trim();
            let name = text.get(..open).unwrap_or_default().trim();
            return (name.to_string(), Some(ticker.to_string()));
        }
    }
    if let Some(open) = text.rfind('(') {
        let inner = text.get(open + 1..).unwrap_or_default();
        if let Some(close) = inner.find(')') {
            let t = inner.get(..close).unwrap_or_default().trim();
            let looks = !t.is_empty()
                && t.len() <= 12
                && t.bytes().all(|b| {
                    b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'/')
                });
            if looks {
                let name = text.get(..open).unwrap_or_default().trim();
                return (name.to_string(), Some(t.to_string()));
            }
        }
    }
    (text.trim().to_string(), None)
}

fn box_date(b: &OpenBox, what: &str, warnings: &mut Vec<Diagnostic>) -> Option<NaiveDate> {
    let text = squash(&joined(b));
    if text.is_empty() {
        return None;
    }
    for w in text.split(' ') {
        if let Ok(Some(d)) = words::date(w) {
            if w.contains('/') || w.contains('-') {
                return Some(d);
            }
        }
    }
    if let Ok(Some(d)) = words::date(&text) {
        return Some(d);
    }
    // Old forms give a month: `March 1999`, `03/99`.
    for n in [2, 1] {
        let ws: Vec<&str> = text.split(' ').collect();
        for win in ws.windows(n) {
            if let Some(d) = words::month_year(&win.join(" ")) {
                return Some(d);
            }
        }
    }
    warnings.push(Diagnostic::new(
        Some(b.line),
        format!(
            "{what} left empty: no date in {:?}",
            crate::parse::values::shorten(&text)
        ),
    ));
    None
}

/// The four relationship boxes and the title or text written under them.
pub fn relationship(text: &str) -> Relationship {
    let t = squash(text);
    const PHRASES: [&str; 4] = [
        "director",
        "10% owner",
        "officer (give title below)",
        "other (specify below)",
    ];
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    for (k, p) in PHRASES.iter().enumerate() {
        let found = find_ci(&t, p).map(|i| (i, p.len())).or_else(|| match k {
            2 => find_ci(&t, "officer").map(|i| (i, "officer".len())),
            3 => find_ci(&t, "other").map(|i| (i, "other".len())),
            _ => None,
        });
        if let Some((i, len)) = found {
            hits.push((i, len, k));
        }
    }
    hits.sort_unstable();
    let mut checked = [false; 4];
    let mut after = [String::new(), String::new(), String::new(), String::new()];
    let mut prev_end = 0;
    for (n, &(i, len, k)) in hits.iter().enumerate() {
        let before = t.get(prev_end..i).unwrap_or_default();
        checked[k] = words::check_mark(before) == Some(true);
        let end = i + len;
        let next = hits.get(n + 1).map_or(t.len(), |h| h.0);
        let between = t.get(end..next).unwrap_or_default();
        after[k] = clean_title(between);
        prev_end = end;
    }
    let mut officer = std::mem::take(&mut after[2]);
    let mut other = std::mem::take(&mut after[3]);
    if officer.is_empty() && !other.is_empty() && checked[2] && !checked[3] {
        officer = std::mem::take(&mut other);
    } else if officer.is_empty() && checked[2] && checked[3] {
        if let Some((a, b)) = other.split_once(" / ") {
            officer = a.trim().to_string();
            other = b.trim().to_string();
        }
    }
    Relationship {
        is_director: checked[0],
        is_officer: checked[2],
        is_ten_percent_owner: checked[1],
        is_other: checked[3],
        officer_title: (!officer.is_empty()).then(|| officer.into()),
        other_text: (!other.is_empty()).then(|| other.into()),
    }
}

/// Text written after a relationship box: the title, without colons, `(Check …)` words
/// and the mark of the next box.
fn clean_title(between: &str) -> String {
    let mut t = between.trim().trim_start_matches(':').trim().to_string();
    for mark in [
        "[X]", "[x]", "[ ]", "( )", "(X)", "(x)", "_X_", "X_", "___", "__", "_", "☐", "☒", "☑",
    ] {
        if let Some(r) = t.strip_suffix(mark) {
            t = r.trim_end().to_string();
        }
    }
    if t == "X" || t == "x" {
        return String::new();
    }
    strip_residue(&t)
}

fn joint(text: &str) -> Option<bool> {
    let t = squash(text);
    let one = find_ci(&t, "form filed by one reporting person");
    let more = find_ci(&t, "form filed by more than one reporting person");
    let mark = |i: Option<usize>, from: usize| {
        i.and_then(|i| words::check_mark(t.get(from..i).unwrap_or_default()))
    };
    let one_end = one.map_or(0, |i| i + "form filed by one reporting person".len());
    match (mark(one, 0), mark(more, one_end.min(more.unwrap_or(0)))) {
        (_, Some(true)) => Some(true),
        (Some(true), _) => Some(false),
        _ => None,
    }
}

/// The form a title names: `INITIAL STATEMENT` is Form 3, `ANNUAL STATEMENT` Form 5,
/// `STATEMENT OF CHANGES` Form 4; else a line reading `FORM 4`.
pub fn form_of(text: &str) -> Option<FormType> {
    if find_ci(text, "initial statement of beneficial ownership").is_some() {
        return Some(FormType::Form3);
    }
    if find_ci(text, "annual statement of").is_some() {
        return Some(FormType::Form5);
    }
    if find_ci(text, "statement of changes in beneficial ownership").is_some() {
        return Some(FormType::Form4);
    }
    text.lines().find_map(|l| {
        let t = squash(l);
        let rest = t.strip_prefix("FORM ")?;
        let word = rest.split(' ').next().unwrap_or_default();
        match word.trim_end_matches("/A") {
            "3" => Some(FormType::Form3),
            "4" => Some(FormType::Form4),
            "5" => Some(FormType::Form5),
            _ => None,
        }
    })
}

fn says_amendment(text: &str) -> bool {
    text.lines().any(|l| {
        let t = squash(l).to_ascii_uppercase();
        ["FORM 3/A", "FORM 4/A", "FORM 5/A"]
            .iter()
            .any(|f| t.starts_with(f) || t.contains(&format!(" {f}")))
    })
}

/// The boxes at the top of the form: each is read from the mark printed before
/// `Check this box …` or before the box's own words.
fn read_flags(flags: &mut Flags, lines: &[Line]) {
    let mark = |phrase: &str, lead: &str| -> Option<Option<bool>> {
        lines.iter().find_map(|l| {
            let t = squash(&l.text);
            let at = find_ci(&t, phrase)?;
            let before = t.get(..at).unwrap_or_default();
            let before = match find_ci(before, lead) {
                Some(i) => before.get(..i).unwrap_or_default(),
                None => before,
            };
            Some(words::check_mark(before))
        })
    };
    // Form 5 of the 1990s prints "Check box if no longer subject to Section 16".
    if let Some(m) = mark("if no longer subject", "check") {
        flags.not_subject_to_section16 = m;
    }
    if let Some(m) = mark("check this box to indicate", "check this box") {
        flags.aff10b5_one = m;
    }
    if let Some(m) = mark("form 3 holdings reported", "form 3 holdings") {
        flags.form3_holdings_reported = m;
    }
    if let Some(m) = mark("form 4 transactions reported", "form 4 transactions") {
        flags.form4_transactions_reported = m;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_boxes_as_printed() {
        let r = relationship(
            "X_Director 10% Owner X Officer (give title below) Other (specify below)  President and CEO",
        );
        assert!(r.is_director && r.is_officer && !r.is_other && !r.is_ten_percent_owner);
        assert_eq!(r.officer_title.as_deref(), Some("President and CEO"));
        let r = relationship(
            "[ ] Director [X] 10% Owner [ ] Officer (give title below): [X] Other (specify below): Member of group",
        );
        assert!(!r.is_director && r.is_ten_percent_owner && r.is_other);
        assert_eq!(r.other_text.as_deref(), Some("Member of group"));
        assert_eq!(r.officer_title, None);
    }

    #[test]
    fn tickers_and_cities() {
        assert_eq!(
            split_ticker("Cellectar Biosciences, Inc. [CLRB] 4"),
            ("Cellectar Biosciences, Inc.".into(), Some("CLRB".into()))
        );
        assert_eq!(
            split_ticker("ACME CORP (ACME)"),
            ("ACME CORP".into(), Some("ACME".into()))
        );
        assert_eq!(split_ticker("Acme (the company)").1, None);
        let mut a = Address::default();
        read_city(&mut a, &[("MADISON, WI 53716", 0)], &[]);
        assert_eq!(
            (a.city.as_deref(), a.state.as_deref(), a.zip.as_deref()),
            (Some("MADISON"), Some("WI"), Some("53716"))
        );
        let mut a = Address::default();
        read_city(&mut a, &[("NEW YORK NY 10022", 0)], &[]);
        assert_eq!(a.city.as_deref(), Some("NEW YORK"));
        assert_eq!(a.zip.as_deref(), Some("10022"));
        assert_eq!(
            split_street("C/O CELLECTAR BIOSCIENCES, INC., 3301 AGRICULTURE DRIVE"),
            (
                "C/O CELLECTAR BIOSCIENCES, INC.".into(),
                Some("3301 AGRICULTURE DRIVE".into())
            )
        );
    }

    #[test]
    fn labels_run_together_are_cut_apart() {
        let seg = Segment {
            x: 47,
            text:
                "4. If Amendment, Date Original Filed(Month/Day/Year) 6. Individual or Joint/Group \
                   Filing"
                    .into(),
        };
        let parts = split_at_labels(seg);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[1].x, 47 + 53);
        assert!(parts[1].text.starts_with("6. Individual"));
        let one = split_at_labels(Segment {
            x: 0,
            text: "Owns 5. Director shares".into(),
        });
        assert_eq!(one.len(), 1);
    }

    #[test]
    fn forms_by_title() {
        assert_eq!(
            form_of("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES"),
            Some(FormType::Form4)
        );
        assert_eq!(form_of("x\nFORM 3\n"), Some(FormType::Form3));
        assert!(says_amendment("FORM 4/A\n"));
        assert_eq!(joint("_X_ Form filed by One Reporting Person _Form filed by More than One Reporting Person"), Some(false));
        assert_eq!(joint("[ ] Form filed by One Reporting Person [X] Form filed by More than One Reporting Person"), Some(true));
    }
}

//! Values with footnote references.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::Text;

/// A footnote id as filed (`F1`, `F2`, …), normalised by trimming and upper-casing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FootnoteId(pub Text);

impl FootnoteId {
    /// Normalises a raw id: surrounding whitespace removed, letters upper-cased.
    pub fn new(raw: &str) -> Self {
        let trimmed = raw.trim();
        if trimmed.bytes().any(|b| b.is_ascii_lowercase()) {
            FootnoteId(trimmed.to_ascii_uppercase().into())
        } else {
            FootnoteId(trimmed.into())
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number in an `F<n>` id, used for superscript markers; `None` for other shapes.
    pub fn number(&self) -> Option<u32> {
        self.0.strip_prefix('F').and_then(|n| n.parse().ok())
    }
}

impl fmt::Display for FootnoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The footnote ids attached to one value. Empty for most values, so it costs one
/// pointer and allocates nothing until an id is added.
pub type FootnoteIds = thin_vec::ThinVec<FootnoteId>;

/// The most footnote ids one value keeps. Real filings cite a handful; a longer list is a
/// damaged or hostile file, and the bound keeps every pass over a row's ids cheap.
pub const MAX_VALUE_FOOTNOTES: usize = 32;

/// Adds `id` to a value's `ids` unless it is there already; `false` when the list is full
/// and `id` was left out.
pub fn add_footnote(ids: &mut FootnoteIds, id: FootnoteId) -> bool {
    if ids.contains(&id) {
        return true;
    }
    if ids.len() >= MAX_VALUE_FOOTNOTES {
        return false;
    }
    ids.push(id);
    true
}

/// A value as filed together with the footnotes that qualify it.
///
/// `value` is `None` when nothing was filed (an empty element, a footnote-only value, a
/// missing column); it is never replaced by a default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fv<T> {
    /// The filed value, if any.
    pub value: Option<T>,
    /// Footnote ids attached to the value, in filing order.
    #[serde(default, skip_serializing_if = "thin_vec::ThinVec::is_empty")]
    pub footnotes: FootnoteIds,
}

impl<T> Default for Fv<T> {
    fn default() -> Self {
        Fv {
            value: None,
            footnotes: FootnoteIds::new(),
        }
    }
}

impl<T> Fv<T> {
    /// A value with no footnotes.
    pub fn new(value: T) -> Self {
        Fv {
            value: Some(value),
            footnotes: FootnoteIds::new(),
        }
    }

    /// A value (possibly absent) with the given footnotes.
    pub fn with_footnotes(value: Option<T>, footnotes: FootnoteIds) -> Self {
        Fv { value, footnotes }
    }

    /// True when neither a value nor a footnote was filed.
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && self.footnotes.is_empty()
    }

    /// True when only footnotes were filed (the footnote explains the value).
    pub fn is_footnote_only(&self) -> bool {
        self.value.is_none() && !self.footnotes.is_empty()
    }

    /// The value by reference.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }
}

//! The in-memory model every reader produces and every view reads.
//!
//! Plain data only: no files, no XML, no terminal. A [`Filing`] is one accession (one
//! Form 3, 4 or 5, or an amendment). Every value that a footnote can qualify is an
//! [`Fv`]: an optional value plus the footnote ids attached to it, so a value filed only
//! as a footnote stays `None` and is never mistaken for zero. Money and share counts are
//! [`rust_decimal::Decimal`], dates are [`chrono::NaiveDate`].

mod codes;
mod filing;
mod fv;
mod row;

pub use codes::{AcquiredDisposed, DirectIndirect, FormType, Timeliness, TransactionCode};
pub use filing::{
    Address, Filing, Flags, Footnote, Issuer, Relationship, ReportingOwner, Signature, Source,
    SourceKind,
};
pub use fv::{add_footnote, FootnoteId, FootnoteIds, Fv, MAX_VALUE_FOOTNOTES};
pub use row::{Coding, DerivativeTerms, Row, RowKind, Table};

use std::sync::Arc;

/// Shared, immutable text. Cheap to clone, so repeated strings (issuer names, security
/// titles, footnote texts) can be interned and shared between filings.
pub type Text = Arc<str>;

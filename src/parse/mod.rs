//! Readers that turn filings into the [`crate::model`].
//!
//! Each reader takes text (or bytes) plus a source label and returns a filing with the
//! warnings met on the way, or an error saying where and why the file could not be read.
//! Readers never panic on input and never touch the screen.

pub mod diag;
pub mod values;

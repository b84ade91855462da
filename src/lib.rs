//! insider-tui: a terminal explorer for SEC insider filings (Forms 3, 4 and 5).
//!
//! Data flows one way: files are sniffed and read by [`parse`] into the [`model`];
//! [`load`] does that for many files in parallel and collects every issue; [`export`]
//! writes filings as CSV or JSON; [`synth`] generates realistic synthetic filings and
//! [`write`] serialises a filing back to ownership XML. The terminal app lives in
//! `app` (state), `ui` (drawing) and `terminal` (the event loop), with `cli` at the edge.

#![forbid(unsafe_code)]

pub mod app;
pub mod check;
pub mod cli;
pub mod export;
pub mod load;
pub mod model;
pub mod parse;
pub mod store;
pub mod terminal;
pub mod text;
pub mod ui;

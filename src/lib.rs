//! insider-tui: a terminal explorer for SEC insider filings (Forms 3, 4 and 5).
//!
//! Data flows one way: files are sniffed and read by [`parse`] into the [`model`];
//! [`load`] does that for many files in parallel and collects every issue; [`export`]
//! writes filings as CSV or JSON; [`check`] reports on a load; [`synth`] generates
//! realistic synthetic filings and [`write`](mod@write) serialises filings back to ownership XML,
//! full submissions and data-set tables. The terminal app lives in
//! `app` (state), `ui` (drawing) and `terminal` (the event loop), with `cli` at the edge.

#![forbid(unsafe_code)]

pub mod app;
pub mod check;
pub mod cli;
pub mod export;
pub mod form;
pub mod load;
pub mod model;
pub mod parse;
pub mod store;
pub mod synth;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod write;

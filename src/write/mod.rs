//! Writers that turn a [`crate::model::Filing`] back into the formats EDGAR publishes.
//!
//! [`xml::to_xml`] writes the `ownershipDocument` XML so that the XML reader gives back the
//! same filing; [`xml::to_submission`] wraps that XML in a full `<SEC-DOCUMENT>` submission
//! with its SGML header; [`dataset`] writes the eight tables of a data-set quarter. The
//! synthetic generator and the benchmarks use them.

pub mod dataset;
mod escape;
mod header;
mod out;
pub mod xml;

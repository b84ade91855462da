//! Writers that turn a [`crate::model::Filing`] back into the formats EDGAR publishes.
//!
//! [`xml::to_xml`] writes the `ownershipDocument` XML so that the XML reader gives back the
//! same filing; [`xml::to_submission`] wraps that XML in a full `<SEC-DOCUMENT>` submission
//! with its SGML header. The synthetic generator and the benchmarks use both.

mod escape;
mod header;
mod out;
pub mod xml;

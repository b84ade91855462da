//! User-facing wording of status messages, in one place so they stay consistent.

use std::path::Path;

/// After a filter was applied.
pub fn filter_applied(matching: usize) -> String {
    format!(
        "filter applied: {}",
        super::format::counted(matching, "filing")
    )
}

/// After the last clause was removed.
pub fn filter_removed(clause: &str) -> String {
    format!("removed filter {clause}")
}

/// When there is no filter to remove.
pub const NO_FILTER: &str = "no filter to remove";

/// After every filter was cleared.
pub const FILTERS_CLEARED: &str = "filters and search cleared";

/// When the selected row and filing have no footnotes.
pub const NO_FOOTNOTES: &str = "this filing has no footnotes";

/// When an action needs a selected filing.
pub const NO_FILING: &str = "no filing selected";

/// When the export prompt was left empty.
pub const EXPORT_NEEDS_PATH: &str = "type a file name to export to";

/// While an export runs.
pub fn exporting(filings: usize, path: &Path) -> String {
    format!(
        "exporting {} to {} …",
        super::format::counted(filings, "filing"),
        path.display()
    )
}

/// After an export was written.
pub fn exported(filings: usize, path: &Path) -> String {
    format!(
        "exported {} (transactions CSV) to {}",
        super::format::counted(filings, "filing"),
        path.display()
    )
}

/// The default export file name.
pub const EXPORT_DEFAULT: &str = "insider-tui-export.csv";

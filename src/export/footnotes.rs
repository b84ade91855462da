//! The `footnotes` table: one record per footnote of each filing.

use super::cells::{shown, text, Column};
use crate::model::{Filing, Footnote};

/// The columns of the `footnotes` table.
pub const COLUMNS: &[Column<Filing, Footnote>] = &[
    Column {
        name: "accession_number",
        cell: |f, _| text(&f.accession_number),
    },
    Column {
        name: "footnote_id",
        cell: |_, n| Some(n.id.as_str().into()),
    },
    Column {
        name: "text",
        cell: |_, n| Some((&*n.text).into()),
    },
    Column {
        name: "source_path",
        cell: |f, _| Some((&*f.source.path).into()),
    },
    Column {
        name: "source_line",
        cell: |f, _| shown(f.source.line),
    },
];

//! The `owners` table: one record per reporting owner of each filing.

use super::cells::{boolean, shown, text, Cell, Column};
use crate::model::{Filing, Relationship, ReportingOwner};

/// The columns of the `owners` table.
pub const COLUMNS: &[Column<Filing, ReportingOwner>] = &[
    Column {
        name: "accession_number",
        cell: |f, _| text(&f.accession_number),
    },
    Column {
        name: "document_type",
        cell: |f, _| Some(f.document_type.as_str().into()),
    },
    Column {
        name: "issuer_cik",
        cell: |f, _| text(&f.issuer.cik),
    },
    Column {
        name: "issuer_name",
        cell: |f, _| text(&f.issuer.name),
    },
    Column {
        name: "owner_cik",
        cell: |_, o| text(&o.cik),
    },
    Column {
        name: "owner_name",
        cell: |_, o| text(&o.name),
    },
    Column {
        name: "roles",
        cell: |_, o| roles(&o.relationship),
    },
    Column {
        name: "is_director",
        cell: |_, o| boolean(Some(o.relationship.is_director)),
    },
    Column {
        name: "is_officer",
        cell: |_, o| boolean(Some(o.relationship.is_officer)),
    },
    Column {
        name: "is_ten_percent_owner",
        cell: |_, o| boolean(Some(o.relationship.is_ten_percent_owner)),
    },
    Column {
        name: "is_other",
        cell: |_, o| boolean(Some(o.relationship.is_other)),
    },
    Column {
        name: "officer_title",
        cell: |_, o| text(&o.relationship.officer_title),
    },
    Column {
        name: "other_text",
        cell: |_, o| text(&o.relationship.other_text),
    },
    Column {
        name: "street1",
        cell: |_, o| text(&o.address.street1),
    },
    Column {
        name: "street2",
        cell: |_, o| text(&o.address.street2),
    },
    Column {
        name: "city",
        cell: |_, o| text(&o.address.city),
    },
    Column {
        name: "state",
        cell: |_, o| text(&o.address.state),
    },
    Column {
        name: "zip",
        cell: |_, o| text(&o.address.zip),
    },
    Column {
        name: "state_description",
        cell: |_, o| text(&o.address.state_description),
    },
    Column {
        name: "country",
        cell: |_, o| text(&o.address.country),
    },
    Column {
        name: "non_us_state_territory",
        cell: |_, o| text(&o.address.non_us_state_territory),
    },
    Column {
        name: "is_non_us_address",
        cell: |_, o| boolean(o.address.is_non_us),
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

/// The boxes ticked in box 5 of the form, as printed, joined by `; `.
fn roles(r: &Relationship) -> Cell<'static> {
    let roles: Vec<&str> = [
        (r.is_director, "Director"),
        (r.is_officer, "Officer"),
        (r.is_ten_percent_owner, "10% Owner"),
        (r.is_other, "Other"),
    ]
    .into_iter()
    .filter_map(|(set, name)| set.then_some(name))
    .collect();
    (!roles.is_empty()).then(|| roles.join("; ").into())
}

//! Reader for the `ownershipDocument` XML of Forms 3, 4 and 5 (and their amendments), for
//! every schema version from X0202 to X0609.
//!
//! A recursive-descent reader over quick-xml's borrowed events: elements are looked up by
//! local name (so a namespace or prefix does not matter), in any order, and unknown
//! elements (an injected `<script>`, a future schema's additions) are skipped. Values that
//! cannot be read become `None` with a warning naming the line and the element; the
//! document as a whole fails only when it is not XML, has the wrong root, declares a
//! DOCTYPE, or is cut short.

mod cursor;
mod document;
mod rows;

use crate::model::{Filing, Text};
use crate::parse::diag::Diagnostic;

/// Reads one ownership document. `first_line` is the line of the file where `text`
/// starts (1 for a bare XML file), so issues name lines of the file.
pub fn parse(
    text: &str,
    path: &Text,
    first_line: u32,
) -> Result<(Filing, Vec<Diagnostic>), Diagnostic> {
    let mut cursor = cursor::Cursor::new(text, first_line);
    let filing = document::read(&mut cursor, path)?;
    Ok((filing, cursor.into_warnings()))
}

#[cfg(test)]
mod tests {
    use crate::parse::MAX_FILING_ITEMS;

    #[test]
    fn items_past_the_bound_are_left_out_with_one_warning_per_kind() {
        let n = MAX_FILING_ITEMS;
        let mut text = String::from("<ownershipDocument>\n<documentType>4</documentType>\n");
        text.push_str("<issuer><issuerCik>1</issuerCik></issuer>\n");
        let owner = "<reportingOwner><reportingOwnerId><rptOwnerCik>2</rptOwnerCik>\
                     </reportingOwnerId></reportingOwner>\n";
        text.push_str(&owner.repeat(n + 3));
        text.push_str("<nonDerivativeTable>\n");
        text.push_str(&"<nonDerivativeHolding/>\n".repeat(n - 1));
        text.push_str("</nonDerivativeTable>\n<derivativeTable>\n");
        text.push_str(&"<derivativeHolding/>\n".repeat(3));
        text.push_str("</derivativeTable>\n<footnotes>\n");
        for i in 0..n + 2 {
            text.push_str(&format!("<footnote id=\"F{i}\">x</footnote>\n"));
        }
        text.push_str("</footnotes>\n");
        text.push_str(
            &"<ownerSignature><signatureName>s</signatureName></ownerSignature>\n".repeat(n + 1),
        );
        text.push_str("</ownershipDocument>\n");
        let (filing, warnings) = super::parse(&text, &"t.xml".into(), 1).unwrap();
        assert_eq!(filing.owners.len(), n);
        assert_eq!(filing.rows.len(), n, "Table I and Table II share the bound");
        assert_eq!(filing.footnotes.len(), n);
        assert_eq!(filing.signatures.len(), n);
        let bounds: Vec<_> = warnings
            .iter()
            .filter(|w| w.message.starts_with("more than"))
            .map(|w| (w.line, w.message.as_str()))
            .collect();
        let first_left_out = |before: usize| u32::try_from(before + 1).ok();
        assert_eq!(
            bounds,
            vec![
                (
                    first_left_out(3 + n),
                    "more than 10000 reporting owners: the rest are left out"
                ),
                (
                    first_left_out(3 + (n + 3) + 1 + (n - 1) + 2 + 1),
                    "more than 10000 rows: the rest are left out"
                ),
                (
                    first_left_out(3 + (n + 3) + 1 + (n - 1) + 2 + 3 + 2 + n),
                    "more than 10000 footnotes: the rest are left out"
                ),
                (
                    first_left_out(3 + (n + 3) + 1 + (n - 1) + 2 + 3 + 2 + (n + 2) + 1 + n),
                    "more than 10000 signatures: the rest are left out"
                ),
            ]
        );
    }
}

//! The `ownershipDocument` writer (FORMAT.md 1.1) and the full-submission wrapper.
//!
//! Elements come in schema order. Every [`Fv`](crate::model::Fv) is written as `<value>`
//! plus one `<footnoteId>` per id, a footnote-only value as its ids alone, and an empty one
//! not at all. Flags are written as `1`/`0` only when filed; relationship boxes only when
//! ticked (absent means false). Decimals use `Decimal`'s exact display and dates
//! `YYYY-MM-DD`, so the reader gets back the same values.

use crate::model::{Address, Coding, Filing, ReportingOwner, Row, RowKind, Table};

use super::header;
use super::out::XmlOut;

/// Serialises a filing as an EDGAR `ownershipDocument`, starting with
/// `<?xml version="1.0"?>`.
///
/// What bare XML cannot carry (accession number, filing date, acceptance time, the
/// issuer's SIC code and state of incorporation, the source) is not written.
pub fn to_xml(filing: &Filing) -> String {
    let mut out = XmlOut::with_capacity(2048 + 1536 * filing.rows.len());
    out.raw("<?xml version=\"1.0\"?>\n");
    out.open("ownershipDocument");
    out.raw("\n");
    document_items(&mut out, filing);
    issuer(&mut out, filing);
    for owner in &filing.owners {
        reporting_owner(&mut out, owner);
        out.raw("\n");
    }
    out.item("aff10b5One", filing.flags.aff10b5_one.as_ref());
    table(&mut out, filing, Table::NonDerivative);
    table(&mut out, filing, Table::Derivative);
    footnotes(&mut out, filing);
    out.item("remarks", filing.remarks.as_ref());
    for sig in &filing.signatures {
        out.open("ownerSignature");
        out.leaf("signatureName", &sig.name);
        out.opt("signatureDate", sig.date.as_ref());
        out.close("ownerSignature");
    }
    out.close("ownershipDocument");
    out.finish()
}

/// Serialises a filing as a full EDGAR submission: the `<SEC-DOCUMENT>` line, the
/// `<SEC-HEADER>` (accession number, submission type, period, filing date, acceptance
/// time, one `REPORTING-OWNER` block per owner and the `ISSUER` block), then one
/// `<DOCUMENT>` holding [`to_xml`]'s output between `<XML>` and `</XML>`.
///
/// Header lines whose value the filing does not know are left out.
pub fn to_submission(filing: &Filing) -> String {
    let xml = to_xml(filing);
    let mut out = String::with_capacity(xml.len() + 2048);
    header::write(&mut out, filing);
    out.push_str("<DOCUMENT>\n<TYPE>");
    out.push_str(filing.document_type.as_str());
    out.push_str("\n<SEQUENCE>1\n<FILENAME>primary_doc.xml\n<DESCRIPTION>PRIMARY DOCUMENT\n");
    out.push_str("<TEXT>\n<XML>\n");
    out.push_str(&xml);
    out.push_str("</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n");
    out
}

/// The items before `issuer`: version, type, dates and the document-level boxes.
fn document_items(out: &mut XmlOut, filing: &Filing) {
    let flags = &filing.flags;
    out.item("schemaVersion", filing.schema_version.as_ref());
    out.item("documentType", Some(&filing.document_type));
    out.item("periodOfReport", filing.period_of_report.as_ref());
    out.item(
        "dateOfOriginalSubmission",
        filing.date_of_original_submission.as_ref(),
    );
    out.item("noSecuritiesOwned", flags.no_securities_owned.as_ref());
    out.item(
        "notSubjectToSection16",
        flags.not_subject_to_section16.as_ref(),
    );
    out.item(
        "form3HoldingsReported",
        flags.form3_holdings_reported.as_ref(),
    );
    out.item(
        "form4TransactionsReported",
        flags.form4_transactions_reported.as_ref(),
    );
}

fn issuer(out: &mut XmlOut, filing: &Filing) {
    let issuer = &filing.issuer;
    out.open("issuer");
    out.opt("issuerCik", issuer.cik.as_ref());
    out.opt("issuerName", issuer.name.as_ref());
    out.opt("issuerTradingSymbol", issuer.trading_symbol.as_ref());
    out.opt(
        "issuerForeignTradingSymbol",
        issuer.foreign_trading_symbol.as_ref(),
    );
    out.close("issuer");
    out.raw("\n");
}

fn reporting_owner(out: &mut XmlOut, owner: &ReportingOwner) {
    out.open("reportingOwner");
    out.open("reportingOwnerId");
    out.opt("rptOwnerCik", owner.cik.as_ref());
    out.opt("rptOwnerName", owner.name.as_ref());
    out.close("reportingOwnerId");
    address(out, &owner.address);
    let rel = &owner.relationship;
    out.open("reportingOwnerRelationship");
    for (tag, ticked) in [
        ("isDirector", rel.is_director),
        ("isOfficer", rel.is_officer),
        ("isTenPercentOwner", rel.is_ten_percent_owner),
        ("isOther", rel.is_other),
    ] {
        if ticked {
            out.leaf(tag, &true);
        }
    }
    out.opt("officerTitle", rel.officer_title.as_ref());
    out.opt("otherText", rel.other_text.as_ref());
    out.close("reportingOwnerRelationship");
    out.close("reportingOwner");
}

fn address(out: &mut XmlOut, a: &Address) {
    if *a == Address::default() {
        return;
    }
    out.open("reportingOwnerAddress");
    out.opt("rptOwnerNonUSAddressFlag", a.is_non_us.as_ref());
    out.opt("rptOwnerStreet1", a.street1.as_ref());
    out.opt("rptOwnerStreet2", a.street2.as_ref());
    out.opt("rptOwnerCity", a.city.as_ref());
    out.opt(
        "rptOwnerNonUSStateTerritory",
        a.non_us_state_territory.as_ref(),
    );
    out.opt("rptOwnerState", a.state.as_ref());
    out.opt("rptOwnerCountry", a.country.as_ref());
    out.opt("rptOwnerZipCode", a.zip.as_ref());
    out.opt("rptOwnerStateDescription", a.state_description.as_ref());
    out.close("reportingOwnerAddress");
}

/// Table I or Table II with the filing's rows of that table, in model order; nothing when
/// the table has no rows.
fn table(out: &mut XmlOut, filing: &Filing, which: Table) {
    let mut rows = filing.rows.iter().filter(|r| r.table == which).peekable();
    if rows.peek().is_none() {
        return;
    }
    let tag = match which {
        Table::NonDerivative => "nonDerivativeTable",
        Table::Derivative => "derivativeTable",
    };
    out.open(tag);
    for r in rows {
        row(out, r);
    }
    out.close(tag);
    out.raw("\n");
}

/// One row. Every filed column is written at its schema position whatever the row's kind,
/// so nothing in the model is lost; a well-formed holding simply has no transaction
/// columns.
fn row(out: &mut XmlOut, r: &Row) {
    let tag = match (r.table, r.kind) {
        (Table::NonDerivative, RowKind::Transaction) => "nonDerivativeTransaction",
        (Table::NonDerivative, RowKind::Holding) => "nonDerivativeHolding",
        (Table::Derivative, RowKind::Transaction) => "derivativeTransaction",
        (Table::Derivative, RowKind::Holding) => "derivativeHolding",
    };
    let d = r.derivative.as_deref();
    out.open(tag);
    out.fv("securityTitle", &r.security_title);
    if let Some(d) = d {
        out.fv("conversionOrExercisePrice", &d.conversion_or_exercise_price);
    }
    out.fv("transactionDate", &r.transaction_date);
    out.fv("deemedExecutionDate", &r.deemed_execution_date);
    if let Some(c) = &r.coding {
        coding(out, c);
    }
    if r.kind == RowKind::Transaction && r.timeliness.is_empty() {
        // EDGAR writes an empty wrapper for "on time"; readers take it as no value.
        out.empty("transactionTimeliness");
    } else {
        out.fv("transactionTimeliness", &r.timeliness);
    }
    if !(r.shares.is_empty()
        && r.total_value.is_empty()
        && r.price_per_share.is_empty()
        && r.acquired_disposed.is_empty())
    {
        out.open("transactionAmounts");
        out.fv("transactionShares", &r.shares);
        out.fv("transactionTotalValue", &r.total_value);
        out.fv("transactionPricePerShare", &r.price_per_share);
        out.fv("transactionAcquiredDisposedCode", &r.acquired_disposed);
        out.close("transactionAmounts");
    }
    if let Some(d) = d {
        out.fv("exerciseDate", &d.exercise_date);
        out.fv("expirationDate", &d.expiration_date);
        if !(d.underlying_title.is_empty()
            && d.underlying_shares.is_empty()
            && d.underlying_value.is_empty())
        {
            out.open("underlyingSecurity");
            out.fv("underlyingSecurityTitle", &d.underlying_title);
            out.fv("underlyingSecurityShares", &d.underlying_shares);
            out.fv("underlyingSecurityValue", &d.underlying_value);
            out.close("underlyingSecurity");
        }
    }
    if !(r.shares_owned_following.is_empty() && r.value_owned_following.is_empty()) {
        out.open("postTransactionAmounts");
        out.fv("sharesOwnedFollowingTransaction", &r.shares_owned_following);
        out.fv("valueOwnedFollowingTransaction", &r.value_owned_following);
        out.close("postTransactionAmounts");
    }
    if !(r.direct_indirect.is_empty() && r.nature_of_ownership.is_empty()) {
        out.open("ownershipNature");
        out.fv("directOrIndirectOwnership", &r.direct_indirect);
        out.fv("natureOfOwnership", &r.nature_of_ownership);
        out.close("ownershipNature");
    }
    out.close(tag);
}

/// `transactionCoding`, with the footnotes on the code inside it.
fn coding(out: &mut XmlOut, c: &Coding) {
    out.open("transactionCoding");
    out.opt("transactionFormType", c.form_type.as_ref());
    out.opt("transactionCode", c.code.as_ref());
    out.opt("equitySwapInvolved", c.equity_swap_involved.as_ref());
    out.footnote_ids(&c.footnotes);
    out.close("transactionCoding");
}

fn footnotes(out: &mut XmlOut, filing: &Filing) {
    if filing.footnotes.is_empty() {
        return;
    }
    out.open("footnotes");
    for f in &filing.footnotes {
        out.footnote(&f.id, &f.text);
    }
    out.close("footnotes");
    out.raw("\n");
}

#[cfg(test)]
mod tests;

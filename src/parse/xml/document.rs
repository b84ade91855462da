//! The document level of `ownershipDocument`: form, dates, flags, issuer, owners,
//! footnotes, remarks and signatures. Table rows are read by [`super::rows`].

use quick_xml::events::Event;

use super::cursor::{Child, Cursor};
use super::rows;
use crate::model::{
    Address, Filing, Footnote, FootnoteId, FormType, Issuer, Relationship, ReportingOwner,
    Signature, Source, SourceKind, Table, Text,
};
use crate::parse::diag::Diagnostic;

const ROOT: &str = "ownershipDocument";

/// Reads the whole document: finds the root element, then its children.
pub fn read(c: &mut Cursor<'_>, path: &Text) -> Result<Filing, Diagnostic> {
    let root_pos = find_root(c)?;
    let source = Source {
        path: path.clone(),
        kind: SourceKind::Xml,
        line: Some(c.line_at(root_pos)),
    };
    let mut filing = Filing::new(FormType::Other("".into()), source);
    let mut has_document_type = false;
    let mut has_issuer = false;
    while let Some(child) = c.next_child(ROOT)? {
        match child.local() {
            b"schemaVersion" => filing.schema_version = c.text(&child)?,
            b"documentType" => {
                let raw = c.leaf(&child)?;
                if let Some(raw) = raw {
                    let form = FormType::parse(&raw);
                    if !form.is_known() {
                        c.warn(
                            child.pos,
                            format!("<documentType>: unknown form type {raw:?}"),
                        );
                    }
                    if has_document_type {
                        c.warn(child.pos, "duplicate <documentType>; the last one is kept");
                    }
                    filing.document_type = form;
                    has_document_type = true;
                }
            }
            b"periodOfReport" => set_once(c, &child, &mut filing.period_of_report)?,
            b"dateOfOriginalSubmission" => {
                set_once(c, &child, &mut filing.date_of_original_submission)?
            }
            b"noSecuritiesOwned" => filing.flags.no_securities_owned = c.boolean(&child)?,
            b"notSubjectToSection16" => {
                filing.flags.not_subject_to_section16 = c.boolean(&child)?
            }
            b"form3HoldingsReported" => filing.flags.form3_holdings_reported = c.boolean(&child)?,
            b"form4TransactionsReported" => {
                filing.flags.form4_transactions_reported = c.boolean(&child)?
            }
            b"aff10b5One" => filing.flags.aff10b5_one = c.boolean(&child)?,
            b"issuer" => {
                if has_issuer {
                    c.warn(child.pos, "duplicate <issuer>; the first one is kept");
                    c.skip(&child)?;
                } else {
                    filing.issuer = issuer(c, &child)?;
                    has_issuer = true;
                }
            }
            b"reportingOwner" => {
                if c.is_full(filing.owners.len(), "reporting owners", child.pos) {
                    c.skip(&child)?;
                } else {
                    filing.owners.push(owner(c, &child)?);
                }
            }
            b"nonDerivativeTable" => {
                rows::table(c, &child, Table::NonDerivative, &mut filing.rows)?
            }
            b"derivativeTable" => rows::table(c, &child, Table::Derivative, &mut filing.rows)?,
            b"footnotes" => footnotes(c, &child, &mut filing.footnotes)?,
            b"remarks" => filing.remarks = c.text(&child)?,
            b"ownerSignature" => {
                if c.is_full(filing.signatures.len(), "signatures", child.pos) {
                    c.skip(&child)?;
                } else if let Some(s) = signature(c, &child)? {
                    filing.signatures.push(s);
                }
            }
            _ => c.skip(&child)?,
        }
    }
    if !has_document_type {
        c.warn(root_pos, "missing <documentType>: the form type is unknown");
    }
    if !has_issuer {
        c.warn(root_pos, "missing <issuer>");
    }
    if filing.owners.is_empty() {
        c.warn(root_pos, "no <reportingOwner>");
    }
    // Table I rows first, then Table II, each in document order, whatever order the
    // tables came in.
    filing.rows.sort_by_key(|r| r.table);
    check_footnote_references(c, &filing);
    // Vectors grown by push keep spare room; a million filings in memory make it count.
    filing.owners.shrink_to_fit();
    filing.rows.shrink_to_fit();
    filing.footnotes.shrink_to_fit();
    filing.signatures.shrink_to_fit();
    Ok(filing)
}

fn find_root(c: &mut Cursor<'_>) -> Result<usize, Diagnostic> {
    loop {
        match c.next()? {
            Event::Start(e) => {
                let local = local_name(e.name().into_inner());
                if local == ROOT.as_bytes() {
                    return Ok(c.pos());
                }
                let name = String::from_utf8_lossy(local).into_owned();
                let pos = c.pos();
                return Err(c.error(
                    pos,
                    format!("the root element is <{name}>, not <{ROOT}>: not an ownership filing"),
                ));
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(local_name(e.name().into_inner())).into_owned();
                let pos = c.pos();
                return Err(c.error(pos, format!("the root element <{name}/> is empty")));
            }
            Event::DocType(_) => return Err(c.doctype()),
            Event::Eof => {
                let pos = c.pos();
                return Err(c.error(pos, format!("no <{ROOT}> element found")));
            }
            _ => {}
        }
    }
}

fn local_name(name: &[u8]) -> &[u8] {
    match memchr::memchr(b':', name) {
        Some(i) => name.get(i + 1..).unwrap_or(name),
        None => name,
    }
}

fn set_once<'a>(
    c: &mut Cursor<'a>,
    child: &Child<'a>,
    slot: &mut Option<chrono::NaiveDate>,
) -> Result<(), Diagnostic> {
    let value = c.date(child)?;
    if slot.is_some() && value.is_some() {
        c.warn(
            child.pos,
            format!("duplicate <{}>; the first one is kept", child.name()),
        );
    } else if value.is_some() {
        *slot = value;
    }
    Ok(())
}

fn issuer<'a>(c: &mut Cursor<'a>, parent: &Child<'a>) -> Result<Issuer, Diagnostic> {
    let mut issuer = Issuer::default();
    if parent.is_empty {
        return Ok(issuer);
    }
    while let Some(child) = c.next_child("issuer")? {
        match child.local() {
            b"issuerCik" => issuer.cik = c.text(&child)?,
            b"issuerName" => issuer.name = c.text(&child)?,
            b"issuerTradingSymbol" => issuer.trading_symbol = c.text(&child)?,
            b"issuerForeignTradingSymbol" => issuer.foreign_trading_symbol = c.text(&child)?,
            _ => c.skip(&child)?,
        }
    }
    if issuer.cik.is_none() {
        c.warn(parent.pos, "<issuer> has no <issuerCik>");
    }
    Ok(issuer)
}

fn owner<'a>(c: &mut Cursor<'a>, parent: &Child<'a>) -> Result<ReportingOwner, Diagnostic> {
    let mut owner = ReportingOwner::default();
    if parent.is_empty {
        c.warn(parent.pos, "empty <reportingOwner>");
        return Ok(owner);
    }
    while let Some(child) = c.next_child("reportingOwner")? {
        match child.local() {
            b"reportingOwnerId" if !child.is_empty => {
                while let Some(g) = c.next_child("reportingOwnerId")? {
                    match g.local() {
                        b"rptOwnerCik" => owner.cik = c.text(&g)?,
                        b"rptOwnerName" => owner.name = c.text(&g)?,
                        _ => c.skip(&g)?,
                    }
                }
            }
            b"reportingOwnerAddress" if !child.is_empty => owner.address = address(c)?,
            b"reportingOwnerRelationship" if !child.is_empty => {
                owner.relationship = relationship(c)?
            }
            _ => c.skip(&child)?,
        }
    }
    if owner.cik.is_none() && owner.name.is_none() {
        c.warn(parent.pos, "<reportingOwner> has neither a CIK nor a name");
    }
    Ok(owner)
}

fn address(c: &mut Cursor<'_>) -> Result<Address, Diagnostic> {
    let mut a = Address::default();
    while let Some(g) = c.next_child("reportingOwnerAddress")? {
        match g.local() {
            b"rptOwnerStreet1" => a.street1 = c.text(&g)?,
            b"rptOwnerStreet2" => a.street2 = c.text(&g)?,
            b"rptOwnerCity" => a.city = c.text(&g)?,
            b"rptOwnerState" => a.state = c.text(&g)?,
            b"rptOwnerZipCode" => a.zip = c.text(&g)?,
            b"rptOwnerStateDescription" => a.state_description = c.text(&g)?,
            b"rptOwnerCountry" => a.country = c.text(&g)?,
            b"rptOwnerNonUSStateTerritory" => a.non_us_state_territory = c.text(&g)?,
            b"rptOwnerNonUSAddressFlag" => a.is_non_us = c.boolean(&g)?,
            _ => c.skip(&g)?,
        }
    }
    Ok(a)
}

fn relationship(c: &mut Cursor<'_>) -> Result<Relationship, Diagnostic> {
    let mut r = Relationship::default();
    while let Some(g) = c.next_child("reportingOwnerRelationship")? {
        // An absent or unreadable role flag means the box was not checked.
        match g.local() {
            b"isDirector" => r.is_director = c.boolean(&g)?.unwrap_or(false),
            b"isOfficer" => r.is_officer = c.boolean(&g)?.unwrap_or(false),
            b"isTenPercentOwner" => r.is_ten_percent_owner = c.boolean(&g)?.unwrap_or(false),
            b"isOther" => r.is_other = c.boolean(&g)?.unwrap_or(false),
            b"officerTitle" => r.officer_title = c.text(&g)?,
            b"otherText" => r.other_text = c.text(&g)?,
            _ => c.skip(&g)?,
        }
    }
    Ok(r)
}

fn footnotes<'a>(
    c: &mut Cursor<'a>,
    parent: &Child<'a>,
    out: &mut Vec<Footnote>,
) -> Result<(), Diagnostic> {
    if parent.is_empty {
        return Ok(());
    }
    let mut defined: rustc_hash::FxHashSet<FootnoteId> = out.iter().map(|f| f.id.clone()).collect();
    while let Some(child) = c.next_child("footnotes")? {
        if child.local() != b"footnote" || c.is_full(out.len(), "footnotes", child.pos) {
            c.skip(&child)?;
            continue;
        }
        let id = super::cursor::read_id(&child.start);
        let text = c.text(&child)?;
        let id = match id {
            Ok(id) => id,
            Err(why) => {
                c.warn(
                    child.pos,
                    format!("<footnote> {why}; it cannot be referenced"),
                );
                continue;
            }
        };
        if !defined.insert(id.clone()) {
            c.warn(
                child.pos,
                format!("footnote {id} is defined twice; references show the first"),
            );
        }
        out.push(Footnote {
            id,
            text: text.unwrap_or_else(|| Text::from("")),
        });
    }
    Ok(())
}

fn signature<'a>(c: &mut Cursor<'a>, parent: &Child<'a>) -> Result<Option<Signature>, Diagnostic> {
    if parent.is_empty {
        return Ok(None);
    }
    let mut name = None;
    let mut date = None;
    while let Some(child) = c.next_child("ownerSignature")? {
        match child.local() {
            b"signatureName" => name = c.text(&child)?,
            b"signatureDate" => date = c.date(&child)?,
            _ => c.skip(&child)?,
        }
    }
    Ok(Some(Signature {
        name: name.unwrap_or_else(|| Text::from("")),
        date,
    }))
}

/// Warns once for each footnote id that a value cites but the filing does not define,
/// at the line of the first row citing it.
fn check_footnote_references(c: &mut Cursor<'_>, filing: &Filing) {
    let defined: rustc_hash::FxHashSet<&str> =
        filing.footnotes.iter().map(|n| n.id.as_str()).collect();
    let mut missing: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for row in &filing.rows {
        for id in row.footnote_ids() {
            if !defined.contains(id.as_str()) && missing.insert(id.as_str()) {
                c.warn_line(
                    row.line,
                    format!("footnote {id} is cited but not defined in <footnotes>"),
                );
            }
        }
    }
}

//! The filing: one accession with its issuer, owners, tables, footnotes and signatures.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{FootnoteId, FormType, Row, Text};

/// The company whose securities are reported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuer {
    /// Central Index Key, as filed (usually 10 digits, zero-padded).
    pub cik: Option<Text>,
    /// Issuer name.
    pub name: Option<Text>,
    /// Trading symbol exactly as filed (may be `NONE`, lower case, `NYSE: KRC`, …).
    pub trading_symbol: Option<Text>,
    /// Foreign trading symbol (schema X0609 and later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign_trading_symbol: Option<Text>,
    /// Standard Industrial Classification, from a submission header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sic: Option<Text>,
    /// State of incorporation, from a submission header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_of_incorporation: Option<Text>,
}

impl Issuer {
    /// The trading symbol cleaned for search and display: upper case, exchange prefixes
    /// and parentheses removed, `NONE`/`N/A` placeholders mapped to `None`.
    pub fn ticker(&self) -> Option<std::borrow::Cow<'_, str>> {
        normalize_ticker(self.trading_symbol.as_deref()?)
    }
}

/// Cleans a filed trading symbol: see [`Issuer::ticker`].
pub fn normalize_ticker(raw: &str) -> Option<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    let t = raw.trim();
    // Most symbols are filed clean: upper case, no brackets, no exchange prefix.
    let clean = !t
        .bytes()
        .any(|b| b.is_ascii_lowercase() || matches!(b, b'(' | b')' | b'[' | b']' | b':'));
    let t: Cow<'_, str> = if clean {
        Cow::Borrowed(t)
    } else {
        let mut t = t.to_ascii_uppercase();
        t.retain(|c| !matches!(c, '(' | ')' | '[' | ']'));
        if let Some((prefix, rest)) = t.split_once(':') {
            if matches!(
                prefix.trim(),
                "NYSE" | "NASDAQ" | "AMEX" | "OTC" | "NYSEAMERICAN" | "OTCBB"
            ) {
                t = rest.trim().to_string();
            }
        }
        Cow::Owned(t.trim().to_string())
    };
    match &*t {
        "" | "NONE" | "N/A" | "NA" | "NOT APPLICABLE" | "-" => None,
        _ => Some(t),
    }
}

/// A postal address as filed. Every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Street, first line.
    pub street1: Option<Text>,
    /// Street, second line.
    pub street2: Option<Text>,
    /// City.
    pub city: Option<Text>,
    /// US state, or an EDGAR country code.
    pub state: Option<Text>,
    /// ZIP or postal code.
    pub zip: Option<Text>,
    /// Country or state name when a code is used (`DENMARK`).
    pub state_description: Option<Text>,
    /// Country code (X0609 and later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Text>,
    /// Non-US state or territory (X0609 and later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_us_state_territory: Option<Text>,
    /// Whether the address is outside the US (X0609 and later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_non_us: Option<bool>,
}

impl Address {
    /// The address on one line: street, city, state and ZIP joined by commas.
    pub fn one_line(&self) -> String {
        let city_line = [
            self.city.as_deref(),
            self.state.as_deref(),
            self.zip.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let country = self
            .state_description
            .as_deref()
            .or(self.country.as_deref());
        [
            self.street1.as_deref(),
            self.street2.as_deref(),
            (!city_line.is_empty()).then_some(city_line.as_str()),
            country,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// How a reporting person relates to the issuer (box 5 of the form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relationship {
    /// Director.
    pub is_director: bool,
    /// Officer (title in `officer_title`).
    pub is_officer: bool,
    /// Owner of 10% or more.
    pub is_ten_percent_owner: bool,
    /// Other (explained in `other_text`).
    pub is_other: bool,
    /// Officer title as filed (sometimes "See Remarks").
    pub officer_title: Option<Text>,
    /// Text explaining "Other".
    pub other_text: Option<Text>,
}

impl Relationship {
    /// Short role labels: `Dir`, `Off`, `10%`, `Oth`.
    pub fn short_roles(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.is_director {
            out.push("Dir");
        }
        if self.is_officer {
            out.push("Off");
        }
        if self.is_ten_percent_owner {
            out.push("10%");
        }
        if self.is_other {
            out.push("Oth");
        }
        out
    }
}

/// A reporting person. A joint filing has several, each with its own address and
/// relationship.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportingOwner {
    /// Central Index Key of the reporting person.
    pub cik: Option<Text>,
    /// Name, by convention "LAST FIRST MIDDLE".
    pub name: Option<Text>,
    /// Address.
    pub address: Address,
    /// Relationship to the issuer.
    pub relationship: Relationship,
}

/// A numbered note of "Explanation of Responses".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// The id values refer to (`F1`).
    pub id: FootnoteId,
    /// The text as filed (entities decoded).
    pub text: Text,
}

/// A signature at the foot of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The signature as filed (often "/s/ … attorney-in-fact for …").
    pub name: Text,
    /// Date signed.
    pub date: Option<NaiveDate>,
}

/// Document-level boxes and flags. `None` means the flag was not filed: for
/// `aff10b5_one` that is "unknown" (the box did not exist before 2023), never `false`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flags {
    /// Form 3: the owner holds no securities of the issuer.
    pub no_securities_owned: Option<bool>,
    /// Forms 4/5: "no longer subject to Section 16".
    pub not_subject_to_section16: Option<bool>,
    /// Form 5: Form 3 holdings reported.
    pub form3_holdings_reported: Option<bool>,
    /// Form 5: Form 4 transactions reported.
    pub form4_transactions_reported: Option<bool>,
    /// Rule 10b5-1(c) trading plan box (X0407 and later).
    pub aff10b5_one: Option<bool>,
}

/// The kind of file a filing was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A bare `ownershipDocument` XML file.
    Xml,
    /// A full EDGAR submission (`<SEC-DOCUMENT>`), possibly PEM-wrapped.
    Submission,
    /// A dissemination-feed submission (`<SUBMISSION>`, `.nc`).
    FeedSubmission,
    /// A row group of the quarterly Insider Transactions Data Sets.
    DataSet,
    /// The printed form as text.
    RenderedText,
    /// EDGAR's HTML rendering of the form.
    RenderedHtml,
    /// A typed pre-2003 form inside a submission (no XML exists for it).
    TypedText,
}

impl SourceKind {
    /// A short human label.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Xml => "xml",
            SourceKind::Submission => "submission",
            SourceKind::FeedSubmission => "feed submission",
            SourceKind::DataSet => "data set",
            SourceKind::RenderedText => "rendered text",
            SourceKind::RenderedHtml => "rendered html",
            SourceKind::TypedText => "typed text",
        }
    }
}

/// Where a filing was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Path of the file as given to the loader.
    pub path: Text,
    /// What kind of file it was.
    pub kind: SourceKind,
    /// Line where the filing's document starts, when known.
    pub line: Option<u32>,
}

/// One filing (one accession).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filing {
    /// Accession number (`0001127602-25-001055`), when known: submissions and data sets
    /// carry it, bare XML does not.
    pub accession_number: Option<Text>,
    /// The form: 3, 3/A, 4, 4/A, 5 or 5/A.
    pub document_type: FormType,
    /// Schema version (`X0306`), when filed.
    pub schema_version: Option<Text>,
    /// Period of report (usually the earliest transaction date).
    pub period_of_report: Option<NaiveDate>,
    /// Filing date, from a submission header or a data set.
    pub filing_date: Option<NaiveDate>,
    /// EDGAR acceptance time (US Eastern, no offset), from a submission header.
    pub acceptance_datetime: Option<NaiveDateTime>,
    /// For amendments: the date the original was filed.
    pub date_of_original_submission: Option<NaiveDate>,
    /// The issuer.
    pub issuer: Issuer,
    /// Reporting persons, in filing order (a joint filing keeps every one).
    pub owners: Vec<ReportingOwner>,
    /// Document-level flags.
    pub flags: Flags,
    /// Table I rows then Table II rows, each in document order.
    pub rows: Vec<Row>,
    /// Footnotes of "Explanation of Responses".
    pub footnotes: Vec<Footnote>,
    /// Remarks.
    pub remarks: Option<Text>,
    /// Signatures.
    pub signatures: Vec<Signature>,
    /// The file the filing was read from.
    pub source: Source,
    /// Other files that held the same accession (kept when duplicates are merged), at
    /// most [`MAX_ALSO_IN`](crate::load::MAX_ALSO_IN).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<Source>,
}

impl Filing {
    /// An empty filing of the given form, read from `source`.
    pub fn new(document_type: FormType, source: Source) -> Filing {
        Filing {
            accession_number: None,
            document_type,
            schema_version: None,
            period_of_report: None,
            filing_date: None,
            acceptance_datetime: None,
            date_of_original_submission: None,
            issuer: Issuer::default(),
            owners: Vec::new(),
            flags: Flags::default(),
            rows: Vec::new(),
            footnotes: Vec::new(),
            remarks: None,
            signatures: Vec::new(),
            source,
            also_in: Vec::new(),
        }
    }

    /// The footnote with the given id, if the filing defines it.
    pub fn footnote(&self, id: &FootnoteId) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| &f.id == id)
    }

    /// The date to list the filing by: filing date, else period of report.
    pub fn date(&self) -> Option<NaiveDate> {
        self.filing_date.or(self.period_of_report)
    }

    /// Number of transaction rows (both tables).
    pub fn transaction_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.kind == super::RowKind::Transaction)
            .count()
    }

    /// Number of holding rows (both tables).
    pub fn holding_count(&self) -> usize {
        self.rows.len() - self.transaction_count()
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_ticker;

    #[test]
    fn tickers_are_cleaned_and_clean_ones_are_borrowed() {
        let clean = normalize_ticker(" BRK.B ");
        assert!(matches!(clean, Some(std::borrow::Cow::Borrowed("BRK.B"))));
        assert_eq!(normalize_ticker("aapl").as_deref(), Some("AAPL"));
        assert_eq!(normalize_ticker("NYSE: ibm").as_deref(), Some("IBM"));
        assert_eq!(normalize_ticker("(GOOG)").as_deref(), Some("GOOG"));
        assert_eq!(normalize_ticker("[x:y]").as_deref(), Some("X:Y"));
        assert_eq!(normalize_ticker("None"), None);
        assert_eq!(normalize_ticker("N/A"), None);
        assert_eq!(normalize_ticker("  "), None);
        assert_eq!(normalize_ticker("nasdaq:"), None);
    }
}

//! Enumerated codes of the forms: form types, transaction codes and the one-letter
//! columns of Tables I and II.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::Text;

/// The form a filing was made on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FormType {
    /// Form 3: initial statement of beneficial ownership.
    #[serde(rename = "3")]
    Form3,
    /// Form 3/A: amendment of a Form 3.
    #[serde(rename = "3/A")]
    Form3A,
    /// Form 4: statement of changes in beneficial ownership.
    #[serde(rename = "4")]
    Form4,
    /// Form 4/A: amendment of a Form 4.
    #[serde(rename = "4/A")]
    Form4A,
    /// Form 5: annual statement of changes in beneficial ownership.
    #[serde(rename = "5")]
    Form5,
    /// Form 5/A: amendment of a Form 5.
    #[serde(rename = "5/A")]
    Form5A,
    /// Any other document type, kept as filed.
    #[serde(untagged)]
    Other(Text),
}

impl FormType {
    /// Reads a document type as filed (`4`, `4/A`, ` 4/a `); unknown text becomes `Other`.
    pub fn parse(raw: &str) -> FormType {
        let t = raw.trim();
        [
            FormType::Form3,
            FormType::Form3A,
            FormType::Form4,
            FormType::Form4A,
            FormType::Form5,
            FormType::Form5A,
        ]
        .into_iter()
        .find(|f| f.as_str().eq_ignore_ascii_case(t))
        .unwrap_or_else(|| FormType::Other(t.to_ascii_uppercase().into()))
    }

    /// The form as printed: `3`, `4/A`, …; `?` when the form is not known (a data-set
    /// quarter without its SUBMISSION table).
    pub fn as_str(&self) -> &str {
        match self {
            FormType::Form3 => "3",
            FormType::Form3A => "3/A",
            FormType::Form4 => "4",
            FormType::Form4A => "4/A",
            FormType::Form5 => "5",
            FormType::Form5A => "5/A",
            FormType::Other(t) if t.is_empty() => "?",
            FormType::Other(t) => t,
        }
    }

    /// True for the amendments 3/A, 4/A and 5/A.
    pub fn is_amendment(&self) -> bool {
        matches!(self, FormType::Form3A | FormType::Form4A | FormType::Form5A)
    }

    /// True when the type is one of the six ownership forms.
    pub fn is_known(&self) -> bool {
        !matches!(self, FormType::Other(_))
    }
}

impl fmt::Display for FormType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A Form 4 transaction code (General Instruction 8), with its plain-English meaning.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TransactionCode {
    /// Open-market or private purchase.
    P,
    /// Open-market or private sale.
    S,
    /// Transaction voluntarily reported earlier than required.
    V,
    /// Grant, award or other acquisition under Rule 16b-3(d).
    A,
    /// Disposition to the issuer under Rule 16b-3(e).
    D,
    /// Payment of exercise price or tax by delivering or withholding securities.
    F,
    /// Discretionary transaction under Rule 16b-3(f).
    I,
    /// Exercise or conversion of a derivative exempted under Rule 16b-3.
    M,
    /// Conversion of a derivative security.
    C,
    /// Expiration of a short derivative position.
    E,
    /// Expiration or cancellation of a long derivative position with value received.
    H,
    /// Exercise of an out-of-the-money derivative.
    O,
    /// Exercise of an in-the-money or at-the-money derivative.
    X,
    /// Bona fide gift.
    G,
    /// Small acquisition under Rule 16a-6.
    L,
    /// Acquisition or disposition by will or the laws of descent and distribution.
    W,
    /// Deposit into or withdrawal from a voting trust.
    Z,
    /// Other acquisition or disposition (explained in a footnote).
    J,
    /// Transaction in an equity swap or similar instrument.
    K,
    /// Disposition by tender of shares in a change-of-control transaction.
    U,
    /// A code not in the list, kept as filed.
    #[serde(untagged)]
    Other(Text),
}

impl TransactionCode {
    /// Every known code, in the order of the form's instructions.
    pub const ALL: [TransactionCode; 20] = [
        TransactionCode::P,
        TransactionCode::S,
        TransactionCode::V,
        TransactionCode::A,
        TransactionCode::D,
        TransactionCode::F,
        TransactionCode::I,
        TransactionCode::M,
        TransactionCode::C,
        TransactionCode::E,
        TransactionCode::H,
        TransactionCode::O,
        TransactionCode::X,
        TransactionCode::G,
        TransactionCode::L,
        TransactionCode::W,
        TransactionCode::Z,
        TransactionCode::J,
        TransactionCode::K,
        TransactionCode::U,
    ];

    /// Reads a code as filed; surrounding whitespace and case are ignored. `None` for
    /// empty text; unknown text becomes `Other`.
    pub fn parse(raw: &str) -> Option<TransactionCode> {
        let t = raw.trim();
        if t.is_empty() {
            return None;
        }
        let code = TransactionCode::ALL
            .iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(t))
            .cloned()
            .unwrap_or_else(|| TransactionCode::Other(t.into()));
        Some(code)
    }

    /// The code letter as filed.
    pub fn as_str(&self) -> &str {
        match self {
            TransactionCode::P => "P",
            TransactionCode::S => "S",
            TransactionCode::V => "V",
            TransactionCode::A => "A",
            TransactionCode::D => "D",
            TransactionCode::F => "F",
            TransactionCode::I => "I",
            TransactionCode::M => "M",
            TransactionCode::C => "C",
            TransactionCode::E => "E",
            TransactionCode::H => "H",
            TransactionCode::O => "O",
            TransactionCode::X => "X",
            TransactionCode::G => "G",
            TransactionCode::L => "L",
            TransactionCode::W => "W",
            TransactionCode::Z => "Z",
            TransactionCode::J => "J",
            TransactionCode::K => "K",
            TransactionCode::U => "U",
            TransactionCode::Other(t) => t,
        }
    }

    /// What the code means, in plain English.
    pub fn meaning(&self) -> &'static str {
        match self {
            TransactionCode::P => "Open-market or private purchase",
            TransactionCode::S => "Open-market or private sale",
            TransactionCode::V => "Transaction voluntarily reported earlier than required",
            TransactionCode::A => "Grant, award or other acquisition (Rule 16b-3(d))",
            TransactionCode::D => "Disposition to the issuer (Rule 16b-3(e))",
            TransactionCode::F => {
                "Payment of exercise price or tax by delivering or withholding securities"
            }
            TransactionCode::I => "Discretionary transaction (Rule 16b-3(f))",
            TransactionCode::M => "Exercise or conversion of derivative security (Rule 16b-3)",
            TransactionCode::C => "Conversion of derivative security",
            TransactionCode::E => "Expiration of short derivative position",
            TransactionCode::H => {
                "Expiration or cancellation of long derivative position with value received"
            }
            TransactionCode::O => "Exercise of out-of-the-money derivative security",
            TransactionCode::X => "Exercise of in-the-money or at-the-money derivative security",
            TransactionCode::G => "Bona fide gift",
            TransactionCode::L => "Small acquisition (Rule 16a-6)",
            TransactionCode::W => {
                "Acquisition or disposition by will or the laws of descent and distribution"
            }
            TransactionCode::Z => "Deposit into or withdrawal from voting trust",
            TransactionCode::J => "Other acquisition or disposition (see footnote)",
            TransactionCode::K => "Transaction in equity swap or similar instrument",
            TransactionCode::U => "Disposition by tender of shares in a change of control",
            TransactionCode::Other(_) => "Unknown code",
        }
    }
}

impl fmt::Display for TransactionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Column 4 (Table I) / 5 (Table II): acquired or disposed of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AcquiredDisposed {
    /// (A): securities acquired.
    #[serde(rename = "A")]
    Acquired,
    /// (D): securities disposed of.
    #[serde(rename = "D")]
    Disposed,
}

impl AcquiredDisposed {
    /// Reads `A` or `D` (any case, trimmed).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "A" | "a" => Some(AcquiredDisposed::Acquired),
            "D" | "d" => Some(AcquiredDisposed::Disposed),
            _ => None,
        }
    }

    /// The letter as printed on the form.
    pub fn as_str(self) -> &'static str {
        match self {
            AcquiredDisposed::Acquired => "A",
            AcquiredDisposed::Disposed => "D",
        }
    }
}

/// Ownership form: direct (D) or indirect (I).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DirectIndirect {
    /// Held in the owner's own name.
    #[serde(rename = "D")]
    Direct,
    /// Held through a trust, spouse, fund, company, …
    #[serde(rename = "I")]
    Indirect,
}

impl DirectIndirect {
    /// Reads `D` or `I` (any case, trimmed).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "D" | "d" => Some(DirectIndirect::Direct),
            "I" | "i" => Some(DirectIndirect::Indirect),
            _ => None,
        }
    }

    /// The letter as printed on the form.
    pub fn as_str(self) -> &'static str {
        match self {
            DirectIndirect::Direct => "D",
            DirectIndirect::Indirect => "I",
        }
    }
}

/// Transaction timeliness: reported early (E) or late (L). On time is no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Timeliness {
    /// Reported earlier than required (a Form 5 item on a Form 4).
    #[serde(rename = "E")]
    Early,
    /// Reported late (a Form 4 item on a Form 5).
    #[serde(rename = "L")]
    Late,
}

impl Timeliness {
    /// Reads `E` or `L` (any case, trimmed).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "E" | "e" => Some(Timeliness::Early),
            "L" | "l" => Some(Timeliness::Late),
            _ => None,
        }
    }

    /// The letter as filed.
    pub fn as_str(self) -> &'static str {
        match self {
            Timeliness::Early => "E",
            Timeliness::Late => "L",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_read_in_any_case_and_spacing() {
        assert_eq!(FormType::parse(" 4/a "), FormType::Form4A);
        assert_eq!(FormType::parse("3"), FormType::Form3);
        assert_eq!(FormType::parse("5/A"), FormType::Form5A);
        assert_eq!(FormType::parse(" 4x "), FormType::Other("4X".into()));
        assert_eq!(FormType::parse(""), FormType::Other("".into()));
    }

    #[test]
    fn codes_read_in_any_case_and_unknown_ones_are_kept_as_filed() {
        assert_eq!(TransactionCode::parse(" p "), Some(TransactionCode::P));
        assert_eq!(TransactionCode::parse("J"), Some(TransactionCode::J));
        assert_eq!(TransactionCode::parse("   "), None);
        assert_eq!(
            TransactionCode::parse(" q "),
            Some(TransactionCode::Other("q".into()))
        );
        assert_eq!(
            TransactionCode::parse("PS"),
            Some(TransactionCode::Other("PS".into()))
        );
        assert_eq!(
            TransactionCode::parse("é"),
            Some(TransactionCode::Other("é".into()))
        );
    }
}

//! The columns of Tables I and II on each form, in printed order, and the labels the
//! form view prints for them.

use crate::model::{FormType, Table};

/// A column of Table I or Table II.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    /// Title of security.
    Title,
    /// Conversion or exercise price of a derivative security.
    ConvPrice,
    /// Transaction date.
    Date,
    /// Deemed execution date.
    Deemed,
    /// Transaction code (with `/K` when an equity swap was involved).
    Code,
    /// The small `V` column beside the code: a line reported early.
    V,
    /// Amount acquired or disposed of, when one column holds both.
    Amount,
    /// Table II, number acquired (A).
    AmountA,
    /// Table II, number disposed of (D).
    AmountD,
    /// (A) or (D).
    AcqDisp,
    /// Price (Table I).
    Price,
    /// Date exercisable.
    Exercisable,
    /// Expiration date.
    Expiration,
    /// Title of the underlying security.
    UnderlyingTitle,
    /// Amount or number of shares of the underlying security.
    UnderlyingAmount,
    /// Price of the derivative security (Table II).
    DerivPrice,
    /// Amount owned following the reported transactions.
    Owned,
    /// Ownership form: direct (D) or indirect (I).
    Ownership,
    /// Nature of indirect beneficial ownership.
    Nature,
}

impl Col {
    /// Columns whose text is free text, which may wrap onto further lines.
    pub fn is_text(self) -> bool {
        matches!(self, Col::Title | Col::UnderlyingTitle | Col::Nature)
    }

    /// The label the form view prints before the value in its one-row-at-a-time layout;
    /// the reader knows a field by it.
    pub fn label(self, table: Table, form: Form) -> &'static str {
        match (self, table) {
            (Col::Title, Table::NonDerivative) => "Title of Security",
            (Col::Title, Table::Derivative) => "Title of Derivative Security",
            (Col::ConvPrice, _) => "Conversion or Exercise Price",
            (Col::Date, _) => "Transaction Date",
            (Col::Deemed, _) => "Deemed Execution Date",
            (Col::Code, _) => "Transaction Code",
            (Col::V, _) => "V",
            (Col::Amount, _) => "Amount",
            (Col::AmountA, _) => "Number Acquired (A)",
            (Col::AmountD, _) => "Number Disposed of (D)",
            (Col::AcqDisp, _) => "(A) or (D)",
            (Col::Price, _) => "Price",
            (Col::Exercisable, _) => "Date Exercisable",
            (Col::Expiration, _) => "Expiration Date",
            (Col::UnderlyingTitle, _) => "Title of Underlying Security",
            (Col::UnderlyingAmount, _) => "Amount or Number of Underlying Shares",
            (Col::DerivPrice, _) => "Price of Derivative Security",
            (Col::Owned, _) => match form {
                Form::Three => "Amount Beneficially Owned",
                Form::Five => "Amount Owned at End of Fiscal Year",
                Form::Four => "Amount Owned Following",
            },
            (Col::Ownership, _) => "Ownership Form (D or I)",
            (Col::Nature, _) => "Nature of Indirect Ownership",
        }
    }

    /// Every column, for looking a label up.
    pub const ALL: [Col; 19] = [
        Col::Title,
        Col::ConvPrice,
        Col::Date,
        Col::Deemed,
        Col::Code,
        Col::V,
        Col::Amount,
        Col::AmountA,
        Col::AmountD,
        Col::AcqDisp,
        Col::Price,
        Col::Exercisable,
        Col::Expiration,
        Col::UnderlyingTitle,
        Col::UnderlyingAmount,
        Col::DerivPrice,
        Col::Owned,
        Col::Ownership,
        Col::Nature,
    ];
}

/// Which form's tables a filing uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Form 3 (and 3/A): holdings only.
    Three,
    /// Form 4 (and 4/A), and any unknown type.
    Four,
    /// Form 5 (and 5/A): no `V` column.
    Five,
}

impl Form {
    /// The form family of a document type.
    pub fn of(t: &FormType) -> Form {
        match t {
            FormType::Form3 | FormType::Form3A => Form::Three,
            FormType::Form5 | FormType::Form5A => Form::Five,
            _ => Form::Four,
        }
    }
}

use Col::*;

const F4_T1: &[Col] = &[
    Title, Date, Deemed, Code, V, Amount, AcqDisp, Price, Owned, Ownership, Nature,
];
const F4_T1_OLD: &[Col] = &[
    Title, Date, Code, V, Amount, AcqDisp, Price, Owned, Ownership, Nature,
];
const F5_T1: &[Col] = &[
    Title, Date, Deemed, Code, Amount, AcqDisp, Price, Owned, Ownership, Nature,
];
const F5_T1_OLD: &[Col] = &[
    Title, Date, Code, Amount, AcqDisp, Price, Owned, Ownership, Nature,
];
const F3_T1: &[Col] = &[Title, Owned, Ownership, Nature];
const F4_T2: &[Col] = &[
    Title,
    ConvPrice,
    Date,
    Deemed,
    Code,
    V,
    AmountA,
    AmountD,
    Exercisable,
    Expiration,
    UnderlyingTitle,
    UnderlyingAmount,
    DerivPrice,
    Owned,
    Ownership,
    Nature,
];
const F4_T2_OLD: &[Col] = &[
    Title,
    ConvPrice,
    Date,
    Code,
    V,
    AmountA,
    AmountD,
    Exercisable,
    Expiration,
    UnderlyingTitle,
    UnderlyingAmount,
    DerivPrice,
    Owned,
    Ownership,
    Nature,
];
const F5_T2: &[Col] = &[
    Title,
    ConvPrice,
    Date,
    Deemed,
    Code,
    AmountA,
    AmountD,
    Exercisable,
    Expiration,
    UnderlyingTitle,
    UnderlyingAmount,
    DerivPrice,
    Owned,
    Ownership,
    Nature,
];
const F5_T2_OLD: &[Col] = &[
    Title,
    ConvPrice,
    Date,
    Code,
    AmountA,
    AmountD,
    Exercisable,
    Expiration,
    UnderlyingTitle,
    UnderlyingAmount,
    DerivPrice,
    Owned,
    Ownership,
    Nature,
];
const F3_T2: &[Col] = &[
    Title,
    Exercisable,
    Expiration,
    UnderlyingTitle,
    UnderlyingAmount,
    ConvPrice,
    Ownership,
    Nature,
];

/// The printed layouts of a table, current form first, then the pre-2003 one.
pub fn layouts(form: Form, table: Table) -> &'static [&'static [Col]] {
    match (form, table) {
        (Form::Four, Table::NonDerivative) => &[F4_T1, F4_T1_OLD],
        (Form::Five, Table::NonDerivative) => &[F5_T1, F5_T1_OLD],
        (Form::Three, Table::NonDerivative) => &[F3_T1],
        (Form::Four, Table::Derivative) => &[F4_T2, F4_T2_OLD],
        (Form::Five, Table::Derivative) => &[F5_T2, F5_T2_OLD],
        (Form::Three, Table::Derivative) => &[F3_T2],
    }
}

/// The layout with `n` columns, if the form has one.
pub fn layout_of_width(form: Form, table: Table, n: usize) -> Option<&'static [Col]> {
    layouts(form, table).iter().copied().find(|l| l.len() == n)
}

/// The columns a holding line fills, in printed order.
pub fn holding_columns(form: Form, table: Table) -> &'static [Col] {
    match (form, table) {
        (Form::Three, t) => layouts(Form::Three, t).first().copied().unwrap_or_default(),
        (_, Table::NonDerivative) => &[Title, Owned, Ownership, Nature],
        (_, Table::Derivative) => &[
            Title,
            ConvPrice,
            Exercisable,
            Expiration,
            UnderlyingTitle,
            UnderlyingAmount,
            Owned,
            Ownership,
            Nature,
        ],
    }
}

//! The help overlay's content, generated from the keymap, the filter keys and the
//! transaction codes, so it always says what the program does.

use super::keymap::{Context, BINDINGS};
use crate::model::TransactionCode;

/// One line of help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A section heading.
    Heading(&'static str),
    /// Keys (or a term) and what they do.
    Entry(String, String),
    /// Space between sections.
    Blank,
}

/// Filter keys and what they take, for the help overlay.
const FILTER_KEYS: &[(&str, &str)] = &[
    (
        "issuer:NAME",
        "issuer name contains the words, or the issuer CIK",
    ),
    ("ticker:CLRB,AAPL", "ticker is one of these"),
    ("owner:caruso", "some owner's name contains the words"),
    (
        "code:S,P",
        "some transaction has one of these codes (below)",
    ),
    ("ad:A|D", "some row acquired (A) or disposed of (D)"),
    ("form:4,4/A", "form type 3, 4, 5, 3/A, 4/A, 5/A"),
    (
        "role:director,officer,10%,other",
        "some owner holds the role",
    ),
    ("plan:yes|no|unknown", "Rule 10b5-1 plan box"),
    (
        "min:100000",
        "a transaction worth at least this (250k, 1.5m)",
    ),
    (
        "from:2018-01-01 to:2018-12",
        "date range (YYYY, YYYY-MM or YYYY-MM-DD)",
    ),
    (
        "date:filed|traded",
        "the range applies to the filing or transaction dates",
    ),
    ("owner:\"caruso james\"", "quote values that hold spaces"),
];

/// Every help line, in order.
pub fn lines() -> Vec<HelpLine> {
    let mut out = Vec::new();
    for context in Context::ALL {
        out.push(HelpLine::Heading(context.title()));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            let keys = b
                .keys
                .iter()
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join(" ");
            out.push(HelpLine::Entry(keys, b.description.to_string()));
        }
        if context == Context::Prompt {
            out.push(HelpLine::Entry(
                "any character".into(),
                "type into the prompt".into(),
            ));
        }
        out.push(HelpLine::Blank);
    }
    out.push(HelpLine::Heading("Mouse"));
    out.push(HelpLine::Entry(
        "wheel".into(),
        "move in the pane under the pointer".into(),
    ));
    out.push(HelpLine::Entry(
        "click".into(),
        "focus a pane and select the row".into(),
    ));
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading(
        "Filters (combine with spaces; commas mean or)",
    ));
    for (k, d) in FILTER_KEYS {
        out.push(HelpLine::Entry((*k).to_string(), (*d).to_string()));
    }
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading("Transaction codes"));
    for code in TransactionCode::ALL {
        out.push(HelpLine::Entry(
            code.as_str().to_string(),
            code.meaning().to_string(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_binding_and_every_code() {
        let lines = lines();
        for b in BINDINGS {
            assert!(
                lines
                    .iter()
                    .any(|l| matches!(l, HelpLine::Entry(_, d) if d == b.description)),
                "{} missing",
                b.description
            );
        }
        let start = lines
            .iter()
            .position(|l| *l == HelpLine::Heading("Transaction codes"))
            .unwrap();
        let codes = lines.len() - start - 1;
        assert_eq!(codes, TransactionCode::ALL.len());
        assert!(lines.contains(&HelpLine::Entry(
            "S".into(),
            TransactionCode::S.meaning().into()
        )));
    }
}

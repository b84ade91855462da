//! Diagnostics: what went wrong, where, and how badly.

use serde::Serialize;
use std::fmt;

use crate::model::Text;

/// How bad an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A value could not be read; the field is `None` and the rest was kept.
    Warning,
    /// The file (or one filing in it) could not be read at all.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A problem found by a reader inside one document, before it is tied to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Line (1-based) in the file, when known.
    pub line: Option<u32>,
    /// What was wrong, naming the element, column or field.
    pub message: String,
    /// When this only counts diagnostics not listed one by one: how many (0 otherwise).
    pub unlisted: usize,
}

impl Diagnostic {
    /// A diagnostic at `line` (if known) with a message.
    pub fn new(line: Option<u32>, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            message: message.into(),
            unlisted: 0,
        }
    }

    /// A diagnostic that counts `unlisted` others left out of the list.
    pub fn counting(unlisted: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            unlisted,
            ..Diagnostic::new(None, message)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Diagnostic {}

/// An issue of a load: a diagnostic tied to its file and severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadIssue {
    /// The file, as given to the loader.
    pub path: Text,
    /// Line (1-based), when known.
    pub line: Option<u32>,
    /// Error or warning.
    pub severity: Severity,
    /// What was wrong.
    pub message: String,
    /// When this only counts issues of the file not listed one by one: how many (0
    /// otherwise).
    #[serde(skip_serializing_if = "is_zero")]
    pub unlisted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// How many issues of `severity` a list stands for: each listed one, and those a
/// counting issue stands for in its place.
pub fn tally(issues: &[LoadIssue], severity: Severity) -> usize {
    issues
        .iter()
        .filter(|i| i.severity == severity)
        .map(LoadIssue::weight)
        .sum()
}

/// How many issues of any severity a list stands for (see [`tally`]).
pub fn total(issues: &[LoadIssue]) -> usize {
    issues.iter().map(LoadIssue::weight).sum()
}

impl LoadIssue {
    /// How many issues this one stands for: the count of a counting issue, else one.
    pub fn weight(&self) -> usize {
        self.unlisted.max(1)
    }

    /// Ties a reader's diagnostic to its file.
    pub fn from_diagnostic(path: &Text, severity: Severity, d: Diagnostic) -> Self {
        LoadIssue {
            unlisted: d.unlisted,
            path: path.clone(),
            line: d.line,
            severity,
            message: d.message,
        }
    }
}

impl fmt::Display for LoadIssue {
    /// `path:line: error: message`, the shape compilers use, so editors can jump to it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // File names are untrusted too: a folder of downloads may hold `a\x1b[31m.xml`.
        let path = crate::text::sanitize(&self.path);
        let message = crate::text::sanitize(&self.message);
        match self.line {
            Some(l) => write!(f, "{path}:{l}: {}: {message}", self.severity),
            None => write!(f, "{path}: {}: {message}", self.severity),
        }
    }
}

//! Errors of the export reader, each naming the line it happened on.

use thiserror::Error;

/// Why a line of an export could not be read.
#[derive(Debug, Error)]
pub enum ExportErrorKind {
    /// Reading the input failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// The line is not JSON.
    #[error("malformed JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The format version is not one this reader understands.
    #[error("unsupported export format version {0}")]
    UnsupportedVersion(String),
    /// A required field is absent or has the wrong JSON type.
    #[error("missing or ill-typed field '{0}'")]
    Field(&'static str),
    /// The line's tag is not part of the format.
    #[error("unknown line kind")]
    UnknownTag,
    /// A line refers to an index that was not defined before.
    #[error("dangling {table} index {index}")]
    Dangling {
        /// `in`, `il` or `ie`.
        table: &'static str,
        /// The index.
        index: u64,
    },
    /// An index is defined twice.
    #[error("duplicate {table} index {index}")]
    Duplicate {
        /// `in`, `il` or `ie`.
        table: &'static str,
        /// The index.
        index: u64,
    },
    /// A field has an invalid value.
    #[error("invalid value: {0}")]
    Invalid(String),
}

/// An export reading error at a line (1-based).
#[derive(Debug, Error)]
#[error("line {line}: {kind}")]
pub struct ExportError {
    /// Line number (1-based).
    pub line: usize,
    /// What is wrong.
    pub kind: ExportErrorKind,
}

impl ExportError {
    /// Whether the input should be declined (unsupported) rather than
    /// rejected (malformed).
    pub fn is_unsupported(&self) -> bool {
        matches!(self.kind, ExportErrorKind::UnsupportedVersion(_))
    }
}

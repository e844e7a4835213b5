//! Errors of the export reader, each naming the line it happened on.

use thiserror::Error;

/// Why a line of an export could not be read.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExportErrorKind {
    /// Reading the input failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// The line is not JSON.
    #[error("malformed JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The format version is not one this reader implements (only
    /// [`super::FORMAT_VERSION`]).
    #[error("unsupported export format version '{0}' (this reader implements {v})", v = super::FORMAT_VERSION)]
    UnsupportedVersion(String),
    /// The input holds no record at all.
    #[error("empty export: no meta line")]
    Empty,
    /// The first record is not the meta line, so the format is unknown.
    #[error("the first record must be the meta line (format version)")]
    MissingMeta,
    /// A second meta line, after the first record.
    #[error("a meta line may only be the first record")]
    MisplacedMeta,
    /// The line is not UTF-8.
    #[error("invalid UTF-8 at byte {offset} of the line")]
    InvalidUtf8 {
        /// Byte offset within the line of the first invalid byte.
        offset: usize,
    },
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
    /// The term store has no ids left for this export (a limit reached).
    #[error(transparent)]
    StoreFull(#[from] crate::store::StoreFull),
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

impl ExportErrorKind {
    /// A stable id of what is wrong (`export.json`, `export.dangling-index`,
    /// ...), as [`KernelError::rule`](crate::KernelError::rule) for a
    /// rejected declaration.
    pub fn rule(&self) -> &'static str {
        match self {
            ExportErrorKind::Io(_) => "export.io",
            ExportErrorKind::Json(_) => "export.json",
            ExportErrorKind::UnsupportedVersion(_) => "export.version",
            ExportErrorKind::Empty => "export.empty",
            ExportErrorKind::MissingMeta => "export.missing-meta",
            ExportErrorKind::MisplacedMeta => "export.misplaced-meta",
            ExportErrorKind::InvalidUtf8 { .. } => "export.utf8",
            ExportErrorKind::Field(_) => "export.field",
            ExportErrorKind::UnknownTag => "export.unknown-tag",
            ExportErrorKind::Dangling { .. } => "export.dangling-index",
            ExportErrorKind::Duplicate { .. } => "export.duplicate-index",
            ExportErrorKind::StoreFull(_) => "limit.store",
            ExportErrorKind::Invalid(_) => "export.invalid-value",
        }
    }
}

impl ExportError {
    /// The stable id of what is wrong ([`ExportErrorKind::rule`]).
    pub fn rule(&self) -> &'static str {
        self.kind.rule()
    }

    /// Whether the input is unusable and should be declined rather than
    /// rejected: unreadable (I/O, not UTF-8), empty, without its meta line,
    /// of a format version this reader does not implement, or too big for
    /// the term store. Anything else
    /// is a malformed export of a known format (rejected).
    pub fn is_unsupported(&self) -> bool {
        matches!(
            self.kind,
            ExportErrorKind::UnsupportedVersion(_)
                | ExportErrorKind::Empty
                | ExportErrorKind::MissingMeta
                | ExportErrorKind::InvalidUtf8 { .. }
                | ExportErrorKind::Io(_)
                | ExportErrorKind::StoreFull(_)
        )
    }
}

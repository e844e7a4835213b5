//! Proofs as files: an inclusion or consistency proof in JSON, verified
//! offline against a signed [`Checkpoint`] with no access to the ledger.
//!
//! Format `proofgate-ledger-proof/1` (hashes and bytes in lowercase hex):
//!
//! ```json
//! {"format": "proofgate-ledger-proof/1", "kind": "inclusion",
//!  "tree_size": 30, "index": 2,
//!  "entry": "01…",          // the entry's canonical encoding (LedgerEntry::encode)
//!  "previous": "…",         // chain head before the entry (first half of its leaf)
//!  "path": ["…", "…"]}      // RFC 9162 audit path, leaf to root
//!
//! {"format": "proofgate-ledger-proof/1", "kind": "consistency",
//!  "old_size": 3, "new_size": 30,
//!  "old_root": "…",         // root of the first old_size entries
//!  "path": ["…"]}           // RFC 9162 consistency path
//! ```
//!
//! An inclusion proof verifies against a checkpoint of exactly `tree_size`
//! entries: the leaf `blake3(previous || entry)` and the path must rebuild
//! the checkpoint's root. A consistency proof verifies against a checkpoint
//! of `new_size` entries (and, when one is given, an older checkpoint of
//! `old_size` entries whose root must be `old_root`). Unknown fields are
//! refused, so a file means exactly what it says.

use crate::checkpoint::Checkpoint;
use crate::hash::{Hash, to_hex};
use crate::proof::{ConsistencyProof, InclusionProof, ProofError};
use crate::record::entry::{EntryDecodeError, LedgerEntry};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The `format` every proof file carries.
pub const PROOF_FORMAT: &str = "proofgate-ledger-proof/1";

/// Longest path accepted: a tree of at most 2^64 leaves has at most 64
/// levels, and a consistency path at most twice that.
const MAX_PATH: usize = 128;

/// Why a proof file is refused.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ProofFileError {
    /// Not JSON of the documented shape.
    #[error("not a proof file: {0}")]
    Json(#[from] serde_json::Error),
    /// Another format or version.
    #[error("proof format {found:?} is not {PROOF_FORMAT:?}")]
    Format {
        /// The stated format.
        found: String,
    },
    /// A hash or byte field is not lowercase hex of the right length.
    #[error("field {field}: {reason}")]
    Field {
        /// The field.
        field: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// The proof is for a tree of another size than the checkpoint's.
    #[error("the proof is for a tree of {proof} entries, the checkpoint is of {checkpoint}")]
    SizeMismatch {
        /// Size the proof is for.
        proof: u64,
        /// Size the checkpoint signs.
        checkpoint: u64,
    },
    /// The older checkpoint does not sign the proof's old root.
    #[error("the older checkpoint's root is not the proof's old_root")]
    OldRootMismatch,
    /// The entry bytes do not decode.
    #[error("entry: {0}")]
    Entry(#[from] EntryDecodeError),
    /// The hashes do not rebuild the checkpoint's root.
    #[error(transparent)]
    Proof(#[from] ProofError),
}

/// What a proof file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofFile {
    /// Entry `proof.index`, encoded as `entry`, is in the tree of
    /// `proof.size` entries.
    Inclusion {
        /// The proof.
        proof: InclusionProof,
        /// The entry's canonical encoding.
        entry: Vec<u8>,
    },
    /// The tree of `proof.old_size` entries, whose root is `old_root`, is a
    /// prefix of the tree of `proof.new_size` entries.
    Consistency {
        /// The proof.
        proof: ConsistencyProof,
        /// Root of the older tree.
        old_root: Hash,
    },
}

/// What a verified proof established.
#[derive(Debug, Clone, PartialEq)]
pub enum Verified {
    /// The entry is in the checkpointed tree at this position.
    Included {
        /// Its position.
        index: u64,
        /// The entry.
        entry: LedgerEntry,
    },
    /// The older tree is a prefix of the checkpointed one.
    Extends {
        /// Size of the older tree.
        old_size: u64,
        /// Its root.
        old_root: Hash,
    },
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum Wire {
    Inclusion {
        format: String,
        tree_size: u64,
        index: u64,
        entry: String,
        previous: String,
        path: Vec<String>,
    },
    Consistency {
        format: String,
        old_size: u64,
        new_size: u64,
        old_root: String,
        path: Vec<String>,
    },
}

impl ProofFile {
    /// The JSON text of the file (one object, pretty-printed, ending in a
    /// newline).
    pub fn to_json(&self) -> String {
        let path = |p: &[Hash]| p.iter().map(to_hex).collect();
        let wire = match self {
            Self::Inclusion { proof, entry } => Wire::Inclusion {
                format: PROOF_FORMAT.to_string(),
                tree_size: proof.size,
                index: proof.index,
                entry: hex(entry),
                previous: to_hex(&proof.previous),
                path: path(&proof.path),
            },
            Self::Consistency { proof, old_root } => Wire::Consistency {
                format: PROOF_FORMAT.to_string(),
                old_size: proof.old_size,
                new_size: proof.new_size,
                old_root: to_hex(old_root),
                path: path(&proof.path),
            },
        };
        // Strings and integers only: serialising cannot fail.
        let mut text = serde_json::to_string_pretty(&wire).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Parses a proof file.
    pub fn from_json(text: &str) -> Result<Self, ProofFileError> {
        let wire: Wire = serde_json::from_str(text)?;
        let format = match &wire {
            Wire::Inclusion { format, .. } | Wire::Consistency { format, .. } => format,
        };
        if format != PROOF_FORMAT {
            return Err(ProofFileError::Format {
                found: format.clone(),
            });
        }
        Ok(match wire {
            Wire::Inclusion {
                tree_size,
                index,
                entry,
                previous,
                path,
                ..
            } => Self::Inclusion {
                proof: InclusionProof {
                    index,
                    size: tree_size,
                    previous: hash("previous", &previous)?,
                    path: hashes(&path)?,
                },
                entry: unhex(&entry).ok_or(ProofFileError::Field {
                    field: "entry",
                    reason: "not lowercase hex",
                })?,
            },
            Wire::Consistency {
                old_size,
                new_size,
                old_root,
                path,
                ..
            } => Self::Consistency {
                proof: ConsistencyProof {
                    old_size,
                    new_size,
                    path: hashes(&path)?,
                },
                old_root: hash("old_root", &old_root)?,
            },
        })
    }

    /// Verifies the proof against `checkpoint` (already opened with the
    /// log's key), and for a consistency proof against `older` too when
    /// given.
    pub fn verify(
        &self,
        checkpoint: &Checkpoint,
        older: Option<&Checkpoint>,
    ) -> Result<Verified, ProofFileError> {
        match self {
            Self::Inclusion { proof, entry } => {
                same_size(proof.size, checkpoint)?;
                let decoded = LedgerEntry::decode(entry)?;
                proof.verify(entry, &checkpoint.root)?;
                Ok(Verified::Included {
                    index: proof.index,
                    entry: decoded,
                })
            }
            Self::Consistency { proof, old_root } => {
                same_size(proof.new_size, checkpoint)?;
                if let Some(old) = older {
                    same_size(proof.old_size, old)?;
                    if old.root != *old_root {
                        return Err(ProofFileError::OldRootMismatch);
                    }
                }
                proof.verify(old_root, &checkpoint.root)?;
                Ok(Verified::Extends {
                    old_size: proof.old_size,
                    old_root: *old_root,
                })
            }
        }
    }
}

fn same_size(proof: u64, checkpoint: &Checkpoint) -> Result<(), ProofFileError> {
    if proof != checkpoint.size {
        return Err(ProofFileError::SizeMismatch {
            proof,
            checkpoint: checkpoint.size,
        });
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Lowercase hex only, so one value has one spelling.
fn unhex(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    if !text.len().is_multiple_of(2) {
        return None;
    }
    text.as_bytes()
        .chunks(2)
        .map(|p| Some(digit(p[0])? << 4 | digit(p[1])?))
        .collect()
}

fn hash(field: &'static str, text: &str) -> Result<Hash, ProofFileError> {
    unhex(text)
        .and_then(|b| b.try_into().ok())
        .ok_or(ProofFileError::Field {
            field,
            reason: "not 64 lowercase hex digits",
        })
}

fn hashes(path: &[String]) -> Result<Vec<Hash>, ProofFileError> {
    if path.len() > MAX_PATH {
        return Err(ProofFileError::Field {
            field: "path",
            reason: "longer than any tree of 2^64 entries needs",
        });
    }
    path.iter().map(|h| hash("path", h)).collect()
}

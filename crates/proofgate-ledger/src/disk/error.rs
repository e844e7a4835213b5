//! Errors of the on-disk ledger.

use crate::LedgerError;
use crate::checkpoint::CheckpointError;
use std::path::PathBuf;
use thiserror::Error;

/// What went wrong reading or writing a ledger directory.
#[derive(Debug, Error)]
pub enum DiskError {
    /// An operating-system call failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Another writer holds the directory's lock file.
    #[error("{}: another writer holds the ledger lock", dir.display())]
    Locked {
        /// The ledger directory.
        dir: PathBuf,
    },
    /// The directory was altered (not merely cut short by a crash).
    #[error("{}: record {position} at byte {offset}: {reason}", file.display())]
    Corrupt {
        /// The segment file.
        file: PathBuf,
        /// Ledger position of the damaged record (for a segment header, the
        /// position of the file's first entry).
        position: u64,
        /// Byte offset in the file of the damaged field.
        offset: u64,
        /// What is wrong.
        reason: String,
    },
    /// A file in the directory looks like a segment but its name does not parse.
    #[error("{}: not a segment file name (expected seg-<20 digits>.pgl)", path.display())]
    BadFileName {
        /// The file.
        path: PathBuf,
    },
    /// The directory holds no segment file (a writer always creates one).
    #[error("{}: not a ledger directory (no seg-*.pgl file)", dir.display())]
    NotALedger {
        /// The directory.
        dir: PathBuf,
    },
    /// The directory holds fewer entries than a checkpoint signed earlier:
    /// records or whole files were removed from its end.
    #[error("{}: rolled back: {entries} entries, but a signed checkpoint covers {checkpoint}", dir.display())]
    RolledBack {
        /// The ledger directory.
        dir: PathBuf,
        /// Entries it holds.
        entries: u64,
        /// Entries the checkpoint signs.
        checkpoint: u64,
    },
    /// The directory's first `size` entries do not have the root a signed
    /// checkpoint gives them: history was rewritten.
    #[error("{}: forked: its first {size} entries do not have the signed checkpoint's root", dir.display())]
    Forked {
        /// The ledger directory.
        dir: PathBuf,
        /// The checkpoint's size.
        size: u64,
    },
    /// A torn tail stands where an operation needs a clean directory.
    #[error("{}: torn tail at byte {offset}; drop it with `proofgate ledger repair` (or by opening the ledger for writing) first", file.display())]
    TornTail {
        /// The file holding it.
        file: PathBuf,
        /// Where it starts.
        offset: u64,
    },
    /// A checkpoint could not be built.
    #[error(transparent)]
    Checkpoint(#[from] CheckpointError),
    /// The in-memory ledger refused the operation.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// A proof built from the directory does not verify against its own
    /// roots: the ledger is inconsistent (not a bad request).
    #[error("the proof built from the ledger does not verify: {0}")]
    ProofRefused(crate::proof::ProofError),
    /// An earlier write failed, so memory and disk may disagree; reopen the
    /// directory to recover.
    #[error("an earlier write failed ({0}); reopen the ledger")]
    Poisoned(String),
}

impl DiskError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> DiskError {
        let path = path.into();
        move |source| DiskError::Io { path, source }
    }
}

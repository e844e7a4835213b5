//! Errors of the in-memory ledger.

use super::merkle::MissingLeaf;
use super::proof::ProofError;
use thiserror::Error;

/// What went wrong with a ledger operation or check.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LedgerError {
    /// A position or size beyond the ledger.
    #[error("position {index} is beyond a ledger of {len} entries")]
    OutOfRange {
        /// The requested position or size.
        index: u64,
        /// Entries in the ledger.
        len: u64,
    },
    /// A needed hash lives in an archived segment that was not supplied.
    #[error(transparent)]
    Archived(#[from] MissingLeaf),
    /// The stored chain head after `position` (which is also its Merkle
    /// leaf) is not the recomputed one.
    #[error("chain head (Merkle leaf) mismatch at entry {position}")]
    ChainMismatch {
        /// The entry.
        position: u64,
    },
    /// A stored interior node is not the hash of its children.
    #[error("Merkle node mismatch at level {level}, node {index}")]
    NodeMismatch {
        /// Tree level (0 = leaves).
        level: u32,
        /// Node index on that level.
        index: u64,
    },
    /// A seal (compaction, epoch or scope transition) does not commit to the
    /// root and chain head before it.
    #[error("seal at entry {position} does not match the ledger before it: {reason}")]
    SealMismatch {
        /// The sealing entry.
        position: u64,
        /// What differs.
        reason: &'static str,
    },
    /// A supersession names a position that is not an earlier attestation.
    #[error("supersession at entry {position} names {target}, which is not an earlier attestation")]
    BadSupersession {
        /// The supersession entry (or the one being appended).
        position: u64,
        /// The position it names.
        target: u64,
    },
    /// The ledger was sealed by a scope transition and takes no more entries.
    #[error("the ledger was sealed by a scope transition at entry {position}")]
    ScopeSealed {
        /// The transition entry.
        position: u64,
    },
    /// A segment does not continue where the previous one ended.
    #[error("segment starting at {first} does not continue the ledger ({reason})")]
    SegmentGap {
        /// First entry of the segment.
        first: u64,
        /// What differs.
        reason: &'static str,
    },
    /// A scope transition's min-cut value or a scope's coherence is not finite.
    #[error("{what} must be a finite number")]
    NotFinite {
        /// The offending field.
        what: &'static str,
    },
    /// An attestation issued under another environment (or verifier) than
    /// the one its epoch pins: every attestation of an epoch whose boundary
    /// names an environment must carry that environment's hash.
    #[error(
        "entry {position} was attested under another environment than epoch {epoch} pins (enter a new epoch when the environment changes)"
    )]
    OtherEnvironment {
        /// The entry (or the one being appended).
        position: u64,
        /// The epoch.
        epoch: u64,
    },
    /// A proof failed to verify.
    #[error(transparent)]
    Proof(#[from] ProofError),
}

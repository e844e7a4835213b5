//! `Approval`: one gated mutation as the ledger records it — the proof's
//! attestation, what was installed and when.
//!
//! An attestation commits to the *proposition* proved (`384 = 384` for
//! every embedding of dimension 384) and to the time its proof was first
//! checked; with the proof cache answering, a thousand different values
//! share one attestation. The approval adds the two facts an auditor needs
//! to tell those mutations apart: the caller's digest of the installed
//! value and the time this mutation was approved. Both are in the entry's
//! bytes, so the chain head and the Merkle leaf commit to them.

use super::attestation::ProofAttestation;
use super::digest::Hash;

/// An accepted mutation: the attestation of its proof, the subject it
/// installed and the time it was approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Approval {
    /// The attestation of the accepted proof.
    pub attestation: ProofAttestation,
    /// The caller's commitment to the installed value (e.g. blake3 of its
    /// canonical bytes); `None` when the subject offers none.
    pub subject: Option<Hash>,
    /// When the mutation was approved, in nanoseconds since the Unix epoch.
    /// Differs from the attestation's `verification_timestamp_ns` whenever
    /// the proof cache answered.
    pub approved_at_ns: u64,
}

/// Size of an approval's encoding after the tag: the attestation, the
/// approval time, a presence byte and the 32-byte subject slot (zero when
/// absent, so each approval has exactly one encoding).
pub const APPROVAL_SIZE: usize = super::attestation::ATTESTATION_SIZE + 8 + 1 + 32;

impl Approval {
    /// An approval stamped with the current wall-clock time.
    pub fn now(attestation: ProofAttestation, subject: Option<Hash>) -> Self {
        Approval {
            attestation,
            subject,
            approved_at_ns: now_ns(),
        }
    }
}

/// The plain blake3 digest of a value's canonical bytes: a subject digest
/// anyone can recompute (`b3sum` prints the same hex).
pub fn subject_digest(bytes: &[u8]) -> Hash {
    *blake3::hash(bytes).as_bytes()
}

/// Nanoseconds since the Unix epoch; 0 for a clock set before it, and
/// saturating far in the future.
pub fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

//! Rollback without deletion: a later entry that replaces an earlier one.

use super::attestation::ProofAttestation;

/// Appended to roll a mutation back: the entry at `superseded_position` stays
/// in the ledger (nothing is ever deleted) and `replacement` attests the
/// state that takes its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SupersessionProof {
    /// Position of the entry being superseded; must already be in the ledger.
    pub superseded_position: u64,
    /// The attestation of the replacement (e.g. of the inverse mutation).
    pub replacement: ProofAttestation,
    /// Identifier of the proof that the replacement is sound.
    pub soundness_proof_id: u32,
}

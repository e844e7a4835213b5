//! Epoch boundaries: the proof algebra changes, earlier proofs stay valid.

use super::digest::Hash;
use super::seal::Seal;

/// The verifier configuration an epoch runs under. The gate maps its
/// environment configuration onto this; the ledger only records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EpochConfig {
    /// Hash of the proof environment (declarations, in order) of the epoch.
    pub environment_hash: Hash,
    /// Verifier version used in the epoch.
    pub verifier_version: u32,
    /// Fuel budget of the Standard tier.
    pub standard_fuel: u32,
    /// Fuel budget of the Deep tier.
    pub deep_fuel: u32,
}

/// Ends one epoch and starts the next. Sealing an epoch compacts the live
/// ledger; `seal` is the compaction seal (the Merkle root of every entry
/// before the boundary and the chain head there), so the new epoch starts from it and every proof of an
/// earlier epoch still verifies against later roots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpochBoundary {
    /// The epoch being closed.
    pub from_epoch: u64,
    /// The epoch being opened (`from_epoch + 1`).
    pub to_epoch: u64,
    /// Seal of everything before the boundary.
    pub seal: Seal,
    /// Configuration of the new epoch.
    pub new_config: EpochConfig,
}

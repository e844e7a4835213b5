//! The entries that close a stretch of history: a compaction's seal and a
//! scope's transition (an epoch's boundary is in `epoch.rs`).

use super::seal::Seal;

/// The seal of one compaction, appended as the first live entry after it.
///
/// `seal.root` is the Merkle root of entries `0..end`, `seal.head` the chain
/// head after entry `end - 1`, and the totals are those of the attestations
/// in `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompactionSeal {
    /// First entry moved to the segment.
    pub first: u64,
    /// One past the last entry moved (the seal's own position).
    pub end: u64,
    /// What the seal commits to.
    pub seal: Seal,
}

/// The last entry of a scope's ledger: records the old and new partition, the
/// min-cut value at the transition, and a seal (as for a compaction: the
/// Merkle root and chain head of everything before it, and the totals of the
/// attestations since the previous seal).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScopeTransition {
    /// Partition of the sealed scope.
    pub from_partition: u32,
    /// Partition of the scope that follows.
    pub to_partition: u32,
    /// Min-cut value at the transition (finite).
    pub min_cut_value: f64,
    /// The seal of the old scope's ledger.
    pub seal: Seal,
}

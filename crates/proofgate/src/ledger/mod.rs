//! The mutation ledger: every attestation the gate issues, chained with
//! blake3, provable with RFC 9162 Merkle proofs, compactable without losing
//! history, sealed at epoch and scope boundaries, and durable on disk.
//!
//! Files: [`hash`] (the chain link, which is also the Merkle leaf, and the
//! keyed interior and empty-tree hashes), [`entry`] (what a position
//! holds and its bytes), [`merkle`] (the incremental tree), [`proof`]
//! (inclusion and consistency proofs and their verifiers),
//! [`mutation_ledger`] (the ledger), [`compaction`] (segments and seals),
//! [`compose`], [`epoch`], [`supersession`], [`scope`], and [`disk`] (the
//! on-disk directory: framing, writer, recovery, lock).

pub mod compaction;
pub mod compose;
pub mod disk;
pub mod entry;
pub mod epoch;
pub mod error;
pub mod hash;
pub mod merkle;
pub mod mutation_ledger;
pub mod proof;
pub mod scope;
pub mod supersession;
#[cfg(test)]
mod tamper_tests;

pub use compaction::{CompactionSeal, SEAL_VERIFIER_VERSION, SealedSegment};
pub use compose::{RegionalAttestation, compose_chain};
pub use entry::LedgerEntry;
pub use epoch::{EpochBoundary, EpochConfig};
pub use error::LedgerError;
pub use hash::{GENESIS_HEAD, Hash};
pub use mutation_ledger::{
    ArchivePolicy, DEFAULT_COMPACTION_THRESHOLD, LedgerConfig, MutationLedger,
};
pub use proof::{ConsistencyProof, InclusionProof, ProofError};
pub use scope::{ProofScope, ScopeTransition, SealedScope};
pub use supersession::SupersessionProof;

//! The mutation ledger: every attestation the gate issues, chained with
//! blake3, provable with RFC 9162 Merkle proofs, compactable without losing
//! history, sealed at epoch and scope boundaries, and durable on disk.
//!
//! This crate does not depend on the proof kernel: an auditor who only reads
//! ledgers and checks proofs links it alone. `proofgate` re-exports it as
//! `proofgate_core::ledger`.
//!
//! Read bottom up; imports run one way. [`record`] is the leaf: what a
//! position holds, as plain data with its canonical bytes (attestations,
//! approvals, seals, epoch boundaries, supersessions, the entry). Above it:
//! [`hash`] (the chain link, which is also the Merkle leaf, and the keyed
//! interior and empty-tree hashes), [`merkle`] (the incremental tree),
//! [`proof`] (inclusion and consistency proofs and their verifiers),
//! [`compaction`] (segments and seals), [`mutation_ledger`] (the ledger),
//! `compose` and `scope` (feature `regions`), and [`disk`] (the on-disk directory: framing,
//! writer, recovery, lock, checkpoint checks).
//!
//! Signed checkpoints: [`note`] (C2SP signed notes with Ed25519 keys),
//! [`checkpoint`] (the C2SP tlog-checkpoint text of a size and root) and
//! [`proof_file`] (inclusion and consistency proofs as JSON, verified
//! offline against a checkpoint).
//!
//! A ledger in memory, an entry proved included and the history proved
//! append-only; the on-disk [`disk::DiskLedger`] has the same operations
//! (see the workspace README's "durably logged" example).
//!
//! ```
//! use proofgate_ledger::{BasisPoints, MutationLedger, ProofAttestation};
//!
//! let att = |i: u8| ProofAttestation {
//!     proof_term_hash: [i; 32],
//!     environment_hash: [0; 32],
//!     verification_timestamp_ns: u64::from(i),
//!     verifier_version: 1,
//!     reduction_steps: 10,
//!     cache_hit_rate_bps: BasisPoints::ZERO,
//! };
//! let mut ledger = MutationLedger::new();
//! for i in 0..5 {
//!     ledger.append(att(i))?;
//! }
//! ledger.verify()?; // chain, Merkle tree and seals re-derived
//! let proof = ledger.prove_inclusion(2, 5, &[])?;
//! let entry = ledger.find_entry(2, &[]).expect("held").encode();
//! proof.verify(entry.as_slice(), &ledger.root())?; // hash-only: what a third party runs
//! let grown = ledger.prove_consistency(3, 5, &[])?;
//! grown.verify(&ledger.root_at(3, &[])?, &ledger.root())?; // the first 3 entries are a prefix
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

pub mod checkpoint;
pub mod compaction;
#[cfg(feature = "regions")]
pub mod compose;
pub mod disk;
pub mod error;
pub mod hash;
pub mod merkle;
pub mod mutation_ledger;
pub mod note;
pub mod proof;
pub mod proof_file;
pub mod record;
#[cfg(feature = "regions")]
pub mod scope;
// The records' modules keep their paths at the root, where callers found
// them before they moved under `record`.
pub use record::{approval, attestation, entry, epoch, seal, supersession};
#[cfg(test)]
mod tamper_tests;

pub use approval::{Approval, subject_digest};
pub use attestation::{ATTESTATION_SIZE, AttestationError, BasisPoints, ProofAttestation};
pub use checkpoint::{Checkpoint, CheckpointError, ORIGIN_HASH_SUFFIX, generate_log_key};
pub use compaction::SealedSegment;
#[cfg(feature = "regions")]
pub use compose::{RegionalAttestation, compose_chain};
pub use entry::LedgerEntry;
pub use epoch::{EpochBoundary, EpochConfig};
pub use error::LedgerError;
pub use hash::{GENESIS_HEAD, Hash};
pub use mutation_ledger::{
    ArchivePolicy, DEFAULT_COMPACTION_THRESHOLD, LedgerConfig, MutationLedger,
};
pub use note::{NoteError, NoteSigner, NoteVerifier};
pub use proof::{ConsistencyProof, InclusionProof, ProofError};
pub use proof_file::{PROOF_FORMAT, ProofFile, ProofFileError, Verified};
pub use record::sealing::{CompactionSeal, ScopeTransition};
#[cfg(feature = "regions")]
pub use scope::{ProofScope, SealedScope};
pub use seal::{SEAL_SIZE, SEAL_VERSION, Seal};
pub use supersession::SupersessionProof;

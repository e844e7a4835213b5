//! Proof-gated mutation.
//!
//! A value is reachable only when the kernel has checked a proof of its
//! requirement; every decision is recorded in a tamper-evident ledger. See
//! `ARCHITECTURE.md` at the workspace root.
//!
//! ```
//! use proofgate_core::{GateSubject, ProofEnvironment, ProofGate, ProofRequirement};
//!
//! struct Embedding(Vec<f32>);
//! impl GateSubject for Embedding {
//!     fn dimension(&self) -> Option<u64> { Some(self.0.len() as u64) }
//! }
//!
//! let mut env = ProofEnvironment::new()?; // prelude checked by the kernel
//! let mut gate = ProofGate::new(Embedding(vec![0.0; 3]), ProofRequirement::DimensionMatch { expected: 3 });
//! let receipt = gate.mutate(&mut env, |e| Embedding(e.0.iter().map(|x| x + 1.0).collect()))?; // proved, then installed
//! assert_eq!(env.attestation(&receipt)?.to_bytes().len(), 82); // 82 bytes, built on request
//! let (value, attestation) = gate.into_inner(&mut env)?; // no proof, no value
//! assert_eq!(value.0.len(), 3);
//! assert_eq!(attestation.to_bytes().len(), 82);
//! # Ok::<(), proofgate_core::GateError>(())
//! ```
#![forbid(unsafe_code)]

pub mod cache;
pub mod canonical;
mod coherence;
pub mod custom;
pub mod environment;
pub mod error;
mod explain;
pub mod export_builder;
pub mod gate;
pub mod gate_definitions;
pub mod invariant;
pub mod judge;
pub mod lean_prelude;
pub mod obligation;
pub mod receipt;
pub mod requirement;
mod statement;
pub mod term;
pub mod tier;

pub use coherence::decompose as decompose_f64;
pub use custom::CustomStatement;
pub use environment::{ProofEnvironment, Proved, Route, TierCounts, VERIFIER_VERSION};
pub use error::{GateError, ProofGateRejected};
pub use gate::ProofGate;
pub use obligation::Obligation;
/// The ledger and the attestation format it stores live in their own crate,
/// so an auditor can link them without the kernel; these keep the old paths.
/// The on-disk ledger is [`ledger::disk`]: [`ledger::disk::DiskLedger`]
/// (open, append, sync, proof files), [`ledger::disk::verify_dir`],
/// [`ledger::disk::checkpoint_of`]; signed checkpoints and proof files are
/// [`ledger::Checkpoint`], [`ledger::NoteSigner`] and [`ledger::ProofFile`]
/// (the README's "durably logged" example uses them all).
pub use proofgate_ledger as ledger;
pub use proofgate_ledger::attestation;
pub use proofgate_ledger::attestation::{
    ATTESTATION_SIZE, AttestationError, BasisPoints, ProofAttestation,
};
pub use proofgate_ledger::{Approval, subject_digest};
pub use receipt::ProofReceipt;
pub use requirement::{GateSubject, ProofRequirement};
pub use tier::{Attempt, ProofTier, TierConfig, TierFailure, Verdict, route_proof, verify_tiered};

/// This crate's README example, compiled and run as a doc test so it cannot
/// drift from the API (the workspace README's are tested by the benches
/// crate, which is never published).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

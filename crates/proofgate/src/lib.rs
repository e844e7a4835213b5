//! Proof-gated mutation.
//!
//! A value is reachable only when the kernel has checked a proof of its
//! requirement; every decision is recorded in a tamper-evident ledger. See
//! `ARCHITECTURE.md` at the workspace root.
#![forbid(unsafe_code)]

pub mod attestation;
pub mod ledger;

pub use attestation::{ATTESTATION_SIZE, AttestationError, BasisPoints, ProofAttestation};

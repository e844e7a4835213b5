//! What the ledger records, as plain data with its canonical bytes: the
//! leaf of the crate. Everything here depends only on this module, so the
//! crate reads bottom up: `record` -> `hash` -> `merkle`/`proof` ->
//! `mutation_ledger` (and its compaction, epochs, scopes) -> `disk`,
//! `proof_file`.
//!
//! [`digest`] (the 32-byte hash type), [`attestation`] (the 82 bytes the
//! gate issues), [`approval`] (an attestation with its subject and time),
//! [`seal`] (what a closed stretch of history commits to), [`sealing`]
//! (compaction seals, scope transitions), [`epoch`] (epoch boundaries),
//! [`supersession`] (rollback without deletion), [`entry`] (one ledger
//! position and its encoding).

pub mod approval;
pub mod attestation;
pub mod digest;
pub mod entry;
pub mod epoch;
pub mod seal;
pub mod sealing;
pub mod supersession;

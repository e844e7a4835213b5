//! Criterion benches of every proofgate crate live in `benches/benches/`;
//! this library only holds what several benches share: the perf-trap
//! generators ([`traps`]), issue 19's resource shapes ([`resource_shapes`]),
//! the export writer they use, and the gate
//! checks ([`gate_cases`]) the gate bench and its profiling example share.
#![forbid(unsafe_code)]

pub mod export_writer;
pub mod gate_cases;
pub mod resource_shapes;
pub mod traps;

/// The workspace README's Rust examples, compiled and run as doc tests so
/// they cannot drift from the API. They live here, in the one crate that is
/// never published, because a published crate's package holds only its own
/// directory.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct WorkspaceReadmeDoctests;

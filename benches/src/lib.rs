//! Criterion benches of every proofgate crate live in `benches/benches/`;
//! this library only holds what several benches share: the perf-trap
//! generators ([`traps`]) and the export writer they use.
#![forbid(unsafe_code)]

pub mod export_writer;
pub mod traps;

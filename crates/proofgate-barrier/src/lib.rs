//! The provisioning readiness barrier engine (layer L4).
//!
//! `n` hosts are provisioned concurrently; each ends [`HostState::Ready`] or
//! [`HostState::Failed`]. A readiness barrier decides when the cluster may
//! converge: proceed iff the evidence satisfies a declared [`Policy`], fail
//! once no host is provisioning and the policy does not hold, otherwise wait.
//!
//! The names mirror the Lean model in `lean/` one to one (`HostState`,
//! `Phase`, the policies `StrictAll`/`AtLeast`/`Percent`/`MaxFailures`/`Both`,
//! and the gate `decide` returning `Converge`/`Fail`/`Wait`). The Lean
//! theorems are checked on this engine by the property tests in
//! `tests/theorems.rs`, one test per theorem, under the same name.
//!
//! Layout, one concept per module:
//! - [`host`]: host states and cluster phases;
//! - [`evidence`], [`policy`], [`gate`]: what the gate sees, what it requires,
//!   and the decision;
//! - [`event`], [`cluster`], [`error`]: the state machine and its typed refusals;
//! - [`controller`]: the eager and settled controllers that drive a cluster,
//!   with the [`controller::ConvergeAuthority`] hook a Converge passes through;
//! - [`schedule`], [`scenario`]: seeded failure patterns and named scenarios;
//! - [`checker`]: the streaming invariant checker, independent of the engine;
//! - [`suite`]: the fuzz suite that runs scenarios through both;
//! - [`trace`]: the line format shared with the Lean oracle;
//! - `proof_gate` (feature `gate`): the policies as proofgate gate
//!   requirements, and the gate-backed converge authority.
//!
//! The gate on its own: 10 hosts, 9 ready, 1 still provisioning.
//!
//! ```
//! use proofgate_barrier::evidence::Evidence;
//! use proofgate_barrier::gate::{Decision, decide};
//! use proofgate_barrier::policy::Policy;
//!
//! let evidence = Evidence { hosts: 10, ready: 9, failed: 0, provisioning: 1 };
//! assert_eq!(decide(&Policy::Percent(90), &evidence), Decision::Converge); // 90 * 10 <= 100 * 9
//! assert_eq!(decide(&Policy::StrictAll, &evidence), Decision::Wait); // one host may still come up
//! let done = Evidence { provisioning: 0, failed: 1, ..evidence };
//! assert_eq!(decide(&Policy::StrictAll, &done), Decision::Fail); // no host left to wait for
//! ```
#![forbid(unsafe_code)]

#[cfg(feature = "gate")]
pub mod proof_gate;

pub mod checker;
pub mod cluster;
pub mod controller;
pub mod error;
pub mod event;
pub mod evidence;
pub mod gate;
pub mod host;
pub mod policy;
pub mod scenario;
pub mod schedule;
pub mod suite;
pub mod trace;

pub use cluster::Cluster;
pub use controller::Controller;
pub use error::StepError;
pub use event::{Event, Outcome};
pub use evidence::Evidence;
pub use gate::{Decision, decide};
pub use host::{HostState, Phase};
pub use policy::Policy;

/// This crate's README example, compiled and run as a doc test so it cannot
/// drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

//! Typed refusals of the state machine.

use crate::gate::Decision;
use crate::host::{HostState, Phase};
use thiserror::Error;

/// An event the model does not allow. The cluster is left untouched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum StepError {
    /// The event is not allowed in the current phase (a report before
    /// fan-out, anything after the end, a second fan-out).
    #[error("{event} is not allowed in phase {}", phase.name())]
    WrongPhase {
        /// The refused event's name.
        event: &'static str,
        /// The phase the cluster is in.
        phase: Phase,
    },
    /// A report names a host that does not exist.
    #[error("host {host} is out of range (the cluster has {hosts} hosts)")]
    HostOutOfRange {
        /// The host index reported.
        host: u64,
        /// Number of hosts.
        hosts: u64,
    },
    /// A host reported twice.
    #[error("host {host} already reported ({state:?})")]
    AlreadyReported {
        /// The host index reported.
        host: u64,
        /// The state it already has.
        state: HostState,
    },
    /// `proceed` or `fail` asked for against the gate's decision.
    #[error("{event} is not what the gate decides ({})", decision.name())]
    GateDisagrees {
        /// `"proceed"` or `"fail"`.
        event: &'static str,
        /// What the gate decided.
        decision: Decision,
    },
}

/// A cluster that cannot be allocated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum CapacityError {
    /// The host count does not fit in memory (one byte per host).
    #[error("cannot allocate state for {hosts} hosts (one byte each)")]
    TooManyHosts {
        /// The requested host count.
        hosts: u64,
    },
}

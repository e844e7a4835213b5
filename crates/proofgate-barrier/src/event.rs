//! Events of the state machine (Lean `Event`).

use crate::host::HostState;

/// How a host ended its provisioning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The host is ready.
    Ready,
    /// The host failed.
    Failed,
}

impl Outcome {
    /// The host state a report with this outcome leaves.
    #[must_use]
    pub fn state(self) -> HostState {
        match self {
            Outcome::Ready => HostState::Ready,
            Outcome::Failed => HostState::Failed,
        }
    }

    /// The name used in traces (`"ready"`, `"failed"`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Ready => "ready",
            Outcome::Failed => "failed",
        }
    }
}

/// One step of the barrier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Event {
    /// Imaging is done: hosts start reporting (Imaging -> Barrier).
    FanOut,
    /// Host `host` (0-based) reports its outcome.
    Report {
        /// The host index, `< n` to be legal.
        host: u64,
        /// Ready or failed.
        outcome: Outcome,
    },
    /// Converge, allowed only when the gate says `Converge`.
    Proceed,
    /// Give up, allowed only when the gate says `Fail`.
    Fail,
}

impl Event {
    /// The event's name, for messages.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Event::FanOut => "fan_out",
            Event::Report { .. } => "report",
            Event::Proceed => "proceed",
            Event::Fail => "fail",
        }
    }
}

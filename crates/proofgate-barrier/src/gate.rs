//! The gate (Lean `decide`): Converge, Fail or Wait.

use crate::evidence::Evidence;
use crate::policy::Policy;

/// What the gate says about the current evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// The policy holds: the cluster may converge.
    Converge,
    /// The policy does not hold and no host is left to report.
    Fail,
    /// The policy does not hold yet and some host may still report.
    Wait,
}

impl Decision {
    /// The name used in traces (`"converge"`, `"fail"`, `"wait"`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Decision::Converge => "converge",
            Decision::Fail => "fail",
            Decision::Wait => "wait",
        }
    }
}

/// The gate: `Converge` if the policy holds, else `Fail` if no host is still
/// provisioning, else `Wait`. O(1) for every policy but `Both`, which is
/// linear in its size.
#[inline]
#[must_use]
pub fn decide(policy: &Policy, evidence: &Evidence) -> Decision {
    if policy.holds(evidence) {
        Decision::Converge
    } else if evidence.provisioning == 0 {
        Decision::Fail
    } else {
        Decision::Wait
    }
}

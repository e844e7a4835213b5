//! The cluster state machine (Lean `State` and `step`).

use crate::error::{CapacityError, StepError};
use crate::event::{Event, Outcome};
use crate::evidence::Evidence;
use crate::gate::{Decision, decide};
use crate::host::{HostState, Phase};
use crate::policy::Policy;

/// One byte per host plus counts kept incrementally, so a report and a gate
/// decision are O(1).
///
/// Invariant (checked by `tests/theorems.rs`): the counts equal a recount of
/// `hosts`, and `ready + failed + provisioning == n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    hosts: Vec<HostState>,
    phase: Phase,
    ready: u64,
    failed: u64,
    provisioning: u64,
}

impl Cluster {
    /// The initial state: `n` hosts provisioning, phase `Imaging`.
    ///
    /// Refuses (rather than aborting) when `n` bytes cannot be allocated.
    pub fn new(n: u64) -> Result<Self, CapacityError> {
        let too_many = CapacityError::TooManyHosts { hosts: n };
        let len = usize::try_from(n).map_err(|_| too_many)?;
        let mut hosts = Vec::new();
        hosts.try_reserve_exact(len).map_err(|_| too_many)?;
        hosts.resize(len, HostState::Provisioning);
        Ok(Cluster {
            hosts,
            phase: Phase::Imaging,
            ready: 0,
            failed: 0,
            provisioning: n,
        })
    }

    /// Back to the initial state, keeping the allocation (runs reuse it).
    pub fn reset(&mut self) {
        self.hosts.fill(HostState::Provisioning);
        self.phase = Phase::Imaging;
        self.ready = 0;
        self.failed = 0;
        self.provisioning = self.hosts.len() as u64;
    }

    /// Number of hosts `n`.
    #[must_use]
    pub fn hosts(&self) -> u64 {
        self.hosts.len() as u64
    }

    /// The current phase.
    #[must_use]
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The state of host `i`, or `None` when out of range.
    #[must_use]
    pub fn host(&self, i: u64) -> Option<HostState> {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.hosts.get(i))
            .copied()
    }

    /// The counts the gate decides on.
    #[inline]
    #[must_use]
    pub fn evidence(&self) -> Evidence {
        Evidence {
            hosts: self.hosts(),
            ready: self.ready,
            failed: self.failed,
            provisioning: self.provisioning,
        }
    }

    /// The gate's decision on the current evidence.
    #[inline]
    #[must_use]
    pub fn decision(&self, policy: &Policy) -> Decision {
        decide(policy, &self.evidence())
    }

    /// A host still provisioning, if any (Lean `exists_prov`: a positive
    /// provisioning count yields such an index). Linear scan.
    #[must_use]
    pub fn provisioning_host(&self) -> Option<u64> {
        if self.provisioning == 0 {
            return None;
        }
        self.hosts
            .iter()
            .position(|s| *s == HostState::Provisioning)
            .map(|i| i as u64)
    }

    /// Applies one event, or refuses it with the state untouched.
    pub fn step(&mut self, policy: &Policy, event: Event) -> Result<(), StepError> {
        match event {
            Event::FanOut => self.fan_out(),
            Event::Report { host, outcome } => self.report(host, outcome),
            Event::Proceed => self.proceed(policy),
            Event::Fail => self.fail(policy),
        }
    }

    /// `fan_out`: Imaging -> Barrier.
    pub fn fan_out(&mut self) -> Result<(), StepError> {
        self.require_phase("fan_out", Phase::Imaging)?;
        self.phase = Phase::Barrier;
        Ok(())
    }

    /// `report(host, outcome)`: only in Barrier, only for a host still
    /// provisioning.
    #[inline]
    pub fn report(&mut self, host: u64, outcome: Outcome) -> Result<(), StepError> {
        self.require_phase("report", Phase::Barrier)?;
        let hosts = self.hosts();
        let slot = usize::try_from(host)
            .ok()
            .and_then(|i| self.hosts.get_mut(i))
            .ok_or(StepError::HostOutOfRange { host, hosts })?;
        if *slot != HostState::Provisioning {
            return Err(StepError::AlreadyReported { host, state: *slot });
        }
        *slot = outcome.state();
        self.provisioning -= 1;
        match outcome {
            Outcome::Ready => self.ready += 1,
            Outcome::Failed => self.failed += 1,
        }
        Ok(())
    }

    /// `proceed`: Barrier -> Converge, only when the gate says `Converge`.
    pub fn proceed(&mut self, policy: &Policy) -> Result<(), StepError> {
        self.require_phase("proceed", Phase::Barrier)?;
        self.require_decision("proceed", policy, Decision::Converge)?;
        self.phase = Phase::Converge;
        Ok(())
    }

    /// `fail`: Barrier -> Failed, only when the gate says `Fail`.
    pub fn fail(&mut self, policy: &Policy) -> Result<(), StepError> {
        self.require_phase("fail", Phase::Barrier)?;
        self.require_decision("fail", policy, Decision::Fail)?;
        self.phase = Phase::Failed;
        Ok(())
    }

    fn require_phase(&self, event: &'static str, phase: Phase) -> Result<(), StepError> {
        if self.phase == phase {
            Ok(())
        } else {
            Err(StepError::WrongPhase {
                event,
                phase: self.phase,
            })
        }
    }

    fn require_decision(
        &self,
        event: &'static str,
        policy: &Policy,
        wanted: Decision,
    ) -> Result<(), StepError> {
        let decision = self.decision(policy);
        if decision == wanted {
            Ok(())
        } else {
            Err(StepError::GateDisagrees { event, decision })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn barrier(n: u64) -> Cluster {
        let mut c = Cluster::new(n).unwrap();
        c.fan_out().unwrap();
        c
    }

    #[test]
    fn new_cluster_is_imaging_with_every_host_provisioning() {
        let c = Cluster::new(3).unwrap();
        assert_eq!(c.phase(), Phase::Imaging);
        assert_eq!(
            c.evidence(),
            Evidence {
                hosts: 3,
                ready: 0,
                failed: 0,
                provisioning: 3
            }
        );
        assert_eq!(c.provisioning_host(), Some(0));
    }

    #[test]
    fn fan_out_moves_imaging_to_barrier_once() {
        let mut c = Cluster::new(2).unwrap();
        c.fan_out().unwrap();
        assert_eq!(c.phase(), Phase::Barrier);
        let before = c.clone();
        assert_eq!(
            c.fan_out(),
            Err(StepError::WrongPhase {
                event: "fan_out",
                phase: Phase::Barrier
            })
        );
        assert_eq!(c, before);
    }

    #[test]
    fn report_ready_and_failed_update_counts() {
        let mut c = barrier(3);
        c.report(1, Outcome::Ready).unwrap();
        c.report(2, Outcome::Failed).unwrap();
        assert_eq!(c.host(1), Some(HostState::Ready));
        assert_eq!(c.host(2), Some(HostState::Failed));
        assert_eq!(c.host(0), Some(HostState::Provisioning));
        let e = c.evidence();
        assert_eq!((e.ready, e.failed, e.provisioning), (1, 1, 1));
        assert_eq!(c.provisioning_host(), Some(0));
    }

    #[test]
    fn report_before_fan_out_is_refused() {
        let mut c = Cluster::new(2).unwrap();
        let before = c.clone();
        assert_eq!(
            c.report(0, Outcome::Ready),
            Err(StepError::WrongPhase {
                event: "report",
                phase: Phase::Imaging
            })
        );
        assert_eq!(c, before);
    }

    #[test]
    fn second_report_is_refused() {
        let mut c = barrier(2);
        c.report(0, Outcome::Failed).unwrap();
        let before = c.clone();
        assert_eq!(
            c.report(0, Outcome::Ready),
            Err(StepError::AlreadyReported {
                host: 0,
                state: HostState::Failed
            })
        );
        assert_eq!(c, before);
    }

    #[test]
    fn out_of_range_host_is_refused() {
        let mut c = barrier(2);
        let before = c.clone();
        assert_eq!(
            c.report(2, Outcome::Ready),
            Err(StepError::HostOutOfRange { host: 2, hosts: 2 })
        );
        assert_eq!(
            c.report(u64::MAX, Outcome::Ready),
            Err(StepError::HostOutOfRange {
                host: u64::MAX,
                hosts: 2
            })
        );
        assert_eq!(c, before);
    }

    #[test]
    fn proceed_only_when_the_gate_says_converge() {
        let mut c = barrier(2);
        let p = Policy::AtLeast(1);
        assert_eq!(
            c.proceed(&p),
            Err(StepError::GateDisagrees {
                event: "proceed",
                decision: Decision::Wait
            })
        );
        c.report(0, Outcome::Ready).unwrap();
        c.proceed(&p).unwrap();
        assert_eq!(c.phase(), Phase::Converge);
    }

    #[test]
    fn fail_only_when_the_gate_says_fail() {
        let mut c = barrier(1);
        let p = Policy::StrictAll;
        assert_eq!(
            c.fail(&p),
            Err(StepError::GateDisagrees {
                event: "fail",
                decision: Decision::Wait
            })
        );
        c.report(0, Outcome::Failed).unwrap();
        assert_eq!(
            c.proceed(&p),
            Err(StepError::GateDisagrees {
                event: "proceed",
                decision: Decision::Fail
            })
        );
        c.fail(&p).unwrap();
        assert_eq!(c.phase(), Phase::Failed);
    }

    #[test]
    fn proceed_and_fail_before_fan_out_are_refused() {
        let mut c = Cluster::new(0).unwrap();
        let p = Policy::AtLeast(0);
        assert!(matches!(c.proceed(&p), Err(StepError::WrongPhase { .. })));
        assert!(matches!(c.fail(&p), Err(StepError::WrongPhase { .. })));
    }

    #[test]
    fn nothing_leaves_a_terminal_phase() {
        let p = Policy::AtLeast(0);
        let mut c = barrier(2);
        c.proceed(&p).unwrap();
        let before = c.clone();
        for e in [
            Event::FanOut,
            Event::Report {
                host: 0,
                outcome: Outcome::Ready,
            },
            Event::Proceed,
            Event::Fail,
        ] {
            assert!(matches!(
                c.step(&p, e),
                Err(StepError::WrongPhase {
                    phase: Phase::Converge,
                    ..
                })
            ));
            assert_eq!(c, before);
        }
    }

    #[test]
    fn empty_cluster_converges_under_strict_all() {
        let mut c = barrier(0);
        assert_eq!(c.decision(&Policy::StrictAll), Decision::Converge);
        c.proceed(&Policy::StrictAll).unwrap();
    }

    #[test]
    fn absurd_host_count_is_a_typed_error() {
        assert_eq!(
            Cluster::new(u64::MAX),
            Err(CapacityError::TooManyHosts { hosts: u64::MAX })
        );
    }

    #[test]
    fn reset_restores_the_initial_state() {
        let mut c = barrier(3);
        c.report(0, Outcome::Ready).unwrap();
        c.reset();
        assert_eq!(c, Cluster::new(3).unwrap());
    }
}

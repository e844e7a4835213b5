//! The streaming invariant checker.
//!
//! It watches the events a controller applies and re-derives every invariant
//! from them with its own counts, its own per-host record (one bit per host),
//! its own phase and its own policy evaluation. It never trusts the engine's
//! decisions: the engine's counts and phase are only compared against the
//! checker's. Memory: `n / 8` bytes; work: O(1) per event.

use crate::cluster::Cluster;
use crate::controller::{Controller, Observer, RunOutcome};
use crate::event::{Event, Outcome};
use crate::host::Phase;
use crate::policy::Policy;

/// Which invariant a violation breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ViolationKind {
    /// An event the model does not allow was applied.
    Illegal,
    /// `ready + failed + provisioning != n` in the engine's evidence.
    Partition,
    /// The engine's counts differ from the checker's.
    CountMismatch,
    /// The engine's phase differs from the checker's.
    PhaseMismatch,
    /// `ready` decreased.
    ReadyDecreased,
    /// `failed` decreased.
    FailedDecreased,
    /// A Converge with the policy false of the evidence.
    UnsafeConverge,
    /// A Fail with a host provisioning or the policy true.
    UnsoundFail,
    /// More than `n + 2` events, or the run ended outside a terminal phase.
    NoTermination,
    /// A stable policy's outcome differs from its value on the final evidence.
    StablePrediction,
    /// The eager controller let a report through after the gate could decide.
    EagerLate,
    /// The settled controller decided while hosts were provisioning.
    SettledEarly,
    /// The run's failures differ from what the scenario asked for.
    ScheduleMismatch,
    /// Eager and settled disagree on a stable policy.
    ControllerDisagreement,
    /// The controller stopped with an error.
    RunError,
}

impl ViolationKind {
    /// A short name for tables and JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ViolationKind::Illegal => "illegal",
            ViolationKind::Partition => "partition",
            ViolationKind::CountMismatch => "count_update",
            ViolationKind::PhaseMismatch => "phase",
            ViolationKind::ReadyDecreased => "ready_mono",
            ViolationKind::FailedDecreased => "failed_mono",
            ViolationKind::UnsafeConverge => "safety",
            ViolationKind::UnsoundFail => "fail_sound",
            ViolationKind::NoTermination => "termination",
            ViolationKind::StablePrediction => "stable_prediction",
            ViolationKind::EagerLate => "eager_late",
            ViolationKind::SettledEarly => "settled_early",
            ViolationKind::ScheduleMismatch => "schedule",
            ViolationKind::ControllerDisagreement => "controller_agreement",
            ViolationKind::RunError => "run_error",
        }
    }
}

/// One broken invariant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Which invariant.
    pub kind: ViolationKind,
    /// The step (event index, 1-based; 0 for the whole run) where it showed.
    pub step: u64,
    /// What was seen.
    pub detail: String,
}

/// At most this many violations are kept per run; the rest are only counted.
const KEPT: usize = 8;

/// Checks one run as it happens. Feed it as the controller's [`Observer`],
/// then call [`Checker::finish`].
#[derive(Clone, Debug)]
pub struct Checker {
    hosts: u64,
    policy: Policy,
    requirement: Requirement,
    controller: Controller,
    expected_failures: u64,
    seen: Vec<u64>,
    ready: u64,
    failed: u64,
    phase: Phase,
    step: u64,
    last_ready: u64,
    last_failed: u64,
    gate_could_decide: bool,
    violations: Vec<Violation>,
    violation_count: u64,
}

impl Checker {
    /// A checker for a run of `hosts` hosts under `policy`, driven by
    /// `controller`, whose schedule fails exactly `expected_failures` hosts.
    #[must_use]
    pub fn new(
        hosts: u64,
        policy: &Policy,
        controller: Controller,
        expected_failures: u64,
    ) -> Self {
        let words = usize::try_from(hosts.div_ceil(64)).unwrap_or(usize::MAX);
        Checker {
            hosts,
            policy: policy.clone(),
            requirement: Requirement::of(policy, hosts),
            controller,
            expected_failures,
            seen: vec![0; words],
            ready: 0,
            failed: 0,
            phase: Phase::Imaging,
            step: 0,
            last_ready: 0,
            last_failed: 0,
            gate_could_decide: false,
            violations: Vec::new(),
            violation_count: 0,
        }
    }

    /// Ready for another run with the same shape, keeping the allocation.
    pub fn reset(&mut self, policy: &Policy, controller: Controller, expected_failures: u64) {
        self.seen.fill(0);
        self.policy.clone_from(policy);
        self.requirement = Requirement::of(policy, self.hosts);
        self.controller = controller;
        self.expected_failures = expected_failures;
        self.ready = 0;
        self.failed = 0;
        self.phase = Phase::Imaging;
        self.step = 0;
        self.last_ready = 0;
        self.last_failed = 0;
        self.gate_could_decide = false;
        self.violations.clear();
        self.violation_count = 0;
    }

    // Violations are rare: keeping their formatting out of line keeps the
    // per-event path small enough to inline.
    #[cold]
    #[inline(never)]
    fn flag(&mut self, kind: ViolationKind, detail: impl FnOnce() -> String) {
        self.violation_count += 1;
        if self.violations.len() < KEPT {
            self.violations.push(Violation {
                kind,
                step: self.step,
                detail: detail(),
            });
        }
    }

    fn provisioning(&self) -> u64 {
        self.hosts - self.ready - self.failed
    }

    /// The checker's own reading of the policy on its own counts.
    #[inline]
    fn policy_holds(&self) -> bool {
        self.requirement.met(self.ready, self.failed)
    }

    /// Applies the event to the checker's own model; false if it is illegal.
    #[inline(always)]
    fn apply(&mut self, event: Event) -> bool {
        match (self.phase, event) {
            (Phase::Imaging, Event::FanOut) => self.phase = Phase::Barrier,
            (Phase::Barrier, Event::Report { host, outcome }) => {
                if host >= self.hosts {
                    return false;
                }
                let (word, bit) = ((host / 64) as usize, 1u64 << (host % 64));
                if self.seen[word] & bit != 0 {
                    return false;
                }
                self.seen[word] |= bit;
                match outcome {
                    Outcome::Ready => self.ready += 1,
                    Outcome::Failed => self.failed += 1,
                }
            }
            (Phase::Barrier, Event::Proceed) => {
                if !self.policy_holds() {
                    let (r, f) = (self.ready, self.failed);
                    self.flag(ViolationKind::UnsafeConverge, || {
                        format!("converged with ready={r} failed={f}, policy false")
                    });
                }
                if self.controller == Controller::Settled && self.provisioning() > 0 {
                    let p = self.provisioning();
                    self.flag(ViolationKind::SettledEarly, || {
                        format!("settled controller converged with {p} hosts provisioning")
                    });
                }
                self.phase = Phase::Converge;
            }
            (Phase::Barrier, Event::Fail) => {
                if self.provisioning() != 0 || self.policy_holds() {
                    let (p, holds) = (self.provisioning(), self.policy_holds());
                    self.flag(ViolationKind::UnsoundFail, || {
                        format!("failed with {p} hosts provisioning, policy {holds}")
                    });
                }
                self.phase = Phase::Failed;
            }
            _ => return false,
        }
        true
    }

    #[inline(always)]
    fn observe_event(&mut self, event: Event, cluster: &Cluster) {
        self.step += 1;
        if self.step > self.hosts.saturating_add(2) {
            let s = self.step;
            self.flag(ViolationKind::NoTermination, || {
                format!("step {s} exceeds n + 2")
            });
        }
        if self.gate_could_decide && matches!(event, Event::Report { .. }) {
            self.flag(ViolationKind::EagerLate, || {
                "eager controller took a report after the gate could decide".to_owned()
            });
        }
        if !self.apply(event) {
            let phase = self.phase;
            self.flag(ViolationKind::Illegal, || {
                format!("{event:?} applied in phase {}", phase.name())
            });
        }
        let e = cluster.evidence();
        if u128::from(e.ready) + u128::from(e.failed) + u128::from(e.provisioning)
            != u128::from(e.hosts)
        {
            self.flag(ViolationKind::Partition, || format!("{e:?}"));
        }
        if (e.hosts, e.ready, e.failed) != (self.hosts, self.ready, self.failed) {
            let (r, f) = (self.ready, self.failed);
            self.flag(ViolationKind::CountMismatch, || {
                format!("engine says {e:?}, checker counts ready={r} failed={f}")
            });
        }
        if cluster.phase() != self.phase {
            let own = self.phase;
            self.flag(ViolationKind::PhaseMismatch, || {
                format!(
                    "engine in {}, checker in {}",
                    cluster.phase().name(),
                    own.name()
                )
            });
        }
        if e.ready < self.last_ready {
            let last = self.last_ready;
            self.flag(ViolationKind::ReadyDecreased, || {
                format!("ready {last} -> {}", e.ready)
            });
        }
        if e.failed < self.last_failed {
            let last = self.last_failed;
            self.flag(ViolationKind::FailedDecreased, || {
                format!("failed {last} -> {}", e.failed)
            });
        }
        self.last_ready = e.ready;
        self.last_failed = e.failed;
        self.gate_could_decide = self.controller == Controller::Eager
            && self.phase == Phase::Barrier
            && (self.policy_holds() || self.provisioning() == 0);
    }

    /// Ends the run: checks termination, the stable-policy prediction and the
    /// schedule, and returns the outcome the checker saw (`None` if the run
    /// did not end in a terminal phase).
    pub fn finish(&mut self) -> Option<RunOutcome> {
        self.step_zero();
        let outcome = match self.phase {
            Phase::Converge => Some(RunOutcome::Converged),
            Phase::Failed => Some(RunOutcome::Failed),
            Phase::Imaging | Phase::Barrier => {
                let phase = self.phase;
                self.flag(ViolationKind::NoTermination, || {
                    format!("run ended in phase {}", phase.name())
                });
                None
            }
        };
        if self.provisioning() == 0 && self.failed != self.expected_failures {
            let (got, want) = (self.failed, self.expected_failures);
            self.flag(ViolationKind::ScheduleMismatch, || {
                format!("{got} hosts failed, the scenario fails {want}")
            });
        }
        if let Some(outcome) = outcome
            && stable(&self.policy)
        {
            let k = self.expected_failures.min(self.hosts);
            let predicted = self.requirement.met(self.hosts - k, k);
            if predicted != (outcome == RunOutcome::Converged) {
                self.flag(ViolationKind::StablePrediction, || {
                    format!(
                        "stable policy, final evidence says converge={predicted}, run {outcome:?}"
                    )
                });
            }
        }
        outcome
    }

    fn step_zero(&mut self) {
        self.step = 0;
    }

    /// Records a violation found outside the event stream (a run error, a
    /// controller disagreement).
    pub fn record(&mut self, kind: ViolationKind, detail: String) {
        self.step_zero();
        self.flag(kind, || detail);
    }

    /// Violations kept (at most a few per run).
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// All violations found, kept or not.
    #[must_use]
    pub fn violation_count(&self) -> u64 {
        self.violation_count
    }
}

impl Observer for Checker {
    #[inline(always)]
    fn observe(&mut self, event: Event, cluster: &Cluster) {
        self.observe_event(event, cluster);
    }
}

/// The checker's own reading of a policy, derived apart from
/// [`Policy::holds`]: every policy is a conjunction of lower bounds on
/// `ready` and upper bounds on `failed`, so it reduces to one of each.
/// `Percent(p)` becomes "ready reaches the ceiling of p% of n", computed once
/// with a division, where the engine multiplies on every decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// Least number of ready hosts.
    pub min_ready: u128,
    /// Most failed hosts allowed.
    pub max_failed: u64,
}

impl Requirement {
    /// The requirement `policy` puts on a cluster of `hosts` hosts.
    #[must_use]
    pub fn of(policy: &Policy, hosts: u64) -> Self {
        match policy {
            Policy::StrictAll => Requirement::ready(u128::from(hosts)),
            Policy::AtLeast(t) => Requirement::ready(u128::from(*t)),
            Policy::Percent(p) => {
                Requirement::ready((u128::from(*p) * u128::from(hosts)).div_ceil(100))
            }
            Policy::MaxFailures(k) => Requirement {
                min_ready: 0,
                max_failed: *k,
            },
            Policy::Both(a, b) => {
                let (a, b) = (Requirement::of(a, hosts), Requirement::of(b, hosts));
                Requirement {
                    min_ready: a.min_ready.max(b.min_ready),
                    max_failed: a.max_failed.min(b.max_failed),
                }
            }
        }
    }

    fn ready(min_ready: u128) -> Self {
        Requirement {
            min_ready,
            max_failed: u64::MAX,
        }
    }

    /// Whether counts `ready`, `failed` meet it.
    #[inline]
    #[must_use]
    pub fn met(&self, ready: u64, failed: u64) -> bool {
        u128::from(ready) >= self.min_ready && failed <= self.max_failed
    }
}

/// The checker's own notion of stability: a policy that reads only `ready`.
#[must_use]
pub fn stable(policy: &Policy) -> bool {
    match policy {
        Policy::MaxFailures(_) => false,
        Policy::Both(a, b) => stable(a) && stable(b),
        Policy::StrictAll | Policy::AtLeast(_) | Policy::Percent(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controller::{Unconditional, run};
    use crate::schedule::{Arrangement, HostOrder, Schedule};
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn schedule(hosts: u64, failures: u64, arrangement: Arrangement) -> Schedule {
        Schedule::new(
            hosts,
            failures,
            HostOrder::Shuffled,
            arrangement,
            &mut ChaCha8Rng::seed_from_u64(1),
        )
    }

    /// Drives a run under `engine_policy` while the checker believes `told`.
    fn check(
        engine_policy: &Policy,
        told: &Policy,
        controller: Controller,
        told_controller: Controller,
        s: &Schedule,
        told_failures: u64,
    ) -> Checker {
        let mut cluster = Cluster::new(s.hosts()).unwrap();
        let mut checker = Checker::new(s.hosts(), told, told_controller, told_failures);
        run(
            controller,
            &mut cluster,
            engine_policy,
            s.reports(),
            &mut checker,
            &mut Unconditional,
        )
        .unwrap();
        checker.finish();
        checker
    }

    fn kinds(c: &Checker) -> Vec<ViolationKind> {
        c.violations().iter().map(|v| v.kind).collect()
    }

    #[test]
    fn an_honest_run_has_no_violation() {
        let s = schedule(50, 10, Arrangement::Random);
        for controller in [Controller::Eager, Controller::Settled] {
            let p = Policy::both(Policy::Percent(70), Policy::MaxFailures(12));
            let c = check(&p, &p, controller, controller, &s, 10);
            assert_eq!(c.violation_count(), 0, "{:?}", c.violations());
        }
    }

    #[test]
    fn a_converge_the_policy_does_not_allow_is_unsafe() {
        let s = schedule(20, 0, Arrangement::Random);
        let c = check(
            &Policy::AtLeast(1),
            &Policy::StrictAll,
            Controller::Eager,
            Controller::Eager,
            &s,
            0,
        );
        assert!(
            kinds(&c).contains(&ViolationKind::UnsafeConverge),
            "{:?}",
            c.violations()
        );
    }

    #[test]
    fn a_fail_the_policy_does_not_allow_is_unsound() {
        let s = schedule(20, 20, Arrangement::Random);
        let c = check(
            &Policy::AtLeast(1),
            &Policy::AtLeast(0),
            Controller::Settled,
            Controller::Settled,
            &s,
            20,
        );
        assert!(
            kinds(&c).contains(&ViolationKind::UnsoundFail),
            "{:?}",
            c.violations()
        );
    }

    #[test]
    fn a_late_eager_decision_and_an_early_settled_one_are_caught() {
        let s = schedule(20, 0, Arrangement::Random);
        let p = Policy::AtLeast(5);
        let late = check(&p, &p, Controller::Settled, Controller::Eager, &s, 0);
        assert!(kinds(&late).contains(&ViolationKind::EagerLate));
        let early = check(&p, &p, Controller::Eager, Controller::Settled, &s, 0);
        assert!(kinds(&early).contains(&ViolationKind::SettledEarly));
    }

    #[test]
    fn a_wrong_failure_count_breaks_the_schedule_and_the_prediction() {
        let s = schedule(20, 5, Arrangement::FailuresFirst);
        let p = Policy::Percent(80);
        // 15 of 20 ready fails 80%; a checker told "no failures" predicts converge.
        let c = check(&p, &p, Controller::Settled, Controller::Settled, &s, 0);
        assert!(kinds(&c).contains(&ViolationKind::ScheduleMismatch));
        assert!(kinds(&c).contains(&ViolationKind::StablePrediction));
    }

    #[test]
    fn events_the_engine_did_not_apply_are_caught() {
        let p = Policy::StrictAll;
        let mut cluster = Cluster::new(3).unwrap();
        let mut checker = Checker::new(3, &p, Controller::Settled, 0);
        let ready = |host| Event::Report {
            host,
            outcome: Outcome::Ready,
        };
        // A report before fan-out is illegal.
        checker.observe(ready(0), &cluster);
        cluster.fan_out().unwrap();
        checker.observe(Event::FanOut, &cluster);
        // A report the engine never applied: the counts disagree.
        checker.observe(ready(1), &cluster);
        // A second report from host 1, and one from a host that does not exist.
        checker.observe(ready(1), &cluster);
        checker.observe(ready(3), &cluster);
        let k = kinds(&checker);
        assert_eq!(
            k,
            [
                ViolationKind::Illegal,
                ViolationKind::CountMismatch,
                ViolationKind::Illegal,
                ViolationKind::CountMismatch,
                ViolationKind::Illegal,
                ViolationKind::CountMismatch,
            ]
        );
        assert_eq!(checker.finish(), None);
        assert!(kinds(&checker).contains(&ViolationKind::NoTermination));
    }

    #[test]
    fn requirement_agrees_with_the_engine_at_the_boundaries() {
        for hosts in 0..=30u64 {
            for p in 0..=100u64 {
                let req = Requirement::of(&Policy::Percent(p), hosts);
                for ready in 0..=hosts {
                    let e = crate::Evidence::settled(hosts, hosts - ready);
                    assert_eq!(
                        req.met(ready, hosts - ready),
                        Policy::Percent(p).holds(&e),
                        "{p}% of {hosts}, {ready}"
                    );
                }
            }
        }
    }
}

//! Controllers: who feeds reports to the cluster and when the gate is asked.
//!
//! Both controllers only ever use legal events; the engine would refuse any
//! other. They differ in timing: `Eager` consults the gate after fan-out and
//! after every report (as the research engine does); `Settled` waits until
//! every host has reported. Safety is the same; for stable policies the
//! outcome is the same too (checked by the suite).

use crate::cluster::Cluster;
use crate::error::StepError;
use crate::event::{Event, Outcome};
use crate::evidence::Evidence;
use crate::gate::Decision;
use crate::host::Phase;
use crate::policy::Policy;
use thiserror::Error;

/// When the controller consults the gate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Controller {
    /// After fan-out and after every report.
    Eager,
    /// Only once every host has reported.
    Settled,
}

impl Controller {
    /// The name used on the command line and in reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Controller::Eager => "eager",
            Controller::Settled => "settled",
        }
    }
}

/// Authorises a Converge before the controller applies `proceed`.
///
/// This is where a proof gate (and later the ledger) plugs in: the controller
/// has already checked the barrier's own gate, and asks the authority for the
/// final word. [`Unconditional`] is the authority of the fuzz suite.
pub trait ConvergeAuthority {
    /// `Ok(())` to let the cluster converge on this evidence, or the reason
    /// it may not.
    fn authorise(&mut self, policy: &Policy, evidence: &Evidence) -> Result<(), String>;
}

/// Authorises every Converge the barrier's gate allows.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unconditional;

impl ConvergeAuthority for Unconditional {
    fn authorise(&mut self, _policy: &Policy, _evidence: &Evidence) -> Result<(), String> {
        Ok(())
    }
}

/// Sees every event the controller applies, with the state after it.
pub trait Observer {
    /// Called after `event` was applied to `cluster`.
    fn observe(&mut self, event: Event, cluster: &Cluster);
}

/// An observer that ignores everything.
impl Observer for () {
    #[inline]
    fn observe(&mut self, _event: Event, _cluster: &Cluster) {}
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RunOutcome {
    /// The cluster converged.
    Converged,
    /// The barrier failed.
    Failed,
}

/// What a finished run looked like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunSummary {
    /// Converged or failed.
    pub outcome: RunOutcome,
    /// Events applied, fan-out and the final decision included.
    pub steps: u64,
    /// Host reports applied.
    pub reports: u64,
}

/// A run that could not finish.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RunError {
    /// The engine refused an event the controller sent (a controller bug).
    #[error("the engine refused an event: {0}")]
    Refused(#[from] StepError),
    /// The schedule ran out while hosts were still provisioning.
    #[error("the report schedule ended with {provisioning} hosts still provisioning")]
    ScheduleExhausted {
        /// Hosts that never reported.
        provisioning: u64,
    },
    /// The converge authority said no.
    #[error("converge not authorised: {0}")]
    NotAuthorised(String),
    /// The cluster did not start in `Imaging`.
    #[error("the cluster must start in imaging, not {}", .0.name())]
    NotInitial(Phase),
}

/// Drives `cluster` from its initial state to a terminal phase with the given
/// reports, consulting the gate as `controller` says, asking `authority`
/// before any Converge, and showing every applied event to `observer`.
pub fn run<R, O, A>(
    controller: Controller,
    cluster: &mut Cluster,
    policy: &Policy,
    reports: R,
    observer: &mut O,
    authority: &mut A,
) -> Result<RunSummary, RunError>
where
    R: IntoIterator<Item = (u64, Outcome)>,
    O: Observer + ?Sized,
    A: ConvergeAuthority + ?Sized,
{
    if cluster.phase() != Phase::Imaging {
        return Err(RunError::NotInitial(cluster.phase()));
    }
    let mut summary = RunSummary {
        outcome: RunOutcome::Failed,
        steps: 1,
        reports: 0,
    };
    cluster.fan_out()?;
    observer.observe(Event::FanOut, cluster);
    let eager = controller == Controller::Eager;
    if eager {
        let decision = cluster.decision(policy);
        if decision != Decision::Wait {
            return conclude(summary, decision, cluster, policy, observer, authority);
        }
    }
    for (host, outcome) in reports {
        cluster.report(host, outcome)?;
        summary.steps += 1;
        summary.reports += 1;
        observer.observe(Event::Report { host, outcome }, cluster);
        if eager || cluster.evidence().provisioning == 0 {
            let decision = cluster.decision(policy);
            if decision != Decision::Wait {
                return conclude(summary, decision, cluster, policy, observer, authority);
            }
        }
    }
    match cluster.decision(policy) {
        Decision::Wait => Err(RunError::ScheduleExhausted {
            provisioning: cluster.evidence().provisioning,
        }),
        decision => conclude(summary, decision, cluster, policy, observer, authority),
    }
}

/// Applies a Converge or Fail decision (never called with Wait), asking the
/// authority before a Converge, and completes the summary. Out of line: it
/// runs once per run, the loop above once per report.
#[inline(never)]
fn conclude<O, A>(
    mut summary: RunSummary,
    decision: Decision,
    cluster: &mut Cluster,
    policy: &Policy,
    observer: &mut O,
    authority: &mut A,
) -> Result<RunSummary, RunError>
where
    O: Observer + ?Sized,
    A: ConvergeAuthority + ?Sized,
{
    summary.steps += 1;
    summary.outcome = if decision == Decision::Converge {
        authority
            .authorise(policy, &cluster.evidence())
            .map_err(RunError::NotAuthorised)?;
        cluster.proceed(policy)?;
        observer.observe(Event::Proceed, cluster);
        RunOutcome::Converged
    } else {
        cluster.fail(policy)?;
        observer.observe(Event::Fail, cluster);
        RunOutcome::Failed
    };
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reports(outcomes: &[Outcome]) -> Vec<(u64, Outcome)> {
        outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| (i as u64, *o))
            .collect()
    }

    const R: Outcome = Outcome::Ready;
    const F: Outcome = Outcome::Failed;

    #[test]
    fn eager_converges_as_soon_as_the_policy_holds() {
        let mut c = Cluster::new(4).unwrap();
        let s = run(
            Controller::Eager,
            &mut c,
            &Policy::AtLeast(2),
            reports(&[F, R, R, R]),
            &mut (),
            &mut Unconditional,
        )
        .unwrap();
        assert_eq!(s.outcome, RunOutcome::Converged);
        assert_eq!(s.reports, 3);
        assert_eq!(s.steps, 5);
        assert_eq!(c.evidence().provisioning, 1);
    }

    #[test]
    fn eager_decides_right_after_fan_out_when_it_can() {
        let mut c = Cluster::new(4).unwrap();
        let s = run(
            Controller::Eager,
            &mut c,
            &Policy::AtLeast(0),
            reports(&[F, F, F, F]),
            &mut (),
            &mut Unconditional,
        )
        .unwrap();
        assert_eq!(
            (s.outcome, s.reports, s.steps),
            (RunOutcome::Converged, 0, 2)
        );
    }

    #[test]
    fn settled_waits_for_every_host() {
        let mut c = Cluster::new(4).unwrap();
        let s = run(
            Controller::Settled,
            &mut c,
            &Policy::AtLeast(2),
            reports(&[F, R, R, R]),
            &mut (),
            &mut Unconditional,
        )
        .unwrap();
        assert_eq!(
            (s.outcome, s.reports, s.steps),
            (RunOutcome::Converged, 4, 6)
        );
    }

    #[test]
    fn both_fail_when_the_policy_cannot_hold() {
        for controller in [Controller::Eager, Controller::Settled] {
            let mut c = Cluster::new(3).unwrap();
            let s = run(
                controller,
                &mut c,
                &Policy::StrictAll,
                reports(&[R, F, R]),
                &mut (),
                &mut Unconditional,
            )
            .unwrap();
            assert_eq!(s.outcome, RunOutcome::Failed);
            assert_eq!(c.phase(), Phase::Failed);
        }
    }

    #[test]
    fn an_unfair_schedule_is_reported_not_hung() {
        let mut c = Cluster::new(3).unwrap();
        let e = run(
            Controller::Settled,
            &mut c,
            &Policy::StrictAll,
            reports(&[R, R]),
            &mut (),
            &mut Unconditional,
        );
        assert_eq!(e, Err(RunError::ScheduleExhausted { provisioning: 1 }));
    }

    #[test]
    fn a_bad_schedule_is_refused_by_the_engine() {
        let mut c = Cluster::new(3).unwrap();
        let e = run(
            Controller::Settled,
            &mut c,
            &Policy::StrictAll,
            [(0, R), (0, R)],
            &mut (),
            &mut Unconditional,
        );
        assert!(matches!(
            e,
            Err(RunError::Refused(StepError::AlreadyReported {
                host: 0,
                ..
            }))
        ));
        let e = run(
            Controller::Settled,
            &mut c,
            &Policy::StrictAll,
            [(0, R)],
            &mut (),
            &mut Unconditional,
        );
        assert_eq!(e, Err(RunError::NotInitial(Phase::Barrier)));
    }

    struct Refuse;
    impl ConvergeAuthority for Refuse {
        fn authorise(&mut self, _policy: &Policy, evidence: &Evidence) -> Result<(), String> {
            Err(format!("no proof for {} ready", evidence.ready))
        }
    }

    #[test]
    fn a_refusing_authority_stops_the_converge() {
        let mut c = Cluster::new(2).unwrap();
        let e = run(
            Controller::Settled,
            &mut c,
            &Policy::StrictAll,
            reports(&[R, R]),
            &mut (),
            &mut Refuse,
        );
        assert_eq!(
            e,
            Err(RunError::NotAuthorised("no proof for 2 ready".to_owned()))
        );
        assert_eq!(
            c.phase(),
            Phase::Barrier,
            "no converge without authorisation"
        );
    }
}

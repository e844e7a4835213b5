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
    if eager && let Some(outcome) = settle(cluster, policy, observer, authority)? {
        summary.steps += 1;
        summary.outcome = outcome;
        return Ok(summary);
    }
    for (host, outcome) in reports {
        cluster.report(host, outcome)?;
        summary.steps += 1;
        summary.reports += 1;
        observer.observe(Event::Report { host, outcome }, cluster);
        if (eager || cluster.evidence().provisioning == 0)
            && let Some(outcome) = settle(cluster, policy, observer, authority)?
        {
            summary.steps += 1;
            summary.outcome = outcome;
            return Ok(summary);
        }
    }
    match settle(cluster, policy, observer, authority)? {
        Some(outcome) => {
            summary.steps += 1;
            summary.outcome = outcome;
            Ok(summary)
        }
        None => Err(RunError::ScheduleExhausted {
            provisioning: cluster.evidence().provisioning,
        }),
    }
}

/// Asks the gate and, unless it says Wait, applies its decision.
fn settle<O, A>(
    cluster: &mut Cluster,
    policy: &Policy,
    observer: &mut O,
    authority: &mut A,
) -> Result<Option<RunOutcome>, RunError>
where
    O: Observer + ?Sized,
    A: ConvergeAuthority + ?Sized,
{
    match cluster.decision(policy) {
        Decision::Wait => Ok(None),
        Decision::Converge => {
            authority
                .authorise(policy, &cluster.evidence())
                .map_err(RunError::NotAuthorised)?;
            cluster.proceed(policy)?;
            observer.observe(Event::Proceed, cluster);
            Ok(Some(RunOutcome::Converged))
        }
        Decision::Fail => {
            cluster.fail(policy)?;
            observer.observe(Event::Fail, cluster);
            Ok(Some(RunOutcome::Failed))
        }
    }
}

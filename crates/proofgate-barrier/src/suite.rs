//! The fuzz suite: scenarios cycled over runs, each run driven by one or both
//! controllers and watched by the streaming [`Checker`].
//!
//! Run `i` uses scenario `i mod S` and its own ChaCha8 stream
//! (`seed`, stream `i`), so any run can be replayed alone with `only_run`.

use crate::checker::{Checker, Violation, ViolationKind};
use crate::cluster::Cluster;
use crate::controller::{self, Controller, ConvergeAuthority, Observer, RunOutcome, Unconditional};
use crate::error::CapacityError;
use crate::event::Event;
use crate::policy::Policy;
use crate::scenario::{Scenario, ScenarioError};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use thiserror::Error;

/// What to run.
#[derive(Clone, Debug)]
pub struct SuiteConfig {
    /// Hosts per run.
    pub hosts: u64,
    /// Number of runs, cycled over `scenarios`.
    pub runs: u64,
    /// Seed of every random choice.
    pub seed: u64,
    /// Controllers each run is driven by (the same schedule for each).
    pub controllers: Vec<Controller>,
    /// Scenarios, cycled.
    pub scenarios: Vec<Scenario>,
    /// Only this run index (for replaying one run).
    pub only_run: Option<u64>,
    /// Worker threads (runs are independent); at least 1.
    pub threads: usize,
    /// Keep every run's events (for trace emission; small `hosts` only).
    pub record_events: bool,
}

/// One controller's run.
#[derive(Clone, Debug)]
pub struct RunResult {
    /// The run index.
    pub run: u64,
    /// Index into the configured scenarios.
    pub scenario: usize,
    /// The controller.
    pub controller: Controller,
    /// The policy drawn for this run.
    pub policy: Policy,
    /// How it ended, if it ended.
    pub outcome: Option<RunOutcome>,
    /// Host reports applied.
    pub reports: u64,
    /// Violations kept.
    pub violations: Vec<Violation>,
    /// All violations found.
    pub violation_count: u64,
    /// The applied events, when recording.
    pub events: Option<Vec<Event>>,
}

/// Everything the suite found, in run order.
#[derive(Clone, Debug)]
pub struct SuiteReport {
    /// One entry per run and controller, sorted by run then controller.
    pub results: Vec<RunResult>,
}

impl SuiteReport {
    /// Total host reports applied.
    #[must_use]
    pub fn reports(&self) -> u64 {
        self.results.iter().map(|r| r.reports).sum()
    }

    /// Total violations.
    #[must_use]
    pub fn violations(&self) -> u64 {
        self.results.iter().map(|r| r.violation_count).sum()
    }
}

/// A suite that cannot start.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SuiteError {
    /// A scenario could not be instantiated at this size.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// The cluster cannot be allocated.
    #[error(transparent)]
    Capacity(#[from] CapacityError),
    /// Nothing to run.
    #[error("the suite needs at least one scenario and one controller")]
    Empty,
    /// `only_run` is not below `runs`.
    #[error("run {run} does not exist (runs 0..{runs})")]
    NoSuchRun {
        /// The run asked for.
        run: u64,
        /// Runs configured.
        runs: u64,
    },
}

impl SuiteConfig {
    /// The run indices this configuration executes.
    fn run_indices(&self) -> Result<std::ops::Range<u64>, SuiteError> {
        match self.only_run {
            Some(run) if run >= self.runs => Err(SuiteError::NoSuchRun {
                run,
                runs: self.runs,
            }),
            Some(run) => Ok(run..run + 1),
            None => Ok(0..self.runs),
        }
    }

    /// The random stream of run `run`.
    #[must_use]
    pub fn rng_for(&self, run: u64) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(run);
        rng
    }
}

/// Runs the suite, calling `on_run` after each run (all controllers) so a
/// caller can show progress.
pub fn run_suite(
    config: &SuiteConfig,
    on_run: &(dyn Fn() + Sync),
) -> Result<SuiteReport, SuiteError> {
    run_suite_with_authority(config, on_run, &|| Box::new(Unconditional))
}

/// Makes the converge authority of one worker thread (called once per
/// thread, on that thread).
pub type AuthorityFactory<'a> = dyn Fn() -> Box<dyn ConvergeAuthority + 'a> + Sync + 'a;

/// [`run_suite`] with every Converge authorised by an authority from
/// `authority` (for example a proof gate); a refusal is a run error.
pub fn run_suite_with_authority(
    config: &SuiteConfig,
    on_run: &(dyn Fn() + Sync),
    authority: &AuthorityFactory<'_>,
) -> Result<SuiteReport, SuiteError> {
    if config.scenarios.is_empty() || config.controllers.is_empty() {
        return Err(SuiteError::Empty);
    }
    let runs = config.run_indices()?;
    // Instantiating every scenario once up front turns a bad scenario into a
    // usage error before any work is done.
    for scenario in &config.scenarios {
        scenario.instantiate(config.hosts, &mut config.rng_for(0))?;
    }
    let threads = config
        .threads
        .max(1)
        .min(usize::try_from(runs.end - runs.start).unwrap_or(1).max(1));
    let mut results = if threads == 1 {
        Worker::new(config, authority())?.run_all(runs, 1, on_run)?
    } else {
        let parts: Vec<Result<Vec<RunResult>, SuiteError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads as u64)
                .map(|t| {
                    let runs = runs.start + t..runs.end;
                    scope.spawn(move || {
                        Worker::new(config, authority())?.run_all(runs, threads as u64, on_run)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut all = Vec::new();
        for part in parts {
            all.extend(part?);
        }
        all
    };
    results.sort_by_key(|r| (r.run, r.controller == Controller::Settled));
    Ok(SuiteReport { results })
}

/// Per-thread state: one cluster and one checker, reused across runs.
struct Worker<'a, 'b> {
    config: &'a SuiteConfig,
    cluster: Cluster,
    checker: Checker,
    authority: Box<dyn ConvergeAuthority + 'b>,
}

/// Records events when asked, and always feeds the checker.
struct Recorder<'a> {
    checker: &'a mut Checker,
    events: Option<Vec<Event>>,
}

impl Observer for Recorder<'_> {
    // Inlined into the controller's loop so the event stays in registers
    // (passing it through memory cost a store-forwarding stall per report).
    #[inline(always)]
    fn observe(&mut self, event: Event, cluster: &Cluster) {
        self.checker.observe(event, cluster);
        if let Some(events) = &mut self.events {
            events.push(event);
        }
    }
}

impl<'a, 'b> Worker<'a, 'b> {
    fn new(
        config: &'a SuiteConfig,
        authority: Box<dyn ConvergeAuthority + 'b>,
    ) -> Result<Self, SuiteError> {
        Ok(Worker {
            authority,
            config,
            cluster: Cluster::new(config.hosts)?,
            checker: Checker::new(config.hosts, &Policy::StrictAll, Controller::Eager, 0),
        })
    }

    fn run_all(
        &mut self,
        runs: std::ops::Range<u64>,
        step: u64,
        on_run: &(dyn Fn() + Sync),
    ) -> Result<Vec<RunResult>, SuiteError> {
        let mut out = Vec::new();
        let mut run = runs.start;
        while run < runs.end {
            self.run_one(run, &mut out)?;
            on_run();
            run += step;
        }
        Ok(out)
    }

    fn run_one(&mut self, run: u64, out: &mut Vec<RunResult>) -> Result<(), SuiteError> {
        let scenario = (run % self.config.scenarios.len() as u64) as usize;
        let mut rng = self.config.rng_for(run);
        let instance = self.config.scenarios[scenario].instantiate(self.config.hosts, &mut rng)?;
        let first = out.len();
        for &controller in &self.config.controllers {
            self.cluster.reset();
            self.checker
                .reset(&instance.policy, controller, instance.schedule.failures());
            let mut recorder = Recorder {
                checker: &mut self.checker,
                events: self.config.record_events.then(Vec::new),
            };
            let result = controller::run(
                controller,
                &mut self.cluster,
                &instance.policy,
                instance.schedule.reports(),
                &mut recorder,
                &mut *self.authority,
            );
            let events = recorder.events.take();
            let reports = match &result {
                Ok(summary) => summary.reports,
                Err(_) => self.cluster.evidence().ready + self.cluster.evidence().failed,
            };
            if let Err(e) = result {
                self.checker.record(ViolationKind::RunError, e.to_string());
            }
            let outcome = self.checker.finish();
            out.push(RunResult {
                run,
                scenario,
                controller,
                policy: instance.policy.clone(),
                outcome,
                reports,
                violations: self.checker.violations().to_vec(),
                violation_count: self.checker.violation_count(),
                events,
            });
        }
        agree_on_stable_policies(&mut out[first..]);
        Ok(())
    }
}

/// For a stable policy both controllers must reach the same outcome; an
/// unstable one (MaxFailures) may legitimately differ.
fn agree_on_stable_policies(results: &mut [RunResult]) {
    let [first, rest @ ..] = results else { return };
    if !crate::checker::stable(&first.policy) {
        return;
    }
    let want = first.outcome;
    for other in rest {
        if other.outcome != want {
            other.violation_count += 1;
            other.violations.push(Violation {
                kind: ViolationKind::ControllerDisagreement,
                step: 0,
                detail: format!(
                    "{} ended {:?}, {} ended {:?}",
                    first.controller.name(),
                    want,
                    other.controller.name(),
                    other.outcome
                ),
            });
        }
    }
}

/// Converge and fail counts of one scenario under one controller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Runs.
    pub runs: u64,
    /// Runs that converged.
    pub converged: u64,
    /// Runs that failed.
    pub failed: u64,
    /// Violations found.
    pub violations: u64,
    /// Host reports applied.
    pub reports: u64,
}

/// Tallies per (scenario index, controller), in scenario then controller order.
#[must_use]
pub fn tally(
    report: &SuiteReport,
    scenarios: usize,
    controllers: &[Controller],
) -> Vec<(usize, Controller, Tally)> {
    let mut rows: Vec<(usize, Controller, Tally)> = (0..scenarios)
        .flat_map(|s| controllers.iter().map(move |c| (s, *c, Tally::default())))
        .collect();
    for r in &report.results {
        if let Some(row) = rows
            .iter_mut()
            .find(|(s, c, _)| *s == r.scenario && *c == r.controller)
        {
            let t = &mut row.2;
            t.runs += 1;
            match r.outcome {
                Some(RunOutcome::Converged) => t.converged += 1,
                Some(RunOutcome::Failed) => t.failed += 1,
                None => {}
            }
            t.violations += r.violation_count;
            t.reports += r.reports;
        }
    }
    rows.retain(|(_, _, t)| t.runs > 0);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario;

    fn config(hosts: u64, runs: u64, threads: usize) -> SuiteConfig {
        SuiteConfig {
            hosts,
            runs,
            seed: 0,
            controllers: vec![Controller::Eager, Controller::Settled],
            scenarios: scenario::extended(),
            only_run: None,
            threads,
            record_events: false,
        }
    }

    #[test]
    fn threads_do_not_change_results() {
        let one = run_suite(&config(200, 40, 1), &|| {}).unwrap();
        let two = run_suite(&config(200, 40, 2), &|| {}).unwrap();
        let key = |r: &SuiteReport| -> Vec<_> {
            r.results
                .iter()
                .map(|x| (x.run, x.controller, x.outcome, x.reports))
                .collect()
        };
        assert_eq!(key(&one), key(&two));
        assert_eq!(one.violations(), 0);
    }

    #[test]
    fn only_run_replays_the_same_run() {
        let all = run_suite(&config(100, 30, 1), &|| {}).unwrap();
        let mut cfg = config(100, 30, 1);
        cfg.only_run = Some(17);
        let one = run_suite(&cfg, &|| {}).unwrap();
        let from_all: Vec<_> = all
            .results
            .iter()
            .filter(|r| r.run == 17)
            .map(|r| (r.outcome, r.reports))
            .collect();
        let alone: Vec<_> = one.results.iter().map(|r| (r.outcome, r.reports)).collect();
        assert_eq!(from_all, alone);
        cfg.only_run = Some(30);
        assert!(matches!(
            run_suite(&cfg, &|| {}),
            Err(SuiteError::NoSuchRun { run: 30, runs: 30 })
        ));
    }

    #[test]
    fn unstable_policy_may_split_the_controllers() {
        let mut cfg = config(100, 1, 1);
        cfg.scenarios = vec![Scenario::parse("max-failures(10%)/successes-first-20%").unwrap()];
        let r = run_suite(&cfg, &|| {}).unwrap();
        assert_eq!(r.results[0].outcome, Some(RunOutcome::Converged));
        assert_eq!(r.results[1].outcome, Some(RunOutcome::Failed));
        assert_eq!(r.violations(), 0);
    }
}

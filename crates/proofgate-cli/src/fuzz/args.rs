//! Arguments of `proofgate fuzz` and their validation.

use super::FuzzError;
use clap::{Args, ValueEnum};
use proofgate_barrier::Controller;
use proofgate_barrier::scenario::{self, Scenario};
use proofgate_barrier::suite::SuiteConfig;
use std::path::PathBuf;

/// Which controllers drive each run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ControllerChoice {
    /// Decide after fan-out and after every report.
    Eager,
    /// Decide once every host has reported.
    Settled,
    /// Both, on the same schedule, and check they agree where they must.
    Both,
}

/// Which built-in scenario list runs are cycled over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SuiteChoice {
    /// The twelve scenarios of the research suite.
    Research,
    /// The research suite plus adversarial orders (failures first, successes
    /// first, alternating).
    Extended,
}

/// The part of `--help` that explains runs, scenarios and exit codes.
const MORE_HELP: &str = "\
Runs cycle over the scenarios: run i uses scenario i mod S with its own random
stream derived from --seed, so `--run i` (with the same --runs, --suite or
--scenario) replays it alone; a violation prints that command.

Scenario names read POLICY/PATTERN.
  POLICY:  strict-all | threshold(P%) | threshold(K) | threshold(n)
           | max-failures(K) | max-failures(P%) | combined(P%,Q%)
           | combined(P%,K) | random-threshold
  PATTERN: all-ready | shuffled-ready | all-fail | P%-fail | K-fail
           | random-fail | failures-first-X | successes-first-X
           | alternating-X   (X a count K or a percentage P%)
Percentages above 100 are refused.

Every event is checked as it happens by a checker independent of the engine:
partition, count updates, monotone ready/failed counts, safety of every
converge, soundness of every fail, termination within n + 2 events, the
stable-policy prediction, and eager/settled agreement on stable policies.

Exit status: 0 no violation, 1 a violation, 2 bad arguments or unwritable output.";

/// Arguments of `proofgate fuzz` (see [`MORE_HELP`] for what they mean
/// together).
#[derive(Args, Debug, Clone)]
#[command(after_long_help = MORE_HELP)]
pub struct FuzzArgs {
    /// Hosts provisioned per run (at least 1).
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub hosts: u64,
    /// Runs, cycled over the scenarios (at least 1).
    #[arg(long, default_value_t = 240, value_parser = clap::value_parser!(u64).range(1..))]
    pub runs: u64,
    /// Seed of every random choice (ChaCha8).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Controllers that drive each run.
    #[arg(long, value_enum, default_value_t = ControllerChoice::Both)]
    pub controller: ControllerChoice,
    /// Run only this scenario (any `POLICY/PATTERN` name) instead of a suite.
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// Built-in scenario list, when `--scenario` is not given.
    #[arg(long, value_enum, default_value_t = SuiteChoice::Research, conflicts_with = "scenario")]
    pub suite: SuiteChoice,
    /// Replay only run I (0-based, below `--runs`).
    #[arg(long, value_name = "I")]
    pub run: Option<u64>,
    /// Worker threads; runs are independent (0: one per available core).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Print one machine-readable JSON summary instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Write `DIR/input.jsonl` and `DIR/rust.jsonl` for the Lean oracle
    /// (needs `--hosts` at most 64).
    #[arg(long, value_name = "DIR")]
    pub emit_trace: Option<PathBuf>,
    /// Append the attestation of every gated Converge to the ledger in DIR
    /// (created if missing; verified and recovered if present).
    #[arg(long, value_name = "DIR")]
    pub ledger: Option<PathBuf>,
}

impl FuzzArgs {
    /// The controllers chosen.
    pub fn controllers(&self) -> Vec<Controller> {
        match self.controller {
            ControllerChoice::Eager => vec![Controller::Eager],
            ControllerChoice::Settled => vec![Controller::Settled],
            ControllerChoice::Both => vec![Controller::Eager, Controller::Settled],
        }
    }

    /// The scenarios chosen.
    pub fn scenarios(&self) -> Result<Vec<Scenario>, FuzzError> {
        match &self.scenario {
            Some(name) => Scenario::parse(name)
                .map(|s| vec![s])
                .map_err(|e| FuzzError::Usage(e.to_string())),
            None => Ok(match self.suite {
                SuiteChoice::Research => scenario::research(),
                SuiteChoice::Extended => scenario::extended(),
            }),
        }
    }

    /// The suite configuration, validated.
    pub fn suite_config(&self) -> Result<SuiteConfig, FuzzError> {
        if let Some(run) = self.run
            && run >= self.runs
        {
            return Err(FuzzError::Usage(format!(
                "--run {run} does not exist: runs are 0..{}",
                self.runs
            )));
        }
        let threads = match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            t => t,
        };
        Ok(SuiteConfig {
            hosts: self.hosts,
            runs: self.runs,
            seed: self.seed,
            controllers: self.controllers(),
            scenarios: self.scenarios()?,
            only_run: self.run,
            threads,
            record_events: self.emit_trace.is_some(),
        })
    }

    /// The command that replays run `run` under `controller` alone.
    pub fn replay_command(&self, run: u64, controller: Controller) -> String {
        let mut cmd = format!(
            "proofgate fuzz --hosts {} --runs {} --seed {} --controller {}",
            self.hosts,
            self.runs,
            self.seed,
            controller.name()
        );
        match &self.scenario {
            Some(name) => cmd.push_str(&format!(" --scenario '{name}'")),
            None if self.suite == SuiteChoice::Extended => cmd.push_str(" --suite extended"),
            None => {}
        }
        cmd.push_str(&format!(" --run {run}"));
        cmd
    }
}

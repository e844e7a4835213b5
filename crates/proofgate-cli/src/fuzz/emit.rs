//! `--emit-trace DIR`: the traces the Lean oracle replays.
//!
//! `input.jsonl` holds every run's applied events (one trace per run and
//! controller), followed by one "chaos" trace per run: seeded random events,
//! many of them illegal (second reports, hosts out of range, decisions the
//! gate does not allow), so the oracle's refusals are compared too.
//! `rust.jsonl` is the engine's replay of `input.jsonl`.

use super::FuzzError;
use super::args::FuzzArgs;
use proofgate_barrier::suite::{SuiteConfig, SuiteReport};
use proofgate_barrier::trace;
use proofgate_barrier::{Event, Outcome, Policy};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Largest cluster traced, so the Lean oracle stays fast.
pub const MAX_TRACE_HOSTS: u64 = 64;

/// Keeps the chaos traces' random stream apart from the runs' streams.
const CHAOS_DOMAIN: u64 = 0x6368_616f_7374_7263;

/// Refuses clusters too large to trace.
pub fn check_size(hosts: u64) -> Result<(), FuzzError> {
    if hosts > MAX_TRACE_HOSTS {
        return Err(FuzzError::Usage(format!(
            "--emit-trace needs --hosts at most {MAX_TRACE_HOSTS} (got {hosts}) so the Lean oracle stays fast"
        )));
    }
    Ok(())
}

/// Creates the directory.
pub fn prepare(dir: &Path) -> Result<(), FuzzError> {
    fs::create_dir_all(dir).map_err(|source| FuzzError::Io {
        what: format!("creating {}", dir.display()),
        source,
    })
}

/// Writes `input.jsonl` and `rust.jsonl`.
pub fn write(
    dir: &Path,
    args: &FuzzArgs,
    config: &SuiteConfig,
    report: &SuiteReport,
) -> Result<(), FuzzError> {
    let mut traces: Vec<(Policy, Vec<Event>)> = report
        .results
        .iter()
        .map(|r| (r.policy.clone(), r.events.clone().unwrap_or_default()))
        .collect();
    let runs = config.only_run.map_or(0..config.runs, |r| r..r + 1);
    for run in runs {
        traces.push(chaos(args.hosts, config.seed, run));
    }
    let open = |name: &str| {
        let path = dir.join(name);
        fs::File::create(&path)
            .map(BufWriter::new)
            .map_err(|source| FuzzError::Io {
                what: format!("creating {}", path.display()),
                source,
            })
    };
    let mut input = open("input.jsonl")?;
    let mut rust = open("rust.jsonl")?;
    let io = |source| FuzzError::Io {
        what: format!("writing traces in {}", dir.display()),
        source,
    };
    for (t, (policy, events)) in traces.iter().enumerate() {
        let t = t as u64;
        writeln!(
            input,
            "{}",
            trace::input_line(t, args.hosts, policy, events)
        )
        .map_err(io)?;
        let lines = trace::replay(t, args.hosts, policy, events)
            .map_err(|e| FuzzError::Usage(e.to_string()))?;
        for line in lines {
            writeln!(rust, "{line}").map_err(io)?;
        }
    }
    input.flush().map_err(io)?;
    rust.flush().map_err(io)
}

/// A seeded random policy and event sequence for run `run`.
fn chaos(hosts: u64, seed: u64, run: u64) -> (Policy, Vec<Event>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ CHAOS_DOMAIN);
    rng.set_stream(run);
    let policy = random_policy(&mut rng, hosts, 2);
    let mut events = Vec::new();
    if rng.random_bool(0.9) {
        events.push(Event::FanOut);
    }
    let len = rng.random_range(0..=hosts + 4);
    for _ in 0..len {
        let event = match rng.random_range(0..20) {
            0 => Event::FanOut,
            1 | 2 => Event::Proceed,
            3 | 4 => Event::Fail,
            _ => Event::Report {
                // One past the end now and then: an out-of-range host.
                host: rng.random_range(0..=hosts),
                outcome: if rng.random_bool(0.7) {
                    Outcome::Ready
                } else {
                    Outcome::Failed
                },
            },
        };
        events.push(event);
    }
    (policy, events)
}

fn random_policy(rng: &mut ChaCha8Rng, hosts: u64, depth: u32) -> Policy {
    let pick = if depth == 0 {
        rng.random_range(0..4)
    } else {
        rng.random_range(0..5)
    };
    match pick {
        0 => Policy::StrictAll,
        1 => Policy::AtLeast(rng.random_range(0..=hosts + 1)),
        2 => Policy::Percent(rng.random_range(0..=100)),
        3 => Policy::MaxFailures(rng.random_range(0..=hosts)),
        _ => Policy::both(
            random_policy(rng, hosts, depth - 1),
            random_policy(rng, hosts, depth - 1),
        ),
    }
}

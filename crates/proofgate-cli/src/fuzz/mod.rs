//! `proofgate fuzz`: the provisioning-barrier suite.
//!
//! Runs the barrier scenarios through the engine with both controllers,
//! checks every invariant on the fly with the independent streaming checker,
//! prints a table per scenario, and exits 1 on any violation (with the
//! command that replays it), 2 on bad arguments. Every Converge passes a
//! proof gate (the kernel proves the policy of the evidence); the report
//! counts the tiers used, and `--ledger DIR` records every attestation.

mod args;
mod emit;
mod gated;
mod progress;
mod report;
#[cfg(test)]
mod tests;

pub use args::FuzzArgs;

use proofgate_barrier::suite::SuiteReport;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;
use thiserror::Error;

/// Why `proofgate fuzz` could not produce a verdict.
#[derive(Debug, Error)]
pub enum FuzzError {
    /// Bad arguments (exit 2).
    #[error("{0}")]
    Usage(String),
    /// Writing the output or the traces failed (exit 2).
    #[error("{what}: {source}")]
    Io {
        /// What was being written.
        what: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// What a finished suite found.
pub struct Outcome {
    /// The suite's results.
    pub report: SuiteReport,
}

/// Entry point: runs, prints, and maps the verdict to an exit code.
pub fn run(args: FuzzArgs) -> ExitCode {
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let mut out = stdout.lock();
    let result = execute(&args, &mut out, tty);
    if let Err(e) = &result {
        let _ = out.flush();
        eprintln!("proofgate fuzz: {e}");
    }
    ExitCode::from(status(&result))
}

/// 0 when every invariant held, 1 on any violation, 2 when no verdict could
/// be reached (bad arguments, unwritable output).
pub fn status(result: &Result<Outcome, FuzzError>) -> u8 {
    match result {
        Ok(outcome) if outcome.report.violations() == 0 => 0,
        Ok(_) => 1,
        Err(_) => 2,
    }
}

/// Runs the suite as `args` say and writes the table (or JSON) to `out`.
/// `tty` says whether a person is watching (progress bar allowed).
pub fn execute(args: &FuzzArgs, out: &mut dyn Write, tty: bool) -> Result<Outcome, FuzzError> {
    let config = args.suite_config()?;
    if let Some(dir) = &args.emit_trace {
        emit::check_size(args.hosts, config.only_run.map_or(args.runs, |_| 1))?;
        // Fail on an unwritable directory before running anything.
        emit::prepare(dir)?;
    }
    let progress = progress::Progress::new(
        config.only_run.map_or(config.runs, |_| 1),
        tty && !args.json,
    );
    let start = Instant::now();
    let (report, gate) = gated::run(&config, &|| progress.tick(), args.ledger.as_deref())?;
    let elapsed = start.elapsed();
    progress.finish();
    if let Some(dir) = &args.emit_trace {
        emit::write(dir, args, &config, &report)?;
    }
    let io = |source| FuzzError::Io {
        what: "writing the report".to_owned(),
        source,
    };
    if args.json {
        report::json(out, args, &config, &report, elapsed, &gate).map_err(io)?;
    } else {
        report::table(out, args, &config, &report, elapsed).map_err(io)?;
        writeln!(out, "{}", gated::describe(&gate)).map_err(io)?;
    }
    Ok(Outcome { report })
}

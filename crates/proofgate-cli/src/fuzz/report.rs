//! The human table and the JSON summary.

use super::args::FuzzArgs;
use proofgate_barrier::Controller;
use proofgate_barrier::suite::{SuiteConfig, SuiteReport, Tally, tally};
use serde_json::json;
use std::io::{self, Write};
use std::time::Duration;

/// At most this many violations are listed; the totals count all of them.
const LISTED: usize = 20;

fn rows(config: &SuiteConfig, report: &SuiteReport) -> Vec<(usize, Controller, Tally)> {
    tally(report, config.scenarios.len(), &config.controllers)
}

fn per_second(count: u64, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64().max(1e-9)
}

/// The per-scenario table, totals, throughput, and every violation with the
/// command that replays it.
pub fn table(
    out: &mut dyn Write,
    args: &FuzzArgs,
    config: &SuiteConfig,
    report: &SuiteReport,
    elapsed: Duration,
) -> io::Result<()> {
    let controllers: Vec<&str> = config.controllers.iter().map(|c| c.name()).collect();
    writeln!(
        out,
        "proofgate fuzz: {} hosts x {} runs, seed {}, controller {}, {} scenarios",
        config.hosts,
        config.only_run.map_or(config.runs, |_| 1),
        config.seed,
        controllers.join("+"),
        config.scenarios.len()
    )?;
    let width = config
        .scenarios
        .iter()
        .map(|s| s.name.len())
        .max()
        .unwrap_or(0)
        .max("scenario".len());
    writeln!(
        out,
        "{:<width$}  {:<10} {:>6} {:>9} {:>6} {:>11}",
        "scenario", "controller", "runs", "converge", "fail", "violations"
    )?;
    let mut total = Tally::default();
    for (s, controller, t) in rows(config, report) {
        writeln!(
            out,
            "{:<width$}  {:<10} {:>6} {:>9} {:>6} {:>11}",
            config.scenarios[s].name,
            controller.name(),
            t.runs,
            t.converged,
            t.failed,
            t.violations
        )?;
        total.runs += t.runs;
        total.converged += t.converged;
        total.failed += t.failed;
        total.violations += t.violations;
    }
    writeln!(
        out,
        "{:<width$}  {:<10} {:>6} {:>9} {:>6} {:>11}",
        "total", "", total.runs, total.converged, total.failed, total.violations
    )?;
    let reports = report.reports();
    writeln!(
        out,
        "host reports: {reports} in {:.1} ms ({:.1} M reports/s, {} thread{})",
        elapsed.as_secs_f64() * 1e3,
        per_second(reports, elapsed) / 1e6,
        config.threads,
        if config.threads == 1 { "" } else { "s" }
    )?;
    let violations = report.violations();
    writeln!(out, "violations: {violations}")?;
    let mut listed = 0;
    for r in report.results.iter().filter(|r| r.violation_count > 0) {
        for v in &r.violations {
            if listed == LISTED {
                writeln!(out, "(more violations not listed; see --json)")?;
                return Ok(());
            }
            listed += 1;
            writeln!(
                out,
                "  run {} ({}, {}) step {}: {}: {}\n    replay: {}",
                r.run,
                config.scenarios[r.scenario].name,
                r.controller.name(),
                v.step,
                v.kind.name(),
                v.detail,
                args.replay_command(r.run, r.controller)
            )?;
        }
    }
    Ok(())
}

/// One JSON object with the same content as the table.
pub fn json(
    out: &mut dyn Write,
    args: &FuzzArgs,
    config: &SuiteConfig,
    report: &SuiteReport,
    elapsed: Duration,
    gate: &super::gated::GateSummary,
) -> io::Result<()> {
    let scenarios: Vec<_> = rows(config, report)
        .into_iter()
        .map(|(s, controller, t)| {
            json!({
                "scenario": config.scenarios[s].name,
                "controller": controller.name(),
                "runs": t.runs,
                "converge": t.converged,
                "fail": t.failed,
                "violations": t.violations,
                "reports": t.reports,
            })
        })
        .collect();
    let violations: Vec<_> = report
        .results
        .iter()
        .flat_map(|r| {
            r.violations.iter().map(move |v| {
                json!({
                    "run": r.run,
                    "scenario": config.scenarios[r.scenario].name,
                    "controller": r.controller.name(),
                    "step": v.step,
                    "kind": v.kind.name(),
                    "detail": v.detail,
                    "replay": args.replay_command(r.run, r.controller),
                })
            })
        })
        .collect();
    let reports = report.reports();
    let summary = json!({
        "hosts": config.hosts,
        "runs": config.runs,
        "run": config.only_run,
        "seed": config.seed,
        "controllers": config.controllers.iter().map(|c| c.name()).collect::<Vec<_>>(),
        "threads": config.threads,
        "scenarios": scenarios,
        "reports": reports,
        "elapsed_ms": elapsed.as_secs_f64() * 1e3,
        "reports_per_second": per_second(reports, elapsed),
        "violation_count": report.violations(),
        "violations": violations,
        "gate": {
            "gated_converges": gate.gated(),
            "tiers": super::gated::tier_names()
                .iter()
                .zip(gate.tiers)
                .map(|(name, n)| ((*name).to_owned(), json!(n)))
                .collect::<serde_json::Map<_, _>>(),
            "cached": gate.cached,
            "ledger": gate.ledger.as_ref().map(|d| d.display().to_string()),
            "ledger_appended": gate.ledger_appended,
            "ledger_len": gate.ledger_len,
        },
    });
    writeln!(out, "{summary}")
}

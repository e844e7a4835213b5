//! `proofgate check`: type-check Lean 4 export files with the proofgate kernel.
//!
//! Exit codes (the Lean Kernel Arena contract): 0 every file accepted;
//! 1 a declaration was rejected or a file is not a valid export; 2 an input
//! was declined (unreadable, or a format version this checker does not know).

use crate::stdout::outln;
use clap::Args;
use proofgate_kernel::{
    CheckFailure, FileReport, Kernel, Limits, check_export, run_with_kernel_stack,
};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `proofgate check`.
#[derive(Args)]
#[command(after_help = "Exit status (the Lean Kernel Arena contract):\n  \
    0  every file accepted (\"accepted N declarations\")\n  \
    1  a file was rejected: the first failing declaration, its line and the reason\n  \
    2  a file was declined: unreadable, or an export format this checker does not know\n\n\
Each file is checked in an empty environment; the fuel budget applies per declaration.")]
pub struct CheckArgs {
    /// Export files (NDJSON, format 3.1.0), each checked in an empty
    /// environment, declarations in file order.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print declarations, terms interned, reduction steps, time and peak
    /// memory for each file.
    #[arg(long)]
    stats: bool,
    /// Reduction-step budget per declaration.
    #[arg(long, default_value_t = Limits::DEFAULT.fuel)]
    fuel: u64,
    /// Print one JSON object per file on stdout instead of text:
    /// `{"file","verdict","declarations","steps","terms","seconds","peak_memory_kib","reason"}`.
    #[arg(long)]
    json: bool,
}

/// Peak resident memory of this process in KiB (VmHWM), if readable.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

enum Verdict {
    Accepted,
    Rejected,
    Declined,
}

fn json_line(
    path: &Path,
    verdict: &str,
    report: Option<&FileReport>,
    secs: f64,
    reason: Option<String>,
) {
    let v = serde_json::json!({
        "file": path.display().to_string(),
        "verdict": verdict,
        "declarations": report.map(|r| r.declarations),
        "steps": report.map(|r| r.steps),
        "terms": report.map(|r| r.terms),
        "seconds": secs,
        "peak_memory_kib": peak_memory_kib(),
        "reason": reason,
    });
    outln!("{v}");
}

fn check_file_as(path: &Path, limits: Limits, stats: bool, json: bool) -> Verdict {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            if json {
                json_line(
                    path,
                    "declined",
                    None,
                    0.0,
                    Some(format!("cannot open: {e}")),
                );
            } else {
                eprintln!("{}: declined: cannot open: {e}", path.display());
            }
            return Verdict::Declined;
        }
    };
    let start = Instant::now();
    let mut kernel = Kernel::new();
    let result = check_export(&mut kernel, BufReader::new(file), limits);
    let elapsed = start.elapsed();
    if json {
        let secs = elapsed.as_secs_f64();
        return match result {
            Ok(report) => {
                json_line(path, "accepted", Some(&report), secs, None);
                Verdict::Accepted
            }
            Err(CheckFailure::Export(e)) if e.is_unsupported() => {
                json_line(path, "declined", None, secs, Some(e.to_string()));
                Verdict::Declined
            }
            Err(e) => {
                json_line(path, "rejected", None, secs, Some(e.to_string()));
                Verdict::Rejected
            }
        };
    }
    match result {
        Ok(report) => {
            outln!(
                "{}: accepted {} declarations",
                path.display(),
                report.declarations
            );
            if stats {
                outln!("  declarations:     {}", report.declarations);
                outln!(
                    "  terms interned:   {} (peak scratch {})",
                    report.terms,
                    report.scratch_peak
                );
                outln!("  reduction steps:  {}", report.steps);
                outln!("  peak recursion:   {}", report.peak_recursion);
                outln!("  time:             {:.3} s", elapsed.as_secs_f64());
                match peak_memory_kib() {
                    Some(k) => outln!("  peak memory:      {:.1} MiB", k as f64 / 1024.0),
                    None => outln!("  peak memory:      unavailable"),
                }
            }
            Verdict::Accepted
        }
        Err(CheckFailure::Export(e)) if e.is_unsupported() => {
            eprintln!("{}: declined: {e}", path.display());
            Verdict::Declined
        }
        Err(e) => {
            eprintln!("{}: rejected: {e}", path.display());
            Verdict::Rejected
        }
    }
}

/// Checks every file; the exit code is the worst verdict.
pub fn run(args: CheckArgs) -> ExitCode {
    let limits = Limits {
        fuel: args.fuel,
        ..Limits::DEEP
    };
    let (files, stats, json) = (args.files, args.stats, args.json);
    let verdicts: Vec<Verdict> = run_with_kernel_stack(move || {
        files
            .iter()
            .map(|f| check_file_as(f, limits, stats, json))
            .collect()
    });
    let code = verdicts.iter().fold(0u8, |acc, v| {
        acc.max(match v {
            Verdict::Accepted => 0,
            Verdict::Rejected => 1,
            Verdict::Declined => 2,
        })
    });
    // A rejection outranks a decline: it is a definite verdict.
    let code = if verdicts.iter().any(|v| matches!(v, Verdict::Rejected)) {
        1
    } else {
        code
    };
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::{Verdict, check_file_as};
    use proofgate_kernel::Limits;
    use std::path::PathBuf;

    fn fixture(rel: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../proofgate-kernel/tests/fixtures")
            .join(rel)
    }

    #[test]
    fn verdicts_map_to_the_arena_contract() {
        let ok = fixture("accept/structure.ndjson");
        assert!(matches!(
            check_file_as(&ok, Limits::DEFAULT, true, false),
            Verdict::Accepted
        ));
        let bad = fixture("reject/non_positive.ndjson");
        assert!(matches!(
            check_file_as(&bad, Limits::DEFAULT, false, true),
            Verdict::Rejected
        ));
        let future = fixture("decline/future_format.ndjson");
        assert!(matches!(
            check_file_as(&future, Limits::DEFAULT, false, false),
            Verdict::Declined
        ));
        let missing = fixture("no-such-file.ndjson");
        assert!(matches!(
            check_file_as(&missing, Limits::DEFAULT, false, true),
            Verdict::Declined
        ));
    }
}

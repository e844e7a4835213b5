//! `proofgate check`: type-check Lean 4 export files with the proofgate kernel.
//!
//! Exit codes (the Lean Kernel Arena contract): 0 every file accepted;
//! 1 a declaration was rejected or a file is not a valid export; 2 an input
//! was declined (unreadable or not UTF-8, empty, without its meta line, a format
//! version other than 3.1.0, or a declaration that exhausted a fuel, recursion
//! or depth limit before a verdict).
//! The file `-` is standard input; a progress line is drawn on a terminal.

mod progress;

use crate::stdout::outln;
use crate::verdict::Verdict;
use clap::Args;
use progress::{Progress, check_export_with_progress};
use proofgate_kernel::{CheckFailure, FileReport, Limits, run_with_kernel_stack};
use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `proofgate check`.
#[derive(Args)]
#[command(after_help = "Exit status (the Lean Kernel Arena contract):\n  \
    0  every file accepted (\"accepted N declarations\")\n  \
    1  a file was rejected: the first failing declaration, its line and the reason\n  \
    2  a file was declined: unreadable or not UTF-8, empty, no meta line first, a format\n     \
    version other than 3.1.0, or a declaration that ran out of fuel (big-number\n     \
    arithmetic included), recursion or term depth before a verdict\n\n\
Each file is checked in an empty environment; the fuel budget applies per declaration.")]
pub struct CheckArgs {
    /// Export files (NDJSON, format 3.1.0), each checked in an empty
    /// environment, declarations in file order; `-` reads standard input.
    /// On a terminal (and without --json) a progress line on stderr shows
    /// bytes and declarations per second.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print declarations, terms interned, bytes kept per declaration,
    /// reduction steps, time and peak memory for each file.
    #[arg(long)]
    stats: bool,
    /// Reduction-step budget per declaration.
    #[arg(long, default_value_t = Limits::DEFAULT.fuel)]
    fuel: u64,
    /// Print one JSON object per file on stdout instead of text:
    /// `{"file","verdict","declarations","steps","terms","kept_bytes","seconds","peak_memory_kib","reason"}`
    /// (`verdict`: accepted, rejected or declined, as in every command;
    /// `peak_memory_kib`: that file's own peak, null where it cannot be
    /// measured per file).
    #[arg(long)]
    json: bool,
    /// Threads checking declarations (default: the machine's cores). One
    /// thread reads the file in order; definitions, theorems and axioms
    /// are checked by the threads, each seeing only what precedes it, so
    /// the verdict, message and exit status do not depend on this.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

/// Peak resident memory of this process in KiB (VmHWM), if readable.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Starts a new peak-memory measurement (Linux resets VmHWM to the current
/// resident size when "5" is written to clear_refs), so that each file's
/// figure is its own and not the largest file's so far. Whether it worked:
/// without it the figure is the process's peak, and is not reported per file.
fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn json_line(
    name: &str,
    verdict: Verdict,
    report: Option<&FileReport>,
    secs: f64,
    reason: Option<String>,
    peak_kib: Option<u64>,
) {
    let v = serde_json::json!({
        "file": name,
        "verdict": verdict.word(),
        "declarations": report.map(|r| r.declarations),
        "steps": report.map(|r| r.steps),
        "terms": report.map(|r| r.terms),
        "kept_bytes": report.map(|r| r.kept_bytes),
        "seconds": secs,
        "peak_memory_kib": peak_kib,
        "reason": reason,
    });
    outln!("{v}");
}

/// The input behind `path` (`-`: standard input) and its size when known.
fn open(path: &Path) -> std::io::Result<(Box<dyn BufRead>, Option<u64>)> {
    if path == Path::new(STDIN) {
        return Ok((Box::new(std::io::stdin().lock()), None));
    }
    if path.is_dir() {
        // Opening succeeds and the first read fails ("line 1: I/O error: Is
        // a directory"): say what is wrong instead.
        return Err(std::io::Error::other(
            "it is a directory; give the export files (NDJSON) to check",
        ));
    }
    let file = File::open(path)?;
    let len = file.metadata().ok().map(|m| m.len());
    Ok((Box::new(BufReader::new(file)), len))
}

/// The file name that means standard input.
const STDIN: &str = "-";

/// How a file's result is printed: text (with the figures under `--stats`)
/// or one JSON object (which always carries them).
#[derive(Clone, Copy)]
enum Output {
    Text { stats: bool },
    Json,
}

fn check_file_as(path: &Path, limits: Limits, threads: usize, output: Output) -> Verdict {
    let json = matches!(output, Output::Json);
    let stats = matches!(output, Output::Text { stats: true });
    let name = if path == Path::new(STDIN) {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let (input, len) = match open(path) {
        Ok(x) => x,
        Err(e) => {
            if json {
                json_line(
                    &name,
                    Verdict::Declined,
                    None,
                    0.0,
                    Some(format!("cannot open: {e}")),
                    None,
                );
            } else {
                eprintln!("{name}: declined: cannot open: {e}");
            }
            return Verdict::Declined;
        }
    };
    let own_peak = reset_peak_memory();
    let start = Instant::now();
    let mut progress = Progress::new(!json && std::io::stderr().is_terminal(), len);
    let result = check_export_with_progress(input, limits, threads, &mut progress);
    let elapsed = start.elapsed();
    let verdict = verdict_of(&result);
    if json {
        let report = result.as_ref().ok();
        let reason = result.as_ref().err().map(|e| e.to_string());
        let peak = peak_memory_kib().filter(|_| own_peak);
        json_line(&name, verdict, report, elapsed.as_secs_f64(), reason, peak);
        return verdict;
    }
    match &result {
        Ok(report) => {
            outln!("{name}: accepted {} declarations", report.declarations);
            if stats {
                print_stats(report, elapsed.as_secs_f64());
            }
        }
        Err(e) if matches!(verdict, Verdict::Declined) => {
            eprintln!("{name}: declined: {e}");
        }
        Err(e) => eprintln!("{name}: rejected: {e}"),
    }
    verdict
}

/// A declaration that exhausts a limit (fuel, recursion, term depth) was
/// neither shown well-typed nor ill-typed: the file is declined, not rejected,
/// so a limit never passes for a verdict.
fn verdict_of(result: &Result<FileReport, CheckFailure>) -> Verdict {
    match result {
        Ok(_) => Verdict::Accepted,
        Err(CheckFailure::Export(e)) if e.is_unsupported() => Verdict::Declined,
        Err(CheckFailure::Rejected { error, .. }) if error.is_limit() => Verdict::Declined,
        Err(_) => Verdict::Rejected,
    }
}

fn print_stats(report: &FileReport, secs: f64) {
    outln!("  declarations:     {}", report.declarations);
    outln!(
        "  terms interned:   {} (peak scratch {})",
        report.terms,
        report.scratch_peak
    );
    outln!(
        "  kept:             {:.1} MiB ({} bytes per declaration)",
        report.kept_bytes as f64 / (1024.0 * 1024.0),
        report.kept_bytes / report.declarations.max(1) as u64
    );
    outln!("  reduction steps:  {}", report.steps);
    outln!("  peak recursion:   {}", report.peak_recursion);
    outln!("  time:             {secs:.3} s");
    match peak_memory_kib() {
        Some(k) => outln!("  peak memory:      {:.1} MiB", k as f64 / 1024.0),
        None => outln!("  peak memory:      unavailable"),
    }
}

/// Checks every file; the exit code is the worst verdict.
pub fn run(args: CheckArgs) -> ExitCode {
    let limits = Limits {
        fuel: args.fuel,
        ..Limits::DEEP
    };
    let files = args.files;
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    let output = if args.json {
        Output::Json
    } else {
        Output::Text { stats: args.stats }
    };
    if files.iter().filter(|f| *f == Path::new(STDIN)).count() > 1 {
        eprintln!("proofgate check: standard input (-) can be read only once");
        return ExitCode::from(2);
    }
    let verdicts: Vec<Verdict> = run_with_kernel_stack(move || {
        files
            .iter()
            .map(|f| check_file_as(f, limits, threads, output))
            .collect()
    });
    Verdict::worst(verdicts).exit()
}

#[cfg(test)]
mod tests {
    use super::{Output, Verdict, check_file_as};
    use proofgate_kernel::Limits;

    #[test]
    fn verdicts_map_to_the_arena_contract() {
        let Some(root) = crate::fixtures::kernel_fixtures() else {
            return;
        };
        let fixture = |rel: &str| root.join(rel);
        let ok = fixture("accept/structure.ndjson");
        assert!(matches!(
            check_file_as(&ok, Limits::DEFAULT, 2, Output::Text { stats: true }),
            Verdict::Accepted
        ));
        let bad = fixture("reject/non_positive.ndjson");
        assert!(matches!(
            check_file_as(&bad, Limits::DEFAULT, 2, Output::Json),
            Verdict::Rejected
        ));
        let future = fixture("decline/future_format.ndjson");
        assert!(matches!(
            check_file_as(&future, Limits::DEFAULT, 2, Output::Text { stats: false }),
            Verdict::Declined
        ));
        // Every unusable input: empty, no meta line, other versions, not UTF-8.
        let declines = std::fs::read_dir(fixture("decline")).expect("decline fixtures");
        let mut n = 0;
        for f in declines.flatten() {
            n += 1;
            assert!(
                matches!(
                    check_file_as(&f.path(), Limits::DEFAULT, 2, Output::Text { stats: false }),
                    Verdict::Declined
                ),
                "{} not declined",
                f.path().display()
            );
        }
        assert!(n >= 8, "decline fixtures missing");
        let missing = fixture("no-such-file.ndjson");
        assert!(matches!(
            check_file_as(&missing, Limits::DEFAULT, 2, Output::Json),
            Verdict::Declined
        ));
    }

    #[test]
    fn running_out_of_fuel_declines_instead_of_rejecting() {
        let Some(root) = crate::fixtures::kernel_fixtures() else {
            return;
        };
        let ok = root.join("accept/structure.ndjson");
        let starved = Limits::with_fuel(1);
        for output in [Output::Text { stats: false }, Output::Json] {
            assert!(matches!(
                check_file_as(&ok, starved, 2, output),
                Verdict::Declined
            ));
        }
        // With the default budget the same file is accepted: the decline came
        // from the limit, not from the file.
        assert!(matches!(
            check_file_as(&ok, Limits::DEFAULT, 2, Output::Text { stats: false }),
            Verdict::Accepted
        ));
    }
}

//! `proofgate kernel-fuzz`: differential mutation fuzzing of the kernel.
//!
//! Takes exports the kernel accepts (the corpus's `good/` files, or files
//! given on the command line), applies one small semantic mutation at a time
//! (`mutate.rs`) and checks each mutant in a fresh kernel. A finding is:
//! - a panic (a crash on hostile input);
//! - a limit exhausted without saying so (a check that used more steps than
//!   its fuel);
//! - an *equivalent-level* mutant (a universe level rewritten into an equal
//!   one) that is not accepted: the verdict depended on how a level is written;
//! - an accepted mutant that is rejected when its declarations are replayed
//!   in another valid order (`reorder.rs`): a verdict that depends on history.
//!
//! It is off the default test path (it runs for as long as it is told);
//! `tests.rs` runs a few hundred mutants of the kernel's own fixtures.

mod export;
mod mutate;
mod reorder;
#[cfg(test)]
mod tests;

use crate::stdout::outln;
use clap::Args;
use export::Export;
use mutate::Op;
use proofgate_kernel::{CheckFailure, Kernel, Limits, check_export};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Arguments of `proofgate kernel-fuzz`.
#[derive(Args)]
#[command(
    after_help = "Exit status: 0 no finding, 1 a finding (saved with --save), 2 bad usage \
    or no usable seed file.\n\nSeed files must be accepted by the kernel as they are; each \
    mutant is checked in an empty environment with the given fuel per declaration."
)]
pub struct KernelFuzzArgs {
    /// Seed exports (NDJSON), or folders searched for `*.ndjson`. Default: the
    /// `good/` folder of the corpus, looked for as the tests look for it:
    /// `$PROOFGATE_LEAN_EXPORTS` alone if set, else `../shared/lean-exports`
    /// then `target/lean-exports` from the current folder; none under
    /// `PROOFGATE_NO_CORPUS=1`.
    paths: Vec<PathBuf>,
    /// How many mutants to check.
    #[arg(long, default_value_t = 1000)]
    mutants: u64,
    /// Seed of the ChaCha8 stream that picks files, operators and positions.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Reduction-step budget per declaration of a mutant.
    #[arg(long, default_value_t = 2_000_000)]
    fuel: u64,
    /// Leave out seed files larger than this many bytes (big files make
    /// mutants slow and add little).
    #[arg(long, default_value_t = 4 << 20)]
    max_file_bytes: u64,
    /// Folder where each finding's mutant is written.
    #[arg(long)]
    save: Option<PathBuf>,
    /// Print the summary as one JSON object.
    #[arg(long)]
    json: bool,
}

/// How one check of a mutant ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Accepted {
        steps: u64,
    },
    Rejected(String),
    /// Out of fuel, recursion or term depth: no verdict.
    Limit(String),
    /// A format version the reader does not implement.
    Declined(String),
    Panic(String),
}

/// Checks an export in a fresh kernel, catching panics.
pub(crate) fn check_text(text: &str, fuel: u64) -> Outcome {
    let limits = Limits {
        fuel,
        ..Limits::DEEP
    };
    let run = || {
        proofgate_kernel::run_with_kernel_stack(|| {
            let mut k = Kernel::new();
            check_export(&mut k, text.as_bytes(), limits)
        })
    };
    match std::panic::catch_unwind(run) {
        Err(p) => Outcome::Panic(
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into()),
        ),
        Ok(Ok(r)) => Outcome::Accepted { steps: r.steps },
        Ok(Err(CheckFailure::Export(e))) if e.is_unsupported() => Outcome::Declined(e.to_string()),
        Ok(Err(e)) if matches!(&e, CheckFailure::Rejected { error, .. } if error.is_limit()) => {
            Outcome::Limit(e.to_string())
        }
        Ok(Err(e)) => Outcome::Rejected(e.to_string()),
    }
}

/// A mutant that broke one of the fuzzer's oracles.
#[derive(Debug)]
pub(crate) struct Finding {
    pub seed_file: PathBuf,
    pub op: Op,
    pub what: String,
    pub mutant: String,
}

/// Per-operator tallies.
#[derive(Default, Clone, Debug)]
pub(crate) struct Tally {
    pub mutants: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub limit: u64,
    pub declined: u64,
    pub reordered: u64,
}

/// The result of a run.
#[derive(Default, Debug)]
pub(crate) struct Summary {
    pub per_op: BTreeMap<&'static str, Tally>,
    pub findings: Vec<Finding>,
    pub slowest: Vec<(Duration, u64, PathBuf, &'static str)>,
}

/// Checks one mutant against the oracles; records tallies and findings.
fn judge(summary: &mut Summary, seed_file: &Path, op: Op, m: &Export, fuel: u64) {
    let text = m.to_text();
    let start = Instant::now();
    let outcome = check_text(&text, fuel);
    let took = start.elapsed();
    let tally = summary.per_op.entry(op.name()).or_default();
    tally.mutants += 1;
    let mut finding = None;
    match &outcome {
        Outcome::Accepted { steps } => {
            tally.accepted += 1;
            summary
                .slowest
                .push((took, *steps, seed_file.to_owned(), op.name()));
            summary.slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
            summary.slowest.truncate(5);
            if let Some(r) = reorder::reordered(m) {
                tally.reordered += 1;
                match check_text(&r.to_text(), fuel) {
                    Outcome::Accepted { .. } => {}
                    other => {
                        finding = Some(format!(
                            "accepted in file order, not when replayed in another valid order: {other:?}"
                        ))
                    }
                }
            }
        }
        Outcome::Rejected(_) => tally.rejected += 1,
        Outcome::Limit(_) => tally.limit += 1,
        Outcome::Declined(_) => tally.declined += 1,
        Outcome::Panic(msg) => finding = Some(format!("kernel panicked: {msg}")),
    }
    if matches!(op, Op::EquivalentLevel | Op::EquivalentResultSort)
        && !matches!(outcome, Outcome::Accepted { .. })
    {
        finding = Some(format!(
            "a universe level rewritten into an equal form changed the verdict: {outcome:?}"
        ));
    }
    if let Outcome::Accepted { steps } = outcome {
        // Fuel is per declaration; a file-level total cannot exceed it times
        // the number of declarations.
        let decls = m.decl_lines().len() as u64;
        if steps > fuel.saturating_mul(decls.max(1)) {
            finding = Some(format!(
                "{steps} steps used under a fuel of {fuel} per declaration"
            ));
        }
    }
    if let Some(what) = finding {
        summary.findings.push(Finding {
            seed_file: seed_file.to_owned(),
            op,
            what,
            mutant: text,
        });
    }
}

/// Runs `mutants` mutants over `seeds` (each accepted as it is).
pub(crate) fn fuzz(seeds: &[(PathBuf, Export)], mutants: u64, seed: u64, fuel: u64) -> Summary {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut summary = Summary::default();
    let mut done = 0;
    let mut attempts = 0;
    while done < mutants && attempts < mutants.saturating_mul(20) {
        attempts += 1;
        let (path, e) = &seeds[rng.random_range(0..seeds.len())];
        let op = Op::ALL[rng.random_range(0..Op::ALL.len())];
        let Some(m) = mutate::mutate(e, op, &mut rng) else {
            continue;
        };
        judge(&mut summary, path, op, &m, fuel);
        done += 1;
    }
    summary
}

fn collect(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
    } else if p.extension().is_some_and(|x| x == "ndjson") {
        out.push(p.to_owned());
    }
}

/// The corpus's `good/` folder, searched in the order of the tests' helper
/// (`proofgate-kernel/tests/support/corpus.rs`) and its shell twin
/// (`scripts/find-corpus.sh`), from `root`; otherwise the places tried.
/// `var` reads the environment (a parameter, so tests need not set it).
fn default_seed_dir(
    root: &Path,
    var: &dyn Fn(&str) -> Option<std::ffi::OsString>,
) -> Result<PathBuf, Vec<PathBuf>> {
    if var("PROOFGATE_NO_CORPUS").is_some_and(|v| v == "1") {
        return Err(Vec::new());
    }
    let tried: Vec<PathBuf> = match var("PROOFGATE_LEAN_EXPORTS") {
        Some(dir) => vec![PathBuf::from(dir)],
        None => vec![
            root.join("../shared/lean-exports"),
            root.join("target/lean-exports"),
        ],
    };
    tried
        .iter()
        .find(|d| d.join("good").is_dir() && d.join("bad").is_dir())
        .map(|d| d.join("good"))
        .ok_or(tried)
}

/// Loads the seed files the kernel accepts as they are.
pub(crate) fn load_seeds(paths: &[PathBuf], max_bytes: u64, fuel: u64) -> Vec<(PathBuf, Export)> {
    let mut files = Vec::new();
    for p in paths {
        collect(p, &mut files);
    }
    let mut seeds = Vec::new();
    for f in files {
        if std::fs::metadata(&f)
            .map(|m| m.len() > max_bytes)
            .unwrap_or(true)
        {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Some(e) = Export::parse(&text) else {
            continue;
        };
        if matches!(check_text(&text, fuel), Outcome::Accepted { .. }) {
            seeds.push((f, e));
        } else {
            eprintln!(
                "kernel-fuzz: {} is not accepted as it is; not used as a seed",
                f.display()
            );
        }
    }
    seeds
}

/// Entry point of `proofgate kernel-fuzz`.
pub fn run(args: KernelFuzzArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        let here = std::env::current_dir().unwrap_or_default();
        match default_seed_dir(&here, &|k| std::env::var_os(k)) {
            Ok(dir) => vec![dir],
            Err(tried) => {
                let tried: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
                eprintln!(
                    "kernel-fuzz: no Lean export corpus found ({}); give seed files or folders, or set PROOFGATE_LEAN_EXPORTS",
                    if tried.is_empty() {
                        "hidden by PROOFGATE_NO_CORPUS=1".to_string()
                    } else {
                        format!("tried {}", tried.join(", "))
                    }
                );
                return ExitCode::from(2);
            }
        }
    } else {
        args.paths.clone()
    };
    let seeds = load_seeds(&paths, args.max_file_bytes, args.fuel);
    if seeds.is_empty() {
        eprintln!(
            "kernel-fuzz: no accepted seed export under {} (give files or folders, or set PROOFGATE_LEAN_EXPORTS)",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return ExitCode::from(2);
    }
    let prev_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {})); // panics are findings, reported below
    let start = Instant::now();
    let summary = fuzz(&seeds, args.mutants, args.seed, args.fuel);
    std::panic::set_hook(prev_hook);
    let secs = start.elapsed().as_secs_f64();
    if let Some(dir) = &args.save {
        let _ = std::fs::create_dir_all(dir);
        for (i, f) in summary.findings.iter().enumerate() {
            let p = dir.join(format!("finding-{i:03}-{}.ndjson", f.op.name()));
            if let Err(e) = std::fs::write(&p, &f.mutant) {
                eprintln!("kernel-fuzz: cannot write {}: {e}", p.display());
            }
        }
    }
    report(&summary, seeds.len(), secs, args.json);
    if summary.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn report(s: &Summary, seeds: usize, secs: f64, json: bool) {
    let total: u64 = s.per_op.values().map(|t| t.mutants).sum();
    if json {
        let ops: serde_json::Map<String, serde_json::Value> = s
            .per_op
            .iter()
            .map(|(k, t)| {
                (
                    k.to_string(),
                    serde_json::json!({"mutants": t.mutants, "accepted": t.accepted, "rejected": t.rejected,
                        "limit": t.limit, "declined": t.declined, "reordered": t.reordered}),
                )
            })
            .collect();
        let findings: Vec<_> = s
            .findings
            .iter()
            .map(|f| serde_json::json!({"seed": f.seed_file.display().to_string(), "op": f.op.name(), "what": f.what}))
            .collect();
        outln!(
            "{}",
            serde_json::json!({"seeds": seeds, "mutants": total, "seconds": secs, "operators": ops, "findings": findings})
        );
        return;
    }
    outln!("kernel-fuzz: {total} mutants of {seeds} seed files in {secs:.1} s");
    outln!(
        "{:<18} {:>8} {:>9} {:>9} {:>7} {:>9} {:>10}",
        "operator",
        "mutants",
        "accepted",
        "rejected",
        "limit",
        "declined",
        "reordered"
    );
    for (k, t) in &s.per_op {
        outln!(
            "{:<18} {:>8} {:>9} {:>9} {:>7} {:>9} {:>10}",
            k,
            t.mutants,
            t.accepted,
            t.rejected,
            t.limit,
            t.declined,
            t.reordered
        );
    }
    for (d, steps, f, op) in &s.slowest {
        outln!(
            "slowest accepted: {:.3} s, {steps} steps ({op} of {})",
            d.as_secs_f64(),
            f.display()
        );
    }
    outln!("findings: {}", s.findings.len());
    for f in &s.findings {
        outln!("  {} of {}: {}", f.op.name(), f.seed_file.display(), f.what);
    }
}

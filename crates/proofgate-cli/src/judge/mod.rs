//! `proofgate judge`: does an untrusted solution export prove the theorems
//! a trusted challenge export states? The rules live in
//! [`proofgate_core::judge`]; this module reads arguments, prints verdicts and
//! appends attestations to a ledger.
//!
//! Verdicts and exit codes (`crate::verdict`): accepted (0) every named
//! theorem accepted; rejected (1) any rejected, or the solution is not a
//! valid export; declined (2) the inputs could not be judged (unreadable or
//! unsupported, a challenge that is not a valid export or does not state a
//! theorem, a kernel bug) or the ledger could not be written.

#[cfg(test)]
mod tests;

use crate::stdout::outln;
use crate::verdict::Verdict;
use clap::Args;
use proofgate_core::judge::{
    DEFAULT_ALLOWED_AXIOMS, JudgeConfig, JudgeError, JudgeReport, judge_files,
};
use proofgate_core::ledger::disk::{DiskLedger, DiskOptions};
use proofgate_core::ledger::hash::to_hex;
use proofgate_kernel::{Limits, run_with_kernel_stack};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `proofgate judge`.
#[derive(Args)]
#[command(after_help = "Acceptance rules (each theorem, in order):\n  \
    1  every declaration of the solution checks in an empty environment\n  \
    2  every other constant of the challenge is in the solution, identical\n  \
    3  the solution declares the theorem as a theorem, with the challenge's statement\n  \
    4  its axioms are allowed (propext, Quot.sound, Classical.choice, and any\n     \
    --allow-axiom) and declared by the challenge, which fixes their statements\n  \
    5  no unsafe constant or partial definition is reachable from it\n\n\
Exit status:\n  \
    0  every named theorem accepted\n  \
    1  some theorem rejected (the rule broken is printed)\n  \
    1  the solution is not a valid export\n  \
    2  the inputs could not be judged, or the ledger could not be written")]
pub struct JudgeArgs {
    /// The trusted export: states each theorem (its proof may be `sorryAx`)
    /// and fixes every constant the statements use.
    #[arg(long)]
    challenge: PathBuf,
    /// The untrusted export that proves them.
    #[arg(long)]
    solution: PathBuf,
    /// A theorem of the challenge to judge (repeatable).
    #[arg(long = "theorem", value_name = "NAME", required = true)]
    theorems: Vec<String>,
    /// Also allow this axiom (repeatable). `sorryAx` and
    /// `Lean.ofReduceBool` (native_decide) are allowed only this way.
    #[arg(long = "allow-axiom", value_name = "NAME")]
    allow_axioms: Vec<String>,
    /// Start from an empty allow list instead of propext, Quot.sound and
    /// Classical.choice.
    #[arg(long)]
    no_default_axioms: bool,
    /// Append each accepted theorem's attestation to this ledger directory.
    #[arg(long, value_name = "DIR")]
    ledger: Option<PathBuf>,
    /// Reduction-step budget per declaration of the solution.
    #[arg(long, default_value_t = Limits::DEEP.fuel)]
    fuel: u64,
    /// Print one JSON object on stdout instead of text.
    #[arg(long)]
    json: bool,
}

/// Runs `proofgate judge`.
pub fn run(args: JudgeArgs) -> ExitCode {
    let mut allowed: Vec<String> = if args.no_default_axioms {
        Vec::new()
    } else {
        DEFAULT_ALLOWED_AXIOMS.map(str::to_owned).to_vec()
    };
    allowed.extend(args.allow_axioms.iter().cloned());
    let config = JudgeConfig {
        allowed_axioms: allowed,
        limits: Limits {
            fuel: args.fuel,
            ..Limits::DEEP
        },
    };
    let (challenge, solution, theorems) = (&args.challenge, &args.solution, &args.theorems);
    let result = run_with_kernel_stack(|| judge_files(challenge, solution, theorems, &config));
    let report = match result {
        Ok(r) => r,
        Err(e) => return not_judged(&e, args.json),
    };
    let positions = match &args.ledger {
        Some(dir) => match append(dir, &report) {
            Ok(p) => p,
            Err(e) => {
                let reason = format!("ledger {}: {e}", dir.display());
                return no_verdict(Verdict::Declined, &reason, args.json);
            }
        },
        None => vec![None; report.verdicts.len()],
    };
    print(&report, &positions, args.json);
    overall(&report).exit()
}

fn overall(report: &JudgeReport) -> Verdict {
    if report.all_accepted() {
        Verdict::Accepted
    } else {
        Verdict::Rejected
    }
}

/// A judgement that ended before any theorem's verdict. A solution that is
/// not a valid export is rejected, as `check` rejects such a file; one in
/// an unsupported format is declined, as there. Everything else (the
/// challenge, the files, the kernel) leaves the question unanswered.
fn not_judged(e: &JudgeError, as_json: bool) -> ExitCode {
    let verdict = match e {
        JudgeError::Solution(export) if !export.is_unsupported() => Verdict::Rejected,
        _ => Verdict::Declined,
    };
    no_verdict(verdict, &e.to_string(), as_json)
}

/// Appends the attestation of every accepted theorem; the position of each.
fn append(
    dir: &std::path::Path,
    report: &JudgeReport,
) -> Result<Vec<Option<u64>>, proofgate_core::ledger::disk::DiskError> {
    let mut ledger = DiskLedger::open(dir, DiskOptions::default())?;
    let mut out = Vec::new();
    for v in &report.verdicts {
        out.push(match &v.outcome {
            Ok(att) => Some(ledger.append(*att)?.position),
            Err(_) => None,
        });
    }
    Ok(out)
}

fn no_verdict(verdict: Verdict, reason: &str, as_json: bool) -> ExitCode {
    if as_json {
        outln!(
            "{}",
            json!({ "verdict": verdict.word(), "reason": reason, "theorems": [] })
        );
    } else {
        eprintln!("proofgate judge: {}: {reason}", verdict.word());
    }
    verdict.exit()
}

fn print(report: &JudgeReport, positions: &[Option<u64>], as_json: bool) {
    if as_json {
        let verdicts: Vec<_> = report
            .verdicts
            .iter()
            .zip(positions)
            .map(|(v, pos)| match &v.outcome {
                Ok(att) => json!({
                    "theorem": v.theorem,
                    "verdict": Verdict::Accepted.word(),
                    "axioms": v.axioms,
                    "proof_term_hash": to_hex(&att.proof_term_hash),
                    "environment_hash": to_hex(&att.environment_hash),
                    "reduction_steps": att.reduction_steps,
                    "ledger_position": pos,
                }),
                Err(r) => json!({
                    "theorem": v.theorem,
                    "verdict": Verdict::Rejected.word(),
                    "axioms": v.axioms,
                    "rule": r.code(),
                    "reason": r.to_string(),
                }),
            })
            .collect();
        outln!(
            "{}",
            json!({
                "verdict": overall(report).word(),
                "theorems": verdicts,
                "challenge_constants": report.challenge_constants,
                "solution_declarations": report.solution_declarations,
                "steps": report.steps,
            })
        );
        return;
    }
    for (v, pos) in report.verdicts.iter().zip(positions) {
        let axioms = if v.axioms.is_empty() {
            "no axioms".to_owned()
        } else {
            format!("axioms: {}", v.axioms.join(", "))
        };
        match &v.outcome {
            Ok(_) => match pos {
                Some(p) => outln!("{}: accepted ({axioms}; ledger position {p})", v.theorem),
                None => outln!("{}: accepted ({axioms})", v.theorem),
            },
            Err(r) => outln!("{}: rejected: {r} ({axioms})", v.theorem),
        }
    }
}

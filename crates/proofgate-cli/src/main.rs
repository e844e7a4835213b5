//! The `proofgate` command line.
//!
//! Each subcommand lives in its own module with its own argument struct, so
//! this file only dispatches. Every command reports with one vocabulary
//! (`verdict.rs`): accepted (exit 0), rejected (exit 1), declined (exit 2).
#![forbid(unsafe_code)]

mod check;
#[cfg(test)]
mod fixtures;
mod fuzz;
mod judge;
mod kernel_fuzz;
mod ledger;
mod stdout;
mod verdict;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Proof-gated mutation: kernel-checked proofs, a tamper-evident ledger, and
/// the provisioning barrier.
#[derive(Parser)]
#[command(name = "proofgate", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the provisioning-barrier fuzz suite against the proven invariants.
    Fuzz(fuzz::FuzzArgs),
    /// Type-check Lean 4 export files (NDJSON 3.1.0) with the proofgate kernel.
    Check(check::CheckArgs),
    /// Mutation-fuzz the kernel: mutants of accepted exports must never crash
    /// it, and their verdicts must not depend on how levels are written or on
    /// the order of independent declarations.
    KernelFuzz(kernel_fuzz::KernelFuzzArgs),
    /// Judge an untrusted Lean proof export against a trusted challenge:
    /// statements identical, axioms allowed, nothing redefined or unsafe.
    Judge(judge::JudgeArgs),
    /// Verify, inspect and prove against an on-disk mutation ledger.
    #[command(subcommand)]
    Ledger(ledger::LedgerCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Fuzz(args) => fuzz::run(args),
        Command::Check(args) => check::run(args),
        Command::KernelFuzz(args) => kernel_fuzz::run(args),
        Command::Judge(args) => judge::run(args),
        Command::Ledger(cmd) => ledger::run(cmd),
    }
}

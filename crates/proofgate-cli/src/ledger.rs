//! `proofgate ledger`: verify, inspect and prove against an on-disk ledger.

use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

/// Subcommands of `proofgate ledger`.
#[derive(Subcommand)]
pub enum LedgerCommand {
    /// Verify the chain and Merkle tree of a ledger directory.
    Verify {
        /// The ledger directory.
        dir: PathBuf,
    },
}

/// Not built yet: says so and fails rather than claim a verification.
pub fn run(cmd: LedgerCommand) -> ExitCode {
    let LedgerCommand::Verify { dir } = cmd;
    let _ = dir;
    eprintln!("proofgate ledger: not yet built (the ledger has not landed)");
    ExitCode::from(2)
}

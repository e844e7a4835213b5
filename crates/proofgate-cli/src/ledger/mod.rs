//! `proofgate ledger`: verify, inspect and prove against an on-disk ledger.
//!
//! Exit codes: 0 the ledger (or proof) checks out; 1 verification failed
//! (the message names the file, record and byte); 2 bad usage or a
//! directory that cannot be read.

mod inspect;
mod outcome;
mod prove;
mod verify;

use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

/// Subcommands of `proofgate ledger`.
#[derive(Subcommand)]
pub enum LedgerCommand {
    /// Verify every record of a ledger directory: framing and checksums, the
    /// blake3 chain, the Merkle tree, every compaction, epoch and scope seal.
    /// Read-only and lock-free; a torn tail left by a crash is reported as a
    /// failure (opening the ledger for writing repairs it).
    Verify {
        /// The ledger directory.
        dir: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the entries of a ledger (after verifying it): position, kind,
    /// file, byte offset, chain head and the attestation fields.
    Inspect {
        /// The ledger directory.
        dir: PathBuf,
        /// First position to list.
        #[arg(long, default_value_t = 0)]
        from: u64,
        /// Stop before this position (default: the end).
        #[arg(long)]
        to: Option<u64>,
        /// Print one JSON object per line instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Produce (and check) an inclusion proof of one entry, or a consistency
    /// proof between two sizes, against the ledger's Merkle roots.
    Prove {
        /// The ledger directory.
        dir: PathBuf,
        /// Prove that the entry at this position is in the tree.
        #[arg(
            long,
            conflicts_with = "consistency",
            required_unless_present = "consistency"
        )]
        index: Option<u64>,
        /// Tree size of the inclusion proof (default: the whole ledger).
        #[arg(long, requires = "index")]
        size: Option<u64>,
        /// Prove that the tree of the first M entries is a prefix of the
        /// tree of the first N entries.
        #[arg(long, num_args = 2, value_names = ["M", "N"])]
        consistency: Option<Vec<u64>>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Runs one `proofgate ledger` subcommand.
pub fn run(cmd: LedgerCommand) -> ExitCode {
    match cmd {
        LedgerCommand::Verify { dir, json } => verify::run(&dir, json),
        LedgerCommand::Inspect {
            dir,
            from,
            to,
            json,
        } => inspect::run(&dir, from, to, json),
        LedgerCommand::Prove {
            dir,
            index,
            size,
            consistency,
            json,
        } => prove::run(&dir, index, size, consistency.as_deref(), json),
    }
}

#[cfg(test)]
mod tests;

//! `proofgate ledger`: verify, inspect and prove against an on-disk ledger;
//! sign checkpoints of it and verify proofs against them offline.
//!
//! Exit codes: 0 the ledger (or proof) checks out; 1 verification failed
//! (the message names the file, record and byte, or the checkpoint or proof
//! that does not match); 2 bad usage or a file that cannot be read.

mod checkpoint;
mod entry_json;
mod inspect;
mod keygen;
mod keys;
mod outcome;
mod prove;
mod repair;
mod verify;
mod verify_proof;

use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

/// Subcommands of `proofgate ledger`.
#[derive(Subcommand)]
pub enum LedgerCommand {
    /// Verify every record of a ledger directory: framing and checksums, the
    /// blake3 chain, the Merkle tree, every compaction, epoch and scope seal.
    /// Read-only and lock-free; a torn tail left by a crash is reported as a
    /// failure (`ledger repair` drops it). With
    /// --checkpoint, the directory must also extend that signed checkpoint:
    /// a ledger cut back below its size (records or whole files deleted
    /// from the end) or whose history differs from its root fails.
    Verify {
        /// The ledger directory.
        dir: PathBuf,
        /// A signed checkpoint (from `ledger checkpoint`) the ledger must
        /// extend.
        #[arg(long, requires = "public_key")]
        checkpoint: Option<PathBuf>,
        /// The log's public key (from `ledger keygen`) that signed it.
        #[arg(long, requires = "checkpoint")]
        public_key: Option<PathBuf>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Drop a torn tail left by a crash (the last record of the last file
    /// cut short), reporting what was dropped, and append nothing. Damage
    /// that is not a torn tail is refused (exit 1) and left as it is; a
    /// whole ledger is left untouched (exit 0).
    Repair {
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
        /// Also write the proof to FILE in the proof-file JSON format
        /// (`proofgate-ledger-proof/1`), for `ledger verify-proof`.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Generate an Ed25519 key for signing checkpoints. The private key goes
    /// to a new file (mode 0600, in the text form of Go's sumdb/note); the
    /// public verifier key is printed (and written to --public-out).
    Keygen {
        /// The log's origin, which is also the key name; it must end in
        /// `/blake3`, naming the tree hash.
        #[arg(long, default_value = "proofgate.example/ledger/blake3")]
        origin: String,
        /// Where to write the private key (must not exist).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Where to write the public key too (must not exist).
        #[arg(long, value_name = "FILE")]
        public_out: Option<PathBuf>,
        /// Print one JSON object instead of the public key.
        #[arg(long)]
        json: bool,
    },
    /// Verify a ledger directory and sign its size and Merkle root as a C2SP
    /// tlog-checkpoint (a signed note; origin = key name). A directory with
    /// a torn tail is refused until `ledger repair` has dropped it.
    Checkpoint {
        /// The ledger directory.
        dir: PathBuf,
        /// The private key (from `ledger keygen`).
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// Write the signed checkpoint here instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Print one JSON object (with the note in it).
        #[arg(long)]
        json: bool,
    },
    /// Verify a proof file (from `ledger prove --out`) against a signed
    /// checkpoint, offline: no ledger directory is read. An inclusion proof
    /// must be for the checkpoint's tree size; a consistency proof must end
    /// at it (and start at --old-checkpoint's size and root, when given).
    VerifyProof {
        /// The signed checkpoint.
        #[arg(long, value_name = "FILE")]
        checkpoint: PathBuf,
        /// The proof file.
        #[arg(long, value_name = "FILE")]
        proof: PathBuf,
        /// The log's public key.
        #[arg(long, value_name = "FILE")]
        public_key: PathBuf,
        /// An older signed checkpoint a consistency proof must start from.
        #[arg(long, value_name = "FILE")]
        old_checkpoint: Option<PathBuf>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Runs one `proofgate ledger` subcommand.
pub fn run(cmd: LedgerCommand) -> ExitCode {
    match cmd {
        LedgerCommand::Verify {
            dir,
            checkpoint,
            public_key,
            json,
        } => verify::run(&dir, checkpoint.as_deref().zip(public_key.as_deref()), json),
        LedgerCommand::Repair { dir, json } => repair::run(&dir, json),
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
            out,
            json,
        } => prove::run(
            &dir,
            index,
            size,
            consistency.as_deref(),
            out.as_deref(),
            json,
        ),
        LedgerCommand::Keygen {
            origin,
            out,
            public_out,
            json,
        } => keygen::run(&origin, &out, public_out.as_deref(), json),
        LedgerCommand::Checkpoint {
            dir,
            key,
            out,
            json,
        } => checkpoint::run(&dir, &key, out.as_deref(), json),
        LedgerCommand::VerifyProof {
            checkpoint,
            proof,
            public_key,
            old_checkpoint,
            json,
        } => verify_proof::run(
            &verify_proof::Inputs {
                checkpoint: &checkpoint,
                old_checkpoint: old_checkpoint.as_deref(),
                proof: &proof,
                public_key: &public_key,
            },
            json,
        ),
    }
}

#[cfg(test)]
mod tests;

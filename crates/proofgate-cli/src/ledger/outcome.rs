//! How ledger errors become messages, verdicts and exit codes
//! (`crate::verdict`: rejected 1, declined 2).

use crate::stdout::outln;
use crate::verdict::Verdict;
use proofgate_core::ledger::disk::DiskError;
use serde_json::{Value, json};
use std::process::ExitCode;

/// Verification failed: the input is not a valid ledger (`rejected`).
pub const FAILED: u8 = Verdict::Rejected.code();
/// Bad usage or unreadable input (`declined`).
pub const USAGE: u8 = Verdict::Declined.code();

/// The verdict word of an exit code of this module.
fn word(code: u8) -> &'static str {
    if code == FAILED {
        Verdict::Rejected.word()
    } else {
        Verdict::Declined.word()
    }
}

/// Exit code and JSON description of a disk error.
pub fn classify(err: &DiskError) -> (u8, Value) {
    match err {
        DiskError::Corrupt {
            file,
            position,
            offset,
            reason,
        } => (
            FAILED,
            json!({
                "verdict": word(FAILED),
                "cause": "corrupt",
                "file": file.display().to_string(),
                "record": position,
                "byte": offset,
                "reason": reason,
            }),
        ),
        DiskError::RolledBack { .. } | DiskError::Forked { .. } => (
            FAILED,
            json!({
                "verdict": word(FAILED),
                "cause": if matches!(err, DiskError::Forked { .. }) { "forked" } else { "rolled_back" },
                "reason": err.to_string(),
            }),
        ),
        DiskError::TornTail { file, offset } => (
            FAILED,
            json!({
                "verdict": word(FAILED),
                "cause": "torn_tail",
                "file": file.display().to_string(),
                "byte": offset,
                "reason": err.to_string(),
            }),
        ),
        DiskError::ProofRefused(_) => (
            FAILED,
            json!({ "verdict": word(FAILED), "cause": "proof", "reason": err.to_string() }),
        ),
        DiskError::Ledger(e) => (
            FAILED,
            json!({ "verdict": word(FAILED), "cause": "ledger", "reason": e.to_string() }),
        ),
        other => (
            USAGE,
            json!({ "verdict": word(USAGE), "cause": "unreadable", "reason": other.to_string() }),
        ),
    }
}

/// Reports `err` (as text on stderr, or JSON on stdout) and returns its
/// exit code.
pub fn report(err: &DiskError, as_json: bool) -> ExitCode {
    let (code, value) = classify(err);
    if as_json {
        outln!("{value}");
    } else {
        let what = if code == FAILED {
            "verification failed"
        } else {
            "cannot read ledger"
        };
        eprintln!("proofgate ledger: {what}: {err}");
    }
    ExitCode::from(code)
}

/// Reports a usage error.
pub fn usage(message: &str, as_json: bool) -> ExitCode {
    if as_json {
        outln!(
            "{}",
            json!({ "verdict": word(USAGE), "cause": "usage", "reason": message })
        );
    } else {
        eprintln!("proofgate ledger: {message}");
    }
    ExitCode::from(USAGE)
}

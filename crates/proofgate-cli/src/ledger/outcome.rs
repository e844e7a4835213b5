//! How ledger errors become messages and exit codes.

use crate::stdout::outln;
use proofgate_core::ledger::disk::DiskError;
use serde_json::{Value, json};
use std::process::ExitCode;

/// Verification failed: the input is not a valid ledger.
pub const FAILED: u8 = 1;
/// Bad usage or unreadable input.
pub const USAGE: u8 = 2;

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
                "ok": false,
                "error": "corrupt",
                "file": file.display().to_string(),
                "record": position,
                "byte": offset,
                "reason": reason,
            }),
        ),
        DiskError::RolledBack { .. } | DiskError::Forked { .. } => (
            FAILED,
            json!({
                "ok": false,
                "error": if matches!(err, DiskError::Forked { .. }) { "forked" } else { "rolled_back" },
                "reason": err.to_string(),
            }),
        ),
        DiskError::TornTail { file, offset } => (
            FAILED,
            json!({
                "ok": false,
                "error": "torn_tail",
                "file": file.display().to_string(),
                "byte": offset,
                "reason": err.to_string(),
            }),
        ),
        DiskError::ProofRefused(_) => (
            FAILED,
            json!({ "ok": false, "error": "proof", "reason": err.to_string() }),
        ),
        DiskError::Ledger(e) => (
            FAILED,
            json!({ "ok": false, "error": "ledger", "reason": e.to_string() }),
        ),
        other => (
            USAGE,
            json!({ "ok": false, "error": "unreadable", "reason": other.to_string() }),
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
            json!({ "ok": false, "error": "usage", "reason": message })
        );
    } else {
        eprintln!("proofgate ledger: {message}");
    }
    ExitCode::from(USAGE)
}

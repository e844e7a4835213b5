//! `proofgate ledger repair DIR`: drops a torn tail left by a crash, and
//! nothing else.
//!
//! A crash can leave the last record of the last file cut short (or
//! zero-filled at full length); the ledger's writer drops such a tail when
//! it opens the directory. This command does exactly that and appends
//! nothing: it first verifies the directory read-only, so damage that is
//! not a torn tail (a flipped bit, a record altered in the middle) is
//! refused with the verifier's message and the directory is left as it was.

use super::outcome::{FAILED, report};
use crate::stdout::outln;
use crate::verdict::Verdict;
use proofgate_core::ledger::disk::{DiskLedger, DiskOptions, verify_dir};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Repairs `dir`; exit 0 when it verifies afterwards (repaired or already
/// whole), 1 when its damage is not a torn tail, 2 when it cannot be read.
pub fn run(dir: &Path, as_json: bool) -> ExitCode {
    let before = match verify_dir(dir) {
        Ok(r) => r,
        Err(e) => return report(&e, as_json),
    };
    let Some(torn) = before.scan.torn.clone() else {
        if as_json {
            outln!(
                "{}",
                json!({ "verdict": Verdict::Accepted.word(), "repair": "nothing_to_repair", "records": before.scan.records, "dropped": null })
            );
        } else {
            outln!(
                "{}: nothing to repair: {} records verify and no tail is torn",
                dir.display(),
                before.scan.records
            );
        }
        return ExitCode::SUCCESS;
    };
    // Opening for writing drops the torn tail (and takes the writer's lock,
    // so no other writer is appending meanwhile); dropping it appends nothing.
    if let Err(e) = DiskLedger::open(dir, DiskOptions::default()) {
        return report(&e, as_json);
    }
    let after = match verify_dir(dir) {
        Ok(r) => r,
        Err(e) => return report(&e, as_json),
    };
    if after.scan.torn.is_some() || after.scan.records != before.scan.records {
        let reason = format!(
            "after repair the directory holds {} records (expected {}) and {} torn tail",
            after.scan.records,
            before.scan.records,
            if after.scan.torn.is_some() {
                "still a"
            } else {
                "no"
            }
        );
        if as_json {
            outln!(
                "{}",
                json!({ "verdict": Verdict::Rejected.word(), "cause": "repair", "reason": reason })
            );
        } else {
            eprintln!("proofgate ledger: repair failed: {reason}");
        }
        return ExitCode::from(FAILED);
    }
    if as_json {
        outln!(
            "{}",
            json!({
                "verdict": Verdict::Accepted.word(),
                "repair": "dropped_torn_tail",
                "records": after.scan.records,
                "dropped": {
                    "file": torn.file.display().to_string(),
                    "byte": torn.offset,
                    "bytes": torn.bytes,
                    "partial_records": torn.records,
                },
            })
        );
    } else {
        outln!(
            "{}: dropped a torn tail of {} bytes ({} partial record(s)) at byte {} of {}; the {} records before it verify",
            dir.display(),
            torn.bytes,
            torn.records,
            torn.offset,
            torn.file.display(),
            after.scan.records
        );
    }
    ExitCode::SUCCESS
}

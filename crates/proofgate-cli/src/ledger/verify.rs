//! `proofgate ledger verify DIR`.

use super::outcome::{FAILED, report};
use crate::stdout::outln;
use proofgate::ledger::disk::verify_dir;
use proofgate::ledger::hash::to_hex;
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Verifies the directory; a torn tail counts as a failure.
pub fn run(dir: &Path, as_json: bool) -> ExitCode {
    let report_ok = match verify_dir(dir) {
        Ok(r) => r,
        Err(e) => return report(&e, as_json),
    };
    let torn = report_ok.scan.torn.as_ref();
    if as_json {
        outln!(
            "{}",
            json!({
                "ok": torn.is_none(),
                "records": report_ok.scan.records,
                "files": report_ok.scan.files,
                "epoch": report_ok.epoch,
                "root": to_hex(&report_ok.root),
                "head": to_hex(&report_ok.head),
                "torn_tail": torn.map(|t| json!({
                    "file": t.file.display().to_string(),
                    "record": report_ok.scan.records,
                    "byte": t.offset,
                    "bytes": t.bytes,
                    "partial_records": t.records,
                })),
            })
        );
    } else if let Some(t) = torn {
        eprintln!(
            "proofgate ledger: verification failed: {}: torn tail at byte {} (record {}): {} bytes, {} partial record(s); the {} records before it verify; opening the ledger for writing drops the tail",
            t.file.display(),
            t.offset,
            report_ok.scan.records,
            t.bytes,
            t.records,
            report_ok.scan.records
        );
    } else {
        outln!(
            "ok: {} records in {} segment file(s), epoch {}\nroot {}\nhead {}",
            report_ok.scan.records,
            report_ok.scan.files,
            report_ok.epoch,
            to_hex(&report_ok.root),
            to_hex(&report_ok.head)
        );
    }
    if torn.is_some() {
        ExitCode::from(FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

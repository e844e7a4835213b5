//! `proofgate ledger verify DIR [--checkpoint FILE --public-key FILE]`.

use super::keys::{checkpoint, verifier};
use super::outcome::{FAILED, report, usage};
use crate::stdout::outln;
use crate::verdict::Verdict;
use proofgate_core::ledger::EpochConfig;
use proofgate_core::ledger::disk::{verify_against, verify_dir};
use proofgate_core::ledger::hash::to_hex;
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Verifies the directory; a torn tail counts as a failure. With a signed
/// checkpoint (`(checkpoint file, public key file)`), the directory must
/// also extend it: not rolled back below its size, not forked from its root.
pub fn run(dir: &Path, signed: Option<(&Path, &Path)>, as_json: bool) -> ExitCode {
    let against = match signed {
        None => None,
        Some((cp, key)) => {
            let key = match verifier(key) {
                Ok(k) => k,
                Err(e) => return usage(&e, as_json),
            };
            match checkpoint(cp, &key) {
                Ok(c) => Some(c),
                Err(e) => {
                    if as_json {
                        outln!(
                            "{}",
                            json!({ "verdict": Verdict::Rejected.word(), "cause": "checkpoint", "reason": e })
                        );
                    } else {
                        eprintln!("proofgate ledger: verification failed: {e}");
                    }
                    return ExitCode::from(FAILED);
                }
            }
        }
    };
    let verified = match &against {
        Some(cp) => verify_against(dir, cp),
        None => verify_dir(dir),
    };
    let report_ok = match verified {
        Ok(r) => r,
        Err(e) => return report(&e, as_json),
    };
    let torn = report_ok.scan.torn.as_ref();
    if as_json {
        outln!(
            "{}",
            json!({
                "verdict": if torn.is_none() { Verdict::Accepted } else { Verdict::Rejected }.word(),
                "records": report_ok.scan.records,
                "files": report_ok.scan.files,
                "epoch": report_ok.epoch,
                "epoch_environment": pinned(&report_ok.epoch_config),
                "root": to_hex(&report_ok.root),
                "head": to_hex(&report_ok.head),
                "checkpoint": against.as_ref().map(|c| json!({
                    "origin": c.origin,
                    "size": c.size,
                    "root": to_hex(&c.root),
                })),
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
            "proofgate ledger: verification failed: {}: torn tail at byte {} (record {}): {} bytes, {} partial record(s); the {} records before it verify; `proofgate ledger repair` drops the tail",
            t.file.display(),
            t.offset,
            report_ok.scan.records,
            t.bytes,
            t.records,
            report_ok.scan.records
        );
    } else {
        let environment = pinned(&report_ok.epoch_config)
            .map(|h| format!(", whose attestations were all issued under environment {h}"))
            .unwrap_or_default();
        outln!(
            "ok: {} records in {} segment file(s), epoch {}{environment}\nroot {}\nhead {}",
            report_ok.scan.records,
            report_ok.scan.files,
            report_ok.epoch,
            to_hex(&report_ok.root),
            to_hex(&report_ok.head)
        );
        if let Some(c) = &against {
            outln!(
                "extends the checkpoint of {} at size {} signed by its key",
                c.origin,
                c.size
            );
        }
    }
    if torn.is_some() {
        ExitCode::from(FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

/// The environment an epoch pins, in hex; `None` when it pins none.
fn pinned(config: &EpochConfig) -> Option<String> {
    (config.environment_hash != [0; 32]).then(|| to_hex(&config.environment_hash))
}

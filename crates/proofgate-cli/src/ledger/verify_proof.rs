//! `proofgate ledger verify-proof --checkpoint FILE --proof FILE
//! --public-key FILE [--old-checkpoint FILE]`: offline, no ledger directory.

use super::entry_json::{approval_text, details};
use super::keys::{checkpoint, read_small, verifier};
use super::outcome::{FAILED, usage};
use crate::stdout::outln;
use crate::verdict::Verdict;
use proofgate_core::ledger::hash::to_hex;
use proofgate_core::ledger::{ProofFile, Verified};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Paths of the files `verify-proof` reads.
pub struct Inputs<'a> {
    /// The signed checkpoint the proof is checked against.
    pub checkpoint: &'a Path,
    /// An older signed checkpoint (consistency proofs).
    pub old_checkpoint: Option<&'a Path>,
    /// The proof file.
    pub proof: &'a Path,
    /// The log's verifier key.
    pub public_key: &'a Path,
}

fn failed(reason: &str, as_json: bool) -> ExitCode {
    if as_json {
        outln!(
            "{}",
            json!({ "verdict": Verdict::Rejected.word(), "cause": "verification", "reason": reason })
        );
    } else {
        eprintln!("proofgate ledger: verification failed: {reason}");
    }
    ExitCode::from(FAILED)
}

/// Opens the checkpoint(s) with the key, then checks the proof against them.
pub fn run(inputs: &Inputs<'_>, as_json: bool) -> ExitCode {
    let key = match verifier(inputs.public_key) {
        Ok(k) => k,
        Err(e) => return usage(&e, as_json),
    };
    // A checkpoint the key did not sign is a failed verification, not bad
    // usage: it is the evidence being checked.
    let open = |p| checkpoint(p, &key);
    let cp = match open(inputs.checkpoint) {
        Ok(c) => c,
        Err(e) => return failed(&e, as_json),
    };
    let old = match inputs.old_checkpoint.map(open).transpose() {
        Ok(o) => o,
        Err(e) => return failed(&e, as_json),
    };
    let proof = match read_small(inputs.proof).and_then(|b| {
        String::from_utf8(b).map_err(|_| format!("{}: not UTF-8", inputs.proof.display()))
    }) {
        Ok(text) => match ProofFile::from_json(&text) {
            Ok(p) => p,
            Err(e) => return failed(&format!("{}: {e}", inputs.proof.display()), as_json),
        },
        Err(e) => return usage(&e, as_json),
    };
    let verified = match proof.verify(&cp, old.as_ref()) {
        Ok(v) => v,
        Err(e) => return failed(&e.to_string(), as_json),
    };
    match (verified, as_json) {
        (Verified::Included { index, entry }, true) => outln!(
            "{}",
            json!({
                "verdict": Verdict::Accepted.word(), "kind": "inclusion", "origin": cp.origin, "size": cp.size,
                "root": to_hex(&cp.root), "index": index, "entry_kind": entry.kind(),
                "entry": details(&entry),
            })
        ),
        (Verified::Included { index, entry }, false) => {
            outln!(
                "ok: entry {index} ({}) is in {} at size {}, root {}",
                entry.kind(),
                cp.origin,
                cp.size,
                to_hex(&cp.root)
            );
            if let Some(t) = approval_text(&entry) {
                outln!("{t}");
            }
        }
        (Verified::Extends { old_size, old_root }, true) => outln!(
            "{}",
            json!({
                "verdict": Verdict::Accepted.word(), "kind": "consistency", "origin": cp.origin, "size": cp.size,
                "root": to_hex(&cp.root), "old_size": old_size, "old_root": to_hex(&old_root),
            })
        ),
        (Verified::Extends { old_size, old_root }, false) => outln!(
            "ok: the tree of {old_size} entries (root {}) is a prefix of {} at size {}, root {}",
            to_hex(&old_root),
            cp.origin,
            cp.size,
            to_hex(&cp.root)
        ),
    }
    ExitCode::SUCCESS
}

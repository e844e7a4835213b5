//! `proofgate ledger prove DIR --index I [--size N] [--out FILE]` and
//! `proofgate ledger prove DIR --consistency M N [--out FILE]`.

use super::entry_json::{approval_text, details};
use super::keys::write;
use super::outcome::{FAILED, report, usage};
use crate::stdout::outln;
use crate::verdict::Verdict;
use proofgate_core::ledger::disk::{DiskError, consistency_proof_file, inclusion_proof_file};
use proofgate_core::ledger::hash::to_hex;
use proofgate_core::ledger::{LedgerError, ProofFile};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Builds the requested proof with the ledger crate's one call
/// (`inclusion_proof_file` / `consistency_proof_file`: archived entries
/// included, checked with the hash-only verifier), prints it, and writes it
/// to `out` as a proof file (see `proofgate_ledger::proof_file`) when given.
pub fn run(
    dir: &Path,
    index: Option<u64>,
    size: Option<u64>,
    consistency: Option<&[u64]>,
    out: Option<&Path>,
    as_json: bool,
) -> ExitCode {
    let proved = match (index, consistency) {
        (Some(i), None) => inclusion_proof_file(dir, i, size),
        (None, Some(&[m, n])) => consistency_proof_file(dir, m, n),
        _ => return usage("give either --index I or --consistency M N", as_json),
    };
    let proved = match proved {
        Ok(p) => p,
        Err(DiskError::Ledger(e @ LedgerError::OutOfRange { .. })) => {
            return usage(&out_of_range(&e, index, size), as_json);
        }
        // A proof the ledger's own roots refuse: the ledger is inconsistent
        // (exit 1); a ledger error is a request it cannot answer (exit 2).
        Err(DiskError::ProofRefused(e)) => {
            return failed("the proof does not verify", &e.into(), as_json);
        }
        Err(DiskError::Ledger(e)) => return usage(&e.to_string(), as_json),
        Err(e) => return report(&e, as_json),
    };
    if let Some(path) = out
        && let Err(e) = write(path, &proved.file.to_json())
    {
        return usage(&e, as_json);
    }
    match &proved.file {
        ProofFile::Inclusion { proof, .. } => {
            let Some((entry, leaf)) = &proved.entry else {
                unreachable!("an inclusion proof file names its entry")
            };
            let kind = entry.kind();
            let path: Vec<String> = proof.path.iter().map(to_hex).collect();
            let (index, size) = (proof.index, proof.size);
            if as_json {
                outln!(
                    "{}",
                    json!({
                        "verdict": Verdict::Accepted.word(),
                        "kind": "inclusion",
                        "index": index,
                        "size": size,
                        "entry_kind": kind,
                        "entry": details(entry),
                        "previous": to_hex(&proof.previous),
                        "leaf": to_hex(leaf),
                        "root": to_hex(&proved.root),
                        "path": path,
                    })
                );
            } else {
                outln!(
                    "inclusion of entry {index} ({kind}) in the tree of {size} entries (verified)"
                );
                if let Some(t) = approval_text(entry) {
                    outln!("{t}");
                }
                outln!(
                    "previous {}\nleaf {}\nroot {}",
                    to_hex(&proof.previous),
                    to_hex(leaf),
                    to_hex(&proved.root)
                );
                for (k, h) in path.iter().enumerate() {
                    outln!("path[{k}] {h}");
                }
            }
        }
        ProofFile::Consistency { proof, old_root } => {
            let path: Vec<String> = proof.path.iter().map(to_hex).collect();
            let (m, n) = (proof.old_size, proof.new_size);
            if as_json {
                outln!(
                    "{}",
                    json!({
                        "verdict": Verdict::Accepted.word(),
                        "kind": "consistency",
                        "old_size": m,
                        "new_size": n,
                        "old_root": to_hex(old_root),
                        "new_root": to_hex(&proved.root),
                        "path": path,
                    })
                );
            } else {
                outln!("consistency of {m} -> {n} entries (verified)");
                outln!(
                    "old root {}\nnew root {}",
                    to_hex(old_root),
                    to_hex(&proved.root)
                );
                for (k, h) in path.iter().enumerate() {
                    outln!("path[{k}] {h}");
                }
            }
        }
    }
    ExitCode::SUCCESS
}

/// The flags a range error is about, in their own words.
fn out_of_range(e: &LedgerError, index: Option<u64>, size: Option<u64>) -> String {
    match (index, size, e) {
        (Some(i), Some(s), LedgerError::OutOfRange { len, .. }) if s > *len || i < s => {
            format!("--size {s} is beyond the ledger, which holds {len} entries")
        }
        (Some(i), _, LedgerError::OutOfRange { len, .. }) => {
            format!("--index {i} is not below the tree size {len}")
        }
        _ => e.to_string(),
    }
}

fn failed(what: &str, err: &LedgerError, as_json: bool) -> ExitCode {
    if as_json {
        outln!(
            "{}",
            json!({ "verdict": Verdict::Rejected.word(), "cause": "proof", "reason": format!("{what}: {err}") })
        );
    } else {
        eprintln!("proofgate ledger: {what}: {err}");
    }
    ExitCode::from(FAILED)
}

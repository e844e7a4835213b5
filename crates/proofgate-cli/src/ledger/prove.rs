//! `proofgate ledger prove DIR --index I [--size N] [--out FILE]` and
//! `proofgate ledger prove DIR --consistency M N [--out FILE]`.

use super::keys::write;
use super::outcome::{FAILED, report, usage};
use crate::stdout::outln;
use proofgate::ledger::disk::read_dir;
use proofgate::ledger::hash::to_hex;
use proofgate::ledger::{ArchivePolicy, LedgerError, MutationLedger, ProofFile};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Builds the requested proof, checks it with the hash-only verifier,
/// prints it, and writes it to `out` as a proof file (see
/// `proofgate_ledger::proof_file`) when given.
pub fn run(
    dir: &Path,
    index: Option<u64>,
    size: Option<u64>,
    consistency: Option<&[u64]>,
    out: Option<&Path>,
    as_json: bool,
) -> ExitCode {
    // Archived entries are proved from their segments, so keep them.
    let ledger = match read_dir(dir, ArchivePolicy::Retain, &mut |_| {}) {
        Ok((ledger, _)) => ledger,
        Err(e) => return report(&e, as_json),
    };
    match (index, consistency) {
        (Some(i), None) => inclusion(&ledger, i, size.unwrap_or(ledger.len()), out, as_json),
        (None, Some(&[m, n])) => consistency_proof(&ledger, m, n, out, as_json),
        _ => usage("give either --index I or --consistency M N", as_json),
    }
}

fn failed(what: &str, err: &LedgerError, as_json: bool) -> ExitCode {
    if as_json {
        outln!(
            "{}",
            json!({ "ok": false, "error": "proof", "reason": format!("{what}: {err}") })
        );
    } else {
        eprintln!("proofgate ledger: {what}: {err}");
    }
    ExitCode::from(FAILED)
}

/// Writes the proof file, if asked; `Err` carries the exit code.
fn save(out: Option<&Path>, file: ProofFile, as_json: bool) -> Result<(), ExitCode> {
    match out {
        Some(path) => write(path, &file.to_json()).map_err(|e| usage(&e, as_json)),
        None => Ok(()),
    }
}

fn inclusion(
    ledger: &MutationLedger,
    index: u64,
    size: u64,
    out: Option<&Path>,
    as_json: bool,
) -> ExitCode {
    if size > ledger.len() {
        let why = format!(
            "--size {size} is beyond the ledger, which holds {} entries",
            ledger.len()
        );
        return usage(&why, as_json);
    }
    if index >= size {
        let why = format!("--index {index} is not below the tree size {size}");
        return usage(&why, as_json);
    }
    let proof = match ledger.prove_inclusion(index, size, &[]) {
        Ok(p) => p,
        Err(e) => return usage(&e.to_string(), as_json),
    };
    let root = match ledger.root_at(size, &[]) {
        Ok(r) => r,
        Err(e) => return usage(&e.to_string(), as_json),
    };
    // The verifier rebuilds the leaf from the entry's bytes and the
    // predecessor head the proof carries.
    let Some(entry) = ledger.find_entry(index, &[]) else {
        return usage(&format!("entry {index} is not held"), as_json);
    };
    let bytes = entry.encode();
    let leaf = proof.leaf(bytes.as_slice());
    if let Err(e) = proof.verify(bytes.as_slice(), &root) {
        return failed("inclusion proof does not verify", &e.into(), as_json);
    }
    let path: Vec<String> = proof.path.iter().map(to_hex).collect();
    let previous = proof.previous;
    let file = ProofFile::Inclusion {
        proof,
        entry: bytes.as_slice().to_vec(),
    };
    if let Err(code) = save(out, file, as_json) {
        return code;
    }
    if as_json {
        outln!(
            "{}",
            json!({
                "ok": true,
                "kind": "inclusion",
                "index": index,
                "size": size,
                "entry": entry.kind(),
                "previous": to_hex(&previous),
                "leaf": to_hex(&leaf),
                "root": to_hex(&root),
                "path": path,
            })
        );
    } else {
        outln!(
            "inclusion of entry {index} ({}) in the tree of {size} entries (verified)",
            entry.kind()
        );
        outln!(
            "previous {}\nleaf {}\nroot {}",
            to_hex(&previous),
            to_hex(&leaf),
            to_hex(&root)
        );
        for (k, h) in path.iter().enumerate() {
            outln!("path[{k}] {h}");
        }
    }
    ExitCode::SUCCESS
}

fn consistency_proof(
    ledger: &MutationLedger,
    m: u64,
    n: u64,
    out: Option<&Path>,
    as_json: bool,
) -> ExitCode {
    let proof = match ledger.prove_consistency(m, n, &[]) {
        Ok(p) => p,
        Err(e) => return usage(&e.to_string(), as_json),
    };
    let (old_root, new_root) = match (ledger.root_at(m, &[]), ledger.root_at(n, &[])) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return usage(&e.to_string(), as_json),
    };
    if let Err(e) = proof.verify(&old_root, &new_root) {
        return failed("consistency proof does not verify", &e.into(), as_json);
    }
    let path: Vec<String> = proof.path.iter().map(to_hex).collect();
    if let Err(code) = save(out, ProofFile::Consistency { proof, old_root }, as_json) {
        return code;
    }
    if as_json {
        outln!(
            "{}",
            json!({
                "ok": true,
                "kind": "consistency",
                "old_size": m,
                "new_size": n,
                "old_root": to_hex(&old_root),
                "new_root": to_hex(&new_root),
                "path": path,
            })
        );
    } else {
        outln!("consistency of {m} -> {n} entries (verified)");
        outln!(
            "old root {}\nnew root {}",
            to_hex(&old_root),
            to_hex(&new_root)
        );
        for (k, h) in path.iter().enumerate() {
            outln!("path[{k}] {h}");
        }
    }
    ExitCode::SUCCESS
}

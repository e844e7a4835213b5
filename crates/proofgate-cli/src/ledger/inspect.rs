//! `proofgate ledger inspect DIR [--from N] [--to M]`.

use super::entry_json::{approval_text, details};
use super::outcome::{report, usage};
use proofgate_core::ledger::ArchivePolicy;
use proofgate_core::ledger::LedgerEntry;
use proofgate_core::ledger::disk::read_dir;
use proofgate_core::ledger::hash::to_hex;
use serde_json::json;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Steps, hit rate and the hash a listing line shows: the proof term of an
/// attestation, the root a seal commits to.
fn summary(entry: &LedgerEntry) -> (u32, u16, &'static str, String) {
    match (entry.attestation(), entry.seal()) {
        (Some(a), _) => (
            a.reduction_steps,
            a.cache_hit_rate_bps.get(),
            "proof",
            to_hex(&a.proof_term_hash),
        ),
        (None, Some(s)) => (
            s.reduction_steps,
            s.mean_cache_hit_rate.get(),
            "root ",
            to_hex(&s.root),
        ),
        (None, None) => (0, 0, "     ", "-".repeat(16)),
    }
}

/// Lists entries `from..to` while verifying the whole directory.
pub fn run(dir: &Path, from: u64, to: Option<u64>, as_json: bool) -> ExitCode {
    if let Some(to) = to
        && to < from
    {
        return usage(&format!("--to {to} is before --from {from}"), as_json);
    }
    let end = to.unwrap_or(u64::MAX);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut listed = 0u64;
    let result = read_dir(dir, ArchivePolicy::Discard, &mut |v| {
        if v.position < from || v.position >= end {
            return;
        }
        listed += 1;
        let (steps, bps, label, hash) = summary(v.entry);
        // A closed pipe (e.g. `| head`) is not an error of the ledger.
        let _ = if as_json {
            let line = json!({
                "position": v.position,
                "kind": v.entry.kind(),
                "file": v.file.display().to_string(),
                "byte": v.offset,
                "head": to_hex(&v.head),
                "entry": details(v.entry),
            });
            writeln!(out, "{line}")
        } else {
            writeln!(
                out,
                "{:>8}  {:<16} {}@{}  steps {:>10}  bps {:>5}  {label} {}  head {}{}",
                v.position,
                v.entry.kind(),
                v.file
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default(),
                v.offset,
                steps,
                bps,
                &hash[..16],
                &to_hex(&v.head)[..16],
                approval_text(v.entry)
                    .map(|t| format!("  {t}"))
                    .unwrap_or_default(),
            )
        };
    });
    drop(out);
    match result {
        Err(e) => report(&e, as_json),
        Ok((ledger, scan)) => {
            if let Some(to) = to
                && to > ledger.len()
            {
                return usage(
                    &format!(
                        "--to {to} is beyond the {} records of the ledger",
                        ledger.len()
                    ),
                    as_json,
                );
            }
            if !as_json {
                eprintln!("{listed} of {} records listed", scan.records);
                if let Some(t) = scan.torn {
                    eprintln!(
                        "warning: torn tail at {} byte {} ({} bytes) not listed",
                        t.file.display(),
                        t.offset,
                        t.bytes
                    );
                }
            }
            ExitCode::SUCCESS
        }
    }
}

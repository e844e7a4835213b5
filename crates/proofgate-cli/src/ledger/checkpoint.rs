//! `proofgate ledger checkpoint DIR --key FILE [--out FILE]`.

use super::keys::{signer, write};
use super::outcome::{report, usage};
use crate::stdout::outln;
use crate::verdict::Verdict;
use proofgate_core::ledger::disk::checkpoint_of;
use proofgate_core::ledger::hash::to_hex;
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Verifies the directory and signs its size and root with the key in
/// `key` (whose name is the origin). The signed note goes to `out`, or to
/// standard output.
pub fn run(dir: &Path, key: &Path, out: Option<&Path>, as_json: bool) -> ExitCode {
    let signer = match signer(key) {
        Ok(s) => s,
        Err(e) => return usage(&e, as_json),
    };
    let checkpoint = match checkpoint_of(dir, signer.name()) {
        Ok(c) => c,
        Err(e) => return report(&e, as_json),
    };
    let note = match checkpoint.sign(&signer) {
        Ok(n) => n,
        Err(e) => return usage(&e.to_string(), as_json),
    };
    if let Some(path) = out
        && let Err(e) = write(path, &note)
    {
        return usage(&e, as_json);
    }
    if as_json {
        outln!(
            "{}",
            json!({
                "verdict": Verdict::Accepted.word(),
                "origin": checkpoint.origin,
                "size": checkpoint.size,
                "root": to_hex(&checkpoint.root),
                "checkpoint": note,
            })
        );
    } else if out.is_none() {
        // The note already ends in a newline.
        crate::stdout::line(format_args!("{}", note.trim_end_matches('\n')));
    } else {
        outln!(
            "signed checkpoint of {} entries, root {}",
            checkpoint.size,
            to_hex(&checkpoint.root)
        );
    }
    ExitCode::SUCCESS
}

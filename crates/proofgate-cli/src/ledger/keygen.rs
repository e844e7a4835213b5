//! `proofgate ledger keygen --origin NAME --out FILE [--public-out FILE]`.

use super::keys::write_new;
use super::outcome::usage;
use crate::stdout::outln;
use crate::verdict::Verdict;
use proofgate_core::ledger::generate_log_key;
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Generates a key named `origin`, writes the private key to `out` (a new
/// file, mode 0600) and the verifier key to standard output and, if given,
/// `public_out`.
pub fn run(origin: &str, out: &Path, public_out: Option<&Path>, as_json: bool) -> ExitCode {
    let signer = match generate_log_key(origin) {
        Ok(s) => s,
        Err(e) => return usage(&e.to_string(), as_json),
    };
    let public = signer.verifier().to_text();
    let written = write_new(out, &format!("{}\n", signer.to_text()), true)
        .and_then(|()| public_out.map_or(Ok(()), |p| write_new(p, &format!("{public}\n"), false)));
    if let Err(e) = written {
        return usage(&e, as_json);
    }
    if as_json {
        outln!(
            "{}",
            json!({
                "verdict": Verdict::Accepted.word(),
                "origin": origin,
                "key_id": format!("{:08x}", signer.id()),
                "private_key_file": out.display().to_string(),
                "public_key": public,
            })
        );
    } else {
        outln!("{public}");
    }
    ExitCode::SUCCESS
}

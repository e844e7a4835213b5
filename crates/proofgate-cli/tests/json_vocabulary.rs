//! Every command speaks one vocabulary: its JSON carries a `verdict` of
//! accepted, rejected or declined, and its exit code is 0, 1 or 2 to match,
//! for the same cause in every command (README, "Verdicts and exit codes").

use proofgate_core::ledger::disk::{DiskLedger, DiskOptions};
use proofgate_core::ledger::{Approval, BasisPoints, ProofAttestation, subject_digest};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

fn fixture(rel: &str) -> PathBuf {
    repo("crates/proofgate-kernel/tests/fixtures").join(rel)
}

/// Runs `proofgate ARGS`; the exit code and each JSON line of stdout.
fn run(args: &[&str]) -> (i32, Vec<Value>) {
    let out = Command::new(env!("CARGO_BIN_EXE_proofgate"))
        .args(args)
        .output()
        .expect("run proofgate");
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {l}"))
        })
        .collect();
    (out.status.code().expect("exit code"), lines)
}

/// The exit code a verdict word goes with.
fn code_of(verdict: &Value) -> i32 {
    match verdict.as_str() {
        Some("accepted") => 0,
        Some("rejected") => 1,
        Some("declined") => 2,
        other => panic!("verdict {other:?} is not in the vocabulary"),
    }
}

/// Runs a command expected to print one JSON object with `verdict`.
fn one(args: &[&str], expected: &str) -> Value {
    let (code, lines) = run(args);
    assert_eq!(lines.len(), 1, "{args:?}: {lines:?}");
    let v = lines.into_iter().next().unwrap();
    assert_eq!(v["verdict"], expected, "{args:?}: {v}");
    assert_eq!(code, code_of(&v["verdict"]), "{args:?}: {v}");
    v
}

fn as_strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
fn check_and_judge_use_the_same_words_for_the_same_causes() {
    for (file, verdict) in [
        ("accept/structure.ndjson", "accepted"),
        ("reject/non_positive.ndjson", "rejected"),
        ("decline/future_format.ndjson", "declined"),
    ] {
        let v = one(&["check", "--json", s(&fixture(file))], verdict);
        // Per file: its own figures, its own peak memory.
        assert!(
            v["seconds"].is_number() && v.get("peak_memory_kib").is_some(),
            "{v}"
        );
    }
    let missing = fixture("no-such-file.ndjson");
    one(&["check", "--json", s(&missing)], "declined");

    let challenge = repo("examples/judge/challenge.ndjson");
    let judge = |solution: &Path, theorem: &str| {
        vec![
            "judge".to_string(),
            "--json".into(),
            "--challenge".into(),
            s(&challenge).into(),
            "--solution".into(),
            s(solution).into(),
            "--theorem".into(),
            theorem.into(),
        ]
    };
    let honest = judge(&repo("examples/judge/honest.ndjson"), "Sample.le_ten");
    let v = one(&as_strs(&honest), "accepted");
    assert_eq!(v["theorems"][0]["verdict"], "accepted", "{v}");
    let cheating = judge(&repo("examples/judge/cheating.ndjson"), "Sample.le_ten");
    let v = one(&as_strs(&cheating), "rejected");
    assert_eq!(v["theorems"][0]["verdict"], "rejected", "{v}");
    // A solution that is not a valid export is rejected, as `check` rejects
    // such a file; an unsupported format is declined by both.
    let malformed = fixture("reject/dangling_index.ndjson");
    one(&["check", "--json", s(&malformed)], "rejected");
    one(&as_strs(&judge(&malformed, "Sample.le_ten")), "rejected");
    let future = fixture("decline/future_format.ndjson");
    one(&as_strs(&judge(&future, "Sample.le_ten")), "declined");
    // A question the challenge cannot pose: declined.
    let unknown = judge(&repo("examples/judge/honest.ndjson"), "Sample.nope");
    one(&as_strs(&unknown), "declined");
}

fn att(i: u8) -> ProofAttestation {
    ProofAttestation {
        proof_term_hash: [i; 32],
        environment_hash: [2; 32],
        verification_timestamp_ns: u64::from(i),
        verifier_version: 1,
        reduction_steps: 7,
        cache_hit_rate_bps: BasisPoints::ZERO,
    }
}

#[test]
fn ledger_commands_use_the_vocabulary_and_show_approvals() {
    let dir = std::env::temp_dir().join(format!("proofgate-vocab-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut disk = DiskLedger::open(&dir, DiskOptions::default()).unwrap();
    disk.append(att(0)).unwrap();
    let subject = subject_digest(b"installed value");
    disk.append_approval(Approval {
        attestation: att(0),
        subject: Some(subject),
        approved_at_ns: 1_234,
    })
    .unwrap();
    drop(disk);
    let d = s(&dir);
    one(&["ledger", "verify", d, "--json"], "accepted");
    let (code, lines) = run(&["ledger", "inspect", d, "--json"]);
    assert_eq!(code, 0);
    let hex: String = subject.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(lines[1]["kind"], "approval");
    assert_eq!(lines[1]["entry"]["subject"], hex.as_str());
    assert_eq!(lines[1]["entry"]["approved_at_ns"], 1_234);
    assert_eq!(lines[0]["entry"].get("subject"), None, "a bare attestation");
    let v = one(
        &["ledger", "prove", d, "--index", "1", "--json"],
        "accepted",
    );
    assert_eq!(v["entry"]["subject"], hex.as_str(), "{v}");
    one(
        &["ledger", "prove", d, "--index", "9", "--json"],
        "declined",
    );
    one(&["ledger", "repair", d, "--json"], "accepted");
    // Damage is rejected, a missing ledger declined.
    let seg = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pgl"))
        .expect("a segment file");
    let mut bytes = std::fs::read(&seg).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 1;
    std::fs::write(&seg, bytes).unwrap();
    one(&["ledger", "verify", d, "--json"], "rejected");
    one(&["ledger", "inspect", d, "--json"], "rejected");
    let gone = dir.join("missing");
    one(&["ledger", "verify", s(&gone), "--json"], "declined");
    std::fs::remove_dir_all(&dir).unwrap();
}

//! Exit codes of the ledger subcommands on good, torn, altered and missing
//! ledgers.

use super::{LedgerCommand, run};
use proofgate_core::ledger::disk::{DiskLedger, DiskOptions, list_segments};
use proofgate_core::ledger::{ArchivePolicy, LedgerConfig};
use proofgate_core::{BasisPoints, ProofAttestation};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn att(i: u64) -> ProofAttestation {
    ProofAttestation {
        // Distinct fixed patterns; the content does not matter here.
        proof_term_hash: [(i % 251) as u8; 32],
        environment_hash: [2; 32],
        verification_timestamp_ns: i,
        verifier_version: 1,
        reduction_steps: i as u32,
        cache_hit_rate_bps: BasisPoints::new(5000).unwrap(),
    }
}

fn ledger_dir(tag: &str, records: u64) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("proofgate-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut disk = DiskLedger::open(
        &dir,
        DiskOptions {
            config: LedgerConfig {
                compaction_threshold: Some(8),
                archive: ArchivePolicy::Discard,
            },
            ..DiskOptions::default()
        },
    )
    .unwrap();
    for i in 0..records {
        disk.append(att(i)).unwrap();
    }
    dir
}

fn last_file(dir: &Path) -> PathBuf {
    list_segments(dir).unwrap().pop().unwrap().path
}

#[test]
fn good_ledger_verifies_inspects_and_proves() {
    let dir = ledger_dir("good", 30);
    for json in [false, true] {
        assert_eq!(
            run(LedgerCommand::Verify {
                dir: dir.clone(),
                checkpoint: None,
                public_key: None,
                json
            }),
            ExitCode::SUCCESS
        );
        assert_eq!(
            run(LedgerCommand::Inspect {
                dir: dir.clone(),
                from: 3,
                to: Some(9),
                json
            }),
            ExitCode::SUCCESS
        );
        // Entry 2 is archived (compaction at 8): proved from its segment file.
        for index in [0, 2, 20, 33] {
            assert_eq!(
                run(LedgerCommand::Prove {
                    dir: dir.clone(),
                    index: Some(index),
                    size: None,
                    consistency: None,
                    out: None,
                    json
                }),
                ExitCode::SUCCESS,
                "index {index}"
            );
        }
        assert_eq!(
            run(LedgerCommand::Prove {
                dir: dir.clone(),
                index: None,
                size: None,
                consistency: Some(vec![3, 30]),
                out: None,
                json
            }),
            ExitCode::SUCCESS
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_requests_are_usage_errors() {
    let dir = ledger_dir("usage", 5);
    let two = ExitCode::from(2);
    assert_eq!(
        run(LedgerCommand::Prove {
            dir: dir.clone(),
            index: Some(99),
            size: None,
            consistency: None,
            out: None,
            json: false
        }),
        two
    );
    assert_eq!(
        run(LedgerCommand::Prove {
            dir: dir.clone(),
            index: None,
            size: None,
            consistency: Some(vec![4, 2]),
            out: None,
            json: true
        }),
        two
    );
    assert_eq!(
        run(LedgerCommand::Inspect {
            dir: dir.clone(),
            from: 4,
            to: Some(2),
            json: false
        }),
        two
    );
    assert_eq!(
        run(LedgerCommand::Verify {
            dir: dir.join("missing"),
            checkpoint: None,
            public_key: None,
            json: false
        }),
        two
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn torn_and_altered_ledgers_fail_verification() {
    let dir = ledger_dir("torn", 12);
    let file = last_file(&dir);
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() - 5]).unwrap();
    assert_eq!(
        run(LedgerCommand::Verify {
            dir: dir.clone(),
            checkpoint: None,
            public_key: None,
            json: true
        }),
        ExitCode::from(1)
    );
    let mut altered = bytes.clone();
    altered[40] ^= 0x10;
    std::fs::write(&file, &altered).unwrap();
    assert_eq!(
        run(LedgerCommand::Verify {
            dir: dir.clone(),
            checkpoint: None,
            public_key: None,
            json: false
        }),
        ExitCode::from(1)
    );
    assert_eq!(
        run(LedgerCommand::Inspect {
            dir: dir.clone(),
            from: 0,
            to: None,
            json: true
        }),
        ExitCode::from(1)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `repair` drops a torn tail and appends nothing (the ledger then verifies
/// with the records before the tail); on a whole ledger it changes nothing;
/// damage that is not a torn tail is refused and left as it was.
#[test]
fn repair_drops_a_torn_tail_and_nothing_else() {
    let dir = ledger_dir("repair", 12);
    let file = last_file(&dir);
    let whole = std::fs::read(&file).unwrap();
    let repair = |json| {
        run(LedgerCommand::Repair {
            dir: dir.clone(),
            json,
        })
    };
    let verify = || {
        run(LedgerCommand::Verify {
            dir: dir.clone(),
            checkpoint: None,
            public_key: None,
            json: true,
        })
    };
    assert_eq!(repair(true), ExitCode::SUCCESS, "whole: nothing to do");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        whole,
        "a whole ledger is untouched"
    );
    std::fs::write(&file, &whole[..whole.len() - 5]).unwrap();
    assert_eq!(verify(), ExitCode::from(1), "torn before repair");
    assert_eq!(repair(false), ExitCode::SUCCESS);
    assert_eq!(verify(), ExitCode::SUCCESS, "whole after repair");
    let repaired = std::fs::read(&file).unwrap();
    assert!(
        repaired.len() < whole.len() - 5,
        "the partial record is gone"
    );
    assert!(
        whole.starts_with(&repaired),
        "nothing appended or rewritten"
    );
    // A flipped bit inside the file is not a torn tail: refused, untouched.
    let mut altered = repaired.clone();
    altered[40] ^= 0x10;
    std::fs::write(&file, &altered).unwrap();
    assert_eq!(repair(true), ExitCode::from(1));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        altered,
        "damage is left as it was"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// keygen, checkpoint, prove --out and verify-proof end to end, and the
/// refusals a script relies on: another key's checkpoint and a proof for
/// another size fail (exit 1), a rolled-back directory fails `verify
/// --checkpoint`.
#[test]
fn signed_checkpoints_and_offline_proofs_end_to_end() {
    let dir = ledger_dir("signed", 30);
    let files = dir.with_extension("files");
    let _ = std::fs::remove_dir_all(&files);
    std::fs::create_dir_all(&files).unwrap();
    let f = |name: &str| files.join(name);
    let one = ExitCode::from(1);
    for (key, public) in [("key", "key.pub"), ("other", "other.pub")] {
        assert_eq!(
            run(LedgerCommand::Keygen {
                origin: "proofgate.example/ledger/blake3".into(),
                out: f(key),
                public_out: Some(f(public)),
                json: true,
            }),
            ExitCode::SUCCESS
        );
    }
    // keygen never overwrites a key.
    assert_eq!(
        run(LedgerCommand::Keygen {
            origin: "proofgate.example/ledger/blake3".into(),
            out: f("key"),
            public_out: None,
            json: false,
        }),
        ExitCode::from(2)
    );
    assert_eq!(
        run(LedgerCommand::Checkpoint {
            dir: dir.clone(),
            key: f("key"),
            out: Some(f("cp")),
            json: false,
        }),
        ExitCode::SUCCESS
    );
    let size = proofgate_core::ledger::disk::verify_dir(&dir)
        .unwrap()
        .scan
        .records;
    for (index, proof_size, name) in [(4, None, "in.json"), (4, Some(size - 1), "short.json")] {
        assert_eq!(
            run(LedgerCommand::Prove {
                dir: dir.clone(),
                index: Some(index),
                size: proof_size,
                consistency: None,
                out: Some(f(name)),
                json: true,
            }),
            ExitCode::SUCCESS
        );
    }
    assert_eq!(
        run(LedgerCommand::Prove {
            dir: dir.clone(),
            index: None,
            size: None,
            consistency: Some(vec![3, size]),
            out: Some(f("cons.json")),
            json: false,
        }),
        ExitCode::SUCCESS
    );
    let verify_proof = |proof: &str, public: &str| {
        run(LedgerCommand::VerifyProof {
            checkpoint: f("cp"),
            proof: f(proof),
            public_key: f(public),
            old_checkpoint: None,
            json: true,
        })
    };
    assert_eq!(verify_proof("in.json", "key.pub"), ExitCode::SUCCESS);
    assert_eq!(verify_proof("cons.json", "key.pub"), ExitCode::SUCCESS);
    assert_eq!(verify_proof("in.json", "other.pub"), one);
    assert_eq!(verify_proof("short.json", "key.pub"), one);
    let verify = |public: &str| {
        run(LedgerCommand::Verify {
            dir: dir.clone(),
            checkpoint: Some(f("cp")),
            public_key: Some(f(public)),
            json: false,
        })
    };
    assert_eq!(verify("key.pub"), ExitCode::SUCCESS);
    assert_eq!(verify("other.pub"), one);
    std::fs::remove_file(last_file(&dir)).unwrap();
    assert_eq!(
        run(LedgerCommand::Verify {
            dir: dir.clone(),
            checkpoint: None,
            public_key: None,
            json: false,
        }),
        ExitCode::SUCCESS,
        "a ledger cut at a file boundary verifies on its own"
    );
    assert_eq!(verify("key.pub"), one);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&files);
}

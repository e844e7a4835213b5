//! Exit codes of the ledger subcommands on good, torn, altered and missing
//! ledgers.

use super::{LedgerCommand, run};
use proofgate::ledger::disk::{DiskLedger, DiskOptions, list_segments};
use proofgate::ledger::{ArchivePolicy, LedgerConfig};
use proofgate::{BasisPoints, ProofAttestation};
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

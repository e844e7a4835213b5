//! Epochs that pin an environment: every attestation of such an epoch was
//! issued under its environment hash, on append and on replay.

mod common;

use common::{TempDir, att};
use proofgate_ledger::disk::frame::{self, RecordKind};
use proofgate_ledger::disk::{
    DiskError, DiskLedger, DiskOptions, list_segments, read_dir, verify_dir,
};
use proofgate_ledger::{
    Approval, ArchivePolicy, EpochConfig, LedgerEntry, LedgerError, MutationLedger,
    ProofAttestation,
};

fn config_of(a: &ProofAttestation) -> EpochConfig {
    EpochConfig {
        environment_hash: a.environment_hash,
        verifier_version: a.verifier_version,
        standard_fuel: 1_000,
        deep_fuel: 10_000,
    }
}

/// An attestation of `i` issued under the environment of `env`.
fn under(i: u64, env: u64) -> ProofAttestation {
    let e = att(env);
    ProofAttestation {
        environment_hash: e.environment_hash,
        verifier_version: e.verifier_version,
        ..att(i)
    }
}

#[test]
fn entering_an_epoch_seals_only_on_change_and_pins_the_environment() {
    let mut ledger = MutationLedger::new();
    // The first epoch pins nothing: attestations of any environment.
    ledger.append(under(1, 100)).unwrap();
    ledger.append(under(2, 200)).unwrap();
    let x = config_of(&under(0, 100));
    assert!(ledger.enter_epoch(x).unwrap().is_some());
    assert_eq!(
        ledger.enter_epoch(x).unwrap(),
        None,
        "same environment: no new epoch"
    );
    ledger.append(under(3, 100)).unwrap();
    let approval = Approval {
        attestation: under(4, 200),
        subject: None,
        approved_at_ns: 4,
    };
    for refused in [
        ledger.append(under(4, 200)),
        ledger.append_approval(approval),
    ] {
        assert_eq!(
            refused,
            Err(LedgerError::OtherEnvironment {
                position: ledger.len(),
                epoch: 1
            })
        );
    }
    // The environment changed: a new epoch takes it.
    let y = config_of(&under(0, 200));
    assert_eq!(ledger.enter_epoch(y).unwrap().map(|b| b.to_epoch), Some(2));
    ledger.append_approval(approval).unwrap();
    ledger.verify().unwrap();
}

#[test]
fn replay_refuses_a_foreign_attestation_in_a_pinned_epoch() {
    let tmp = TempDir::new("epoch-pin");
    {
        let mut disk = DiskLedger::open(tmp.path(), DiskOptions::default()).unwrap();
        disk.append(under(1, 100)).unwrap();
        disk.enter_epoch(config_of(&under(0, 100))).unwrap();
        disk.append(under(2, 100)).unwrap();
    }
    verify_dir(tmp.path()).unwrap();
    // A record framed, checksummed and chained correctly, attested under
    // another environment: only the epoch rule can catch it.
    let (ledger, _) = read_dir(tmp.path(), ArchivePolicy::Discard, &mut |_| {}).unwrap();
    let position = ledger.len();
    let entry = LedgerEntry::Attestation(under(3, 200)).encode();
    let head = proofgate_ledger::hash::chain_link(&ledger.head(), entry.as_slice());
    let mut payload = entry.as_slice().to_vec();
    payload.extend_from_slice(&head);
    let last = list_segments(tmp.path()).unwrap().pop().unwrap().path;
    let mut bytes = std::fs::read(&last).unwrap();
    frame::encode(RecordKind::Entry, &payload, &mut bytes);
    std::fs::write(&last, bytes).unwrap();
    match verify_dir(tmp.path()) {
        Err(DiskError::Corrupt {
            position: p,
            reason,
            ..
        }) if p == position && reason.contains("another environment") => {}
        other => panic!("foreign attestation not caught: {other:?}"),
    }
}

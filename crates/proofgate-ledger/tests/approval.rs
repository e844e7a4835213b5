//! Approval entries: an attestation with the subject it installed and the
//! time it was approved, committed in the entry's bytes and its leaf.

mod common;

use common::{TempDir, att};
use proofgate_ledger::disk::{DiskLedger, DiskOptions, Durability, read_dir, verify_dir};
use proofgate_ledger::entry::EntryDecodeError;
use proofgate_ledger::{
    Approval, ArchivePolicy, LedgerConfig, LedgerEntry, MutationLedger, SupersessionProof,
    subject_digest,
};
use std::time::Duration;

fn approval(i: u64, subject: Option<u8>) -> Approval {
    Approval {
        // One attestation for every approval: what the proof cache gives.
        attestation: att(0),
        subject: subject.map(|s| subject_digest(&[s])),
        approved_at_ns: 1_800_000_000_000_000_000 + i,
    }
}

#[test]
fn an_approval_round_trips_and_has_one_encoding() {
    for a in [approval(1, Some(7)), approval(2, None)] {
        let entry = LedgerEntry::Approval(a);
        let bytes = entry.encode();
        assert_eq!(
            bytes.as_slice().len(),
            1 + proofgate_ledger::approval::APPROVAL_SIZE
        );
        assert_eq!(LedgerEntry::decode(bytes.as_slice()), Ok(entry));
    }
    // Absent subject with a non-zero slot, or a presence byte of 2: refused.
    let mut bytes = LedgerEntry::Approval(approval(3, None))
        .encode()
        .as_slice()
        .to_vec();
    let presence = 1 + 82 + 8;
    *bytes.last_mut().unwrap() = 1;
    assert_eq!(
        LedgerEntry::decode(&bytes),
        Err(EntryDecodeError::NonCanonicalSubject { presence: 0 })
    );
    bytes[presence] = 2;
    assert_eq!(
        LedgerEntry::decode(&bytes),
        Err(EntryDecodeError::NonCanonicalSubject { presence: 2 })
    );
}

#[test]
fn the_leaf_commits_to_the_subject_and_the_approval_time() {
    let leaf_of = |a: Approval| {
        let mut l = MutationLedger::new();
        l.append_approval(a).unwrap();
        l.head()
    };
    let base = leaf_of(approval(1, Some(1)));
    assert_ne!(base, leaf_of(approval(1, Some(2))), "another subject");
    assert_ne!(base, leaf_of(approval(2, Some(1))), "another time");
    assert_ne!(base, leaf_of(approval(1, None)), "no subject");
    let mut plain = MutationLedger::new();
    plain.append(att(0)).unwrap();
    assert_ne!(base, plain.head(), "the bare attestation");
}

#[test]
fn approvals_persist_prove_seal_and_can_be_superseded() {
    let tmp = TempDir::new("approvals");
    let options = DiskOptions {
        durability: Durability::Group {
            records: 64,
            interval: Duration::from_secs(3600),
        },
        config: LedgerConfig {
            compaction_threshold: Some(40),
            archive: ArchivePolicy::Discard,
        },
    };
    let mut disk = DiskLedger::open(tmp.path(), options).unwrap();
    for i in 0..100 {
        // Old and new kinds interleave in one ledger.
        if i % 3 == 0 {
            disk.append(att(i)).unwrap();
        } else {
            disk.append_approval(approval(i, Some(i as u8))).unwrap();
        }
    }
    disk.supersede(SupersessionProof {
        superseded_position: 1,
        replacement: att(1000),
        soundness_proof_id: 9,
    })
    .unwrap();
    drop(disk);
    let report = verify_dir(tmp.path()).unwrap();
    let (ledger, _) = read_dir(tmp.path(), ArchivePolicy::Discard, &mut |_| {}).unwrap();
    assert_eq!(report.scan.records, ledger.len());
    // Entry 1 (archived by now) proves with its subject and time.
    let proved = proofgate_ledger::disk::inclusion_proof_file(tmp.path(), 1, None).unwrap();
    assert_eq!(
        proved.entry.map(|(e, _)| e),
        Some(LedgerEntry::Approval(approval(1, Some(1))))
    );
    // Reopened for writing, it carries on.
    let mut disk = DiskLedger::open(tmp.path(), DiskOptions::default()).unwrap();
    disk.append_approval(approval(200, None)).unwrap();
}

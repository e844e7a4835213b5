//! Signed checkpoints and proof files: what verifies, and everything that
//! must not: another key, another tree size, any flipped bit of the signed
//! checkpoint, a rolled-back or forked directory.

mod common;

use common::{TempDir, att};
use proofgate_ledger::disk::{
    DiskError, DiskLedger, DiskOptions, checkpoint_of, list_segments, verify_against,
};
use proofgate_ledger::{
    ArchivePolicy, Checkpoint, CheckpointError, LedgerConfig, MutationLedger, NoteError,
    NoteSigner, ProofFile, ProofFileError, Verified,
};

const ORIGIN: &str = "proofgate.example/ledger/blake3";

fn key(seed: u8) -> NoteSigner {
    NoteSigner::from_seed(ORIGIN, [seed; 32]).unwrap()
}

fn ledger(n: u64) -> MutationLedger {
    let mut ledger = MutationLedger::with_config(LedgerConfig {
        compaction_threshold: Some(8),
        archive: ArchivePolicy::Retain,
    });
    for i in 0..n {
        ledger.append(att(i)).unwrap();
    }
    ledger
}

fn signed(ledger: &MutationLedger, size: u64, key: &NoteSigner) -> String {
    Checkpoint::new(ORIGIN, size, ledger.root_at(size, &[]).unwrap())
        .unwrap()
        .sign(key)
        .unwrap()
}

fn inclusion(ledger: &MutationLedger, index: u64, size: u64) -> ProofFile {
    ProofFile::Inclusion {
        proof: ledger.prove_inclusion(index, size, &[]).unwrap(),
        entry: ledger
            .find_entry(index, &[])
            .unwrap()
            .encode()
            .as_slice()
            .to_vec(),
    }
}

#[test]
fn a_checkpoint_round_trips_and_proofs_verify_against_it() {
    let l = ledger(30);
    let size = l.len();
    let note = signed(&l, size, &key(1));
    let cp = Checkpoint::open(note.as_bytes(), &key(1).verifier()).unwrap();
    assert_eq!((cp.size, cp.root), (size, l.root()));
    for index in [0, 5, 17, size - 1] {
        let file = ProofFile::from_json(&inclusion(&l, index, size).to_json()).unwrap();
        assert!(matches!(
            file.verify(&cp, None),
            Ok(Verified::Included { index: i, .. }) if i == index
        ));
    }
    let old = Checkpoint::open(signed(&l, 11, &key(1)).as_bytes(), &key(1).verifier()).unwrap();
    let consistency = ProofFile::Consistency {
        proof: l.prove_consistency(11, size, &[]).unwrap(),
        old_root: l.root_at(11, &[]).unwrap(),
    };
    let consistency = ProofFile::from_json(&consistency.to_json()).unwrap();
    assert!(consistency.verify(&cp, Some(&old)).is_ok());
    // An older checkpoint of another size does not anchor this proof.
    let other = Checkpoint::open(signed(&l, 12, &key(1)).as_bytes(), &key(1).verifier()).unwrap();
    assert!(matches!(
        consistency.verify(&cp, Some(&other)),
        Err(ProofFileError::SizeMismatch { .. })
    ));
}

#[test]
fn a_checkpoint_from_another_key_is_refused() {
    let l = ledger(10);
    let note = signed(&l, 10, &key(2));
    assert!(matches!(
        Checkpoint::open(note.as_bytes(), &key(1).verifier()),
        Err(CheckpointError::Note(NoteError::UnknownKey { .. }))
    ));
    // Same name, same key ID claimed, signature by another key.
    let forged = note.replace(
        note.lines().last().unwrap().split(' ').nth(2).unwrap(),
        signed(&l, 10, &key(1))
            .lines()
            .last()
            .unwrap()
            .split(' ')
            .nth(2)
            .unwrap(),
    );
    assert!(Checkpoint::open(forged.as_bytes(), &key(1).verifier()).is_ok());
    let mut wrong_text = forged.clone();
    wrong_text.replace_range(ORIGIN.len() + 1..ORIGIN.len() + 3, "11");
    assert!(matches!(
        Checkpoint::open(wrong_text.as_bytes(), &key(1).verifier()),
        Err(CheckpointError::Note(NoteError::BadSignature { .. }))
    ));
    // A key named for another origin cannot sign this log.
    let stranger = NoteSigner::from_seed("other.example/log/blake3", [1; 32]).unwrap();
    assert!(matches!(
        Checkpoint::new(ORIGIN, 10, l.root())
            .unwrap()
            .sign(&stranger),
        Err(CheckpointError::OriginIsNotKey { .. })
    ));
    // An origin that does not name our hash is refused.
    assert!(matches!(
        Checkpoint::new("example.com/log", 10, l.root()),
        Err(CheckpointError::WrongHash { .. })
    ));
}

#[test]
fn a_proof_for_another_tree_size_is_refused() {
    let l = ledger(30);
    let cp = Checkpoint::open(signed(&l, 30, &key(1)).as_bytes(), &key(1).verifier()).unwrap();
    for size in [29, 20, 1] {
        let file = inclusion(&l, 0, size);
        assert!(matches!(
            file.verify(&cp, None),
            Err(ProofFileError::SizeMismatch { proof, checkpoint: 30 }) if proof == size
        ));
    }
    // Relabelling the proof's size does not help: the path rebuilds the
    // root of the tree it was made for.
    let ProofFile::Inclusion { mut proof, entry } = inclusion(&l, 3, 29) else {
        unreachable!()
    };
    proof.size = 30;
    assert!(matches!(
        ProofFile::Inclusion { proof, entry }.verify(&cp, None),
        Err(ProofFileError::Proof(_))
    ));
    let consistency = ProofFile::Consistency {
        proof: l.prove_consistency(5, 29, &[]).unwrap(),
        old_root: l.root_at(5, &[]).unwrap(),
    };
    assert!(matches!(
        consistency.verify(&cp, None),
        Err(ProofFileError::SizeMismatch { .. })
    ));
}

/// Every single-bit change of the signed note (text, blank line, signature
/// line) is refused, whatever it breaks: UTF-8, the format, the key name or
/// ID, the base64, the signature.
#[test]
fn every_flipped_bit_of_a_checkpoint_is_refused() {
    let l = ledger(30);
    let note = signed(&l, 30, &key(1)).into_bytes();
    let verifier = key(1).verifier();
    assert!(Checkpoint::open(&note, &verifier).is_ok());
    for byte in 0..note.len() {
        for bit in 0..8 {
            let mut flipped = note.clone();
            flipped[byte] ^= 1 << bit;
            assert!(
                Checkpoint::open(&flipped, &verifier).is_err(),
                "bit {bit} of byte {byte} accepted"
            );
        }
    }
}

#[test]
fn proof_files_refuse_what_they_do_not_define() {
    let l = ledger(5);
    let json = inclusion(&l, 1, 5).to_json();
    let bad = [
        json.replace("proofgate-ledger-proof/1", "proofgate-ledger-proof/2"),
        json.replacen('{', "{\"extra\": 1, ", 1),
        json.replace("\"inclusion\"", "\"exclusion\""),
        json.replacen("\"previous\": \"", "\"previous\": \"A", 1),
    ];
    for text in bad {
        assert!(ProofFile::from_json(&text).is_err(), "{text}");
    }
}

#[test]
fn a_directory_rolled_back_or_forked_from_a_checkpoint_is_caught() {
    let tmp = TempDir::new("checkpoint-dir");
    let options = DiskOptions {
        config: LedgerConfig {
            compaction_threshold: Some(8),
            archive: ArchivePolicy::Discard,
        },
        ..DiskOptions::default()
    };
    {
        let mut disk = DiskLedger::open(tmp.path(), options).unwrap();
        for i in 0..20 {
            disk.append(att(i)).unwrap();
        }
    }
    let cp = checkpoint_of(tmp.path(), ORIGIN).unwrap();
    verify_against(tmp.path(), &cp).unwrap();
    // Growing past the checkpoint is fine.
    {
        let mut disk = DiskLedger::open(tmp.path(), options).unwrap();
        disk.append(att(20)).unwrap();
    }
    verify_against(tmp.path(), &cp).unwrap();
    // The last file deleted: a shorter ledger that verifies alone.
    let last = list_segments(tmp.path()).unwrap().pop().unwrap();
    std::fs::remove_file(&last.path).unwrap();
    proofgate_ledger::disk::verify_dir(tmp.path()).unwrap();
    assert!(matches!(
        verify_against(tmp.path(), &cp),
        Err(DiskError::RolledBack { .. })
    ));
    // Another history of the same length: forked.
    let other = TempDir::new("checkpoint-fork");
    {
        let mut disk = DiskLedger::open(other.path(), options).unwrap();
        for i in 100..100 + cp.size {
            disk.append(att(i)).unwrap();
        }
    }
    assert!(matches!(
        verify_against(other.path(), &cp),
        Err(DiskError::Forked { .. })
    ));
}

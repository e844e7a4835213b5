//! Auditing a ledger directory and verifying a proof against a signed
//! checkpoint, with this crate alone (no proof kernel linked).
//!
//! 1. Verify every record of the directory (chain, tree, seals).
//! 2. The log signs a checkpoint of its size and root (C2SP signed note).
//! 3. An auditor, holding only the public key, the checkpoint and a proof
//!    file, checks an inclusion and a consistency proof offline.
//! 4. A copy of the directory with its last segment file deleted (or, with
//!    one file, its last record cut off) still verifies on its own, but not
//!    against the checkpoint: rolled back.
//!
//! Run: `cargo run --example audit_ledger [LEDGER_DIR]`. Without a directory
//! it writes a demonstration ledger under the temporary directory; with one
//! (e.g. from the `gated_embedding` example) it only reads it.

use proofgate_ledger::disk::frame::{Parsed, parse};
use proofgate_ledger::disk::{
    DiskError, DiskLedger, DiskOptions, checkpoint_of, list_segments, read_dir, verify_against,
    verify_dir,
};
use proofgate_ledger::hash::to_hex;
use proofgate_ledger::{
    ArchivePolicy, BasisPoints, Checkpoint, LedgerConfig, NoteSigner, ProofAttestation, ProofFile,
    Verified,
};
use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let scratch = std::env::temp_dir().join(format!("proofgate-audit-{}", std::process::id()));
    let dir = match std::env::args().nth(1) {
        Some(d) => PathBuf::from(d),
        None => demo_ledger(&scratch.join("ledger"))?,
    };

    // 1. The directory on its own.
    let report = verify_dir(&dir)?;
    println!(
        "1. {} verifies: {} entries in {} segment file(s), root {}",
        dir.display(),
        report.scan.records,
        report.scan.files,
        to_hex(&report.root)
    );

    // 2. The log's key signs a checkpoint; only the public key leaves.
    let key = NoteSigner::generate("proofgate.example/ledger/blake3")?;
    let public_key = key.verifier().to_text();
    let note = checkpoint_of(&dir, key.name())?.sign(&key)?;
    println!("2. signed checkpoint:\n{note}");

    // 3. The auditor: public key, checkpoint, proof files. Nothing else.
    let verifier = proofgate_ledger::NoteVerifier::from_text(&public_key)?;
    let checkpoint = Checkpoint::open(note.as_bytes(), &verifier)?;
    let (inclusion, consistency) = proof_files(&dir, &checkpoint)?;
    for file in [inclusion, consistency].into_iter().flatten() {
        match ProofFile::from_json(&file)?.verify(&checkpoint, None)? {
            Verified::Included { index, entry } => println!(
                "3. entry {index} ({}) is in the checkpointed tree of {}",
                entry.kind(),
                checkpoint.size
            ),
            Verified::Extends { old_size, .. } => println!(
                "3. the first {old_size} entries are a prefix of the checkpointed {}",
                checkpoint.size
            ),
        }
    }
    let mut flipped = note.clone().into_bytes();
    flipped[3] ^= 1;
    assert!(Checkpoint::open(&flipped, &verifier).is_err());
    println!("3. the checkpoint with one bit flipped is refused");

    // 4. Rolled back: the end of a copy cut off at a file or record
    // boundary, which leaves nothing torn to see.
    let copy = scratch.join("rolled-back");
    std::fs::create_dir_all(&copy)?;
    let files = list_segments(&dir)?;
    for f in &files {
        std::fs::copy(&f.path, copy.join(f.path.file_name().unwrap_or_default()))?;
    }
    if checkpoint.size > 0
        && let [.., last] = files.as_slice()
    {
        let last = copy.join(last.path.file_name().unwrap_or_default());
        if files.len() > 1 {
            std::fs::remove_file(&last)?;
            println!("4. the copy's last segment file deleted");
        } else {
            drop_last_record(&last)?;
            println!("4. the copy's last record cut off");
        }
        let alone = verify_dir(&copy)?;
        println!(
            "4. the copy still verifies alone ({} entries)",
            alone.scan.records
        );
        match verify_against(&copy, &checkpoint) {
            Err(e @ DiskError::RolledBack { .. }) => println!("4. against the checkpoint: {e}"),
            other => return Err(format!("rollback not caught: {other:?}").into()),
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

/// Truncates a segment file at the start of its last record.
fn drop_last_record(path: &Path) -> Result<()> {
    let bytes = std::fs::read(path)?;
    let (mut pos, mut last) = (0, 0);
    while let Parsed::Record { next, .. } = parse(&bytes, pos) {
        last = pos;
        pos = next;
        if pos == bytes.len() {
            break;
        }
    }
    std::fs::write(path, &bytes[..last])?;
    Ok(())
}

/// An inclusion proof of the middle entry and a consistency proof from a
/// third of the tree, both at the checkpoint's size, as proof-file JSON.
fn proof_files(dir: &Path, checkpoint: &Checkpoint) -> Result<(Option<String>, Option<String>)> {
    // Proving archived entries needs their segments: keep them in memory.
    let (ledger, _) = read_dir(dir, ArchivePolicy::Retain, &mut |_| {})?;
    let size = checkpoint.size;
    if size == 0 {
        return Ok((None, None));
    }
    let index = size / 2;
    let entry = ledger
        .find_entry(index, &[])
        .ok_or("entry not held")?
        .encode();
    let inclusion = ProofFile::Inclusion {
        proof: ledger.prove_inclusion(index, size, &[])?,
        entry: entry.as_slice().to_vec(),
    };
    let old = (size / 3).max(1);
    let consistency = ProofFile::Consistency {
        proof: ledger.prove_consistency(old, size, &[])?,
        old_root: ledger.root_at(old, &[])?,
    };
    Ok((Some(inclusion.to_json()), Some(consistency.to_json())))
}

/// Forty attestations, compacted every sixteen entries into a new file.
fn demo_ledger(dir: &Path) -> Result<PathBuf> {
    let mut ledger = DiskLedger::open(
        dir,
        DiskOptions {
            config: LedgerConfig {
                compaction_threshold: Some(16),
                archive: ArchivePolicy::Discard,
            },
            ..DiskOptions::default()
        },
    )?;
    for i in 0..40u64 {
        ledger.append(ProofAttestation {
            proof_term_hash: *blake3::hash(&i.to_le_bytes()).as_bytes(),
            environment_hash: [7; 32],
            verification_timestamp_ns: 1_700_000_000_000_000_000 + i,
            verifier_version: 1,
            reduction_steps: 100 + i as u32,
            cache_hit_rate_bps: BasisPoints::new(5_000)?,
        })?;
    }
    Ok(dir.to_path_buf())
}

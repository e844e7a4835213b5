//! The on-disk ledger: durability, recovery from a crash at every byte of
//! the tail, refusal of every single-bit alteration, the writer lock.

mod common;

use common::{TempDir, att};
use proofgate_ledger::disk::frame::{self, Parsed};
use proofgate_ledger::disk::{
    DiskError, DiskLedger, DiskOptions, Durability, list_segments, read_dir, verify_dir,
};
use proofgate_ledger::{ArchivePolicy, EpochConfig, LedgerConfig, MutationLedger};
use std::path::Path;
use std::time::Duration;

/// The tests run one at a time: a test that fsyncs while another rewrites
/// files in a loop must flush the other's dirty pages too (one journal), which
/// made the suite several times slower in parallel than in sequence.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn options(durability: Durability, threshold: usize) -> DiskOptions {
    DiskOptions {
        durability,
        config: LedgerConfig {
            compaction_threshold: Some(threshold),
            archive: ArchivePolicy::Discard,
        },
    }
}

fn group(records: u32) -> Durability {
    Durability::Group {
        records,
        interval: Duration::from_secs(3600),
    }
}

/// Byte ranges of the records of a file.
fn record_bounds(buf: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < buf.len() {
        match frame::parse(buf, pos) {
            Parsed::Record { next, .. } => {
                out.push((pos, next));
                pos = next;
            }
            other => panic!("unexpected {other:?} at {pos}"),
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    for item in std::fs::read_dir(from).unwrap() {
        let item = item.unwrap();
        std::fs::copy(item.path(), to.join(item.file_name())).unwrap();
    }
}

fn full_ledger(dir: &Path) -> MutationLedger {
    read_dir(dir, ArchivePolicy::Retain, &mut |_| {}).unwrap().0
}

#[test]
fn every_append_is_durable_and_reopens_identically() {
    let _serial = serial();
    let tmp = TempDir::new("durable");
    let root = {
        let mut disk =
            DiskLedger::open(tmp.path(), options(Durability::EveryAppend, 1000)).unwrap();
        for i in 0..50 {
            let receipt = disk.append(att(i)).unwrap();
            assert_eq!(receipt.position, i);
            assert!(receipt.is_durable());
        }
        disk.ledger().root()
    };
    let disk = DiskLedger::open(tmp.path(), options(Durability::EveryAppend, 1000)).unwrap();
    assert_eq!(disk.recovery().torn, None);
    assert_eq!(disk.ledger().len(), 50);
    assert_eq!(disk.ledger().root(), root);
}

#[test]
fn compactions_and_epochs_rotate_files_and_replay_exactly() {
    let _serial = serial();
    let tmp = TempDir::new("rotate");
    let (root, head, len) = {
        let mut disk = DiskLedger::open(tmp.path(), options(group(4), 10)).unwrap();
        for i in 0..35 {
            disk.append(att(i)).unwrap();
        }
        disk.seal_epoch(EpochConfig {
            deep_fuel: 77,
            ..EpochConfig::default()
        })
        .unwrap();
        for i in 35..40 {
            disk.append(att(i)).unwrap();
        }
        disk.supersede(proofgate_ledger::SupersessionProof {
            superseded_position: 3,
            replacement: att(1000),
            soundness_proof_id: 9,
        })
        .unwrap();
        disk.sync().unwrap();
        // Memory is bounded by the threshold: archived entries were dropped.
        assert!(disk.ledger().live_entries().len() <= 10);
        (
            disk.ledger().root(),
            disk.ledger().head(),
            disk.ledger().len(),
        )
    };
    assert!(list_segments(tmp.path()).unwrap().len() >= 4);
    let report = verify_dir(tmp.path()).unwrap();
    assert_eq!(
        (report.root, report.head, report.scan.records, report.epoch),
        (root, head, len, 1)
    );
    let full = full_ledger(tmp.path());
    full.verify().unwrap();
    // Every archived entry is provable against the current root.
    for i in 0..len {
        let proof = full.prove_inclusion(i, len, &[]).unwrap();
        let entry = full.find_entry(i, &[]).unwrap().encode();
        proof.verify(entry.as_slice(), &root).unwrap();
    }
    let mut disk = DiskLedger::open(tmp.path(), options(group(4), 10)).unwrap();
    assert_eq!(disk.ledger().root(), root);
    assert_eq!(disk.ledger().epoch(), 1);
    disk.append(att(99)).unwrap();
}

#[test]
fn group_commit_reports_what_is_durable() {
    let _serial = serial();
    let tmp = TempDir::new("group");
    let mut disk = DiskLedger::open(tmp.path(), options(group(8), 1000)).unwrap();
    let receipts: Vec<_> = (0..20).map(|i| disk.append(att(i)).unwrap()).collect();
    for r in &receipts {
        assert_eq!(
            r.is_durable(),
            r.position < (r.position + 1) / 8 * 8,
            "{r:?}"
        );
    }
    assert_eq!(disk.durable_len(), 16);
    assert_eq!(disk.sync().unwrap(), 20);
    let tmp2 = TempDir::new("group-interval");
    let mut timed = DiskLedger::open(
        tmp2.path(),
        options(
            Durability::Group {
                records: 1000,
                interval: Duration::ZERO,
            },
            1000,
        ),
    )
    .unwrap();
    assert!(timed.append(att(1)).unwrap().is_durable());
}

#[test]
fn a_second_writer_is_refused() {
    let _serial = serial();
    let tmp = TempDir::new("lock");
    let first = DiskLedger::open(tmp.path(), DiskOptions::default()).unwrap();
    match DiskLedger::open(tmp.path(), DiskOptions::default()) {
        Err(DiskError::Locked { .. }) => {}
        other => panic!("second writer not refused: {other:?}"),
    }
    // Readers need no lock.
    verify_dir(tmp.path()).unwrap();
    drop(first);
    DiskLedger::open(tmp.path(), DiskOptions::default()).unwrap();
}

#[test]
fn crash_at_every_byte_of_the_tail_recovers_a_valid_prefix_with_every_durable_record() {
    let _serial = serial();
    let tmp = TempDir::new("crash-src");
    let durable = {
        let mut disk = DiskLedger::open(tmp.path(), options(group(16), 120)).unwrap();
        for i in 0..300 {
            disk.append(att(i)).unwrap();
        }
        disk.durable_len()
    };
    // Dropping synced the rest; simulate the crash by truncation below.
    let original = full_ledger(tmp.path());
    let total = original.len();
    assert!(durable < total);
    let files = list_segments(tmp.path()).unwrap();
    let last = files.last().unwrap().clone();
    let bytes = std::fs::read(&last.path).unwrap();
    let bounds = record_bounds(&bytes);
    // Records of the last file: bounds[0] is its header, then one per entry.
    let entries_in_last = (bounds.len() - 1) as u64;
    let first_in_last = total - entries_in_last;
    let tail_records = 3;
    let from = bounds[bounds.len() - tail_records].0;
    for cut in from..=bytes.len() {
        let work = TempDir::new("crash");
        copy_dir(tmp.path(), work.path());
        std::fs::write(
            work.path().join(last.path.file_name().unwrap()),
            &bytes[..cut],
        )
        .unwrap();
        // Every eighth cut goes through the writer's repair path (truncate
        // and fsync); the others through the read-only scan, which makes the
        // same decision without the fsyncs.
        let repair = cut % 8 == 0;
        let (len, root, head, torn) = if repair {
            let disk = DiskLedger::open(work.path(), options(group(16), 120))
                .unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
            let l = disk.ledger();
            (l.len(), l.root(), l.head(), disk.recovery().torn.clone())
        } else {
            let (l, report) = read_dir(work.path(), ArchivePolicy::Discard, &mut |_| {})
                .unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
            (l.len(), l.root(), l.head(), report.torn)
        };
        let complete = bounds.iter().skip(1).filter(|(_, end)| *end <= cut).count() as u64;
        assert_eq!(len, first_in_last + complete, "cut at {cut}");
        let boundary = bounds
            .iter()
            .map(|b| b.1)
            .filter(|&e| e <= cut)
            .max()
            .unwrap();
        match &torn {
            None => assert_eq!(cut, boundary, "cut at {cut}"),
            Some(t) => {
                assert_eq!(
                    (t.offset as usize, t.bytes as usize, t.records),
                    (boundary, cut - boundary, 1)
                );
            }
        }
        // A crash only loses what was never reported durable: had the cut
        // been made by a crash, it would have fallen after the last sync.
        let durable_end = bounds[(durable - first_in_last) as usize].1;
        if cut >= durable_end {
            assert!(len >= durable, "cut at {cut} lost durable records");
        }
        assert_eq!(root, original.root_at(len, &[]).unwrap(), "cut at {cut}");
        assert_eq!(
            head,
            original
                .head_at(len - 1)
                .unwrap_or_else(|| full_head(&original, len))
        );
        if !repair {
            continue;
        }
        // The repaired directory is clean and takes new appends.
        let mut again = DiskLedger::open(work.path(), options(group(16), 120)).unwrap();
        assert_eq!(again.recovery().torn, None);
        again.append(att(1_000_000)).unwrap();
        drop(again);
        verify_dir(work.path()).unwrap();
    }
}

fn full_head(ledger: &MutationLedger, len: u64) -> proofgate_ledger::Hash {
    let mut head = ledger.genesis();
    for s in ledger.archived() {
        if s.end() >= len {
            for e in &s.entries()[..(len - s.first()) as usize] {
                head = proofgate_ledger::hash::chain_link(&head, e.encode().as_slice());
            }
            return head;
        }
        head = s.seal().seal.head;
    }
    head
}

#[test]
fn a_crash_during_rotation_drops_the_bare_header() {
    let _serial = serial();
    let tmp = TempDir::new("rotation-crash");
    {
        let mut disk =
            DiskLedger::open(tmp.path(), options(Durability::EveryAppend, 1000)).unwrap();
        for i in 0..5 {
            disk.append(att(i)).unwrap();
        }
        disk.compact().unwrap();
    }
    let last = list_segments(tmp.path()).unwrap().pop().unwrap();
    let bytes = std::fs::read(&last.path).unwrap();
    let header_end = record_bounds(&bytes)[0].1;
    for cut in 0..=header_end {
        let work = TempDir::new("rotation-crash-cut");
        copy_dir(tmp.path(), work.path());
        std::fs::write(
            work.path().join(last.path.file_name().unwrap()),
            &bytes[..cut],
        )
        .unwrap();
        let disk = DiskLedger::open(work.path(), DiskOptions::default()).unwrap();
        assert_eq!(disk.ledger().len(), 5, "cut at {cut}");
        assert_eq!(
            disk.recovery().torn.as_ref().map(|t| t.bytes as usize),
            Some(cut)
        );
        assert_eq!(list_segments(work.path()).unwrap().len(), 1);
    }
}

#[test]
fn flipping_any_bit_is_refused_and_located() {
    let _serial = serial();
    let tmp = TempDir::new("tamper");
    {
        let mut disk = DiskLedger::open(tmp.path(), options(Durability::EveryAppend, 5)).unwrap();
        for i in 0..9 {
            disk.append(att(i)).unwrap();
        }
        disk.seal_epoch(EpochConfig::default()).unwrap();
        disk.append(att(9)).unwrap();
    }
    verify_dir(tmp.path()).unwrap();
    let files = list_segments(tmp.path()).unwrap();
    assert!(files.len() >= 3);
    let mut flips = 0;
    for file in &files {
        let original = std::fs::read(&file.path).unwrap();
        let bounds = record_bounds(&original);
        for byte in 0..original.len() {
            let (start, _) = *bounds
                .iter()
                .find(|(s, e)| (*s..*e).contains(&byte))
                .unwrap();
            for bit in 0..8 {
                let mut damaged = original.clone();
                damaged[byte] ^= 1 << bit;
                std::fs::write(&file.path, &damaged).unwrap();
                match verify_dir(tmp.path()) {
                    Err(DiskError::Corrupt {
                        file: f, offset, ..
                    }) => {
                        assert_eq!(f, file.path);
                        let offset = offset as usize;
                        assert!(
                            (start..=byte).contains(&offset),
                            "flip at byte {byte} reported at {offset}, record starts at {start}"
                        );
                    }
                    other => panic!(
                        "flip of bit {bit} of byte {byte} in {}: {other:?}",
                        file.path.display()
                    ),
                }
                if bit == 0 && byte % 16 == 0 {
                    assert!(matches!(
                        DiskLedger::open(tmp.path(), DiskOptions::default()),
                        Err(DiskError::Corrupt { .. })
                    ));
                }
                flips += 1;
            }
        }
        std::fs::write(&file.path, &original).unwrap();
    }
    assert!(flips > 8 * 1000);
    verify_dir(tmp.path()).unwrap();
}

#[test]
fn a_consistently_rewritten_record_breaks_the_next_seal() {
    let _serial = serial();
    // Re-framing a changed entry with valid checksums and chain heads is
    // still caught: the seal after it commits to the original root.
    let tmp = TempDir::new("forge");
    {
        let mut disk =
            DiskLedger::open(tmp.path(), options(Durability::EveryAppend, 1000)).unwrap();
        for i in 0..6 {
            disk.append(att(i)).unwrap();
        }
        disk.compact().unwrap();
    }
    let first = &list_segments(tmp.path()).unwrap()[0];
    let bytes = std::fs::read(&first.path).unwrap();
    let bounds = record_bounds(&bytes);
    let mut forged = bytes[..bounds[0].1].to_vec();
    let mut head = proofgate_ledger::GENESIS_HEAD;
    for (i, _) in bounds.iter().enumerate().skip(1) {
        let mut a = att(i as u64 - 1);
        if i == 3 {
            a.reduction_steps += 1;
        }
        let entry = proofgate_ledger::LedgerEntry::Attestation(a).encode();
        head = proofgate_ledger::hash::chain_link(&head, entry.as_slice());
        let mut payload = entry.as_slice().to_vec();
        payload.extend_from_slice(&head);
        frame::encode(frame::RecordKind::Entry, &payload, &mut forged);
    }
    std::fs::write(&first.path, &forged).unwrap();
    match verify_dir(tmp.path()) {
        Err(DiskError::Corrupt { position: 6, .. }) => {}
        other => panic!("forgery not caught at the seal: {other:?}"),
    }
}

/// A power loss can leave the last record at its full length with its
/// trailing bytes zero (only the first page of a page-straddling record
/// reached the disk). Every such suffix, from one byte to the whole record,
/// is a torn tail: reported by the read-only scan, dropped by the next
/// writer, which then appends normally.
#[test]
fn a_zero_filled_tail_of_the_last_record_is_torn_at_every_length() {
    let _serial = serial();
    let tmp = TempDir::new("zero-tail-src");
    {
        let mut disk = DiskLedger::open(tmp.path(), options(Durability::EveryAppend, 6)).unwrap();
        for i in 0..15 {
            disk.append(att(i)).unwrap();
        }
    }
    let total = full_ledger(tmp.path()).len();
    let last = list_segments(tmp.path()).unwrap().pop().unwrap();
    let bytes = std::fs::read(&last.path).unwrap();
    let (start, end) = *record_bounds(&bytes).last().unwrap();
    assert_eq!(end, bytes.len());
    assert_ne!(
        bytes[end - 1],
        0,
        "an intact record ends in a non-zero byte"
    );
    for zeros in 1..=end - start {
        let work = TempDir::new("zero-tail");
        copy_dir(tmp.path(), work.path());
        let file = work.path().join(last.path.file_name().unwrap());
        let mut damaged = bytes.clone();
        damaged[end - zeros..].fill(0);
        std::fs::write(&file, &damaged).unwrap();
        let report = verify_dir(work.path()).unwrap_or_else(|e| panic!("{zeros} zeros: {e}"));
        let torn = report.scan.torn.expect("a zero-filled tail is torn");
        assert_eq!(
            (torn.offset as usize, torn.bytes as usize, torn.records),
            (start, end - start, 1),
            "{zeros} zeros"
        );
        assert_eq!(report.scan.records, total - 1);
        // Repairing is an fsync per open: every eighth length, and the ends.
        if zeros % 8 != 0 && zeros != 1 && zeros != end - start {
            continue;
        }
        let mut disk = DiskLedger::open(work.path(), DiskOptions::default()).unwrap();
        assert_eq!(
            disk.recovery().torn.as_ref().map(|t| t.offset),
            Some(start as u64)
        );
        assert_eq!(disk.ledger().len(), total - 1);
        disk.append(att(99)).unwrap();
        drop(disk);
        let again = verify_dir(work.path()).unwrap();
        assert_eq!((again.scan.torn, again.scan.records), (None, total));
    }
}

/// Zeros that do not reach the end of the file are damage, named by file,
/// record and byte: a zeroed tail of an earlier record, or zeros inside the
/// last record followed by its intact last bytes.
#[test]
fn zeros_anywhere_else_are_corruption() {
    let _serial = serial();
    let tmp = TempDir::new("zero-elsewhere");
    {
        let mut disk = DiskLedger::open(tmp.path(), options(Durability::EveryAppend, 6)).unwrap();
        for i in 0..15 {
            disk.append(att(i)).unwrap();
        }
    }
    let total = full_ledger(tmp.path()).len();
    let last = list_segments(tmp.path()).unwrap().pop().unwrap();
    let bytes = std::fs::read(&last.path).unwrap();
    let bounds = record_bounds(&bytes);
    let (p_start, p_end) = bounds[bounds.len() - 2];
    let l_start = bounds[bounds.len() - 1].0;
    let l_last = bytes.len() - 1;
    let cases = [
        (p_end - 1, p_end, total - 2),
        (p_end - 16, p_end, total - 2),
        (p_start + 20, p_end, total - 2),
        (l_start + 20, l_last, total - 1),
        (l_start, l_start + 4, total - 1),
    ];
    for (from, to, record) in cases {
        let mut damaged = bytes.clone();
        damaged[from..to].fill(0);
        std::fs::write(&last.path, &damaged).unwrap();
        match verify_dir(tmp.path()) {
            Err(DiskError::Corrupt {
                file,
                position,
                offset,
                ..
            }) => {
                assert_eq!(file, last.path);
                assert_eq!(position, record, "zeros {from}..{to}");
                let start = if record == total - 1 {
                    l_start
                } else {
                    p_start
                };
                assert!(
                    (start as u64..to as u64).contains(&offset),
                    "zeros {from}..{to} at {offset}"
                );
            }
            other => panic!("zeros {from}..{to}: {other:?}"),
        }
    }
    std::fs::write(&last.path, &bytes).unwrap();
    verify_dir(tmp.path()).unwrap();
}

/// One call from an open ledger (or its directory) to a verified proof
/// file, archived entries included: past the compaction threshold an open
/// `DiskLedger` holds only its live entries, yet entry 9 is proved, and the
/// file verifies against a signed checkpoint as a third party checks it.
#[test]
fn proof_files_come_from_one_call_archived_entries_included() {
    let _guard = serial();
    let tmp = TempDir::new("proof-files");
    let mut disk = DiskLedger::open(tmp.path(), options(group(512), 100)).unwrap();
    for i in 0..450 {
        disk.append(att(i)).unwrap();
    }
    let len = disk.ledger().len();
    let inclusion = disk.inclusion_proof_file(9, None).unwrap();
    assert_eq!(
        inclusion.entry.as_ref().map(|(e, _)| e.kind()),
        Some("attestation")
    );
    let consistency = disk.consistency_proof_file(10, len).unwrap();
    assert_eq!(consistency.root, inclusion.root);
    // The same from the directory alone.
    let again = proofgate_ledger::disk::inclusion_proof_file(tmp.path(), 9, Some(len)).unwrap();
    assert_eq!(again.file.to_json(), inclusion.file.to_json());
    // Out of range: a typed error naming the size and the ledger's length.
    let e = proofgate_ledger::disk::inclusion_proof_file(tmp.path(), 1, Some(len + 1)).unwrap_err();
    assert!(e.to_string().contains(&(len + 1).to_string()), "{e}");
    // A third party: checkpoint signed by the log, proof files checked offline.
    let key = proofgate_ledger::NoteSigner::from_seed("proofgate.example/ledger/blake3", [7; 32])
        .unwrap();
    let note = proofgate_ledger::disk::checkpoint_of(tmp.path(), key.name())
        .unwrap()
        .sign(&key)
        .unwrap();
    let cp = proofgate_ledger::Checkpoint::open(note.as_bytes(), &key.verifier()).unwrap();
    for file in [inclusion.file, consistency.file] {
        let parsed = proofgate_ledger::ProofFile::from_json(&file.to_json()).unwrap();
        parsed
            .verify(&cp, None)
            .expect("verifies against the checkpoint");
    }
}

//! Ledger benches: in-memory append, compose_chain of 1,000, compaction of
//! 10,000 entries, inclusion and consistency proofs (generation and
//! verification), and durable appends with group commit versus an fsync per
//! append (in a temporary directory).

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use proofgate_ledger::disk::{DiskLedger, DiskOptions, Durability};
use proofgate_ledger::hash::node_hash;
use proofgate_ledger::{ArchivePolicy, LedgerConfig, MutationLedger, compose_chain};
use proofgate_ledger::{BasisPoints, ProofAttestation};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn att(i: u64) -> ProofAttestation {
    let seed = blake3::hash(&i.to_le_bytes());
    ProofAttestation {
        proof_term_hash: *seed.as_bytes(),
        environment_hash: [7; 32],
        verification_timestamp_ns: i,
        verifier_version: 1,
        reduction_steps: (i % 1000) as u32,
        cache_hit_rate_bps: BasisPoints::new((i % 10_001) as u16).unwrap_or(BasisPoints::ZERO),
    }
}

fn unbounded() -> LedgerConfig {
    LedgerConfig {
        compaction_threshold: None,
        archive: ArchivePolicy::Discard,
    }
}

fn ledger_of(n: u64) -> MutationLedger {
    let mut ledger = MutationLedger::with_config(unbounded());
    for i in 0..n {
        ledger
            .append(att(i))
            .expect("an unsealed ledger accepts appends");
    }
    ledger
}

fn append(c: &mut Criterion) {
    let mut g = c.benchmark_group("ledger");
    g.throughput(Throughput::Elements(1));
    // The gate's hot path under the default automatic compaction (archived
    // segments discarded, so memory stays bounded while criterion iterates).
    let mut ledger = MutationLedger::with_config(LedgerConfig {
        archive: ArchivePolicy::Discard,
        ..LedgerConfig::default()
    });
    let a = att(1);
    g.bench_function("append_in_memory", |b| {
        b.iter(|| black_box(ledger.append(black_box(a))))
    });
    // The hashing alone, for comparison: the chain link over 32 + 83 bytes
    // (two blake3 blocks), which is also the leaf, and one interior node (the
    // amortised cost per leaf).
    let input = [5u8; 32 + 83];
    let sibling = [1u8; 32];
    g.bench_function("append_hash_floor", |b| {
        b.iter(|| {
            let leaf = *blake3::hash(black_box(&input)).as_bytes();
            black_box(node_hash(black_box(&sibling), &leaf))
        })
    });
    g.finish();
}

fn compose(c: &mut Criterion) {
    let atts: Vec<_> = (0..1000).map(att).collect();
    c.bench_function("ledger/compose_chain_1000", |b| {
        b.iter(|| black_box(compose_chain(black_box(&atts))))
    });
    // The hashing alone: BLAKE3 over the 82,000 contiguous bytes.
    let bytes: Vec<u8> = atts.iter().flat_map(|a| a.to_bytes()).collect();
    let key = [3u8; 32];
    c.bench_function("ledger/compose_hash_floor_82000_bytes", |b| {
        b.iter(|| black_box(blake3::keyed_hash(&key, black_box(&bytes))))
    });
}

fn compaction(c: &mut Criterion) {
    c.bench_function("ledger/compact_10000", |b| {
        b.iter_batched(
            || ledger_of(10_000),
            |mut ledger| {
                let segment = ledger.compact();
                (ledger, segment)
            },
            BatchSize::LargeInput,
        )
    });
}

fn proofs(c: &mut Criterion) {
    let n = 1 << 20;
    let ledger = ledger_of(n);
    let root = ledger.root();
    let mut g = c.benchmark_group("ledger/proofs_1M");
    let mut i = 0u64;
    g.bench_function("inclusion_prove_and_verify", |b| {
        b.iter(|| {
            i = (i + 7919) % n;
            let proof = ledger.prove_inclusion(i, n, &[]).unwrap();
            let entry = ledger.entry(i).unwrap().encode();
            black_box(proof.verify(entry.as_slice(), &root).is_ok())
        })
    });
    let old_root = ledger.root_at(n / 3, &[]).unwrap();
    g.bench_function("consistency_prove_and_verify", |b| {
        b.iter(|| {
            let proof = ledger.prove_consistency(n / 3, n, &[]).unwrap();
            black_box(proof.verify(&old_root, &root).is_ok())
        })
    });
    g.finish();
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("proofgate-bench-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn durable(c: &mut Criterion) {
    let mut g = c.benchmark_group("ledger/durable_append");
    g.throughput(Throughput::Elements(1));
    for (name, durability) in [
        ("fsync_every_append", Durability::EveryAppend),
        (
            "group_commit_64_or_10ms",
            Durability::Group {
                records: 64,
                interval: Duration::from_millis(10),
            },
        ),
    ] {
        let dir = temp_dir(name);
        let mut disk = DiskLedger::open(
            &dir,
            DiskOptions {
                durability,
                ..DiskOptions::default()
            },
        )
        .expect("open bench ledger");
        let a = att(3);
        g.bench_function(name, |b| {
            b.iter(|| black_box(disk.append(black_box(a)).expect("append")))
        });
        drop(disk);
        let _ = std::fs::remove_dir_all(&dir);
    }
    g.finish();
}

criterion_group!(benches, append, compose, compaction, proofs, durable);
criterion_main!(benches);

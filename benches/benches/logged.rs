//! The logged path of a gated mutation: `mutate_approved` (the proof, the
//! attestation, the subject's blake3 digest and a clock read) and its
//! append to an in-memory ledger, beside the bare `mutate`, over 10,000
//! updates of a 1,024-dimension embedding; and `mutate_approved` for a
//! subject without a digest, which isolates the gate's own share (the
//! attestation and the clock) from the caller's hashing of 4 KiB.

use criterion::{Criterion, criterion_group, criterion_main};
use proofgate_core::ledger::MutationLedger;
use proofgate_core::{GateSubject, ProofEnvironment, ProofGate, ProofRequirement, subject_digest};
use std::hint::black_box;

const DIM: usize = 1024;
const UPDATES: usize = 10_000;

#[derive(Clone)]
struct Embedding(Box<[f32; DIM]>);

impl GateSubject for Embedding {
    fn dimension(&self) -> Option<u64> {
        Some(DIM as u64)
    }
    fn subject_digest(&self) -> Option<[u8; 32]> {
        let mut bytes = [0u8; DIM * 4];
        for (chunk, x) in bytes.chunks_exact_mut(4).zip(self.0.iter()) {
            chunk.copy_from_slice(&x.to_le_bytes());
        }
        Some(subject_digest(&bytes))
    }
}

/// The same vector without a subject digest: what `mutate_approved` costs
/// beyond `mutate` when the caller's digest is not counted.
#[derive(Clone)]
struct Undigested(Embedding);

impl GateSubject for Undigested {
    fn dimension(&self) -> Option<u64> {
        Some(DIM as u64)
    }
}

/// One step of a moving average towards `target` (the work being gated).
fn update(e: &Embedding, target: &[f32; DIM]) -> Embedding {
    let mut data = e.0.clone();
    for (x, t) in data.iter_mut().zip(target) {
        *x = 0.9 * *x + 0.1 * t;
    }
    Embedding(data)
}

fn logged(c: &mut Criterion) {
    let mut env = ProofEnvironment::new().expect("prelude");
    let target: Box<[f32; DIM]> = Box::new(std::array::from_fn(|i| (i as f32).sin()));
    let start = Embedding(Box::new(std::array::from_fn(|i| (i as f32).cos())));
    let requirement = ProofRequirement::DimensionMatch {
        expected: DIM as u64,
    };
    let mut group = c.benchmark_group("logged/mutations_10000");
    group.sample_size(20);
    group.bench_function("mutate", |b| {
        b.iter(|| {
            let mut gate = ProofGate::new(start.clone(), requirement.clone());
            for _ in 0..UPDATES {
                black_box(
                    gate.mutate(&mut env, |v| update(v, &target))
                        .expect("proved"),
                );
            }
        })
    });
    group.bench_function("mutate_approved", |b| {
        b.iter(|| {
            let mut gate = ProofGate::new(start.clone(), requirement.clone());
            for _ in 0..UPDATES {
                black_box(
                    gate.mutate_approved(&mut env, |v| update(v, &target))
                        .expect("proved"),
                );
            }
        })
    });
    group.bench_function("mutate_approved_without_digest", |b| {
        b.iter(|| {
            let mut gate = ProofGate::new(Undigested(start.clone()), requirement.clone());
            for _ in 0..UPDATES {
                black_box(
                    gate.mutate_approved(&mut env, |v| Undigested(update(&v.0, &target)))
                        .expect("proved"),
                );
            }
        })
    });
    group.bench_function("mutate_approved_and_append", |b| {
        b.iter(|| {
            let mut gate = ProofGate::new(start.clone(), requirement.clone());
            let mut ledger = MutationLedger::new();
            ledger.enter_epoch(env.epoch_config()).expect("open");
            for _ in 0..UPDATES {
                let a = gate
                    .mutate_approved(&mut env, |v| update(v, &target))
                    .expect("proved");
                ledger.append_approval(a).expect("appended");
            }
            black_box(ledger.head())
        })
    });
    group.finish();
}

criterion_group!(benches, logged);
criterion_main!(benches);

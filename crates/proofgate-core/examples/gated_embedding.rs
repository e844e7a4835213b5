//! Gating an embedding update with a ledger.
//!
//! An embedding may only change to a vector of its declared dimension: each
//! update is proved by the kernel before it is installed, and an approval
//! (the proof's 82-byte attestation, a blake3 digest of the vector installed
//! and the time) is appended to an on-disk ledger, in an epoch that pins the
//! environment the proofs were checked under. An update of the wrong
//! dimension is refused, the old vector stays, and nothing is logged.
//!
//! Run: `cargo run --example gated_embedding [LEDGER_DIR]` (default: a fresh
//! directory under the system's temporary directory). Then audit the ledger
//! with `proofgate ledger verify DIR`, or with the `audit_ledger` example.

use proofgate_core::ledger::disk::{DiskLedger, DiskOptions, verify_dir};
use proofgate_core::ledger::hash::to_hex;
use proofgate_core::{
    GateError, GateSubject, ProofEnvironment, ProofGate, ProofRequirement, subject_digest,
};
use std::path::PathBuf;

/// The value the gate guards.
struct Embedding(Vec<f32>);

impl GateSubject for Embedding {
    fn dimension(&self) -> Option<u64> {
        Some(self.0.len() as u64)
    }
    fn subject_digest(&self) -> Option<[u8; 32]> {
        let bytes: Vec<u8> = self.0.iter().flat_map(|x| x.to_le_bytes()).collect();
        Some(subject_digest(&bytes))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::env::temp_dir().join(format!("proofgate-embedding-{}", std::process::id()))
        });
    // The prelude the requirement refers to is declared through the kernel.
    let mut env = ProofEnvironment::new()?;
    let mut ledger = DiskLedger::open(&dir, DiskOptions::default())?;
    let mut gate = ProofGate::new(
        Embedding(vec![0.0; 4]),
        ProofRequirement::DimensionMatch { expected: 4 },
    );

    for step in 1..=3u8 {
        let approval = gate.mutate_approved(&mut env, |e| {
            Embedding(e.0.iter().map(|x| x + f32::from(step)).collect())
        })?;
        // A new epoch only when the environment changed (here: the first time).
        ledger.enter_epoch(env.epoch_config())?;
        let appended = ledger.append_approval(approval)?;
        println!(
            "update {step}: proved and installed, ledger entry {} (durable: {}), subject {}",
            appended.position,
            appended.is_durable(),
            approval.subject.as_ref().map(to_hex).unwrap_or_default()
        );
    }

    // A fifth component: the proof of DimensionMatch 4 fails, the update is
    // not installed, and there is no attestation to log.
    let before = ledger.ledger().len();
    match gate.mutate(&mut env, |e| {
        let mut grown = e.0.clone();
        grown.push(1.0);
        Embedding(grown)
    }) {
        Err(GateError::Rejected(why)) => println!("update 4 refused: {why}"),
        Err(other) => return Err(other.into()),
        Ok(_) => return Err("a 5-dimensional update passed a 4-dimensional gate".into()),
    }
    assert_eq!(
        ledger.ledger().len(),
        before,
        "a refused update is not logged"
    );

    let (value, attestation) = gate.into_inner(&mut env)?;
    ledger.append(attestation)?;
    drop(ledger);

    let report = verify_dir(&dir)?;
    println!(
        "final embedding {:?}; ledger {} verified: {} entries, root {}",
        value.0,
        dir.display(),
        report.scan.records,
        to_hex(&report.root)
    );
    Ok(())
}

//! `mutate_approved`: the ledger entry of a gated mutation names the value
//! installed and when it was approved, even when the proof cache answered
//! and every attestation is the same.

use proofgate_core::ledger::{LedgerEntry, MutationLedger};
use proofgate_core::{GateSubject, ProofEnvironment, ProofGate, ProofRequirement, subject_digest};

struct Embedding(Vec<u32>);

impl GateSubject for Embedding {
    fn dimension(&self) -> Option<u64> {
        Some(self.0.len() as u64)
    }
    fn subject_digest(&self) -> Option<[u8; 32]> {
        let bytes: Vec<u8> = self.0.iter().flat_map(|x| x.to_le_bytes()).collect();
        Some(subject_digest(&bytes))
    }
}

#[test]
fn approvals_tell_cached_mutations_apart() {
    let mut env = ProofEnvironment::new().unwrap();
    let mut gate = ProofGate::new(
        Embedding(vec![0; 4]),
        ProofRequirement::DimensionMatch { expected: 4 },
    );
    let mut ledger = MutationLedger::new();
    let mut approvals = Vec::new();
    for step in 1..=5u32 {
        let a = gate
            .mutate_approved(&mut env, |e| {
                Embedding(e.0.iter().map(|x| x + step).collect())
            })
            .unwrap();
        ledger.append_approval(a).unwrap();
        approvals.push(a);
    }
    // One proposition, one proof: the cache answers from the second on, so
    // every attestation names the same proof checked at the same moment.
    let same = |w: &[proofgate_core::Approval]| {
        let (x, y) = (&w[0].attestation, &w[1].attestation);
        x.proof_term_hash == y.proof_term_hash
            && x.verification_timestamp_ns == y.verification_timestamp_ns
    };
    assert!(approvals.windows(2).all(same));
    // What each installed: the digest of the value after that step.
    let mut value = [0u32; 4];
    for (step, a) in (1..=5u32).zip(&approvals) {
        value = value.map(|x| x + step);
        let bytes: Vec<u8> = value.iter().flat_map(|x| x.to_le_bytes()).collect();
        assert_eq!(a.subject, Some(subject_digest(&bytes)));
    }
    // When: in order, never before the proof was first checked.
    assert!(
        approvals
            .windows(2)
            .all(|w| w[0].approved_at_ns <= w[1].approved_at_ns)
    );
    assert!(approvals[0].approved_at_ns >= approvals[0].attestation.verification_timestamp_ns);
    // A refused mutation installs nothing and approves nothing.
    assert!(
        gate.mutate_approved(&mut env, |_| Embedding(vec![0; 5]))
            .is_err()
    );
    assert_eq!(ledger.len(), 5);
    assert!(matches!(ledger.entry(4), Some(LedgerEntry::Approval(a)) if *a == approvals[4]));
    ledger.verify().unwrap();
}

#[test]
fn a_subject_without_a_digest_is_approved_without_one() {
    struct Plain;
    impl GateSubject for Plain {
        fn dimension(&self) -> Option<u64> {
            Some(1)
        }
    }
    let mut env = ProofEnvironment::new().unwrap();
    let mut gate = ProofGate::new(Plain, ProofRequirement::DimensionMatch { expected: 1 });
    let a = gate.mutate_approved(&mut env, |_| Plain).unwrap();
    assert_eq!(a.subject, None);
}

#[test]
fn a_changed_environment_opens_a_new_ledger_epoch() {
    use proofgate_core::ledger::LedgerError;
    use proofgate_core::term::{Hints, SourceDecl};
    let mut env = ProofEnvironment::new().unwrap();
    let mut gate = ProofGate::new(
        Embedding(vec![0; 2]),
        ProofRequirement::DimensionMatch { expected: 2 },
    );
    let mut ledger = MutationLedger::new();
    let first = env.epoch_config();
    assert!(ledger.enter_epoch(first).unwrap().is_some());
    let a = gate
        .mutate_approved(&mut env, |e| Embedding(e.0.clone()))
        .unwrap();
    ledger.append_approval(a).unwrap();
    assert_eq!(
        ledger.enter_epoch(env.epoch_config()).unwrap(),
        None,
        "nothing changed"
    );
    // A new declaration changes the environment: its attestations carry the
    // new hash, which the pinned epoch refuses until a new one is entered.
    env.declare(&SourceDecl::Def {
        level_params: vec![],
        name: "Test.two".into(),
        ty: "Nat".into(),
        value: "2".into(),
        hints: Hints::Regular(1),
    })
    .unwrap();
    let b = gate
        .mutate_approved(&mut env, |e| Embedding(e.0.clone()))
        .unwrap();
    assert_ne!(b.attestation.environment_hash, first.environment_hash);
    assert!(matches!(
        ledger.append_approval(b),
        Err(LedgerError::OtherEnvironment { epoch: 1, .. })
    ));
    let boundary = ledger
        .enter_epoch(env.epoch_config())
        .unwrap()
        .expect("a new epoch");
    assert_eq!(
        boundary.new_config.environment_hash,
        b.attestation.environment_hash
    );
    ledger.append_approval(b).unwrap();
    ledger.verify().unwrap();
}

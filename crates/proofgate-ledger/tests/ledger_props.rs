//! Random sequences of append, approve, compact, epoch seal, supersede and scope
//! transition keep `verify` true and every earlier inclusion proof valid.

mod common;

use common::att;
use proofgate_ledger::hash::Hash;
use proofgate_ledger::{
    Approval, ArchivePolicy, EpochConfig, LedgerConfig, LedgerEntry, MutationLedger, ProofScope,
    SupersessionProof, compose_chain,
};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Append(u64),
    Approve(u64, Option<u8>),
    Compact,
    SealEpoch(u32),
    Supersede(u64, u32),
    Transition(u32, u32),
}

fn arb_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => any::<u64>().prop_map(Op::Append),
        2 => (any::<u64>(), any::<Option<u8>>()).prop_map(|(t, s)| Op::Approve(t, s)),
        1 => Just(Op::Compact),
        1 => any::<u32>().prop_map(Op::SealEpoch),
        2 => (any::<u64>(), any::<u32>()).prop_map(|(t, id)| Op::Supersede(t, id)),
        1 => (any::<u32>(), 0u32..1000).prop_map(|(p, c)| Op::Transition(p, c)),
    ]
}

/// A proof taken when entry `index` was new: (index, size, the entry's
/// bytes, root).
type Taken = (u64, u64, Vec<u8>, Hash);

/// Every proof taken so far still verifies, against the root it was taken
/// at and against the current root (with a consistency proof joining them).
fn check_all(ledger: &MutationLedger, taken: &[Taken]) -> Result<(), TestCaseError> {
    ledger
        .verify()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let n = ledger.len();
    let root = ledger.root();
    for (index, size, bytes, old_root) in taken {
        let (index, size) = (*index, *size);
        let again = ledger.prove_inclusion(index, size, &[]).unwrap();
        prop_assert!(again.verify(bytes, old_root).is_ok());
        let now = ledger.prove_inclusion(index, n, &[]).unwrap();
        prop_assert!(now.verify(bytes, &root).is_ok());
        prop_assert_eq!(now.previous, again.previous);
        let joined = ledger.prove_consistency(size, n, &[]).unwrap();
        prop_assert!(joined.verify(old_root, &root).is_ok());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn operations_keep_the_ledger_verifiable(ops in prop::collection::vec(arb_op(), 1..80), threshold in 2usize..12) {
        let config = LedgerConfig { compaction_threshold: Some(threshold), archive: ArchivePolicy::Retain };
        let mut scope = ProofScope::new(0, vec![1, 2, 3], Some(0.5), config).unwrap();
        let mut taken: Vec<Taken> = Vec::new();
        let mut epoch = 0u64;
        for op in ops {
            let ledger = scope.ledger_mut();
            match op {
                Op::Append(seed) => {
                    let before = ledger.len();
                    let p = ledger.append(att(seed)).unwrap();
                    prop_assert!(p >= before);
                    prop_assert_eq!(ledger.entry(p), Some(&LedgerEntry::Attestation(att(seed))));
                }
                Op::Approve(seed, subject) => {
                    let a = Approval { attestation: att(seed), subject: subject.map(|b| [b; 32]), approved_at_ns: seed };
                    let p = ledger.append_approval(a).unwrap();
                    prop_assert_eq!(ledger.entry(p), Some(&LedgerEntry::Approval(a)));
                }
                Op::Compact => {
                    let had = !ledger.live_entries().is_empty();
                    prop_assert_eq!(ledger.compact().unwrap().is_some(), had);
                }
                Op::SealEpoch(fuel) => {
                    let b = ledger.seal_epoch(EpochConfig { standard_fuel: fuel, ..EpochConfig::default() }).unwrap();
                    prop_assert_eq!(b.from_epoch, epoch);
                    epoch += 1;
                    prop_assert_eq!(ledger.epoch(), epoch);
                    prop_assert_eq!(b.seal.root, ledger.root_at(ledger.len() - 1, &[]).unwrap());
                }
                Op::Supersede(t, id) => {
                    let len = ledger.len();
                    let target = if len == 0 { 0 } else { t % len };
                    let proof = SupersessionProof { superseded_position: target, replacement: att(t), soundness_proof_id: id };
                    // An archived target cannot be inspected, so it is accepted.
                    let ok_target = target < ledger.live_start()
                        || matches!(ledger.entry(target), Some(LedgerEntry::Attestation(_) | LedgerEntry::Approval(_) | LedgerEntry::Supersession(_)));
                    let result = ledger.supersede(proof);
                    prop_assert_eq!(result.is_ok(), ok_target && len > 0, "{:?}", result);
                    if result.is_ok() {
                        // Nothing is deleted: the superseded entry is still there.
                        prop_assert!(target < ledger.live_start() || ledger.entry(target).is_some());
                    }
                }
                Op::Transition(partition, cut) => {
                    check_all(scope.ledger(), &taken)?;
                    let head = scope.ledger().head();
                    let (sealed, next) = scope.transition(partition, vec![], f64::from(cut) / 10.0, None).unwrap();
                    let old = sealed.ledger();
                    check_all(old, &taken)?;
                    prop_assert_eq!(sealed.transition.seal.head, head);
                    prop_assert!(matches!(old.entry(old.len() - 1), Some(LedgerEntry::ScopeTransition(_))));
                    prop_assert_eq!(next.ledger().genesis(), old.head());
                    prop_assert!(next.ledger().is_empty());
                    scope = next;
                    taken.clear();
                    continue;
                }
            }
            let ledger = scope.ledger();
            let n = ledger.len();
            if n > 0 {
                let i = n - 1;
                let bytes = ledger.find_entry(i, &[]).unwrap().encode().as_slice().to_vec();
                let proof = ledger.prove_inclusion(i, n, &[]).unwrap();
                let root = ledger.root();
                prop_assert!(proof.verify(&bytes, &root).is_ok());
                prop_assert_eq!(proof.leaf(&bytes), ledger.head());
                let expected_previous = if i == 0 { ledger.genesis() } else { ledger.leaf(i - 1, &[]).unwrap() };
                prop_assert_eq!(proof.previous, expected_previous);
                taken.push((i, n, bytes, root));
            }
        }
        check_all(scope.ledger(), &taken)?;
    }
}

#[test]
fn compose_chain_commits_to_every_constituent() {
    let atts: Vec<_> = (0..100).map(att).collect();
    let region = compose_chain(&atts);
    assert_eq!(region.count, 100);
    let steps: u64 = atts.iter().map(|a| u64::from(a.reduction_steps)).sum();
    assert_eq!(
        u64::from(region.attestation.reduction_steps),
        steps.min(u64::from(u32::MAX))
    );
    assert_eq!(
        region.attestation.verification_timestamp_ns,
        atts.iter()
            .map(|a| a.verification_timestamp_ns)
            .max()
            .unwrap()
    );
    for i in 0..atts.len() {
        let mut changed = atts.clone();
        changed[i].reduction_steps ^= 1;
        assert_ne!(
            compose_chain(&changed).attestation.proof_term_hash,
            region.attestation.proof_term_hash
        );
        let mut dropped = atts.clone();
        dropped.remove(i);
        assert_ne!(
            compose_chain(&dropped).attestation.proof_term_hash,
            region.attestation.proof_term_hash
        );
    }
    let mut swapped = atts.clone();
    swapped.swap(3, 4);
    assert_ne!(
        compose_chain(&swapped).attestation.proof_term_hash,
        region.attestation.proof_term_hash
    );
    // Steps saturate instead of wrapping.
    let mut heavy = att(1);
    heavy.reduction_steps = u32::MAX - 1;
    assert_eq!(
        compose_chain(&[heavy, heavy, heavy])
            .attestation
            .reduction_steps,
        u32::MAX
    );
    assert_eq!(compose_chain(&[]).count, 0);
}

#[test]
fn tampered_memory_is_caught_by_verify() {
    let mut ledger = MutationLedger::new();
    for i in 0..20 {
        ledger.append(att(i)).unwrap();
    }
    ledger.compact().unwrap();
    for i in 20..30 {
        ledger.append(att(i)).unwrap();
    }
    ledger.verify().unwrap();
    // A replayed ledger with one entry changed has a different root.
    let mut forged = MutationLedger::new();
    for (i, e) in ledger.archived()[0].entries().iter().enumerate() {
        let mut e = e.clone();
        if i == 5
            && let LedgerEntry::Attestation(a) = &mut e
        {
            a.reduction_steps += 1;
        }
        forged.apply(e).unwrap();
    }
    let seal = ledger.entry(ledger.live_start()).unwrap().clone();
    assert!(
        forged.apply(seal).is_err(),
        "a seal must not accept a different history"
    );
}

#[test]
fn a_sealed_scope_ledger_refuses_changes() {
    let mut scope = ProofScope::new(1, vec![], None, LedgerConfig::default()).unwrap();
    scope.ledger_mut().append(att(1)).unwrap();
    assert!(ProofScope::new(1, vec![], Some(f64::NAN), LedgerConfig::default()).is_err());
    let (sealed, mut next) = scope.transition(2, vec![5], 1.5, Some(0.9)).unwrap();
    let mut copy = sealed.ledger().clone();
    let position = copy.len() - 1;
    let refused = proofgate_ledger::LedgerError::ScopeSealed { position };
    assert_eq!(copy.append(att(2)), Err(refused.clone()));
    assert_eq!(copy.compact().map(|s| s.is_some()), Err(refused.clone()));
    assert_eq!(
        copy.seal_epoch(EpochConfig::default()).map(|_| ()),
        Err(refused)
    );
    copy.verify().unwrap();
    // The successor continues the chain and accepts appends.
    assert_eq!(next.ledger_mut().append(att(3)), Ok(0));
    next.ledger().verify().unwrap();
}

#[test]
fn compose_range_states_the_positions_it_covers() {
    let mut ledger = MutationLedger::new();
    for i in 0..10 {
        ledger.append(att(i)).unwrap();
    }
    let region = ledger.compose_range(2, 7).unwrap();
    assert_eq!((region.first, region.end, region.regional.count), (2, 7, 5));
    let atts: Vec<_> = (2..7).map(att).collect();
    assert_eq!(region.regional, compose_chain(&atts));
    assert!(ledger.compose_range(7, 2).is_err());
    assert!(ledger.compose_range(0, 11).is_err());
    ledger.compact().unwrap();
    assert!(
        ledger.compose_range(0, 3).is_err(),
        "archived entries need their segment"
    );
}

//! Inclusion and consistency proofs for every size 1..=64 against a naive
//! recomputation of the chain and the tree; mutated proofs are rejected.

mod common;

use common::{att, ceil_log2, naive_chain, naive_consistency, naive_path, naive_root};
use proofgate_ledger::hash::Hash;
use proofgate_ledger::{
    ArchivePolicy, ConsistencyProof, GENESIS_HEAD, InclusionProof, LedgerConfig, LedgerEntry,
    LedgerError, MutationLedger, ProofScope,
};

/// A ledger of `n` attestations, the entries' canonical bytes, and the
/// leaves recomputed from those bytes without the ledger's code.
fn ledger_of(n: u64) -> (MutationLedger, Vec<Vec<u8>>, Vec<Hash>) {
    let mut ledger = MutationLedger::new();
    for i in 0..n {
        ledger.append(att(i)).unwrap();
    }
    let bytes = encoded_attestations(0..n);
    let leaves = naive_chain(GENESIS_HEAD, &bytes);
    (ledger, bytes, leaves)
}

/// The head before entry `i` of a chain starting at `genesis`.
fn previous(genesis: Hash, leaves: &[Hash], i: usize) -> Hash {
    i.checked_sub(1).map_or(genesis, |p| leaves[p])
}

/// Every single-bit change of a proof path, plus dropping and adding a hash.
fn mutations(path: &[Hash]) -> Vec<Vec<Hash>> {
    let mut out = Vec::new();
    for i in 0..path.len() {
        for bit in [0usize, 77, 255] {
            let mut p = path.to_vec();
            p[i][bit / 8] ^= 1 << (bit % 8);
            out.push(p);
        }
    }
    if !path.is_empty() {
        out.push(path[..path.len() - 1].to_vec());
        let mut swapped = path.to_vec();
        swapped.swap(0, path.len() - 1);
        if swapped != path {
            out.push(swapped);
        }
    }
    let mut longer = path.to_vec();
    longer.push([9u8; 32]);
    out.push(longer);
    out
}

#[test]
fn leaves_are_the_chain_heads() {
    let (ledger, bytes, leaves) = ledger_of(5);
    for (i, leaf) in leaves.iter().enumerate() {
        let position = i as u64;
        assert_eq!(
            ledger.entry(position).unwrap().encode().as_slice(),
            bytes[i]
        );
        assert_eq!(ledger.leaf(position, &[]).unwrap(), *leaf);
        assert_eq!(ledger.head_at(position), Some(*leaf));
        assert_eq!(
            ledger.head_before(position, &[]).unwrap(),
            previous(GENESIS_HEAD, &leaves, i)
        );
    }
    assert_eq!(ledger.head(), leaves[4]);
    assert!(ledger.head_before(5, &[]).is_err());
}

#[test]
fn inclusion_for_every_size_up_to_64() {
    let (ledger, bytes, leaves) = ledger_of(64);
    for n in 1..=64u64 {
        let root = naive_root(&leaves[..n as usize]);
        assert_eq!(ledger.root_at(n, &[]).unwrap(), root, "root of size {n}");
        for i in 0..n {
            let at = i as usize;
            let entry = &bytes[at];
            let proof = ledger.prove_inclusion(i, n, &[]).unwrap();
            assert_eq!(
                proof.path,
                naive_path(at, &leaves[..n as usize]),
                "path {i} of {n}"
            );
            assert_eq!(proof.previous, previous(GENESIS_HEAD, &leaves, at));
            assert!(proof.path.len() <= ceil_log2(n), "proof size {i} of {n}");
            assert_eq!(proof.leaf(entry), leaves[at]);
            proof.verify(entry, &root).unwrap();
            proof.verify_leaf(&leaves[at], &root).unwrap();
            // Wrong entry, wrong root.
            assert!(proof.verify(&bytes[(at + 1) % 64], &root).is_err());
            let mut bad_root = root;
            bad_root[0] ^= 1;
            assert!(proof.verify(entry, &bad_root).is_err());
            // Wrong predecessor head: any changed bit, the head one entry
            // off either way, or the genesis in place of a real head.
            let mut wrong = vec![
                leaves[at],
                previous(GENESIS_HEAD, &leaves, at.saturating_sub(1)),
            ];
            if at > 0 {
                wrong.push(GENESIS_HEAD);
            }
            for bit in [0usize, 100, 255] {
                let mut p = proof.previous;
                p[bit / 8] ^= 1 << (bit % 8);
                wrong.push(p);
            }
            for head in wrong {
                if head == proof.previous {
                    continue;
                }
                let bad = InclusionProof {
                    previous: head,
                    ..proof.clone()
                };
                assert!(
                    bad.verify(entry, &root).is_err(),
                    "wrong predecessor accepted for {i} of {n}"
                );
            }
            // Wrong index, wrong size.
            // (A different size of the same shape verifies in RFC 9162 too: the
            // size is bound by the signed root, not the path.)
            for (index, size) in [(i + 1, n), (i ^ 1, n)] {
                if (index, size) == (i, n) {
                    continue;
                }
                let moved = InclusionProof {
                    index,
                    size,
                    ..proof.clone()
                };
                if moved.verify(entry, &root).is_ok() {
                    // Only possible if it is the same position in an
                    // identically shaped path, which RFC 9162 rules out.
                    panic!("proof of {i} in {n} accepted as {index} in {size}");
                }
            }
            for path in mutations(&proof.path) {
                let bad = InclusionProof {
                    path,
                    ..proof.clone()
                };
                assert!(
                    bad.verify(entry, &root).is_err(),
                    "mutated proof {i} of {n}"
                );
            }
        }
    }
}

#[test]
fn consistency_for_every_pair_up_to_64() {
    let (ledger, _, leaves) = ledger_of(64);
    let roots: Vec<Hash> = (0..=64).map(|n| naive_root(&leaves[..n])).collect();
    for n in 1..=64u64 {
        for m in 1..=n {
            let proof = ledger.prove_consistency(m, n, &[]).unwrap();
            assert_eq!(
                proof.path,
                naive_consistency(m as usize, &leaves[..n as usize]),
                "{m}->{n}"
            );
            // RFC 9162's consistency proofs can take one hash more than
            // ceil(log2 n): when the old size is not a power of two the
            // verifier needs the old tree's rightmost subtree as a start
            // (3 -> 4 needs 3 hashes).
            assert!(
                proof.path.len() <= ceil_log2(n) + 1,
                "size of {m}->{n}: {}",
                proof.path.len()
            );
            if m.is_power_of_two() {
                assert!(proof.path.len() <= ceil_log2(n), "size of {m}->{n}");
            }
            proof
                .verify(&roots[m as usize], &roots[n as usize])
                .unwrap();
            if m < n {
                assert!(
                    proof
                        .verify(&roots[n as usize], &roots[n as usize])
                        .is_err()
                );
                assert!(
                    proof
                        .verify(&roots[m as usize], &roots[m as usize])
                        .is_err()
                );
                for path in mutations(&proof.path) {
                    let bad = ConsistencyProof {
                        old_size: m,
                        new_size: n,
                        path,
                    };
                    assert!(
                        bad.verify(&roots[m as usize], &roots[n as usize]).is_err(),
                        "mutated {m}->{n}"
                    );
                }
                if m > 1 {
                    let shifted = ConsistencyProof {
                        old_size: m - 1,
                        new_size: n,
                        path: proof.path.clone(),
                    };
                    assert!(
                        shifted
                            .verify(&roots[m as usize], &roots[n as usize])
                            .is_err()
                    );
                }
            } else {
                let mut other = roots[n as usize];
                other[3] ^= 4;
                assert!(proof.verify(&roots[m as usize], &other).is_err());
            }
        }
    }
}

#[test]
fn bad_sizes_are_errors() {
    let (ledger, _, _) = ledger_of(4);
    assert!(matches!(
        ledger.prove_inclusion(4, 4, &[]),
        Err(LedgerError::OutOfRange { .. })
    ));
    assert!(matches!(
        ledger.prove_inclusion(0, 5, &[]),
        Err(LedgerError::OutOfRange { .. })
    ));
    assert!(ledger.prove_consistency(0, 3, &[]).is_err());
    assert!(ledger.prove_consistency(3, 2, &[]).is_err());
    assert!(ledger.prove_consistency(1, 5, &[]).is_err());
}

#[test]
fn archived_entries_need_their_segment_and_stay_provable_with_it() {
    let config = LedgerConfig {
        compaction_threshold: Some(7),
        archive: ArchivePolicy::Discard,
    };
    let mut ledger = MutationLedger::with_config(config);
    let mut reference = MutationLedger::with_config(LedgerConfig {
        compaction_threshold: None,
        archive: ArchivePolicy::Retain,
    });
    let mut segments = Vec::new();
    for i in 0..40 {
        ledger.append(att(i)).unwrap();
        // Capture segments as automatic compaction makes them: compact by hand
        // at the same points in the reference to keep the leaves identical.
        if ledger.live_entries().len() >= 6 {
            segments.push(ledger.compact().unwrap().unwrap());
        }
    }
    // The reference replays the same entries without ever dropping them.
    for segment in &segments {
        for e in segment.entries() {
            reference.apply(e.clone()).unwrap();
        }
    }
    for e in ledger.live_entries() {
        reference.apply(e.clone()).unwrap();
    }
    assert_eq!(reference.len(), ledger.len());
    assert_eq!(reference.root(), ledger.root());
    ledger.verify().unwrap();
    let n = ledger.len();
    let root = ledger.root();
    let all: Vec<&proofgate_ledger::SealedSegment> = segments.iter().map(|s| &**s).collect();
    let bytes = encoded_entries(&reference);
    let leaves = naive_chain(GENESIS_HEAD, &bytes);
    assert_eq!(naive_root(&leaves), root);
    for i in 0..n {
        let at = i as usize;
        assert_eq!(ledger.find_entry(i, &all), reference.find_entry(i, &[]));
        let proof = ledger.prove_inclusion(i, n, &all).unwrap();
        proof.verify(&bytes[at], &root).unwrap();
        assert_eq!(proof.previous, previous(GENESIS_HEAD, &leaves, at));
        assert_eq!(proof, reference.prove_inclusion(i, n, &[]).unwrap());
        if i < ledger.live_start() {
            assert!(matches!(
                ledger.prove_inclusion(i, n, &[]),
                Err(LedgerError::Archived(_))
            ));
            // The segment holding the entry and those after it suffice, even
            // for a segment's first entry, whose predecessor lies in the
            // segment before.
            let k = all.iter().position(|s| s.end() > i).unwrap();
            assert_eq!(ledger.prove_inclusion(i, n, &all[k..]).unwrap(), proof);
        }
    }
    for m in 1..=n {
        let proof = ledger.prove_consistency(m, n, &all).unwrap();
        proof
            .verify(&reference.root_at(m, &[]).unwrap(), &root)
            .unwrap();
    }
    for s in &segments {
        s.verify().unwrap();
    }
}

#[test]
fn entry_zero_of_a_successor_is_proved_from_its_genesis() {
    let mut scope = ProofScope::new(3, vec![], None, LedgerConfig::default()).unwrap();
    for i in 0..5 {
        scope.ledger_mut().append(att(i)).unwrap();
    }
    let (sealed, mut next) = scope.transition(4, vec![], 2.0, None).unwrap();
    let genesis = sealed.ledger().head();
    assert_ne!(genesis, GENESIS_HEAD);
    for i in 10..13 {
        next.ledger_mut().append(att(i)).unwrap();
    }
    let ledger = next.ledger();
    assert_eq!(ledger.genesis(), genesis);
    let bytes = encoded_attestations(10..13);
    let leaves = naive_chain(genesis, &bytes);
    let root = ledger.root();
    assert_eq!(naive_root(&leaves), root);
    let proof = ledger.prove_inclusion(0, 3, &[]).unwrap();
    assert_eq!(proof.previous, genesis);
    proof.verify(&bytes[0], &root).unwrap();
    // The same entry as entry 0 of a fresh ledger is another leaf.
    let fresh = InclusionProof {
        previous: GENESIS_HEAD,
        ..proof.clone()
    };
    assert!(fresh.verify(&bytes[0], &root).is_err());
    for i in 1..3 {
        let proof = ledger.prove_inclusion(i, 3, &[]).unwrap();
        assert_eq!(proof.previous, leaves[i as usize - 1]);
        proof.verify(&bytes[i as usize], &root).unwrap();
    }
}

#[test]
fn the_entry_after_a_compaction_or_epoch_is_proved_from_the_sealed_head() {
    let mut ledger = MutationLedger::with_config(LedgerConfig {
        compaction_threshold: None,
        archive: ArchivePolicy::Retain,
    });
    for i in 0..7 {
        ledger.append(att(i)).unwrap();
    }
    ledger.compact().unwrap();
    for i in 7..10 {
        ledger.append(att(i)).unwrap();
    }
    ledger
        .seal_epoch(proofgate_ledger::EpochConfig::default())
        .unwrap();
    ledger.append(att(10)).unwrap();
    ledger.verify().unwrap();
    let n = ledger.len();
    let root = ledger.root();
    let bytes = encoded_entries(&ledger);
    let leaves = naive_chain(GENESIS_HEAD, &bytes);
    assert_eq!(naive_root(&leaves), root);
    // Positions 7 (the compaction seal) and 11 (the epoch boundary) open a
    // segment; 11 is also where the live ledger starts.
    assert_eq!(ledger.live_start(), 11);
    for i in 0..n {
        let proof = ledger.prove_inclusion(i, n, &[]).unwrap();
        assert_eq!(proof.previous, previous(GENESIS_HEAD, &leaves, i as usize));
        proof.verify(&bytes[i as usize], &root).unwrap();
    }
}

/// The encoding of every entry of a ledger that holds them all (none
/// archived away), in order.
fn encoded_entries(ledger: &MutationLedger) -> Vec<Vec<u8>> {
    (0..ledger.len())
        .map(|i| {
            ledger
                .find_entry(i, &[])
                .expect("every entry is held")
                .encode()
                .as_slice()
                .to_vec()
        })
        .collect()
}

/// The entry encodings of the attestations `att(i)` for `i` in `range`.
fn encoded_attestations(range: std::ops::Range<u64>) -> Vec<Vec<u8>> {
    range
        .map(|i| {
            LedgerEntry::Attestation(att(i))
                .encode()
                .as_slice()
                .to_vec()
        })
        .collect()
}

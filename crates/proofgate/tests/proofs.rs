//! Inclusion and consistency proofs for every size 1..=64 against a naive
//! recomputation of the tree; mutated proofs are rejected.

mod common;

use common::{att, ceil_log2, naive_consistency, naive_path, naive_root};
use proofgate::ledger::hash::Hash;
use proofgate::ledger::{
    ArchivePolicy, ConsistencyProof, InclusionProof, LedgerConfig, LedgerError, MutationLedger,
};

fn ledger_of(n: u64) -> (MutationLedger, Vec<Hash>) {
    let mut ledger = MutationLedger::new();
    for i in 0..n {
        ledger.append(att(i)).unwrap();
    }
    let leaves = (0..n).map(|i| ledger.leaf(i, &[]).unwrap()).collect();
    (ledger, leaves)
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
fn leaves_are_hashes_of_entry_bytes() {
    let (ledger, leaves) = ledger_of(5);
    for (i, leaf) in leaves.iter().enumerate() {
        let bytes = ledger.entry(i as u64).unwrap().encode();
        assert_eq!(*leaf, proofgate::ledger::leaf_hash(bytes.as_slice()));
    }
}

#[test]
fn inclusion_for_every_size_up_to_64() {
    let (ledger, leaves) = ledger_of(64);
    for n in 1..=64u64 {
        let root = naive_root(&leaves[..n as usize]);
        assert_eq!(ledger.root_at(n, &[]).unwrap(), root, "root of size {n}");
        for i in 0..n {
            let proof = ledger.prove_inclusion(i, n, &[]).unwrap();
            assert_eq!(
                proof.path,
                naive_path(i as usize, &leaves[..n as usize]),
                "path {i} of {n}"
            );
            assert!(proof.path.len() <= ceil_log2(n), "proof size {i} of {n}");
            proof.verify(&leaves[i as usize], &root).unwrap();
            // Wrong leaf, wrong root, wrong index, wrong size.
            assert!(
                proof.verify(&leaves[(i as usize + 1) % 64], &root).is_err()
                    || n == 1 && i == 0 && leaves[1] == leaves[0]
            );
            let mut bad_root = root;
            bad_root[0] ^= 1;
            assert!(proof.verify(&leaves[i as usize], &bad_root).is_err());
            // (A different size of the same shape verifies in RFC 9162 too: the
            // size is bound by the signed root, not the path.)
            for (index, size) in [(i + 1, n), (i ^ 1, n)] {
                if (index, size) == (i, n) {
                    continue;
                }
                let moved = InclusionProof {
                    index,
                    size,
                    path: proof.path.clone(),
                };
                if moved.verify(&leaves[i as usize], &root).is_ok() {
                    // Only possible if it is the same position in an
                    // identically shaped path, which RFC 9162 rules out.
                    panic!("proof of {i} in {n} accepted as {index} in {size}");
                }
            }
            for path in mutations(&proof.path) {
                let bad = InclusionProof {
                    index: i,
                    size: n,
                    path,
                };
                assert!(
                    bad.verify(&leaves[i as usize], &root).is_err(),
                    "mutated proof {i} of {n}"
                );
            }
        }
    }
}

#[test]
fn consistency_for_every_pair_up_to_64() {
    let (ledger, leaves) = ledger_of(64);
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
    let (ledger, _) = ledger_of(4);
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
    let all: Vec<&proofgate::ledger::SealedSegment> = segments.iter().map(|s| &**s).collect();
    for i in 0..n {
        let leaf = reference.leaf(i, &[]).unwrap();
        let proof = ledger.prove_inclusion(i, n, &all).unwrap();
        proof.verify(&leaf, &root).unwrap();
        assert_eq!(proof, reference.prove_inclusion(i, n, &[]).unwrap());
        if i < ledger.live_start() {
            assert!(matches!(
                ledger.prove_inclusion(i, n, &[]),
                Err(LedgerError::Archived(_))
            ));
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

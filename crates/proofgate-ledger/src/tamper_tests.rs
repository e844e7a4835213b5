//! The leaf level of the tree is the only store of the chain heads: changing
//! any stored head, live or archived, is caught by `verify` and named.

use super::{ArchivePolicy, LedgerConfig, LedgerError, MutationLedger};
use crate::record::attestation::{BasisPoints, ProofAttestation};

fn att(i: u64) -> ProofAttestation {
    ProofAttestation {
        proof_term_hash: *blake3::hash(&i.to_le_bytes()).as_bytes(),
        environment_hash: [4; 32],
        verification_timestamp_ns: i,
        verifier_version: 1,
        reduction_steps: i as u32,
        cache_hit_rate_bps: BasisPoints::ZERO,
    }
}

/// Seven entries compacted (live ledger from position 7, which keeps leaf 6
/// as part of the frontier), then three more.
fn ledger() -> MutationLedger {
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
    ledger.verify().unwrap();
    ledger
}

fn flip_leaf(ledger: &mut MutationLedger, position: u64) {
    let level = &mut ledger.tree_mut().levels[0];
    let at = (position - level.offset) as usize;
    level.nodes[at][5] ^= 0x20;
}

#[test]
fn a_changed_live_head_is_named() {
    for position in [7, 8, 10] {
        let mut ledger = ledger();
        flip_leaf(&mut ledger, position);
        assert_eq!(
            ledger.verify(),
            Err(LedgerError::ChainMismatch { position })
        );
    }
}

#[test]
fn a_changed_frontier_leaf_before_the_live_range_is_named() {
    let mut ledger = ledger();
    assert_eq!(ledger.live_start(), 7);
    flip_leaf(&mut ledger, 6);
    assert_eq!(
        ledger.verify(),
        Err(LedgerError::ChainMismatch { position: 6 })
    );
}

#[test]
fn a_changed_archived_head_is_named() {
    for position in [0, 3, 6] {
        let ledger = ledger();
        let mut segment = (*ledger.archived()[0]).clone();
        let level = &mut segment.levels.levels[0];
        let at = (position - level.offset) as usize;
        level.nodes[at][0] ^= 1;
        assert_eq!(
            segment.verify(),
            Err(LedgerError::ChainMismatch { position })
        );
    }
}

#[test]
fn a_changed_head_before_a_segment_is_named() {
    let mut ledger = ledger();
    ledger.compact().unwrap();
    // The second segment starts at the odd position 7, so it stores leaf 6
    // (part of its frontier), which must be the head it continues from.
    let mut segment = (*ledger.archived()[1]).clone();
    assert_eq!(segment.first(), 7);
    segment.verify().unwrap();
    let level = &mut segment.levels.levels[0];
    assert_eq!(level.offset, 6);
    level.nodes[0][31] ^= 0x80;
    assert_eq!(
        segment.verify(),
        Err(LedgerError::ChainMismatch { position: 6 })
    );
}

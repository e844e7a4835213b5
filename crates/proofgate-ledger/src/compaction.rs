//! Compaction: the live prefix moves to a sealed, immutable segment; the live
//! ledger keeps the frontier (so later roots are still computable) and a
//! seal committing to the root and chain head of everything archived.

use super::error::LedgerError;
use super::hash::{Hash, link};
use super::merkle::{MerkleLevels, NodeSource, root_of};
use crate::record::attestation::{BasisPoints, ProofAttestation};
use crate::record::entry::LedgerEntry;
use crate::record::seal::{SEAL_VERSION, Seal};
use crate::record::sealing::CompactionSeal;
use std::sync::Arc;

/// Running totals of the attestations since the last seal, so sealing costs
/// no pass over the entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SealAccumulator {
    steps: u32,
    latest_ns: u64,
    bps_sum: u64,
    count: u64,
}

impl SealAccumulator {
    #[inline]
    pub(crate) fn add(&mut self, entry: &LedgerEntry) {
        if let Some(att) = entry.attestation() {
            self.add_attestation(att);
        }
    }

    #[inline]
    pub(crate) fn add_attestation(&mut self, att: &ProofAttestation) {
        self.steps = self.steps.saturating_add(att.reduction_steps);
        self.latest_ns = self.latest_ns.max(att.verification_timestamp_ns);
        self.bps_sum += u64::from(att.cache_hit_rate_bps.get());
        self.count += 1;
    }

    /// The seal over `root` and `head`.
    pub(crate) fn seal(&self, root: Hash, head: Hash) -> Seal {
        let mean = self.bps_sum.checked_div(self.count).unwrap_or(0);
        Seal {
            root,
            head,
            latest_timestamp_ns: self.latest_ns,
            seal_version: SEAL_VERSION,
            reduction_steps: self.steps,
            // The mean of values <= 10_000 is <= 10_000.
            mean_cache_hit_rate: BasisPoints::new(mean as u16).unwrap_or(BasisPoints::FULL),
        }
    }
}

/// Entries `first..end`, immutable once sealed, with the tree nodes over them:
/// the leaves are their chain heads, and the frontier at `first` is included,
/// so the segment alone reproduces the root at `end`.
#[derive(Debug, Clone, PartialEq)]
pub struct SealedSegment {
    pub(crate) first: u64,
    pub(crate) head_before: Hash,
    pub(crate) entries: Vec<LedgerEntry>,
    pub(crate) levels: MerkleLevels,
    pub(crate) seal: CompactionSeal,
}

impl NodeSource for SealedSegment {
    fn node(&self, level: u32, index: u64) -> Option<Hash> {
        self.levels.node(level, index)
    }
}

/// Segments in order of position (as a ledger retains them). A compaction
/// archives every stored node wholly before its point, so a node is held by
/// the segment that holds its last leaf: one binary search finds it, however
/// many segments history has.
pub(crate) struct OrderedSegments<'a>(pub(crate) &'a [Arc<SealedSegment>]);

impl<'a> OrderedSegments<'a> {
    /// The segment holding entry `position`.
    pub(crate) fn holding(&self, position: u64) -> Option<&'a SealedSegment> {
        let at = self.0.partition_point(|s| s.end() <= position);
        self.0.get(at).map(|s| &**s).filter(|s| s.first <= position)
    }
}

impl NodeSource for OrderedSegments<'_> {
    fn node(&self, level: u32, index: u64) -> Option<Hash> {
        let width = 1u64.checked_shl(level)?;
        let last = index.checked_add(1)?.checked_mul(width)? - 1;
        self.holding(last)?.node(level, index)
    }
}

impl SealedSegment {
    /// First entry of the segment.
    pub fn first(&self) -> u64 {
        self.first
    }
    /// One past the last entry.
    pub fn end(&self) -> u64 {
        self.first + self.entries.len() as u64
    }
    /// The archived entries.
    pub fn entries(&self) -> &[LedgerEntry] {
        &self.entries
    }
    /// The archived entry at `position`, if it lies in this segment.
    pub fn entry(&self, position: u64) -> Option<&LedgerEntry> {
        let i = position.checked_sub(self.first)?;
        self.entries.get(usize::try_from(i).ok()?)
    }
    /// The chain head (and Merkle leaf) after the entry at `position`.
    pub fn head_at(&self, position: u64) -> Option<Hash> {
        if position < self.first || position >= self.end() {
            return None;
        }
        self.levels.node(0, position)
    }
    /// The chain head before the first entry.
    pub fn head_before(&self) -> Hash {
        self.head_before
    }
    /// The seal that closed the segment.
    pub fn seal(&self) -> &CompactionSeal {
        &self.seal
    }

    /// Recomputes the chain (the leaves) and every stored node, and checks
    /// both against the seal.
    pub fn verify(&self) -> Result<(), LedgerError> {
        if let Some(before) = self.first.checked_sub(1)
            && let Some(leaf) = self.levels.node(0, before)
            && leaf != self.head_before
        {
            return Err(LedgerError::ChainMismatch { position: before });
        }
        let mut head = self.head_before;
        for (i, entry) in self.entries.iter().enumerate() {
            let position = self.first + i as u64;
            head = link(&head, entry);
            if self.levels.node(0, position) != Some(head) {
                return Err(LedgerError::ChainMismatch { position });
            }
        }
        check_interior(&self.levels)?;
        let end = self.end();
        if self.seal.first != self.first || self.seal.end != end {
            return Err(LedgerError::SealMismatch {
                position: end,
                reason: "covered range",
            });
        }
        if self.seal.seal.head != head {
            return Err(LedgerError::SealMismatch {
                position: end,
                reason: "chain head",
            });
        }
        if root_of(&self.levels, end)? != self.seal.seal.root {
            return Err(LedgerError::SealMismatch {
                position: end,
                reason: "Merkle root",
            });
        }
        Ok(())
    }
}

/// Every stored interior node whose children are both stored must be their
/// hash (nodes whose children were archived are checked through the seal).
pub(crate) fn check_interior(levels: &MerkleLevels) -> Result<(), LedgerError> {
    for (k, lvl) in levels.levels.iter().enumerate().skip(1) {
        for (j, hash) in lvl.nodes.iter().enumerate() {
            let index = lvl.offset + j as u64;
            let below = (k - 1) as u32;
            if let (Some(l), Some(r)) = (
                levels.node(below, 2 * index),
                levels.node(below, 2 * index + 1),
            ) && super::hash::node_hash(&l, &r) != *hash
            {
                return Err(LedgerError::NodeMismatch {
                    level: k as u32,
                    index,
                });
            }
        }
    }
    Ok(())
}

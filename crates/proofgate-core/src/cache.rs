//! The proof cache: an obligation the kernel already accepted costs one
//! lookup the next time. Keyed by the hash-consed ids of proposition and
//! proof, which identify the obligation exactly within one environment.

use crate::tier::ProofTier;
use proofgate_kernel::ExprId;
use rustc_hash::FxHashMap;

/// What the cache remembers of an accepted obligation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CachedProof {
    /// The tier that accepted it.
    pub tier: ProofTier,
    /// The kernel's step count for that check.
    pub steps: u64,
    /// blake3 of the canonical encoding of proposition and proof.
    pub proof_hash: [u8; 32],
    /// Where the environment keeps that hash for receipts.
    pub proof_index: u32,
    /// When the kernel checked it (ns since the Unix epoch): a cache hit
    /// attests that earlier check, so it carries that check's time.
    pub checked_at_ns: u64,
}

/// Accepted obligations, with hit and miss counters.
#[derive(Debug, Default)]
pub struct ProofCache {
    entries: FxHashMap<(ExprId, ExprId), CachedProof>,
    hits: u64,
    misses: u64,
}

impl ProofCache {
    /// Looks an obligation up, counting a hit or a miss.
    #[inline]
    pub fn lookup(&mut self, prop: ExprId, proof: ExprId) -> Option<CachedProof> {
        match self.entries.get(&(prop, proof)) {
            Some(c) => {
                self.hits += 1;
                Some(*c)
            }
            None => {
                self.misses += 1;
                None
            }
        }
    }

    /// Looks an obligation up without counting.
    pub fn peek(&self, prop: ExprId, proof: ExprId) -> Option<CachedProof> {
        self.entries.get(&(prop, proof)).copied()
    }

    /// Counts a miss no lookup made: a value the compiled route answered
    /// (it is fresh to the cache, which never holds it), so the hit rate
    /// an attestation carries is the kernel route's.
    #[inline]
    pub fn record_miss(&mut self) {
        self.misses += 1;
    }

    /// Counts a hit answered by a memo in front of the cache (the literal
    /// equality fast path), so the hit rate covers every lookup.
    #[inline]
    pub fn record_hit(&mut self) {
        self.hits += 1;
    }

    /// Remembers an accepted obligation.
    pub fn insert(&mut self, prop: ExprId, proof: ExprId, entry: CachedProof) {
        self.entries.insert((prop, proof), entry);
    }

    /// Lookups answered from the cache.
    #[inline]
    pub fn hits(&self) -> u64 {
        self.hits
    }

    /// Lookups that went to the kernel.
    #[inline]
    pub fn misses(&self) -> u64 {
        self.misses
    }

    /// Obligations remembered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Forgets every entry (the environment changed) but keeps the counters.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

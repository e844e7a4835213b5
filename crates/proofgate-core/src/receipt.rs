//! `ProofReceipt`: the cheap record of one accepted proof, from which the
//! 82-byte [`crate::ProofAttestation`] is built on request.
//!
//! A gated hot path proves every mutation but rarely needs every
//! attestation: the receipt is small (the environment that issued it,
//! its record of the accepted proof in that environment epoch, and how
//! many cache lookups preceded it: two words), and the 82-byte assembly, the hash
//! copies and the hit-rate division happen in
//! [`crate::ProofEnvironment::attestation`].

/// An accepted proof, attestable later by the environment that issued it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProofReceipt {
    /// Cache lookups so far, this one included (hits + misses); the
    /// environment's log of misses recovers both counts from it.
    pub(crate) seq: u64,
    /// Issuing environment (high 32 bits), record index (next 31 bits) and
    /// "cache hit" (low bit), in one word: the receipt is two whole words,
    /// held in registers on the hot path.
    pub(crate) tag: u64,
}

impl ProofReceipt {
    /// Whether the proof cache answered.
    pub fn cached(&self) -> bool {
        self.tag & 1 == 1
    }

    #[inline]
    pub(crate) fn new(seq: u64, env_id: u32, record: u32, cached: bool) -> Self {
        let tag = (u64::from(env_id) << 32) | (u64::from(record) << 1) | u64::from(cached);
        ProofReceipt { seq, tag }
    }

    pub(crate) fn env_id(&self) -> u32 {
        (self.tag >> 32) as u32
    }

    pub(crate) fn record(&self) -> u32 {
        ((self.tag & 0xffff_ffff) >> 1) as u32
    }
}

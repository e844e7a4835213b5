//! `Seal`: what the ledger commits to when it closes a stretch of history
//! (a compaction, an epoch, a scope).
//!
//! A seal is not an attestation: nothing was proved, the ledger states its
//! own root and head. Its 82 bytes:
//!
//! | offset | size | field                  |
//! |-------:|-----:|------------------------|
//! |      0 |   32 | `root`                 |
//! |     32 |   32 | `head`                 |
//! |     64 |    8 | `latest_timestamp_ns`  |
//! |     72 |    4 | `seal_version`         |
//! |     76 |    4 | `reduction_steps`      |
//! |     80 |    2 | `mean_cache_hit_rate`  |

use super::attestation::{AttestationError, BasisPoints};
use super::digest::Hash;

/// Size in bytes of an encoded [`Seal`].
pub const SEAL_SIZE: usize = 82;

/// `seal_version` of the seals this ledger writes: the rule that computes
/// them (root and head before the sealing entry, totals since the previous
/// seal).
pub const SEAL_VERSION: u32 = 1;

/// The ledger's commitment to everything before a sealing entry, with
/// totals of the attestations since the previous seal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Seal {
    /// Merkle root of every entry before the sealing entry.
    pub root: Hash,
    /// Chain head after the last entry before the sealing entry.
    pub head: Hash,
    /// Latest timestamp of the attestations since the previous seal (0 when
    /// there were none).
    pub latest_timestamp_ns: u64,
    /// Version of the sealing rule ([`SEAL_VERSION`]), not of a proof
    /// verifier.
    pub seal_version: u32,
    /// Saturating sum of the reduction steps of those attestations.
    pub reduction_steps: u32,
    /// Mean cache hit rate of those attestations, rounded down.
    pub mean_cache_hit_rate: BasisPoints,
}

impl Seal {
    /// Encodes the seal in its 82-byte little-endian layout.
    pub fn to_bytes(&self) -> [u8; SEAL_SIZE] {
        let mut out = [0u8; SEAL_SIZE];
        out[0..32].copy_from_slice(&self.root);
        out[32..64].copy_from_slice(&self.head);
        out[64..72].copy_from_slice(&self.latest_timestamp_ns.to_le_bytes());
        out[72..76].copy_from_slice(&self.seal_version.to_le_bytes());
        out[76..80].copy_from_slice(&self.reduction_steps.to_le_bytes());
        out[80..82].copy_from_slice(&self.mean_cache_hit_rate.get().to_le_bytes());
        out
    }

    /// Decodes 82 bytes; the hit rate must be at most 10,000 basis points.
    pub fn from_bytes(bytes: &[u8; SEAL_SIZE]) -> Result<Self, AttestationError> {
        let mut root = [0u8; 32];
        root.copy_from_slice(&bytes[0..32]);
        let mut head = [0u8; 32];
        head.copy_from_slice(&bytes[32..64]);
        let mut ts = [0u8; 8];
        ts.copy_from_slice(&bytes[64..72]);
        let word = |at: usize| {
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        Ok(Self {
            root,
            head,
            latest_timestamp_ns: u64::from_le_bytes(ts),
            seal_version: word(72),
            reduction_steps: word(76),
            mean_cache_hit_rate: BasisPoints::new(u16::from_le_bytes([bytes[80], bytes[81]]))?,
        })
    }
}

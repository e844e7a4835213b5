//! `ProofAttestation`: the 82-byte witness the gate issues for every proof it
//! accepts, and the unit the ledger records.
//!
//! Layout (little-endian, no padding, 82 bytes):
//!
//! | offset | size | field                       |
//! |-------:|-----:|-----------------------------|
//! |      0 |   32 | `proof_term_hash`           |
//! |     32 |   32 | `environment_hash`          |
//! |     64 |    8 | `verification_timestamp_ns` |
//! |     72 |    4 | `verifier_version`          |
//! |     76 |    4 | `reduction_steps`           |
//! |     80 |    2 | `cache_hit_rate_bps`        |

use thiserror::Error;

/// Size in bytes of an encoded [`ProofAttestation`].
pub const ATTESTATION_SIZE: usize = 82;

/// The largest valid cache hit rate, in basis points (100%).
pub const MAX_BASIS_POINTS: u16 = 10_000;

/// Why bytes or a field value do not form a valid attestation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AttestationError {
    /// The input was not exactly [`ATTESTATION_SIZE`] bytes long.
    #[error("an attestation is exactly {ATTESTATION_SIZE} bytes, got {found}")]
    WrongLength {
        /// Length of the rejected input.
        found: usize,
    },
    /// `cache_hit_rate_bps` exceeded 10,000 (100%).
    #[error("cache_hit_rate_bps {found} is above {MAX_BASIS_POINTS} (bytes 80..82)")]
    CacheHitRateOutOfRange {
        /// The rejected value.
        found: u16,
    },
}

/// A proportion in basis points, guaranteed to lie in `0..=10_000`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "u16", into = "u16")
)]
pub struct BasisPoints(u16);

impl BasisPoints {
    /// Zero percent.
    pub const ZERO: Self = Self(0);
    /// One hundred percent.
    pub const FULL: Self = Self(MAX_BASIS_POINTS);

    /// Validates `bps` (at most 10,000).
    pub const fn new(bps: u16) -> Result<Self, AttestationError> {
        if bps > MAX_BASIS_POINTS {
            Err(AttestationError::CacheHitRateOutOfRange { found: bps })
        } else {
            Ok(Self(bps))
        }
    }

    /// The ratio `hits / total` in basis points, rounded down; zero when
    /// `total` is zero. Saturates at 100% if `hits > total`.
    pub const fn from_ratio(hits: u64, total: u64) -> Self {
        if total == 0 {
            return Self::ZERO;
        }
        let hits = if hits > total { total } else { hits };
        // hits <= total, so the quotient is at most 10_000: the cast is exact.
        Self(((hits as u128 * MAX_BASIS_POINTS as u128) / total as u128) as u16)
    }

    /// The value in basis points.
    pub const fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for BasisPoints {
    type Error = AttestationError;
    fn try_from(bps: u16) -> Result<Self, Self::Error> {
        Self::new(bps)
    }
}

impl From<BasisPoints> for u16 {
    fn from(bps: BasisPoints) -> u16 {
        bps.0
    }
}

/// What the gate asserts after the kernel accepted a proof: which proof term,
/// in which environment, when, by which verifier, at what cost. `Debug`
/// prints the hashes in hex, as `ledger inspect` does.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ProofAttestation {
    /// blake3 of the canonical encoding of the checked proof term.
    pub proof_term_hash: [u8; 32],
    /// blake3 over the environment's declarations, in order.
    pub environment_hash: [u8; 32],
    /// When the proof was checked, nanoseconds since the Unix epoch.
    pub verification_timestamp_ns: u64,
    /// Version of the verifier that checked the proof.
    pub verifier_version: u32,
    /// The kernel's own count of reduction steps spent on the check.
    pub reduction_steps: u32,
    /// Share of obligations answered by the proof cache.
    pub cache_hit_rate_bps: BasisPoints,
}

impl std::fmt::Debug for ProofAttestation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProofAttestation")
            .field(
                "proof_term_hash",
                &super::digest::to_hex(&self.proof_term_hash),
            )
            .field(
                "environment_hash",
                &super::digest::to_hex(&self.environment_hash),
            )
            .field("verification_timestamp_ns", &self.verification_timestamp_ns)
            .field("verifier_version", &self.verifier_version)
            .field("reduction_steps", &self.reduction_steps)
            .field("cache_hit_rate_bps", &self.cache_hit_rate_bps)
            .finish()
    }
}

impl ProofAttestation {
    /// Encodes the attestation in its 82-byte little-endian layout, without
    /// allocating.
    pub fn to_bytes(&self) -> [u8; ATTESTATION_SIZE] {
        let mut out = [0u8; ATTESTATION_SIZE];
        self.write_to(&mut out);
        out
    }

    /// Writes the 82-byte encoding into `out` (for callers that lay many
    /// attestations out in one buffer).
    #[inline]
    pub fn write_to(&self, out: &mut [u8; ATTESTATION_SIZE]) {
        out[0..32].copy_from_slice(&self.proof_term_hash);
        out[32..64].copy_from_slice(&self.environment_hash);
        out[64..72].copy_from_slice(&self.verification_timestamp_ns.to_le_bytes());
        out[72..76].copy_from_slice(&self.verifier_version.to_le_bytes());
        out[76..80].copy_from_slice(&self.reduction_steps.to_le_bytes());
        out[80..82].copy_from_slice(&self.cache_hit_rate_bps.get().to_le_bytes());
    }

    /// Decodes exactly 82 bytes, validating every field.
    ///
    /// The hashes, timestamp, version and step count accept every bit
    /// pattern; `cache_hit_rate_bps` must be at most 10,000.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, AttestationError> {
        let bytes: &[u8; ATTESTATION_SIZE] = bytes
            .try_into()
            .map_err(|_| AttestationError::WrongLength { found: bytes.len() })?;
        let mut proof_term_hash = [0u8; 32];
        proof_term_hash.copy_from_slice(&bytes[0..32]);
        let mut environment_hash = [0u8; 32];
        environment_hash.copy_from_slice(&bytes[32..64]);
        Ok(Self {
            proof_term_hash,
            environment_hash,
            verification_timestamp_ns: u64::from_le_bytes(le(&bytes[64..72])),
            verifier_version: u32::from_le_bytes(le(&bytes[72..76])),
            reduction_steps: u32::from_le_bytes(le(&bytes[76..80])),
            cache_hit_rate_bps: BasisPoints::new(u16::from_le_bytes(le(&bytes[80..82])))?,
        })
    }
}

/// Copies a fixed-width little-endian field; the slice lengths above are
/// constants, so the conversion cannot fail.
fn le<const N: usize>(bytes: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(bytes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_rounds_down_and_saturates() {
        assert_eq!(BasisPoints::from_ratio(1, 3).get(), 3333);
        assert_eq!(BasisPoints::from_ratio(5, 3).get(), 10_000);
        assert_eq!(BasisPoints::from_ratio(0, 0).get(), 0);
    }

    #[test]
    fn debug_prints_hashes_in_hex() {
        let a = ProofAttestation {
            proof_term_hash: [0xab; 32],
            environment_hash: [0x01; 32],
            verification_timestamp_ns: 7,
            verifier_version: 1,
            reduction_steps: 2,
            cache_hit_rate_bps: BasisPoints::ZERO,
        };
        let s = format!("{a:?}");
        assert!(
            s.contains(&"ab".repeat(32)) && s.contains(&"01".repeat(32)),
            "{s}"
        );
        assert!(!s.contains("171,"), "decimal bytes: {s}");
    }
}

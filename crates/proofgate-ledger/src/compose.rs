//! `compose_chain`: many local attestations become one regional attestation.

use crate::record::attestation::{ATTESTATION_SIZE, BasisPoints, ProofAttestation};

/// Key of the regional proof hash (BLAKE3 keyed mode separates it from every
/// other hash of the ledger).
const REGION_KEY: &[u8; 32] = b"proofgate/ledger/regional-root/1";
/// Key of the environment hash of a region spanning several environments.
const MIXED_ENV_KEY: &[u8; 32] = b"proofgate/ledger/mixed-env/v1...";

/// Bytes per hasher update: sixteen BLAKE3 chunks.
const FLUSH: usize = 16 * 1024;

/// `verifier_version` of regional attestations when the region is empty.
const EMPTY_REGION_VERSION: u32 = 0;

/// One attestation standing for `count` constituents, in order.
///
/// * `proof_term_hash`: the BLAKE3 Merkle root (keyed, 1 KiB chunk leaves,
///   chunk/parent nodes domain-separated by BLAKE3's own flags) of the
///   constituents' 82-byte encodings concatenated in order. The encodings
///   have a fixed width, so the root commits to every constituent and its
///   position; changing, dropping, adding or reordering one changes it.
/// * `environment_hash`: the constituents' common environment hash, or, when
///   they differ, a keyed hash of the sequence of their environment hashes.
/// * `verification_timestamp_ns`: the latest constituent timestamp.
/// * `verifier_version`: the lowest constituent version (a region is only
///   as strong as its weakest verifier).
/// * `reduction_steps`: the saturating sum of constituent steps.
/// * `cache_hit_rate_bps`: the mean constituent hit rate, rounded down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionalAttestation {
    /// The composed attestation.
    pub attestation: ProofAttestation,
    /// How many constituents it covers.
    pub count: u64,
}

/// Composes `attestations` (in order) into a [`RegionalAttestation`].
///
/// An empty slice composes to the root of no bytes, zero steps, timestamp 0,
/// version 0 and a 0% hit rate, with `count` 0.
pub fn compose_chain(attestations: &[ProofAttestation]) -> RegionalAttestation {
    let mut root = blake3::Hasher::new_keyed(REGION_KEY);
    let mut steps: u32 = 0;
    let mut latest = 0u64;
    let mut version = u32::MAX;
    let mut bps_sum = 0u64;
    let first_env = attestations.first().map(|a| a.environment_hash);
    let mut same_env = true;
    // The hasher hashes chunks in parallel (SIMD, up to 16 at once) only for
    // updates that start on an aligned run of whole 1 KiB chunks, so feed it
    // exactly 16 KiB at a time and carry the remainder over.
    let mut buf = [0u8; FLUSH + ATTESTATION_SIZE];
    let mut fill = 0;
    for att in attestations {
        if let Ok(slot) =
            <&mut [u8; ATTESTATION_SIZE]>::try_from(&mut buf[fill..fill + ATTESTATION_SIZE])
        {
            att.write_to(slot);
        }
        fill += ATTESTATION_SIZE;
        if fill >= FLUSH {
            root.update(&buf[..FLUSH]);
            buf.copy_within(FLUSH..fill, 0);
            fill -= FLUSH;
        }
    }
    root.update(&buf[..fill]);
    for att in attestations {
        steps = steps.saturating_add(att.reduction_steps);
        latest = latest.max(att.verification_timestamp_ns);
        version = version.min(att.verifier_version);
        bps_sum += u64::from(att.cache_hit_rate_bps.get());
        same_env &= Some(att.environment_hash) == first_env;
    }
    let count = attestations.len() as u64;
    let environment_hash = match first_env {
        Some(env) if same_env => env,
        Some(_) => {
            let mut h = blake3::Hasher::new_keyed(MIXED_ENV_KEY);
            for att in attestations {
                h.update(&att.environment_hash);
            }
            *h.finalize().as_bytes()
        }
        None => [0u8; 32],
    };
    let mean = bps_sum.checked_div(count).unwrap_or(0);
    RegionalAttestation {
        attestation: ProofAttestation {
            proof_term_hash: *root.finalize().as_bytes(),
            environment_hash,
            verification_timestamp_ns: latest,
            verifier_version: if count == 0 {
                EMPTY_REGION_VERSION
            } else {
                version
            },
            reduction_steps: steps,
            cache_hit_rate_bps: BasisPoints::new(mean as u16).unwrap_or(BasisPoints::FULL),
        },
        count,
    }
}

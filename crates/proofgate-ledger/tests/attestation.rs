//! The 82-byte attestation: round trip, and every malformed input rejected.

mod common;

use proofgate_ledger::{ATTESTATION_SIZE, AttestationError, BasisPoints, ProofAttestation};
use proptest::prelude::*;

fn arb_attestation() -> impl Strategy<Value = ProofAttestation> {
    (
        any::<[u8; 32]>(),
        any::<[u8; 32]>(),
        any::<u64>(),
        any::<u32>(),
        any::<u32>(),
        0u16..=10_000,
    )
        .prop_map(|(p, e, t, v, s, b)| ProofAttestation {
            proof_term_hash: p,
            environment_hash: e,
            verification_timestamp_ns: t,
            verifier_version: v,
            reduction_steps: s,
            cache_hit_rate_bps: BasisPoints::new(b).unwrap(),
        })
}

proptest! {
    #[test]
    fn round_trip(att in arb_attestation()) {
        let bytes = att.to_bytes();
        prop_assert_eq!(bytes.len(), ATTESTATION_SIZE);
        prop_assert_eq!(ProofAttestation::from_bytes(&bytes), Ok(att));
    }

    #[test]
    fn any_valid_bytes_round_trip(mut bytes in any::<[u8; 32]>().prop_flat_map(|a| (Just(a), any::<[u8; 50]>())).prop_map(|(a, b)| {
        let mut out = [0u8; 82];
        out[..32].copy_from_slice(&a);
        out[32..].copy_from_slice(&b);
        out
    }), bps in 0u16..=10_000) {
        bytes[80..82].copy_from_slice(&bps.to_le_bytes());
        let att = ProofAttestation::from_bytes(&bytes).unwrap();
        prop_assert_eq!(att.to_bytes(), bytes);
    }
}

#[test]
fn layout_is_little_endian_at_fixed_offsets() {
    let att = ProofAttestation {
        proof_term_hash: [1; 32],
        environment_hash: [2; 32],
        verification_timestamp_ns: 0x0102_0304_0506_0708,
        verifier_version: 0x0a0b_0c0d,
        reduction_steps: 0x1122_3344,
        cache_hit_rate_bps: BasisPoints::new(10_000).unwrap(),
    };
    let b = att.to_bytes();
    assert_eq!(&b[0..32], &[1; 32]);
    assert_eq!(&b[32..64], &[2; 32]);
    assert_eq!(&b[64..72], &[8, 7, 6, 5, 4, 3, 2, 1]);
    assert_eq!(&b[72..76], &[0x0d, 0x0c, 0x0b, 0x0a]);
    assert_eq!(&b[76..80], &[0x44, 0x33, 0x22, 0x11]);
    assert_eq!(&b[80..82], &10_000u16.to_le_bytes());
}

#[test]
fn every_out_of_range_cache_hit_rate_is_rejected() {
    let mut bytes = common::att(7).to_bytes();
    for bps in 10_001..=u16::MAX {
        bytes[80..82].copy_from_slice(&bps.to_le_bytes());
        assert_eq!(
            ProofAttestation::from_bytes(&bytes),
            Err(AttestationError::CacheHitRateOutOfRange { found: bps })
        );
    }
    for bps in [0u16, 1, 9_999, 10_000] {
        bytes[80..82].copy_from_slice(&bps.to_le_bytes());
        assert!(ProofAttestation::from_bytes(&bytes).is_ok());
    }
}

#[test]
fn every_wrong_length_is_rejected() {
    let long = [0u8; 200];
    for len in (0..=200).filter(|&l| l != ATTESTATION_SIZE) {
        assert_eq!(
            ProofAttestation::from_bytes(&long[..len]),
            Err(AttestationError::WrongLength { found: len })
        );
    }
}

#[test]
fn basis_points_constructor_validates() {
    assert!(BasisPoints::new(10_001).is_err());
    assert_eq!(BasisPoints::try_from(10_000).map(u16::from), Ok(10_000));
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip_and_validation() {
    let att = common::att(3);
    let json = serde_json::to_string(&att).unwrap();
    let back: ProofAttestation = serde_json::from_str(&json).unwrap();
    assert_eq!(back, att);
    let bad = json.replace(
        &format!("\"cache_hit_rate_bps\":{}", att.cache_hit_rate_bps.get()),
        "\"cache_hit_rate_bps\":10001",
    );
    assert_ne!(bad, json);
    assert!(serde_json::from_str::<ProofAttestation>(&bad).is_err());
}

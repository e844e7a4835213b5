//! Differential tests of the gate.
//!
//! 1. Tier soundness: on random obligations, true and false, each tier run
//!    alone agrees with Deep whenever it decides, and the tiered verdict is
//!    Deep's; no tier accepts what Deep rejects.
//! 2. The barrier crate's native policy evaluation equals the kernel's
//!    evaluation of the same policy term.
//! 3. Gate-issued attestations round-trip through 82 bytes, and malformed
//!    inputs are rejected.

use proofgate_barrier::{Evidence, Policy};
use proofgate_core::{
    ATTESTATION_SIZE, Attempt, GateSubject, ProofAttestation, ProofEnvironment, ProofRequirement,
    ProofTier,
};
use proptest::prelude::*;
use std::cell::RefCell;

mod policies;
mod strategies;
use policies::PolicyEnv;
use strategies::{evidence, policy_near};

thread_local! {
    static ENV: RefCell<PolicyEnv> = RefCell::new(PolicyEnv::new(ProofEnvironment::new().unwrap()));
}

#[derive(Clone, Debug)]
struct Subject {
    dim: u64,
    schema: u64,
    ev: Evidence,
}

impl GateSubject for Subject {
    fn dimension(&self) -> Option<u64> {
        Some(self.dim)
    }
    fn schema_id(&self) -> Option<u64> {
        Some(self.schema)
    }
    fn invariant_arguments(&self, id: u32) -> Option<Vec<u64>> {
        self.ev.invariant_arguments(id)
    }
}

/// A requirement as generated, before its policies are registered.
#[derive(Clone, Debug)]
enum Req {
    Dim(u64),
    Schema(u64),
    Policy(Policy),
    All(Vec<Req>),
}

impl Req {
    fn build(&self, env: &mut PolicyEnv) -> ProofRequirement {
        match self {
            Req::Dim(expected) => ProofRequirement::DimensionMatch {
                expected: *expected,
            },
            Req::Schema(schema_id) => ProofRequirement::TypeMatch {
                schema_id: *schema_id,
            },
            Req::Policy(p) => env.policy(p),
            Req::All(rs) => ProofRequirement::Composite(rs.iter().map(|r| r.build(env)).collect()),
        }
    }
}

fn requirement(s: &Subject) -> BoxedStrategy<Req> {
    let (dim, schema, ev) = (s.dim, s.schema, s.ev);
    let leaf = prop_oneof![
        prop_oneof![Just(dim), 0u64..=4].prop_map(Req::Dim),
        prop_oneof![Just(schema), Just(schema ^ 1)].prop_map(Req::Schema),
        policy_near(ev).prop_map(Req::Policy),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(Req::All)
    })
    .boxed()
}

fn subject_and_requirement() -> impl Strategy<Value = (Subject, Req)> {
    (0u64..=4, 0u64..=1_000_000, evidence())
        .prop_map(|(dim, schema, ev)| Subject { dim, schema, ev })
        .prop_flat_map(|s| {
            let r = requirement(&s);
            (Just(s), r)
        })
}

/// What the requirement means, computed in Rust without the kernel.
fn truth(r: &Req, s: &Subject) -> bool {
    match r {
        Req::Dim(expected) => s.dim == *expected,
        Req::Schema(schema_id) => s.schema == *schema_id,
        Req::Policy(p) => p.holds(&s.ev),
        Req::All(rs) => rs.iter().all(|r| truth(r, s)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn tiers_agree_with_deep((s, generated) in subject_and_requirement()) {
        ENV.with(|env| {
            let env = &mut *env.borrow_mut();
            let req = generated.build(env);
            let env = &mut env.env;
            let ob = env.obligation(&req, &s).unwrap();
            let deep = env.attempt_tier(&ob, ProofTier::Deep);
            let deep_accepts = match &deep {
                Attempt::Accepted(_) => true,
                Attempt::Rejected(_) => false,
                Attempt::Undecided(..) | Attempt::KernelBug(_) => return Err(TestCaseError::fail(format!("Deep did not decide: {deep:?}"))),
            };
            prop_assert_eq!(deep_accepts, truth(&generated, &s), "Deep disagrees with the meaning of {}", req);
            for tier in [ProofTier::Reflex, ProofTier::Standard] {
                match env.attempt_tier(&ob, tier) {
                    Attempt::Accepted(_) => prop_assert!(deep_accepts, "{:?} accepted what Deep rejects: {}", tier, req),
                    Attempt::Rejected(_) => prop_assert!(!deep_accepts, "{:?} rejected what Deep accepts: {}", tier, req),
                    Attempt::Undecided(..) => {}
                    Attempt::KernelBug(e) => return Err(TestCaseError::fail(format!("{tier:?}: kernel bug {e}"))),
                }
            }
            let tiered = env.prove(&req, &s);
            prop_assert_eq!(tiered.is_ok(), deep_accepts, "tiered verdict differs from Deep for {}", req);
            Ok(())
        })?;
    }

    #[test]
    fn native_policy_evaluation_equals_the_kernels(ev in evidence(), seed in any::<u64>()) {
        let policies = [
            Policy::StrictAll,
            Policy::AtLeast(seed % (ev.hosts + 2)),
            Policy::Percent(seed % 101),
            Policy::MaxFailures(seed % (ev.hosts + 2)),
            Policy::both(Policy::Percent((seed >> 8) % 101), Policy::MaxFailures((seed >> 16) % (ev.hosts + 1))),
        ];
        ENV.with(|env| {
            let env = &mut *env.borrow_mut();
            for p in policies {
                let req = env.policy(&p);
                let kernel = env.env.prove(&req, &ev).is_ok();
                prop_assert_eq!(kernel, p.holds(&ev), "{:?} on {:?}", p, ev);
            }
            Ok(())
        })?;
    }

    #[test]
    fn issued_attestations_round_trip(ev in evidence(), t in 0u64..=1_000_000) {
        let att = ENV.with(|env| {
            let env = &mut *env.borrow_mut();
            let req = env.policy(&Policy::AtLeast(t));
            env.env.prove(&req, &ev).ok().map(|p| p.attestation)
        });
        if let Some(att) = att {
            let bytes = att.to_bytes();
            prop_assert_eq!(ProofAttestation::from_bytes(&bytes), Ok(att));
        }
    }

    #[test]
    fn malformed_attestations_are_rejected(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let r = ProofAttestation::from_bytes(&bytes);
        if bytes.len() != ATTESTATION_SIZE {
            prop_assert!(r.is_err());
        } else {
            let bps = u16::from_le_bytes([bytes[80], bytes[81]]);
            prop_assert_eq!(r.is_ok(), bps <= 10_000);
            if let Ok(a) = r {
                prop_assert_eq!(a.to_bytes().to_vec(), bytes);
            }
        }
    }
}

#[test]
fn every_out_of_range_hit_rate_is_rejected() {
    let mut bytes = [0u8; ATTESTATION_SIZE];
    for bps in 10_001..=u16::MAX {
        bytes[80..82].copy_from_slice(&bps.to_le_bytes());
        assert!(ProofAttestation::from_bytes(&bytes).is_err(), "{bps}");
    }
    for len in [0, 1, 81, 83, 164] {
        assert!(
            ProofAttestation::from_bytes(&vec![0u8; len]).is_err(),
            "{len}"
        );
    }
}

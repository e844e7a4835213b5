//! The barrier's policies on the compiled route (`environment/compiled.rs`):
//! built-in invariants and policies in both forms compile, an acceptance
//! issues the kernel route's receipt, and composites are conjunctions.
//! (Random predicates against the kernel: `gate_compiled.rs`.)

#[path = "policies/mod.rs"]
mod policies;

use policies::PolicyEnv;
use proofgate_barrier::{Evidence, Policy};
use proofgate_core::{
    ProofEnvironment, ProofRequirement, ProofTier, Route, TierConfig, route_proof,
};

/// An environment auditing every compiled acceptance.
fn environment() -> ProofEnvironment {
    let mut env = ProofEnvironment::new().expect("prelude");
    env.set_config(TierConfig {
        audit_every: 1,
        ..TierConfig::default()
    });
    env
}

#[test]
fn built_in_and_policy_invariants_compile_in_both_forms() {
    let mut pe = PolicyEnv::new(environment());
    for id in [
        proofgate_core::invariant::WITHIN_CAPACITY,
        proofgate_core::invariant::EDGE_BOUND,
    ] {
        assert_eq!(pe.env.compiled_route(id), Ok(()), "built-in invariant {id}");
    }
    for policy in [
        Policy::StrictAll,
        Policy::AtLeast(3),
        Policy::Percent(90),
        Policy::MaxFailures(2),
    ] {
        for req in [pe.policy(&policy), pe.decided(&policy)] {
            let ProofRequirement::InvariantPreserved { invariant_id } = req else {
                panic!("{policy:?} is one invariant");
            };
            assert_eq!(pe.env.compiled_route(invariant_id), Ok(()), "{policy:?}");
        }
    }
}

/// An acceptance by the compiled route issues what the kernel route would:
/// the proof hash of the obligation the kernel route builds, the same
/// environment hash, the tier it starts at, and a cache hit on a repeat.
#[test]
fn compiled_receipts_are_the_kernel_routes() {
    let mut pe = PolicyEnv::new(environment());
    let req = pe.policy(&Policy::Percent(90));
    let env = &mut pe.env;
    let ev = Evidence {
        hosts: 1_000,
        ready: 950,
        failed: 0,
        provisioning: 50,
    };
    let proved = env.prove(&req, &ev).expect("accepted");
    assert_eq!(proved.route, Route::Compiled);
    assert!(!proved.cached);
    let ob = env.obligation(&req, &ev).expect("obligation");
    assert_eq!(proved.attestation.proof_term_hash, env.proof_hash(&ob));
    assert_eq!(proved.attestation.environment_hash, env.environment_hash());
    assert_eq!(proved.tier, ProofTier::Standard);
    let again = env.prove(&req, &ev).expect("accepted again");
    assert!(again.cached);
    assert_eq!(
        again.attestation.proof_term_hash,
        proved.attestation.proof_term_hash
    );
    assert_eq!(env.tier_counts().compiled, 1);
    // A refusal is the kernel route's own error.
    let short = Evidence { ready: 10, ..ev };
    let err = env.prove(&req, &short).expect_err("refused");
    assert!(
        err.to_string().contains("Percent") || err.to_string().contains("90"),
        "{err}"
    );
}

/// A composite of compiled invariants is their conjunction: accepted by
/// the compiled route with the kernel route's proof hash and starting
/// tier, refused by the kernel.
#[test]
fn composites_of_compiled_invariants_are_their_conjunction() {
    let mut pe = PolicyEnv::new(environment());
    for k in [0u64, 1, 2, 7, 60] {
        let req =
            ProofRequirement::Composite((0..k).map(|t| pe.policy(&Policy::AtLeast(t))).collect());
        let env = &mut pe.env;
        let ev = Evidence::settled(100, 0);
        let proved = env.prove(&req, &ev).expect("accepted");
        let ob = env.obligation(&req, &ev).expect("obligation");
        env.verify_uncached(&ob).expect("the kernel accepts");
        assert_eq!(proved.route, Route::Compiled, "{k} parts");
        assert_eq!(
            proved.attestation.proof_term_hash,
            env.proof_hash(&ob),
            "{k} parts"
        );
        // The tier the kernel route starts at (it may escalate for fuel,
        // which the compiled route does not spend).
        assert_eq!(proved.tier, route_proof(&ob, env.config()), "{k} parts");
        if k >= 2 {
            // `AtLeast(k - 1)` fails.
            let short = Evidence { ready: k - 2, ..ev };
            assert!(env.prove(&req, &short).is_err(), "{k} parts at {short:?}");
        }
    }
}

/// The audit re-checks with the kernel's budgets: a kernel that cannot
/// decide within them (a Deep budget too small for a long composite) is no
/// disagreement, and the compiled acceptance stands.
#[test]
fn an_undecided_audit_is_not_a_disagreement() {
    let mut pe = PolicyEnv::new(environment());
    let req =
        ProofRequirement::Composite((0..100).map(|t| pe.policy(&Policy::AtLeast(t))).collect());
    let env = &mut pe.env;
    env.set_config(TierConfig {
        standard_fuel: 100,
        deep_fuel: 200,
        audit_every: 1,
        ..TierConfig::default()
    });
    let ev = Evidence::settled(100, 0);
    let ob = env.obligation(&req, &ev).expect("obligation");
    let undecided = env.verify_uncached(&ob).expect_err("too little fuel");
    assert!(!undecided.decided(), "{}", undecided.reason);
    let proved = env
        .prove(&req, &ev)
        .expect("accepted by the compiled route");
    assert_eq!(proved.route, Route::Compiled);
}

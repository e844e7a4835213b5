//! The gate checks the gate bench times (`benches/gate.rs`) and the
//! profiling example repeats (`examples/gate_profile.rs`), built in one
//! place so the profile is always of the checks the bench measures. The
//! policies reach the gate as the barrier's bridge registers them: one
//! invariant per policy leaf (`proofgate_barrier::proof_gate`).

use proofgate_barrier::proof_gate::{PolicyForm, PolicyInvariants};
use proofgate_barrier::{Evidence, Policy};
use proofgate_core::{Obligation, ProofEnvironment, ProofRequirement};

/// The evidence of the Standard policy check: 10,000 hosts, 9,000 ready.
pub fn policy_evidence() -> Evidence {
    Evidence {
        hosts: 10_000,
        ready: 9_000,
        failed: 100,
        provisioning: 900,
    }
}

/// `Percent(90)`, the Standard check's policy, as a requirement in `form`.
pub fn policy_requirement(
    env: &mut ProofEnvironment,
    policies: &mut PolicyInvariants,
    form: PolicyForm,
) -> ProofRequirement {
    policies
        .requirement(env, &Policy::Percent(90), form)
        .expect("registers")
}

/// The Standard check: `Percent(90)` on [`policy_evidence`], in `form`.
pub fn policy_obligation_as(
    env: &mut ProofEnvironment,
    policies: &mut PolicyInvariants,
    form: PolicyForm,
) -> Obligation {
    let req = policy_requirement(env, policies, form);
    env.obligation(&req, &policy_evidence()).expect("builds")
}

/// The Standard check in its `Bool` form.
pub fn policy_obligation(
    env: &mut ProofEnvironment,
    policies: &mut PolicyInvariants,
) -> Obligation {
    policy_obligation_as(env, policies, PolicyForm::Bool)
}

/// A composite of `k` distinct policy conjuncts over one evidence.
pub fn composite(
    env: &mut ProofEnvironment,
    policies: &mut PolicyInvariants,
    k: u64,
) -> ProofRequirement {
    ProofRequirement::Composite(
        (0..k)
            .map(|t| {
                policies
                    .requirement(env, &Policy::AtLeast(t), PolicyForm::Bool)
                    .expect("registers")
            })
            .collect(),
    )
}

/// The Deep check: the composite whose uncached check uses closest to
/// 10,000 steps (within the Deep budget), and its step count.
pub fn deep_obligation(
    env: &mut ProofEnvironment,
    policies: &mut PolicyInvariants,
) -> (Obligation, u64) {
    let (_, ob, steps) = deep_composite(env, policies);
    (ob, steps)
}

/// The Deep check's requirement, its obligation on [`deep_evidence`] and
/// its kernel step count.
pub fn deep_composite(
    env: &mut ProofEnvironment,
    policies: &mut PolicyInvariants,
) -> (ProofRequirement, Obligation, u64) {
    let ev = deep_evidence();
    let mut best = None;
    for k in (100..=1_000).step_by(5) {
        let req = composite(env, policies, k);
        let ob = env.obligation(&req, &ev).expect("builds");
        match env.verify_uncached(&ob) {
            Ok(v) if v.steps <= 10_000 => best = Some((req, ob, v.steps)),
            _ => break,
        }
    }
    best.expect("some composite fits the Deep budget")
}

/// The Deep check's evidence: every host ready.
pub fn deep_evidence() -> Evidence {
    Evidence::settled(1_000_000, 0)
}

/// Fresh evidence for the `n`-th mutation of a fresh-value bench: every
/// call a value no cache has seen, and every policy of the benches holds
/// (all hosts ready, none failed).
pub fn fresh_evidence(n: u64) -> Evidence {
    Evidence::settled(1_000_000 + n, 0)
}

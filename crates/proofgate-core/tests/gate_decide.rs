//! The `decide` form of the barrier policies (`DecidedPolicy`), checked by
//! the kernel through Lean's `Nat.decLe` / `Nat.decEq`, against the `Bool`
//! form (`Policy`) and the barrier crate's native evaluation.

use proofgate_barrier::{Evidence, Policy};
use proofgate_core::term::parse_term;
use proofgate_core::{Attempt, ProofEnvironment, ProofRequirement, ProofTier};
use proptest::prelude::*;
use std::cell::RefCell;

mod strategies;
use strategies::{evidence, policy_near};

thread_local! {
    static ENV: RefCell<ProofEnvironment> = RefCell::new(ProofEnvironment::new().unwrap());
}

fn evidence_and_policy() -> impl Strategy<Value = (Evidence, Policy)> {
    evidence().prop_flat_map(|ev| (Just(ev), policy_near(ev)))
}

fn ev(hosts: u64, ready: u64, failed: u64) -> Evidence {
    Evidence {
        hosts,
        ready,
        failed,
        provisioning: hosts - ready - failed,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The kernel's verdict on the `decide` form equals its verdict on the
    /// `Bool` form and the native Rust evaluation; Deep decides it, and the
    /// Standard tier never contradicts Deep.
    #[test]
    fn decide_form_equals_bool_form_and_native((ev, policy) in evidence_and_policy()) {
        ENV.with(|env| {
            let mut env = env.borrow_mut();
            let native = policy.holds(&ev);
            let decided = ProofRequirement::DecidedPolicy(policy.clone());
            let boolean = ProofRequirement::Policy(policy.clone());
            let ob = env.obligation(&decided, &ev).unwrap();
            let deep = match env.attempt_tier(&ob, ProofTier::Deep) {
                Attempt::Accepted(_) => true,
                Attempt::Rejected(_) => false,
                other => return Err(TestCaseError::fail(format!("Deep undecided: {other:?}"))),
            };
            prop_assert_eq!(deep, native, "Deep on {:?} for {:?}", policy, ev);
            match env.attempt_tier(&ob, ProofTier::Standard) {
                Attempt::Accepted(_) => prop_assert!(native),
                Attempt::Rejected(_) => prop_assert!(!native),
                Attempt::Undecided(..) => {}
                Attempt::KernelBug(e) => return Err(TestCaseError::fail(format!("kernel bug: {e}"))),
            }
            let via_decide = env.prove(&decided, &ev);
            let via_bool = env.prove(&boolean, &ev);
            prop_assert_eq!(via_decide.is_ok(), native, "{:?}", via_decide);
            prop_assert_eq!(via_bool.is_ok(), native, "{:?}", via_bool);
            Ok(())
        })?;
    }
}

/// The obligation is literally `decide (t ≤ ready) = true`, proved by
/// `Eq.refl true`, with Lean's own names.
#[test]
fn at_least_obligation_is_the_lean_decide_statement() {
    let mut env = ProofEnvironment::new().unwrap();
    let ob = env
        .obligation(
            &ProofRequirement::DecidedPolicy(Policy::AtLeast(7)),
            &ev(10, 9, 0),
        )
        .unwrap();
    let prop = parse_term(
        env.store_mut(),
        &[],
        "Eq.{1} Bool (Decidable.decide (LE.le.{0} Nat instLENat 7 9) (Nat.decLe 7 9)) Bool.true",
    )
    .unwrap();
    let proof = parse_term(env.store_mut(), &[], "Eq.refl.{1} Bool Bool.true").unwrap();
    assert_eq!(ob.prop(), prop);
    assert_eq!(ob.proof(), proof);
    let max_failures = env
        .obligation(
            &ProofRequirement::DecidedPolicy(Policy::MaxFailures(2)),
            &ev(10, 7, 3),
        )
        .unwrap();
    let prop = parse_term(
        env.store_mut(),
        &[],
        "Eq.{1} Bool (Decidable.decide (LE.le.{0} Nat instLENat 3 2) (Nat.decLe 3 2)) Bool.true",
    )
    .unwrap();
    assert_eq!(max_failures.prop(), prop);
}

/// Boundary cases of every policy, both verdicts, in both forms; a false
/// `decide` obligation is a definite rejection (never an escalation past
/// Standard for lack of fuel).
#[test]
fn boundaries_agree_in_both_forms() {
    let mut env = ProofEnvironment::new().unwrap();
    let e = ev(1_000_000, 999_999, 1);
    for (policy, holds) in [
        (Policy::AtLeast(999_999), true),
        (Policy::AtLeast(1_000_000), false),
        (Policy::MaxFailures(1), true),
        (Policy::MaxFailures(0), false),
        (Policy::Percent(99), true),
        (Policy::Percent(100), false),
        (Policy::StrictAll, false),
        (
            Policy::both(Policy::AtLeast(0), Policy::MaxFailures(5)),
            true,
        ),
    ] {
        assert_eq!(policy.holds(&e), holds, "{policy:?}");
        let d = env.prove(&ProofRequirement::DecidedPolicy(policy.clone()), &e);
        let b = env.prove(&ProofRequirement::Policy(policy.clone()), &e);
        assert_eq!(d.is_ok(), holds, "decide form of {policy:?}: {d:?}");
        assert_eq!(b.is_ok(), holds, "Bool form of {policy:?}: {b:?}");
        if let Ok(p) = d {
            assert_eq!(p.tier, ProofTier::Standard, "{policy:?}");
        }
    }
    let all = ev(5, 5, 0);
    assert!(
        env.prove(&ProofRequirement::DecidedPolicy(Policy::StrictAll), &all)
            .is_ok()
    );
}

/// Why `Policy` keeps the `Bool` form: the kernel needs fewer steps for it
/// than for the `decide` form of the same policy (the latter unfolds
/// `Nat.decLe`, `dite`, `instDecidableEqBool` and `Decidable.decide` around
/// the same `Nat.ble`). Step counts are deterministic, not timings.
#[test]
fn bool_form_needs_fewer_kernel_steps() {
    let mut env = ProofEnvironment::new().unwrap();
    let e = ev(10_000, 9_000, 100);
    for policy in [
        Policy::AtLeast(8_000),
        Policy::MaxFailures(100),
        Policy::Percent(90),
    ] {
        let d = env
            .obligation(&ProofRequirement::DecidedPolicy(policy.clone()), &e)
            .unwrap();
        let b = env
            .obligation(&ProofRequirement::Policy(policy.clone()), &e)
            .unwrap();
        let d = env.verify_uncached(&d).unwrap().steps;
        let b = env.verify_uncached(&b).unwrap().steps;
        eprintln!("{policy:?}: Bool form {b} steps, decide form {d}");
        assert!(b < d, "{policy:?}: Bool form {b} steps, decide form {d}");
    }
}

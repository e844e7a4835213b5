//! The `decide` form of the barrier policies (the barrier bridge's
//! `PolicyForm::Decide` invariants), checked by the kernel through Lean's
//! `Nat.decLe` / `Nat.decEq`, against the `Bool` form and the barrier
//! crate's native evaluation.

use proofgate_barrier::{Evidence, Policy};
use proofgate_core::term::parse_term;
use proofgate_core::{Attempt, ProofEnvironment, ProofRequirement, ProofTier};
use proptest::prelude::*;
use std::cell::RefCell;

mod policies;
mod strategies;
use policies::PolicyEnv;
use strategies::{evidence, policy_near};

thread_local! {
    static ENV: RefCell<PolicyEnv> = RefCell::new(PolicyEnv::new(ProofEnvironment::new().unwrap()));
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
            let pe = &mut *env.borrow_mut();
            let native = policy.holds(&ev);
            let decided = pe.decided(&policy);
            let boolean = pe.policy(&policy);
            let env = &mut pe.env;
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

/// The `decide` invariant of `AtLeast(7)` is literally
/// `fun hosts ready failed => decide (7 ≤ ready)` with Lean's own names
/// (`LE.le`, `instLENat`, `Nat.decLe`), and its obligation applies it to the
/// evidence and compares with `true`, proved by `Eq.refl true`.
#[test]
fn at_least_invariant_is_the_lean_decide_statement() {
    let mut pe = PolicyEnv::new(ProofEnvironment::new().unwrap());
    let req = pe.decided(&Policy::AtLeast(7));
    let ProofRequirement::InvariantPreserved { invariant_id } = req else {
        panic!("a leaf is one invariant: {req:?}")
    };
    let env = &mut pe.env;
    let name = env
        .kernel()
        .store()
        .names
        .find_dotted("Proofgate.Barrier.policy0");
    let value = match name
        .and_then(|n| env.kernel().env().get(n))
        .map(|c| c.kind.clone())
    {
        Some(proofgate_kernel::ConstantKind::Definition { value, .. }) => value,
        other => panic!("not a definition: {other:?}"),
    };
    let want = parse_term(
        env.store_mut(),
        &[],
        "fun (hosts : Nat) (ready : Nat) (failed : Nat) => Decidable.decide (LE.le.{0} Nat instLENat 7 ready) (Nat.decLe 7 ready)",
    )
    .unwrap();
    assert_eq!(value, want);
    let ob = env.obligation(&req, &ev(10, 9, 0)).unwrap();
    let prop = parse_term(
        env.store_mut(),
        &[],
        "Eq.{1} Bool (Proofgate.Barrier.policy0 10 9 0) Bool.true",
    )
    .unwrap();
    let proof = parse_term(env.store_mut(), &[], "Eq.refl.{1} Bool Bool.true").unwrap();
    assert_eq!((ob.prop(), ob.proof()), (prop, proof));
    assert_eq!(
        invariant_id,
        proofgate_barrier::proof_gate::FIRST_POLICY_INVARIANT
    );
}

/// Boundary cases of every policy, both verdicts, in both forms; a false
/// `decide` obligation is a definite rejection (never an escalation past
/// Standard for lack of fuel).
#[test]
fn boundaries_agree_in_both_forms() {
    let mut pe = PolicyEnv::new(ProofEnvironment::new().unwrap());
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
        let (d, b) = (pe.decided(&policy), pe.policy(&policy));
        let (d, b) = (pe.env.prove(&d, &e), pe.env.prove(&b, &e));
        assert_eq!(d.is_ok(), holds, "decide form of {policy:?}: {d:?}");
        assert_eq!(b.is_ok(), holds, "Bool form of {policy:?}: {b:?}");
        if let Ok(p) = d {
            assert_eq!(p.tier, ProofTier::Standard, "{policy:?}");
        }
    }
    let all = ev(5, 5, 0);
    let strict = pe.decided(&Policy::StrictAll);
    assert!(pe.env.prove(&strict, &all).is_ok());
}

/// Why `Policy` keeps the `Bool` form: the kernel needs fewer steps for it
/// than for the `decide` form of the same policy (the latter unfolds
/// `Nat.decLe`, `dite`, `instDecidableEqBool` and `Decidable.decide` around
/// the same `Nat.ble`). Step counts are deterministic, not timings.
#[test]
fn bool_form_needs_fewer_kernel_steps() {
    let mut pe = PolicyEnv::new(ProofEnvironment::new().unwrap());
    let e = ev(10_000, 9_000, 100);
    for policy in [
        Policy::AtLeast(8_000),
        Policy::MaxFailures(100),
        Policy::Percent(90),
    ] {
        let (d, b) = (pe.decided(&policy), pe.policy(&policy));
        let env = &mut pe.env;
        let d = env.obligation(&d, &e).unwrap();
        let b = env.obligation(&b, &e).unwrap();
        let d = env.verify_uncached(&d).unwrap().steps;
        let b = env.verify_uncached(&b).unwrap().steps;
        eprintln!("{policy:?}: Bool form {b} steps, decide form {d}");
        assert!(b < d, "{policy:?}: Bool form {b} steps, decide form {d}");
    }
}

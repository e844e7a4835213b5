//! The gate end to end: each requirement kind, true and false, the tiers
//! that decide them, the cache, and the attestation fields.

mod policies;

use policies::PolicyEnv;
use proofgate_barrier::{Evidence, Policy};
use proofgate_core::invariant::{EDGE_BOUND, WITHIN_CAPACITY};
use proofgate_core::{
    GateError, GateSubject, ProofAttestation, ProofEnvironment, ProofGate, ProofRequirement,
    ProofTier, TierConfig, VERIFIER_VERSION,
};

#[derive(Clone, Debug, Default)]
struct Node {
    dim: u64,
    schema: u64,
    coherence: f64,
    len: u64,
    cap: u64,
    nodes: u64,
    edges: u64,
}

impl GateSubject for Node {
    fn dimension(&self) -> Option<u64> {
        Some(self.dim)
    }
    fn schema_id(&self) -> Option<u64> {
        Some(self.schema)
    }
    fn coherence(&self) -> Option<f64> {
        Some(self.coherence)
    }
    fn invariant_arguments(&self, id: u32) -> Option<Vec<u64>> {
        match id {
            WITHIN_CAPACITY => Some(vec![self.len, self.cap]),
            EDGE_BOUND => Some(vec![self.nodes, self.edges]),
            _ => None,
        }
    }
}

fn env() -> ProofEnvironment {
    ProofEnvironment::new().expect("the built-in prelude checks")
}

fn rejected(
    r: Result<proofgate_core::Proved, GateError>,
) -> Box<proofgate_core::ProofGateRejected> {
    match r {
        Err(GateError::Rejected(r)) => r,
        other => panic!("expected a rejection, got {other:?}"),
    }
}

#[test]
fn dimension_match_is_reflex_and_mismatch_is_a_standard_rejection() {
    let mut env = env();
    let node = Node {
        dim: 3,
        ..Node::default()
    };
    let ok = env
        .prove(&ProofRequirement::DimensionMatch { expected: 3 }, &node)
        .unwrap();
    assert_eq!(ok.tier, ProofTier::Reflex);
    assert_eq!(ok.attestation.reduction_steps, 0);
    let again = env
        .prove(&ProofRequirement::DimensionMatch { expected: 3 }, &node)
        .unwrap();
    assert!(again.cached && again.tier == ProofTier::Reflex, "{again:?}");
    assert_eq!(
        again.attestation.proof_term_hash,
        ok.attestation.proof_term_hash
    );
    assert_eq!(again.attestation.cache_hit_rate_bps.get(), 5_000);
    // TypeMatch states the same literal equality: same obligation, cached.
    let node7 = Node {
        dim: 3,
        schema: 3,
        ..Node::default()
    };
    let same = env
        .prove(&ProofRequirement::TypeMatch { schema_id: 3 }, &node7)
        .unwrap();
    assert!(same.cached);
    let r = rejected(env.prove(&ProofRequirement::DimensionMatch { expected: 4 }, &node));
    assert_eq!(
        r.tier,
        ProofTier::Standard,
        "a Reflex miss escalates once, then is final"
    );
    assert!(r.requirement.contains("DimensionMatch(4)"), "{r}");
    assert_eq!(r.rule(), "type.query", "{r}");
    assert!(r.decided(), "{r}");
    // Refusals are counted beside acceptances (and, not cached, each time).
    let _ = env.prove(&ProofRequirement::DimensionMatch { expected: 4 }, &node);
    let counts = env.tier_counts();
    assert_eq!(
        (
            counts.reflex,
            counts.cached,
            counts.rejected,
            counts.undecided
        ),
        (1, 2, 2, 0),
        "{counts:?}"
    );
}

#[test]
fn policies_are_evaluated_by_the_kernel() {
    let mut pe = PolicyEnv::new(env());
    let ev = Evidence {
        hosts: 10,
        ready: 7,
        failed: 2,
        provisioning: 1,
    };
    let cases = [
        (Policy::AtLeast(7), true),
        (Policy::AtLeast(8), false),
        (Policy::Percent(70), true),
        (Policy::Percent(71), false),
        (Policy::MaxFailures(2), true),
        (Policy::MaxFailures(1), false),
        (Policy::StrictAll, false),
        (
            Policy::both(Policy::AtLeast(5), Policy::MaxFailures(3)),
            true,
        ),
        (
            Policy::both(Policy::AtLeast(5), Policy::MaxFailures(0)),
            false,
        ),
    ];
    for (policy, holds) in cases {
        let req = pe.policy(&policy);
        let r = pe.env.prove(&req, &ev);
        assert_eq!(r.is_ok(), holds, "{policy:?}: {r:?}");
        if let Ok(p) = r {
            assert_eq!(p.tier, ProofTier::Standard);
            assert!(
                p.attestation.reduction_steps > 0,
                "the kernel did real work"
            );
        }
    }
    let all = Evidence {
        hosts: 4,
        ready: 4,
        failed: 0,
        provisioning: 0,
    };
    let strict = pe.policy(&Policy::StrictAll);
    assert!(pe.env.prove(&strict, &all).is_ok());
    // A refusal names the policy in words, from the barrier's description.
    let percent = pe.policy(&Policy::Percent(71));
    let r = rejected(pe.env.prove(&percent, &ev));
    assert_eq!(
        r.explanation.as_deref(),
        Some(
            "at least 71% of the hosts ready (hosts, ready, failed) does not hold of arguments [10, 7, 2]"
        )
    );
}

#[test]
fn coherence_is_compared_exactly() {
    let mut env = env();
    let cases = [
        (0.5, 0.5, true),
        (0.5, 0.5000000000000001, false),
        (0.30000000000000004, 0.3, true),
        (0.1 + 0.2, 0.3, true),
        (-0.25, -0.5, true),
        (-0.5, -0.25, false),
        (-0.0, 0.0, true),
        (0.0, -0.0, true),
        (-1e-300, 0.0, false),
        (1e-300, -1e300, true),
        (5e-324, 0.0, true),
        (f64::MAX, f64::MAX, true),
    ];
    for (c, min, holds) in cases {
        assert_eq!(c >= min, holds, "test table: {c} >= {min}");
        let node = Node {
            coherence: c,
            ..Node::default()
        };
        let r = env.prove(
            &ProofRequirement::CoherenceBound { min_coherence: min },
            &node,
        );
        assert_eq!(r.is_ok(), holds, "{c} >= {min}: {r:?}");
    }
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let node = Node {
            coherence: bad,
            ..Node::default()
        };
        let r = env.prove(
            &ProofRequirement::CoherenceBound { min_coherence: 0.0 },
            &node,
        );
        assert!(matches!(r, Err(GateError::InvalidEvidence { .. })), "{r:?}");
        let node = Node {
            coherence: 0.5,
            ..Node::default()
        };
        let r = env.prove(
            &ProofRequirement::CoherenceBound { min_coherence: bad },
            &node,
        );
        assert!(matches!(r, Err(GateError::InvalidEvidence { .. })), "{r:?}");
    }
}

#[test]
fn invariants_and_composites() {
    let mut env = env();
    let node = Node {
        dim: 8,
        schema: 42,
        coherence: 0.9,
        len: 3,
        cap: 4,
        nodes: 10,
        edges: 50,
    };
    let inv = |id| ProofRequirement::InvariantPreserved { invariant_id: id };
    assert!(env.prove(&inv(WITHIN_CAPACITY), &node).is_ok());
    assert!(env.prove(&inv(EDGE_BOUND), &node).is_ok());
    let dense = Node {
        edges: 51,
        ..node.clone()
    };
    rejected(env.prove(&inv(EDGE_BOUND), &dense));
    let over = Node {
        len: 5,
        ..node.clone()
    };
    rejected(env.prove(&inv(WITHIN_CAPACITY), &over));
    assert!(matches!(
        env.prove(&inv(99), &node),
        Err(GateError::UnknownInvariant(99))
    ));
    let all = ProofRequirement::Composite(vec![
        ProofRequirement::DimensionMatch { expected: 8 },
        ProofRequirement::TypeMatch { schema_id: 42 },
        ProofRequirement::CoherenceBound {
            min_coherence: 0.75,
        },
        inv(WITHIN_CAPACITY),
    ]);
    assert!(env.prove(&all, &node).is_ok());
    let wrong_schema = Node {
        schema: 41,
        ..node.clone()
    };
    rejected(env.prove(&all, &wrong_schema));
    assert!(
        env.prove(&ProofRequirement::Composite(vec![]), &node)
            .is_ok()
    );
}

/// A composite of many policy conjuncts: Standard runs out of fuel, Deep
/// finishes it; with a smaller Deep budget nobody decides and the gate says
/// so. The kernel route's tiers, so the compiled route is off (it would
/// answer without fuel: `gate_compiled.rs`).
#[test]
fn the_deep_tier_takes_what_standard_cannot_finish() {
    let mut pe = PolicyEnv::new(env());
    pe.env.set_config(TierConfig {
        compiled_route: false,
        ..TierConfig::default()
    });
    let req =
        ProofRequirement::Composite((0..100).map(|t| pe.policy(&Policy::AtLeast(t))).collect());
    let env = &mut pe.env;
    let ev = Evidence {
        hosts: 100,
        ready: 100,
        failed: 0,
        provisioning: 0,
    };
    let p = env.prove(&req, &ev).unwrap();
    assert_eq!(p.tier, ProofTier::Deep, "{p:?}");
    assert!(u64::from(p.attestation.reduction_steps) > env.config().standard_fuel);
    env.set_config(TierConfig {
        deep_fuel: 1_200,
        compiled_route: false,
        ..TierConfig::default()
    });
    // Other evidence, so the cache cannot answer.
    let ev2 = Evidence {
        hosts: 200,
        ready: 150,
        failed: 0,
        provisioning: 50,
    };
    let r = rejected(env.prove(&req, &ev2));
    assert_eq!(r.tier, ProofTier::Deep);
    assert_eq!(r.rule(), "limit.fuel", "{r}");
    assert!(!r.decided(), "{r}");
    assert_eq!(r.steps, Some(1_200));
    // A definite rejection in a long composite is final at the first tier.
    let req = ProofRequirement::Composite(
        (0..60)
            .map(|t| pe.policy(&Policy::AtLeast(t + 1)))
            .collect(),
    );
    let env = &mut pe.env;
    let ev = Evidence { ready: 0, ..ev };
    let r = rejected(env.prove(&req, &ev));
    assert_eq!(r.tier, ProofTier::Standard, "{r}");
    assert!(r.decided(), "{r}");
}

#[test]
fn the_cache_answers_repeats_and_feeds_the_hit_rate() {
    let mut pe = PolicyEnv::new(env());
    let ev = Evidence {
        hosts: 100,
        ready: 60,
        failed: 0,
        provisioning: 40,
    };
    let req = pe.policy(&Policy::Percent(50));
    let env = &mut pe.env;
    let first = env.prove(&req, &ev).unwrap();
    assert!(!first.cached);
    assert_eq!(first.attestation.cache_hit_rate_bps.get(), 0);
    let second = env.prove(&req, &ev).unwrap();
    assert!(second.cached);
    assert_eq!(second.attestation.cache_hit_rate_bps.get(), 5_000);
    assert_eq!(
        second.attestation.proof_term_hash,
        first.attestation.proof_term_hash
    );
    assert_eq!(
        second.attestation.reduction_steps,
        first.attestation.reduction_steps
    );
    assert_eq!((env.cache().hits(), env.cache().misses()), (1, 1));
    assert_eq!(second.attestation.verifier_version, VERIFIER_VERSION);
    let other = env
        .prove(
            &req,
            &Evidence {
                ready: 61,
                provisioning: 39,
                ..ev
            },
        )
        .unwrap();
    assert_ne!(
        other.attestation.proof_term_hash,
        first.attestation.proof_term_hash
    );
}

#[test]
fn missing_facts_are_typed_errors() {
    let mut env = env();
    let ev = Evidence {
        hosts: 1,
        ready: 1,
        failed: 0,
        provisioning: 0,
    };
    let r = env.prove(&ProofRequirement::DimensionMatch { expected: 1 }, &ev);
    assert!(
        matches!(
            r,
            Err(GateError::MissingEvidence {
                fact: "dimension",
                ..
            })
        ),
        "{r:?}"
    );
}

#[test]
fn the_gate_opens_only_with_a_proof_and_mutates_only_with_one() {
    let mut env = env();
    let mut gate = ProofGate::new(
        Node {
            dim: 2,
            ..Node::default()
        },
        ProofRequirement::DimensionMatch { expected: 2 },
    );
    assert!(!gate.is_satisfied());
    assert_eq!(gate.unlock(&mut env).unwrap().dim, 2);
    assert!(gate.is_satisfied());
    let refused = gate.mutate(&mut env, |n| Node {
        dim: 3,
        ..n.clone()
    });
    assert!(refused.is_err());
    assert_eq!(
        gate.unlock(&mut env).unwrap().dim,
        2,
        "a refused mutation changes nothing"
    );
    let receipt = gate
        .mutate(&mut env, |n| Node {
            coherence: 1.0,
            ..n.clone()
        })
        .unwrap();
    let att = env.attestation(&receipt).unwrap();
    assert_eq!(gate.attestation(&env).unwrap(), Some(att));
    assert_eq!(att.to_bytes().len(), 82);
    assert_eq!(
        ProofAttestation::from_bytes(&att.to_bytes()).unwrap(),
        att,
        "a lazily built attestation is a valid one"
    );
    let (value, _) = gate.into_inner(&mut env).unwrap();
    assert_eq!(value.coherence, 1.0);
    let locked = ProofGate::new(
        Node {
            dim: 5,
            ..Node::default()
        },
        ProofRequirement::DimensionMatch { expected: 2 },
    );
    assert!(locked.unlock(&mut env).is_err());
    assert!(!locked.is_satisfied());
    assert!(locked.into_inner(&mut env).is_err());
}

#[test]
fn the_environment_hash_is_stable_and_tracks_declarations() {
    let mut a = env();
    let mut b = env();
    assert_eq!(a.environment_hash(), b.environment_hash());
    let before = a.environment_hash();
    a.declare(&proofgate_core::term::SourceDecl::Def {
        level_params: vec![],
        name: "Extra.two".into(),
        ty: "Nat".into(),
        value: "2".into(),
        hints: proofgate_core::term::Hints::Regular(1),
    })
    .unwrap();
    assert_ne!(a.environment_hash(), before);
    // A wrong declaration is a kernel rejection, not a silent addition.
    let bad = a.declare(&proofgate_core::term::SourceDecl::Def {
        level_params: vec![],
        name: "Extra.bad".into(),
        ty: "Bool".into(),
        value: "2".into(),
        hints: proofgate_core::term::Hints::Regular(1),
    });
    assert!(matches!(bad, Err(GateError::Declaration { .. })), "{bad:?}");
}

/// Routing reads the obligation's real shape: a literal equality is Reflex,
/// a short policy Standard, a deeply nested proposition goes straight to Deep.
#[test]
fn routing_follows_the_shape() {
    use proofgate_core::route_proof;
    let mut pe = PolicyEnv::new(env());
    let nested = (0..30).fold(Policy::AtLeast(1), |acc, t| {
        Policy::both(Policy::AtLeast(t % 10), acc)
    });
    let (strict, nested) = (pe.policy(&Policy::StrictAll), pe.policy(&nested));
    let env = &mut pe.env;
    let cfg = *env.config();
    let ev = Evidence {
        hosts: 10,
        ready: 10,
        failed: 0,
        provisioning: 0,
    };
    let node = Node {
        dim: 7,
        ..Node::default()
    };
    let reflex = env
        .obligation(&ProofRequirement::DimensionMatch { expected: 7 }, &node)
        .unwrap();
    assert_eq!(route_proof(&reflex, &cfg), ProofTier::Reflex);
    let unequal = env
        .obligation(&ProofRequirement::DimensionMatch { expected: 8 }, &node)
        .unwrap();
    assert_eq!(route_proof(&unequal, &cfg), ProofTier::Standard);
    let policy = env.obligation(&strict, &ev).unwrap();
    assert_eq!(route_proof(&policy, &cfg), ProofTier::Standard);
    let deep = env.obligation(&nested, &ev).unwrap();
    assert!(deep.prop_depth() > cfg.deep_depth);
    assert_eq!(route_proof(&deep, &cfg), ProofTier::Deep);
    let p = env.prove(&nested, &ev).unwrap();
    assert_eq!(p.tier, ProofTier::Deep);
    // A hand-built reflexive-looking obligation that is not a Nat literal
    // equality is not Reflex: the kernel must look at it.
    let st = env.store_mut();
    let nat = st.names.dotted("Nat");
    let bool_ = st.names.dotted("Bool");
    let bool_true = st.names.dotted("Bool.true");
    let eq = st.names.dotted("Eq");
    let refl = st.names.dotted("Eq.refl");
    let one = st.levels.succ(proofgate_kernel::LevelId::ZERO);
    let (nat_c, t) = (st.cnst(nat, &[]), st.cnst(bool_true, &[]));
    let _ = st.cnst(bool_, &[]);
    let (eq_c, refl_c) = (st.cnst(eq, &[one]), st.cnst(refl, &[one]));
    // `@Eq Nat true true` by `@Eq.refl Nat true`: ill-typed, same ids.
    let prop = st.apps(eq_c, &[nat_c, t, t]);
    let proof = st.apps(refl_c, &[nat_c, t]);
    let forged = env.obligation_from_terms(prop, proof);
    assert!(!forged.is_reflexive());
    assert!(
        env.verify_uncached(&forged).is_err(),
        "the kernel rejects the ill-typed proof"
    );
}

/// A user's own invariant: declared through the kernel, registered with its
/// arity, and evaluated by the kernel on the arguments the value supplies.
#[test]
fn user_invariants_are_declared_checked_and_registered() {
    use proofgate_core::term::{Hints, SourceDecl};
    struct Pair(u64, u64);
    impl GateSubject for Pair {
        fn invariant_arguments(&self, _: u32) -> Option<Vec<u64>> {
            Some(vec![self.0, self.1])
        }
    }
    let mut env = env();
    let def = |name: &str, ty: &str, value: &str| SourceDecl::Def {
        level_params: vec![],
        name: name.into(),
        ty: ty.into(),
        value: value.into(),
        hints: Hints::Regular(2),
    };
    env.declare(&def(
        "Test.sumIsTen",
        "Nat -> Nat -> Bool",
        "fun (a : Nat) (b : Nat) => Nat.beq (Nat.add a b) 10",
    ))
    .unwrap();
    env.register_invariant(7, "Test.sumIsTen", 2).unwrap();
    let req = ProofRequirement::InvariantPreserved { invariant_id: 7 };
    assert!(env.prove(&req, &Pair(3, 7)).is_ok());
    rejected(env.prove(&req, &Pair(3, 8)));
    assert!(matches!(
        env.register_invariant(7, "Test.sumIsTen", 2),
        Err(GateError::DuplicateInvariant(7))
    ));
    assert!(matches!(
        env.register_invariant(8, "Test.sumIsTen", 3),
        Err(GateError::InvariantType { .. })
    ));
    assert!(matches!(
        env.register_invariant(9, "Test.missing", 1),
        Err(GateError::MissingConstant(_))
    ));
    env.declare(&def("Test.notBool", "Nat -> Nat", "fun (a : Nat) => a"))
        .unwrap();
    assert!(matches!(
        env.register_invariant(10, "Test.notBool", 1),
        Err(GateError::InvariantType { .. })
    ));
    struct One;
    impl GateSubject for One {
        fn invariant_arguments(&self, _: u32) -> Option<Vec<u64>> {
            Some(vec![1])
        }
    }
    assert!(matches!(
        env.prove(&req, &One),
        Err(GateError::InvariantArity {
            id: 7,
            expected: 2,
            got: 1
        })
    ));
}

/// `Nat.decEq` is in the prelude and the kernel evaluates it: `Nat.decEq 2 2`
/// reduces to `isTrue` (the proofs inside agree by proof irrelevance) and
/// `Nat.decEq 2 3` does not.
#[test]
fn nat_dec_eq_evaluates_in_the_kernel() {
    use proofgate_core::term::parse_term;
    let mut env = env();
    let mut ob = |a: u64, b: u64| {
        let src_prop = format!(
            "Eq.{{1}} (Decidable (Eq.{{1}} Nat {a} {b})) (Nat.decEq {a} {b}) (Decidable.isTrue (Eq.{{1}} Nat {a} {b}) (Eq.refl.{{1}} Nat {a}))"
        );
        let src_proof =
            format!("Eq.refl.{{1}} (Decidable (Eq.{{1}} Nat {a} {b})) (Nat.decEq {a} {b})");
        let prop = parse_term(env.store_mut(), &[], &src_prop).unwrap();
        let proof = parse_term(env.store_mut(), &[], &src_proof).unwrap();
        let o = env.obligation_from_terms(prop, proof);
        env.verify_uncached(&o)
    };
    let yes = ob(2, 2).expect("decEq 2 2 is isTrue");
    assert!(yes.steps > 0);
    assert!(
        ob(2, 3).is_err(),
        "Eq.refl 2 : 2 = 3 does not typecheck either way"
    );
}

/// A receipt's attestation, built later, says what an eager attestation
/// would have said when the proof was accepted (hit rate of that moment),
/// and only the issuing environment can build it.
#[test]
fn lazy_attestation_equals_the_eager_one_of_its_moment() {
    let mut env = env();
    let node = Node {
        dim: 4,
        ..Node::default()
    };
    let req = ProofRequirement::DimensionMatch { expected: 4 };
    let first = env.prove_receipt(&req, &node).unwrap();
    assert!(!first.cached());
    let eager = env.prove(&req, &node).unwrap();
    let second = env.prove_receipt(&req, &node).unwrap();
    assert!(second.cached());
    for _ in 0..5 {
        env.prove_receipt(&req, &node).unwrap();
    }
    let a1 = env.attestation(&first).unwrap();
    let a2 = env.attestation(&second).unwrap();
    assert_eq!(a1.proof_term_hash, eager.attestation.proof_term_hash);
    assert_eq!(a1.environment_hash, eager.attestation.environment_hash);
    assert_eq!(
        a1.verification_timestamp_ns,
        eager.attestation.verification_timestamp_ns
    );
    assert_eq!(a1.reduction_steps, eager.attestation.reduction_steps);
    assert_eq!(a1.cache_hit_rate_bps.get(), 0, "one miss, no hit yet");
    assert_eq!(
        eager.attestation.cache_hit_rate_bps.get(),
        5_000,
        "one miss, one hit"
    );
    assert_eq!(a2.cache_hit_rate_bps.get(), 6_666, "one miss, two hits");
    assert_eq!(a2.proof_term_hash, a1.proof_term_hash);
    let other = ProofEnvironment::new().unwrap();
    assert!(matches!(
        other.attestation(&first),
        Err(GateError::ForeignReceipt)
    ));
}

/// A receipt keeps the environment hash of its moment: after a declaration
/// is added, a new receipt for the same (cached) obligation attests the
/// new hash and the old one still attests the old.
#[test]
fn receipts_keep_the_environment_hash_of_their_epoch() {
    let mut env = env();
    let node = Node {
        dim: 7,
        ..Node::default()
    };
    let req = ProofRequirement::DimensionMatch { expected: 7 };
    let before = env.prove_receipt(&req, &node).unwrap();
    let again = env.prove_receipt(&req, &node).unwrap();
    let old_hash = env.environment_hash();
    env.declare(&proofgate_core::term::SourceDecl::Def {
        level_params: Vec::new(),
        name: "Test.seven".to_owned(),
        ty: "Nat".to_owned(),
        value: "7".to_owned(),
        hints: proofgate_core::term::Hints::Regular(1),
    })
    .unwrap();
    let after = env.prove_receipt(&req, &node).unwrap();
    assert!(after.cached());
    let (a0, a1, a2) = (
        env.attestation(&before).unwrap(),
        env.attestation(&again).unwrap(),
        env.attestation(&after).unwrap(),
    );
    assert_eq!(a0.environment_hash, old_hash);
    assert_eq!(a1.environment_hash, old_hash);
    assert_eq!(a2.environment_hash, env.environment_hash());
    assert_ne!(a2.environment_hash, old_hash);
    assert_eq!(a2.proof_term_hash, a0.proof_term_hash);
}

/// Checks reuse terms earlier checks made (constant instances, the literal
/// extension's types); the steps a check reports, and attests, must not
/// depend on which checks ran before it. (`tests/history.rs` in the kernel
/// covers the first check that makes them.)
#[test]
fn uncached_steps_do_not_depend_on_earlier_checks() {
    let ev = Evidence {
        hosts: 10_000,
        ready: 9_000,
        failed: 100,
        provisioning: 900,
    };
    // Both environments register the same policies, in the same order, so
    // they differ only in which checks ran.
    let register = |pe: &mut PolicyEnv| {
        let percent = pe.policy(&Policy::Percent(90));
        let others = [
            pe.decided(&Policy::Percent(90)),
            pe.policy(&Policy::AtLeast(7)),
            pe.policy(&Policy::both(Policy::StrictAll, Policy::MaxFailures(200))),
        ];
        (percent, others)
    };
    let mut fresh = PolicyEnv::new(env());
    let (percent, _) = register(&mut fresh);
    let fresh = &mut fresh.env;
    let ob = fresh.obligation(&percent, &ev).expect("builds");
    let first = fresh.verify_uncached(&ob).expect("holds").steps;
    let again = fresh.verify_uncached(&ob).expect("holds").steps;
    let mut warmed = PolicyEnv::new(env());
    let (percent, others) = register(&mut warmed);
    let warmed = &mut warmed.env;
    for req in &others {
        let o = warmed.obligation(req, &ev).expect("builds");
        let _ = warmed.verify_uncached(&o);
    }
    let ob = warmed.obligation(&percent, &ev).expect("builds");
    let after_others = warmed.verify_uncached(&ob).expect("holds").steps;
    assert!(first > 0);
    assert_eq!(first, again);
    assert_eq!(first, after_others);
}

/// The threading contract the docs state: both types move between
/// threads; neither is shared by reference (checked at compile time).
#[test]
fn gates_and_environments_are_send() {
    fn send<T: Send>() {}
    send::<proofgate_core::ProofEnvironment>();
    send::<proofgate_core::ProofGate<Node>>();
}

//! Custom proofs in the gate: statements the owner registers, proofs the
//! value supplies as export fragments (built here with the term syntax and
//! the export writer), checked under the judge's rules and by the kernel.

use proofgate_core::export_builder::ExportBuilder;
use proofgate_core::judge::{Difference, Rejection};
use proofgate_core::term::{Hints, SourceDecl};
use proofgate_core::{
    CustomStatement, GateError, GateSubject, ProofEnvironment, ProofRequirement, ProofTier,
};

const SMALL: &str = "Example.small";

fn small_def(value: &str) -> SourceDecl {
    SourceDecl::Def {
        level_params: vec![],
        name: SMALL.into(),
        ty: "Nat -> Prop".into(),
        value: value.into(),
        hints: Hints::Regular(1),
    }
}

const SMALL_VALUE: &str = "fun (n : Nat) => Eq.{1} Bool (Nat.ble n 10) Bool.true";

fn env() -> ProofEnvironment {
    let mut env = ProofEnvironment::new().unwrap();
    env.declare(&small_def(SMALL_VALUE)).unwrap();
    env.declare(&SourceDecl::Theorem {
        level_params: vec![],
        name: "Example.fact".into(),
        ty: "Eq.{1} Bool (Nat.ble 3 4) Bool.true".into(),
        value: "Eq.refl.{1} Bool Bool.true".into(),
    })
    .unwrap();
    env.register_statement(
        1,
        &CustomStatement::Predicate {
            name: SMALL.into(),
            arity: 1,
        },
    )
    .unwrap();
    env.register_statement(2, &CustomStatement::Theorem("Example.fact".into()))
        .unwrap();
    env
}

struct Value {
    n: u64,
    proof: Vec<u8>,
}

impl GateSubject for Value {
    fn dimension(&self) -> Option<u64> {
        Some(3)
    }
    fn statement_arguments(&self, _: u32) -> Option<Vec<u64>> {
        Some(vec![self.n])
    }
    fn custom_proof(&self, _: u32) -> Option<&[u8]> {
        Some(&self.proof)
    }
}

/// A fragment: the prelude and `small` (as given) restated, extra
/// declarations, then the theorem.
fn fragment(small: &str, extra: &[SourceDecl], ty: &str, proof: &str) -> Vec<u8> {
    let mut b = ExportBuilder::with_lean_prelude().unwrap();
    b.declare(&small_def(small)).unwrap();
    for d in extra {
        b.declare(d).unwrap();
    }
    let theorem = SourceDecl::Theorem {
        level_params: vec![],
        name: "Proof.it".into(),
        ty: ty.into(),
        value: proof.into(),
    };
    // A false claim does not check: write it unchecked, the gate must refuse it.
    if b.declare(&theorem).is_err() {
        let d = theorem.to_declaration(b.store_mut()).unwrap();
        b.unchecked(d);
    }
    b.to_ndjson().unwrap()
}

const REFL: &str = "Eq.refl.{1} Bool Bool.true";

fn rejection(r: Result<proofgate_core::Proved, GateError>) -> Rejection {
    match r {
        Err(GateError::CustomProofRejected { rejection, .. }) => rejection,
        other => panic!("expected a rule rejection, got {other:?}"),
    }
}

#[test]
fn honest_proof_is_accepted_at_deep_then_cached_and_leaves_the_environment_unchanged() {
    let mut env = env();
    let hash = env.environment_hash();
    let decls = env.declaration_count();
    let req = ProofRequirement::CustomProof { statement: 1 };
    let v = Value {
        n: 5,
        proof: fragment(SMALL_VALUE, &[], "Example.small 5", REFL),
    };
    let p = env.prove(&req, &v).unwrap();
    assert_eq!(p.tier, ProofTier::Deep);
    assert!(!p.cached && p.attestation.reduction_steps > 0);
    assert!(env.prove(&req, &v).unwrap().cached);
    assert_eq!(env.environment_hash(), hash);
    assert_eq!(env.declaration_count(), decls);
    let both =
        ProofRequirement::Composite(vec![ProofRequirement::DimensionMatch { expected: 3 }, req]);
    assert_eq!(env.prove(&both, &v).unwrap().tier, ProofTier::Deep);
}

#[test]
fn a_theorem_statement_accepts_another_proof_of_it() {
    let mut env = env();
    let v = Value {
        n: 0,
        proof: fragment(
            SMALL_VALUE,
            &[],
            "Eq.{1} Bool (Nat.ble 3 4) Bool.true",
            "(fun (h : True) => Eq.refl.{1} Bool Bool.true) True.intro",
        ),
    };
    env.prove(&ProofRequirement::CustomProof { statement: 2 }, &v)
        .unwrap();
}

#[test]
fn forged_proofs_are_rejected_with_their_reason() {
    let mut env = env();
    let req = ProofRequirement::CustomProof { statement: 1 };
    let cheat = SourceDecl::Axiom {
        level_params: vec![],
        name: "Proof.cheat".into(),
        ty: "(p : Prop) -> p".into(),
    };
    // An axiom smuggled in with the proof.
    let v = Value {
        n: 50,
        proof: fragment(
            SMALL_VALUE,
            &[cheat],
            "Example.small 50",
            "Proof.cheat (Example.small 50)",
        ),
    };
    assert!(
        matches!(rejection(env.prove(&req, &v)), Rejection::NewDeclaration { name } if name == "Proof.cheat")
    );
    // The predicate redefined so the claim becomes true.
    let v = Value {
        n: 50,
        proof: fragment(
            "fun (n : Nat) => True",
            &[],
            "Example.small 50",
            "True.intro",
        ),
    };
    assert!(matches!(
        rejection(env.prove(&req, &v)),
        Rejection::ChallengeConstantChanged { name, difference: Difference::Value } if name == SMALL
    ));
    // A proof of the statement about another value.
    let v = Value {
        n: 50,
        proof: fragment(SMALL_VALUE, &[], "Example.small 5", REFL),
    };
    assert!(
        matches!(
            rejection(env.prove(&req, &v)),
            Rejection::StatementDiffers { ref expected, ref found } if expected != found
        ),
        "a differing statement shows both"
    );
    // A false claim: the rules pass, the kernel refuses.
    let v = Value {
        n: 50,
        proof: fragment(SMALL_VALUE, &[], "Example.small 50", REFL),
    };
    match env.prove(&req, &v) {
        Err(GateError::Rejected(r)) => assert_eq!(r.tier, ProofTier::Deep),
        other => panic!("expected a kernel rejection, got {other:?}"),
    }
    // No proof at all.
    struct Bare;
    impl GateSubject for Bare {
        fn statement_arguments(&self, _: u32) -> Option<Vec<u64>> {
            Some(vec![1])
        }
    }
    assert!(matches!(
        env.prove(&req, &Bare),
        Err(GateError::MissingEvidence { .. })
    ));
    assert!(matches!(
        env.prove(&ProofRequirement::CustomProof { statement: 9 }, &v),
        Err(GateError::UnknownStatement(9))
    ));
}

#[test]
fn statements_must_have_the_registered_shape() {
    let mut env = env();
    let err = env
        .register_statement(
            3,
            &CustomStatement::Predicate {
                name: SMALL.into(),
                arity: 2,
            },
        )
        .unwrap_err();
    assert!(matches!(err, GateError::StatementType { .. }), "{err}");
    assert!(matches!(
        env.register_statement(1, &CustomStatement::Theorem("Example.fact".into())),
        Err(GateError::DuplicateStatement(1))
    ));
    assert!(
        env.register_statement(4, &CustomStatement::Theorem("Nat.add".into()))
            .is_err()
    );
}

//! A refused mutation says what is wrong in the requirement's terms, beside
//! the kernel's rule.

use proofgate_core::invariant::WITHIN_CAPACITY;
use proofgate_core::{GateError, GateSubject, ProofEnvironment, ProofGate, ProofRequirement};

#[derive(Clone)]
struct Shard {
    dim: u64,
    schema: u64,
    len: u64,
    cap: u64,
}

impl GateSubject for Shard {
    fn dimension(&self) -> Option<u64> {
        Some(self.dim)
    }
    fn schema_id(&self) -> Option<u64> {
        Some(self.schema)
    }
    fn invariant_arguments(&self, _: u32) -> Option<Vec<u64>> {
        Some(vec![self.len, self.cap])
    }
}

const OK: Shard = Shard {
    dim: 384,
    schema: 7,
    len: 10,
    cap: 100,
};

fn refusal(requirement: ProofRequirement, value: Shard) -> (String, String, &'static str) {
    let mut env = ProofEnvironment::new().unwrap();
    let mut gate = ProofGate::new(OK, requirement);
    match gate.mutate(&mut env, |_| value) {
        Err(GateError::Rejected(r)) => (
            r.explanation.clone().expect("a sentence"),
            r.to_string(),
            r.rule(),
        ),
        other => panic!("expected a rejection, got {other:?}"),
    }
}

#[test]
fn refusals_speak_the_requirements_language() {
    let bad_dim = Shard { dim: 385, ..OK };
    let (sentence, message, rule) = refusal(
        ProofRequirement::DimensionMatch { expected: 384 },
        bad_dim.clone(),
    );
    assert_eq!(sentence, "dimension 385, required 384");
    assert!(message.contains("dimension 385, required 384"), "{message}");
    assert!(rule.starts_with("type."), "the kernel's rule stays: {rule}");

    // In a composite only the failing part is named.
    let composite = ProofRequirement::Composite(vec![
        ProofRequirement::TypeMatch { schema_id: 7 },
        ProofRequirement::DimensionMatch { expected: 384 },
    ]);
    let (sentence, _, _) = refusal(composite, bad_dim);
    assert_eq!(sentence, "dimension 385, required 384");

    // What only the kernel decides is named with its arguments.
    let full = Shard { len: 101, ..OK };
    let (sentence, _, _) = refusal(
        ProofRequirement::InvariantPreserved {
            invariant_id: WITHIN_CAPACITY,
        },
        full,
    );
    assert_eq!(sentence, "invariant 0 is false of arguments [101, 100]");
}

#[test]
fn a_described_invariant_is_named_in_its_owners_words() {
    let mut env = ProofEnvironment::new().unwrap();
    env.describe_invariant(WITHIN_CAPACITY, "length within capacity (len, cap)")
        .unwrap();
    assert!(matches!(
        env.describe_invariant(99, "nothing"),
        Err(GateError::UnknownInvariant(99))
    ));
    let mut gate = ProofGate::new(
        OK,
        ProofRequirement::InvariantPreserved {
            invariant_id: WITHIN_CAPACITY,
        },
    );
    let Err(GateError::Rejected(r)) = gate.mutate(&mut env, |_| Shard { len: 101, ..OK }) else {
        panic!("refused")
    };
    assert_eq!(
        r.explanation.as_deref(),
        Some("length within capacity (len, cap) does not hold of arguments [101, 100]")
    );
}

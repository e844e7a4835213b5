//! A refused mutation says what is wrong in the requirement's terms, beside
//! the kernel's rule, and the cache does not change the words.

use proofgate_barrier::{Evidence, Policy};
use proofgate_core::{GateError, GateSubject, ProofEnvironment, ProofGate, ProofRequirement};

#[derive(Clone)]
struct Rollout {
    dim: u64,
    evidence: Evidence,
}

impl GateSubject for Rollout {
    fn dimension(&self) -> Option<u64> {
        Some(self.dim)
    }
    fn policy_evidence(&self) -> Option<Evidence> {
        Some(self.evidence)
    }
}

fn refusal(requirement: ProofRequirement, value: Rollout) -> (String, String, &'static str) {
    let mut env = ProofEnvironment::new().unwrap();
    let ok = Rollout {
        dim: 384,
        evidence: Evidence {
            hosts: 10,
            ready: 10,
            failed: 0,
            provisioning: 0,
        },
    };
    let mut gate = ProofGate::new(ok, requirement);
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
    let bad_dim = Rollout {
        dim: 385,
        evidence: Evidence {
            hosts: 10,
            ready: 10,
            failed: 0,
            provisioning: 0,
        },
    };
    let (sentence, message, rule) = refusal(
        ProofRequirement::DimensionMatch { expected: 384 },
        bad_dim.clone(),
    );
    assert_eq!(sentence, "dimension 385, required 384");
    assert!(message.contains("dimension 385, required 384"), "{message}");
    assert!(rule.starts_with("type."), "the kernel's rule stays: {rule}");

    let slow = Rollout {
        dim: 384,
        evidence: Evidence {
            hosts: 10,
            ready: 8,
            failed: 1,
            provisioning: 1,
        },
    };
    let (sentence, _, _) = refusal(ProofRequirement::Policy(Policy::Percent(90)), slow.clone());
    assert_eq!(
        sentence,
        "8 of 10 hosts ready, 1 failed, required at least 90% ready"
    );
    let (decided, _, _) = refusal(ProofRequirement::DecidedPolicy(Policy::Percent(90)), slow);
    assert_eq!(decided, sentence, "the decide form reads the same");

    let composite = ProofRequirement::Composite(vec![
        ProofRequirement::Policy(Policy::AtLeast(1)),
        ProofRequirement::DimensionMatch { expected: 384 },
    ]);
    let (sentence, _, _) = refusal(composite, bad_dim);
    assert_eq!(sentence, "dimension 385, required 384");
}

//! A refusal in the requirement's own terms: "dimension 385, required 384"
//! beside the kernel's `(Eq Nat 385 385) is not (Eq Nat 385 384)`.
//!
//! The sentence is built on the rejection path only, from the facts the
//! value exposed. It explains; it never decides: the verdict is the
//! kernel's, and where the facts alone cannot say which part of a
//! requirement failed (an invariant, a custom proof) the sentence names
//! the part and its arguments instead of guessing.

use crate::error::GateError;
use crate::invariant::InvariantRegistry;
use crate::requirement::{GateSubject, ProofRequirement};

/// Adds the sentence to a rejection; other errors pass through.
#[cold]
pub(crate) fn attach(
    mut error: GateError,
    requirement: &ProofRequirement,
    subject: &dyn GateSubject,
    invariants: &InvariantRegistry,
) -> GateError {
    if let GateError::Rejected(r) = &mut error
        && r.explanation.is_none()
    {
        r.explanation = Some(sentence(requirement, subject, invariants));
    }
    error
}

/// What the value's facts say about `requirement`.
pub(crate) fn sentence(
    requirement: &ProofRequirement,
    subject: &dyn GateSubject,
    invariants: &InvariantRegistry,
) -> String {
    let mut parts = Vec::new();
    leaves(requirement, subject, invariants, &mut parts);
    let failing: Vec<&str> = parts
        .iter()
        .filter(|(holds, _)| *holds == Some(false))
        .map(|(_, s)| s.as_str())
        .collect();
    if !failing.is_empty() {
        return failing.join("; ");
    }
    // Nothing the facts decide on their own fails: name what the kernel
    // found false (invariants, custom proofs), or say that the facts hold
    // and the refusal is the kernel's alone.
    let open: Vec<&str> = parts
        .iter()
        .filter(|(holds, _)| holds.is_none())
        .map(|(_, s)| s.as_str())
        .collect();
    if open.is_empty() {
        let all: Vec<&str> = parts.iter().map(|(_, s)| s.as_str()).collect();
        format!("{}, yet the kernel refused the proof", all.join("; "))
    } else {
        open.join("; ")
    }
}

/// One sentence per leaf of the requirement, with whether the facts alone
/// show it holds (`None`: only the kernel can say).
fn leaves(
    requirement: &ProofRequirement,
    subject: &dyn GateSubject,
    invariants: &InvariantRegistry,
    out: &mut Vec<(Option<bool>, String)>,
) {
    let missing = |fact: &str| (None, format!("the value gives no {fact}"));
    out.push(match requirement {
        ProofRequirement::DimensionMatch { expected } => match subject.dimension() {
            Some(d) => (
                Some(d == *expected),
                format!("dimension {d}, required {expected}"),
            ),
            None => missing("dimension"),
        },
        ProofRequirement::TypeMatch { schema_id } => match subject.schema_id() {
            Some(s) => (
                Some(s == *schema_id),
                format!("schema {s}, required {schema_id}"),
            ),
            None => missing("schema id"),
        },
        ProofRequirement::CoherenceBound { min_coherence } => match subject.coherence() {
            // Finite floats compare exactly, as the kernel's rationals do.
            Some(c) if c.is_finite() => (
                Some(c >= *min_coherence),
                format!("coherence {c}, required at least {min_coherence}"),
            ),
            Some(c) => (
                None,
                format!("coherence {c} is not a number the gate can compare"),
            ),
            None => missing("coherence"),
        },
        ProofRequirement::InvariantPreserved { invariant_id } => {
            let args = subject
                .invariant_arguments(*invariant_id)
                .map_or_else(|| "no arguments".into(), |a| format!("arguments {a:?}"));
            let described = invariants
                .get(*invariant_id)
                .and_then(|i| i.description.as_deref());
            match described {
                Some(d) => (None, format!("{d} does not hold of {args}")),
                None => (None, format!("invariant {invariant_id} is false of {args}")),
            }
        }
        ProofRequirement::CustomProof { statement } => (
            None,
            format!("the proof supplied does not prove statement {statement}"),
        ),
        ProofRequirement::Composite(parts) => {
            for part in parts {
                leaves(part, subject, invariants, out);
            }
            return;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::sentence;
    use crate::invariant::InvariantRegistry;
    use crate::requirement::{GateSubject, ProofRequirement};

    struct V;
    impl GateSubject for V {
        fn dimension(&self) -> Option<u64> {
            Some(385)
        }
        fn schema_id(&self) -> Option<u64> {
            Some(7)
        }
        fn invariant_arguments(&self, _: u32) -> Option<Vec<u64>> {
            Some(vec![4, 2])
        }
    }

    #[test]
    fn sentences_name_the_facts_that_fail() {
        let dim = ProofRequirement::DimensionMatch { expected: 384 };
        assert_eq!(
            sentence(&dim, &V, &InvariantRegistry::default()),
            "dimension 385, required 384"
        );
        // In a composite only the failing part is named.
        let both = ProofRequirement::Composite(vec![
            ProofRequirement::TypeMatch { schema_id: 7 },
            dim.clone(),
        ]);
        assert_eq!(
            sentence(&both, &V, &InvariantRegistry::default()),
            "dimension 385, required 384"
        );
        // What only the kernel decides is named with its arguments.
        let inv = ProofRequirement::Composite(vec![
            ProofRequirement::TypeMatch { schema_id: 7 },
            ProofRequirement::InvariantPreserved { invariant_id: 3 },
        ]);
        assert_eq!(
            sentence(&inv, &V, &InvariantRegistry::default()),
            "invariant 3 is false of arguments [4, 2]"
        );
        let ok = ProofRequirement::TypeMatch { schema_id: 7 };
        assert_eq!(
            sentence(&ok, &V, &InvariantRegistry::default()),
            "schema 7, required 7, yet the kernel refused the proof"
        );
    }
}

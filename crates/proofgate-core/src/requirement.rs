//! What a gate requires, and what a value must expose for it to be checked.

use std::fmt;

/// A requirement a value must meet before the gate opens.
#[derive(Clone, Debug, PartialEq)]
pub enum ProofRequirement {
    /// The value's dimension equals `expected`: `@Eq Nat d expected`.
    DimensionMatch {
        /// The required dimension.
        expected: u64,
    },
    /// The value's schema id equals `schema_id`: `@Eq Nat s schema_id`.
    TypeMatch {
        /// The required schema.
        schema_id: u64,
    },
    /// A registered invariant holds of the value: `inv args = true`.
    InvariantPreserved {
        /// The registered invariant.
        invariant_id: u32,
    },
    /// The value's coherence is at least `min_coherence`, compared exactly
    /// as rationals (no rounding): `Proofgate.Coherence.atLeast .. = true`.
    CoherenceBound {
        /// The threshold.
        min_coherence: f64,
    },
    /// A statement the environment's owner registered (see
    /// [`crate::ProofEnvironment::register_statement`]) holds, proved by the
    /// export fragment the value supplies ([`GateSubject::custom_proof`]),
    /// checked under the judge's rules (`crate::custom`).
    CustomProof {
        /// The registered statement.
        statement: u32,
    },
    /// Every sub-requirement holds (a conjunction; empty is `True`).
    Composite(Vec<ProofRequirement>),
}

impl fmt::Display for ProofRequirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProofRequirement::DimensionMatch { expected } => {
                write!(f, "DimensionMatch({expected})")
            }
            ProofRequirement::TypeMatch { schema_id } => write!(f, "TypeMatch({schema_id})"),
            ProofRequirement::InvariantPreserved { invariant_id } => {
                write!(f, "InvariantPreserved({invariant_id})")
            }
            ProofRequirement::CoherenceBound { min_coherence } => {
                write!(f, "CoherenceBound({min_coherence:?})")
            }
            ProofRequirement::CustomProof { statement } => write!(f, "CustomProof({statement})"),
            ProofRequirement::Composite(rs) => {
                write!(f, "Composite[")?;
                for (i, r) in rs.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{r}")?;
                }
                write!(f, "]")
            }
        }
    }
}

/// The facts about a value that requirements read. Implement the ones your
/// type has; a requirement that reads a missing fact is refused with
/// [`crate::GateError::MissingEvidence`].
pub trait GateSubject {
    /// Its dimension (for `DimensionMatch`).
    fn dimension(&self) -> Option<u64> {
        None
    }
    /// Its schema id (for `TypeMatch`).
    fn schema_id(&self) -> Option<u64> {
        None
    }
    /// Its coherence (for `CoherenceBound`).
    fn coherence(&self) -> Option<f64> {
        None
    }
    /// The Nat arguments of invariant `invariant_id` (for `InvariantPreserved`).
    fn invariant_arguments(&self, invariant_id: u32) -> Option<Vec<u64>> {
        let _ = invariant_id;
        None
    }
    /// The Nat arguments of a registered predicate statement (for
    /// `CustomProof`).
    fn statement_arguments(&self, statement: u32) -> Option<Vec<u64>> {
        let _ = statement;
        None
    }
    /// A Lean export fragment (NDJSON) proving registered statement
    /// `statement`: its last declaration is the theorem (for `CustomProof`).
    fn custom_proof(&self, statement: u32) -> Option<&[u8]> {
        let _ = statement;
        None
    }
    /// The caller's commitment to this value (e.g.
    /// [`crate::ledger::subject_digest`] of its canonical bytes), recorded
    /// in the ledger entry of a mutation that installs it
    /// ([`crate::ProofGate::mutate_approved`]). No requirement reads it.
    fn subject_digest(&self) -> Option<[u8; 32]> {
        None
    }
}

/// A reference to a subject is one (lets generic callers pass `&&S` where a
/// `&dyn GateSubject` is needed, `S` possibly unsized).
impl<S: GateSubject + ?Sized> GateSubject for &S {
    fn dimension(&self) -> Option<u64> {
        (**self).dimension()
    }
    fn schema_id(&self) -> Option<u64> {
        (**self).schema_id()
    }
    fn coherence(&self) -> Option<f64> {
        (**self).coherence()
    }
    fn invariant_arguments(&self, invariant_id: u32) -> Option<Vec<u64>> {
        (**self).invariant_arguments(invariant_id)
    }
    fn statement_arguments(&self, statement: u32) -> Option<Vec<u64>> {
        (**self).statement_arguments(statement)
    }
    fn custom_proof(&self, statement: u32) -> Option<&[u8]> {
        (**self).custom_proof(statement)
    }
    fn subject_digest(&self) -> Option<[u8; 32]> {
        (**self).subject_digest()
    }
}

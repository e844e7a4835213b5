//! What the judge concludes about each theorem, as data: the rule broken
//! and the constants involved, never a sentence.

use crate::attestation::ProofAttestation;
use proofgate_kernel::KernelError;
use std::fmt;

/// How a constant of the solution differs from the challenge's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Another kind of declaration (a definition where an axiom was, ...).
    Kind,
    /// Other universe parameters (names or number).
    LevelParams,
    /// Another type.
    Type,
    /// Another value (definition body, theorem proof, recursor rules).
    Value,
    /// Same kind, levels, type and value, other flags (hints, safety,
    /// inductive data).
    Flags,
}

impl Difference {
    /// A short lowercase name (`"type"`, `"value"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Difference::Kind => "kind",
            Difference::LevelParams => "universe parameter list",
            Difference::Type => "type",
            Difference::Value => "value",
            Difference::Flags => "flags",
        }
    }
}

/// Why a theorem was not accepted. The first rule broken, in the order the
/// judge checks them (the solution as a whole, the challenge's constants,
/// the theorem itself, then what it depends on).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejection {
    /// A declaration of the solution does not check in the kernel (from an
    /// empty environment); nothing of the solution is trusted then.
    SolutionRejected {
        /// The declaration.
        declaration: String,
        /// The kernel's reason.
        error: KernelError,
    },
    /// A constant of the challenge is absent from the solution.
    ChallengeConstantMissing {
        /// The constant.
        name: String,
    },
    /// A constant of the challenge is in the solution but not identical:
    /// what the statements rely on was redefined.
    ChallengeConstantChanged {
        /// The constant.
        name: String,
        /// The first difference found.
        difference: Difference,
    },
    /// The solution declares a constant the kernel gives meaning to by its
    /// name (`Nat.add`, `String.ofList`, ...: the literal extension reads
    /// them) that the challenge does not declare. Literals in the statements
    /// mean what those constants say, so they must come from the trusted
    /// side.
    NameKeyedFromSolution {
        /// The constant.
        name: String,
    },
    /// The solution does not declare the theorem.
    TheoremMissing,
    /// The solution declares the name, but not as a theorem.
    NotATheorem {
        /// What it is instead (`"definition"`, `"axiom"`, ...).
        kind: &'static str,
    },
    /// The solution's theorem has other universe parameters than the
    /// challenge's statement.
    StatementLevelParamsDiffer,
    /// The solution's theorem states something else.
    StatementDiffers {
        /// The challenge's statement, printed (empty when the challenge
        /// states no such theorem).
        expected: String,
        /// The solution's, printed.
        found: String,
    },
    /// The proof depends on axioms outside the allow list.
    DisallowedAxioms {
        /// Those axioms, sorted.
        axioms: Vec<String>,
    },
    /// The proof depends on an allowed axiom that the challenge does not
    /// declare, so nothing fixes what that axiom states.
    AxiomNotPinned {
        /// The axiom.
        name: String,
    },
    /// A custom proof for the gate declares a constant the gate's
    /// environment does not have (a custom proof is one term over that
    /// environment: it may restate the environment's constants, identically,
    /// but not add to them).
    NewDeclaration {
        /// The constant.
        name: String,
    },
    /// An unsafe constant is reachable from the theorem.
    UnsafeReachable {
        /// The constant.
        name: String,
    },
    /// A `partial` definition is reachable from the theorem.
    PartialReachable {
        /// The constant.
        name: String,
    },
}

impl Rejection {
    /// A stable identifier of the rule broken (for `--json`).
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::SolutionRejected { .. } => "solution_rejected",
            Rejection::ChallengeConstantMissing { .. } => "challenge_constant_missing",
            Rejection::ChallengeConstantChanged { .. } => "challenge_constant_changed",
            Rejection::NameKeyedFromSolution { .. } => "name_keyed_from_solution",
            Rejection::TheoremMissing => "theorem_missing",
            Rejection::NotATheorem { .. } => "not_a_theorem",
            Rejection::StatementLevelParamsDiffer => "statement_level_params_differ",
            Rejection::StatementDiffers { .. } => "statement_differs",
            Rejection::DisallowedAxioms { .. } => "disallowed_axioms",
            Rejection::AxiomNotPinned { .. } => "axiom_not_pinned",
            Rejection::NewDeclaration { .. } => "new_declaration",
            Rejection::UnsafeReachable { .. } => "unsafe_reachable",
            Rejection::PartialReachable { .. } => "partial_reachable",
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::SolutionRejected { declaration, error } => {
                write!(
                    f,
                    "the solution's declaration '{declaration}' does not check: {error}"
                )
            }
            Rejection::ChallengeConstantMissing { name } => {
                write!(f, "the solution lacks the challenge's constant '{name}'")
            }
            Rejection::ChallengeConstantChanged { name, difference } => write!(
                f,
                "the solution redefines the challenge's constant '{name}' (its {} differs)",
                difference.name()
            ),
            Rejection::NameKeyedFromSolution { name } => write!(
                f,
                "the solution declares '{name}', which the kernel reads by name (literals, built-in rules); it must come from the challenge"
            ),
            Rejection::TheoremMissing => write!(f, "the solution does not declare the theorem"),
            Rejection::NotATheorem { kind } => {
                write!(f, "the solution declares it as {kind}, not as a theorem")
            }
            Rejection::StatementLevelParamsDiffer => {
                write!(f, "its universe parameters differ from the challenge's")
            }
            Rejection::StatementDiffers { expected, found } => {
                write!(
                    f,
                    "it states something other than the challenge: expected `{expected}`, found `{found}`"
                )
            }
            Rejection::DisallowedAxioms { axioms } => {
                write!(
                    f,
                    "it depends on axioms outside the allow list: {}",
                    axioms.join(", ")
                )
            }
            Rejection::AxiomNotPinned { name } => write!(
                f,
                "it depends on the allowed axiom '{name}', which the challenge does not declare"
            ),
            Rejection::NewDeclaration { name } => write!(
                f,
                "the proof declares '{name}', which the environment does not have"
            ),
            Rejection::UnsafeReachable { name } => {
                write!(f, "it depends on the unsafe constant '{name}'")
            }
            Rejection::PartialReachable { name } => {
                write!(f, "it depends on the partial definition '{name}'")
            }
        }
    }
}

/// The verdict on one named theorem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TheoremVerdict {
    /// The theorem.
    pub theorem: String,
    /// The axioms its proof depends on, sorted (empty when the solution did
    /// not check, so nothing of it could be read).
    pub axioms: Vec<String>,
    /// Accepted with its attestation, or the rule it broke.
    pub outcome: Result<ProofAttestation, Rejection>,
}

impl TheoremVerdict {
    /// Whether the theorem was accepted.
    pub fn accepted(&self) -> bool {
        self.outcome.is_ok()
    }
}

//! What can go wrong at the gate, as typed errors.

use crate::term::DslError;
use crate::tier::ProofTier;
use proofgate_kernel::{CheckFailure, ExportError, KernelError};
use std::fmt;
use thiserror::Error;

/// The kernel did not accept the obligation of a requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofGateRejected {
    /// The requirement whose obligation was rejected (its description).
    pub requirement: String,
    /// The last tier that tried.
    pub tier: ProofTier,
    /// Steps the kernel used in that tier, when it reports them (it does on
    /// fuel exhaustion; a definite type error does not carry a count).
    pub steps: Option<u64>,
    /// The kernel's reason: the rule the proof breaks, or the limit the Deep
    /// tier reached. Never [`KernelError::Internal`] (that is
    /// [`GateError::KernelBug`]). Compare [`Self::rule`], not the wording.
    pub reason: KernelError,
    /// The refusal in the requirement's own terms, from the facts the value
    /// gave ("dimension 385, required 384"); `None` for an obligation proved
    /// without a requirement ([`crate::ProofEnvironment::prove_obligation`]).
    pub explanation: Option<String>,
}

impl ProofGateRejected {
    /// The kernel's stable rule id ([`KernelError::rule`]): `type.app-arg`,
    /// `limit.fuel`, ...
    pub fn rule(&self) -> &'static str {
        self.reason.rule()
    }

    /// `true` for a definite rejection, `false` when the kernel could not
    /// decide within the Deep budget.
    pub fn decided(&self) -> bool {
        !crate::tier::is_limit(&self.reason)
    }
}

impl fmt::Display for ProofGateRejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "proof rejected for {}", self.requirement)?;
        if let Some(e) = &self.explanation {
            write!(f, ": {e};")?;
        }
        write!(f, " at tier {}", self.tier.name())?;
        match self.steps {
            Some(s) => write!(f, " after {s} steps")?,
            None => write!(f, " (steps not reported for a definite rejection)")?,
        }
        write!(f, ": ")?;
        crate::tier::write_reason(f, &self.reason)
    }
}

impl std::error::Error for ProofGateRejected {}

/// Every way a gate operation can fail.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum GateError {
    /// A receipt was presented to an environment that did not issue it.
    #[error("this proof receipt was issued by another proof environment")]
    ForeignReceipt,
    /// The receipt's record was evicted: the environment keeps at most the
    /// `kept` records (`TierConfig::receipt_records`), so memory stays
    /// bounded however many values it gates. Ask for an attestation while
    /// its record is kept (`ProofGate::mutate_approved` does, at once).
    #[error(
        "this receipt's record was evicted (the proof environment keeps at most {kept} records); \
         its attestation can no longer be built"
    )]
    ReceiptEvicted {
        /// Records the environment keeps.
        kept: usize,
    },
    /// The environment issued receipts for 2^31 distinct proofs and epochs.
    #[error("this proof environment cannot address more proof receipts")]
    ReceiptsExhausted,
    /// The kernel rejected the proof (or could not decide within the Deep budget).
    #[error(transparent)]
    Rejected(#[from] Box<ProofGateRejected>),
    /// The kernel failed one of its own invariants while checking a proof
    /// ([`KernelError::Internal`]): a bug in the kernel, never a verdict on
    /// the proof, so never reported as [`GateError::Rejected`].
    #[error("checking the proof for {requirement} at tier {}: {error}", tier.name())]
    KernelBug {
        /// The requirement whose obligation was being checked.
        requirement: String,
        /// The tier that was checking it.
        tier: ProofTier,
        /// The kernel's error (always [`KernelError::Internal`]).
        error: KernelError,
    },
    /// The compiled route and the kernel disagreed on a value (a bug in the
    /// stager or the residual evaluator, never a verdict on the value):
    /// found by the audit (`TierConfig::audit_every`) after a compiled
    /// acceptance, or by the kernel route after a compiled refusal.
    #[error("compiled route disagrees with the kernel on {requirement}: {detail}")]
    CompiledDisagreement {
        /// The requirement.
        requirement: String,
        /// What the compiled route said.
        compiled: bool,
        /// What happened.
        detail: String,
    },
    /// The value does not expose a fact the requirement reads.
    #[error("{requirement} needs the value's {fact}, which it does not provide")]
    MissingEvidence {
        /// The requirement.
        requirement: String,
        /// The missing fact.
        fact: &'static str,
    },
    /// A fact has a value no proposition can be stated about.
    #[error("{requirement}: invalid {fact}: {reason}")]
    InvalidEvidence {
        /// The requirement.
        requirement: String,
        /// The fact.
        fact: &'static str,
        /// Why it is invalid.
        reason: String,
    },
    /// No invariant is registered under this id.
    #[error("no invariant is registered under id {0}")]
    UnknownInvariant(u32),
    /// An invariant got the wrong number of arguments from its extractor.
    #[error("invariant {id} takes {expected} arguments, the value supplied {got}")]
    InvariantArity {
        /// The invariant.
        id: u32,
        /// Its arity.
        expected: usize,
        /// What the extractor returned.
        got: usize,
    },
    /// An invariant's definition does not have the type the gate applies.
    #[error("invariant '{name}' must have type `{expected}` (and no universe parameters)")]
    InvariantType {
        /// The definition.
        name: String,
        /// The type it needs.
        expected: String,
    },
    /// An invariant id is already taken.
    #[error("invariant id {0} is already registered")]
    DuplicateInvariant(u32),
    /// A declaration was rejected by the kernel while building the environment.
    #[error("declaration '{name}' rejected by the kernel: {error}")]
    Declaration {
        /// The declaration.
        name: String,
        /// The kernel's reason.
        error: KernelError,
    },
    /// Declaration source text did not parse.
    #[error(transparent)]
    Syntax(#[from] DslError),
    /// A Lean export could not be read.
    #[error("reading the export: {0}")]
    Export(#[from] ExportError),
    /// A Lean export was rejected.
    #[error("loading the export: {0}")]
    Load(#[from] CheckFailure),
    /// The export file could not be opened.
    #[error("opening {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A custom proof broke one of the judge's rules before the kernel
    /// check (see [`crate::judge::Rejection`]).
    #[error("custom proof rejected for {requirement}: {rejection}")]
    CustomProofRejected {
        /// The requirement.
        requirement: String,
        /// The rule broken.
        rejection: crate::judge::Rejection,
    },
    /// No statement is registered under this id.
    #[error("no custom statement is registered under id {0}")]
    UnknownStatement(u32),
    /// A statement id is already taken.
    #[error("custom statement id {0} is already registered")]
    DuplicateStatement(u32),
    /// A registered predicate got the wrong number of arguments.
    #[error("statement {id} takes {expected} arguments, the value supplied {got}")]
    StatementArity {
        /// The statement.
        id: u32,
        /// Its arity.
        expected: usize,
        /// What the value supplied.
        got: usize,
    },
    /// A constant cannot serve as a custom statement.
    #[error("'{name}' cannot be a custom statement: it must be {expected}")]
    StatementType {
        /// The constant.
        name: String,
        /// What it must be.
        expected: String,
    },
    /// The environment lacks a constant the gate needs.
    #[error("the environment lacks '{0}', which the gate needs")]
    MissingConstant(String),
}

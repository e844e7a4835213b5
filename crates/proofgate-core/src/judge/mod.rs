//! The judge: does an untrusted solution prove a trusted challenge's
//! theorems, under an axiom policy? (Issue 14; after Lean FRO's Comparator
//! and SafeVerify, without a Lean installation: our kernel replays both
//! sides.)
//!
//! The challenge `C` is trusted: it states each theorem (its proof may be
//! `sorryAx`) and must declare every constant the statements use, directly,
//! through its constants or through literals ([`JudgeError::UndeclaredInChallenge`]
//! otherwise). The solution `S` is not. A named theorem is accepted only if, in this order:
//! 1. every declaration of `S` checks in the kernel from an empty
//!    environment ([`Rejection::SolutionRejected`]);
//! 2. every constant of `C` other than the named theorems is in `S`
//!    identically (same kind, universe parameters, type, value), so nothing
//!    the statements rely on was redefined (`challenge.rs`), and `S`
//!    declares none of the constants the kernel reads by name
//!    ([`proofgate_kernel::NAME_KEYED_CONSTANTS`]: what literals mean) that
//!    `C` does not;
//! 3. `S` declares it as a theorem with `C`'s universe parameters and type;
//! 4. the axioms it depends on, through values and types (`closure.rs`),
//!    are on the allow list (default [`DEFAULT_ALLOWED_AXIOMS`]; `sorryAx`
//!    and `Lean.ofReduceBool` only when named) and each is declared by `C`
//!    ([`Rejection::AxiomNotPinned`] otherwise): an axiom is allowed by name
//!    and type, and only the trusted side can fix the type;
//! 5. no unsafe constant or partial definition is reachable from it.
//!
//! Both exports are read into one term store, so "identical" is equality
//! of hash-consed ids. Each accepted theorem gets a [`ProofAttestation`]
//! (its statement and proof hashed as the gate hashes obligations, the
//! solution's environment hash, the kernel's steps for its declaration).
//! The command line (`proofgate judge`) prints the verdicts and appends the
//! attestations to a ledger; the gate checks custom proofs with
//! [`Challenge`] and [`judge_theorem`] under the same rules.

mod challenge;
mod closure;
mod verdict;

pub use challenge::Challenge;
pub use verdict::{Difference, Rejection, TheoremVerdict};

use crate::attestation::{BasisPoints, ProofAttestation};
use crate::canonical::{TermDigests, encode_declaration};
use crate::environment::VERIFIER_VERSION;
use proofgate_kernel::{
    ConstantKind, Declaration, ExportError, ExportReader, ExprId, Kernel, KernelError, Limits,
    NameId, TermStore,
};
use std::io::BufRead;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};
use thiserror::Error;

/// The axioms allowed when none are named: those of classical Lean.
pub const DEFAULT_ALLOWED_AXIOMS: [&str; 3] = ["propext", "Quot.sound", "Classical.choice"];

/// Domain separator of the proof hash of a judged theorem.
const JUDGE_PROOF_DOMAIN: &[u8] = b"proofgate.judge.v1";

/// The inputs could not be judged (unreadable, or the request does not fit
/// the challenge): no verdict is given.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum JudgeError {
    /// An input file could not be opened.
    #[error("opening {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The challenge is not a readable export.
    #[error("reading the challenge: {0}")]
    Challenge(ExportError),
    /// The solution is not a readable export.
    #[error("reading the solution: {0}")]
    Solution(ExportError),
    /// The challenge declares a constant twice.
    #[error("the challenge declares '{0}' twice")]
    DuplicateInChallenge(String),
    /// A named theorem is not stated by the challenge.
    #[error("the challenge does not state a theorem named '{0}'")]
    UnknownTheorem(String),
    /// No theorem was named.
    #[error("no theorem to judge was named")]
    NoTheorems,
    /// The kernel failed an invariant of its own while checking the
    /// solution: a kernel bug, never a verdict on the solution.
    #[error("kernel bug while checking the solution's '{declaration}': {error}")]
    KernelBug {
        /// The declaration being checked.
        declaration: String,
        /// The kernel's `Internal` error.
        error: KernelError,
    },
    /// A theorem statement (or an allowed axiom's type) of the challenge
    /// reaches a constant the challenge does not declare, so the trusted
    /// side does not fix what it means.
    #[error(
        "the challenge does not declare '{0}', which its statements use (directly, through its own constants, or through a literal)"
    )]
    UndeclaredInChallenge(String),
}

/// The axiom policy and budget of a judgement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgeConfig {
    /// Axioms a proof may depend on (each must also be declared by the
    /// challenge).
    pub allowed_axioms: Vec<String>,
    /// Limits of each declaration's check.
    pub limits: Limits,
}

impl Default for JudgeConfig {
    fn default() -> Self {
        JudgeConfig {
            allowed_axioms: DEFAULT_ALLOWED_AXIOMS.map(str::to_owned).to_vec(),
            limits: Limits::DEFAULT,
        }
    }
}

/// The verdicts on every named theorem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgeReport {
    /// One verdict per named theorem, in the order named.
    pub verdicts: Vec<TheoremVerdict>,
    /// Constants the challenge declares.
    pub challenge_constants: usize,
    /// Declarations of the solution the kernel accepted.
    pub solution_declarations: usize,
    /// Kernel steps spent on the solution.
    pub steps: u64,
}

impl JudgeReport {
    /// Whether every named theorem was accepted.
    pub fn all_accepted(&self) -> bool {
        self.verdicts.iter().all(TheoremVerdict::accepted)
    }
}

/// [`judge`] on two files.
pub fn judge_files(
    challenge: &Path,
    solution: &Path,
    theorems: &[String],
    config: &JudgeConfig,
) -> Result<JudgeReport, JudgeError> {
    let open = |p: &Path| {
        std::fs::File::open(p)
            .map(std::io::BufReader::new)
            .map_err(|source| JudgeError::Io {
                path: p.display().to_string(),
                source,
            })
    };
    judge(open(challenge)?, open(solution)?, theorems, config)
}

/// Judges `theorems` of `challenge` against `solution` (both NDJSON
/// exports). Large proofs check deepest inside
/// [`proofgate_kernel::run_with_kernel_stack`].
pub fn judge<C: BufRead, S: BufRead>(
    challenge: C,
    solution: S,
    theorems: &[String],
    config: &JudgeConfig,
) -> Result<JudgeReport, JudgeError> {
    if theorems.is_empty() {
        return Err(JudgeError::NoTheorems);
    }
    let mut kernel = Kernel::new();
    let trusted = read_challenge(challenge, kernel.store_mut())?;
    let names: Vec<NameId> = theorems
        .iter()
        .map(|t| crate::term::name_of(kernel.store_mut(), t))
        .collect();
    for (n, t) in names.iter().zip(theorems) {
        match trusted.get(*n).map(|c| &c.kind) {
            Some(ConstantKind::Theorem { .. } | ConstantKind::Axiom { .. }) => {}
            _ => return Err(JudgeError::UnknownTheorem(t.clone())),
        }
    }
    let allowed: Vec<NameId> = config
        .allowed_axioms
        .iter()
        .map(|a| crate::term::name_of(kernel.store_mut(), a))
        .collect();
    let statements: Vec<ExprId> = names
        .iter()
        .chain(&allowed)
        .filter_map(|n| trusted.get(*n).map(|c| c.ty))
        .collect();
    if let Some(n) = trusted.first_undeclared(kernel.store(), &statements) {
        return Err(JudgeError::UndeclaredInChallenge(
            kernel.store().names.display(n),
        ));
    }
    let replay = replay_solution(&mut kernel, solution, config.limits)?;
    let global = match &replay.failure {
        Some((declaration, error)) => Some(Rejection::SolutionRejected {
            declaration: declaration.clone(),
            error: error.clone(),
        }),
        None => trusted
            .first_change(kernel.store(), kernel.env(), &names)
            .or_else(|| trusted.first_name_keyed_from_solution(kernel.store(), kernel.env())),
    };
    let mut digests = TermDigests::default();
    let verdicts = names
        .iter()
        .zip(theorems)
        .map(|(&n, t)| {
            if let Some(r) = &global {
                return TheoremVerdict {
                    theorem: t.clone(),
                    axioms: Vec::new(),
                    outcome: Err(r.clone()),
                };
            }
            let judged = judge_theorem(&kernel, &trusted, n, &allowed);
            let outcome = judged.outcome.map(|(ty, value)| ProofAttestation {
                proof_term_hash: proof_hash(kernel.store(), &mut digests, ty, value),
                environment_hash: replay.environment_hash,
                verification_timestamp_ns: now_ns(),
                verifier_version: VERIFIER_VERSION,
                reduction_steps: replay
                    .steps_of
                    .get(&n)
                    .map_or(0, |s| u32::try_from(*s).unwrap_or(u32::MAX)),
                cache_hit_rate_bps: BasisPoints::ZERO,
            });
            TheoremVerdict {
                theorem: t.clone(),
                axioms: judged.axioms,
                outcome,
            }
        })
        .collect();
    Ok(JudgeReport {
        verdicts,
        challenge_constants: trusted.len(),
        solution_declarations: replay.declarations,
        steps: replay.steps,
    })
}

/// Reads the trusted export (not checked: it is trusted, and its proofs
/// may be `sorryAx`) into `st`.
pub fn read_challenge<C: BufRead>(input: C, st: &mut TermStore) -> Result<Challenge, JudgeError> {
    let mut reader = ExportReader::new(input);
    let mut trusted = Challenge::default();
    while let Some(d) = reader.next_declaration(st) {
        let d = d.map_err(JudgeError::Challenge)?;
        trusted
            .add(&d)
            .map_err(|n| JudgeError::DuplicateInChallenge(st.names.display(n)))?;
    }
    Ok(trusted)
}

/// What replaying the solution left.
struct Replay {
    declarations: usize,
    steps: u64,
    steps_of: rustc_hash::FxHashMap<NameId, u64>,
    environment_hash: [u8; 32],
    /// The first declaration the kernel refused, and why.
    failure: Option<(String, KernelError)>,
}

/// Checks every declaration of the solution, in order, stopping at the
/// first the kernel refuses.
fn replay_solution<S: BufRead>(
    kernel: &mut Kernel,
    solution: S,
    limits: Limits,
) -> Result<Replay, JudgeError> {
    let mut reader = ExportReader::new(solution);
    let mut digests = TermDigests::default();
    let mut hasher = blake3::Hasher::new_derive_key("proofgate environment v1");
    let mut replay = Replay {
        declarations: 0,
        steps: 0,
        steps_of: Default::default(),
        environment_hash: [0; 32],
        failure: None,
    };
    let mut buf = Vec::new();
    while let Some(d) = reader.next_declaration(kernel.store_mut()) {
        let d: Declaration = d.map_err(JudgeError::Solution)?;
        match kernel.check_with_fuel(&d, limits) {
            Ok(report) => {
                replay.declarations += 1;
                replay.steps += report.steps;
                replay.steps_of.insert(d.name(), report.steps);
                buf.clear();
                encode_declaration(kernel.store(), &mut digests, &d, &mut buf);
                hasher.update(&(buf.len() as u64).to_le_bytes());
                hasher.update(&buf);
            }
            Err(error @ KernelError::Internal(_)) => {
                return Err(JudgeError::KernelBug {
                    declaration: kernel.store().names.display(d.name()),
                    error,
                });
            }
            Err(e) => {
                replay.failure = Some((kernel.store().names.display(d.name()), e));
                break;
            }
        }
    }
    replay.environment_hash = *hasher.finalize().as_bytes();
    Ok(replay)
}

/// The verdict on one theorem of an environment the kernel built, before
/// attestation: its statement and proof if accepted.
pub struct Judged {
    /// The axioms it depends on, sorted.
    pub axioms: Vec<String>,
    /// `(type, value)` of the accepted theorem, or the rule it broke.
    pub outcome: Result<(ExprId, ExprId), Rejection>,
}

/// Rules 3 to 5 for `theorem` in `kernel`'s environment: declared as a
/// theorem with the statement `trusted` fixes, depending only on `allowed`
/// axioms that `trusted` declares, and on nothing unsafe or partial. (Rules
/// 1 and 2, the solution checks and keeps the challenge's constants, are
/// the caller's.)
pub fn judge_theorem(
    kernel: &Kernel,
    trusted: &Challenge,
    theorem: NameId,
    allowed: &[NameId],
) -> Judged {
    let rejected = |r| Judged {
        axioms: Vec::new(),
        outcome: Err(r),
    };
    let Some(stated) = trusted.get(theorem) else {
        return rejected(Rejection::StatementDiffers {
            expected: String::new(),
            found: String::new(),
        });
    };
    let Some(c) = kernel.env().get(theorem) else {
        return rejected(Rejection::TheoremMissing);
    };
    let ConstantKind::Theorem { value } = c.kind else {
        return rejected(Rejection::NotATheorem {
            kind: kind_name(&c.kind),
        });
    };
    if c.level_params != stated.level_params {
        return rejected(Rejection::StatementLevelParamsDiffer);
    }
    if c.ty != stated.ty {
        return rejected(statement_differs(kernel.store(), stated.ty, c.ty));
    }
    let (axioms, verdict) = dependency_rules(kernel, &[c.ty, value], allowed, &|a| {
        trusted.declares_axiom(a)
    });
    Judged {
        axioms,
        outcome: verdict.map(|()| (c.ty, value)),
    }
}

/// Rules 4 and 5 for the terms `roots` (a statement and its proof): the
/// axioms they depend on, sorted, and whether those are `allowed` and
/// `pinned` (declared by the trusted side) and nothing unsafe or partial is
/// reached.
pub fn dependency_rules(
    kernel: &Kernel,
    roots: &[ExprId],
    allowed: &[NameId],
    pinned: &dyn Fn(NameId) -> bool,
) -> (Vec<String>, Result<(), Rejection>) {
    let st = kernel.store();
    let deps = closure::dependencies(st, kernel.env(), roots);
    let mut axioms: Vec<String> = deps.axioms.iter().map(|a| st.names.display(*a)).collect();
    axioms.sort();
    let mut disallowed: Vec<String> = deps
        .axioms
        .iter()
        .filter(|a| !allowed.contains(a))
        .map(|a| st.names.display(*a))
        .collect();
    disallowed.sort();
    let verdict = if !disallowed.is_empty() {
        Err(Rejection::DisallowedAxioms { axioms: disallowed })
    } else if let Some(a) = deps.axioms.iter().find(|a| !pinned(**a)) {
        Err(Rejection::AxiomNotPinned {
            name: st.names.display(*a),
        })
    } else if let Some(u) = deps.first_unsafe {
        Err(Rejection::UnsafeReachable {
            name: st.names.display(u),
        })
    } else if let Some(p) = deps.first_partial {
        Err(Rejection::PartialReachable {
            name: st.names.display(p),
        })
    } else {
        Ok(())
    };
    (axioms, verdict)
}

/// Depth to which a differing statement is printed.
const STATEMENT_PRINT_DEPTH: u32 = 24;

/// The rejection of a theorem stating `found` where `expected` was asked,
/// with both printed (as far as [`STATEMENT_PRINT_DEPTH`]).
pub(crate) fn statement_differs(st: &TermStore, expected: ExprId, found: ExprId) -> Rejection {
    Rejection::StatementDiffers {
        expected: st.term_string(expected, STATEMENT_PRINT_DEPTH),
        found: st.term_string(found, STATEMENT_PRINT_DEPTH),
    }
}

fn kind_name(k: &ConstantKind) -> &'static str {
    match k {
        ConstantKind::Axiom { .. } => "an axiom",
        ConstantKind::Definition { .. } => "a definition",
        ConstantKind::Theorem { .. } => "a theorem",
        ConstantKind::Opaque { .. } => "an opaque constant",
        ConstantKind::Quot { .. } => "a quotient constant",
        ConstantKind::Inductive { .. } => "an inductive type",
        ConstantKind::Constructor { .. } => "a constructor",
        ConstantKind::Recursor { .. } => "a recursor",
    }
}

/// blake3 over the domain tag and the digests of statement and proof.
fn proof_hash(st: &TermStore, digests: &mut TermDigests, ty: ExprId, value: ExprId) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(JUDGE_PROOF_DOMAIN);
    h.update(&digests.digest(st, ty));
    h.update(&digests.digest(st, value));
    *h.finalize().as_bytes()
}

fn now_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

//! Custom proofs: requirements whose statement the gate's owner fixes in
//! advance and whose proof the caller supplies as a Lean export fragment.
//!
//! The owner registers a [`CustomStatement`] under an id: a theorem of the
//! trusted environment (its statement, not its proof, is what counts), or a
//! predicate `P : Nat → … → Prop` of it applied to the subject's
//! [`GateSubject::statement_arguments`]. The subject supplies
//! [`GateSubject::custom_proof`]: NDJSON whose last declaration is a
//! theorem. The judge's rules apply, over the gate's environment instead of
//! a challenge file:
//! - every earlier declaration of the fragment restates a constant of the
//!   environment identically (exports carry their dependencies); nothing
//!   new may be declared, so nothing can be redefined and no axiom smuggled
//!   in ([`Rejection::NewDeclaration`], [`Rejection::ChallengeConstantChanged`]);
//! - the theorem has no universe parameters and states exactly the
//!   registered proposition;
//! - its proof depends only on allowed axioms, declared by the environment,
//!   and on nothing unsafe or partial;
//! - the kernel checks the proof against the statement, starting at Deep
//!   (unless the obligation's shape is Reflex), escalation and budgets as
//!   for every obligation.
//!
//! The fragment's terms are interned into the environment's store (they
//! are shared with any later identical proof); its declarations are never
//! added, so the environment and its hash do not change.

use crate::error::GateError;
use crate::judge::{Challenge, Rejection, dependency_rules};
use crate::requirement::{GateSubject, ProofRequirement};
use proofgate_kernel::DeclHeader;
use proofgate_kernel::{ConstantKind, Declaration, ExportReader, ExprId, Kernel, NameId};
use rustc_hash::FxHashMap;

/// What a custom-proof requirement states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CustomStatement {
    /// The statement of a theorem (or axiom) of the environment, without
    /// universe parameters.
    Theorem(String),
    /// A predicate of type `Nat → … → Prop` (`arity` arguments, no universe
    /// parameters) applied to the subject's statement arguments.
    Predicate {
        /// The predicate.
        name: String,
        /// How many `Nat` arguments it takes.
        arity: usize,
    },
}

/// A registered statement, resolved to terms.
#[derive(Clone, Copy, Debug)]
enum Resolved {
    Prop(ExprId),
    Predicate { head: ExprId, arity: usize },
}

/// The statements an environment's owner registered, and the axiom policy
/// custom proofs are held to.
#[derive(Debug)]
pub(crate) struct CustomStatements {
    statements: FxHashMap<u32, Resolved>,
    allowed_axioms: Vec<NameId>,
}

impl CustomStatements {
    /// No statements; the default axiom allow list.
    pub(crate) fn new(kernel: &mut Kernel) -> Self {
        let allowed_axioms = crate::judge::DEFAULT_ALLOWED_AXIOMS
            .iter()
            .map(|a| crate::term::name_of(kernel.store_mut(), a))
            .collect();
        CustomStatements {
            statements: FxHashMap::default(),
            allowed_axioms,
        }
    }

    /// Replaces the axiom allow list.
    pub(crate) fn set_allowed_axioms(&mut self, kernel: &mut Kernel, axioms: &[&str]) {
        self.allowed_axioms = axioms
            .iter()
            .map(|a| crate::term::name_of(kernel.store_mut(), a))
            .collect();
    }

    /// Registers `statement` under `id`.
    pub(crate) fn register(
        &mut self,
        kernel: &mut Kernel,
        id: u32,
        statement: &CustomStatement,
    ) -> Result<(), GateError> {
        if self.statements.contains_key(&id) {
            return Err(GateError::DuplicateStatement(id));
        }
        let name = match statement {
            CustomStatement::Theorem(n) | CustomStatement::Predicate { name: n, .. } => n,
        };
        let n = crate::term::name_of(kernel.store_mut(), name);
        let Some(c) = kernel.env().get(n).cloned() else {
            return Err(GateError::MissingConstant(name.clone()));
        };
        let unusable = |expected: String| GateError::StatementType {
            name: name.clone(),
            expected,
        };
        if !c.level_params.is_empty() {
            return Err(unusable("no universe parameters".into()));
        }
        let resolved = match statement {
            CustomStatement::Theorem(_) => {
                if !matches!(
                    c.kind,
                    ConstantKind::Theorem { .. } | ConstantKind::Axiom { .. }
                ) {
                    return Err(unusable("a theorem or an axiom".into()));
                }
                Resolved::Prop(c.ty)
            }
            CustomStatement::Predicate { arity, .. } => {
                let want_src = format!("{}Prop", "Nat -> ".repeat(*arity));
                let want = crate::term::parse_term(kernel.store_mut(), &[], &want_src)?;
                if c.ty != want {
                    return Err(unusable(format!("type `{want_src}`")));
                }
                Resolved::Predicate {
                    head: kernel.store_mut().cnst(n, &[]),
                    arity: *arity,
                }
            }
        };
        self.statements.insert(id, resolved);
        Ok(())
    }

    /// The proposition of statement `id` for `subject`, and the proof term
    /// of the subject's fragment once it passed the rules above (the kernel
    /// check is the caller's).
    pub(crate) fn statement(
        &self,
        kernel: &mut Kernel,
        req: &ProofRequirement,
        id: u32,
        subject: &dyn GateSubject,
    ) -> Result<(ExprId, ExprId), GateError> {
        let missing = |fact| GateError::MissingEvidence {
            requirement: req.to_string(),
            fact,
        };
        let invalid = |reason: String| GateError::InvalidEvidence {
            requirement: req.to_string(),
            fact: "custom proof",
            reason,
        };
        let rejected = |rejection| GateError::CustomProofRejected {
            requirement: req.to_string(),
            rejection,
        };
        let resolved = *self
            .statements
            .get(&id)
            .ok_or(GateError::UnknownStatement(id))?;
        let prop = match resolved {
            Resolved::Prop(p) => p,
            Resolved::Predicate { head, arity } => {
                let args = subject
                    .statement_arguments(id)
                    .ok_or_else(|| missing("statement arguments"))?;
                if args.len() != arity {
                    return Err(GateError::StatementArity {
                        id,
                        expected: arity,
                        got: args.len(),
                    });
                }
                let st = kernel.store_mut();
                let args: Vec<ExprId> = args.iter().map(|a| st.nat_lit((*a).into())).collect();
                st.apps(head, &args)
            }
        };
        let fragment = subject
            .custom_proof(id)
            .ok_or_else(|| missing("custom proof"))?;
        let mut reader = ExportReader::new(fragment);
        let mut decls: Vec<Declaration> = Vec::new();
        while let Some(d) = reader.next_declaration(kernel.store_mut()) {
            decls.push(d.map_err(|e| invalid(e.to_string()))?);
        }
        let Some((last, restated)) = decls.split_last() else {
            return Err(invalid("the fragment declares nothing".into()));
        };
        let st = kernel.store();
        let mut restatement = Challenge::default();
        for d in restated {
            restatement
                .add(d)
                .map_err(|n| invalid(format!("'{}' is declared twice", st.names.display(n))))?;
        }
        if let Some(r) = restatement.first_change(st, kernel.env(), &[]) {
            return Err(rejected(match r {
                Rejection::ChallengeConstantMissing { name } => Rejection::NewDeclaration { name },
                other => other,
            }));
        }
        let Declaration::Theorem {
            header:
                DeclHeader {
                    name,
                    level_params,
                    ty,
                },
            value,
        } = last
        else {
            let kind = match last {
                Declaration::Definition { .. } => "a definition",
                Declaration::Axiom { .. } => "an axiom",
                Declaration::Opaque { .. } => "an opaque constant",
                _ => "another kind of declaration",
            };
            return Err(rejected(Rejection::NotATheorem { kind }));
        };
        if kernel.env().contains(*name) {
            return Err(rejected(Rejection::ChallengeConstantChanged {
                name: st.names.display(*name),
                difference: crate::judge::Difference::Kind,
            }));
        }
        if !level_params.is_empty() {
            return Err(rejected(Rejection::StatementLevelParamsDiffer));
        }
        if *ty != prop {
            return Err(rejected(crate::judge::statement_differs(st, prop, *ty)));
        }
        let env = kernel.env();
        let (_, verdict) = dependency_rules(kernel, &[*value], &self.allowed_axioms, &|a| {
            matches!(
                env.get(a).map(|c| &c.kind),
                Some(ConstantKind::Axiom { .. })
            )
        });
        verdict.map_err(rejected)?;
        Ok((prop, *value))
    }
}

/// Whether `req` has a custom proof anywhere (such obligations start at Deep).
pub(crate) fn has_custom(req: &ProofRequirement) -> bool {
    match req {
        ProofRequirement::CustomProof { .. } => true,
        ProofRequirement::Composite(rs) => rs.iter().any(has_custom),
        _ => false,
    }
}

/// Resolves every custom proof of `req` (through composites) into `out`.
pub(crate) fn resolve_all(
    statements: &CustomStatements,
    kernel: &mut Kernel,
    req: &ProofRequirement,
    subject: &dyn GateSubject,
    out: &mut FxHashMap<u32, (ExprId, ExprId)>,
) -> Result<(), GateError> {
    match req {
        ProofRequirement::CustomProof { statement } => {
            if !out.contains_key(statement) {
                let s = statements.statement(kernel, req, *statement, subject)?;
                out.insert(*statement, s);
            }
            Ok(())
        }
        ProofRequirement::Composite(rs) => rs
            .iter()
            .try_for_each(|r| resolve_all(statements, kernel, r, subject, out)),
        _ => Ok(()),
    }
}

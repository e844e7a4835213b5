//! Turning a requirement and a value's facts into an obligation: the
//! proposition the requirement means, and the proof the gate offers for it.

use crate::error::GateError;
use crate::invariant::InvariantRegistry;
use crate::obligation::{Obligation, ReflexShape};
use crate::requirement::{GateSubject, ProofRequirement};
use proofgate_kernel::UBig;
use proofgate_kernel::{ExprId, LevelId, TermStore};

/// Ids of the constants statements are built from (interned once).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Terms {
    pub shape: ReflexShape,
    eq: ExprId,
    eq_refl: ExprId,
    nat: ExprId,
    bool_: ExprId,
    bool_true: ExprId,
    and: ExprId,
    and_intro: ExprId,
    true_: ExprId,
    true_intro: ExprId,
    nat_mul: ExprId,
    coherence_at_least: ExprId,
}

impl Terms {
    /// The terms of every obligation [`Builder`] makes of invariants and
    /// composites that do not depend on the value: `@Eq.{1} Bool`,
    /// `Bool.true` and `@Eq.refl.{1} Bool Bool.true` (`is_true`), `And`,
    /// `And.intro`, `True` and `True.intro` (`conjunction`).
    pub(crate) fn fixed_terms(&self, st: &mut TermStore) -> [ExprId; 7] {
        let eq_bool = st.app(self.eq, self.bool_);
        let refl_true = st.apps(self.eq_refl, &[self.bool_, self.bool_true]);
        [
            eq_bool,
            self.bool_true,
            refl_true,
            self.and,
            self.and_intro,
            self.true_,
            self.true_intro,
        ]
    }

    pub(crate) fn new(st: &mut TermStore) -> Terms {
        let one = st.levels.succ(LevelId::ZERO);
        fn c(st: &mut TermStore, n: &str, levels: &[LevelId]) -> ExprId {
            let n = st.names.dotted(n);
            st.cnst(n, levels)
        }
        Terms {
            shape: ReflexShape {
                eq: st.names.dotted("Eq"),
                eq_refl: st.names.dotted("Eq.refl"),
                nat: st.names.dotted("Nat"),
                level_one: st.level_list(&[one]),
            },
            eq: c(st, "Eq", &[one]),
            eq_refl: c(st, "Eq.refl", &[one]),
            nat: c(st, "Nat", &[]),
            bool_: c(st, "Bool", &[]),
            bool_true: c(st, "Bool.true", &[]),
            and: c(st, "And", &[]),
            and_intro: c(st, "And.intro", &[]),
            true_: c(st, "True", &[]),
            true_intro: c(st, "True.intro", &[]),
            nat_mul: c(st, "Nat.mul", &[]),
            coherence_at_least: c(st, "Proofgate.Coherence.atLeast", &[]),
        }
    }
}

/// A proposition and its proof, before shape analysis.
pub(crate) type Stmt = (ExprId, ExprId);

pub(crate) struct Builder<'a> {
    pub st: &'a mut TermStore,
    pub t: &'a Terms,
    pub invariants: &'a InvariantRegistry,
    /// Statement and checked-by-rules proof of each custom proof the
    /// requirement contains, resolved beforehand (`crate::custom`).
    pub custom: &'a rustc_hash::FxHashMap<u32, Stmt>,
}

fn nat(st: &mut TermStore, n: u64) -> ExprId {
    st.nat_lit(UBig::from(n))
}

impl Builder<'_> {
    /// The obligation of `req` for `subject`.
    pub(crate) fn obligation(
        &mut self,
        req: &ProofRequirement,
        subject: &dyn GateSubject,
    ) -> Result<Obligation, GateError> {
        let (prop, proof) = self.statement(req, subject)?;
        Ok(Obligation::new(self.st, &self.t.shape, prop, proof))
    }

    /// `@Eq.{1} Nat a b` proved by `@Eq.refl.{1} Nat a`.
    fn nat_eq(&mut self, a: u64, b: u64) -> Stmt {
        let (a, b) = (nat(self.st, a), nat(self.st, b));
        let prop = self.st.apps(self.t.eq, &[self.t.nat, a, b]);
        let proof = self.st.apps(self.t.eq_refl, &[self.t.nat, a]);
        (prop, proof)
    }

    /// `@Eq.{1} Bool e Bool.true` proved by `@Eq.refl.{1} Bool Bool.true`:
    /// checking it makes the kernel evaluate `e`.
    fn is_true(&mut self, e: ExprId) -> Stmt {
        let prop = self
            .st
            .apps(self.t.eq, &[self.t.bool_, e, self.t.bool_true]);
        let proof = self
            .st
            .apps(self.t.eq_refl, &[self.t.bool_, self.t.bool_true]);
        (prop, proof)
    }

    fn and(&mut self, (p, hp): Stmt, (q, hq): Stmt) -> Stmt {
        let prop = self.st.apps(self.t.and, &[p, q]);
        let proof = self.st.apps(self.t.and_intro, &[p, q, hp, hq]);
        (prop, proof)
    }

    fn missing(req: &ProofRequirement, fact: &'static str) -> GateError {
        GateError::MissingEvidence {
            requirement: req.to_string(),
            fact,
        }
    }

    fn statement(
        &mut self,
        req: &ProofRequirement,
        subject: &dyn GateSubject,
    ) -> Result<Stmt, GateError> {
        match req {
            ProofRequirement::DimensionMatch { expected } => {
                let d = subject
                    .dimension()
                    .ok_or_else(|| Self::missing(req, "dimension"))?;
                Ok(self.nat_eq(d, *expected))
            }
            ProofRequirement::TypeMatch { schema_id } => {
                let s = subject
                    .schema_id()
                    .ok_or_else(|| Self::missing(req, "schema id"))?;
                Ok(self.nat_eq(s, *schema_id))
            }
            ProofRequirement::InvariantPreserved { invariant_id } => {
                let inv = self
                    .invariants
                    .get(*invariant_id)
                    .ok_or(GateError::UnknownInvariant(*invariant_id))?;
                let args = subject
                    .invariant_arguments(*invariant_id)
                    .ok_or_else(|| Self::missing(req, "invariant arguments"))?;
                if args.len() != inv.arity {
                    return Err(GateError::InvariantArity {
                        id: *invariant_id,
                        expected: inv.arity,
                        got: args.len(),
                    });
                }
                let head = inv.constant;
                let args: Vec<ExprId> = args.iter().map(|a| nat(self.st, *a)).collect();
                let e = self.st.apps(head, &args);
                Ok(self.is_true(e))
            }
            ProofRequirement::CoherenceBound { min_coherence } => {
                let c = subject
                    .coherence()
                    .ok_or_else(|| Self::missing(req, "coherence"))?;
                let invalid = |fact: &'static str, v: f64| GateError::InvalidEvidence {
                    requirement: req.to_string(),
                    fact,
                    reason: format!("{v} is not a finite number"),
                };
                if !c.is_finite() {
                    return Err(invalid("coherence", c));
                }
                if !min_coherence.is_finite() {
                    return Err(invalid("threshold", *min_coherence));
                }
                let args =
                    crate::coherence::comparison_args(self.st, self.t.nat_mul, c, *min_coherence);
                let e = self.st.apps(self.t.coherence_at_least, &args);
                Ok(self.is_true(e))
            }
            ProofRequirement::CustomProof { statement } => self
                .custom
                .get(statement)
                .copied()
                .ok_or(GateError::UnknownStatement(*statement)),
            ProofRequirement::Composite(reqs) => {
                let mut stmts = Vec::with_capacity(reqs.len());
                for r in reqs {
                    stmts.push(self.statement(r, subject)?);
                }
                if stmts.is_empty() {
                    return Ok((self.t.true_, self.t.true_intro));
                }
                Ok(self.conjunction(&stmts))
            }
        }
    }

    /// A balanced tree of `And`: the kernel's recursion over it is
    /// logarithmic in the number of conjuncts, so long composites fit the
    /// depth limit.
    fn conjunction(&mut self, stmts: &[Stmt]) -> Stmt {
        match stmts {
            [one] => *one,
            _ => {
                let (l, r) = stmts.split_at(stmts.len() / 2);
                let l = self.conjunction(l);
                let r = self.conjunction(r);
                self.and(l, r)
            }
        }
    }
}

//! The verifier: the kernel, the terms statements are built from, the
//! registered invariants and custom statements, and the tiers. An
//! obligation goes in, a typed verdict comes out; nothing here remembers
//! what was proved (that is the memo's, the cache's and the receipt book's).
//!
//! Invariant: every declaration goes through the kernel, and every
//! obligation not decided by Reflex's identity check is checked by it.

use crate::custom::{CustomStatement, CustomStatements};
use crate::error::GateError;
use crate::invariant::{Invariant, InvariantRegistry};
use crate::obligation::Obligation;
use crate::requirement::{GateSubject, ProofRequirement};
use crate::statement::{Builder, Terms};
use crate::tier::{
    Attempt, ProofTier, TierConfig, TierFailure, Verdict, attempt, route_proof, verify_tiered,
};
use proofgate_kernel::{Declaration, ExprId, Kernel, Limits, Residual, TermStore};
use rustc_hash::FxHashMap;

/// Fuel of staging one invariant (`Kernel::stage_predicate`): time and
/// memory bounded as any check's; a predicate that needs more keeps the
/// kernel route.
const STAGE_FUEL: u64 = 1_000_000;

/// Kernel, statement terms, registries and tier budgets.
pub(crate) struct Verifier {
    kernel: Kernel,
    terms: Terms,
    invariants: InvariantRegistry,
    custom: CustomStatements,
    config: TierConfig,
}

impl Verifier {
    /// An empty kernel (no prelude).
    pub(crate) fn new() -> Self {
        let mut kernel = Kernel::new();
        let terms = Terms::new(kernel.store_mut());
        let custom = CustomStatements::new(&mut kernel);
        Verifier {
            kernel,
            terms,
            invariants: InvariantRegistry::default(),
            custom,
            config: TierConfig::default(),
        }
    }

    pub(crate) fn kernel(&self) -> &Kernel {
        &self.kernel
    }

    pub(crate) fn store(&self) -> &TermStore {
        self.kernel.store()
    }

    pub(crate) fn store_mut(&mut self) -> &mut TermStore {
        self.kernel.store_mut()
    }

    pub(crate) fn config(&self) -> &TierConfig {
        &self.config
    }

    pub(crate) fn set_config(&mut self, config: TierConfig) {
        self.config = config;
    }

    /// Checks a declaration in the kernel and adds it.
    pub(crate) fn declare(&mut self, decl: &Declaration) -> Result<(), GateError> {
        self.kernel
            .check_with_fuel(decl, Limits::DEFAULT)
            .map(|_| ())
            .map_err(|error| GateError::Declaration {
                name: self.kernel.store().names.display(decl.name()),
                error,
            })
    }

    /// Registers invariant `id`: `name` must be a declared definition of
    /// type `Nat -> ... -> Bool` taking `arity` arguments.
    pub(crate) fn register_invariant(
        &mut self,
        id: u32,
        name: &str,
        arity: usize,
    ) -> Result<(), GateError> {
        let n = self.kernel.store_mut().names.dotted(name);
        let Some(declared) = self
            .kernel
            .env()
            .get(n)
            .map(|c| (c.ty, c.level_params.len()))
        else {
            return Err(GateError::MissingConstant(name.to_owned()));
        };
        // The obligation applies it to `arity` Nat literals and compares with
        // `Bool.true`: its type must be exactly `Nat -> ... -> Bool`.
        let want_src = format!("{}Bool", "Nat -> ".repeat(arity));
        let want = crate::term::parse_term(self.kernel.store_mut(), &[], &want_src)?;
        if declared != (want, 0) {
            return Err(GateError::InvariantType {
                name: name.to_owned(),
                expected: want_src,
            });
        }
        let constant = self.kernel.store_mut().cnst(n, &[]);
        let inv = Invariant {
            name: name.to_owned(),
            constant,
            arity,
            description: None,
        };
        if self.invariants.insert(id, inv) {
            Ok(())
        } else {
            Err(GateError::DuplicateInvariant(id))
        }
    }

    pub(crate) fn describe_invariant(
        &mut self,
        id: u32,
        description: String,
    ) -> Result<(), GateError> {
        if self.invariants.describe(id, description) {
            Ok(())
        } else {
            Err(GateError::UnknownInvariant(id))
        }
    }

    pub(crate) fn invariants(&self) -> &InvariantRegistry {
        &self.invariants
    }

    pub(crate) fn register_statement(
        &mut self,
        id: u32,
        statement: &CustomStatement,
    ) -> Result<(), GateError> {
        self.custom.register(&mut self.kernel, id, statement)
    }

    pub(crate) fn set_allowed_axioms(&mut self, axioms: &[&str]) {
        self.custom.set_allowed_axioms(&mut self.kernel, axioms);
    }

    /// Builds the obligation of `requirement` for `subject`; one holding a
    /// custom proof starts at Deep.
    pub(crate) fn build(
        &mut self,
        requirement: &ProofRequirement,
        subject: &dyn GateSubject,
    ) -> Result<Obligation, GateError> {
        let terms = self.terms;
        let mut custom = FxHashMap::default();
        let has_custom = crate::custom::has_custom(requirement);
        if has_custom {
            crate::custom::resolve_all(
                &self.custom,
                &mut self.kernel,
                requirement,
                subject,
                &mut custom,
            )?;
        }
        let ob = Builder {
            st: self.kernel.store_mut(),
            t: &terms,
            invariants: &self.invariants,
            custom: &custom,
        }
        .obligation(requirement, subject)?;
        Ok(if has_custom { ob.routed_deep() } else { ob })
    }

    /// An obligation from explicit terms (shape read from the store).
    pub(crate) fn obligation_from_terms(&self, prop: ExprId, proof: ExprId) -> Obligation {
        Obligation::new(self.kernel.store(), &self.terms.shape, prop, proof)
    }

    /// Invariant `id`'s constant and arity.
    pub(crate) fn invariant_head(&self, id: u32) -> Option<(ExprId, usize)> {
        let inv = self.invariants.get(id)?;
        Some((inv.constant, inv.arity))
    }

    /// The fixed terms of obligations (`Terms::fixed_terms`).
    pub(crate) fn fixed_terms(&mut self) -> [ExprId; 7] {
        let t = self.terms;
        t.fixed_terms(self.kernel.store_mut())
    }

    /// Stages invariant `id`'s predicate (`proofgate_kernel::Kernel::stage_predicate`).
    pub(crate) fn stage(&mut self, head: ExprId, arity: usize) -> Result<Residual, String> {
        let limits = Limits {
            fuel: STAGE_FUEL,
            max_recursion: self.config.max_recursion,
            ..Limits::DEFAULT
        };
        match self.kernel.stage_predicate(head, arity, limits) {
            Ok(Ok(r)) => Ok(r),
            Ok(Err(not)) => Err(not.0),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Routes `ob` and checks it, escalating only when a tier could not decide.
    pub(crate) fn verify(&mut self, ob: &Obligation) -> Result<Verdict, TierFailure> {
        let start = route_proof(ob, &self.config);
        verify_tiered(&mut self.kernel, ob, start, &self.config)
    }

    /// Runs exactly one tier on `ob`.
    pub(crate) fn attempt(&mut self, ob: &Obligation, tier: ProofTier) -> Attempt {
        attempt(&mut self.kernel, ob, tier, &self.config)
    }
}

#[cfg(test)]
mod tests {
    use super::Verifier;
    use crate::tier::ProofTier;
    use proofgate_kernel::UBig;
    use proofgate_kernel::{Declaration, LevelId};

    /// No prelude: two axioms `P : Prop`, `hp : P`, and a literal equality
    /// (which Reflex decides by identity, without `Nat` or `Eq` declared).
    #[test]
    fn obligations_in_typed_verdicts_out() {
        let mut v = Verifier::new();
        let st = v.store_mut();
        let (p, hp) = (st.names.dotted("P"), st.names.dotted("hp"));
        let prop = st.sort(LevelId::ZERO);
        let p_c = st.cnst(p, &[]);
        v.declare(&Declaration::Axiom {
            header: proofgate_kernel::DeclHeader {
                name: p,
                level_params: vec![],
                ty: prop,
            },
            is_unsafe: false,
        })
        .unwrap();
        v.declare(&Declaration::Axiom {
            header: proofgate_kernel::DeclHeader {
                name: hp,
                level_params: vec![],
                ty: p_c,
            },
            is_unsafe: false,
        })
        .unwrap();
        let hp_c = v.store_mut().cnst(hp, &[]);
        let ok = v.obligation_from_terms(p_c, hp_c);
        let verdict = v.verify(&ok).unwrap();
        assert_eq!(verdict.tier, ProofTier::Standard);
        assert!(verdict.steps > 0);
        let wrong = v.obligation_from_terms(hp_c, p_c);
        let failure = v.verify(&wrong).unwrap_err();
        assert_eq!(
            failure.tier,
            ProofTier::Standard,
            "a definite rejection never escalates"
        );

        let st = v.store_mut();
        let one = st.levels.succ(LevelId::ZERO);
        let (eq, refl, nat) = (
            st.names.dotted("Eq"),
            st.names.dotted("Eq.refl"),
            st.names.dotted("Nat"),
        );
        let (eq, refl, nat) = (
            st.cnst(eq, &[one]),
            st.cnst(refl, &[one]),
            st.cnst(nat, &[]),
        );
        let n = st.nat_lit(UBig::from(7u32));
        let (prop, proof) = (st.apps(eq, &[nat, n, n]), st.apps(refl, &[nat, n]));
        let lit = v.obligation_from_terms(prop, proof);
        assert_eq!(
            v.verify(&lit).unwrap(),
            crate::tier::Verdict {
                tier: ProofTier::Reflex,
                steps: 0
            }
        );
        assert!(
            v.declare(&Declaration::Axiom {
                header: proofgate_kernel::DeclHeader {
                    name: p,
                    level_params: vec![],
                    ty: prop
                },
                is_unsafe: false
            })
            .is_err()
        );
    }
}

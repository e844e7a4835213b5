//! The type checker: inference (`infer.rs`), weak head normalisation
//! (`whnf.rs`), definitional equality (`defeq.rs`) and iota/K/structure
//! reduction (`iota.rs`), all metered by one [`Meter`].
//!
//! A `TypeChecker` lives for one check. Its caches are keyed by term ids,
//! which are unique per structure (hash-consing) and per free variable, so
//! shared subterms are processed once.

mod context;
mod defeq;
mod infer;
mod instances;
mod iota;
mod prop;
mod whnf;
mod workspace;

pub use workspace::Workspace;
pub(crate) use workspace::reset_map;

use crate::declaration::{ConstantInfo, ConstantKind, DefinitionSafety};
use crate::env::{Environment, Position, WellKnown};
use crate::error::KernelError;
use crate::expr::{ExprId, ExprNode};
use crate::fuel::{Limits, Meter};
use crate::level::LevelId;
use crate::name::NameId;
use crate::store::TermStore;

/// Result alias of the checker.
pub type TcResult<T> = Result<T, KernelError>;

/// A constant's universe parameters, copied out of the environment without
/// a heap allocation (constants have a handful at most).
pub(crate) type LevelParams = smallvec::SmallVec<[NameId; 4]>;

/// Universe levels of a constant occurrence, copied out of the store.
pub(crate) type Levels = smallvec::SmallVec<[LevelId; 4]>;

/// Free variables opened while walking under binders.
pub(crate) type Binders = smallvec::SmallVec<[ExprId; 8]>;

/// A type checker for one declaration or one query.
pub struct TypeChecker<'a> {
    pub(crate) st: &'a mut TermStore,
    pub(crate) env: &'a Environment,
    pub(crate) wk: &'a WellKnown,
    /// Universe parameters in scope (`None`: not checked).
    pub(crate) lparams: Option<crate::level::ParamScope>,
    pub(crate) safety: DefinitionSafety,
    pub(crate) meter: Meter,
    /// Local context, caches and scratch buffers of this check.
    pub(crate) ws: Workspace,
    /// The definition this check verified as a primitive (`primitive.rs`),
    /// for the environment to record once it is added.
    pub(crate) verified_primitive: Option<NameId>,
    /// The position of the declaration checked: only constants before it
    /// are visible (`Position::MAX`: all of them; see `parallel.rs`).
    pub(crate) horizon: Position,
}

impl<'a> TypeChecker<'a> {
    /// A checker that works in `ws` (emptied first, so nothing from an
    /// earlier check is visible; only its allocations are reused). Give the
    /// workspace back with [`TypeChecker::into_workspace`].
    pub fn with_workspace(
        st: &'a mut TermStore,
        env: &'a Environment,
        wk: &'a WellKnown,
        limits: Limits,
        mut ws: Workspace,
    ) -> TypeChecker<'a> {
        ws.reset();
        ws.instances.bind(st.id());
        let meter = Meter::new(limits);
        st.start_work(meter.work_limit());
        TypeChecker {
            st,
            env,
            wk,
            lparams: None,
            safety: DefinitionSafety::Safe,
            meter,
            ws,
            verified_primitive: None,
            horizon: Position::MAX,
        }
    }

    /// Pays for the term work done since the last payment; fails once
    /// steps and work exceed the fuel.
    #[inline]
    pub(crate) fn charge_work(&mut self) -> TcResult<()> {
        if self.st.work_exhausted() {
            return Err(self.work_ran_out());
        }
        self.meter.sync_work(self.st.work())
    }

    /// The error of a check whose term work passed its budget.
    pub(crate) fn work_ran_out(&self) -> KernelError {
        KernelError::OutOfFuel {
            used: self.meter.limits().fuel,
            needed: 1,
            limit: self.meter.limits().fuel,
        }
    }

    /// Counts one step (and pays for term work).
    #[inline]
    pub(crate) fn tick(&mut self) -> TcResult<()> {
        self.charge_work()?;
        self.meter.tick()
    }

    /// Enters one level of recursion (and pays for term work).
    #[inline]
    pub(crate) fn enter(&mut self) -> TcResult<()> {
        self.charge_work()?;
        self.meter.enter()
    }

    /// The outcome of a check, once its last term work is paid for: out of
    /// fuel if the work exceeded the budget, whatever the check concluded
    /// (a substitution cut short may have misled it).
    pub fn finish<T>(&mut self, r: TcResult<T>) -> TcResult<T> {
        let paid = self.charge_work();
        match (r, paid) {
            // Already out of fuel: that error says what did not fit.
            (Err(e @ KernelError::OutOfFuel { .. }), _) => Err(e),
            (_, Err(e)) => Err(e),
            (r, Ok(())) => r,
        }
    }

    /// Ends the check, returning its workspace for the next one.
    pub fn into_workspace(self) -> Workspace {
        self.ws
    }

    /// Looks up a constant (pending block first).
    pub(crate) fn lookup(&self, n: NameId) -> Option<&ConstantInfo> {
        self.ws
            .pending
            .get(&n)
            .or_else(|| self.env.get_before(n, self.horizon))
    }

    pub(crate) fn name(&self, n: NameId) -> String {
        self.st.names.display(n)
    }

    /// The deepest term a traversal accepts. Depths saturate at u16::MAX,
    /// so no limit above that can be honoured.
    pub(crate) fn depth_limit(&self) -> u32 {
        self.meter.limits().max_term_depth.min(u16::MAX as u32 - 1)
    }

    /// Rejects a term deeper than the traversal limit.
    pub(crate) fn guard_depth(&self, e: ExprId) -> TcResult<()> {
        let depth = self.st.depth(e);
        let limit = self.depth_limit();
        if depth > limit {
            return Err(KernelError::TermTooDeep { depth, limit });
        }
        Ok(())
    }

    /// A new free variable of type `ty`.
    pub(crate) fn fvar(&mut self, ty: ExprId) -> ExprId {
        let i = self.ws.locals.len() as u32;
        self.ws.locals.push(ty);
        self.st.mk(ExprNode::FVar(i))
    }

    /// Instantiates `e`'s loose indices with `subst` (last element is `#0`).
    pub(crate) fn inst(&mut self, e: ExprId, subst: &[ExprId]) -> TcResult<ExprId> {
        // Only the last `lbr(e)` elements can occur in the result: guarding
        // the others would make one argument of a long spine cost the
        // whole spine (quadratic over `infer_app`'s lazy substitutions).
        let lbr = self.st.lbr(e) as usize;
        if lbr == 0 || subst.is_empty() {
            return Ok(e);
        }
        self.guard_depth(e)?;
        for &s in &subst[subst.len().saturating_sub(lbr)..] {
            self.guard_depth(s)?;
        }
        let r = self.st.instantiate_rev(e, subst);
        self.charge_work()?;
        Ok(r)
    }

    /// Abstracts `fvars` out of `e`.
    pub(crate) fn abst(&mut self, e: ExprId, fvars: &[ExprId]) -> TcResult<ExprId> {
        self.guard_depth(e)?;
        let r = self.st.abstract_fvars(e, fvars);
        self.charge_work()?;
        Ok(r)
    }

    /// `(x1 : T1) → ... → body` over free variables.
    pub(crate) fn close_pi(&mut self, fvars: &[ExprId], body: ExprId) -> TcResult<ExprId> {
        self.close(fvars, body, true)
    }

    /// `fun (x1 : T1) ... => body` over free variables.
    pub(crate) fn close_lambda(&mut self, fvars: &[ExprId], body: ExprId) -> TcResult<ExprId> {
        self.close(fvars, body, false)
    }

    fn close(&mut self, fvars: &[ExprId], body: ExprId, pi: bool) -> TcResult<ExprId> {
        let mut r = self.abst(body, fvars)?;
        // One position table for every binder's type: its prefix
        // `fvars[..i]` holds exactly the variables at positions below i
        // (each variable is listed once; fresh variables are distinct).
        let positions = crate::instantiate::fvar_positions(fvars);
        let distinct = positions.len() == fvars.len();
        for i in (0..fvars.len()).rev() {
            let ExprNode::FVar(k) = self.st.node(fvars[i]) else {
                return Err(KernelError::Internal("closing over a non-variable"));
            };
            let ty = self.ws.locals[k as usize];
            let d = if distinct {
                self.guard_depth(ty)?;
                let pos = |x: ExprId| positions.get(&x).copied().filter(|&p| p < i);
                let d = self.st.abstract_fvars_at(ty, i, &pos);
                self.charge_work()?;
                d
            } else {
                self.abst(ty, &fvars[..i])?
            };
            r = if pi {
                self.st.pi(d, r)
            } else {
                self.st.lam(d, r)
            };
        }
        Ok(r)
    }

    /// Type of a free variable.
    pub(crate) fn fvar_type(&self, e: ExprId) -> Option<ExprId> {
        match self.st.node(e) {
            ExprNode::FVar(k) => Some(self.ws.locals[k as usize]),
            _ => None,
        }
    }

    /// Checks that a level only uses universe parameters in scope.
    pub(crate) fn check_level(&self, l: LevelId) -> TcResult<()> {
        if let Some(ps) = &self.lparams
            && let Some(p) = self.st.levels.undeclared_param(l, ps)
        {
            return Err(KernelError::UndeclaredLevelParam(self.name(p)));
        }
        Ok(())
    }

    /// `e` as text for a rejection, cut at a depth that keeps it readable.
    pub(crate) fn render(&self, e: ExprId) -> String {
        self.st.term_string(e, 12)
    }

    /// Whether `e` is the constant `n` with no universe levels. The kernel's
    /// shortcuts for level-free constants of the prelude (`Bool.true`,
    /// `Nat.zero`, `Nat.succ`, the `Nat` operations) ask this rather than the
    /// name alone, so a term carrying levels the constant does not have is
    /// never treated as that constant without being type-checked.
    pub(crate) fn is_const_of(&self, e: ExprId, n: NameId) -> bool {
        matches!(self.st.node(e), ExprNode::Const(m, ls) if m == n && self.st.levels_of(ls).is_empty())
    }

    /// Inductive data of a type name, if it is an inductive type.
    pub(crate) fn inductive_info(&self, n: NameId) -> Option<&ConstantInfo> {
        self.lookup(n)
            .filter(|c| matches!(c.kind, ConstantKind::Inductive { .. }))
    }

    /// Lean's `is_structure_like`: one constructor, no indices, not recursive.
    pub(crate) fn is_structure_like(&self, n: NameId) -> bool {
        matches!(
            self.inductive_info(n).map(|c| &c.kind),
            Some(ConstantKind::Inductive { ctors, num_indices: 0, is_rec: false, .. }) if ctors.len() == 1
        )
    }

    /// Whether `e` is an application of a constructor (returns its data).
    pub(crate) fn ctor_app(&self, e: ExprId) -> Option<(NameId, &ConstantInfo)> {
        let (n, _) = self.st.head_const(e)?;
        let c = self.lookup(n)?;
        matches!(c.kind, ConstantKind::Constructor { .. }).then_some((n, c))
    }

    /// The type of a constant at the given levels.
    pub(crate) fn const_type(&mut self, n: NameId, ls: crate::expr::LevelsId) -> TcResult<ExprId> {
        let Some(info) = self.lookup(n) else {
            return Err(KernelError::UnknownConstant(self.name(n)));
        };
        let (ty, params) = (info.ty, LevelParams::from_slice(&info.level_params));
        let got = self.st.levels_of(ls).len();
        if got != params.len() {
            return Err(KernelError::WrongLevelCount {
                name: self.name(n),
                expected: params.len(),
                got,
            });
        }
        self.instance(n, ty, &params, ls)
    }
}

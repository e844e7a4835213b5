//! The public entry point: a [`Kernel`] owns an environment and its term
//! store, checks declarations into it, and answers typing, reduction and
//! equality queries under a fuel budget.

use crate::DeclHeader;
use crate::declaration::{ConstantInfo, ConstantKind, Declaration, DefinitionSafety, QuotKind};
use crate::env::{Environment, Position, WellKnown};
use crate::error::KernelError;
use crate::expr::{ExprId, ExprNode};
use crate::fuel::Limits;
use crate::level::ParamScope;
use crate::name::NameId;
use crate::residual::Residual;
use crate::rule::{QuotRule, TypeRule};
use crate::stage::{NotStaged, Stager};
use crate::store::TermStore;
use crate::tc::{TcResult, TypeChecker, Workspace};

/// What a check cost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Reduction/inference steps used (the figure attestations carry).
    pub steps: u64,
    /// Deepest nesting of the checker's recursion.
    pub peak_recursion: u32,
    /// Constants added to the environment.
    pub constants_added: usize,
}

/// A Lean 4 compatible kernel: an environment plus its terms.
pub struct Kernel {
    store: TermStore,
    env: Environment,
    wk: WellKnown,
    total_steps: u64,
    /// Working memory lent to each check (emptied before each one).
    ws: Workspace,
}

impl Default for Kernel {
    fn default() -> Self {
        Kernel::new()
    }
}

impl Kernel {
    /// An empty environment.
    pub fn new() -> Kernel {
        let mut store = TermStore::default();
        let wk = WellKnown::new(&mut store.names);
        Kernel {
            store,
            env: Environment::default(),
            wk,
            total_steps: 0,
            ws: Workspace::default(),
        }
    }

    /// The term store (build terms here before submitting them).
    pub fn store(&self) -> &TermStore {
        &self.store
    }

    /// Mutable access to the term store, for building terms and names.
    pub fn store_mut(&mut self) -> &mut TermStore {
        &mut self.store
    }

    /// The environment of checked constants.
    pub fn env(&self) -> &Environment {
        &self.env
    }

    /// Bytes the environment keeps: its constants and the store's
    /// persistent terms, names, literals and levels, by element sizes (a
    /// lower bound: allocators' spare capacity left out).
    pub fn kept_bytes(&self) -> u64 {
        self.store.kept_bytes() + self.env.kept_bytes()
    }

    /// Total steps used by every check so far.
    pub fn total_steps(&self) -> u64 {
        self.total_steps
    }

    /// Checks a declaration with default limits and adds it.
    pub fn add_declaration(&mut self, decl: &Declaration) -> Result<CheckReport, KernelError> {
        self.check_with_fuel(decl, Limits::DEFAULT)
    }

    /// Checks a declaration under `limits` and adds its constants if it is
    /// well-typed; on error the environment is unchanged.
    pub fn check_with_fuel(
        &mut self,
        decl: &Declaration,
        limits: Limits,
    ) -> Result<CheckReport, KernelError> {
        self.validate_ids(decl)?;
        self.store.check_capacity()?;
        let ((cs, primitive), mut report) = self.in_scratch(
            None,
            limits,
            |tc| Ok((check_declaration(tc, decl)?, tc.verified_primitive)),
            |k, (cs, primitive)| {
                let cs: Vec<ConstantInfo> = cs.into_iter().map(|c| k.persist_constant(c)).collect();
                (cs, primitive)
            },
        )?;
        // The environment never replaces a constant, whichever rule produced
        // the new ones (a block's auxiliary recursors are named by the kernel,
        // not the export): one last check here covers every path.
        for (i, c) in cs.iter().enumerate() {
            if self.env.contains(c.name) || cs[..i].iter().any(|p| p.name == c.name) {
                return Err(KernelError::AlreadyDeclared(
                    self.store.names.display(c.name),
                ));
            }
        }
        report.constants_added = cs.len();
        self.total_steps += report.steps;
        self.env.insert_declaration(cs);
        if let Some(p) = primitive {
            self.env.mark_verified_primitive(p);
        }
        Ok(report)
    }

    /// Rejects ids that do not belong to this kernel's store (they would
    /// otherwise index out of bounds).
    fn validate_ids(&self, decl: &Declaration) -> Result<(), KernelError> {
        let mut exprs = Vec::new();
        let mut names = Vec::new();
        let mut consts: Vec<&ConstantInfo> = Vec::new();
        if let Some(h) = decl.header() {
            names.push(h.name);
            names.extend(&h.level_params);
            exprs.push(h.ty);
        }
        match decl {
            Declaration::Axiom { .. } | Declaration::Quot { .. } => {}
            Declaration::Definition { value, .. }
            | Declaration::Theorem { value, .. }
            | Declaration::Opaque { value, .. } => exprs.push(*value),
            Declaration::Inductive(b) => {
                names.extend(&b.level_params);
                for t in &b.types {
                    names.push(t.name);
                    exprs.push(t.ty);
                    for (c, ct) in &t.ctors {
                        names.push(*c);
                        exprs.push(*ct);
                    }
                }
                if let Some(cl) = &b.claimed {
                    consts.extend(cl.types.iter().chain(&cl.ctors).chain(&cl.recs));
                }
            }
        }
        for c in consts {
            names.push(c.name);
            names.extend(&c.level_params);
            exprs.push(c.ty);
            if let ConstantKind::Recursor { rules, all, .. } = &c.kind {
                names.extend(all);
                for r in rules {
                    names.push(r.ctor);
                    exprs.push(r.rhs);
                }
            }
        }
        if exprs
            .iter()
            .any(|e| e.is_scratch() || !self.store.is_valid(*e))
        {
            return Err(TypeRule::ForeignId("term").into());
        }
        if names.iter().any(|n| n.0 as usize >= self.store.names.len()) {
            return Err(TypeRule::ForeignId("name").into());
        }
        Ok(())
    }

    fn persist_constant(&mut self, mut c: ConstantInfo) -> ConstantInfo {
        c.ty = self.store.persist(c.ty);
        match &mut c.kind {
            ConstantKind::Definition { value, .. }
            | ConstantKind::Theorem { value }
            | ConstantKind::Opaque { value, .. } => *value = self.store.persist(*value),
            ConstantKind::Recursor { rules, .. } => {
                for r in rules {
                    r.rhs = self.store.persist(r.rhs);
                }
            }
            _ => {}
        }
        c
    }

    /// Runs `check` in a fresh scratch region under `limits` (universe
    /// parameters `level_params` in scope, if given), then `persist` on its
    /// result before the region is emptied: the one setup of every check
    /// and query.
    fn in_scratch<T>(
        &mut self,
        level_params: Option<&[NameId]>,
        limits: Limits,
        check: impl FnOnce(&mut TypeChecker<'_>) -> TcResult<T>,
        persist: impl FnOnce(&mut Kernel, T) -> T,
    ) -> Result<(T, CheckReport), KernelError> {
        self.store.begin_scratch();
        let result = run_check(
            &mut self.store,
            &self.env,
            &self.wk,
            &mut self.ws,
            (level_params, Position::MAX),
            limits,
            check,
        );
        let result = result.map(|(v, rep)| (persist(self, v), rep));
        // Before the scratch region is emptied: it may be what ran out.
        let capacity = self.store.check_capacity();
        self.store.end_scratch();
        capacity?;
        result
    }

    /// Adds `decl`'s constant now and leaves its check for later, when a
    /// thread of the parallel checker runs [`check_deferred`]; `None` if it
    /// must be checked in place (what [`Kernel::check_with_fuel`] does):
    /// a block, a quotient, a name the kernel treats by name, or a name
    /// already taken (its error is the in-place check's). Until every
    /// deferred declaration has passed, nothing this kernel says may be
    /// trusted, so only `parallel.rs` calls this, on a kernel it owns.
    pub(crate) fn defer(
        &mut self,
        decl: &Declaration,
        name_keyed: &rustc_hash::FxHashSet<NameId>,
    ) -> Result<Option<Position>, KernelError> {
        let deferrable = matches!(
            decl,
            Declaration::Axiom { .. }
                | Declaration::Definition { .. }
                | Declaration::Theorem { .. }
                | Declaration::Opaque { .. }
        );
        let name = decl.name();
        if !deferrable || name_keyed.contains(&name) || self.env.contains(name) {
            return Ok(None);
        }
        self.validate_ids(decl)?;
        self.store.check_capacity()?;
        let c = own(decl)?;
        Ok(Some(self.env.insert_declaration(vec![c])))
    }

    /// Freezes what was read and added so far, so forks made next see it
    /// (`layered.rs`); fails while a fork is alive.
    pub(crate) fn freeze(&mut self) -> Result<(), KernelError> {
        let (store, env) = (self.store.freeze(), self.env.freeze());
        if store && env {
            Ok(())
        } else {
            Err(KernelError::Internal(
                "froze the tables while a fork shared them",
            ))
        }
    }

    /// What one thread of a parallel check owns: a fork of the store and
    /// of the environment (their frozen layers shared), and the built-in
    /// names.
    pub(crate) fn fork(&self) -> (TermStore, Environment, WellKnown) {
        (self.store.fork(), self.env.fork(), self.wk.clone())
    }

    fn query<T>(
        &mut self,
        level_params: &[NameId],
        limits: Limits,
        f: impl FnOnce(&mut TypeChecker<'_>) -> TcResult<T>,
        persist: impl FnOnce(&mut TermStore, T) -> T,
    ) -> Result<(T, CheckReport), KernelError> {
        let (v, rep) = self.in_scratch(Some(level_params), limits, f, |k, v| {
            persist(&mut k.store, v)
        })?;
        self.total_steps += rep.steps;
        Ok((v, rep))
    }

    /// Does `term` have type `ty` (both closed, universe parameters
    /// `level_params`) within `limits`? `Ok` carries the cost.
    pub fn check_term(
        &mut self,
        term: ExprId,
        ty: ExprId,
        level_params: &[NameId],
        limits: Limits,
    ) -> Result<CheckReport, KernelError> {
        let (mismatch, rep) = self.query(
            level_params,
            limits,
            |tc| {
                check_closed(tc, term)?;
                check_closed(tc, ty)?;
                let s = tc.infer(ty)?;
                tc.ensure_sort(s)?;
                let t = tc.infer(term)?;
                // Rendered here: the inferred type dies with the check.
                Ok((!tc.is_def_eq(t, ty)?).then(|| (tc.render(t), tc.render(ty))))
            },
            |_, v| v,
        )?;
        match mismatch {
            Some((found, expected)) => Err(TypeRule::QueryTypeMismatch { found, expected }.into()),
            None => Ok(rep),
        }
    }

    /// Infers (and checks) the type of a closed term.
    pub fn infer(
        &mut self,
        term: ExprId,
        level_params: &[NameId],
        limits: Limits,
    ) -> Result<(ExprId, CheckReport), KernelError> {
        self.query(
            level_params,
            limits,
            |tc| {
                check_closed(tc, term)?;
                tc.infer(term)
            },
            |st, e| st.persist(e),
        )
    }

    /// Weak head normal form of a closed term.
    pub fn whnf(
        &mut self,
        term: ExprId,
        limits: Limits,
    ) -> Result<(ExprId, CheckReport), KernelError> {
        self.query(
            &[],
            limits,
            |tc| {
                check_closed(tc, term)?;
                tc.whnf(term)
            },
            |st, e| st.persist(e),
        )
    }

    /// Stages the predicate `f : Nat → … → Nat → Bool` of `arity`
    /// arguments into a residual program (`stage.rs`), under `limits`:
    /// `Ok(Err(_))` says why it does not stage (the kernel then keeps
    /// answering for it), `Err` is a kernel error (`f` ill-typed or not
    /// closed, a limit).
    pub fn stage_predicate(
        &mut self,
        f: ExprId,
        arity: usize,
        limits: Limits,
    ) -> Result<Result<Residual, NotStaged>, KernelError> {
        let (r, _) = self.query(
            &[],
            limits,
            |tc| {
                check_closed(tc, f)?;
                let ty = tc.infer(f)?;
                let (nat, boolean) = (tc.wk.nat, tc.wk.boolean);
                let nat = tc.st.cnst(nat, &[]);
                let mut want = tc.st.cnst(boolean, &[]);
                for _ in 0..arity {
                    want = tc.st.pi(nat, want);
                }
                if !tc.is_def_eq(ty, want)? {
                    return Ok(Err(NotStaged(format!(
                        "its type is `{}`, not `Nat → … → Bool` of {arity} arguments",
                        tc.render(ty)
                    ))));
                }
                let vars: Vec<ExprId> = (0..arity).map(|_| tc.fvar(nat)).collect();
                let e = tc.st.apps(f, &vars);
                Stager::new(vars).run(tc, e)
            },
            |_, v| v,
        )?;
        Ok(r)
    }

    /// Whether two closed terms are definitionally equal.
    pub fn is_def_eq(
        &mut self,
        a: ExprId,
        b: ExprId,
        limits: Limits,
    ) -> Result<(bool, CheckReport), KernelError> {
        self.query(
            &[],
            limits,
            |tc| {
                check_closed(tc, a)?;
                check_closed(tc, b)?;
                tc.is_def_eq(a, b)
            },
            |_, v| v,
        )
    }
}

/// One check in `st`'s scratch region (begun by the caller), universe
/// parameters and horizon as given: the setup every check shares.
fn run_check<T>(
    st: &mut TermStore,
    env: &Environment,
    wk: &WellKnown,
    ws: &mut Workspace,
    (level_params, horizon): (Option<&[NameId]>, Position),
    limits: Limits,
    check: impl FnOnce(&mut TypeChecker<'_>) -> TcResult<T>,
) -> Result<(T, CheckReport), KernelError> {
    let mut tc = TypeChecker::with_workspace(st, env, wk, limits, std::mem::take(ws));
    tc.lparams = level_params.map(ParamScope::new);
    tc.horizon = horizon;
    let r = check(&mut tc);
    let r = tc.finish(r);
    let report = CheckReport {
        steps: tc.meter.used(),
        peak_recursion: tc.meter.peak_depth(),
        constants_added: 0,
    };
    *ws = tc.into_workspace();
    r.map(|v| (v, report))
}

/// Checks a declaration [`Kernel::defer`] added at position `at`, in a
/// fork of the kernel's store (`TermStore::fork`), seeing only the
/// constants before it: the verdict and the cost of checking it in place
/// when it was read.
pub(crate) fn check_deferred(
    fork: &mut TermStore,
    (env, wk): (&Environment, &WellKnown),
    ws: &mut Workspace,
    decl: &Declaration,
    at: Position,
    limits: Limits,
) -> Result<CheckReport, KernelError> {
    fork.begin_scratch();
    let result = run_check(fork, env, wk, ws, (None, at), limits, |tc| {
        let cs = check_declaration(tc, decl)?;
        // `Kernel::defer` checks every primitive in place (they are all
        // name-keyed), where its verification is recorded: one verified
        // here would be lost, and the extension silently off for it.
        if tc.verified_primitive.is_some() {
            return Err(KernelError::Internal(
                "a deferred declaration verified a primitive: list it in NAME_KEYED_CONSTANTS",
            ));
        }
        Ok(cs)
    });
    let capacity = fork.check_capacity();
    fork.end_scratch();
    capacity?;
    let (cs, mut report) = result?;
    report.constants_added = cs.len();
    Ok(report)
}

fn check_closed(tc: &TypeChecker<'_>, e: ExprId) -> TcResult<()> {
    if !tc.st.is_valid(e) {
        return Err(TypeRule::ForeignId("term").into());
    }
    tc.guard_depth(e)?;
    if tc.st.lbr(e) > 0 || tc.st.has_fvar(e) {
        return Err(TypeRule::OpenTerm.into());
    }
    Ok(())
}

/// Universe parameters are distinct (a hash set: linear in their number).
fn check_level_params(tc: &TypeChecker<'_>, ps: &[NameId]) -> TcResult<()> {
    let mut seen = rustc_hash::FxHashSet::default();
    seen.reserve(ps.len());
    match ps.iter().find(|p| !seen.insert(**p)) {
        Some(p) => Err(KernelError::DuplicateLevelParam(tc.name(*p))),
        None => Ok(()),
    }
}

fn check_fresh(tc: &TypeChecker<'_>, n: NameId) -> TcResult<()> {
    if tc.lookup(n).is_some() {
        return Err(KernelError::AlreadyDeclared(tc.name(n)));
    }
    Ok(())
}

/// Checks that `ty` is a closed type.
fn check_type(tc: &mut TypeChecker<'_>, name: NameId, ty: ExprId) -> TcResult<()> {
    check_closed(tc, ty)?;
    let s = tc.infer(ty)?;
    let s = tc.whnf(s)?;
    if !matches!(tc.st.node(s), ExprNode::Sort(_)) {
        return Err(KernelError::TypeNotSort(tc.name(name)));
    }
    Ok(())
}

fn check_value(tc: &mut TypeChecker<'_>, name: NameId, ty: ExprId, value: ExprId) -> TcResult<()> {
    check_closed(tc, value)?;
    let vt = tc.infer(value)?;
    if !tc.is_def_eq(vt, ty)? {
        return Err(KernelError::ValueTypeMismatch(tc.name(name)));
    }
    Ok(())
}

fn header(
    tc: &mut TypeChecker<'_>,
    name: NameId,
    ps: &[NameId],
    safety: DefinitionSafety,
) -> TcResult<()> {
    check_fresh(tc, name)?;
    check_level_params(tc, ps)?;
    tc.lparams = Some(ParamScope::new(ps));
    tc.safety = safety;
    Ok(())
}

fn unsafe_if(b: bool) -> DefinitionSafety {
    if b {
        DefinitionSafety::Unsafe
    } else {
        DefinitionSafety::Safe
    }
}

/// The constant of a checked declaration other than a block.
fn own(decl: &Declaration) -> TcResult<ConstantInfo> {
    decl.constant().ok_or(KernelError::Internal(
        "an inductive block has no single constant",
    ))
}

/// Checks one declaration; returns the constants to add.
pub(crate) fn check_declaration(
    tc: &mut TypeChecker<'_>,
    decl: &Declaration,
) -> TcResult<Vec<ConstantInfo>> {
    let Some(DeclHeader {
        name,
        level_params,
        ty,
    }) = decl.header()
    else {
        return match decl {
            Declaration::Inductive(block) => {
                check_level_params(tc, &block.level_params)?;
                tc.lparams = Some(ParamScope::new(&block.level_params));
                tc.safety = unsafe_if(block.is_unsafe);
                crate::inductive::check_block(tc, block)
            }
            _ => Err(KernelError::Internal("a declaration without a header")),
        };
    };
    let (name, ty) = (*name, *ty);
    let safety = match decl {
        Declaration::Axiom { is_unsafe, .. } | Declaration::Opaque { is_unsafe, .. } => {
            unsafe_if(*is_unsafe)
        }
        Declaration::Definition { safety, .. } => *safety,
        _ => DefinitionSafety::Safe,
    };
    header(tc, name, level_params, safety)?;
    match decl {
        Declaration::Axiom { .. } => {
            check_type(tc, name, ty)?;
            Ok(vec![own(decl)?])
        }
        Declaration::Definition { value, .. } => {
            check_type(tc, name, ty)?;
            let c = own(decl)?;
            if safety == DefinitionSafety::Unsafe {
                // Unsafe definitions may refer to themselves.
                tc.ws.pending.insert(name, c.clone());
            }
            check_value(tc, name, ty, *value)?;
            if safety == DefinitionSafety::Safe
                && tc.check_primitive_definition(name, level_params, ty, *value)?
            {
                tc.verified_primitive = Some(name);
            }
            Ok(vec![c])
        }
        Declaration::Theorem { value, .. } => {
            check_type(tc, name, ty)?;
            if !tc.is_prop(ty)? {
                return Err(KernelError::TheoremNotProp(tc.name(name)));
            }
            check_value(tc, name, ty, *value)?;
            Ok(vec![own(decl)?])
        }
        Declaration::Opaque { value, .. } => {
            check_type(tc, name, ty)?;
            check_value(tc, name, ty, *value)?;
            Ok(vec![own(decl)?])
        }
        Declaration::Quot { kind, .. } => {
            let wk = tc.wk;
            let want_name = match kind {
                QuotKind::Type => wk.quot,
                QuotKind::Ctor => wk.quot_mk,
                QuotKind::Lift => wk.quot_lift,
                QuotKind::Ind => wk.quot_ind,
            };
            if name != want_name {
                return Err(QuotRule::UnexpectedName(tc.name(name)).into());
            }
            tc.check_eq_for_quot()?;
            let want = crate::quot::expected_quot_type(tc.st, wk, *kind, level_params)?;
            if want != ty {
                return Err(QuotRule::UnexpectedType(tc.name(name)).into());
            }
            check_type(tc, name, ty)?;
            Ok(vec![own(decl)?])
        }
        Declaration::Inductive(_) => Err(KernelError::Internal("an inductive block with a header")),
    }
}

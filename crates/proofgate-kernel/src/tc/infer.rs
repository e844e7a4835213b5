//! Type inference. `infer` checks as it goes (arguments against domains,
//! binder types are sorts, levels in scope); `infer_only` trusts the term
//! and only computes its type, as Lean's `infer_type(e, infer_only=true)`.

use super::{Binders, Levels, TcResult, TypeChecker};
use crate::declaration::{ConstantKind, DefinitionSafety};
use crate::error::KernelError;
use crate::expr::{ExprId, ExprNode};
use crate::level::LevelId;
use crate::rule::{ProjectionRule, TypeRule};

impl TypeChecker<'_> {
    /// Infers and checks the type of `e`.
    pub fn infer(&mut self, e: ExprId) -> TcResult<ExprId> {
        self.infer_core(e, false)
    }

    /// Infers the type of a term assumed well-typed.
    pub fn infer_only(&mut self, e: ExprId) -> TcResult<ExprId> {
        self.infer_core(e, true)
    }

    /// Infers the type of a closed term: loose indices of `e` are errors,
    /// whatever context an enclosing walk has pushed.
    pub(crate) fn infer_core(&mut self, e: ExprId, only: bool) -> TcResult<ExprId> {
        let base = std::mem::replace(&mut self.ws.ctx_base, self.ws.ctx.len());
        let r = self.infer_in(e, only);
        self.ws.ctx_base = base;
        r
    }

    /// Infers the type of `e` with its loose indices standing for the
    /// context's entries (see `context.rs`). The type is closed.
    fn infer_in(&mut self, e: ExprId, only: bool) -> TcResult<ExprId> {
        let open = self.st.lbr(e) > 0;
        let frame = if open { self.ctx_key(e) } else { 0 };
        let hit = if open {
            self.ws.infer_open_cache.get(&(e, frame, only))
        } else if only {
            self.ws.infer_only_cache.get(&e)
        } else {
            self.ws.infer_cache.get(&e)
        };
        if let Some(&t) = hit {
            return Ok(t);
        }
        self.guard_depth(e)?;
        self.enter()?;
        let r = self.infer_node(e, only);
        self.meter.leave();
        let t = r?;
        if open {
            self.ws.infer_open_cache.insert((e, frame, only), t);
        } else if only {
            self.ws.infer_only_cache.insert(e, t);
        } else {
            self.ws.infer_cache.insert(e, t);
        }
        Ok(t)
    }

    fn infer_node(&mut self, e: ExprId, only: bool) -> TcResult<ExprId> {
        match self.st.node(e) {
            ExprNode::BVar(i) => self.ctx_entry_type(i),
            ExprNode::FVar(k) => Ok(self.ws.locals[k as usize]),
            ExprNode::Sort(l) => {
                if !only {
                    self.check_level(l)?;
                }
                let s = self.st.levels.succ(l);
                Ok(self.st.sort(s))
            }
            ExprNode::Const(n, ls) => {
                if !only {
                    let Some(info) = self.lookup(n) else {
                        return Err(KernelError::UnknownConstant(self.name(n)));
                    };
                    if self.safety != DefinitionSafety::Unsafe && info.is_unsafe() {
                        return Err(KernelError::UnsafeUse {
                            what: "unsafe",
                            name: self.name(n),
                        });
                    }
                    if self.safety == DefinitionSafety::Safe && info.is_partial() {
                        return Err(KernelError::UnsafeUse {
                            what: "partial",
                            name: self.name(n),
                        });
                    }
                    // A unit per level: a constant may list as many levels
                    // as its input has, and every check reads them again.
                    self.st.count_work(self.st.levels_of(ls).len() as u64);
                    for i in 0..self.st.levels_of(ls).len() {
                        self.check_level(self.st.levels_of(ls)[i])?;
                    }
                }
                self.const_type(n, ls)
            }
            ExprNode::App(..) => self.infer_app(e, only),
            ExprNode::Lam(..) => self.under_binders(e, only, Self::infer_lambda),
            ExprNode::Pi(..) => self.under_binders(e, only, Self::infer_pi),
            ExprNode::Let(..) => self.infer_let(e, only),
            ExprNode::Proj(s, idx, x) => self.infer_proj(s, idx, x, only),
            // A literal's type must be the standard one, or literals could
            // inhabit anything a file chooses to call `Nat` or `String`.
            ExprNode::NatLit(_) if self.literal_ok(self.wk.nat) => {
                Ok(self.st.cnst(self.wk.nat, &[]))
            }
            ExprNode::StrLit(_) if self.literal_ok(self.wk.string) => {
                Ok(self.st.cnst(self.wk.string, &[]))
            }
            ExprNode::NatLit(_) | ExprNode::StrLit(_) => {
                Err(TypeRule::LiteralWithoutPrelude.into())
            }
        }
    }

    /// Walks under a run of binders with the context's help, dropping what
    /// it pushed whatever the outcome.
    fn under_binders(
        &mut self,
        e: ExprId,
        only: bool,
        walk: fn(&mut Self, ExprId, bool) -> TcResult<ExprId>,
    ) -> TcResult<ExprId> {
        let mark = self.ws.ctx.len();
        let r = walk(self, e, only);
        self.pop_ctx(mark);
        r
    }

    /// A run of `let`s: each type and value is made closed with the values
    /// before it and checked, and pushed (`push_let_ctx`); the body is
    /// inferred in that context. Substituting the values into the body, as
    /// Lean's `infer_let` does, rebuilds it once per let: quadratic on the
    /// Arena's let ladder, whose lets are each separated by an addition.
    fn infer_let(&mut self, e: ExprId, only: bool) -> TcResult<ExprId> {
        let mark = self.ws.ctx.len();
        let r = match self.let_run(e, only) {
            Ok(body) => self.infer_in(body, only),
            Err(err) => Err(err),
        };
        self.pop_ctx(mark);
        r
    }

    /// Checks the bindings of a run of lets, pushing each (the next may
    /// mention it); returns the body.
    fn let_run(&mut self, mut e: ExprId, only: bool) -> TcResult<ExprId> {
        while let ExprNode::Let(t, v, b) = self.st.node(e) {
            let t = self.materialize(t)?;
            let v = self.materialize(v)?;
            if !only {
                let tt = self.infer_core(t, false)?;
                self.ensure_sort(tt)?;
                let vt = self.infer_core(v, false)?;
                if !self.is_def_eq(vt, t)? {
                    return Err(TypeRule::LetTypeMismatch {
                        value_type: self.render(vt),
                        declared: self.render(t),
                    }
                    .into());
                }
            }
            self.push_let_ctx(v, t);
            e = b;
        }
        Ok(e)
    }

    fn infer_app(&mut self, e: ExprId, only: bool) -> TcResult<ExprId> {
        // `f` and `args` may be open: their types come from the context,
        // and an argument is made closed only where a dependent type needs
        // it (`inst_args`).
        let (f, args) = self.st.spine(e);
        let mut ft = self.infer_in(f, only)?;
        if only {
            let mut j = 0;
            for i in 0..args.len() {
                match self.st.node(ft) {
                    ExprNode::Pi(_, b) => ft = b,
                    _ => {
                        let t = self.inst_args(ft, &args[j..i])?;
                        let t = self.ensure_pi(t)?;
                        j = i;
                        let ExprNode::Pi(_, b) = self.st.node(t) else {
                            unreachable!()
                        };
                        ft = b;
                    }
                }
            }
            return self.inst_args(ft, &args[j..]);
        }
        // Lazily, arguments `args[j..i]` are not yet substituted into `ft`:
        // the body is instantiated once per run of syntactic Pis rather
        // than once per argument, and a domain only for the arguments it
        // may mention. Instantiation commutes and terms are hash-consed, so
        // every domain compared and the result are the very terms that one
        // substitution per argument gives, and `ensure_pi` reduces exactly
        // when it would there (instantiating a Pi gives a Pi). The depth
        // guard of each substitution passes in both ways as long as
        // `depth(ft) + depth(args) <= limit` (a substitution is no deeper
        // than that sum); otherwise one substitution per argument is made.
        // Open arguments are measured as they are, not as made closed: depth
        // is a limit (a declined check), never a verdict, and the context
        // exists so that closed copies need not be built.
        let max_arg = args.iter().map(|&a| self.st.depth(a)).max().unwrap_or(0);
        let limit = self.depth_limit();
        let mut lazy = self.st.depth(ft) + max_arg <= limit;
        let mut j = 0;
        for i in 0..args.len() {
            let a = args[i];
            if !matches!(self.st.node(ft), ExprNode::Pi(..)) {
                let t = if j < i {
                    self.inst_args(ft, &args[j..i])?
                } else {
                    ft
                };
                ft = self.ensure_pi(t)?;
                j = i;
                lazy = self.st.depth(ft) + max_arg <= limit;
            }
            let ExprNode::Pi(d, b) = self.st.node(ft) else {
                unreachable!()
            };
            let d = if j < i {
                self.inst_args(d, &args[j..i])?
            } else {
                d
            };
            let at = self.infer_in(a, false)?;
            if !self.is_def_eq(at, d)? {
                if std::env::var_os("PROOFGATE_KERNEL_DEBUG").is_some() {
                    eprintln!("fn:       {}", self.st.term_string(f, 12));
                    eprintln!("arg:      {}", self.st.term_string(a, 12));
                    eprintln!("arg type: {}", self.st.term_string(at, 30));
                    eprintln!("expected: {}", self.st.term_string(d, 30));
                }
                let a = self.materialize(a).unwrap_or(a);
                return Err(TypeRule::AppArgMismatch {
                    arg: self.render(a),
                    arg_type: self.render(at),
                    expected: self.render(d),
                }
                .into());
            }
            if lazy {
                ft = b;
            } else {
                ft = self.inst_args(b, &[a])?;
                j = i + 1;
            }
        }
        if j < args.len() {
            self.inst_args(ft, &args[j..])
        } else {
            Ok(ft)
        }
    }

    fn infer_lambda(&mut self, mut e: ExprId, only: bool) -> TcResult<ExprId> {
        let mut fvars = Binders::new();
        while let ExprNode::Lam(d, b) = self.st.node(e) {
            let d = self.materialize(d)?;
            if !only {
                let s = self.infer_core(d, false)?;
                self.ensure_sort(s)?;
            }
            let x = self.fvar(d);
            self.push_binder_ctx(x, b);
            fvars.push(x);
            e = b;
        }
        let r = self.infer_in(e, only)?;
        self.close_pi(&fvars, r)
    }

    fn infer_pi(&mut self, mut e: ExprId, only: bool) -> TcResult<ExprId> {
        let mut us = Levels::new();
        while let ExprNode::Pi(d, b) = self.st.node(e) {
            let d = self.materialize(d)?;
            let s = self.infer_core(d, only)?;
            let s = self.ensure_sort(s)?;
            us.push(self.sort_level(s));
            let x = self.fvar(d);
            self.push_binder_ctx(x, b);
            e = b;
        }
        let s = self.infer_in(e, only)?;
        let s = self.ensure_sort(s)?;
        let mut r = self.sort_level(s);
        for &u in us.iter().rev() {
            r = self.st.levels.imax(u, r);
        }
        Ok(self.st.sort(r))
    }

    pub(crate) fn sort_level(&self, s: ExprId) -> LevelId {
        match self.st.node(s) {
            ExprNode::Sort(l) => l,
            _ => LevelId::ZERO,
        }
    }

    /// Reduces `e` to a sort or fails.
    pub fn ensure_sort(&mut self, e: ExprId) -> TcResult<ExprId> {
        if let ExprNode::Sort(_) = self.st.node(e) {
            return Ok(e);
        }
        let w = self.whnf(e)?;
        if let ExprNode::Sort(_) = self.st.node(w) {
            return Ok(w);
        }
        Err(TypeRule::NotASort {
            found: self.render(w),
        }
        .into())
    }

    /// Reduces `e` to a function type or fails.
    pub fn ensure_pi(&mut self, e: ExprId) -> TcResult<ExprId> {
        if let ExprNode::Pi(..) = self.st.node(e) {
            return Ok(e);
        }
        let w = self.whnf(e)?;
        if let ExprNode::Pi(..) = self.st.node(w) {
            return Ok(w);
        }
        Err(TypeRule::NotAFunction {
            found: self.render(w),
        }
        .into())
    }

    fn infer_proj(
        &mut self,
        s: crate::name::NameId,
        idx: u32,
        x: ExprId,
        only: bool,
    ) -> TcResult<ExprId> {
        let bad = |rule: ProjectionRule| Err(TypeRule::Projection(rule).into());
        let xt = self.infer_in(x, only)?;
        let xt = self.whnf(xt)?;
        let (head, args) = self.st.spine(xt);
        let ExprNode::Const(iname, ils) = self.st.node(head) else {
            return bad(ProjectionRule::NotInductive);
        };
        if iname != s {
            return bad(ProjectionRule::WrongType);
        }
        let Some(info) = self.inductive_info(iname) else {
            return bad(ProjectionRule::NotInductive);
        };
        let ConstantKind::Inductive {
            num_params,
            num_indices,
            ctors,
            ..
        } = &info.kind
        else {
            unreachable!()
        };
        let (np, ni) = (*num_params as usize, *num_indices as usize);
        if ctors.len() != 1 || ni != 0 || args.len() != np + ni {
            return bad(ProjectionRule::NotAStructure);
        }
        let ctor = ctors[0];
        let mut r = self.const_type(ctor, ils)?;
        for &a in &args[..np] {
            let w = self.ensure_pi(r)?;
            let ExprNode::Pi(_, b) = self.st.node(w) else {
                unreachable!()
            };
            r = self.inst(b, &[a])?;
        }
        let is_prop_type = self.is_prop(xt)?;
        for i in 0..idx {
            let w = self.whnf(r)?;
            let ExprNode::Pi(d, b) = self.st.node(w) else {
                return bad(ProjectionRule::FieldOutOfRange);
            };
            if self.st.lbr(b) > 0 {
                if is_prop_type && !self.is_prop(d)? {
                    return bad(ProjectionRule::DataFieldOfProof);
                }
                let x = self.materialize(x)?;
                let p = self.st.mk(ExprNode::Proj(s, i, x));
                r = self.inst(b, &[p])?;
            } else {
                r = b;
            }
        }
        let w = self.whnf(r)?;
        let ExprNode::Pi(d, _) = self.st.node(w) else {
            return bad(ProjectionRule::FieldOutOfRange);
        };
        if is_prop_type && !self.is_prop(d)? {
            return bad(ProjectionRule::DataFieldOfProof);
        }
        Ok(d)
    }
}

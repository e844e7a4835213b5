//! Weak head normalisation: beta, zeta, projections, iota and quotient
//! reduction (`whnf_core`), plus delta unfolding and the Nat literal
//! extension (`whnf`). Every step is counted.

use super::{LevelParams, TcResult, TypeChecker};
use crate::declaration::ConstantKind;
use crate::expr::{ExprId, ExprNode};

/// How far `whnf_core` reduces the structure of a projection (Lean's
/// `cheap_proj`): by `whnf`, or only by `whnf_core` (definitional equality's
/// first, cheap pass). A recursor's major premise is always reduced by
/// `whnf` (Lean's `cheap_rec` is false at every entry point).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProjStruct {
    /// Full `whnf` (unfolds definitions): the cacheable mode.
    Whnf,
    /// `whnf_core` only.
    Core,
}

impl TypeChecker<'_> {
    /// Weak head normal form without delta (definition unfolding).
    pub fn whnf_core(&mut self, e: ExprId) -> TcResult<ExprId> {
        self.whnf_core_with(e, ProjStruct::Whnf)
    }

    /// `whnf_core`, reducing projected structures as `proj` says.
    pub(crate) fn whnf_core_with(&mut self, e: ExprId, proj: ProjStruct) -> TcResult<ExprId> {
        match self.st.node(e) {
            ExprNode::BVar(_)
            | ExprNode::FVar(_)
            | ExprNode::Sort(_)
            | ExprNode::Pi(..)
            | ExprNode::Lam(..)
            | ExprNode::Const(..)
            | ExprNode::NatLit(_)
            | ExprNode::StrLit(_) => return Ok(e),
            _ => {}
        }
        let cacheable = proj == ProjStruct::Whnf;
        if cacheable && let Some(&r) = self.ws.whnf_core_cache.get(&e) {
            return Ok(r);
        }
        self.enter()?;
        let r = self.whnf_core_step(e, proj);
        self.meter.leave();
        let r = r?;
        if cacheable {
            self.ws.whnf_core_cache.insert(e, r);
        }
        Ok(r)
    }

    fn whnf_core_step(&mut self, e: ExprId, proj: ProjStruct) -> TcResult<ExprId> {
        match self.st.node(e) {
            ExprNode::App(..) => {
                let (f0, args) = self.st.spine(e);
                let f = self.whnf_core_with(f0, proj)?;
                if let ExprNode::Lam(..) = self.st.node(f) {
                    let r = self.beta_run(f, &args)?;
                    self.whnf_core_with(r, proj)
                } else if f == f0 {
                    match self.reduce_recursor(e)? {
                        Some(r) => self.whnf_core_with(r, proj),
                        None => Ok(e),
                    }
                } else {
                    let r = self.st.apps(f, &args);
                    self.whnf_core_with(r, proj)
                }
            }
            ExprNode::Let(..) => {
                let r = self.beta_run(e, &[])?;
                self.whnf_core_with(r, proj)
            }
            ExprNode::Proj(_, idx, s) => match self.reduce_proj(idx, s, proj)? {
                Some(r) => self.whnf_core_with(r, proj),
                None => Ok(e),
            },
            _ => Ok(e),
        }
    }

    /// `head args` after every beta and zeta step that its syntax shows:
    /// a lambda meeting an argument, a `let`, or a body that is itself an
    /// application of a lambda. The substitutions are collected and made
    /// once at the end, where one substitution per step would rebuild the
    /// rest of the term at every step (the Arena's beta ladder, a chain of
    /// nested redexes, was quadratic). Only the arguments met on the way are
    /// made closed as they are met. The result is the term the steps one at
    /// a time give: substitutions compose, and terms are hash-consed.
    fn beta_run(&mut self, head: ExprId, args: &[ExprId]) -> TcResult<ExprId> {
        // Values of `body`'s loose indices, the last for `#0`.
        let mut subst = super::Binders::new();
        // Closed arguments still to apply, the next one last.
        let mut pending: super::Binders = args.iter().rev().copied().collect();
        let mut body = head;
        loop {
            match self.st.node(body) {
                ExprNode::Lam(_, b) if !pending.is_empty() => {
                    subst.extend(pending.pop());
                    body = b;
                }
                ExprNode::Let(_, v, b) => {
                    let v = self.inst(v, &subst)?;
                    subst.push(v);
                    body = b;
                }
                ExprNode::App(..)
                    if matches!(self.st.node(self.st.app_head(body)), ExprNode::Lam(..)) =>
                {
                    let (h, inner) = self.st.spine(body);
                    for &a in inner.iter().rev() {
                        let a = self.inst(a, &subst)?;
                        pending.push(a);
                    }
                    body = h;
                }
                _ => break,
            }
            // A step descends one node of a term already paid for: term
            // work, like a substitution's visit.
            self.st.count_work(1);
        }
        self.charge_work()?;
        let r = self.inst(body, &subst)?;
        pending.reverse();
        Ok(self.st.apps(r, &pending))
    }

    /// Projection of a constructor application (or string literal).
    pub(crate) fn reduce_proj(
        &mut self,
        idx: u32,
        s: ExprId,
        proj: ProjStruct,
    ) -> TcResult<Option<ExprId>> {
        let mut c = match proj {
            ProjStruct::Core => self.whnf_core_with(s, proj)?,
            ProjStruct::Whnf => self.whnf(s)?,
        };
        if let ExprNode::StrLit(_) = self.st.node(c)
            && let Some(e) = self.string_lit_to_ctor(c)?
        {
            // `String.ofList` may be a definition: reduce to the constructor.
            c = self.whnf(e)?;
        }
        let Some((_, info)) = self.ctor_app(c) else {
            return Ok(None);
        };
        let ConstantKind::Constructor { num_params, .. } = info.kind else {
            return Ok(None);
        };
        let (_, args) = self.st.spine(c);
        Ok(args.get((num_params + idx) as usize).copied())
    }

    fn reduce_recursor(&mut self, e: ExprId) -> TcResult<Option<ExprId>> {
        if self.env.quot_ready_before(self.horizon)
            && let Some(r) = self.quot_reduce(e)?
        {
            return Ok(Some(r));
        }
        self.inductive_reduce_rec(e)
    }

    /// Unfolds the head constant of `e` if it is a definition (or theorem).
    pub(crate) fn unfold_definition(&mut self, e: ExprId) -> TcResult<Option<ExprId>> {
        let head = self.st.app_head(e);
        let ExprNode::Const(n, ls) = self.st.node(head) else {
            return Ok(None);
        };
        let v = match self.lookup(n) {
            Some(info) => match info.unfold_value() {
                Some((value, _)) if info.level_params.len() == self.st.levels_of(ls).len() => {
                    let params = LevelParams::from_slice(&info.level_params);
                    Some(self.instance(n, value, &params, ls)?)
                }
                _ => None,
            },
            None => None,
        };
        self.tick()?;
        Ok(match v {
            Some(v) => {
                let (_, args) = self.st.spine(e);
                Some(self.st.apps(v, &args))
            }
            None => None,
        })
    }

    /// Weak head normal form.
    pub fn whnf(&mut self, e: ExprId) -> TcResult<ExprId> {
        match self.st.node(e) {
            ExprNode::BVar(_)
            | ExprNode::Sort(_)
            | ExprNode::Pi(..)
            | ExprNode::Lam(..)
            | ExprNode::NatLit(_)
            | ExprNode::StrLit(_) => return Ok(e),
            _ => {}
        }
        if let Some(&r) = self.ws.whnf_cache.get(&e) {
            return Ok(r);
        }
        self.enter()?;
        let r = self.whnf_loop(e);
        self.meter.leave();
        let r = r?;
        self.ws.whnf_cache.insert(e, r);
        Ok(r)
    }

    fn whnf_loop(&mut self, e: ExprId) -> TcResult<ExprId> {
        self.whnf_loop_folding(e, false)
    }

    /// The weak head normal form loop; with `fold_extension_ops`, an
    /// operation the literal extension computes is left folded where its
    /// arguments are not literals (staging, `stage.rs`).
    pub(crate) fn whnf_loop_folding(
        &mut self,
        e: ExprId,
        fold_extension_ops: bool,
    ) -> TcResult<ExprId> {
        let mut t = e;
        loop {
            self.tick()?;
            let t1 = self.whnf_core(t)?;
            if let Some(v) = self.reduce_nat(t1)? {
                return Ok(v);
            }
            if fold_extension_ops && crate::stage::extension_op(self, t1).is_some() {
                return Ok(t1);
            }
            match self.unfold_definition(t1)? {
                Some(next) => t = next,
                None => return Ok(t1),
            }
        }
    }
}

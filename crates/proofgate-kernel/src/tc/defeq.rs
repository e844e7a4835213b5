//! Definitional equality: quick structural checks, proof irrelevance, lazy
//! delta reduction by definition height, eta for functions and structures,
//! unit-like types, Nat offsets and string literal expansion. Successes are
//! remembered in a union-find over term ids; lazy-delta argument failures in
//! a failure cache.

use super::whnf::ProjStruct;
use super::{Binders, TcResult, TypeChecker};
use crate::declaration::{ConstantKind, ReducibilityHints};
use crate::expr::{ExprId, ExprNode};
use crate::level::LevelId;
use std::cmp::Ordering;

impl TypeChecker<'_> {
    fn uf_find(&mut self, mut e: ExprId) -> ExprId {
        // Paths are short: kept on the stack. The last node on the path
        // already points at the root, so only the ones before it move.
        let mut path = Binders::new();
        while let Some(&p) = self.ws.eq_parent.get(&e) {
            if p == e {
                break;
            }
            path.push(e);
            e = p;
        }
        path.pop();
        for x in path {
            self.ws.eq_parent.insert(x, e);
        }
        e
    }

    fn uf_union(&mut self, a: ExprId, b: ExprId) {
        let ra = self.uf_find(a);
        let rb = self.uf_find(b);
        if ra != rb {
            self.ws.eq_parent.insert(ra, rb);
        }
    }

    /// Whether `t` and `s` are definitionally equal.
    pub fn is_def_eq(&mut self, t: ExprId, s: ExprId) -> TcResult<bool> {
        if t == s {
            return Ok(true);
        }
        // A failure is remembered like a success: within one check the
        // answer for (t, s) never changes, and without it a failure deep
        // in a list is found again from every level above it (quadratic).
        if self.ws.defeq_failures.contains(&(t, s)) {
            return Ok(false);
        }
        self.enter()?;
        let r = self.is_def_eq_core(t, s);
        self.meter.leave();
        let r = r?;
        if r {
            self.uf_union(t, s);
        } else {
            self.ws.defeq_failures.insert((t, s));
        }
        Ok(r)
    }

    fn levels_eq(&mut self, a: crate::expr::LevelsId, b: crate::expr::LevelsId) -> bool {
        if a == b {
            return true;
        }
        let st = &mut *self.st;
        let n = st.levels_of(a).len();
        n == st.levels_of(b).len()
            && (0..n).all(|i| {
                let (x, y) = (st.levels_of(a)[i], st.levels_of(b)[i]);
                st.levels.is_equiv(x, y, &st.names)
            })
    }

    fn quick_is_def_eq(&mut self, t: ExprId, s: ExprId) -> TcResult<Option<bool>> {
        if t == s || self.uf_find(t) == self.uf_find(s) {
            return Ok(Some(true));
        }
        Ok(match (self.st.node(t), self.st.node(s)) {
            (ExprNode::Lam(..), ExprNode::Lam(..)) | (ExprNode::Pi(..), ExprNode::Pi(..)) => {
                Some(self.is_def_eq_binding(t, s)?)
            }
            (ExprNode::Sort(a), ExprNode::Sort(b)) => {
                let st = &mut *self.st;
                Some(st.levels.is_equiv(a, b, &st.names))
            }
            (
                ExprNode::NatLit(_) | ExprNode::StrLit(_),
                ExprNode::NatLit(_) | ExprNode::StrLit(_),
            ) => Some(false),
            _ => None,
        })
    }

    fn is_def_eq_binding(&mut self, mut t: ExprId, mut s: ExprId) -> TcResult<bool> {
        let mut subst = Binders::new();
        while let (ExprNode::Lam(td, tb), ExprNode::Lam(sd, sb))
        | (ExprNode::Pi(td, tb), ExprNode::Pi(sd, sb)) = (self.st.node(t), self.st.node(s))
        {
            let mut s_dom = None;
            if td != sd {
                let sdi = self.inst(sd, &subst)?;
                let tdi = self.inst(td, &subst)?;
                if !self.is_def_eq(tdi, sdi)? {
                    return Ok(false);
                }
                s_dom = Some(sdi);
            }
            if self.st.lbr(tb) > 0 || self.st.lbr(sb) > 0 {
                let d = match s_dom {
                    Some(d) => d,
                    None => self.inst(sd, &subst)?,
                };
                let x = self.fvar(d);
                subst.push(x);
            } else {
                // The variable is unused: any closed placeholder will do.
                let p = self.st.sort(LevelId::ZERO);
                subst.push(p);
            }
            t = tb;
            s = sb;
        }
        let ti = self.inst(t, &subst)?;
        let si = self.inst(s, &subst)?;
        self.is_def_eq(ti, si)
    }

    /// [`Self::is_def_eq_core`] called from itself (after a reduction, a
    /// literal's computation or expansion, or the offset rule): one level
    /// deeper, counted against the depth limit like every recursive path
    /// of the checker (the step was paid by the reduction that led here).
    fn is_def_eq_nested(&mut self, t: ExprId, s: ExprId) -> TcResult<bool> {
        self.meter.descend()?;
        let r = self.is_def_eq_core(t, s);
        self.meter.leave();
        r
    }

    fn is_def_eq_core(&mut self, t: ExprId, s: ExprId) -> TcResult<bool> {
        if let Some(r) = self.quick_is_def_eq(t, s)? {
            return Ok(r);
        }
        // Proofs by reflection: `Bool.true` against a closed term. Only the
        // level-free constant counts: a `Bool.true.{u}` is not `Bool.true`, and
        // the shortcut must not answer for a term that full defeq would refuse.
        if !self.st.has_fvar(t) && self.is_const_of(s, self.wk.bool_true) {
            let w = self.whnf(t)?;
            if w == s {
                return Ok(true);
            }
        }
        let tn = self.whnf_core_with(t, ProjStruct::Core)?;
        let sn = self.whnf_core_with(s, ProjStruct::Core)?;
        if (tn != t || sn != s)
            && let Some(r) = self.quick_is_def_eq(tn, sn)?
        {
            return Ok(r);
        }
        if let Some(r) = self.is_def_eq_proof_irrel(tn, sn)? {
            return Ok(r);
        }
        // A string literal against `String.ofList ...`: compare the
        // expansion before lazy delta unfolds `String.ofList` away (it is a
        // definition in recent preludes, which would leave the literal
        // stranded against the unfolded body).
        if let Some(r) = self.try_string_lit_expansion(tn, sn)? {
            return Ok(r);
        }
        if let Some(r) = self.try_string_lit_expansion(sn, tn)? {
            return Ok(r);
        }
        let (tn, sn) = match self.lazy_delta_reduction(tn, sn)? {
            Lazy::Done(r) => return Ok(r),
            Lazy::Stuck(a, b) => (a, b),
        };
        match (self.st.node(tn), self.st.node(sn)) {
            (ExprNode::Const(a, la), ExprNode::Const(b, lb))
                if a == b && self.levels_eq(la, lb) =>
            {
                return Ok(true);
            }
            (ExprNode::FVar(a), ExprNode::FVar(b)) if a == b => return Ok(true),
            (ExprNode::Proj(_, i, x), ExprNode::Proj(_, j, y))
                if i == j && self.is_def_eq(x, y)? =>
            {
                return Ok(true);
            }
            _ => {}
        }
        let tnn = self.whnf_core(tn)?;
        let snn = self.whnf_core(sn)?;
        if tnn != tn || snn != sn {
            return self.is_def_eq_nested(tnn, snn);
        }
        if self.is_def_eq_app(tn, sn)? {
            return Ok(true);
        }
        if self.try_eta_expansion(tn, sn)? || self.try_eta_expansion(sn, tn)? {
            return Ok(true);
        }
        if self.try_eta_struct(tn, sn)? || self.try_eta_struct(sn, tn)? {
            return Ok(true);
        }
        if let Some(r) = self.try_string_lit_expansion(tn, sn)? {
            return Ok(r);
        }
        if let Some(r) = self.try_string_lit_expansion(sn, tn)? {
            return Ok(r);
        }
        self.is_def_eq_unit_like(tn, sn)
    }

    fn is_def_eq_proof_irrel(&mut self, t: ExprId, s: ExprId) -> TcResult<Option<bool>> {
        let tt = self.infer_only(t)?;
        if !self.is_prop(tt)? {
            return Ok(None);
        }
        let stt = self.infer_only(s)?;
        Ok(Some(self.is_def_eq(tt, stt)?))
    }

    /// Unfolding hints of the head of `e`, if it unfolds.
    fn delta_hints(&self, e: ExprId) -> Option<(crate::name::NameId, ReducibilityHints)> {
        let (n, ls) = self.st.head_const(e)?;
        let info = self.lookup(n)?;
        let (_, h) = info.unfold_value()?;
        (info.level_params.len() == self.st.levels_of(ls).len()).then_some((n, h))
    }

    fn lazy_delta_reduction(&mut self, mut t: ExprId, mut s: ExprId) -> TcResult<Lazy> {
        loop {
            self.tick()?;
            if let Some(r) = self.is_def_eq_offset(t, s)? {
                return Ok(Lazy::Done(r));
            }
            if !self.st.has_fvar(t) && !self.st.has_fvar(s) {
                if let Some(tv) = self.reduce_nat(t)? {
                    return Ok(Lazy::Done(self.is_def_eq_nested(tv, s)?));
                }
                if let Some(sv) = self.reduce_nat(s)? {
                    return Ok(Lazy::Done(self.is_def_eq_nested(t, sv)?));
                }
            }
            let dt = self.delta_hints(t);
            let ds = self.delta_hints(s);
            match (dt, ds) {
                (None, None) => return Ok(Lazy::Stuck(t, s)),
                (Some(_), None) => {
                    let u = self.unfold_definition(t)?.expect("delta head unfolds");
                    t = self.whnf_core_with(u, ProjStruct::Core)?;
                }
                (None, Some(_)) => {
                    let u = self.unfold_definition(s)?.expect("delta head unfolds");
                    s = self.whnf_core_with(u, ProjStruct::Core)?;
                }
                (Some((nt, ht)), Some((ns, hs))) => match compare_hints(ht, hs) {
                    Ordering::Less => {
                        let u = self.unfold_definition(t)?.expect("delta head unfolds");
                        t = self.whnf_core_with(u, ProjStruct::Core)?;
                    }
                    Ordering::Greater => {
                        let u = self.unfold_definition(s)?.expect("delta head unfolds");
                        s = self.whnf_core_with(u, ProjStruct::Core)?;
                    }
                    Ordering::Equal => {
                        if matches!(self.st.node(t), ExprNode::App(..))
                            && matches!(self.st.node(s), ExprNode::App(..))
                            && nt == ns
                            && matches!(ht, ReducibilityHints::Regular(_))
                            && !self.ws.failure_cache.contains(&(t, s))
                        {
                            let (_, lt) = self.st.head_const(t).expect("const head");
                            let (_, ls) = self.st.head_const(s).expect("const head");
                            if self.levels_eq(lt, ls) && self.is_def_eq_args(t, s)? {
                                return Ok(Lazy::Done(true));
                            }
                            self.ws.failure_cache.insert((t, s));
                        }
                        let u = self.unfold_definition(t)?.expect("delta head unfolds");
                        t = self.whnf_core_with(u, ProjStruct::Core)?;
                        let u = self.unfold_definition(s)?.expect("delta head unfolds");
                        s = self.whnf_core_with(u, ProjStruct::Core)?;
                    }
                },
            }
            if let Some(r) = self.quick_is_def_eq(t, s)? {
                return Ok(Lazy::Done(r));
            }
        }
    }

    fn is_def_eq_args(&mut self, t: ExprId, s: ExprId) -> TcResult<bool> {
        let (_, ta) = self.st.spine(t);
        let (_, sa) = self.st.spine(s);
        if ta.len() != sa.len() {
            return Ok(false);
        }
        for (a, b) in ta.into_iter().zip(sa) {
            if !self.is_def_eq(a, b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn is_def_eq_app(&mut self, t: ExprId, s: ExprId) -> TcResult<bool> {
        if !matches!(self.st.node(t), ExprNode::App(..))
            || !matches!(self.st.node(s), ExprNode::App(..))
        {
            return Ok(false);
        }
        let (tf, ta) = self.st.spine(t);
        let (sf, sa) = self.st.spine(s);
        if ta.len() != sa.len() || !self.is_def_eq(tf, sf)? {
            return Ok(false);
        }
        for (a, b) in ta.into_iter().zip(sa) {
            if !self.is_def_eq(a, b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `fun x => f x` against `f`.
    fn try_eta_expansion(&mut self, t: ExprId, s: ExprId) -> TcResult<bool> {
        if !matches!(self.st.node(t), ExprNode::Lam(..))
            || matches!(self.st.node(s), ExprNode::Lam(..))
        {
            return Ok(false);
        }
        let st = self.infer_only(s)?;
        let st = self.whnf(st)?;
        let ExprNode::Pi(d, _) = self.st.node(st) else {
            return Ok(false);
        };
        let lifted = self.st.lift_loose_bvars(s, 0, 1);
        let b0 = self.st.bvar(0);
        let body = self.st.app(lifted, b0);
        let expanded = self.st.lam(d, body);
        self.is_def_eq(t, expanded)
    }

    /// `t` against a constructor application `s` of a structure: fieldwise.
    fn try_eta_struct(&mut self, t: ExprId, s: ExprId) -> TcResult<bool> {
        let Some((_, info)) = self.ctor_app(s) else {
            return Ok(false);
        };
        let ConstantKind::Constructor {
            induct,
            num_params,
            num_fields,
            ..
        } = info.kind
        else {
            return Ok(false);
        };
        let (_, args) = self.st.spine(s);
        if args.len() != (num_params + num_fields) as usize || !self.is_structure_like(induct) {
            return Ok(false);
        }
        let tt = self.infer_only(t)?;
        let stt = self.infer_only(s)?;
        if !self.is_def_eq(tt, stt)? {
            return Ok(false);
        }
        for i in 0..num_fields {
            let p = self.st.mk(ExprNode::Proj(induct, i, t));
            if !self.is_def_eq(p, args[(num_params + i) as usize])? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Values of a type with one field-less constructor are all equal.
    fn is_def_eq_unit_like(&mut self, t: ExprId, s: ExprId) -> TcResult<bool> {
        let tt = self.infer_only(t)?;
        let tt = self.whnf(tt)?;
        let Some((n, _)) = self.st.head_const(tt) else {
            return Ok(false);
        };
        if !self.is_structure_like(n) {
            return Ok(false);
        }
        let Some(ConstantKind::Inductive { ctors, .. }) = self.lookup(n).map(|c| &c.kind) else {
            return Ok(false);
        };
        let ctor = ctors[0];
        if !matches!(
            self.lookup(ctor).map(|c| &c.kind),
            Some(ConstantKind::Constructor { num_fields: 0, .. })
        ) {
            return Ok(false);
        }
        let stt = self.infer_only(s)?;
        self.is_def_eq(tt, stt)
    }

    fn try_string_lit_expansion(&mut self, t: ExprId, s: ExprId) -> TcResult<Option<bool>> {
        if let ExprNode::StrLit(_) = self.st.node(t)
            && let Some((n, _)) = self.st.head_const(s)
            && n == self.wk.string_of_list
        {
            // Unexpanded (the string rule is off): no rule applies, where
            // asking again about the same pair would recurse forever.
            let Some(e) = self.string_lit_to_ctor(t)? else {
                return Ok(None);
            };
            return Ok(Some(self.is_def_eq_nested(e, s)?));
        }
        Ok(None)
    }

    /// Nat zero/successor structure on literals and `Nat.succ`.
    fn is_def_eq_offset(&mut self, t: ExprId, s: ExprId) -> TcResult<Option<bool>> {
        if self.is_nat_zero(t) && self.is_nat_zero(s) {
            return Ok(Some(true));
        }
        match (self.nat_pred(t), self.nat_pred(s)) {
            (Some(a), Some(b)) => Ok(Some(self.is_def_eq_nested(a, b)?)),
            _ => Ok(None),
        }
    }
}

enum Lazy {
    Done(bool),
    Stuck(ExprId, ExprId),
}

/// Which side to unfold first: `Less` means the left one.
fn compare_hints(a: ReducibilityHints, b: ReducibilityHints) -> Ordering {
    use ReducibilityHints::*;
    match (a, b) {
        (Regular(x), Regular(y)) => y.cmp(&x),
        (Opaque, Opaque) | (Abbrev, Abbrev) => Ordering::Equal,
        (Opaque, _) => Ordering::Greater,
        (_, Opaque) => Ordering::Less,
        (Abbrev, _) => Ordering::Less,
        (_, Abbrev) => Ordering::Greater,
    }
}

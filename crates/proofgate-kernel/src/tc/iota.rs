//! Iota reduction: a recursor applied to a constructor reduces by the
//! matching rule. Also K-like reduction (a major premise of a K-target
//! recursor becomes the nullary constructor when the types agree) and
//! structure eta for majors of structure type.

use super::{LevelParams, TcResult, TypeChecker};
use crate::declaration::{ConstantKind, RecursorRule};
use crate::expr::{ExprId, ExprNode};
use crate::name::NameId;

impl TypeChecker<'_> {
    /// The inductive type of a recursor's major premise.
    pub(crate) fn rec_major_induct(&mut self, rec_ty: ExprId, major_idx: usize) -> Option<NameId> {
        let mut t = rec_ty;
        for _ in 0..major_idx {
            let ExprNode::Pi(_, b) = self.st.node(t) else {
                return None;
            };
            t = b;
        }
        let ExprNode::Pi(d, _) = self.st.node(t) else {
            return None;
        };
        self.st.head_const(d).map(|(n, _)| n)
    }

    pub(crate) fn inductive_reduce_rec(&mut self, e: ExprId) -> TcResult<Option<ExprId>> {
        let head = self.st.app_head(e);
        let ExprNode::Const(rn, rls) = self.st.node(head) else {
            return Ok(None);
        };
        let Some(info) = self.lookup(rn) else {
            return Ok(None);
        };
        let ConstantKind::Recursor {
            num_params,
            num_motives,
            num_minors,
            k,
            ..
        } = &info.kind
        else {
            return Ok(None);
        };
        let major_idx = info.major_idx().expect("recursor");
        let (_, rec_args) = self.st.spine(e);
        if major_idx >= rec_args.len() {
            return Ok(None);
        }
        let (np, nmot, nmin, k) = (*num_params, *num_motives, *num_minors, *k);
        let rec_ty = info.ty;
        let mut major = rec_args[major_idx];
        if k {
            major = self.major_as_ctor_when_k(rn, rec_ty, major_idx, np, major)?;
        }
        major = self.whnf(major)?;
        match self.st.node(major) {
            ExprNode::NatLit(_) => major = self.nat_lit_to_ctor(major),
            ExprNode::StrLit(_) => {
                if let Some(e) = self.string_lit_to_ctor(major)? {
                    major = self.whnf(e)?;
                }
            }
            _ => {
                if self.ctor_app(major).is_none()
                    && let Some(ind) = self.rec_major_induct(rec_ty, major_idx)
                {
                    major = self.major_as_ctor_when_structure(ind, major)?;
                }
            }
        }
        let Some((cn, _)) = self.ctor_app(major) else {
            return Ok(None);
        };
        // The recursor is looked up again (rather than its rules cloned
        // before reducing the major premise, which needs `&mut self`).
        let Some(ConstantKind::Recursor { rules, .. }) = self.lookup(rn).map(|c| &c.kind) else {
            return Ok(None);
        };
        let Some(&RecursorRule {
            nfields,
            rhs: rule_rhs,
            ..
        }) = rules.iter().find(|r| r.ctor == cn)
        else {
            return Ok(None);
        };
        let rec_lparams =
            LevelParams::from_slice(&self.lookup(rn).expect("looked up").level_params);
        let (_, major_args) = self.st.spine(major);
        let nfields = nfields as usize;
        if nfields > major_args.len() || self.st.levels_of(rls).len() != rec_lparams.len() {
            return Ok(None);
        }
        let rhs = self.instance(rn, rule_rhs, &rec_lparams, rls)?;
        let pre = (np + nmot + nmin) as usize;
        let mut r = self.st.apps(rhs, &rec_args[..pre]);
        r = self.st.apps(r, &major_args[major_args.len() - nfields..]);
        r = self.st.apps(r, &rec_args[major_idx + 1..]);
        Ok(Some(r))
    }

    fn major_as_ctor_when_k(
        &mut self,
        _rec: NameId,
        rec_ty: ExprId,
        major_idx: usize,
        np: u32,
        major: ExprId,
    ) -> TcResult<ExprId> {
        let Some(ind) = self.rec_major_induct(rec_ty, major_idx) else {
            return Ok(major);
        };
        let t = self.infer_only(major)?;
        let t = self.whnf(t)?;
        let (h, args) = self.st.spine(t);
        let ExprNode::Const(n, ls) = self.st.node(h) else {
            return Ok(major);
        };
        if n != ind || args.len() < np as usize {
            return Ok(major);
        }
        let Some(ConstantKind::Inductive { ctors, .. }) = self.lookup(n).map(|c| &c.kind) else {
            return Ok(major);
        };
        let Some(&c0) = ctors.first() else {
            return Ok(major);
        };
        let ctor = self.st.mk(ExprNode::Const(c0, ls));
        let cand = self.st.apps(ctor, &args[..np as usize]);
        let ct = self.infer_only(cand)?;
        if self.is_def_eq(t, ct)? {
            Ok(cand)
        } else {
            Ok(major)
        }
    }

    fn major_as_ctor_when_structure(&mut self, ind: NameId, e: ExprId) -> TcResult<ExprId> {
        if !self.is_structure_like(ind) || self.ctor_app(e).is_some() {
            return Ok(e);
        }
        let t = self.infer_only(e)?;
        let t = self.whnf(t)?;
        if self.st.head_const(t).map(|(n, _)| n) != Some(ind) {
            return Ok(e);
        }
        if self.is_prop(t)? {
            return Ok(e);
        }
        self.expand_eta_struct(t, e)
    }

    /// `S.mk params (e.1) ... (e.n)` for `e : S params`.
    pub(crate) fn expand_eta_struct(&mut self, t: ExprId, e: ExprId) -> TcResult<ExprId> {
        let (h, args) = self.st.spine(t);
        let ExprNode::Const(n, ls) = self.st.node(h) else {
            return Ok(e);
        };
        let Some(ConstantKind::Inductive {
            ctors, num_params, ..
        }) = self.lookup(n).map(|c| &c.kind)
        else {
            return Ok(e);
        };
        let (c0, np) = (ctors[0], *num_params as usize);
        let Some(ConstantKind::Constructor { num_fields, .. }) = self.lookup(c0).map(|c| &c.kind)
        else {
            return Ok(e);
        };
        let nf = *num_fields;
        if args.len() < np {
            return Ok(e);
        }
        let ctor = self.st.mk(ExprNode::Const(c0, ls));
        let mut r = self.st.apps(ctor, &args[..np]);
        for i in 0..nf {
            let p = self.st.mk(ExprNode::Proj(n, i, e));
            r = self.st.app(r, p);
        }
        Ok(r)
    }
}

//! Quotients: the four built-in constants are checked against the types the
//! kernel expects (after checking that `Eq` has its expected form), and
//! `Quot.lift f h (Quot.mk r a) ↝ f a`, `Quot.ind h (Quot.mk r a) ↝ h a`.

use crate::declaration::{ConstantKind, QuotKind};
use crate::error::KernelError;
use crate::expr::{ExprId, ExprNode};
use crate::level::LevelId;
use crate::name::NameId;
use crate::rule::QuotRule;
use crate::store::TermStore;
use crate::tc::{TcResult, TypeChecker};

fn prop(st: &mut TermStore) -> ExprId {
    st.sort(LevelId::ZERO)
}

/// `α → α → Prop` in a context where `α` is `#k`.
fn relation(st: &mut TermStore, k: u32) -> ExprId {
    let p = prop(st);
    let a1 = st.bvar(k + 1);
    let inner = st.pi(a1, p);
    let a0 = st.bvar(k);
    st.pi(a0, inner)
}

/// The type the kernel expects for a quotient constant, with `ps` its
/// universe parameter names (checked to have the right count).
pub(crate) fn expected_quot_type(
    st: &mut TermStore,
    wk: &crate::env::WellKnown,
    kind: QuotKind,
    ps: &[NameId],
) -> Result<ExprId, KernelError> {
    let want = if kind == QuotKind::Lift { 2 } else { 1 };
    if ps.len() != want {
        return Err(QuotRule::LevelParamCount {
            expected: want,
            got: ps.len(),
        }
        .into());
    }
    let u = st.levels.param(ps[0]);
    let sort_u = st.sort(u);
    let quot = |st: &mut TermStore, a: u32, r: u32| {
        let q = st.cnst(wk.quot, &[u]);
        let (a, r) = (st.bvar(a), st.bvar(r));
        st.apps(q, &[a, r])
    };
    Ok(match kind {
        QuotKind::Type => {
            let rel = relation(st, 0);
            let body = st.pi(rel, sort_u);
            st.pi(sort_u, body)
        }
        QuotKind::Ctor => {
            let rel = relation(st, 0);
            let q = quot(st, 2, 1);
            let a = st.bvar(1);
            let body = st.pi(a, q);
            let body = st.pi(rel, body);
            st.pi(sort_u, body)
        }
        QuotKind::Lift => {
            let v = st.levels.param(ps[1]);
            let sort_v = st.sort(v);
            let rel = relation(st, 0);
            // f : α → β under [α, r, β]
            let (b2, b1) = (st.bvar(2), st.bvar(1));
            let f_ty = st.pi(b2, b1);
            // h : ∀ a b, r a b → f a = f b under [α, r, β, f]
            let eq = st.cnst(wk.eq, &[v]);
            let (b4, b3, b2, b1, b0) = (st.bvar(4), st.bvar(3), st.bvar(2), st.bvar(1), st.bvar(0));
            let fa = st.app(b3, b2);
            let fb = st.app(b3, b1);
            let eq_app = st.apps(eq, &[b4, fa, fb]);
            let rab = st.apps(b4, &[b1, b0]);
            let h3 = st.pi(rab, eq_app);
            let h2 = st.pi(b4, h3);
            let b3 = st.bvar(3);
            let h_ty = st.pi(b3, h2);
            let q = quot(st, 4, 3);
            let res = st.bvar(3);
            let body = st.pi(q, res);
            let body = st.pi(h_ty, body);
            let body = st.pi(f_ty, body);
            let body = st.pi(sort_v, body);
            let body = st.pi(rel, body);
            st.pi(sort_u, body)
        }
        QuotKind::Ind => {
            let rel = relation(st, 0);
            let p = prop(st);
            let q10 = quot(st, 1, 0);
            let beta_ty = st.pi(q10, p);
            let mk = st.cnst(wk.quot_mk, &[u]);
            let (b3, b2, b1, b0) = (st.bvar(3), st.bvar(2), st.bvar(1), st.bvar(0));
            let mk_app = st.apps(mk, &[b3, b2, b0]);
            let beta_mk = st.app(b1, mk_app);
            let b2 = st.bvar(2);
            let mk_ty = st.pi(b2, beta_mk);
            let q32 = quot(st, 3, 2);
            let (b2, b0) = (st.bvar(2), st.bvar(0));
            let beta_q = st.app(b2, b0);
            let body = st.pi(q32, beta_q);
            let body = st.pi(mk_ty, body);
            let body = st.pi(beta_ty, body);
            let body = st.pi(rel, body);
            st.pi(sort_u, body)
        }
    })
}

impl TypeChecker<'_> {
    /// Checks that `Eq` is the inductive `{α : Sort u} → α → α → Prop` with
    /// the single constructor `Eq.refl : {α : Sort u} → (a : α) → Eq a a`.
    pub(crate) fn check_eq_for_quot(&mut self) -> TcResult<()> {
        let wk = self.wk;
        let bad = || Err(QuotRule::EqNotStandard.into());
        let Some(eq) = self.env.get_before(wk.eq, self.horizon) else {
            return bad();
        };
        let ConstantKind::Inductive {
            ctors,
            num_params,
            num_indices,
            ..
        } = &eq.kind
        else {
            return bad();
        };
        if eq.level_params.len() != 1 || ctors.len() != 1 || ctors[0] != wk.eq_refl {
            return bad();
        }
        let _ = (num_params, num_indices);
        let (eq_ty, u_name) = (eq.ty, eq.level_params[0]);
        let Some(refl) = self.env.get_before(wk.eq_refl, self.horizon) else {
            return bad();
        };
        if refl.level_params != [u_name] {
            return bad();
        }
        let refl_ty = refl.ty;
        let st = &mut *self.st;
        let u = st.levels.param(u_name);
        let sort_u = st.sort(u);
        let p = prop(st);
        let (b0, b1) = (st.bvar(0), st.bvar(1));
        let t3 = st.pi(b1, p);
        let t2 = st.pi(b0, t3);
        let want_eq = st.pi(sort_u, t2);
        let eqc = st.cnst(wk.eq, &[u]);
        let (b1, b0) = (st.bvar(1), st.bvar(0));
        let eaa = st.apps(eqc, &[b1, b0, b0]);
        let r2 = st.pi(b0, eaa);
        let want_refl = st.pi(sort_u, r2);
        if eq_ty != want_eq || refl_ty != want_refl {
            return bad();
        }
        Ok(())
    }

    /// Quotient reduction on `Quot.lift`/`Quot.ind` applied to `Quot.mk`.
    pub(crate) fn quot_reduce(&mut self, e: ExprId) -> TcResult<Option<ExprId>> {
        let Some((n, _)) = self.st.head_const(e) else {
            return Ok(None);
        };
        let (mk_pos, f_pos) = if n == self.wk.quot_lift {
            (5, 3)
        } else if n == self.wk.quot_ind {
            (4, 3)
        } else {
            return Ok(None);
        };
        let (_, args) = self.st.spine(e);
        if args.len() <= mk_pos {
            return Ok(None);
        }
        let mk = self.whnf(args[mk_pos])?;
        let (mk_head, mk_args) = self.st.spine(mk);
        match self.st.node(mk_head) {
            ExprNode::Const(m, _) if m == self.wk.quot_mk && mk_args.len() == 3 => {}
            _ => return Ok(None),
        }
        let r = self.st.app(args[f_pos], mk_args[2]);
        Ok(Some(self.st.apps(r, &args[mk_pos + 1..])))
    }
}

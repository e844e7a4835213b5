//! Binder types without their annotation wrappers, as Lean's inductive
//! checker makes them (`consume_type_annotations` in `mk_local_decl_for`).
//!
//! Lean gives every local of a block (parameters, indices, fields) its binder
//! type with a top-level `optParam α d`, `autoParam α s`, `outParam α` or
//! `semiOutParam α` replaced by `α`, so the recursors it derives carry the bare
//! types (Lean's `HAdd.rec` has `Type w` where `HAdd` has `outParam (Type w)`).
//! Doing the same makes our derived recursors the very terms Lean exports.
//! A wrapper is removed only when the environment defines it as the identity
//! on its first argument, so a forged wrapper cannot change what a type means.

use crate::declaration::ConstantKind;
use crate::expr::{ExprId, ExprNode};
use crate::tc::TypeChecker;

/// A fresh local whose type is `ty` without its annotation wrappers.
pub(crate) fn local_for(tc: &mut TypeChecker<'_>, ty: ExprId) -> ExprId {
    let bare = consume_type_annotations(tc, ty);
    tc.fvar(bare)
}

/// `ty` with every top-level annotation wrapper removed.
fn consume_type_annotations(tc: &TypeChecker<'_>, mut ty: ExprId) -> ExprId {
    loop {
        let ExprNode::App(f, last) = tc.st.node(ty) else {
            return ty;
        };
        // Arity 1: `outParam α`, `semiOutParam α`.
        if let ExprNode::Const(name, _) = tc.st.node(f)
            && (name == tc.wk.out_param || name == tc.wk.semi_out_param)
            && is_identity_wrapper(tc, name, 1)
        {
            ty = last;
            continue;
        }
        // Arity 2: `optParam α d`, `autoParam α s`.
        if let ExprNode::App(g, alpha) = tc.st.node(f)
            && let ExprNode::Const(name, _) = tc.st.node(g)
            && (name == tc.wk.opt_param || name == tc.wk.auto_param)
            && is_identity_wrapper(tc, name, 2)
        {
            ty = alpha;
            continue;
        }
        return ty;
    }
}

/// Whether `name` is a definition `fun (α : Sort u) (x_2 ...) => α` taking
/// `arity` arguments, i.e. it returns its first argument unchanged.
fn is_identity_wrapper(tc: &TypeChecker<'_>, name: crate::name::NameId, arity: u32) -> bool {
    let Some(info) = tc.lookup(name) else {
        return false;
    };
    let ConstantKind::Definition { value, .. } = info.kind else {
        return false;
    };
    let mut body = value;
    for _ in 0..arity {
        let ExprNode::Lam(_, b) = tc.st.node(body) else {
            return false;
        };
        body = b;
    }
    matches!(tc.st.node(body), ExprNode::BVar(i) if i == arity - 1)
}

//! Recursors are derived from binder types without their annotation
//! wrappers, as Lean's kernel does, but only for a wrapper the environment
//! defines as the identity (a forged `outParam` keeps its meaning).

use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    ConstantKind, Declaration, DefinitionSafety, ExprId, ExprNode, InductiveBlock, InductiveType,
    Kernel, LevelId, ReducibilityHints,
};

/// `Nat`, then `outParam : Type → Type := out_param_value`, then
/// `Box (n : outParam Nat) : Type` with `Box.mk (n : outParam Nat) : Box n`.
/// Returns the kernel and the first binder type of the derived `Box.rec`.
fn box_recursor_parameter(identity_wrapper: bool) -> (Kernel, ExprId) {
    let mut k = Kernel::new();
    let st = k.store_mut();
    let nat_name = st.names.dotted("Nat");
    let zero = st.names.dotted("Nat.zero");
    let succ = st.names.dotted("Nat.succ");
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let nat = st.cnst(nat_name, &[]);
    let succ_ty = st.pi(nat, nat);
    k.add_declaration(&Declaration::Inductive(InductiveBlock {
        level_params: vec![],
        num_params: 0,
        types: vec![InductiveType {
            name: nat_name,
            ty,
            ctors: vec![(zero, nat), (succ, succ_ty)],
        }],
        is_unsafe: false,
        claimed: None,
    }))
    .expect("Nat");

    let st = k.store_mut();
    let out_param = st.names.dotted("outParam");
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let wrapper_ty = st.pi(ty, ty);
    // The identity `fun α => α`, or a forgery `fun _ => Nat` of the same type.
    let body = if identity_wrapper {
        st.bvar(0)
    } else {
        st.cnst(nat_name, &[])
    };
    let value = st.lam(ty, body);
    k.add_declaration(&Declaration::Definition {
        header: DeclHeader {
            name: out_param,
            level_params: vec![],
            ty: wrapper_ty,
        },
        value,
        hints: ReducibilityHints::Abbrev,
        safety: DefinitionSafety::Safe,
    })
    .expect("outParam");

    let st = k.store_mut();
    let box_name = st.names.dotted("Box");
    let mk = st.names.dotted("Box.mk");
    let nat = st.cnst(nat_name, &[]);
    let wrapper = st.cnst(out_param, &[]);
    let annotated = st.app(wrapper, nat);
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let box_ty = st.pi(annotated, ty);
    let box_c = st.cnst(box_name, &[]);
    let b0 = st.bvar(0);
    let result = st.app(box_c, b0);
    let mk_ty = st.pi(annotated, result);
    k.add_declaration(&Declaration::Inductive(InductiveBlock {
        level_params: vec![],
        num_params: 1,
        types: vec![InductiveType {
            name: box_name,
            ty: box_ty,
            ctors: vec![(mk, mk_ty)],
        }],
        is_unsafe: false,
        claimed: None,
    }))
    .expect("Box");

    let rec_name = k.store_mut().names.dotted("Box.rec");
    let info = k.env().get(rec_name).expect("Box.rec derived").clone();
    assert!(matches!(info.kind, ConstantKind::Recursor { .. }));
    let ExprNode::Pi(param, _) = k.store().node(info.ty) else {
        panic!("Box.rec's type is not a Pi");
    };
    (k, param)
}

#[test]
fn an_identity_wrapper_is_removed_from_recursor_binders() {
    let (mut k, param) = box_recursor_parameter(true);
    let nat_name = k.store_mut().names.dotted("Nat");
    let nat = k.store_mut().cnst(nat_name, &[]);
    assert_eq!(
        param, nat,
        "Box.rec's parameter should be `Nat`, as in Lean"
    );
}

#[test]
fn a_forged_wrapper_is_kept() {
    let (mut k, param) = box_recursor_parameter(false);
    let st = k.store_mut();
    let nat_name = st.names.dotted("Nat");
    let out_param = st.names.dotted("outParam");
    let nat = st.cnst(nat_name, &[]);
    let wrapper = st.cnst(out_param, &[]);
    let annotated = st.app(wrapper, nat);
    assert_eq!(
        param, annotated,
        "a non-identity `outParam` must not be removed"
    );
}

//! The programmatic API the gate builds on: declare an inductive type and
//! definitions without an export, then ask "does p have type T within N
//! steps", reduce, and compare terms.

use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    ConstantKind, Declaration, DefinitionSafety, ExprId, InductiveBlock, InductiveType, Kernel,
    KernelError, LevelId, Limits, NameId, ReducibilityHints,
};

struct Names {
    nat: NameId,
    zero: NameId,
    succ: NameId,
    double: NameId,
}

/// `Nat` with its recursor derived by the kernel, and `double` by recursion.
fn setup() -> (Kernel, Names) {
    let mut k = Kernel::new();
    let st = k.store_mut();
    let n = Names {
        nat: st.names.dotted("Nat"),
        zero: st.names.dotted("Nat.zero"),
        succ: st.names.dotted("Nat.succ"),
        double: st.names.dotted("double"),
    };
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let nat = st.cnst(n.nat, &[]);
    let succ_ty = st.pi(nat, nat);
    let block = InductiveBlock {
        level_params: vec![],
        num_params: 0,
        types: vec![InductiveType {
            name: n.nat,
            ty,
            ctors: vec![(n.zero, nat), (n.succ, succ_ty)],
        }],
        is_unsafe: false,
        claimed: None,
    };
    let rep = k
        .add_declaration(&Declaration::Inductive(block))
        .expect("Nat is well-formed");
    assert_eq!(
        rep.constants_added, 4,
        "Nat, two constructors and the derived Nat.rec"
    );
    let st = k.store_mut();
    let rec_name = st.names.dotted("Nat.rec");
    // double m = Nat.rec (fun _ => Nat) zero (fun _ ih => succ (succ ih)) m
    let rec = st.cnst(rec_name, &[one]);
    let motive = st.lam(nat, nat);
    let zero = st.cnst(n.zero, &[]);
    let succ = st.cnst(n.succ, &[]);
    let b0 = st.bvar(0);
    let s1 = st.app(succ, b0);
    let s2 = st.app(succ, s1);
    let step = st.lam(nat, s2);
    let step = st.lam(nat, step);
    let body = st.apps(rec, &[motive, zero, step, b0]);
    let value = st.lam(nat, body);
    let nat_to_nat = st.pi(nat, nat);
    let d = Declaration::Definition {
        header: DeclHeader {
            name: n.double,
            level_params: vec![],
            ty: nat_to_nat,
        },
        value,
        hints: ReducibilityHints::Regular(1),
        safety: DefinitionSafety::Safe,
    };
    k.add_declaration(&d).expect("double is well-typed");
    (k, n)
}

fn numeral(k: &mut Kernel, n: &Names, v: u32) -> ExprId {
    let st = k.store_mut();
    let mut e = st.cnst(n.zero, &[]);
    let succ = st.cnst(n.succ, &[]);
    for _ in 0..v {
        e = st.app(succ, e);
    }
    e
}

#[test]
fn derived_recursor_is_in_the_environment() {
    let (k, _) = setup();
    let rec = k.store().names.len();
    assert!(rec > 0);
    let mut kk = k;
    let name = kk.store_mut().names.dotted("Nat.rec");
    let info = kk.env().get(name).expect("Nat.rec derived");
    match &info.kind {
        ConstantKind::Recursor {
            rules,
            num_minors,
            k,
            ..
        } => {
            assert_eq!(rules.len(), 2);
            assert_eq!(*num_minors, 2);
            assert!(!k);
        }
        other => panic!("not a recursor: {other:?}"),
    }
}

#[test]
fn whnf_and_def_eq_compute_with_the_recursor() {
    let (mut k, n) = setup();
    let three = numeral(&mut k, &n, 3);
    let six = numeral(&mut k, &n, 6);
    let dbl = k.store_mut().cnst(n.double, &[]);
    let app = k.store_mut().app(dbl, three);
    let (eq, rep) = k
        .is_def_eq(app, six, Limits::DEFAULT)
        .expect("within budget");
    assert!(eq);
    assert!(rep.steps > 0);
    let five = numeral(&mut k, &n, 5);
    let (eq, _) = k
        .is_def_eq(app, five, Limits::DEFAULT)
        .expect("within budget");
    assert!(!eq);
    let (w, _) = k.whnf(app, Limits::DEFAULT).expect("within budget");
    // `Nat.succ` of a closed numeral is computed by the literal extension.
    let lit = k.store_mut().nat_lit(6u32.into());
    assert_eq!(w, lit, "whnf computes `double 3` to the literal 6");
}

#[test]
fn check_term_answers_within_a_budget() {
    let (mut k, n) = setup();
    let nat = k.store_mut().cnst(n.nat, &[]);
    let two = numeral(&mut k, &n, 2);
    let dbl = k.store_mut().cnst(n.double, &[]);
    let term = k.store_mut().app(dbl, two);
    let rep = k
        .check_term(term, nat, &[], Limits::DEFAULT)
        .expect("double 2 : Nat");
    assert!(rep.steps > 0);
    // Wrong type.
    let ty = k.store_mut().sort(LevelId::ZERO);
    assert!(k.check_term(term, ty, &[], Limits::DEFAULT).is_err());
    // Too little fuel.
    let r = k.check_term(term, nat, &[], Limits::with_fuel(1));
    assert!(
        matches!(r, Err(KernelError::OutOfFuel { limit: 1, .. })),
        "{r:?}"
    );
    // The inferred type is usable after the query (it is persisted).
    let (t, _) = k.infer(term, &[], Limits::DEFAULT).expect("infers");
    assert_eq!(t, nat);
}

#[test]
fn failed_declaration_leaves_the_environment_unchanged() {
    let (mut k, n) = setup();
    let before = k.env().len();
    let st = k.store_mut();
    let bad = st.names.dotted("bad");
    let nat = st.cnst(n.nat, &[]);
    let prop = st.sort(LevelId::ZERO);
    let d = Declaration::Definition {
        header: DeclHeader {
            name: bad,
            level_params: vec![],
            ty: nat,
        },
        value: prop,
        hints: ReducibilityHints::Opaque,
        safety: DefinitionSafety::Safe,
    };
    assert!(matches!(
        k.add_declaration(&d),
        Err(KernelError::ValueTypeMismatch(_))
    ));
    assert_eq!(k.env().len(), before);
    assert!(k.env().get(bad).is_none());
}

/// Quotient declarations are rejected by typed rules with stable ids: the
/// constant must carry its kind's name, and `Eq` must come first.
#[test]
fn quotient_rejections_name_their_rule() {
    use proofgate_kernel::{QuotKind, QuotRule};
    let mut k = Kernel::new();
    let st = k.store_mut();
    let (quot, other, u) = (
        st.names.dotted("Quot"),
        st.names.dotted("NotQuot"),
        st.names.dotted("u"),
    );
    let ul = st.levels.param(u);
    let ty = st.sort(ul);
    let decl = |name| Declaration::Quot {
        header: DeclHeader {
            name,
            level_params: vec![u],
            ty,
        },
        kind: QuotKind::Type,
    };
    let e = k.add_declaration(&decl(other)).unwrap_err();
    assert_eq!(e.rule(), "quot.name", "{e}");
    assert!(matches!(e, KernelError::Quot(QuotRule::UnexpectedName(_))));
    let e = k.add_declaration(&decl(quot)).unwrap_err();
    assert_eq!(e.rule(), "quot.eq-not-standard", "{e}");
}

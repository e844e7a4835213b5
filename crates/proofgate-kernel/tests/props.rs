//! Property tests: de Bruijn laws (instantiate after abstract, lift then
//! lower, instantiating an unused variable) and universe levels (normal
//! forms keep their value; `≥` and equivalence are sound, and the complete
//! check agrees with evaluation).

use proofgate_kernel::level::{LevelNode, LevelTable};
use proofgate_kernel::{ExprId, ExprNode, LevelId, NameId, TermStore};
use proptest::prelude::*;

/// A term shape, built into a store by `build`.
#[derive(Clone, Debug)]
enum T {
    BVar(u32),
    FVar(u32),
    Sort,
    App(Box<T>, Box<T>),
    Lam(Box<T>, Box<T>),
    Pi(Box<T>, Box<T>),
    Let(Box<T>, Box<T>, Box<T>),
}

fn term() -> impl Strategy<Value = T> {
    term_with_indices(4)
}

/// Terms whose loose indices reach `max_index - 1`.
fn term_with_indices(max_index: u32) -> impl Strategy<Value = T> {
    let leaf = prop_oneof![
        (0u32..max_index).prop_map(T::BVar),
        (0u32..3).prop_map(T::FVar),
        Just(T::Sort)
    ];
    leaf.prop_recursive(5, 40, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| T::App(Box::new(a), Box::new(b))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| T::Lam(Box::new(a), Box::new(b))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| T::Pi(Box::new(a), Box::new(b))),
            (inner.clone(), inner.clone(), inner).prop_map(|(a, b, c)| T::Let(
                Box::new(a),
                Box::new(b),
                Box::new(c)
            )),
        ]
    })
}

fn build(st: &mut TermStore, t: &T) -> ExprId {
    match t {
        T::BVar(i) => st.bvar(*i),
        T::FVar(i) => st.mk(ExprNode::FVar(*i)),
        T::Sort => st.sort(LevelId::ZERO),
        T::App(a, b) => {
            let (a, b) = (build(st, a), build(st, b));
            st.app(a, b)
        }
        T::Lam(a, b) => {
            let (a, b) = (build(st, a), build(st, b));
            st.lam(a, b)
        }
        T::Pi(a, b) => {
            let (a, b) = (build(st, a), build(st, b));
            st.pi(a, b)
        }
        T::Let(a, b, c) => {
            let (a, b, c) = (build(st, a), build(st, b), build(st, c));
            st.mk(ExprNode::Let(a, b, c))
        }
    }
}

/// Closes loose indices by wrapping lambdas, so abstraction has room.
fn closed(st: &mut TermStore, e: ExprId) -> ExprId {
    let mut e = e;
    while st.lbr(e) > 0 {
        let s = st.sort(LevelId::ZERO);
        e = st.lam(s, e);
    }
    e
}

proptest! {
    #[test]
    fn instantiate_after_abstract_is_identity(t in term()) {
        let mut st = TermStore::default();
        let e = build(&mut st, &t);
        let e = closed(&mut st, e);
        let fvars: Vec<ExprId> = (0..3).map(|i| st.mk(ExprNode::FVar(i))).collect();
        let a = st.abstract_fvars(e, &fvars);
        prop_assert!(!st.has_fvar(a));
        prop_assert_eq!(st.instantiate_rev(a, &fvars), e);
    }

    #[test]
    fn lower_after_lift_is_identity(t in term(), s in 0u32..3, d in 0u32..3) {
        let mut st = TermStore::default();
        let e = build(&mut st, &t);
        let l = st.lift_loose_bvars(e, s, d);
        prop_assert_eq!(st.lbr(l) >= st.lbr(e), true);
        prop_assert_eq!(st.lower_loose_bvars(l, s, d), e);
    }

    #[test]
    fn instantiating_an_unused_variable_drops_it(t in term(), v in term()) {
        let mut st = TermStore::default();
        let e = build(&mut st, &t);
        let v = build(&mut st, &v);
        let lifted = st.lift_loose_bvars(e, 0, 1);
        prop_assert!(!st.has_loose_bvar(lifted, 0));
        prop_assert_eq!(st.instantiate1(lifted, v), e);
    }

    /// The summary the context cache keys open terms by never puts the
    /// nearest variable a term reads above the one it reads (that would
    /// let two terms reading different entries share a key). Indices reach
    /// past the summary's exact window of 16.
    #[test]
    fn lowest_loose_bound_is_never_above_the_lowest_index(t in term_with_indices(40)) {
        let mut st = TermStore::default();
        let e = build(&mut st, &t);
        let lowest = (0..st.lbr(e)).find(|&i| st.has_loose_bvar(e, i));
        match (st.lowest_loose_bound(e), lowest) {
            (None, None) => {}
            (Some(b), Some(l)) => prop_assert!(b <= l, "bound {} above lowest {}", b, l),
            (b, l) => prop_assert!(false, "bound {:?} but lowest {:?}", b, l),
        }
    }

    #[test]
    fn loose_bvar_range_bounds_occurrences(t in term(), i in 0u32..6) {
        let mut st = TermStore::default();
        let e = build(&mut st, &t);
        if st.has_loose_bvar(e, i) {
            prop_assert!(i < st.lbr(e));
        }
    }
}

/// A level shape over parameters `u` and `v`.
#[derive(Clone, Debug)]
enum L {
    Zero,
    P(bool),
    Succ(Box<L>),
    Max(Box<L>, Box<L>),
    IMax(Box<L>, Box<L>),
}

fn level() -> impl Strategy<Value = L> {
    let leaf = prop_oneof![Just(L::Zero), any::<bool>().prop_map(L::P)];
    leaf.prop_recursive(4, 16, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|a| L::Succ(Box::new(a))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| L::Max(Box::new(a), Box::new(b))),
            (inner.clone(), inner).prop_map(|(a, b)| L::IMax(Box::new(a), Box::new(b))),
        ]
    })
}

fn build_level(t: &mut LevelTable, l: &L, ps: [NameId; 2]) -> LevelId {
    match l {
        L::Zero => LevelId::ZERO,
        L::P(b) => t.param(ps[usize::from(*b)]),
        L::Succ(a) => {
            let a = build_level(t, a, ps);
            t.succ(a)
        }
        L::Max(a, b) => {
            let (a, b) = (build_level(t, a, ps), build_level(t, b, ps));
            t.mk(LevelNode::Max(a, b))
        }
        L::IMax(a, b) => {
            let (a, b) = (build_level(t, a, ps), build_level(t, b, ps));
            t.mk(LevelNode::IMax(a, b))
        }
    }
}

fn eval(t: &LevelTable, l: LevelId, ps: [NameId; 2], vals: [u32; 2]) -> u32 {
    match t.node(l) {
        LevelNode::Zero => 0,
        LevelNode::Param(n) => {
            if n == ps[0] {
                vals[0]
            } else {
                vals[1]
            }
        }
        LevelNode::Succ(a) => eval(t, a, ps, vals) + 1,
        LevelNode::Max(a, b) => eval(t, a, ps, vals).max(eval(t, b, ps, vals)),
        LevelNode::IMax(a, b) => {
            let vb = eval(t, b, ps, vals);
            if vb == 0 {
                0
            } else {
                eval(t, a, ps, vals).max(vb)
            }
        }
    }
}

/// Assignments large enough to exhibit every behaviour of these levels
/// (offsets stay below 5, so values above that behave alike).
fn assignments() -> impl Iterator<Item = [u32; 2]> {
    (0..8).flat_map(|a| (0..8).map(move |b| [a, b]))
}

fn setup() -> (TermStore, [NameId; 2]) {
    let mut st = TermStore::default();
    let ps = [st.names.dotted("u"), st.names.dotted("v")];
    (st, ps)
}

proptest! {
    #[test]
    fn normalisation_preserves_value(l in level()) {
        let (mut st, ps) = setup();
        let x = build_level(&mut st.levels, &l, ps);
        let n = st.levels.normalize(x, &st.names);
        for vals in assignments() {
            prop_assert_eq!(eval(&st.levels, x, ps, vals), eval(&st.levels, n, ps, vals));
        }
        let nn = st.levels.normalize(n, &st.names);
        prop_assert_eq!(st.levels.normalize(nn, &st.names), nn);
    }

    #[test]
    fn geq_and_equivalence_are_sound_and_complete(a in level(), b in level()) {
        let (mut st, ps) = setup();
        let x = build_level(&mut st.levels, &a, ps);
        let y = build_level(&mut st.levels, &b, ps);
        let truly_geq = assignments().all(|v| eval(&st.levels, x, ps, v) >= eval(&st.levels, y, ps, v));
        let truly_eq = assignments().all(|v| eval(&st.levels, x, ps, v) == eval(&st.levels, y, ps, v));
        prop_assert_eq!(st.levels.is_geq(x, y, &st.names), truly_geq);
        prop_assert_eq!(st.levels.is_equiv(x, y, &st.names), truly_eq);
    }
}

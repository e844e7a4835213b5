//! Obligations: a proposition and a proof term, both closed kernel terms.
//!
//! The shape facts routing needs are read from the term store once, when the
//! obligation is built, so routing is an integer compare. Reflex covers
//! literal equality only: `@Eq.{1} Nat n n` proved by `@Eq.refl.{1} Nat n`
//! with `n` a Nat literal. That shape is well-typed by construction (a
//! literal has type `Nat`, `Nat : Type`), so deciding it by identity is
//! sound without asking the kernel; any other shape goes to the kernel.

use proofgate_kernel::expr::LevelsId;
use proofgate_kernel::{ExprId, ExprNode, NameId, TermStore};

/// The names and levels that identify a literal equality.
#[derive(Clone, Copy, Debug)]
pub struct ReflexShape {
    /// `Eq`.
    pub eq: NameId,
    /// `Eq.refl`.
    pub eq_refl: NameId,
    /// `Nat`.
    pub nat: NameId,
    /// The level list `[1]`.
    pub level_one: LevelsId,
}

/// A proposition with the proof offered for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Obligation {
    prop: ExprId,
    proof: ExprId,
    reflexive: bool,
    prop_depth: u32,
    deep: bool,
}

/// `(head, args)` of `f a b c`, when the head is the constant `name` and
/// there are exactly `n` arguments.
fn const_app<const N: usize>(st: &TermStore, e: ExprId, name: NameId) -> Option<[ExprId; N]> {
    let mut args = [e; N];
    let mut cur = e;
    for slot in args.iter_mut().rev() {
        let ExprNode::App(f, a) = st.node(cur) else {
            return None;
        };
        *slot = a;
        cur = f;
    }
    match st.node(cur) {
        ExprNode::Const(n, _) if n == name => Some(args),
        _ => None,
    }
}

impl Obligation {
    /// Builds an obligation, reading its shape from `st`.
    pub fn new(st: &TermStore, shape: &ReflexShape, prop: ExprId, proof: ExprId) -> Self {
        let reflexive = match (
            const_app::<3>(st, prop, shape.eq),
            const_app::<2>(st, proof, shape.eq_refl),
        ) {
            (Some([t, a, b]), Some([t2, a2])) => {
                let level_one = |e: ExprId| matches!(st.node(st.app_head(e)), ExprNode::Const(_, ls) if ls == shape.level_one);
                let nat = matches!(st.node(t), ExprNode::Const(n, ls) if n == shape.nat && st.levels_of(ls).is_empty());
                a == b
                    && t == t2
                    && a == a2
                    && nat
                    && matches!(st.node(a), ExprNode::NatLit(_))
                    && level_one(prop)
                    && level_one(proof)
            }
            _ => false,
        };
        Obligation {
            prop,
            proof,
            reflexive,
            prop_depth: st.depth(prop),
            deep: false,
        }
    }

    /// The proposition.
    #[inline]
    pub fn prop(&self) -> ExprId {
        self.prop
    }

    /// The proof term.
    #[inline]
    pub fn proof(&self) -> ExprId {
        self.proof
    }

    /// Whether this is `@Eq.{1} Nat n n` proved by `@Eq.refl.{1} Nat n` for
    /// a literal `n` (same ids).
    #[inline]
    pub fn is_reflexive(&self) -> bool {
        self.reflexive
    }

    /// The same obligation, routed to Deep unless its shape is Reflex
    /// (custom proofs: someone else's proof term, of unknown cost).
    pub fn routed_deep(self) -> Self {
        Obligation { deep: true, ..self }
    }

    /// Whether it starts at Deep whatever its depth.
    #[inline]
    pub fn starts_deep(&self) -> bool {
        self.deep
    }

    /// Tree depth of the proposition.
    #[inline]
    pub fn prop_depth(&self) -> u32 {
        self.prop_depth
    }
}

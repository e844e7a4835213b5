//! The one notion of "proposition" in the kernel.
//!
//! Every rule that treats proofs differently from data asks here: proof
//! irrelevance, projections out of a structure in `Prop`, theorem types,
//! structure eta on a major premise, and, for inductive blocks, large
//! elimination, the `K` rule and the universe check of fields
//! (`inductive/`). The answer is decided on the *meaning* of a universe
//! level ([`crate::level::LevelTable::is_zero`]), never on how it is
//! written, and on the weak head normal form of the type's type: a sort
//! written `Sort (imax 1 0)`, `Sort u` instantiated with `u := 0`, or hidden
//! behind a definition that unfolds to `Prop` is `Prop`. Answering from the
//! syntax instead let a structure in `Sort (imax 1 0)` project a `Bool`
//! field, and proof irrelevance then equated `mk true` with `mk false`
//! (`tests/fixtures/reject/prop_*`).

use super::{TcResult, TypeChecker};
use crate::expr::{ExprId, ExprNode};
use crate::level::LevelId;

impl TypeChecker<'_> {
    /// Whether `Sort l` is `Prop` for every instantiation of its parameters.
    pub(crate) fn is_prop_level(&self, l: LevelId) -> bool {
        self.st.levels.is_zero(l)
    }

    /// Whether the sort `s` (a term already in weak head normal form) is `Prop`.
    pub(crate) fn is_prop_sort(&self, s: ExprId) -> bool {
        matches!(self.st.node(s), ExprNode::Sort(l) if self.is_prop_level(l))
    }

    /// Whether `ty` is a proposition: its type reduces to `Prop`.
    pub fn is_prop(&mut self, ty: ExprId) -> TcResult<bool> {
        let s = self.infer_only(ty)?;
        let s = self.whnf(s)?;
        Ok(self.is_prop_sort(s))
    }
}

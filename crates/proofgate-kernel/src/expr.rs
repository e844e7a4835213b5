//! Expressions: hash-consed nodes with data computed once at construction
//! (structural hash, loose bound variable range, depth, flags).

use crate::level::LevelId;
use crate::name::NameId;

/// An interned expression. Structurally equal expressions have the same id,
/// so equality is an integer compare. Ids with the top bit set live in the
/// per-check scratch region and are invalid once that check ends.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct ExprId(pub(crate) u32);

impl ExprId {
    pub(crate) const SCRATCH_BIT: u32 = 1 << 31;

    /// Whether the expression lives in the per-check scratch region.
    pub fn is_scratch(self) -> bool {
        self.0 & Self::SCRATCH_BIT != 0
    }
}

/// An interned list of universe levels (the instance of a constant).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LevelsId(pub(crate) u32);

impl LevelsId {
    /// The empty list, interned first in every store.
    pub(crate) const EMPTY: LevelsId = LevelsId(0);
}

/// An interned literal value (index into the store's literal tables). Like
/// an [`ExprId`], an id with the top bit set names a `Nat` literal computed
/// during the current check, kept in the store's scratch literal table and
/// invalid once that check ends.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LitId(pub(crate) u32);

impl LitId {
    pub(crate) const SCRATCH_BIT: u32 = 1 << 31;

    /// Whether the literal lives in the per-check scratch table.
    pub fn is_scratch(self) -> bool {
        self.0 & Self::SCRATCH_BIT != 0
    }
}

/// The shape of an expression. Binder names and binder info are not kept:
/// the kernel's verdicts never depend on them, and dropping them lets
/// alpha-equivalent terms share one node.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ExprNode {
    /// A de Bruijn index.
    BVar(u32),
    /// A free variable of the current local context.
    FVar(u32),
    /// `Sort l`
    Sort(LevelId),
    /// A constant instantiated at universe levels.
    Const(NameId, LevelsId),
    /// Application `f a`.
    App(ExprId, ExprId),
    /// `fun (x : t) => b`
    Lam(ExprId, ExprId),
    /// `(x : t) → b`
    Pi(ExprId, ExprId),
    /// `let x : t := v; b`
    Let(ExprId, ExprId, ExprId),
    /// The `idx`-th field of a value of structure `S`.
    Proj(NameId, u32, ExprId),
    /// A natural number literal.
    NatLit(LitId),
    /// A string literal.
    StrLit(LitId),
}

/// Data cached with every node.
#[derive(Clone, Copy, Debug)]
pub struct ExprData {
    /// The node itself.
    pub node: ExprNode,
    /// Structural hash (independent of which region the node lives in).
    pub hash: u32,
    /// One more than the largest loose de Bruijn index (0 = closed).
    pub loose_bvar_range: u32,
    /// Which loose indices occur, summarised (see [`LooseIndices`]).
    pub loose: LooseIndices,
    /// Tree depth of the node (1 for leaves, levels included), saturating
    /// at `u16::MAX` (far above any depth the checker accepts).
    pub depth: u16,
    /// `FLAG_*` bits.
    pub flags: u8,
}

/// A summary of a term's loose indices, small enough for every node, from
/// which the nearest binder the term may read is found in O(1): the
/// context cache of inference keys an open term by that binder.
///
/// `near` has bit `i` for each `#i` below 16 that occurs; `far` is a lower
/// bound of the smallest index from 16 up (0: there is none). Under a
/// binder both shift down by one; when `far` reaches the window the index
/// enters it as bit 15 and `far` becomes 16 if larger indices remain (the
/// range says so), now only a bound. [`LooseIndices::lowest`] is never above
/// the smallest index that occurs, and equals it unless two far indices
/// entered the window one after the other.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct LooseIndices {
    near: u16,
    far: u16,
}

/// Indices below this are kept exactly, one bit each.
const NEAR: u32 = 16;

impl LooseIndices {
    /// The summary of `#i`.
    pub(crate) fn of_bvar(i: u32) -> LooseIndices {
        if i < NEAR {
            LooseIndices {
                near: 1 << i,
                far: 0,
            }
        } else {
            LooseIndices {
                near: 0,
                far: i.min(u16::MAX as u32) as u16,
            }
        }
    }

    /// The summary of a term with these two parts.
    pub(crate) fn union(self, o: LooseIndices) -> LooseIndices {
        let far = match (self.far, o.far) {
            (0, f) | (f, 0) => f,
            (a, b) => a.min(b),
        };
        LooseIndices {
            near: self.near | o.near,
            far,
        }
    }

    /// The summary of a binder over a body with this summary and loose
    /// range `body_range` (the body's `#(i+1)` is the binder's `#i`).
    pub(crate) fn under_binder(self, body_range: u32) -> LooseIndices {
        let mut near = self.near >> 1;
        let far = match self.far {
            0 => 0,
            f if f as u32 == NEAR => {
                near |= 1 << (NEAR - 1);
                // Indices above 16 remain far, their least now unknown.
                if body_range > NEAR + 1 {
                    NEAR as u16
                } else {
                    0
                }
            }
            f => f - 1,
        };
        LooseIndices { near, far }
    }

    /// A lower bound of the smallest loose index (`None`: closed).
    pub fn lowest(self) -> Option<u32> {
        if self.near != 0 {
            Some(self.near.trailing_zeros())
        } else if self.far != 0 {
            Some(self.far as u32)
        } else {
            None
        }
    }
}

/// The expression contains a free variable.
pub const FLAG_FVAR: u8 = 1;
/// The expression mentions a universe parameter.
pub const FLAG_LEVEL_PARAM: u8 = 2;

impl ExprData {
    /// Whether a free variable occurs.
    pub fn has_fvar(&self) -> bool {
        self.flags & FLAG_FVAR != 0
    }
    /// Whether a universe parameter occurs.
    pub fn has_level_param(&self) -> bool {
        self.flags & FLAG_LEVEL_PARAM != 0
    }
}

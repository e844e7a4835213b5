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

/// An interned literal value (index into the store's literal tables).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LitId(pub(crate) u32);

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
    /// Tree depth of the node (1 for leaves, levels included), saturating
    /// at `u16::MAX` (far above any depth the checker accepts).
    pub depth: u16,
    /// `FLAG_*` bits.
    pub flags: u8,
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

//! Declarations (what is submitted) and constants (what the environment
//! keeps once a declaration is checked).

use crate::expr::ExprId;
use crate::name::NameId;

/// How eagerly a definition unfolds in definitional-equality checks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReducibilityHints {
    /// Never unfolded first.
    Opaque,
    /// Unfolded before anything else.
    Abbrev,
    /// Unfolded by height: the higher one first.
    Regular(u32),
}

/// Safety of a definition.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DefinitionSafety {
    /// An ordinary definition.
    Safe,
    /// May use unsafe constants; safe code may not use it.
    Unsafe,
    /// A `partial` definition (opaque to safe code's reduction).
    Partial,
}

/// Which of the four quotient constants.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum QuotKind {
    /// `Quot`
    Type,
    /// `Quot.mk`
    Ctor,
    /// `Quot.lift`
    Lift,
    /// `Quot.ind`
    Ind,
}

/// One inductive type of a block as submitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InductiveType {
    /// Its name.
    pub name: NameId,
    /// Its type (parameters, then indices, then a sort).
    pub ty: ExprId,
    /// Its constructors, in order: name and type.
    pub ctors: Vec<(NameId, ExprId)>,
}

/// What an export claims about a block; the kernel derives it again and
/// rejects any disagreement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimedInductive {
    /// The inductive constants as exported.
    pub types: Vec<ConstantInfo>,
    /// The constructors as exported.
    pub ctors: Vec<ConstantInfo>,
    /// The recursors as exported.
    pub recs: Vec<ConstantInfo>,
}

/// A (mutual) block of inductive types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InductiveBlock {
    /// Universe parameters shared by the block.
    pub level_params: Vec<NameId>,
    /// Number of parameters shared by every type of the block.
    pub num_params: u32,
    /// The types, in order.
    pub types: Vec<InductiveType>,
    /// Whether the block is `unsafe`.
    pub is_unsafe: bool,
    /// The derived data the submitter claims (an export repeats it).
    pub claimed: Option<ClaimedInductive>,
}

/// What every declaration but an inductive block starts with: the constant's
/// name, universe parameters and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclHeader {
    /// Name.
    pub name: NameId,
    /// Universe parameters.
    pub level_params: Vec<NameId>,
    /// Type.
    pub ty: ExprId,
}

/// A declaration submitted to the kernel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Declaration {
    /// An axiom.
    Axiom {
        /// Name, universe parameters, type.
        header: DeclHeader,
        /// Unsafe axiom.
        is_unsafe: bool,
    },
    /// A definition.
    Definition {
        /// Name, universe parameters, type.
        header: DeclHeader,
        /// Value.
        value: ExprId,
        /// Unfolding hints.
        hints: ReducibilityHints,
        /// Safety.
        safety: DefinitionSafety,
    },
    /// A theorem (its type must be a proposition).
    Theorem {
        /// Name, universe parameters, type.
        header: DeclHeader,
        /// Proof.
        value: ExprId,
    },
    /// An opaque constant with a checked but never unfolded value.
    Opaque {
        /// Name, universe parameters, type.
        header: DeclHeader,
        /// Value.
        value: ExprId,
        /// Unsafe.
        is_unsafe: bool,
    },
    /// One of the quotient constants (checked against the built-in types).
    Quot {
        /// Name, universe parameters, type.
        header: DeclHeader,
        /// Which constant.
        kind: QuotKind,
    },
    /// A block of inductive types.
    Inductive(InductiveBlock),
}

impl Declaration {
    /// The header of a declaration other than an inductive block.
    pub fn header(&self) -> Option<&DeclHeader> {
        match self {
            Declaration::Axiom { header, .. }
            | Declaration::Definition { header, .. }
            | Declaration::Theorem { header, .. }
            | Declaration::Opaque { header, .. }
            | Declaration::Quot { header, .. } => Some(header),
            Declaration::Inductive(_) => None,
        }
    }

    /// The first name the declaration introduces (for messages).
    pub fn name(&self) -> NameId {
        match self {
            Declaration::Inductive(b) => b.types.first().map_or(NameId::ANONYMOUS, |t| t.name),
            other => other.header().map_or(NameId::ANONYMOUS, |h| h.name),
        }
    }

    /// The constant a declaration other than an inductive block adds, as it
    /// is written (the kernel adds it once it has checked it; a block's
    /// constants are derived instead, so it has none here).
    pub fn constant(&self) -> Option<ConstantInfo> {
        let (header, kind) = match self {
            Declaration::Axiom { header, is_unsafe } => (
                header,
                ConstantKind::Axiom {
                    is_unsafe: *is_unsafe,
                },
            ),
            Declaration::Definition {
                header,
                value,
                hints,
                safety,
            } => (
                header,
                ConstantKind::Definition {
                    value: *value,
                    hints: *hints,
                    safety: *safety,
                },
            ),
            Declaration::Theorem { header, value } => {
                (header, ConstantKind::Theorem { value: *value })
            }
            Declaration::Opaque {
                header,
                value,
                is_unsafe,
            } => (
                header,
                ConstantKind::Opaque {
                    value: *value,
                    is_unsafe: *is_unsafe,
                },
            ),
            Declaration::Quot { header, kind } => (header, ConstantKind::Quot { kind: *kind }),
            Declaration::Inductive(_) => return None,
        };
        Some(ConstantInfo {
            name: header.name,
            level_params: header.level_params.clone(),
            ty: header.ty,
            kind,
        })
    }
}

/// A rule of a recursor: how it reduces on one constructor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecursorRule {
    /// The constructor.
    pub ctor: NameId,
    /// Number of fields of the constructor.
    pub nfields: u32,
    /// Right-hand side, abstracted over params, motives, minors, fields.
    pub rhs: ExprId,
}

/// Kind-specific data of a constant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConstantKind {
    /// An axiom.
    Axiom {
        /// Unsafe.
        is_unsafe: bool,
    },
    /// A definition.
    Definition {
        /// Value.
        value: ExprId,
        /// Hints.
        hints: ReducibilityHints,
        /// Safety.
        safety: DefinitionSafety,
    },
    /// A theorem.
    Theorem {
        /// Proof.
        value: ExprId,
    },
    /// An opaque constant.
    Opaque {
        /// Value.
        value: ExprId,
        /// Unsafe.
        is_unsafe: bool,
    },
    /// A quotient constant.
    Quot {
        /// Which one.
        kind: QuotKind,
    },
    /// An inductive type.
    Inductive {
        /// Parameters.
        num_params: u32,
        /// Indices.
        num_indices: u32,
        /// The types of its block.
        all: Vec<NameId>,
        /// Its constructors.
        ctors: Vec<NameId>,
        /// Auxiliary types introduced for nested occurrences.
        num_nested: u32,
        /// Some constructor has a recursive field.
        is_rec: bool,
        /// Some field is a function into the block.
        is_reflexive: bool,
        /// Unsafe.
        is_unsafe: bool,
    },
    /// A constructor.
    Constructor {
        /// Its inductive type.
        induct: NameId,
        /// Its index among the type's constructors.
        cidx: u32,
        /// Parameters.
        num_params: u32,
        /// Fields.
        num_fields: u32,
        /// Unsafe.
        is_unsafe: bool,
    },
    /// A recursor.
    Recursor {
        /// The types of the block.
        all: Vec<NameId>,
        /// Parameters.
        num_params: u32,
        /// Indices.
        num_indices: u32,
        /// Motives.
        num_motives: u32,
        /// Minor premises.
        num_minors: u32,
        /// Reduction rules.
        rules: Vec<RecursorRule>,
        /// Supports K-like reduction.
        k: bool,
        /// Unsafe.
        is_unsafe: bool,
    },
}

/// A constant of the environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstantInfo {
    /// Name.
    pub name: NameId,
    /// Universe parameters.
    pub level_params: Vec<NameId>,
    /// Type.
    pub ty: ExprId,
    /// Kind-specific data.
    pub kind: ConstantKind,
}

impl ConstantInfo {
    /// Whether using this constant makes a declaration unsafe.
    pub fn is_unsafe(&self) -> bool {
        match &self.kind {
            ConstantKind::Axiom { is_unsafe }
            | ConstantKind::Opaque { is_unsafe, .. }
            | ConstantKind::Inductive { is_unsafe, .. }
            | ConstantKind::Constructor { is_unsafe, .. }
            | ConstantKind::Recursor { is_unsafe, .. } => *is_unsafe,
            ConstantKind::Definition { safety, .. } => *safety == DefinitionSafety::Unsafe,
            ConstantKind::Theorem { .. } | ConstantKind::Quot { .. } => false,
        }
    }

    /// Whether this is a `partial` definition.
    pub fn is_partial(&self) -> bool {
        matches!(
            self.kind,
            ConstantKind::Definition {
                safety: DefinitionSafety::Partial,
                ..
            }
        )
    }

    /// Value and hints if the constant unfolds (definitions and theorems).
    pub fn unfold_value(&self) -> Option<(ExprId, ReducibilityHints)> {
        match &self.kind {
            ConstantKind::Definition { value, hints, .. } => Some((*value, *hints)),
            ConstantKind::Theorem { value } => Some((*value, ReducibilityHints::Opaque)),
            _ => None,
        }
    }

    /// Index of the major premise of a recursor.
    pub fn major_idx(&self) -> Option<usize> {
        match &self.kind {
            ConstantKind::Recursor {
                num_params,
                num_indices,
                num_motives,
                num_minors,
                ..
            } => Some((num_params + num_motives + num_minors + num_indices) as usize),
            _ => None,
        }
    }
}

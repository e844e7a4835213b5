//! Rejections as data: the typing or well-formedness rule a declaration
//! breaks, with the terms involved (rendered when the rejection is made,
//! since the terms of a failed check do not outlive it), as lean4lean's
//! exceptions carry them. Tests and callers match on the rule; the text is
//! for people. [`KernelError::rule`](crate::KernelError::rule) names each one
//! with a stable id.

use thiserror::Error;

/// A typing rule a term breaks.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TypeRule {
    /// A de Bruijn index points past every binder.
    #[error("unexpected loose bound variable")]
    LooseBoundVariable,
    /// A binder type, declaration type or let type is not a type.
    #[error("type expected (a sort), found `{found}`")]
    NotASort {
        /// The term where a sort was expected (weak head normal form).
        found: String,
    },
    /// A term applied to an argument is not a function.
    #[error("function expected, found `{found}`")]
    NotAFunction {
        /// The type that is not a function type (weak head normal form).
        found: String,
    },
    /// An argument's type is not the function's domain.
    #[error(
        "application argument type mismatch: `{arg}` has type `{arg_type}`, expected `{expected}`"
    )]
    AppArgMismatch {
        /// The argument.
        arg: String,
        /// Its type.
        arg_type: String,
        /// The domain of the function.
        expected: String,
    },
    /// A let-bound value does not have the let's type.
    #[error("let value does not have the let type: `{value_type}` is not `{declared}`")]
    LetTypeMismatch {
        /// The value's type.
        value_type: String,
        /// The declared type.
        declared: String,
    },
    /// A literal whose `Nat` or `String` is missing or not in the standard form.
    #[error("a literal needs `Nat` (or `String`, `Char`, `List`) declared in their standard form")]
    LiteralWithoutPrelude,
    /// A Nat literal that is not a decimal numeral.
    #[error("invalid Nat literal '{0}'")]
    InvalidNatLiteral(String),
    /// A Nat literal over the size the kernel reads.
    #[error("Nat literal of {digits} digits exceeds the limit of {limit}")]
    NatLiteralTooLong {
        /// Its digits.
        digits: usize,
        /// The limit.
        limit: usize,
    },
    /// A projection that breaks the projection rule.
    #[error("invalid projection: {0}")]
    Projection(ProjectionRule),
    /// A term handed to the kernel has loose bound or free variables.
    #[error("term has loose bound or free variables")]
    OpenTerm,
    /// A term id or name id from another kernel's store.
    #[error("a {0} id does not belong to this kernel's store")]
    ForeignId(&'static str),
    /// A query's term does not have the type it was asked about.
    #[error("the term does not have the expected type: `{found}` is not `{expected}`")]
    QueryTypeMismatch {
        /// The inferred type.
        found: String,
        /// The type asked about.
        expected: String,
    },
}

/// Why a projection `S.i e` is refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProjectionRule {
    /// `e`'s type is not an inductive type.
    #[error("the structure's type is not an inductive type")]
    NotInductive,
    /// `e`'s type is another inductive type than `S`.
    #[error("the structure's type does not match the projection")]
    WrongType,
    /// `S` has several constructors, or indices.
    #[error("not a structure")]
    NotAStructure,
    /// `S` has no field `i`.
    #[error("field index out of range")]
    FieldOutOfRange,
    /// `S` is a proposition and field `i` is data: projecting it would let
    /// proof irrelevance equate different data.
    #[error("a proof's data field cannot be projected")]
    DataFieldOfProof,
}

/// A well-formedness rule of inductive blocks that a block breaks.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum InductiveRule {
    /// The block declares no type.
    #[error("empty block")]
    EmptyBlock,
    /// A type of the block is not closed.
    #[error("a type in the block has loose bound or free variables")]
    OpenType,
    /// The types of a mutual block disagree on their parameters.
    #[error("parameters of all inductive types must match")]
    ParamsDiffer,
    /// A type has fewer binders than the block's parameter count.
    #[error("number of parameters mismatch in inductive declaration")]
    ParamCount,
    /// A type does not end in a sort.
    #[error("the type of an inductive type must end in a sort")]
    NotASort,
    /// The types of a mutual block live in different universes.
    #[error("mutually inductive types must live in the same universe")]
    UniverseDiffers,
    /// A field mentions a type of the block to the left of an arrow.
    #[error("non-positive occurrence of an inductive type being declared")]
    NonPositive,
    /// A field mentions a type of the block other than as `T params indices`.
    #[error("invalid occurrence of an inductive type being declared")]
    InvalidOccurrence,
    /// A constructor's parameters are not the block's.
    #[error("constructor parameters do not match the inductive's")]
    CtorParams,
    /// A constructor has fewer arguments than the block's parameters.
    #[error("constructor has fewer arguments than the inductive's parameters")]
    CtorTooFewArgs,
    /// A constructor does not return its own type at the block's parameters.
    #[error("invalid constructor result type")]
    CtorResult,
    /// A constructor field lives in a universe above the type's.
    #[error("a constructor field's universe is too big for the inductive type")]
    FieldUniverse,
    /// A nested occurrence that cannot be eliminated.
    #[error("invalid nested inductive occurrence")]
    NestedOccurrence,
    /// A nested occurrence whose parameters mention local variables.
    #[error("nested inductive parameters cannot contain local variables")]
    NestedLocals,
    /// A nested occurrence of a constant that is not a known inductive type.
    #[error("nested occurrence of an unknown or non-inductive type")]
    NestedNotInductive,
    /// A nested occurrence at the wrong number of universe levels.
    #[error("nested occurrence at the wrong number of universe levels")]
    NestedLevels,
    /// A nested type's constructor is missing from the environment.
    #[error("unknown nested constructor")]
    NestedCtor,
}

/// The part of an exported inductive block that is not the kernel's derivation.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClaimPart {
    /// A constant the kernel derives no counterpart for (an orphan).
    #[error("constant (the kernel derives no such constant)")]
    NotDerived,
    /// Universe parameters: count, repetition, or a renamed type/constructor.
    #[error("universe parameters")]
    UniverseParams,
    /// The type (of a recursor, as the others are the block's input).
    #[error("type")]
    Type,
    /// The `k` flag of a recursor.
    #[error("k flag")]
    KFlag,
    /// Counts or flags of a recursor.
    #[error("recursor data")]
    RecursorData,
    /// Counts or flags of a constructor.
    #[error("constructor data")]
    ConstructorData,
    /// Counts or flags of an inductive type.
    #[error("inductive data")]
    InductiveData,
    /// How many rules a recursor has.
    #[error("number of recursor rules")]
    RuleCount,
    /// A rule's constructor, field count or right-hand side.
    #[error("recursor rules")]
    Rules,
}

/// A rule of the quotient declarations (`Quot`, `Quot.mk`, `Quot.lift`,
/// `Quot.ind`), whose names and types are fixed by the kernel.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum QuotRule {
    /// `Eq` is not declared before the quotient, or not in its standard form.
    #[error("`Eq` must be declared first, in its standard form")]
    EqNotStandard,
    /// The declaration's name is not the one of its quotient kind.
    #[error("unexpected name '{0}'")]
    UnexpectedName(String),
    /// The declaration has the wrong number of universe parameters.
    #[error("expected {expected} universe parameters")]
    LevelParamCount {
        /// The count its kind has (2 for `Quot.lift`, else 1).
        expected: usize,
        /// The count declared.
        got: usize,
    },
    /// The declared type is not the one the kernel expects for the kind.
    #[error("'{0}' has an unexpected type")]
    UnexpectedType(String),
}

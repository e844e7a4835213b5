//! Kernel errors: what went wrong, with what a user needs to act on it.

use thiserror::Error;

/// Why a declaration or term was rejected.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KernelError {
    /// The fuel budget ran out.
    #[error(
        "fuel exhausted: used {used} of {limit} reduction steps, the next operation needed {needed}"
    )]
    OutOfFuel {
        /// Steps used before the operation that did not fit.
        used: u64,
        /// Steps that operation needed (1 for an ordinary step; more for
        /// big-number arithmetic, charged by operand size).
        needed: u64,
        /// The budget.
        limit: u64,
    },
    /// The checker's recursion went deeper than allowed.
    #[error("recursion depth limit exceeded: more than {limit} nested checker calls")]
    RecursionLimit {
        /// The limit.
        limit: u32,
    },
    /// A term is deeper than the checker traverses.
    #[error("term depth {depth} exceeds the limit of {limit}")]
    TermTooDeep {
        /// Depth of the term.
        depth: u32,
        /// The limit.
        limit: u32,
    },
    /// A string literal longer than the kernel expands had to be expanded
    /// (compared with `String.ofList ...` or projected). Lean's kernel
    /// always expands; this one declines instead of deciding without it (a
    /// limit reached, not a verdict).
    #[error(
        "string literal of {chars} characters is too long to expand (at most {limit}); declined"
    )]
    StringTooLongToExpand {
        /// Characters of the literal.
        chars: usize,
        /// The most the kernel expands.
        limit: usize,
    },
    /// A name is declared twice.
    #[error("'{0}' is already declared")]
    AlreadyDeclared(String),
    /// A constant is unknown.
    #[error("unknown constant '{0}'")]
    UnknownConstant(String),
    /// Universe parameters of a declaration repeat.
    #[error("duplicate universe parameter '{0}'")]
    DuplicateLevelParam(String),
    /// A universe parameter is used but not declared.
    #[error("undeclared universe parameter '{0}'")]
    UndeclaredLevelParam(String),
    /// A constant is used at the wrong number of universe levels.
    #[error("constant '{name}' expects {expected} universe levels, got {got}")]
    WrongLevelCount {
        /// The constant.
        name: String,
        /// Declared count.
        expected: usize,
        /// Count used.
        got: usize,
    },
    /// Safe code used an unsafe or partial constant.
    #[error("safe declaration uses {what} constant '{name}'")]
    UnsafeUse {
        /// "unsafe" or "partial".
        what: &'static str,
        /// The constant.
        name: String,
    },
    /// The type of a declaration is not a type.
    #[error("the type of '{0}' is not a sort")]
    TypeNotSort(String),
    /// A theorem's type is not a proposition.
    #[error("theorem '{0}' does not state a proposition")]
    TheoremNotProp(String),
    /// A value does not have the declared type.
    #[error("the value of '{0}' does not have its declared type")]
    ValueTypeMismatch(String),
    /// A term breaks a typing rule.
    #[error("type error: {0}")]
    Type(#[from] crate::rule::TypeRule),
    /// An inductive block breaks a well-formedness rule.
    #[error("invalid inductive declaration: {0}")]
    Inductive(#[from] crate::rule::InductiveRule),
    /// An invariant of the kernel itself failed: a bug, never a verdict on
    /// the input (kept apart so it is never mistaken for one).
    #[error("internal kernel error (please report): {0}")]
    Internal(&'static str),
    /// Derived inductive data disagrees with the claimed copy.
    #[error("exported {what} of '{name}' disagrees with the kernel's derivation")]
    ClaimMismatch {
        /// What disagrees (recursor type, rule, k flag, ...).
        what: crate::rule::ClaimPart,
        /// The constant.
        name: String,
    },
    /// The term store has no ids left (a limit reached, not a verdict).
    #[error(transparent)]
    StoreFull(#[from] crate::store::StoreFull),
    /// A quotient declaration is wrong.
    #[error("invalid quotient declaration: {0}")]
    Quot(#[from] crate::rule::QuotRule),
    /// A definition named like a primitive the literal extension computes
    /// (`Nat.add`, ...) does not satisfy that primitive's defining equations
    /// (see `primitive.rs`): computing on literals would contradict unfolding.
    #[error("invalid primitive definition '{name}': {equation}")]
    PrimitiveEquation {
        /// The definition.
        name: String,
        /// The equation that does not hold, or the precondition not met.
        equation: &'static str,
    },
}

impl KernelError {
    /// Whether this is a limit reached (fuel, recursion, term depth, store
    /// ids, a string too long to expand), not a verdict on the input: the
    /// check could not decide, and a bigger budget might. The one list of
    /// them; callers that decline rather than reject ask this.
    pub fn is_limit(&self) -> bool {
        self.rule().starts_with("limit.")
    }

    /// A stable id of the rule broken or the limit reached (`type.app-arg`,
    /// `inductive.non-positive`, `limit.fuel`, ...), for tests and tools that
    /// must not depend on the wording of messages.
    pub fn rule(&self) -> &'static str {
        use crate::rule::{InductiveRule as I, ProjectionRule as P, QuotRule as Q, TypeRule as T};
        match self {
            KernelError::OutOfFuel { .. } => "limit.fuel",
            KernelError::RecursionLimit { .. } => "limit.recursion",
            KernelError::TermTooDeep { .. } => "limit.term-depth",
            KernelError::StoreFull(_) => "limit.store",
            KernelError::StringTooLongToExpand { .. } => "limit.string-expansion",
            KernelError::AlreadyDeclared(_) => "decl.already-declared",
            KernelError::UnknownConstant(_) => "term.unknown-constant",
            KernelError::DuplicateLevelParam(_) => "decl.duplicate-level-param",
            KernelError::UndeclaredLevelParam(_) => "decl.undeclared-level-param",
            KernelError::WrongLevelCount { .. } => "term.level-count",
            KernelError::UnsafeUse { .. } => "decl.unsafe-use",
            KernelError::TypeNotSort(_) => "decl.type-not-sort",
            KernelError::TheoremNotProp(_) => "decl.theorem-not-prop",
            KernelError::ValueTypeMismatch(_) => "decl.value-type",
            KernelError::ClaimMismatch { what, .. } => match what {
                crate::rule::ClaimPart::NotDerived => "inductive.claim.not-derived",
                crate::rule::ClaimPart::UniverseParams => "inductive.claim.universe-params",
                crate::rule::ClaimPart::Type => "inductive.claim.type",
                crate::rule::ClaimPart::KFlag => "inductive.claim.k-flag",
                crate::rule::ClaimPart::RecursorData => "inductive.claim.recursor-data",
                crate::rule::ClaimPart::ConstructorData => "inductive.claim.constructor-data",
                crate::rule::ClaimPart::InductiveData => "inductive.claim.inductive-data",
                crate::rule::ClaimPart::RuleCount => "inductive.claim.rule-count",
                crate::rule::ClaimPart::Rules => "inductive.claim.rules",
            },
            KernelError::Quot(q) => match q {
                Q::EqNotStandard => "quot.eq-not-standard",
                Q::UnexpectedName(_) => "quot.name",
                Q::LevelParamCount { .. } => "quot.level-param-count",
                Q::UnexpectedType(_) => "quot.type",
            },
            KernelError::PrimitiveEquation { .. } => "decl.primitive-equation",
            KernelError::Internal(_) => "internal",
            KernelError::Type(t) => match t {
                T::LooseBoundVariable => "type.loose-bvar",
                T::NotASort { .. } => "type.not-a-sort",
                T::NotAFunction { .. } => "type.not-a-function",
                T::AppArgMismatch { .. } => "type.app-arg",
                T::LetTypeMismatch { .. } => "type.let-value",
                T::LiteralWithoutPrelude => "type.literal-prelude",
                T::InvalidNatLiteral(_) => "type.nat-literal",
                T::NatLiteralTooLong { .. } => "type.nat-literal-size",
                T::OpenTerm => "type.open-term",
                T::ForeignId(_) => "type.foreign-id",
                T::QueryTypeMismatch { .. } => "type.query",
                T::Projection(p) => match p {
                    P::NotInductive => "type.proj.not-inductive",
                    P::WrongType => "type.proj.wrong-type",
                    P::NotAStructure => "type.proj.not-a-structure",
                    P::FieldOutOfRange => "type.proj.field-range",
                    P::DataFieldOfProof => "type.proj.data-of-proof",
                },
            },
            KernelError::Inductive(i) => match i {
                I::EmptyBlock => "inductive.empty",
                I::OpenType => "inductive.open-type",
                I::ParamsDiffer => "inductive.params-differ",
                I::ParamCount => "inductive.param-count",
                I::NotASort => "inductive.not-a-sort",
                I::UniverseDiffers => "inductive.universe-differs",
                I::NonPositive => "inductive.non-positive",
                I::InvalidOccurrence => "inductive.invalid-occurrence",
                I::CtorParams => "inductive.ctor-params",
                I::CtorTooFewArgs => "inductive.ctor-too-few-args",
                I::CtorResult => "inductive.ctor-result",
                I::FieldUniverse => "inductive.field-universe",
                I::NestedOccurrence => "inductive.nested-occurrence",
                I::NestedLocals => "inductive.nested-locals",
                I::NestedNotInductive => "inductive.nested-not-inductive",
                I::NestedLevels => "inductive.nested-levels",
                I::NestedCtor => "inductive.nested-ctor",
            },
        }
    }
}

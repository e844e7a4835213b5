//! Kernel errors: what went wrong, with what a user needs to act on it.

use thiserror::Error;

/// Why a declaration or term was rejected.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
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
    /// A generic typing error.
    #[error("type error: {0}")]
    Type(String),
    /// An inductive block is ill-formed.
    #[error("invalid inductive declaration: {0}")]
    Inductive(String),
    /// Derived inductive data disagrees with the claimed copy.
    #[error("exported {what} of '{name}' disagrees with the kernel's derivation")]
    ClaimMismatch {
        /// What disagrees (recursor type, rule, k flag, ...).
        what: String,
        /// The constant.
        name: String,
    },
    /// The term store has no ids left (a limit reached, not a verdict).
    #[error(transparent)]
    StoreFull(#[from] crate::store::StoreFull),
    /// A quotient declaration is wrong.
    #[error("invalid quotient declaration: {0}")]
    Quot(String),
}

//! A Lean 4 compatible type checker.
//!
//! Reads Lean's own export format and accepts what Lean's kernel accepts;
//! every reduction is metered in fuel so each check has a bounded, reported
//! cost. See `ARCHITECTURE.md` at the workspace root.
//!
//! Entry points: [`Kernel`] (declare and query), [`ExportReader`] (read an
//! export), [`check_export`] (both, for a whole file).
//!
//! ```
//! use proofgate_kernel::{DeclHeader, Declaration, Kernel, KernelError, LevelId, Limits};
//!
//! let mut k = Kernel::new();
//! let st = k.store_mut();
//! let (p, hp) = (st.names.dotted("P"), st.names.dotted("hp"));
//! let prop = st.sort(LevelId::ZERO);
//! let p_const = st.cnst(p, &[]);
//! k.add_declaration(&Declaration::Axiom { header: DeclHeader { name: p, level_params: vec![], ty: prop }, is_unsafe: false })?;
//! k.add_declaration(&Declaration::Axiom { header: DeclHeader { name: hp, level_params: vec![], ty: p_const }, is_unsafe: false })?;
//! // "Does `hp` prove `P`, within 1,000 steps?" The report carries the steps used.
//! let proof = k.store_mut().cnst(hp, &[]);
//! let report = k.check_term(proof, p_const, &[], Limits::with_fuel(1_000))?;
//! assert!(report.steps > 0 && report.steps <= 1_000);
//! # Ok::<(), KernelError>(())
//! ```
//!
//! Limits: every check runs under [`Limits`] (fuel, recursion depth, term
//! depth) and fails with [`KernelError::OutOfFuel`],
//! [`KernelError::RecursionLimit`] or [`KernelError::TermTooDeep`] instead of
//! hanging or overflowing the stack. The default depths fit comfortably in
//! the stack [`run_with_kernel_stack`] provides; run large checks there.
//!
//! Setting `PROOFGATE_KERNEL_DEBUG` makes a few rejections print the terms
//! involved to stderr.
#![forbid(unsafe_code)]

pub mod declaration;
pub mod env;
pub mod error;
pub mod export;
pub mod expr;
pub mod fuel;
mod inductive;
mod instantiate;
mod kernel;
pub mod level;
mod literal;
mod literal_cost;
pub mod name;
mod nat_op;
mod pretty;
mod primitive;
/// The natural numbers of `Nat` literals (`TermStore::nat_lit`,
/// `TermStore::nat`): `dashu-int`'s, the one big-integer crate of the kernel.
pub use dashu_int::UBig;
pub use primitive::{NAME_KEYED_CONSTANTS, literal_constants};
mod layered;
mod parallel;
mod quot;
mod residual;
pub mod rule;
mod runner;
mod stage;
pub mod store;
pub(crate) mod tc;
mod work;

pub use declaration::{
    ConstantInfo, ConstantKind, DeclHeader, Declaration, DefinitionSafety, InductiveBlock,
    InductiveType, QuotKind, RecursorRule, ReducibilityHints,
};
pub use env::Environment;
pub use error::KernelError;
pub use export::{
    ExportError, ExportErrorKind, ExportReader, ExportWriteError, ExportWriter, FORMAT_VERSION,
};
pub use expr::{ExprId, ExprNode};
pub use fuel::Limits;
pub use kernel::{CheckReport, Kernel};
pub use level::LevelId;
pub use literal::parse_nat;
pub use name::NameId;
pub use parallel::check_export_parallel;
pub use residual::Residual;
pub use rule::{ClaimPart, InductiveRule, ProjectionRule, QuotRule, TypeRule};
pub use runner::{
    CheckFailure, FileReport, KERNEL_STACK_BYTES, check_export, run_with_kernel_stack,
};
pub use stage::{MAX_DECISIONS, NotStaged};
pub use store::TermStore;

/// This crate's README example, compiled and run as a doc test so it cannot
/// drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

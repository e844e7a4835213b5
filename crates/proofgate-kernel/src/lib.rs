//! A Lean 4 compatible type checker.
//!
//! Reads Lean's own export format and accepts what Lean's kernel accepts;
//! every reduction is metered in fuel so each check has a bounded, reported
//! cost. See `ARCHITECTURE.md` at the workspace root.
//!
//! Entry points: [`Kernel`] (declare and query), [`ExportReader`] (read an
//! export), [`check_export`] (both, for a whole file).
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
pub mod name;
mod pretty;
mod quot;
mod runner;
pub mod store;
pub mod tc;

pub use declaration::{
    ConstantInfo, ConstantKind, Declaration, DefinitionSafety, InductiveBlock, InductiveType,
    QuotKind, RecursorRule, ReducibilityHints,
};
pub use env::Environment;
pub use error::KernelError;
pub use export::{ExportError, ExportReader};
pub use expr::{ExprId, ExprNode};
pub use fuel::Limits;
pub use kernel::{CheckReport, Kernel};
pub use level::LevelId;
pub use literal::parse_nat;
pub use name::NameId;
pub use runner::{CheckFailure, FileReport, check_export, run_with_kernel_stack};
pub use store::TermStore;

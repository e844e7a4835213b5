//! The term syntax the gate writes Lean in: a small parser ([`dsl`]) and
//! declarations as source text ([`decl`]), both turned into kernel terms and
//! declarations and checked by the kernel, never trusted.

pub mod decl;
pub mod dsl;

pub use decl::{Hints, SourceDecl};
pub use dsl::{DslError, name_of, parse_term};

//! The built-in prelude, declared through the kernel.
//!
//! The `lean` module holds the part of Lean's `Init.Prelude` the gate needs (`Nat`,
//! `Bool`, `Eq`, `And`, `True`, `False`, `Not`, `Decidable`, `Nat.le`, `LE`,
//! `instLENat`, `Nat.ble`, `Nat.beq`, `Nat.add`, `Nat.mul`, `Nat.decEq`, `Nat.decLe`
//! and their dependencies), identical to Lean's; the `proofgate` module adds the gate's own
//! definitions. Both are written in the small term syntax of [`dsl`] and
//! submitted to the kernel one declaration at a time, so nothing here is
//! trusted: a mistake is a kernel rejection, not a wrong verdict.

pub mod dsl;
pub mod export;
mod lean;
mod lean_dec_eq;
mod lean_dec_le;
mod proofgate;

use proofgate_kernel::{
    Declaration, DefinitionSafety, InductiveBlock, InductiveType, ReducibilityHints, TermStore,
};

pub use dsl::{DslError, name_of, parse_term};
pub use export::{ExportBuildError, ExportBuilder};

/// Unfolding hints of a prelude definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hints {
    /// `abbrev`.
    Abbrev,
    /// `regular h`.
    Regular(u32),
}

/// One prelude declaration, as source text.
#[derive(Clone, Debug)]
pub enum PreludeDecl {
    /// A single (non-mutual) inductive type.
    Inductive {
        /// Universe parameters.
        level_params: Vec<String>,
        /// Number of parameters.
        num_params: u32,
        /// Its name.
        name: String,
        /// Its type.
        ty: String,
        /// Constructors: name and type.
        ctors: Vec<(String, String)>,
    },
    /// A definition.
    Def {
        /// Universe parameters.
        level_params: Vec<String>,
        /// Its name.
        name: String,
        /// Its type.
        ty: String,
        /// Its value.
        value: String,
        /// Unfolding hints.
        hints: Hints,
    },
    /// An axiom.
    Axiom {
        /// Universe parameters.
        level_params: Vec<String>,
        /// Its name.
        name: String,
        /// Its type.
        ty: String,
    },
    /// A theorem.
    Theorem {
        /// Universe parameters.
        level_params: Vec<String>,
        /// Its name.
        name: String,
        /// The proposition.
        ty: String,
        /// The proof.
        value: String,
    },
}

/// An inductive type with its constructors (`(name, type)` pairs).
pub(super) fn ind(
    level_params: &[&str],
    num_params: u32,
    name: &str,
    ty: impl Into<String>,
    ctors: &[(&str, &str)],
) -> PreludeDecl {
    PreludeDecl::Inductive {
        level_params: owned(level_params),
        num_params,
        name: name.to_owned(),
        ty: ty.into(),
        ctors: ctors
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect(),
    }
}

/// A definition.
pub(super) fn def(
    level_params: &[&str],
    name: &str,
    ty: impl Into<String>,
    value: impl Into<String>,
    hints: Hints,
) -> PreludeDecl {
    PreludeDecl::Def {
        level_params: owned(level_params),
        name: name.to_owned(),
        ty: ty.into(),
        value: value.into(),
        hints,
    }
}

/// A theorem.
pub(super) fn thm(
    level_params: &[&str],
    name: &str,
    ty: impl Into<String>,
    value: impl Into<String>,
) -> PreludeDecl {
    PreludeDecl::Theorem {
        level_params: owned(level_params),
        name: name.to_owned(),
        ty: ty.into(),
        value: value.into(),
    }
}

fn owned(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

impl PreludeDecl {
    /// The declared name.
    pub fn name(&self) -> &str {
        match self {
            PreludeDecl::Inductive { name, .. }
            | PreludeDecl::Def { name, .. }
            | PreludeDecl::Axiom { name, .. }
            | PreludeDecl::Theorem { name, .. } => name,
        }
    }

    /// Builds the kernel declaration (terms interned into `st`).
    pub fn to_declaration(&self, st: &mut TermStore) -> Result<Declaration, DslError> {
        let lps = |st: &mut TermStore, ps: &[String]| ps.iter().map(|p| name_of(st, p)).collect();
        match self {
            PreludeDecl::Inductive {
                level_params,
                num_params,
                name,
                ty,
                ctors,
            } => {
                let ty = parse_term(st, level_params, ty)?;
                let mut cs = Vec::with_capacity(ctors.len());
                for (cn, ct) in ctors {
                    let t = parse_term(st, level_params, ct)?;
                    cs.push((name_of(st, cn), t));
                }
                Ok(Declaration::Inductive(InductiveBlock {
                    level_params: lps(st, level_params),
                    num_params: *num_params,
                    types: vec![InductiveType {
                        name: name_of(st, name),
                        ty,
                        ctors: cs,
                    }],
                    is_unsafe: false,
                    claimed: None,
                }))
            }
            PreludeDecl::Def {
                level_params,
                name,
                ty,
                value,
                hints,
            } => Ok(Declaration::Definition {
                name: name_of(st, name),
                level_params: lps(st, level_params),
                ty: parse_term(st, level_params, ty)?,
                value: parse_term(st, level_params, value)?,
                hints: match hints {
                    Hints::Abbrev => ReducibilityHints::Abbrev,
                    Hints::Regular(h) => ReducibilityHints::Regular(*h),
                },
                safety: DefinitionSafety::Safe,
            }),
            PreludeDecl::Axiom {
                level_params,
                name,
                ty,
            } => Ok(Declaration::Axiom {
                name: name_of(st, name),
                level_params: lps(st, level_params),
                ty: parse_term(st, level_params, ty)?,
                is_unsafe: false,
            }),
            PreludeDecl::Theorem {
                level_params,
                name,
                ty,
                value,
            } => Ok(Declaration::Theorem {
                name: name_of(st, name),
                level_params: lps(st, level_params),
                ty: parse_term(st, level_params, ty)?,
                value: parse_term(st, level_params, value)?,
            }),
        }
    }
}

/// The Lean part of the prelude (every name here is Lean's own).
pub fn lean_declarations() -> Vec<PreludeDecl> {
    let mut all = lean::declarations();
    all.extend(lean_dec_eq::declarations());
    all.extend(lean_dec_le::declarations());
    all
}

/// The gate's own definitions (`Proofgate.*`).
pub fn gate_declarations() -> Vec<PreludeDecl> {
    proofgate::declarations()
}

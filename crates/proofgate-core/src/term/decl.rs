//! Declarations as source text in the term syntax of [`super::dsl`]: what
//! the gate's built-in definitions, Lean's prelude and users' invariants are
//! written in, turned into kernel declarations by [`SourceDecl::to_declaration`]
//! and submitted to the kernel like any other, so nothing here is trusted.

use super::dsl::{DslError, name_of, parse_term};
use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    Declaration, DefinitionSafety, InductiveBlock, InductiveType, ReducibilityHints, TermStore,
};

/// Unfolding hints of a definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hints {
    /// `abbrev`.
    Abbrev,
    /// `regular h`.
    Regular(u32),
}

/// One declaration, as source text.
#[derive(Clone, Debug)]
pub enum SourceDecl {
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
pub(crate) fn ind(
    level_params: &[&str],
    num_params: u32,
    name: &str,
    ty: impl Into<String>,
    ctors: &[(&str, &str)],
) -> SourceDecl {
    SourceDecl::Inductive {
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
pub(crate) fn def(
    level_params: &[&str],
    name: &str,
    ty: impl Into<String>,
    value: impl Into<String>,
    hints: Hints,
) -> SourceDecl {
    SourceDecl::Def {
        level_params: owned(level_params),
        name: name.to_owned(),
        ty: ty.into(),
        value: value.into(),
        hints,
    }
}

/// A theorem.
pub(crate) fn thm(
    level_params: &[&str],
    name: &str,
    ty: impl Into<String>,
    value: impl Into<String>,
) -> SourceDecl {
    SourceDecl::Theorem {
        level_params: owned(level_params),
        name: name.to_owned(),
        ty: ty.into(),
        value: value.into(),
    }
}

fn owned(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

impl SourceDecl {
    /// The declared name.
    pub fn name(&self) -> &str {
        match self {
            SourceDecl::Inductive { name, .. }
            | SourceDecl::Def { name, .. }
            | SourceDecl::Axiom { name, .. }
            | SourceDecl::Theorem { name, .. } => name,
        }
    }

    /// Builds the kernel declaration (terms interned into `st`).
    pub fn to_declaration(&self, st: &mut TermStore) -> Result<Declaration, DslError> {
        let lps = |st: &mut TermStore, ps: &[String]| ps.iter().map(|p| name_of(st, p)).collect();
        match self {
            SourceDecl::Inductive {
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
            SourceDecl::Def {
                level_params,
                name,
                ty,
                value,
                hints,
            } => Ok(Declaration::Definition {
                header: DeclHeader {
                    name: name_of(st, name),
                    level_params: lps(st, level_params),
                    ty: parse_term(st, level_params, ty)?,
                },
                value: parse_term(st, level_params, value)?,
                hints: match hints {
                    Hints::Abbrev => ReducibilityHints::Abbrev,
                    Hints::Regular(h) => ReducibilityHints::Regular(*h),
                },
                safety: DefinitionSafety::Safe,
            }),
            SourceDecl::Axiom {
                level_params,
                name,
                ty,
            } => Ok(Declaration::Axiom {
                header: DeclHeader {
                    name: name_of(st, name),
                    level_params: lps(st, level_params),
                    ty: parse_term(st, level_params, ty)?,
                },
                is_unsafe: false,
            }),
            SourceDecl::Theorem {
                level_params,
                name,
                ty,
                value,
            } => Ok(Declaration::Theorem {
                header: DeclHeader {
                    name: name_of(st, name),
                    level_params: lps(st, level_params),
                    ty: parse_term(st, level_params, ty)?,
                },
                value: parse_term(st, level_params, value)?,
            }),
        }
    }
}

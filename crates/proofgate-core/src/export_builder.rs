//! Building Lean exports in code: declarations written in the term syntax
//! of [`crate::term::dsl`] (or built as kernel [`Declaration`]s), checked by a
//! kernel as they are added, and written as NDJSON 3.1.0 by
//! [`ExportWriter`]. Tests and examples build challenges, solutions and
//! exploits this way instead of editing JSON by hand.
//!
//! A declaration added with [`ExportBuilder::unchecked`] skips the kernel:
//! that is how a fixture holds a declaration the kernel must refuse (a
//! theorem using an unsafe constant, say). Inductive blocks must be checked,
//! since the writer takes their recursors from the kernel's environment.

use crate::lean_prelude::lean_declarations;
use crate::term::{DslError, SourceDecl, name_of, parse_term};
use proofgate_kernel::{
    Declaration, ExportWriteError, ExportWriter, ExprId, Kernel, KernelError, NameId, TermStore,
};
use thiserror::Error;

/// Why a fixture could not be built.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExportBuildError {
    /// A term did not parse.
    #[error(transparent)]
    Syntax(#[from] DslError),
    /// The kernel refused a declaration added as checked.
    #[error("declaration '{name}' rejected by the kernel: {error}")]
    Kernel {
        /// The declaration.
        name: String,
        /// Why.
        error: KernelError,
    },
    /// Writing the export failed.
    #[error(transparent)]
    Write(#[from] ExportWriteError),
}

/// Declarations in order, checked by a kernel unless added unchecked.
pub struct ExportBuilder {
    kernel: Kernel,
    decls: Vec<Declaration>,
}

impl Default for ExportBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ExportBuilder {
    /// An empty export.
    pub fn new() -> Self {
        ExportBuilder {
            kernel: Kernel::new(),
            decls: Vec::new(),
        }
    }

    /// An export that starts with the Lean part of the gate's prelude
    /// (`Nat`, `Bool`, `Eq`, `True`, `Nat.ble`, ...; see [`super`]).
    pub fn with_lean_prelude() -> Result<Self, ExportBuildError> {
        let mut b = Self::new();
        for d in lean_declarations() {
            b.declare(&d)?;
        }
        Ok(b)
    }

    /// The term store, for building declarations by hand.
    pub fn store_mut(&mut self) -> &mut TermStore {
        self.kernel.store_mut()
    }

    /// Interns a dotted name.
    pub fn name(&mut self, dotted: &str) -> NameId {
        name_of(self.kernel.store_mut(), dotted)
    }

    /// Parses a closed term with universe parameters `level_params`.
    pub fn term(&mut self, level_params: &[&str], src: &str) -> Result<ExprId, DslError> {
        let lps: Vec<String> = level_params.iter().map(|s| (*s).to_owned()).collect();
        parse_term(self.kernel.store_mut(), &lps, src)
    }

    /// Adds a prelude-style declaration, checked by the kernel.
    pub fn declare(&mut self, decl: &SourceDecl) -> Result<&mut Self, ExportBuildError> {
        let d = decl.to_declaration(self.kernel.store_mut())?;
        self.checked(d)
    }

    /// Adds a declaration, checked by the kernel.
    pub fn checked(&mut self, decl: Declaration) -> Result<&mut Self, ExportBuildError> {
        self.kernel
            .add_declaration(&decl)
            .map_err(|error| ExportBuildError::Kernel {
                name: self.kernel.store().names.display(decl.name()),
                error,
            })?;
        self.decls.push(decl);
        Ok(self)
    }

    /// Adds a declaration without checking it (not an inductive block).
    pub fn unchecked(&mut self, decl: Declaration) -> &mut Self {
        self.decls.push(decl);
        self
    }

    /// The declarations, in order.
    pub fn declarations(&self) -> &[Declaration] {
        &self.decls
    }

    /// The export as NDJSON 3.1.0.
    pub fn to_ndjson(&self) -> Result<Vec<u8>, ExportBuildError> {
        let mut w = ExportWriter::new(Vec::new())?;
        for d in &self.decls {
            w.write_declaration(self.kernel.store(), d, Some(self.kernel.env()))?;
        }
        Ok(w.finish()?)
    }
}

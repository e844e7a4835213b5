//! Checking a whole export file: read each declaration, check it, stop at
//! the first failure. Also the helper that gives checks a deep stack.

use crate::error::KernelError;
use crate::export::{ExportError, ExportReader};
use crate::fuel::Limits;
use crate::kernel::Kernel;
use std::io::BufRead;

/// Stack size of the thread [`run_with_kernel_stack`] starts. The checker
/// recurses on term structure up to [`Limits::max_term_depth`] and
/// [`Limits::max_recursion`]; this leaves ample room for the defaults.
pub const KERNEL_STACK_BYTES: usize = 1 << 30;

/// Runs `f` on a thread with a stack large enough for the default limits
/// (only the pages actually touched are committed).
pub fn run_with_kernel_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("proofgate-kernel".into())
            .stack_size(KERNEL_STACK_BYTES)
            .spawn_scoped(s, f)
            .expect("spawn kernel thread")
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
}

/// Totals of a file that checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FileReport {
    /// Declarations checked.
    pub declarations: usize,
    /// Reduction/inference steps over all declarations.
    pub steps: u64,
    /// Persistent terms interned.
    pub terms: usize,
    /// Largest number of scratch terms alive during one check.
    pub scratch_peak: usize,
    /// Deepest checker recursion over all declarations.
    pub peak_recursion: u32,
    /// Bytes the environment keeps once the file is read (its constants
    /// and their persistent terms, names, literals and levels), by element
    /// sizes: [`crate::Kernel::kept_bytes`].
    pub kept_bytes: u64,
}

impl FileReport {
    /// Counts one accepted declaration.
    pub(crate) fn add(&mut self, r: crate::kernel::CheckReport) {
        self.declarations += 1;
        self.steps += r.steps;
        self.peak_recursion = self.peak_recursion.max(r.peak_recursion);
    }
}

/// Why a file was not accepted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CheckFailure {
    /// The export could not be read.
    #[error("{0}")]
    Export(#[from] ExportError),
    /// A declaration failed to check (a type error, or a limit it exhausted).
    #[error("line {line}: declaration '{name}': {error}")]
    Rejected {
        /// Line of the declaration.
        line: usize,
        /// Its name.
        name: String,
        /// Why.
        error: KernelError,
    },
}

impl CheckFailure {
    /// The stable id of the rule broken or the limit reached:
    /// [`ExportError::rule`] or [`KernelError::rule`].
    pub fn rule(&self) -> &'static str {
        match self {
            CheckFailure::Export(e) => e.rule(),
            CheckFailure::Rejected { error, .. } => error.rule(),
        }
    }
}

/// Checks every declaration of an export, in order, into `kernel`; `limits`
/// apply to each declaration. Inside [`run_with_kernel_stack`],
/// [`Limits::DEEP`] accepts deeper terms than [`Limits::DEFAULT`].
pub fn check_export<R: BufRead>(
    kernel: &mut Kernel,
    input: R,
    limits: Limits,
) -> Result<FileReport, CheckFailure> {
    check_export_reporting(kernel, input, limits, &mut |_| {})
}

/// [`check_export`], calling `progress` with the number of declarations
/// checked after each one.
pub(crate) fn check_export_reporting<R: BufRead>(
    kernel: &mut Kernel,
    input: R,
    limits: Limits,
    progress: &mut dyn FnMut(usize),
) -> Result<FileReport, CheckFailure> {
    let mut reader = ExportReader::new(input);
    let mut report = FileReport::default();
    while let Some(decl) = reader.next_declaration(kernel.store_mut()) {
        let decl = decl?;
        match kernel.check_with_fuel(&decl, limits) {
            Ok(r) => {
                report.add(r);
                progress(report.declarations);
            }
            Err(error) => {
                let name = kernel.store().names.display(decl.name());
                return Err(CheckFailure::Rejected {
                    line: reader.line(),
                    name,
                    error,
                });
            }
        }
    }
    report.terms = kernel.store().persistent_len();
    report.scratch_peak = kernel.store().scratch_peak();
    report.kept_bytes = kernel.kept_bytes();
    Ok(report)
}

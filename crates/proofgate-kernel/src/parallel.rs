//! Checking an export on several threads with the verdict, message and
//! report of checking it on one ([`crate::check_export`]).
//!
//! The file is read in order by one thread, in batches. Reading interns
//! each declaration's terms into the one persistent store; blocks,
//! quotients and the constants the kernel treats by name are checked at
//! once, in place, as on one thread; every other declaration (axiom,
//! definition, theorem, opaque) is added to the environment unchecked, at
//! its position ([`Kernel::defer`]). Between batches the tables are frozen
//! (`layered.rs`); then the worker threads check the batch, each in a fork
//! of the store (`TermStore::fork`: the frozen tables shared read-only,
//! levels copied, a scratch region of its own) and a workspace of its own,
//! seeing only the constants before its position, while the reader reads
//! the next batch into the open layers, which no fork sees. So a check sees the environment it would see on one
//! thread, as long as every earlier declaration is sound; where one is not,
//! its own failure comes first in file order and is the one reported, and
//! whatever a later check concluded from it is dropped.
//!
//! The pool is plain `std::thread::scope`: one scoped thread per worker
//! per batch, each taking the next declaration from an atomic cursor (so a
//! long check does not hold up the others), with the kernel's own deep
//! stack ([`KERNEL_STACK_BYTES`]). No pool library is needed for one level
//! of parallelism over a list; `rayon`'s work splitting would re-create a
//! worker's fork per split, and its threads would need the same stack
//! setting.

use crate::env::Position;
use crate::error::KernelError;
use crate::export::ExportReader;
use crate::fuel::Limits;
use crate::kernel::{CheckReport, Kernel, check_deferred};
use crate::name::NameId;
use crate::runner::{CheckFailure, FileReport, KERNEL_STACK_BYTES};
use crate::tc::Workspace;
use rustc_hash::FxHashSet;
use std::io::BufRead;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Deferred declarations checked together. Each batch ends with a barrier
/// (every worker waits for the slowest check of the batch), so batches are
/// long; the environment keeps all their constants anyway, so the only
/// memory a batch adds is its list of declarations.
const BATCH: usize = 4_096;

/// A declaration read, added and waiting for its check.
struct Pending {
    decl: crate::declaration::Declaration,
    at: Position,
    line: usize,
}

/// Checks every declaration of an export on `threads` threads (one: in
/// place, as [`crate::check_export`] does), in a kernel of its own, calling
/// `progress` with the number of declarations checked so far as it goes.
/// Verdict, message and report (but for `terms` and `scratch_peak`: on one
/// thread constant instances shared across checks are kept, in a fork they
/// stay in scratch, see `TermStore::fork`) are those of
/// [`crate::check_export`]. Call it inside
/// [`crate::run_with_kernel_stack`].
pub fn check_export_parallel<R: BufRead>(
    input: R,
    limits: Limits,
    threads: usize,
    progress: &mut dyn FnMut(usize),
) -> Result<FileReport, CheckFailure> {
    check_in_batches(input, limits, (threads, BATCH), progress)
}

/// [`check_export_parallel`] with batches of `batch_len` deferred
/// declarations.
fn check_in_batches<R: BufRead>(
    input: R,
    limits: Limits,
    (threads, batch_len): (usize, usize),
    progress: &mut dyn FnMut(usize),
) -> Result<FileReport, CheckFailure> {
    let mut kernel = Kernel::new();
    if threads <= 1 {
        return crate::runner::check_export_reporting(&mut kernel, input, limits, progress);
    }
    let mut reading = Reading {
        reader: ExportReader::new(input),
        name_keyed: crate::NAME_KEYED_CONSTANTS
            .iter()
            .map(|s| kernel.store_mut().names.dotted(s))
            .collect(),
        limits,
        batch_len: batch_len.max(1),
        report: FileReport::default(),
    };
    let mut workspaces: Vec<Workspace> = (0..threads).map(|_| Workspace::default()).collect();
    let mut batch = reading.batch(&mut kernel, progress);
    loop {
        if let Err(error) = kernel.freeze() {
            return Err(CheckFailure::Rejected {
                line: reading.reader.line(),
                name: "(the parallel checker's tables)".into(),
                error,
            });
        }
        let read_on = batch.stop.is_none() && !batch.end;
        // The workers check this batch in forks while this thread reads
        // the next one into the open layers, which no fork sees.
        let forks: Vec<_> = workspaces.iter().map(|_| kernel.fork()).collect();
        let cursor = Cursor::default();
        let (results, next) = std::thread::scope(|s| {
            let workers: Vec<_> = forks
                .into_iter()
                .zip(workspaces.iter_mut())
                .map(|(fork, ws)| {
                    let (cursor, pending) = (&cursor, &batch.pending[..]);
                    std::thread::Builder::new()
                        .name("proofgate-check".into())
                        .stack_size(KERNEL_STACK_BYTES)
                        .spawn_scoped(s, move || work(fork, ws, pending, cursor, limits))
                        .expect("spawn a checking thread")
                })
                .collect();
            let next = read_on.then(|| reading.batch(&mut kernel, progress));
            let mut results: Vec<Option<Result<CheckReport, KernelError>>> =
                std::iter::repeat_with(|| None)
                    .take(batch.pending.len())
                    .collect();
            for w in workers {
                let (done, peak) = w.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
                reading.report.scratch_peak = reading.report.scratch_peak.max(peak);
                for (i, r) in done {
                    results[i] = Some(r);
                }
            }
            (results, next)
        });
        for (p, r) in batch.pending.iter().zip(results) {
            let name = || kernel.store().names.display(p.decl.name());
            let error = match r {
                Some(Ok(r)) => {
                    reading.report.add(r);
                    continue;
                }
                Some(Err(error)) => error,
                // Never: a worker skips only checks after a failure.
                None => KernelError::Internal("a check was skipped before the first failure"),
            };
            return Err(CheckFailure::Rejected {
                line: p.line,
                name: name(),
                error,
            });
        }
        progress(reading.report.declarations);
        if let Some(f) = batch.stop {
            return Err(f);
        }
        match next {
            Some(n) => batch = n,
            None => break,
        }
    }
    let mut report = reading.report;
    report.terms = kernel.store().persistent_len();
    report.scratch_peak = report.scratch_peak.max(kernel.store().scratch_peak());
    report.kept_bytes = kernel.kept_bytes();
    Ok(report)
}

/// The reading thread's state.
struct Reading<R> {
    reader: ExportReader<R>,
    /// Constants checked in place, never deferred (`Kernel::defer`).
    name_keyed: FxHashSet<NameId>,
    limits: Limits,
    batch_len: usize,
    /// Declarations passed so far (those checked in place as they are
    /// read, the deferred ones as their batch returns).
    report: FileReport,
}

/// Declarations read and added, waiting for their checks.
struct Batch {
    pending: Vec<Pending>,
    /// A failure where reading stopped: it comes after every declaration
    /// of the batch, so it is reported only if they pass.
    stop: Option<CheckFailure>,
    /// The input ended.
    end: bool,
}

impl<R: BufRead> Reading<R> {
    /// Reads on until `batch_len` declarations are deferred, the input
    /// ends or something fails; checks in place what cannot be deferred.
    fn batch(&mut self, kernel: &mut Kernel, progress: &mut dyn FnMut(usize)) -> Batch {
        let mut b = Batch {
            pending: Vec::with_capacity(self.batch_len),
            stop: None,
            end: false,
        };
        while b.pending.len() < self.batch_len {
            let decl = match self.reader.next_declaration(kernel.store_mut()) {
                None => {
                    b.end = true;
                    break;
                }
                Some(Err(e)) => {
                    b.stop = Some(e.into());
                    break;
                }
                Some(Ok(d)) => d,
            };
            let line = self.reader.line();
            let checked = match kernel.defer(&decl, &self.name_keyed) {
                Ok(Some(at)) => {
                    b.pending.push(Pending { decl, at, line });
                    continue;
                }
                Ok(None) => kernel.check_with_fuel(&decl, self.limits),
                Err(e) => Err(e),
            };
            match checked {
                Ok(r) => {
                    self.report.add(r);
                    progress(self.report.declarations);
                }
                Err(error) => {
                    let name = kernel.store().names.display(decl.name());
                    b.stop = Some(CheckFailure::Rejected { line, name, error });
                    break;
                }
            }
        }
        b
    }
}

/// The workers' shared place in a batch: the next declaration to take,
/// and the first that failed.
struct Cursor {
    next: AtomicUsize,
    first_failure: AtomicUsize,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            next: AtomicUsize::new(0),
            first_failure: AtomicUsize::new(usize::MAX),
        }
    }
}

/// One worker: checks the declarations it takes from `cursor`, until the
/// batch ends or passes a failure. Returns its results by index and the
/// largest scratch region one of its checks used.
#[allow(clippy::type_complexity)]
fn work(
    (mut store, env, wk): (
        crate::store::TermStore,
        crate::env::Environment,
        crate::env::WellKnown,
    ),
    ws: &mut Workspace,
    pending: &[Pending],
    cursor: &Cursor,
    limits: Limits,
) -> (Vec<(usize, Result<CheckReport, KernelError>)>, usize) {
    let mut done = Vec::new();
    loop {
        let i = cursor.next.fetch_add(1, Ordering::Relaxed);
        if i >= pending.len() || i > cursor.first_failure.load(Ordering::Relaxed) {
            break;
        }
        let p = &pending[i];
        let r = check_deferred(&mut store, (&env, &wk), ws, &p.decl, p.at, limits);
        if r.is_err() {
            cursor.first_failure.fetch_min(i, Ordering::Relaxed);
        }
        done.push((i, r));
    }
    (done, store.scratch_peak())
}

#[cfg(test)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

#[cfg(test)]
mod tests {
    use super::check_in_batches;
    use crate::{Kernel, Limits, check_export};
    use std::path::{Path, PathBuf};

    /// Checks `bytes` on one thread, then in each `(threads, batch)`
    /// setting: the verdict, message and report of one thread, but for
    /// `terms` and `scratch_peak` (see [`super::check_export_parallel`]).
    fn agrees(path: &Path, bytes: &[u8], settings: &[(usize, usize)]) {
        let one = check_export(&mut Kernel::new(), bytes, Limits::DEFAULT);
        for &(threads, batch) in settings {
            let many = check_in_batches(bytes, Limits::DEFAULT, (threads, batch), &mut |_| {});
            match (&one, many) {
                (Ok(a), Ok(b)) => assert_eq!(
                    (a.declarations, a.steps, a.peak_recursion),
                    (b.declarations, b.steps, b.peak_recursion),
                    "{} on {threads} threads, batches of {batch}",
                    path.display()
                ),
                (Err(a), Err(b)) => assert_eq!(
                    a.to_string(),
                    b.to_string(),
                    "{} on {threads} threads, batches of {batch}",
                    path.display()
                ),
                (a, b) => panic!(
                    "{} on {threads} threads, batches of {batch}: {a:?} against {b:?}",
                    path.display()
                ),
            }
        }
    }

    fn ndjson_under(dir: &Path) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("fixtures")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ndjson"))
            .collect();
        v.sort();
        v
    }

    /// Every kernel fixture, in batches of 1, 2 and 3 declarations (so a
    /// batch boundary falls between each pair of them, and the next batch
    /// is read while the last is checked) on 2 and 3 threads.
    #[test]
    fn small_batches_agree_with_one_thread_on_every_fixture() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut compared = 0;
        for sub in ["accept", "reject", "decline"] {
            for path in ndjson_under(&root.join(sub)) {
                let bytes = std::fs::read(&path).expect("fixture");
                agrees(&path, &bytes, &[(2, 1), (2, 2), (3, 3)]);
                compared += 1;
            }
        }
        assert!(compared > 80, "only {compared} fixtures");
    }

    /// The same over the Lean export corpus (Init.Prelude among it), in
    /// batches of 7 and 64, inside the kernel's deep stack.
    #[test]
    fn small_batches_agree_with_one_thread_on_the_corpus() {
        let Some(dir) =
            super::corpus::dir_or_skip("small_batches_agree_with_one_thread_on_the_corpus")
        else {
            return;
        };
        let files = super::corpus::ndjson_files(&dir);
        assert!(!files.is_empty(), "no corpus files under {}", dir.display());
        crate::run_with_kernel_stack(move || {
            for path in &files {
                let bytes = std::fs::read(path).expect("corpus file");
                agrees(path, &bytes, &[(2, 7), (2, 64)]);
            }
        });
    }
}

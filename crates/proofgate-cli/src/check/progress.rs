//! Checking with a progress line for a person watching: declarations and
//! bytes per second on stderr, drawn only on a terminal, only without
//! `--json`, and only once a file has taken a second.
//!
//! The kernel does no I/O: `check_export_parallel` hands this module the
//! count of declarations checked, and a counting reader gives the bytes
//! read. The test below holds the result to `check_export`'s report and
//! verdicts on every fixture, on one thread and on two.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use proofgate_kernel::{CheckFailure, FileReport, Limits, check_export_parallel};
use std::cell::Cell;
use std::io::{BufRead, Read};
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Drawn after this long, so quick checks print nothing but their verdict.
const DELAY: Duration = Duration::from_secs(1);

/// A reader that counts the bytes the export reader has consumed.
struct Counting<R> {
    inner: R,
    consumed: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.set(self.consumed.get() + n as u64);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.consumed.set(self.consumed.get() + amt as u64);
        self.inner.consume(amt);
    }
}

/// The progress line of one file, or nothing when no one is watching.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: bool,
    /// Declarations when the message was last refreshed.
    messaged: usize,
}

impl Progress {
    /// `total` is the file's size when known (not for standard input).
    pub fn new(enabled: bool, total: Option<u64>) -> Self {
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
            let template = if total.is_some() {
                "{bar:30} {bytes}/{total_bytes} ({bytes_per_sec}), {msg}, {elapsed}"
            } else {
                "{spinner} {bytes} ({bytes_per_sec}), {msg}, {elapsed}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: false,
            messaged: 0,
        }
    }

    fn update(&mut self, bytes: u64, declarations: usize) {
        let Some(bar) = &self.bar else { return };
        bar.set_position(bytes);
        let secs = self.start.elapsed().as_secs_f64();
        let first = !self.shown && secs >= DELAY.as_secs_f64();
        if first {
            self.shown = true;
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        // A message allocates: refresh it every 64 declarations only
        // (counts jump by a batch at a time with threads).
        if first || (self.shown && declarations >= self.messaged + 64) {
            self.messaged = declarations;
            let rate = declarations as f64 / secs.max(1e-9);
            bar.set_message(format!("{declarations} declarations ({rate:.0}/s)"));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `check_export_parallel` on `threads` threads, reporting to `progress`
/// as declarations pass: the callback runs on the reading thread only
/// (after each declaration checked in place, and after each batch the
/// workers checked), never on a worker, so the line costs the workers
/// nothing.
pub fn check_export_with_progress<R: BufRead>(
    input: R,
    limits: Limits,
    threads: usize,
    progress: &mut Progress,
) -> Result<FileReport, CheckFailure> {
    let consumed = Rc::new(Cell::new(0));
    let input = Counting {
        inner: input,
        consumed: Rc::clone(&consumed),
    };
    let result = check_export_parallel(input, limits, threads, &mut |declarations| {
        progress.update(consumed.get(), declarations)
    });
    progress.finish();
    result
}

#[cfg(test)]
mod tests {
    use super::{Progress, check_export_with_progress};
    use proofgate_kernel::{Kernel, Limits, check_export};

    /// The oracle is the kernel's own `check_export`: same report on every
    /// accepted fixture, same error text on every other.
    #[test]
    fn agrees_with_check_export_on_every_fixture() {
        let Some(root) = crate::fixtures::kernel_fixtures() else {
            return;
        };
        let mut compared = 0;
        for sub in ["accept", "reject", "decline"] {
            for entry in std::fs::read_dir(root.join(sub)).unwrap().flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|x| x != "ndjson") {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                let theirs = check_export(&mut Kernel::new(), &bytes[..], Limits::DEFAULT);
                for threads in [1, 2] {
                    let mut progress = Progress::new(true, Some(bytes.len() as u64));
                    let ours = check_export_with_progress(
                        &bytes[..],
                        Limits::DEFAULT,
                        threads,
                        &mut progress,
                    );
                    match (&theirs, ours) {
                        // `terms` differs with threads (see `check_export_parallel`).
                        (Ok(a), Ok(b)) if threads > 1 => assert_eq!(
                            (a.declarations, a.steps),
                            (b.declarations, b.steps),
                            "{}",
                            path.display()
                        ),
                        (Ok(a), Ok(b)) => assert_eq!(*a, b, "{}", path.display()),
                        (Err(a), Err(b)) => {
                            assert_eq!(a.to_string(), b.to_string(), "{}", path.display())
                        }
                        (a, b) => panic!("{}: {a:?} against {b:?}", path.display()),
                    }
                }
                compared += 1;
            }
        }
        assert!(compared > 20, "only {compared} fixtures");
    }
}

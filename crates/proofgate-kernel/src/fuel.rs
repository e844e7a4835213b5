//! Fuel and depth limits: every reduction step is counted, and a check stops
//! with an error (never a hang or a stack overflow) when a limit is reached.
//!
//! Fuel pays for time and memory, not only for steps. A step (one
//! inference, reduction or comparison) costs one unit; term work (a node
//! interned, a node visited by a substitution, an argument copied out of a
//! spine) costs 1/[`WORK_PER_FUEL`] of a unit. Every step does a bounded
//! amount of other work (at most a spine's worth of bookkeeping), so a
//! check's time and its growth of memory are bounded by a constant times its
//! fuel; `BENCHMARKING.md` states the constants measured on our machines.
//! Instantiating a constant at universe levels is charged by the
//! constant's size, once per check, whether or not an earlier check already
//! built it, so fuel used never depends on earlier checks.

use crate::error::KernelError;

/// Resource limits of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Reduction/inference steps a check may take.
    pub fuel: u64,
    /// Nesting depth of the checker's own recursion (infer/whnf/defeq).
    pub max_recursion: u32,
    /// Deepest term (tree depth) a check may traverse.
    pub max_term_depth: u32,
}

impl Limits {
    /// Default limits. The fuel (10^7 units) is far above what real
    /// declarations use (all of `Init.Prelude` takes about 2.2·10^5 in
    /// total) and bounds one check's time and memory (see
    /// `BENCHMARKING.md` for what a unit costs). The depths are far above what real terms
    /// need (`Init.Prelude`: term depth 111, checker recursion 26) and sized
    /// so a check fits the stack [`crate::run_with_kernel_stack`] provides
    /// with a wide margin (and, in release builds, an 8 MiB main thread).
    pub const DEFAULT: Limits = Limits {
        fuel: 10_000_000,
        max_recursion: 1_000,
        max_term_depth: 4_000,
    };

    /// Limits for checks run inside [`crate::run_with_kernel_stack`] (the
    /// command line uses these): depths up to 60,000 nested terms and
    /// 100,000 nested checker calls, for real exports with long literal
    /// lists or deep proof terms, still far inside that stack.
    pub const DEEP: Limits = Limits {
        fuel: 10_000_000,
        max_recursion: 100_000,
        max_term_depth: 60_000,
    };

    /// Default depths with the given fuel.
    pub fn with_fuel(fuel: u64) -> Limits {
        Limits {
            fuel,
            ..Limits::DEFAULT
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Units of term work one unit of fuel buys (see the module documentation).
/// A step costs about as much time as this many units of term work.
pub const WORK_PER_FUEL: u64 = 16;

/// Counts steps, term work and recursion depth against [`Limits`].
#[derive(Clone, Debug)]
pub struct Meter {
    limits: Limits,
    /// Steps (and units charged directly with [`Meter::charge`]).
    used: u64,
    /// Term work seen at the last [`Meter::sync_work`].
    work: u64,
    depth: u32,
    peak_depth: u32,
}

impl Meter {
    /// A fresh meter.
    pub fn new(limits: Limits) -> Meter {
        Meter {
            limits,
            used: 0,
            work: 0,
            depth: 0,
            peak_depth: 0,
        }
    }

    /// Fuel used so far: steps plus term work at [`WORK_PER_FUEL`] units a
    /// step.
    pub fn used(&self) -> u64 {
        self.used + self.work / WORK_PER_FUEL
    }

    /// Steps alone (fuel used without term work).
    pub fn steps(&self) -> u64 {
        self.used
    }

    /// Term work counted so far.
    pub fn work(&self) -> u64 {
        self.work
    }

    /// The most term work a check may do: past it, its fuel is certainly
    /// exhausted.
    pub fn work_limit(&self) -> u64 {
        self.limits.fuel.saturating_mul(WORK_PER_FUEL)
    }

    /// Takes note of the term work done so far (`total`, which never
    /// decreases) and fails if steps and work together exceed the fuel.
    #[inline]
    pub fn sync_work(&mut self, total: u64) -> Result<(), KernelError> {
        self.work = total;
        self.check()
    }

    #[inline]
    fn check(&self) -> Result<(), KernelError> {
        // The error reports the whole budget as used: the unit that went
        // past it was never paid for.
        let used = self.used();
        if used > self.limits.fuel {
            return Err(KernelError::OutOfFuel {
                used: self.limits.fuel,
                needed: used - self.limits.fuel,
                limit: self.limits.fuel,
            });
        }
        Ok(())
    }

    /// Deepest recursion reached.
    pub fn peak_depth(&self) -> u32 {
        self.peak_depth
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Counts one step.
    #[inline]
    pub fn tick(&mut self) -> Result<(), KernelError> {
        self.used += 1;
        self.check()
    }

    /// Counts `n` steps at once: work whose cost is known before it is done
    /// (big-number arithmetic, `literal_cost.rs`). If they do not fit, the
    /// budget is spent (the next step fails too, so a caller that cannot
    /// return the error here stops at its next step).
    #[inline]
    pub fn charge(&mut self, n: u64) -> Result<(), KernelError> {
        // Term work already done counts towards the budget too.
        let used = self.used().saturating_add(n);
        if used > self.limits.fuel {
            let before = self.used().min(self.limits.fuel);
            self.used = self.used.max(self.limits.fuel);
            return Err(KernelError::OutOfFuel {
                used: before,
                needed: n,
                limit: self.limits.fuel,
            });
        }
        self.used = self.used.saturating_add(n);
        Ok(())
    }

    /// Fails, out of fuel, unless `n` more units fit the budget (charging
    /// nothing): for work that is metered as it is done but would take
    /// memory before the meter could stop it.
    #[inline]
    pub fn affordable(&self, n: u64) -> Result<(), KernelError> {
        let used = self.used();
        if used.saturating_add(n) > self.limits.fuel {
            return Err(KernelError::OutOfFuel {
                used: used.min(self.limits.fuel),
                needed: n,
                limit: self.limits.fuel,
            });
        }
        Ok(())
    }

    /// Enters one level of recursion without counting a step: for a
    /// recursive call whose caller already paid its step, so every path of
    /// the checker's recursion counts against the depth limit.
    #[inline]
    pub fn descend(&mut self) -> Result<(), KernelError> {
        self.depth += 1;
        if self.depth > self.peak_depth {
            self.peak_depth = self.depth;
        }
        if self.depth > self.limits.max_recursion {
            self.depth -= 1;
            return Err(KernelError::RecursionLimit {
                limit: self.limits.max_recursion,
            });
        }
        Ok(())
    }

    /// Enters one level of recursion (and counts a step).
    #[inline]
    pub fn enter(&mut self) -> Result<(), KernelError> {
        self.tick()?;
        self.descend()
    }

    /// Leaves one level of recursion.
    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }
}

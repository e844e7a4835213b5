//! Fuel and depth limits: every reduction step is counted, and a check stops
//! with an error (never a hang or a stack overflow) when a limit is reached.

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
    /// Default limits. The fuel (10^8 steps, some seconds of work) is far
    /// above what real declarations use (all of `Init.Prelude` takes about
    /// 1.3·10^5 steps in total). The depths are far above what real terms
    /// need (`Init.Prelude`: term depth 111, checker recursion 26) and sized
    /// so a check fits the stack [`crate::run_with_kernel_stack`] provides
    /// with a wide margin (and, in release builds, an 8 MiB main thread).
    pub const DEFAULT: Limits = Limits {
        fuel: 100_000_000,
        max_recursion: 1_000,
        max_term_depth: 4_000,
    };

    /// Limits for checks run inside [`crate::run_with_kernel_stack`] (the
    /// command line uses these): depths up to 60,000 nested terms and
    /// 100,000 nested checker calls, for real exports with long literal
    /// lists or deep proof terms, still far inside that stack.
    pub const DEEP: Limits = Limits {
        fuel: 100_000_000,
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

/// Counts steps and recursion depth against [`Limits`].
#[derive(Clone, Debug)]
pub struct Meter {
    limits: Limits,
    used: u64,
    depth: u32,
    peak_depth: u32,
}

impl Meter {
    /// A fresh meter.
    pub fn new(limits: Limits) -> Meter {
        Meter {
            limits,
            used: 0,
            depth: 0,
            peak_depth: 0,
        }
    }

    /// Steps used so far.
    pub fn used(&self) -> u64 {
        self.used
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
        if self.used > self.limits.fuel {
            return Err(KernelError::OutOfFuel {
                used: self.used - 1,
                needed: 1,
                limit: self.limits.fuel,
            });
        }
        Ok(())
    }

    /// Counts `n` steps at once: work whose cost is known before it is done
    /// (big-number arithmetic, `literal_cost.rs`). If they do not fit, the
    /// budget is spent (the next step fails too, so a caller that cannot
    /// return the error here stops at its next step).
    #[inline]
    pub fn charge(&mut self, n: u64) -> Result<(), KernelError> {
        let used = self.used.saturating_add(n);
        if used > self.limits.fuel {
            let before = self.used;
            self.used = self.used.max(self.limits.fuel);
            return Err(KernelError::OutOfFuel {
                used: before,
                needed: n,
                limit: self.limits.fuel,
            });
        }
        self.used = used;
        Ok(())
    }

    /// Enters one level of recursion (and counts a step).
    #[inline]
    pub fn enter(&mut self) -> Result<(), KernelError> {
        self.tick()?;
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

    /// Leaves one level of recursion.
    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }
}

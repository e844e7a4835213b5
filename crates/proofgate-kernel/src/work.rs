//! The term-work meter of a check: nodes interned, substitution nodes
//! visited, spine arguments copied, level nodes walked. The checker pays it
//! from its fuel (`fuel.rs`); past the limit a walk stops early, its result
//! is garbage, and the check ends out of fuel before using it
//! (`TypeChecker::finish`).
//!
//! One meter serves the term store and its level table. It lives in the
//! level table (`LevelTable::meter`), the one place both can reach: level
//! algorithms run as `st.levels.f(..)`, without a handle on the store.

use std::cell::Cell;

/// Work done and the limit past which walks stop. `Cell`s, so read-only
/// walks count too.
#[derive(Debug)]
pub(crate) struct WorkMeter {
    done: Cell<u64>,
    limit: Cell<u64>,
}

impl Default for WorkMeter {
    fn default() -> Self {
        WorkMeter {
            done: Cell::new(0),
            limit: Cell::new(u64::MAX),
        }
    }
}

impl WorkMeter {
    /// Counts from zero, stopping walks once past `limit`.
    pub fn start(&self, limit: u64) {
        self.done.set(0);
        self.limit.set(limit);
    }

    /// Stops limiting (between checks).
    pub fn stop(&self) {
        self.limit.set(u64::MAX);
    }

    /// Work done since `start`.
    #[inline]
    pub fn done(&self) -> u64 {
        self.done.get()
    }

    /// Sets the work done (to leave out work charged otherwise).
    pub fn set(&self, w: u64) {
        self.done.set(w);
    }

    /// Counts `n` units.
    #[inline]
    pub fn count(&self, n: u64) {
        self.done.set(self.done.get().wrapping_add(n));
    }

    /// Whether the limit was passed.
    #[inline]
    pub fn exhausted(&self) -> bool {
        self.done.get() > self.limit.get()
    }

    /// Counts one unit and says whether the walk must stop.
    #[inline]
    pub fn step(&self) -> bool {
        self.count(1);
        self.exhausted()
    }
}

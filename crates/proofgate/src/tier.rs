//! Proof tiers: which checker an obligation needs, and escalation.
//!
//! - Reflex: the proposition is `@Eq T a a` (both sides the same hash-consed
//!   term) and the proof is `@Eq.refl T a`. Decided by comparing ids, with no
//!   kernel call: `Eq.refl a : a = a` holds by the typing rule of `Eq.refl`.
//! - Standard: the kernel checks the proof under a small fuel budget.
//! - Deep: the kernel checks it under the full budget.
//!
//! [`verify_tiered`] escalates only when a tier could not decide (Reflex on a
//! shape it does not cover, Standard out of fuel or depth); a definite
//! rejection is final.

use crate::obligation::Obligation;
use proofgate_kernel::{Kernel, KernelError, Limits};

/// A verification tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProofTier {
    /// Identity of hash-consed terms; no reduction.
    Reflex,
    /// Kernel check under the small budget.
    Standard,
    /// Kernel check under the full budget.
    Deep,
}

impl ProofTier {
    /// All tiers, cheapest first.
    pub const ALL: [ProofTier; 3] = [ProofTier::Reflex, ProofTier::Standard, ProofTier::Deep];

    /// `"reflex"`, `"standard"` or `"deep"`.
    pub fn name(self) -> &'static str {
        match self {
            ProofTier::Reflex => "reflex",
            ProofTier::Standard => "standard",
            ProofTier::Deep => "deep",
        }
    }

    /// Index into per-tier counters (0, 1, 2).
    pub fn index(self) -> usize {
        self as usize
    }

    fn next(self) -> Option<ProofTier> {
        match self {
            ProofTier::Reflex => Some(ProofTier::Standard),
            ProofTier::Standard => Some(ProofTier::Deep),
            ProofTier::Deep => None,
        }
    }
}

/// Budgets of the kernel tiers and the routing threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierConfig {
    /// Fuel of a Standard check (default 1,000 steps).
    pub standard_fuel: u64,
    /// Fuel of a Deep check (default 10,000 steps).
    pub deep_fuel: u64,
    /// Propositions deeper than this (as trees) go straight to Deep: long
    /// conjunctions are the obligations that need the full budget.
    pub deep_depth: u32,
    /// Nesting limit of the kernel's recursion in gate checks. Lower than
    /// the kernel's default so a check fits an ordinary thread's stack; a
    /// check that needs more is "not decided", never a crash.
    pub max_recursion: u32,
}

impl Default for TierConfig {
    fn default() -> Self {
        TierConfig {
            standard_fuel: 1_000,
            deep_fuel: 10_000,
            deep_depth: 24,
            max_recursion: 256,
        }
    }
}

/// Picks the cheapest tier that can decide the obligation, by its shape.
#[inline]
pub fn route_proof(obligation: &Obligation, config: &TierConfig) -> ProofTier {
    if obligation.is_reflexive() {
        ProofTier::Reflex
    } else if obligation.starts_deep() || obligation.prop_depth() > config.deep_depth {
        ProofTier::Deep
    } else {
        ProofTier::Standard
    }
}

/// An accepted obligation: which tier accepted it and at what cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The tier that accepted.
    pub tier: ProofTier,
    /// The kernel's step count (0 for Reflex: nothing was reduced).
    pub steps: u64,
}

/// Why no tier accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierFailure {
    /// The last tier that tried.
    pub tier: ProofTier,
    /// Steps that tier used, when the kernel reports them.
    pub steps: Option<u64>,
    /// The kernel's reason.
    pub reason: String,
}

/// What one tier concluded on its own (no escalation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Accepted, with the kernel's step count.
    Accepted(u64),
    /// Could not decide within this tier (steps when reported, reason).
    Undecided(Option<u64>, String),
    /// Definitely rejected.
    Rejected(String),
}

/// Runs exactly one tier on an obligation.
pub fn attempt(
    kernel: &mut Kernel,
    ob: &Obligation,
    tier: ProofTier,
    config: &TierConfig,
) -> Attempt {
    let fuel = match tier {
        ProofTier::Reflex => {
            return if ob.is_reflexive() {
                Attempt::Accepted(0)
            } else {
                Attempt::Undecided(Some(0), "not a reflexive equality".to_owned())
            };
        }
        ProofTier::Standard => config.standard_fuel,
        ProofTier::Deep => config.deep_fuel,
    };
    let limits = Limits {
        fuel,
        max_recursion: config.max_recursion,
        ..Limits::DEFAULT
    };
    match kernel.check_term(ob.proof(), ob.prop(), &[], limits) {
        Ok(report) => Attempt::Accepted(report.steps),
        Err(e @ KernelError::OutOfFuel { used, .. }) => {
            Attempt::Undecided(Some(used), e.to_string())
        }
        Err(
            e @ (KernelError::RecursionLimit { .. }
            | KernelError::TermTooDeep { .. }
            | KernelError::StoreFull(_)
            | KernelError::StringTooLongToExpand { .. }),
        ) => Attempt::Undecided(None, e.to_string()),
        Err(e) => Attempt::Rejected(e.to_string()),
    }
}

/// Checks `obligation` starting at tier `start`, escalating only when a tier
/// could not decide.
pub fn verify_tiered(
    kernel: &mut Kernel,
    obligation: &Obligation,
    start: ProofTier,
    config: &TierConfig,
) -> Result<Verdict, TierFailure> {
    let mut tier = start;
    loop {
        match attempt(kernel, obligation, tier, config) {
            Attempt::Accepted(steps) => return Ok(Verdict { tier, steps }),
            Attempt::Rejected(reason) => {
                return Err(TierFailure {
                    tier,
                    steps: None,
                    reason,
                });
            }
            Attempt::Undecided(steps, reason) => match tier.next() {
                Some(next) => tier = next,
                None => {
                    return Err(TierFailure {
                        tier,
                        steps,
                        reason: format!("could not decide within the Deep budget: {reason}"),
                    });
                }
            },
        }
    }
}

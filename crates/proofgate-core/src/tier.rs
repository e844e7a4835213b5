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
    /// Every how many compiled acceptances the kernel re-checks one (the
    /// obligation built and checked as on the kernel route; a refusal is a
    /// [`crate::GateError::CompiledDisagreement`]). 0: never; 1: every one.
    /// Default 1,024.
    pub audit_every: u64,
    /// Whether compiled invariants answer values by their residual
    /// programs (`environment/compiled.rs`); `false` sends every value to
    /// the kernel route. Default `true`.
    pub compiled_route: bool,
    /// Receipt records the environment keeps (one per accepted proof and
    /// epoch): past it the oldest is evicted, and a receipt of an evicted
    /// record yields [`crate::GateError::ReceiptEvicted`] instead of its
    /// attestation. Default 65,536 (about 6 MiB).
    pub receipt_records: usize,
}

impl Default for TierConfig {
    fn default() -> Self {
        TierConfig {
            standard_fuel: 1_000,
            deep_fuel: 10_000,
            deep_depth: 24,
            max_recursion: 256,
            audit_every: 1_024,
            compiled_route: true,
            receipt_records: crate::environment::DEFAULT_RECEIPT_RECORDS,
        }
    }
}

/// Picks the cheapest tier that can decide the obligation, by its shape.
#[inline]
pub fn route_proof(obligation: &Obligation, config: &TierConfig) -> ProofTier {
    if obligation.is_reflexive() {
        ProofTier::Reflex
    } else if obligation.starts_deep() {
        ProofTier::Deep
    } else {
        route_by_depth(obligation.prop_depth(), config)
    }
}

/// The kernel tier of a non-literal obligation built by the gate (not a
/// custom proof), by its proposition's depth as a tree.
#[inline]
pub(crate) fn route_by_depth(prop_depth: u32, config: &TierConfig) -> ProofTier {
    if prop_depth > config.deep_depth {
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

/// Whether a kernel error is a limit reached (fuel, recursion, term depth,
/// store ids): the tier could not decide, and a bigger budget might.
pub(crate) fn is_limit(e: &KernelError) -> bool {
    e.is_limit()
}

/// Why no tier accepted: the kernel's typed error from the last tier that
/// tried. Compare [`TierFailure::rule`], never the wording of the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierFailure {
    /// The last tier that tried.
    pub tier: ProofTier,
    /// Steps that tier used, when the kernel reports them.
    pub steps: Option<u64>,
    /// The kernel's reason: a rule the proof breaks, a limit the Deep tier
    /// reached ([`TierFailure::decided`] is `false`), or
    /// [`KernelError::Internal`] ([`TierFailure::is_kernel_bug`]).
    pub reason: KernelError,
}

impl TierFailure {
    /// The kernel's stable rule id ([`KernelError::rule`]).
    pub fn rule(&self) -> &'static str {
        self.reason.rule()
    }

    /// `true` for a definite rejection (or a kernel bug), `false` when no
    /// tier could decide within its budget.
    pub fn decided(&self) -> bool {
        !is_limit(&self.reason)
    }

    /// `true` when the kernel failed one of its own invariants: a bug in the
    /// kernel, never a verdict on the proof.
    pub fn is_kernel_bug(&self) -> bool {
        matches!(self.reason, KernelError::Internal(_))
    }
}

impl std::fmt::Display for TierFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_reason(f, &self.reason)
    }
}

/// The kernel's reason as the gate says it: a limit of the last tier is
/// "could not decide within the Deep budget: ...".
pub(crate) fn write_reason(f: &mut std::fmt::Formatter<'_>, e: &KernelError) -> std::fmt::Result {
    if is_limit(e) {
        write!(f, "could not decide within the Deep budget: {e}")
    } else {
        write!(f, "{e}")
    }
}

/// What one tier concluded on its own (no escalation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Accepted, with the kernel's step count.
    Accepted(u64),
    /// Could not decide within this tier: steps when reported, and the limit
    /// the kernel reached (`None`: Reflex on an obligation that is not a
    /// reflexive equality).
    Undecided(Option<u64>, Option<KernelError>),
    /// Definitely rejected: the proof breaks the kernel rule the error names.
    Rejected(KernelError),
    /// The kernel failed one of its own invariants ([`KernelError::Internal`]):
    /// a bug in the kernel, never a verdict on the proof.
    KernelBug(KernelError),
}

/// Runs exactly one tier on an obligation.
pub fn attempt(
    kernel: &mut Kernel,
    ob: &Obligation,
    tier: ProofTier,
    config: &TierConfig,
) -> Attempt {
    if tier == ProofTier::Reflex {
        return if ob.is_reflexive() {
            Attempt::Accepted(0)
        } else {
            Attempt::Undecided(Some(0), None)
        };
    }
    match kernel_check(kernel, ob, tier, config) {
        Ok(steps) => Attempt::Accepted(steps),
        Err(e) if is_limit(&e) => Attempt::Undecided(used(&e), Some(e)),
        Err(e @ KernelError::Internal(_)) => Attempt::KernelBug(e),
        Err(e) => Attempt::Rejected(e),
    }
}

/// The kernel's check of `ob` under the budget of a kernel tier.
fn kernel_check(
    kernel: &mut Kernel,
    ob: &Obligation,
    tier: ProofTier,
    config: &TierConfig,
) -> Result<u64, KernelError> {
    let fuel = match tier {
        ProofTier::Standard | ProofTier::Reflex => config.standard_fuel,
        ProofTier::Deep => config.deep_fuel,
    };
    let limits = Limits {
        fuel,
        max_recursion: config.max_recursion,
        ..Limits::DEFAULT
    };
    kernel
        .check_term(ob.proof(), ob.prop(), &[], limits)
        .map(|report| report.steps)
}

/// Steps the kernel reports with an error (on fuel exhaustion only).
fn used(e: &KernelError) -> Option<u64> {
    match e {
        KernelError::OutOfFuel { used, .. } => Some(*used),
        _ => None,
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
    if tier == ProofTier::Reflex {
        if obligation.is_reflexive() {
            return Ok(Verdict { tier, steps: 0 });
        }
        tier = ProofTier::Standard;
    }
    loop {
        match kernel_check(kernel, obligation, tier, config) {
            Ok(steps) => return Ok(Verdict { tier, steps }),
            Err(reason) => match tier.next() {
                Some(next) if is_limit(&reason) => tier = next,
                // A definite rejection (steps not reported), a kernel bug,
                // or a limit of the last tier.
                _ => {
                    let steps = used(&reason);
                    return Err(TierFailure {
                        tier,
                        steps,
                        reason,
                    });
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ProofTier, TierFailure};
    use proofgate_kernel::KernelError;

    #[test]
    fn a_failure_keeps_the_kernel_error_its_rule_and_its_kind() {
        let bug = TierFailure {
            tier: ProofTier::Standard,
            steps: None,
            reason: KernelError::Internal("an invariant"),
        };
        assert!(bug.is_kernel_bug());
        assert_eq!(bug.rule(), "internal");
        let fuel = TierFailure {
            tier: ProofTier::Deep,
            steps: Some(10),
            reason: KernelError::OutOfFuel {
                used: 10,
                needed: 1,
                limit: 10,
            },
        };
        assert!(!fuel.decided() && !fuel.is_kernel_bug());
        assert_eq!(fuel.rule(), "limit.fuel");
        assert!(
            fuel.to_string()
                .starts_with("could not decide within the Deep budget: ")
        );
    }
}

//! Readiness policies over evidence (Lean `Policy`).

use crate::evidence::Evidence;
use thiserror::Error;

/// A readiness policy: what the evidence must show before the cluster converges.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Policy {
    /// Every host is ready.
    StrictAll,
    /// At least `t` hosts are ready.
    AtLeast(u64),
    /// At least `p` percent of the hosts are ready: `p * n <= 100 * ready`.
    Percent(u64),
    /// At most `k` hosts failed.
    MaxFailures(u64),
    /// Both policies hold.
    Both(Box<Policy>, Box<Policy>),
}

/// A policy that cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PolicyError {
    /// A percentage above 100 could never be met and is always a mistake.
    #[error("percentage {0} is over 100")]
    PercentOver100(u64),
}

impl Policy {
    /// `Percent(p)`, refusing `p > 100`.
    pub fn percent(p: u64) -> Result<Self, PolicyError> {
        if p > 100 {
            Err(PolicyError::PercentOver100(p))
        } else {
            Ok(Policy::Percent(p))
        }
    }

    /// `Both(a, b)`.
    #[must_use]
    pub fn both(a: Policy, b: Policy) -> Self {
        Policy::Both(Box::new(a), Box::new(b))
    }

    /// Whether the policy holds of the evidence.
    ///
    /// Integer arithmetic only: `Percent` compares `p * n` with `100 * ready`
    /// in `u128`, which cannot overflow for any `u64` operands.
    #[inline]
    #[must_use]
    pub fn holds(&self, e: &Evidence) -> bool {
        match self {
            Policy::StrictAll => e.ready == e.hosts,
            Policy::AtLeast(t) => e.ready >= *t,
            Policy::Percent(p) => u128::from(*p) * u128::from(e.hosts) <= 100 * u128::from(e.ready),
            Policy::MaxFailures(k) => e.failed <= *k,
            Policy::Both(a, b) => Policy::both_hold(a, b, e),
        }
    }

    // Out of line so the leaves above inline into the gate's hot path.
    #[inline(never)]
    fn both_hold(a: &Policy, b: &Policy, e: &Evidence) -> bool {
        a.holds(e) && b.holds(e)
    }

    /// Whether the policy is stable: once true in a run, it stays true as
    /// more hosts report. `StrictAll`, `AtLeast` and `Percent` only look at
    /// `ready`, which never decreases; `MaxFailures` can go true to false as
    /// failures arrive, and so can any `Both` containing it. The answer is
    /// conservative: `true` is a promise, `false` means "not promised".
    #[must_use]
    pub fn is_stable(&self) -> bool {
        match self {
            Policy::StrictAll | Policy::AtLeast(_) | Policy::Percent(_) => true,
            Policy::MaxFailures(_) => false,
            Policy::Both(a, b) => a.is_stable() && b.is_stable(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(hosts: u64, ready: u64, failed: u64) -> Evidence {
        Evidence {
            hosts,
            ready,
            failed,
            provisioning: hosts - ready - failed,
        }
    }

    #[test]
    fn percent_boundary_is_exact() {
        // 50% of 3 hosts needs 2 ready: 50*3 = 150 <= 100*2.
        assert!(!Policy::Percent(50).holds(&ev(3, 1, 0)));
        assert!(Policy::Percent(50).holds(&ev(3, 2, 0)));
        assert!(Policy::Percent(0).holds(&ev(3, 0, 3)));
        assert!(Policy::Percent(100).holds(&ev(3, 3, 0)));
        assert!(!Policy::Percent(100).holds(&ev(3, 2, 0)));
    }

    #[test]
    fn percent_does_not_overflow_at_two_to_the_32_hosts() {
        let n = 1u64 << 32;
        assert!(Policy::Percent(100).holds(&ev(n, n, 0)));
        assert!(!Policy::Percent(100).holds(&ev(n, n - 1, 1)));
        // 90% of 2^32 is 3865470566.4: the ceiling is the least passing count.
        assert!(Policy::Percent(90).holds(&ev(n, 3_865_470_567, 0)));
        assert!(!Policy::Percent(90).holds(&ev(n, 3_865_470_566, 0)));
        assert!(!Policy::Percent(u64::MAX).holds(&ev(u64::MAX, u64::MAX, 0)));
    }

    #[test]
    fn percent_over_100_is_refused() {
        assert_eq!(Policy::percent(101), Err(PolicyError::PercentOver100(101)));
        assert_eq!(Policy::percent(100), Ok(Policy::Percent(100)));
    }

    #[test]
    fn stability_is_structural() {
        assert!(Policy::both(Policy::Percent(5), Policy::AtLeast(2)).is_stable());
        assert!(!Policy::both(Policy::Percent(5), Policy::MaxFailures(2)).is_stable());
        assert!(!Policy::MaxFailures(0).is_stable());
        assert!(Policy::StrictAll.is_stable());
    }
}

//! Seeded report schedules: which host reports next and how it ended.
//!
//! A schedule never stores a per-host array, so a run costs one byte per host
//! (the cluster) whatever the pattern:
//! - the host order is either sequential or a seeded affine permutation
//!   `i -> (offset + i * stride) mod n` with `gcd(stride, n) = 1`, a bijection
//!   walked with one add and one compare per report;
//! - the outcome sequence has exactly `failures` failures, arranged at
//!   uniformly random positions (selection sampling, Knuth's Algorithm S),
//!   all first, all last, or alternating.

use crate::event::Outcome;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The order in which hosts report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HostOrder {
    /// Host 0, 1, 2, ...
    Sequential,
    /// A seeded permutation of the hosts.
    Shuffled,
}

/// Where the failures sit in the report sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arrangement {
    /// At uniformly random positions (every arrangement equally likely).
    Random,
    /// All failures before any success.
    FailuresFirst,
    /// All successes before any failure.
    SuccessesFirst,
    /// Failure, success, failure, ... until one kind runs out.
    Alternating,
}

/// A fully determined schedule: given the same value, the same reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    hosts: u64,
    failures: u64,
    order: HostOrder,
    arrangement: Arrangement,
    stride: u64,
    offset: u64,
    seed: u64,
}

impl Schedule {
    /// A schedule of `hosts` reports, `failures` of them failures (clamped to
    /// `hosts`), drawing its permutation and its sampling seed from `rng`.
    pub fn new(
        hosts: u64,
        failures: u64,
        order: HostOrder,
        arrangement: Arrangement,
        rng: &mut ChaCha8Rng,
    ) -> Self {
        let (stride, offset) = match order {
            HostOrder::Sequential => (1 % hosts.max(1), 0),
            HostOrder::Shuffled => coprime_stride(hosts, rng),
        };
        Schedule {
            hosts,
            failures: failures.min(hosts),
            order,
            arrangement,
            stride,
            offset,
            seed: rng.random(),
        }
    }

    /// Number of hosts that will report.
    #[must_use]
    pub fn hosts(&self) -> u64 {
        self.hosts
    }

    /// Number of those reports that are failures.
    #[must_use]
    pub fn failures(&self) -> u64 {
        self.failures
    }

    /// The host order.
    #[must_use]
    pub fn order(&self) -> HostOrder {
        self.order
    }

    /// The failure arrangement.
    #[must_use]
    pub fn arrangement(&self) -> Arrangement {
        self.arrangement
    }

    /// The reports, in order. Every host appears exactly once.
    #[must_use]
    pub fn reports(&self) -> Reports {
        Reports {
            remaining: self.hosts,
            failures_left: self.failures,
            next_host: self.offset,
            stride: self.stride,
            hosts: self.hosts,
            arrangement: self.arrangement,
            last_failed: false,
            rng: ChaCha8Rng::seed_from_u64(self.seed),
        }
    }
}

/// A random `stride` coprime with `hosts` and a random `offset`, so that
/// `offset + i * stride (mod hosts)` visits every host once.
fn coprime_stride(hosts: u64, rng: &mut ChaCha8Rng) -> (u64, u64) {
    if hosts <= 1 {
        return (0, 0);
    }
    let offset = rng.random_range(0..hosts);
    loop {
        let stride = rng.random_range(1..hosts);
        if gcd(stride, hosts) == 1 {
            return (stride, offset);
        }
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The iterator of a [`Schedule`]: `(host, outcome)` pairs.
#[derive(Clone, Debug)]
pub struct Reports {
    remaining: u64,
    failures_left: u64,
    next_host: u64,
    stride: u64,
    hosts: u64,
    arrangement: Arrangement,
    last_failed: bool,
    rng: ChaCha8Rng,
}

impl Reports {
    fn next_fails(&mut self) -> bool {
        let fails = self.failures_left;
        let readies = self.remaining - fails;
        if fails == 0 {
            return false;
        }
        if readies == 0 {
            return true;
        }
        match self.arrangement {
            // Algorithm S: fail with probability fails / remaining, which
            // makes every placement of the failures equally likely.
            Arrangement::Random => match u32::try_from(self.remaining) {
                // Half the random bytes per report for any realistic n.
                Ok(remaining) => u64::from(self.rng.random_range(0..remaining)) < fails,
                Err(_) => self.rng.random_range(0..self.remaining) < fails,
            },
            Arrangement::FailuresFirst => true,
            Arrangement::SuccessesFirst => false,
            Arrangement::Alternating => !self.last_failed,
        }
    }
}

impl Iterator for Reports {
    type Item = (u64, Outcome);

    #[inline]
    fn next(&mut self) -> Option<(u64, Outcome)> {
        if self.remaining == 0 {
            return None;
        }
        let fails = self.next_fails();
        self.remaining -= 1;
        self.last_failed = fails;
        let outcome = if fails {
            self.failures_left -= 1;
            Outcome::Failed
        } else {
            Outcome::Ready
        };
        let host = self.next_host;
        // host < n and stride < n, so the sum stays below 2n <= 2^64.
        let next = host + self.stride;
        self.next_host = if next >= self.hosts {
            next - self.hosts
        } else {
            next
        };
        Some((host, outcome))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::try_from(self.remaining).unwrap_or(usize::MAX);
        (n, usize::try_from(self.remaining).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(
        hosts: u64,
        failures: u64,
        order: HostOrder,
        arr: Arrangement,
    ) -> Vec<(u64, Outcome)> {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        Schedule::new(hosts, failures, order, arr, &mut rng)
            .reports()
            .collect()
    }

    #[test]
    fn every_host_reports_once_with_exactly_k_failures() {
        for hosts in [0u64, 1, 2, 3, 10, 97, 360] {
            for k in [0, hosts / 3, hosts] {
                for order in [HostOrder::Sequential, HostOrder::Shuffled] {
                    for arr in [
                        Arrangement::Random,
                        Arrangement::FailuresFirst,
                        Arrangement::SuccessesFirst,
                        Arrangement::Alternating,
                    ] {
                        let r = collect(hosts, k, order, arr);
                        let mut seen: Vec<u64> = r.iter().map(|(h, _)| *h).collect();
                        seen.sort_unstable();
                        assert_eq!(seen, (0..hosts).collect::<Vec<_>>());
                        let fails = r.iter().filter(|(_, o)| *o == Outcome::Failed).count();
                        assert_eq!(fails as u64, k);
                    }
                }
            }
        }
    }

    #[test]
    fn arrangements_put_failures_where_they_say() {
        let outcomes = |arr| -> Vec<bool> {
            collect(6, 2, HostOrder::Sequential, arr)
                .iter()
                .map(|(_, o)| *o == Outcome::Failed)
                .collect()
        };
        assert_eq!(
            outcomes(Arrangement::FailuresFirst),
            [true, true, false, false, false, false]
        );
        assert_eq!(
            outcomes(Arrangement::SuccessesFirst),
            [false, false, false, false, true, true]
        );
        assert_eq!(
            outcomes(Arrangement::Alternating),
            [true, false, true, false, false, false]
        );
    }

    #[test]
    fn same_rng_same_schedule_different_seed_different_schedule() {
        let a = collect(1000, 300, HostOrder::Shuffled, Arrangement::Random);
        let b = collect(1000, 300, HostOrder::Shuffled, Arrangement::Random);
        assert_eq!(a, b);
        let mut rng = ChaCha8Rng::seed_from_u64(8);
        let c: Vec<_> = Schedule::new(
            1000,
            300,
            HostOrder::Shuffled,
            Arrangement::Random,
            &mut rng,
        )
        .reports()
        .collect();
        assert_ne!(a, c);
    }
}

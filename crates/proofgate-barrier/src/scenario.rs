//! Named scenarios: a policy and a failure pattern, parsed from names such as
//! `threshold(50%)/30%-fail`.
//!
//! Policies: `strict-all`, `threshold(P%)` (Percent), `threshold(K)` and
//! `threshold(n)` (AtLeast), `max-failures(K)` / `max-failures(P%)`,
//! `combined(P%,Q%)` (Percent P and at most Q% of the hosts failed),
//! `random-threshold` (AtLeast t, t uniform in 0..=n).
//! Patterns: `all-ready` (in host order), `shuffled-ready`, `all-fail`,
//! `P%-fail` / `K-fail` (exactly that many failures at random positions),
//! `random-fail` (a uniform number of failures at random positions), and the
//! adversarial orders `failures-first-X`, `successes-first-X`,
//! `alternating-X` with X a count or a percentage.

use crate::policy::Policy;
use crate::schedule::{Arrangement, HostOrder, Schedule};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use thiserror::Error;

/// A number of hosts, absolute or relative to `n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Amount {
    /// Exactly this many.
    Count(u64),
    /// `floor(p * n / 100)`.
    Percent(u64),
    /// All `n` hosts.
    AllHosts,
}

impl Amount {
    /// The amount for `n` hosts. Percentages are at most 100 by construction.
    #[must_use]
    pub fn of(self, hosts: u64) -> u64 {
        match self {
            Amount::Count(k) => k,
            // p <= 100, so the quotient is at most n and fits in u64.
            Amount::Percent(p) => (u128::from(p) * u128::from(hosts) / 100) as u64,
            Amount::AllHosts => hosts,
        }
    }
}

/// The policy half of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PolicySpec {
    /// `strict-all`.
    StrictAll,
    /// `threshold(..)`: Percent for a percentage, AtLeast otherwise.
    Threshold(Amount),
    /// `max-failures(..)`.
    MaxFailures(Amount),
    /// `combined(P%,Q)`: Percent(P) and MaxFailures(Q).
    Combined(u64, Amount),
    /// `random-threshold`: AtLeast(t), t uniform in `0..=n`.
    RandomThreshold,
}

/// The failure-pattern half of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PatternSpec {
    /// This many failures (a random number for `None`), in this host order
    /// and arrangement.
    Fail {
        /// How many hosts fail; `None` draws a uniform count in `0..=n`.
        failures: Option<Amount>,
        /// Host order.
        order: HostOrder,
        /// Where failures sit.
        arrangement: Arrangement,
    },
}

/// A scenario: its name and what the name means.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scenario {
    /// The name it was parsed from, e.g. `strict-all/50%-fail`.
    pub name: String,
    /// The policy.
    pub policy: PolicySpec,
    /// The failure pattern.
    pub pattern: PatternSpec,
}

/// One run's concrete policy and schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    /// The policy the gate applies.
    pub policy: Policy,
    /// The reports.
    pub schedule: Schedule,
}

/// A scenario name that does not parse or cannot be instantiated.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ScenarioError {
    /// Not of the form `POLICY/PATTERN` with known parts.
    #[error(
        "unknown scenario `{name}`: {why} (try `strict-all/all-ready` or `threshold(50%)/30%-fail`)"
    )]
    Unknown {
        /// The name given.
        name: String,
        /// What was wrong.
        why: String,
    },
    /// A percentage above 100.
    #[error("scenario `{name}`: percentage {percent} is over 100")]
    PercentOver100 {
        /// The name given.
        name: String,
        /// The offending percentage.
        percent: u64,
    },
    /// More failures than hosts.
    #[error("scenario `{name}`: {failures} failures asked of {hosts} hosts")]
    TooManyFailures {
        /// The name given.
        name: String,
        /// Failures asked for.
        failures: u64,
        /// Hosts available.
        hosts: u64,
    },
}

/// The twelve scenarios of the research suite, in the order runs cycle through.
pub const RESEARCH: [&str; 12] = [
    "strict-all/all-ready",
    "strict-all/all-fail",
    "strict-all/50%-fail",
    "threshold(50%)/30%-fail",
    "threshold(90%)/20%-fail",
    "threshold(n)/all-ready",
    "threshold(1)/all-fail",
    "max-failures(0)/all-ready",
    "combined(50%,10%)/20%-fail",
    "combined(50%,30%)/shuffled-ready",
    "threshold(0)/all-fail",
    "random-threshold/random-fail",
];

/// Adversarial orders beyond the research suite (`--suite extended`).
pub const ADVERSARIAL: [&str; 8] = [
    "threshold(50%)/failures-first-40%",
    "threshold(60%)/successes-first-40%",
    "strict-all/successes-first-1",
    "max-failures(10%)/successes-first-20%",
    "max-failures(10%)/failures-first-20%",
    "combined(50%,10%)/alternating-20%",
    "threshold(75%)/alternating-30%",
    "combined(40%,50%)/random-fail",
];

impl Scenario {
    /// Parses `POLICY/PATTERN`.
    pub fn parse(name: &str) -> Result<Self, ScenarioError> {
        let unknown = |why: &str| ScenarioError::Unknown {
            name: name.to_owned(),
            why: why.to_owned(),
        };
        let (policy, pattern) = name
            .split_once('/')
            .ok_or_else(|| unknown("expected POLICY/PATTERN"))?;
        let scenario = Scenario {
            name: name.to_owned(),
            policy: parse_policy(policy).ok_or_else(|| unknown("unknown policy"))?,
            pattern: parse_pattern(pattern).ok_or_else(|| unknown("unknown failure pattern"))?,
        };
        if let Some(percent) = scenario.largest_percent().filter(|p| *p > 100) {
            return Err(ScenarioError::PercentOver100 {
                name: name.to_owned(),
                percent,
            });
        }
        Ok(scenario)
    }

    fn largest_percent(&self) -> Option<u64> {
        let pct = |a: Amount| match a {
            Amount::Percent(p) => Some(p),
            _ => None,
        };
        let policy = match self.policy {
            PolicySpec::Threshold(a) | PolicySpec::MaxFailures(a) => pct(a),
            PolicySpec::Combined(p, a) => Some(p.max(pct(a).unwrap_or(0))),
            PolicySpec::StrictAll | PolicySpec::RandomThreshold => None,
        };
        let PatternSpec::Fail { failures, .. } = self.pattern;
        policy.max(failures.and_then(pct))
    }

    /// Draws this scenario's policy and schedule for `hosts` hosts.
    pub fn instantiate(&self, hosts: u64, rng: &mut ChaCha8Rng) -> Result<Instance, ScenarioError> {
        let policy = match self.policy {
            PolicySpec::StrictAll => Policy::StrictAll,
            PolicySpec::Threshold(Amount::Percent(p)) => Policy::Percent(p),
            PolicySpec::Threshold(a) => Policy::AtLeast(a.of(hosts)),
            PolicySpec::MaxFailures(a) => Policy::MaxFailures(a.of(hosts)),
            PolicySpec::Combined(p, a) => {
                Policy::both(Policy::Percent(p), Policy::MaxFailures(a.of(hosts)))
            }
            PolicySpec::RandomThreshold => Policy::AtLeast(rng.random_range(0..=hosts)),
        };
        let PatternSpec::Fail {
            failures,
            order,
            arrangement,
        } = self.pattern;
        let failures = match failures {
            Some(a) => a.of(hosts),
            None => rng.random_range(0..=hosts),
        };
        if failures > hosts {
            return Err(ScenarioError::TooManyFailures {
                name: self.name.clone(),
                failures,
                hosts,
            });
        }
        let schedule = Schedule::new(hosts, failures, order, arrangement, rng);
        Ok(Instance { policy, schedule })
    }
}

/// The research suite, parsed.
#[must_use]
pub fn research() -> Vec<Scenario> {
    parse_all(&RESEARCH)
}

/// The research suite followed by the adversarial orders.
#[must_use]
pub fn extended() -> Vec<Scenario> {
    let mut all = research();
    all.extend(parse_all(&ADVERSARIAL));
    all
}

fn parse_all(names: &[&str]) -> Vec<Scenario> {
    names
        .iter()
        .filter_map(|n| Scenario::parse(n).ok())
        .collect()
}

fn parse_policy(s: &str) -> Option<PolicySpec> {
    match s {
        "strict-all" => return Some(PolicySpec::StrictAll),
        "random-threshold" => return Some(PolicySpec::RandomThreshold),
        _ => {}
    }
    let (head, args) = s.strip_suffix(')')?.split_once('(')?;
    match head {
        "threshold" => Some(PolicySpec::Threshold(parse_amount(args, true)?)),
        "max-failures" => Some(PolicySpec::MaxFailures(parse_amount(args, true)?)),
        "combined" => {
            let (ready, fail) = args.split_once(',')?;
            let Amount::Percent(p) = parse_amount(ready, false)? else {
                return None;
            };
            Some(PolicySpec::Combined(p, parse_amount(fail, true)?))
        }
        _ => None,
    }
}

/// `P%`, `K`, or (if `n_allowed`) the literal `n`.
fn parse_amount(s: &str, n_allowed: bool) -> Option<Amount> {
    if n_allowed && s == "n" {
        return Some(Amount::AllHosts);
    }
    match s.strip_suffix('%') {
        Some(p) => parse_number(p).map(Amount::Percent),
        None => parse_number(s).map(Amount::Count),
    }
}

fn parse_number(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_pattern(s: &str) -> Option<PatternSpec> {
    let fail = |failures, order, arrangement| PatternSpec::Fail {
        failures,
        order,
        arrangement,
    };
    let zero = Some(Amount::Count(0));
    match s {
        "all-ready" => return Some(fail(zero, HostOrder::Sequential, Arrangement::Random)),
        "shuffled-ready" => return Some(fail(zero, HostOrder::Shuffled, Arrangement::Random)),
        "all-fail" => {
            return Some(fail(
                Some(Amount::AllHosts),
                HostOrder::Sequential,
                Arrangement::Random,
            ));
        }
        "random-fail" => return Some(fail(None, HostOrder::Shuffled, Arrangement::Random)),
        _ => {}
    }
    let adversarial = [
        ("failures-first-", Arrangement::FailuresFirst),
        ("successes-first-", Arrangement::SuccessesFirst),
        ("alternating-", Arrangement::Alternating),
    ];
    for (prefix, arrangement) in adversarial {
        if let Some(rest) = s.strip_prefix(prefix) {
            return Some(fail(
                Some(parse_amount(rest, false)?),
                HostOrder::Shuffled,
                arrangement,
            ));
        }
    }
    let amount = parse_amount(s.strip_suffix("-fail")?, false)?;
    Some(fail(Some(amount), HostOrder::Shuffled, Arrangement::Random))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn every_built_in_name_parses() {
        assert_eq!(research().len(), RESEARCH.len());
        assert_eq!(extended().len(), RESEARCH.len() + ADVERSARIAL.len());
    }

    #[test]
    fn names_mean_what_they_say() {
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        let inst = |name: &str, rng: &mut ChaCha8Rng| {
            Scenario::parse(name)
                .unwrap()
                .instantiate(1000, rng)
                .unwrap()
        };
        let i = inst("combined(50%,10%)/20%-fail", &mut rng);
        assert_eq!(
            i.policy,
            Policy::both(Policy::Percent(50), Policy::MaxFailures(100))
        );
        assert_eq!(i.schedule.failures(), 200);
        let i = inst("threshold(n)/all-ready", &mut rng);
        assert_eq!(i.policy, Policy::AtLeast(1000));
        assert_eq!(i.schedule.failures(), 0);
        assert_eq!(i.schedule.order(), HostOrder::Sequential);
        let i = inst("threshold(90%)/all-fail", &mut rng);
        assert_eq!(i.policy, Policy::Percent(90));
        assert_eq!(i.schedule.failures(), 1000);
        let i = inst("max-failures(7)/alternating-3", &mut rng);
        assert_eq!(i.policy, Policy::MaxFailures(7));
        assert_eq!(i.schedule.arrangement(), Arrangement::Alternating);
    }

    #[test]
    fn bad_names_are_typed_errors() {
        assert!(matches!(
            Scenario::parse("strict-all"),
            Err(ScenarioError::Unknown { .. })
        ));
        assert!(matches!(
            Scenario::parse("bogus/all-ready"),
            Err(ScenarioError::Unknown { .. })
        ));
        assert!(matches!(
            Scenario::parse("strict-all/some-fail"),
            Err(ScenarioError::Unknown { .. })
        ));
        assert!(matches!(
            Scenario::parse("threshold(-1%)/all-ready"),
            Err(ScenarioError::Unknown { .. })
        ));
        assert!(matches!(
            Scenario::parse("threshold(101%)/all-ready"),
            Err(ScenarioError::PercentOver100 { percent: 101, .. })
        ));
        assert!(matches!(
            Scenario::parse("strict-all/150%-fail"),
            Err(ScenarioError::PercentOver100 { percent: 150, .. })
        ));
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        assert!(matches!(
            Scenario::parse("strict-all/11-fail")
                .unwrap()
                .instantiate(10, &mut rng),
            Err(ScenarioError::TooManyFailures { failures: 11, .. })
        ));
    }
}

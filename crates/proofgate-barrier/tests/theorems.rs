//! One property test per Lean theorem of the barrier, each named after it
//! (the mapping table is in the workspace brief and in `ARCHITECTURE.md`).
//!
//! Each test states on the engine what the Lean theorem states on the model,
//! and checks it against facts this file re-derives on its own: host counts by
//! scanning every host, legality from its own reading of the rules, policies
//! through its own evaluator (`reference_holds`). A wrong engine makes them fail.

use proofgate_barrier::controller::{self, Controller, Unconditional};
use proofgate_barrier::{
    Cluster, Decision, Event, Evidence, HostState, Outcome, Phase, Policy, decide,
};
use proptest::prelude::*;

// ---------------------------------------------------------------- reference

/// Counts by scanning every host: (ready, failed, provisioning).
fn recount(c: &Cluster) -> (u64, u64, u64) {
    let (mut r, mut f, mut p) = (0, 0, 0);
    for i in 0..c.hosts() {
        match c.host(i).expect("index below n") {
            HostState::Ready => r += 1,
            HostState::Failed => f += 1,
            HostState::Provisioning => p += 1,
        }
    }
    (r, f, p)
}

/// This file's own reading of a policy, by cases, with `Percent` read as a
/// fraction comparison `ready / n >= p / 100` cross-multiplied in `u128`.
fn reference_holds(policy: &Policy, n: u64, ready: u64, failed: u64) -> bool {
    match policy {
        Policy::StrictAll => ready == n,
        Policy::AtLeast(t) => ready >= *t,
        Policy::Percent(p) => u128::from(ready) * 100 >= u128::from(*p) * u128::from(n),
        Policy::MaxFailures(k) => failed <= *k,
        Policy::Both(a, b) => {
            reference_holds(a, n, ready, failed) && reference_holds(b, n, ready, failed)
        }
    }
}

fn holds_now(policy: &Policy, c: &Cluster) -> bool {
    let (r, f, _) = recount(c);
    reference_holds(policy, c.hosts(), r, f)
}

/// This file's own reading of which events are legal.
fn legal(c: &Cluster, policy: &Policy, event: Event) -> bool {
    let (_, _, prov) = recount(c);
    match (c.phase(), event) {
        (Phase::Imaging, Event::FanOut) => true,
        (Phase::Barrier, Event::Report { host, .. }) => {
            c.host(host) == Some(HostState::Provisioning)
        }
        (Phase::Barrier, Event::Proceed) => holds_now(policy, c),
        (Phase::Barrier, Event::Fail) => !holds_now(policy, c) && prov == 0,
        _ => false,
    }
}

/// A rank that every legal step lowers: two per provisioning host, plus two
/// before fan-out and one during the barrier.
fn rank(c: &Cluster) -> u64 {
    let (_, _, prov) = recount(c);
    let weight = match c.phase() {
        Phase::Imaging => 2,
        Phase::Barrier => 1,
        Phase::Converge | Phase::Failed => 0,
    };
    2 * prov + weight
}

/// One attempted step of a walk.
struct Step {
    before: Cluster,
    event: Event,
    accepted: bool,
    after: Cluster,
}

/// Applies `events` from the initial state, then (if `complete`) reports every
/// host still provisioning with the given outcomes and asks for proceed then
/// fail, so that walks often reach the terminal phases.
fn walk(n: u64, policy: &Policy, events: &[Event], complete: Option<&[bool]>) -> Vec<Step> {
    let mut c = Cluster::new(n).expect("small cluster");
    let mut steps = Vec::new();
    let mut attempt = |c: &mut Cluster, event: Event| {
        let before = c.clone();
        let accepted = c.step(policy, event).is_ok();
        steps.push(Step {
            before,
            event,
            accepted,
            after: c.clone(),
        });
    };
    for e in events {
        attempt(&mut c, *e);
    }
    if let Some(fails) = complete {
        attempt(&mut c, Event::FanOut);
        for host in 0..n {
            let failed = fails.get(host as usize).copied().unwrap_or(false);
            let outcome = if failed {
                Outcome::Failed
            } else {
                Outcome::Ready
            };
            attempt(&mut c, Event::Report { host, outcome });
        }
        attempt(&mut c, Event::Proceed);
        attempt(&mut c, Event::Fail);
    }
    steps
}

/// Every state a walk went through, the initial one first.
fn states(n: u64, steps: &[Step]) -> Vec<Cluster> {
    let mut out = vec![Cluster::new(n).expect("small cluster")];
    out.extend(steps.iter().filter(|s| s.accepted).map(|s| s.after.clone()));
    out
}

fn all_events(n: u64) -> Vec<Event> {
    let mut out = vec![Event::FanOut, Event::Proceed, Event::Fail];
    for host in 0..n + 2 {
        for outcome in [Outcome::Ready, Outcome::Failed] {
            out.push(Event::Report { host, outcome });
        }
    }
    out
}

// --------------------------------------------------------------- strategies

const MAX_N: u64 = 10;

fn policy() -> impl Strategy<Value = Policy> {
    let leaf = prop_oneof![
        Just(Policy::StrictAll),
        (0..=MAX_N + 2).prop_map(Policy::AtLeast),
        (0..=110u64).prop_map(Policy::Percent),
        (0..=MAX_N + 1).prop_map(Policy::MaxFailures),
    ];
    leaf.prop_recursive(2, 4, 2, |inner| {
        (inner.clone(), inner).prop_map(|(a, b)| Policy::both(a, b))
    })
}

fn event(n: u64) -> impl Strategy<Value = Event> {
    prop_oneof![
        1 => Just(Event::FanOut),
        8 => (0..n + 2, any::<bool>()).prop_map(|(host, ready)| Event::Report {
            host,
            outcome: if ready { Outcome::Ready } else { Outcome::Failed },
        }),
        1 => Just(Event::Proceed),
        1 => Just(Event::Fail),
    ]
}

/// A cluster size, a policy, arbitrary events, and maybe a completion.
fn run() -> impl Strategy<Value = (u64, Policy, Vec<Event>, Option<Vec<bool>>)> {
    (0..=MAX_N).prop_flat_map(|n| {
        (
            Just(n),
            policy(),
            prop::collection::vec(event(n), 0..(3 * n as usize + 8)),
            prop::option::weighted(0.7, prop::collection::vec(any::<bool>(), n as usize)),
        )
    })
}

/// Any evidence with `ready + failed <= n`, not necessarily reachable.
fn evidence() -> impl Strategy<Value = Evidence> {
    // Small sizes often, so exact policy boundaries (p * n = 100 * ready) are hit.
    prop_oneof![0..=20u64, 0..=1000u64, Just(1u64 << 32)]
        .prop_flat_map(|n| (Just(n), 0..=n))
        .prop_flat_map(|(n, r)| (Just(n), Just(r), 0..=n - r))
        .prop_map(|(hosts, ready, failed)| Evidence {
            hosts,
            ready,
            failed,
            provisioning: hosts - ready - failed,
        })
}

// ----------------------------------------------------------------- theorems

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Lean `count_update`: a report moves exactly one host from provisioning
    /// to its outcome; the kept counts equal a recount; a refused event
    /// changes nothing.
    #[test]
    fn count_update((n, p, events, complete) in run()) {
        for s in walk(n, &p, &events, complete.as_deref()) {
            prop_assert_eq!(s.accepted, legal(&s.before, &p, s.event), "legality of {:?}", s.event);
            let e = s.after.evidence();
            prop_assert_eq!((e.ready, e.failed, e.provisioning), recount(&s.after));
            if !s.accepted {
                prop_assert_eq!(&s.before, &s.after);
                continue;
            }
            let (r0, f0, p0) = recount(&s.before);
            let (r1, f1, p1) = recount(&s.after);
            match s.event {
                Event::Report { host, outcome } => {
                    prop_assert_eq!(s.after.host(host), Some(outcome.state()));
                    let (dr, df) = if outcome == Outcome::Ready { (1, 0) } else { (0, 1) };
                    prop_assert_eq!((r1, f1, p1 + 1), (r0 + dr, f0 + df, p0));
                    for other in (0..n).filter(|h| *h != host) {
                        prop_assert_eq!(s.before.host(other), s.after.host(other));
                    }
                }
                _ => prop_assert_eq!((r1, f1, p1), (r0, f0, p0)),
            }
        }
    }

    /// Lean `partition`: ready + failed + provisioning = n in every reachable state.
    #[test]
    fn partition((n, p, events, complete) in run()) {
        for c in states(n, &walk(n, &p, &events, complete.as_deref())) {
            let e = c.evidence();
            prop_assert_eq!(e.hosts, n);
            prop_assert_eq!(e.ready + e.failed + e.provisioning, n);
            let (r, f, q) = recount(&c);
            prop_assert_eq!(r + f + q, n);
        }
    }

    /// Lean `exists_prov`: a positive provisioning count yields the index of
    /// a host that is provisioning.
    #[test]
    fn exists_prov((n, p, events, complete) in run()) {
        for c in states(n, &walk(n, &p, &events, complete.as_deref())) {
            match c.provisioning_host() {
                Some(i) => {
                    prop_assert!(c.evidence().provisioning > 0);
                    prop_assert_eq!(c.host(i), Some(HostState::Provisioning));
                }
                None => prop_assert_eq!(recount(&c).2, 0, "a provisioning host was missed"),
            }
        }
    }

    /// Lean `safety`: every Converge happened with the policy true of the
    /// evidence at that moment (and a reachable Converge state satisfies it).
    #[test]
    fn safety((n, p, events, complete) in run()) {
        for s in walk(n, &p, &events, complete.as_deref()) {
            if s.accepted && s.after.phase() == Phase::Converge {
                prop_assert!(holds_now(&p, &s.after), "converged with the policy false");
                if s.before.phase() != Phase::Converge {
                    prop_assert_eq!(s.event, Event::Proceed);
                    prop_assert!(holds_now(&p, &s.before));
                }
            }
        }
    }

    /// Lean `fail_sound`: every Fail happened with no host provisioning and
    /// the policy false.
    #[test]
    fn fail_sound((n, p, events, complete) in run()) {
        for s in walk(n, &p, &events, complete.as_deref()) {
            if s.accepted && s.after.phase() == Phase::Failed && s.before.phase() != Phase::Failed {
                prop_assert_eq!(s.event, Event::Fail);
                prop_assert_eq!(recount(&s.before).2, 0);
                prop_assert!(!holds_now(&p, &s.before));
            }
        }
    }

    /// Lean `gate_converge`: decide = Converge iff the policy holds.
    #[test]
    fn gate_converge(p in policy(), e in evidence()) {
        prop_assert_eq!(decide(&p, &e) == Decision::Converge, reference_holds(&p, e.hosts, e.ready, e.failed));
    }

    /// Lean `gate_fail`: decide = Fail iff the policy fails and no host is provisioning.
    #[test]
    fn gate_fail(p in policy(), e in evidence()) {
        let want = !reference_holds(&p, e.hosts, e.ready, e.failed) && e.provisioning == 0;
        prop_assert_eq!(decide(&p, &e) == Decision::Fail, want);
    }

    /// Lean `gate_wait`: decide = Wait iff the policy fails and some host is provisioning.
    #[test]
    fn gate_wait(p in policy(), e in evidence()) {
        let want = !reference_holds(&p, e.hosts, e.ready, e.failed) && e.provisioning > 0;
        prop_assert_eq!(decide(&p, &e) == Decision::Wait, want);
    }

    /// Lean `progress`: every reachable non-terminal state has a legal step.
    #[test]
    fn progress((n, p, events, complete) in run()) {
        for c in states(n, &walk(n, &p, &events, complete.as_deref())) {
            if c.phase().is_terminal() {
                continue;
            }
            let moves: Vec<Event> = all_events(n)
                .into_iter()
                .filter(|e| c.clone().step(&p, *e).is_ok())
                .collect();
            prop_assert!(!moves.is_empty(), "stuck in {:?}", c.phase());
            for e in moves {
                prop_assert!(legal(&c, &p, e));
            }
        }
    }

    /// Lean `terminal_stuck`: no event leaves Converge or Failed.
    #[test]
    fn terminal_stuck((n, p, events, complete) in run()) {
        for c in states(n, &walk(n, &p, &events, complete.as_deref())) {
            if !c.phase().is_terminal() {
                continue;
            }
            for e in all_events(n) {
                let mut d = c.clone();
                prop_assert!(d.step(&p, e).is_err());
                prop_assert_eq!(&d, &c);
            }
        }
    }

    /// Lean `step_rank`: `2 * provisioning + phase weight` strictly decreases
    /// on every legal step.
    #[test]
    fn step_rank((n, p, events, complete) in run()) {
        for s in walk(n, &p, &events, complete.as_deref()) {
            if s.accepted {
                prop_assert!(rank(&s.after) < rank(&s.before), "{:?} did not lower the rank", s.event);
            }
        }
    }

    /// Lean `step_wf`: no chain of legal steps from the initial state is
    /// longer than n + 2 (fan-out, n reports, one decision), however many
    /// events are thrown at it.
    #[test]
    fn step_wf(n in 0..=MAX_N, p in policy(), events in prop::collection::vec(event(MAX_N), 0..120)) {
        let accepted = walk(n, &p, &events, None).iter().filter(|s| s.accepted).count() as u64;
        prop_assert!(accepted <= n + 2, "{} legal steps for n = {}", accepted, n);
    }

    /// Lean `resolves`: under a fair schedule (every host eventually
    /// reports), both controllers end in Converge or Failed within n + 3
    /// states (n + 2 steps).
    #[test]
    fn resolves(
        n in 0..=40u64,
        p in policy(),
        fails in prop::collection::vec(any::<bool>(), 40),
        order in Just((0..40u64).collect::<Vec<_>>()).prop_shuffle(),
        eager in any::<bool>(),
    ) {
        let controller = if eager { Controller::Eager } else { Controller::Settled };
        let reports: Vec<(u64, Outcome)> = order
            .into_iter()
            .filter(|h| *h < n)
            .map(|h| (h, if fails[h as usize] { Outcome::Failed } else { Outcome::Ready }))
            .collect();
        let mut c = Cluster::new(n).expect("small cluster");
        let summary = controller::run(controller, &mut c, &p, reports, &mut (), &mut Unconditional);
        let summary = summary.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(c.phase().is_terminal());
        prop_assert!(summary.steps < n + 3);
        prop_assert_eq!(c.phase() == Phase::Converge, holds_now(&p, &c));
    }

    /// Lean `ready_mono`: ready never decreases along a run.
    #[test]
    fn ready_mono((n, p, events, complete) in run()) {
        let s = states(n, &walk(n, &p, &events, complete.as_deref()));
        for w in s.windows(2) {
            prop_assert!(recount(&w[0]).0 <= recount(&w[1]).0);
            prop_assert!(w[0].evidence().ready <= w[1].evidence().ready);
        }
    }

    /// Lean `failed_mono`: failed never decreases along a run.
    #[test]
    fn failed_mono((n, p, events, complete) in run()) {
        let s = states(n, &walk(n, &p, &events, complete.as_deref()));
        for w in s.windows(2) {
            prop_assert!(recount(&w[0]).1 <= recount(&w[1]).1);
            prop_assert!(w[0].evidence().failed <= w[1].evidence().failed);
        }
    }

    /// Lean `atLeast_step`: a legal step preserves `AtLeast t`, and a ready
    /// report takes ready from r to r + 1.
    #[test]
    fn at_least_step((n, p, events, complete) in run(), t in 0..=MAX_N + 2) {
        let at_least = Policy::AtLeast(t);
        for s in walk(n, &p, &events, complete.as_deref()) {
            if !s.accepted {
                continue;
            }
            let (before, after) = (s.before.evidence(), s.after.evidence());
            prop_assert_eq!(at_least.holds(&before), reference_holds(&at_least, n, recount(&s.before).0, 0));
            if at_least.holds(&before) {
                prop_assert!(at_least.holds(&after));
            }
            if let Event::Report { outcome: Outcome::Ready, .. } = s.event {
                prop_assert!(Policy::AtLeast(recount(&s.before).0 + 1).holds(&after));
            }
        }
    }

    /// Lean `strictAll_iff`: StrictAll holds iff every host is ready.
    #[test]
    fn strict_all_iff((n, p, events, complete) in run()) {
        for c in states(n, &walk(n, &p, &events, complete.as_deref())) {
            let all_ready = (0..n).all(|i| c.host(i) == Some(HostState::Ready));
            prop_assert_eq!(Policy::StrictAll.holds(&c.evidence()), all_ready);
        }
    }

    /// Lean `atLeast_caps`: ready never exceeds n, so `AtLeast t` with t > n
    /// never holds, and whenever `AtLeast t` holds, t <= n.
    #[test]
    fn at_least_caps((n, p, events, complete) in run(), t in 0..=2 * MAX_N) {
        for c in states(n, &walk(n, &p, &events, complete.as_deref())) {
            prop_assert!(recount(&c).0 <= n);
            if Policy::AtLeast(t).holds(&c.evidence()) {
                prop_assert!(t <= n);
            }
        }
    }

    /// Lean `strictAll_stable`: once StrictAll holds in a run it keeps holding.
    #[test]
    fn strict_all_stable((n, p, events, complete) in run()) {
        prop_assert!(Policy::StrictAll.is_stable());
        stays_true(&Policy::StrictAll, &states(n, &walk(n, &p, &events, complete.as_deref())))?;
    }

    /// Lean `atLeast_stable`: once `AtLeast t` holds in a run it keeps holding.
    #[test]
    fn at_least_stable((n, p, events, complete) in run(), t in 0..=MAX_N + 2) {
        prop_assert!(Policy::AtLeast(t).is_stable());
        stays_true(&Policy::AtLeast(t), &states(n, &walk(n, &p, &events, complete.as_deref())))?;
    }

    /// Lean `pct_stable`: once `Percent p` holds in a run it keeps holding.
    #[test]
    fn pct_stable((n, p, events, complete) in run(), pct in 0..=100u64) {
        prop_assert!(Policy::Percent(pct).is_stable());
        stays_true(&Policy::Percent(pct), &states(n, &walk(n, &p, &events, complete.as_deref())))?;
    }

    /// Lean `maxFailures_unstable`: MaxFailures can go from true to false on
    /// an extension of a run (exhibited: k + 1 failures after fan-out), so the
    /// engine must not call it stable; and every policy the engine does call
    /// stable really stays true along runs.
    #[test]
    fn max_failures_unstable(n in 1..=MAX_N, k in 0..MAX_N, (m, p, events, complete) in run()) {
        let k = k % n;
        let policy = Policy::MaxFailures(k);
        prop_assert!(!policy.is_stable());
        let mut c = Cluster::new(n).expect("small cluster");
        c.fan_out().expect("fan-out from imaging");
        let before = policy.holds(&c.evidence());
        for host in 0..=k {
            c.report(host, Outcome::Failed).expect("fresh host in barrier");
        }
        prop_assert!(before && !policy.holds(&c.evidence()), "true -> false not exhibited");
        prop_assert!(reference_holds(&policy, n, 0, 0) && !reference_holds(&policy, n, 0, k + 1));
        if p.is_stable() {
            stays_true(&p, &states(m, &walk(m, &p, &events, complete.as_deref())))?;
        }
    }

    /// Lean `converge_final`: Converge is final; no event changes a converged
    /// cluster, and the policy still holds of its evidence.
    #[test]
    fn converge_final((n, p, events, complete) in run()) {
        for c in states(n, &walk(n, &p, &events, complete.as_deref())) {
            if c.phase() != Phase::Converge {
                continue;
            }
            prop_assert!(holds_now(&p, &c));
            let mut d = c.clone();
            for e in all_events(n) {
                let _ = d.step(&p, e);
                prop_assert_eq!(d.phase(), Phase::Converge);
            }
            prop_assert_eq!(&d, &c);
        }
    }
}

/// Once `policy` holds in `states`, it holds in every later one (checked
/// with the reference evaluator too).
fn stays_true(policy: &Policy, states: &[Cluster]) -> Result<(), TestCaseError> {
    let mut seen_true = false;
    for c in states {
        let now = policy.holds(&c.evidence());
        prop_assert_eq!(now, holds_now(policy, c));
        prop_assert!(!seen_true || now, "{:?} went from true to false", policy);
        seen_true |= now;
    }
    Ok(())
}

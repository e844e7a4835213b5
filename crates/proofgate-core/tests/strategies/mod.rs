//! Proptest strategies shared by the gate's differential tests: barrier
//! evidence up to 10^6 hosts, and policies whose thresholds sit near it.

use proofgate_barrier::{Evidence, Policy};
use proptest::prelude::*;

/// Consistent evidence: ready + failed + provisioning = hosts.
pub fn evidence() -> impl Strategy<Value = Evidence> {
    (1u64..=1_000_000)
        .prop_flat_map(|n| (Just(n), 0..=n))
        .prop_flat_map(|(n, ready)| (Just(n), Just(ready), 0..=n - ready))
        .prop_map(|(hosts, ready, failed)| Evidence {
            hosts,
            ready,
            failed,
            provisioning: hosts - ready - failed,
        })
}

/// Policies whose thresholds sit near the evidence, so both verdicts occur.
pub fn policy_near(ev: Evidence) -> BoxedStrategy<Policy> {
    let leaf = prop_oneof![
        Just(Policy::StrictAll),
        (-2i64..=2).prop_map(move |d| Policy::AtLeast(ev.ready.saturating_add_signed(d))),
        (0u64..=100).prop_map(Policy::Percent),
        (-2i64..=2).prop_map(move |d| Policy::MaxFailures(ev.failed.saturating_add_signed(d))),
    ];
    leaf.prop_recursive(2, 4, 2, |inner| {
        (inner.clone(), inner).prop_map(|(a, b)| Policy::both(a, b))
    })
    .boxed()
}

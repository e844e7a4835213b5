//! The suite itself under random seeds and sizes: the engine and the
//! independent checker never disagree, and stable policies end as the final
//! evidence predicts whatever the order.

use proofgate_barrier::controller::Controller;
use proofgate_barrier::scenario::{self, Scenario};
use proofgate_barrier::suite::{SuiteConfig, run_suite};
use proptest::prelude::*;

fn config(hosts: u64, seed: u64, scenarios: Vec<Scenario>) -> SuiteConfig {
    SuiteConfig {
        hosts,
        runs: scenarios.len() as u64,
        seed,
        controllers: vec![Controller::Eager, Controller::Settled],
        scenarios,
        only_run: None,
        threads: 1,
        record_events: false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_built_in_scenario_runs_clean(hosts in 1..300u64, seed in any::<u64>()) {
        let report = run_suite(&config(hosts, seed, scenario::extended()), &|| {}).expect("suite runs");
        prop_assert_eq!(report.violations(), 0, "{:?}", report.results.iter().find(|r| r.violation_count > 0));
        prop_assert!(report.results.iter().all(|r| r.outcome.is_some()));
    }

    #[test]
    fn any_parsed_scenario_runs_clean(
        hosts in 1..200u64,
        seed in any::<u64>(),
        policy in prop_oneof![
            Just("strict-all".to_owned()),
            (0..=100u64).prop_map(|p| format!("threshold({p}%)")),
            (0..=250u64).prop_map(|t| format!("threshold({t})")),
            (0..=100u64).prop_map(|p| format!("max-failures({p}%)")),
            (0..=100u64, 0..=100u64).prop_map(|(p, q)| format!("combined({p}%,{q}%)")),
            Just("random-threshold".to_owned()),
        ],
        pattern in prop_oneof![
            Just("all-ready".to_owned()),
            Just("all-fail".to_owned()),
            Just("random-fail".to_owned()),
            (0..=100u64).prop_map(|p| format!("{p}%-fail")),
            (0..=100u64).prop_map(|p| format!("failures-first-{p}%")),
            (0..=100u64).prop_map(|p| format!("successes-first-{p}%")),
            (0..=100u64).prop_map(|p| format!("alternating-{p}%")),
        ],
    ) {
        let scenario = Scenario::parse(&format!("{policy}/{pattern}")).expect("well-formed name");
        let report = run_suite(&config(hosts, seed, vec![scenario]), &|| {}).expect("suite runs");
        prop_assert_eq!(report.violations(), 0, "{:?}", report.results);
    }
}

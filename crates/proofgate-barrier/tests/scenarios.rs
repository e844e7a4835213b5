//! The research suite's outcomes: at 1000 hosts, a size where the arithmetic
//! gives the same answers, and at the research's own 10^4 hosts (what
//! `proofgate fuzz --hosts 10000 --runs 240 --seed 0` prints).

use proofgate_barrier::controller::Controller;
use proofgate_barrier::scenario::{self, RESEARCH};
use proofgate_barrier::suite::{SuiteConfig, run_suite, tally};

/// (scenario, converged, failed) over 240 runs, 20 per scenario, from the
/// research engine. The random scenario's counts depend on the seed and are
/// not listed.
const EXPECTED: [(&str, u64, u64); 11] = [
    ("strict-all/all-ready", 20, 0),
    ("strict-all/all-fail", 0, 20),
    ("strict-all/50%-fail", 0, 20),
    ("threshold(50%)/30%-fail", 20, 0),
    ("threshold(90%)/20%-fail", 0, 20),
    ("threshold(n)/all-ready", 20, 0),
    ("threshold(1)/all-fail", 0, 20),
    ("max-failures(0)/all-ready", 20, 0),
    ("combined(50%,10%)/20%-fail", 0, 20),
    ("combined(50%,30%)/shuffled-ready", 20, 0),
    ("threshold(0)/all-fail", 20, 0),
];

fn check_outcomes(hosts: u64) {
    let controllers = [Controller::Eager, Controller::Settled];
    let config = SuiteConfig {
        hosts,
        runs: 240,
        seed: 0,
        controllers: controllers.to_vec(),
        scenarios: scenario::research(),
        only_run: None,
        threads: 1,
        record_events: false,
    };
    let report = run_suite(&config, &|| {}).expect("suite runs");
    assert_eq!(
        report.violations(),
        0,
        "violations: {:#?}",
        report
            .results
            .iter()
            .filter(|r| r.violation_count > 0)
            .collect::<Vec<_>>()
    );
    let rows = tally(&report, RESEARCH.len(), &controllers);
    for (name, converged, failed) in EXPECTED {
        let index = RESEARCH
            .iter()
            .position(|n| *n == name)
            .expect("known scenario");
        for (s, controller, t) in &rows {
            if *s == index {
                assert_eq!(
                    (t.converged, t.failed),
                    (converged, failed),
                    "{name} under {} at {hosts} hosts",
                    controller.name()
                );
            }
        }
    }
    let random = RESEARCH.len() - 1;
    for (s, _, t) in &rows {
        if *s == random {
            assert_eq!(t.converged + t.failed, 20);
        }
    }
}

#[test]
fn research_outcomes_at_1000_hosts() {
    check_outcomes(1000);
}

/// The full size too: it costs well under a second even in a debug build.
#[test]
fn research_outcomes_at_10000_hosts() {
    check_outcomes(10_000);
}

//! The provisioning barrier: the fuzz suite's real work and the engine alone.
//!
//! - `suite/10k_hosts_240_runs/{eager,settled,both}`: `proofgate fuzz --hosts
//!   10000 --runs 240 --seed 0` minus printing: schedules, engine, gate and the
//!   streaming checker. The research's Python engine takes 14.4 s for the
//!   eager work.
//! - `unchecked/10k_hosts_240_runs/{eager,settled}`: the same runs through the
//!   engine and gate with no checker, so the difference is the checker's cost.
//! - `engine/settled_run/1m_hosts`: one run of 10^6 reports (20% failing at
//!   random positions) through the engine and gate, no checker.
#![forbid(unsafe_code)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use proofgate_barrier::controller::{self, Controller, Unconditional};
use proofgate_barrier::scenario::{self, Scenario};
use proofgate_barrier::suite::{SuiteConfig, run_suite};
use proofgate_barrier::{Cluster, Policy};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng;
use std::hint::black_box;
use std::time::Duration;

fn suite_config(controllers: Vec<Controller>) -> SuiteConfig {
    SuiteConfig {
        hosts: 10_000,
        runs: 240,
        seed: 0,
        controllers,
        scenarios: scenario::research(),
        only_run: None,
        threads: 1,
        record_events: false,
    }
}

fn suite(c: &mut Criterion) {
    let mut group = c.benchmark_group("suite/10k_hosts_240_runs");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    for (name, controllers) in [
        ("eager", vec![Controller::Eager]),
        ("settled", vec![Controller::Settled]),
        ("both", vec![Controller::Eager, Controller::Settled]),
    ] {
        let config = suite_config(controllers);
        let reports = run_suite(&config, &|| {}).expect("suite runs").reports();
        group.throughput(Throughput::Elements(reports));
        group.bench_function(name, |b| {
            b.iter(|| {
                let report = run_suite(black_box(&config), &|| {}).expect("suite runs");
                assert_eq!(report.violations(), 0);
                report.reports()
            })
        });
    }
    group.finish();
}

fn unchecked(c: &mut Criterion) {
    let mut group = c.benchmark_group("unchecked/10k_hosts_240_runs");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    let config = suite_config(vec![Controller::Eager]);
    let instances: Vec<_> = (0..config.runs)
        .map(|run| {
            let scenario = &config.scenarios[(run % config.scenarios.len() as u64) as usize];
            scenario
                .instantiate(config.hosts, &mut config.rng_for(run))
                .expect("instance")
        })
        .collect();
    let mut cluster = Cluster::new(config.hosts).expect("cluster");
    for controller in [Controller::Eager, Controller::Settled] {
        group.bench_function(controller.name(), |b| {
            b.iter(|| {
                let mut reports = 0;
                for instance in &instances {
                    cluster.reset();
                    let summary = controller::run(
                        controller,
                        &mut cluster,
                        black_box(&instance.policy),
                        instance.schedule.reports(),
                        &mut (),
                        &mut Unconditional,
                    )
                    .expect("run ends");
                    reports += summary.reports;
                }
                reports
            })
        });
    }
    group.finish();
}

fn engine(c: &mut Criterion) {
    let hosts = 1_000_000;
    let mut group = c.benchmark_group("engine/settled_run");
    group
        .sample_size(20)
        .throughput(Throughput::Elements(hosts));
    let scenario = Scenario::parse("threshold(90%)/20%-fail").expect("scenario");
    let instance = scenario
        .instantiate(hosts, &mut ChaCha8Rng::seed_from_u64(0))
        .expect("instance");
    let mut cluster = Cluster::new(hosts).expect("cluster");
    group.bench_function("1m_hosts", |b| {
        b.iter(|| {
            cluster.reset();
            let policy: &Policy = black_box(&instance.policy);
            controller::run(
                Controller::Settled,
                &mut cluster,
                policy,
                instance.schedule.reports(),
                &mut (),
                &mut Unconditional,
            )
            .expect("run ends")
        })
    });
    group.finish();
}

criterion_group!(benches, suite, unchecked, engine);
criterion_main!(benches);

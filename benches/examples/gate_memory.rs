//! What a gate environment holds after gating many distinct values (issue
//! 20's bounded memory): `ProofGate::mutate` to fresh evidence under a
//! policy, N times, on the compiled route (or the kernel route with
//! `--kernel`), printing the process's resident memory (`VmRSS`, Linux)
//! before and after, and whether the first receipt still yields its
//! attestation.
//!
//! ```sh
//! cargo run --release -p proofgate-benches --example gate_memory -- 1000000
//! cargo run --release -p proofgate-benches --example gate_memory -- 100000 --kernel
//! ```

use proofgate_barrier::proof_gate::{PolicyForm, PolicyInvariants};
use proofgate_benches::gate_cases::{fresh_evidence, policy_requirement};
use proofgate_core::{ProofEnvironment, ProofGate, TierConfig};

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let kernel = args.any(|a| a == "--kernel");
    let mut env = ProofEnvironment::new().expect("prelude");
    env.set_config(TierConfig {
        compiled_route: !kernel,
        ..TierConfig::default()
    });
    let mut policies = PolicyInvariants::new();
    let req = policy_requirement(&mut env, &mut policies, PolicyForm::Bool);
    let mut gate = ProofGate::new(fresh_evidence(0), req);
    let before = rss_kib();
    let start = std::time::Instant::now();
    let first = gate
        .mutate(&mut env, |v| fresh_evidence(v.hosts + 1))
        .expect("proved");
    for _ in 1..n {
        gate.mutate(&mut env, |v| fresh_evidence(v.hosts + 1))
            .expect("proved");
    }
    let elapsed = start.elapsed();
    let after = rss_kib();
    let route = if kernel { "kernel" } else { "compiled" };
    println!(
        "{n} distinct values on the {route} route: {:.0} ns per mutation; resident {} KiB before, {} KiB after ({:.1} bytes per value)",
        elapsed.as_nanos() as f64 / n as f64,
        before.unwrap_or(0),
        after.unwrap_or(0),
        (after.unwrap_or(0).saturating_sub(before.unwrap_or(0)) * 1024) as f64 / n as f64
    );
    match env.attestation(&first) {
        Ok(_) => println!("the first receipt still yields its attestation"),
        Err(e) => println!("the first receipt: {e}"),
    }
    let last = gate.attestation(&env).expect("the last receipt is kept");
    println!(
        "the last receipt's attestation: {} reduction steps",
        last.map_or(0, |a| a.reduction_steps)
    );
}

//! Runs the gate bench's uncached checks in a loop, for a profiler: the
//! environment is built first, then `run` repeats one check `n` times, so
//! `valgrind --tool=callgrind --toggle-collect='gate_profile::run*'` counts
//! the checks alone (instructions are repeatable on a loaded machine).
//!
//! ```text
//! cargo build --release -p proofgate-benches --example gate_profile
//! valgrind --tool=callgrind --toggle-collect='gate_profile::run*' \
//!     target/release/examples/gate_profile standard 1000
//! ```
//!
//! `standard`: the Percent(90) policy check; `floor`: `1024 = 1024` sent to
//! the Standard tier; `deep`: the composite closest to 10,000 steps (the
//! same obligations as `benches/benches/gate.rs`, from `gate_cases`).
#![forbid(unsafe_code)]

use proofgate_benches::gate_cases::{deep_obligation, policy_obligation};
use proofgate_core::{Obligation, ProofEnvironment, ProofRequirement, ProofTier};
use std::hint::black_box;

/// The checks, the only code a `--toggle-collect` run counts.
#[inline(never)]
fn run(env: &mut ProofEnvironment, ob: &Obligation, tier: Option<ProofTier>, n: u64) -> u64 {
    let mut steps = 0;
    for _ in 0..n {
        steps += match tier {
            Some(t) => match env.attempt_tier(black_box(ob), t) {
                proofgate_core::Attempt::Accepted(s) => s,
                other => panic!("not accepted: {other:?}"),
            },
            None => env.verify_uncached(black_box(ob)).expect("holds").steps,
        };
    }
    steps
}

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "standard".to_owned());
    let n: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1_000);
    let mut env = ProofEnvironment::new().expect("prelude");
    let mut policies = proofgate_barrier::proof_gate::PolicyInvariants::new();
    let (ob, tier) = match which.as_str() {
        "standard" => (policy_obligation(&mut env, &mut policies), None),
        "floor" => {
            struct Dim;
            impl proofgate_core::GateSubject for Dim {
                fn dimension(&self) -> Option<u64> {
                    Some(1024)
                }
            }
            let req = ProofRequirement::DimensionMatch { expected: 1024 };
            let ob = env.obligation(&req, &Dim).expect("builds");
            (ob, Some(ProofTier::Standard))
        }
        "deep" => (deep_obligation(&mut env, &mut policies).0, None),
        other => panic!("unknown check {other}: standard, floor or deep"),
    };
    let steps = run(&mut env, &ob, tier, n);
    println!("{which}: {n} checks, {} steps each", steps / n.max(1));
}

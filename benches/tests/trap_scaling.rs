//! Each perf-trap class costs near-linear fuel in its size. Fuel pays for
//! steps and term work (see the kernel's `fuel.rs`), so this is a
//! deterministic, untimed stand-in for "time and memory grow near-linearly":
//! from n = 250 to n = 1,000 the fuel may grow at most 5x (n log n gives
//! 5.0x; a quadratic class gives 16x).

use proofgate_benches::traps::{TRAPS, is_limit};
use proofgate_kernel::{CheckFailure, Kernel, Limits, check_export, run_with_kernel_stack};

fn fuel(bytes: &[u8]) -> u64 {
    run_with_kernel_stack(|| {
        let mut k = Kernel::new();
        check_export(&mut k, bytes, Limits::DEEP)
            .expect("accepted")
            .steps
    })
}

#[test]
fn every_accepted_class_costs_near_linear_fuel() {
    let mut report = Vec::new();
    for t in TRAPS.iter().filter(|t| t.accepted) {
        let small = fuel(&(t.build)(250));
        let large = fuel(&(t.build)(1_000));
        report.push(format!("{}: {small} -> {large}", t.name));
        assert!(
            large <= 5 * small,
            "{}: fuel {small} at n = 250 but {large} at n = 1,000",
            t.name
        );
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
fn the_failure_classes_are_rejected() {
    for t in TRAPS.iter().filter(|t| !t.accepted) {
        let bytes = (t.build)(300);
        let r =
            run_with_kernel_stack(|| check_export(&mut Kernel::new(), &bytes[..], Limits::DEEP));
        match r {
            Err(CheckFailure::Rejected { error, .. }) => {
                assert!(!is_limit(&error), "{}: stopped by a limit: {error}", t.name)
            }
            Ok(_) => panic!("{} accepted", t.name),
            Err(e) => panic!("{}: {e}", t.name),
        }
    }
}

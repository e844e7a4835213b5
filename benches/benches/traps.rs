//! Perf-trap classes (issue 13, part 3): for each class in
//! `proofgate_benches::traps`, a fresh kernel checks the generated export
//! (parsing included) at n = 100, 1,000 and 10,000, so the medians show how
//! the cost grows. Each file's verdict is checked once before timing.
//!
//! `cargo bench -p proofgate-benches --bench traps -- app_lam --warm-up-time 1 --measurement-time 3`
#![forbid(unsafe_code)]
#![allow(missing_docs)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use proofgate_benches::traps::TRAPS;
use proofgate_benches::traps::is_limit;
use proofgate_kernel::{CheckFailure, Kernel, Limits, check_export, run_with_kernel_stack};
use std::hint::black_box;
use std::time::Duration;

/// Sizes timed by `cargo bench`; the smoke run of `cargo test --benches`
/// (an unoptimised build, without `--bench`) checks n = 100 only.
fn sizes() -> &'static [usize] {
    if std::env::args().any(|a| a == "--bench") {
        &[100, 1_000, 10_000]
    } else {
        &[100]
    }
}

/// `Some(accepted)`, or `None` when a limit stopped the check first.
fn check(bytes: &[u8]) -> Option<bool> {
    run_with_kernel_stack(|| {
        let mut k = Kernel::new();
        match check_export(&mut k, bytes, Limits::DEEP) {
            Ok(_) => Some(true),
            Err(CheckFailure::Rejected { error, .. }) if is_limit(&error) => None,
            Err(_) => Some(false),
        }
    })
}

fn traps(c: &mut Criterion) {
    for t in TRAPS {
        let mut g = c.benchmark_group(format!("traps/{}", t.name));
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for &n in sizes() {
            let bytes = (t.build)(n);
            assert_eq!(
                check(&bytes),
                Some(t.accepted),
                "{} at n = {n}: wrong verdict",
                t.name
            );
            g.bench_with_input(BenchmarkId::from_parameter(n), &bytes, |b, bytes| {
                b.iter(|| black_box(check(black_box(bytes))))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, traps);
criterion_main!(benches);

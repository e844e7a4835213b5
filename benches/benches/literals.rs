//! Big-number literal arithmetic under the fuel cost model
//! (`crates/proofgate-kernel/src/literal_cost.rs`): each case reduces one
//! `Nat` operation on literals of a given size and prints, once, the steps
//! it is charged, so that the median divided by the steps is the time one
//! step pays for (the figure `BENCHMARKING.md` reports; the model must keep
//! it bounded across sizes). Operands are dense (all words non-zero). The
//! operations are honest definitions the kernel verified
//! (`resource_shapes::arithmetic`): the extension computes nothing else.
//!
//! `cargo bench -p proofgate-benches --bench literals -- --warm-up-time 1 --measurement-time 3`
#![forbid(unsafe_code)]
#![allow(missing_docs)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use proofgate_benches::resource_shapes::arithmetic;
use proofgate_kernel::UBig;
use proofgate_kernel::{ExprId, Kernel, Limits, check_export};
use std::hint::black_box;

/// The operations the literal extension computes on verified definitions
/// (`Nat.div`, `Nat.mod` and `Nat.gcd` are never computed since issue 19:
/// they unfold as structural recursion, paid step by step).
const OPS: [&str; 4] = ["Nat.add", "Nat.mul", "Nat.pow", "Nat.shiftLeft"];

/// A kernel with `Nat` and honest definitions of [`OPS`], checked (so the
/// extension computes them: an axiom or an unverified definition named
/// `Nat.add` is never computed, and a bench over one measures nothing).
fn kernel() -> Kernel {
    let mut k = Kernel::new();
    check_export(&mut k, &arithmetic()[..], Limits::DEFAULT).expect("honest arithmetic");
    k
}

/// A number of `bits` bits with every word non-zero.
fn dense(bits: u64, salt: u64) -> UBig {
    let words = bits.div_ceil(64) as usize;
    let mut x = 0x9e37_79b9_7f4a_7c15u64 ^ salt;
    let mut v = Vec::with_capacity(words);
    for _ in 0..words {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.push(x | 1);
    }
    let n = UBig::from_words(&v);
    n >> (words * 64 - bits as usize)
}

fn case(k: &mut Kernel, op: &str, a: UBig, b: UBig) -> ExprId {
    let st = k.store_mut();
    let (a, b) = (st.nat_lit(a), st.nat_lit(b));
    let n = st.names.dotted(op);
    let f = st.cnst(n, &[]);
    st.apps(f, &[a, b])
}

fn literal_ops(c: &mut Criterion) {
    let mut g = c.benchmark_group("literal");
    g.sample_size(10);
    // Operand sizes in bits, up to the literal size cap's operands (2^25).
    for bits in [1u64 << 12, 1 << 16, 1 << 20, 1 << 22, 1 << 25] {
        for op in OPS {
            let mut k = kernel();
            let e = match op {
                "Nat.pow" => case(&mut k, op, dense(64, 1), (bits / 64).into()),
                "Nat.shiftLeft" => case(&mut k, op, dense(bits, 1), (bits / 2).into()),
                _ => case(&mut k, op, dense(bits, 1), dense(bits, 2)),
            };
            let fuel = Limits::with_fuel(u64::MAX / 2);
            // Run only for the cases a filter selects.
            let mut shown = false;
            g.bench_with_input(BenchmarkId::new(op, bits), &e, |bch, &e| {
                if !shown {
                    let (_, rep) = k.whnf(e, fuel).expect("computed");
                    eprintln!("steps {op} {bits} bits: {}", rep.steps);
                    shown = true;
                }
                bch.iter(|| black_box(k.whnf(e, fuel).expect("computed").1.steps))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, literal_ops);
criterion_main!(benches);

//! Big-number literal arithmetic under the fuel cost model
//! (`crates/proofgate-kernel/src/literal_cost.rs`): each case reduces one
//! `Nat` operation on literals of a given size and prints, once, the steps
//! it is charged, so that the median divided by the steps is the time one
//! step pays for (the figure `BENCHMARKING.md` reports; the model must keep
//! it bounded across sizes). Operands are dense (all words non-zero); gcd
//! runs on consecutive Fibonacci numbers, Euclid's worst case.
//!
//! `cargo bench -p proofgate-benches --bench literals -- --warm-up-time 1 --measurement-time 3`
#![forbid(unsafe_code)]
#![allow(missing_docs)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use proofgate_kernel::DeclHeader;
use proofgate_kernel::UBig;
use proofgate_kernel::{Declaration, ExprId, Kernel, Limits, check_export};
use std::hint::black_box;

const NAT: &str = r#"{"meta":{"format":{"version":"3.1.0"}}}
{"in":1,"str":{"pre":0,"str":"Nat"}}
{"il":1,"succ":0}
{"ie":0,"sort":1}
{"in":2,"str":{"pre":1,"str":"zero"}}
{"in":3,"str":{"pre":1,"str":"succ"}}
{"ie":1,"const":{"name":1,"us":[]}}
{"in":4,"str":{"pre":0,"str":"_"}}
{"ie":2,"forallE":{"name":4,"type":1,"body":1,"binderInfo":"default"}}
{"inductive":{"types":[{"name":1,"levelParams":[],"type":0,"numParams":0,"numIndices":0,"all":[1],"ctors":[2,3],"numNested":0,"isRec":true,"isReflexive":false,"isUnsafe":false}],"ctors":[{"name":2,"levelParams":[],"type":1,"induct":1,"cidx":0,"numParams":0,"numFields":0,"isUnsafe":false},{"name":3,"levelParams":[],"type":2,"induct":1,"cidx":1,"numParams":0,"numFields":1,"isUnsafe":false}],"recs":[]}}
"#;

const OPS: [&str; 6] = [
    "Nat.add", "Nat.mul", "Nat.div", "Nat.mod", "Nat.gcd", "Nat.pow",
];

/// A kernel with `Nat` and each operation as an axiom `Nat → Nat → Nat`.
fn kernel() -> Kernel {
    let mut k = Kernel::new();
    check_export(&mut k, NAT.as_bytes(), Limits::DEFAULT).expect("Nat");
    for op in OPS {
        let st = k.store_mut();
        let name = st.names.dotted(op);
        let n = st.names.dotted("Nat");
        let nat = st.cnst(n, &[]);
        let inner = st.pi(nat, nat);
        let ty = st.pi(nat, inner);
        k.add_declaration(&Declaration::Axiom {
            header: DeclHeader {
                name,
                level_params: vec![],
                ty,
            },
            is_unsafe: false,
        })
        .expect("operation");
    }
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

/// Consecutive Fibonacci numbers `(F(k+1), F(k))` of about `bits` bits
/// (fast doubling).
fn fibonacci_pair(bits: u64) -> (UBig, UBig) {
    // F(k) has about 0.694 k bits.
    let k = bits * 1000 / 694;
    let (mut a, mut b) = (UBig::ZERO, UBig::from(1u32));
    for i in (0..64 - k.leading_zeros()).rev() {
        let two_b = &b << 1usize;
        let c = &a * (&two_b - &a);
        let d = &a * &a + &b * &b;
        if (k >> i) & 1 == 1 {
            b = &c + &d;
            a = d;
        } else {
            a = c;
            b = d;
        }
    }
    (b, a)
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
            if op == "Nat.gcd" && bits > 1 << 20 {
                continue; // quadratic: charged so, but seconds per iteration
            }
            let mut k = kernel();
            let e = match op {
                "Nat.gcd" => {
                    let (a, b) = fibonacci_pair(bits);
                    case(&mut k, op, a, b)
                }
                "Nat.pow" => case(&mut k, op, dense(64, 1), (bits / 64).into()),
                "Nat.div" | "Nat.mod" => case(&mut k, op, dense(bits, 1), dense(bits / 2, 2)),
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

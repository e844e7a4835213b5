//! Big-number arithmetic on literals is charged by operand size before it
//! runs: a computation that would take minutes is stopped by its budget at
//! once, with the steps it needed; step counts are deterministic.

use proofgate_kernel::UBig;
use proofgate_kernel::{ExprId, Kernel, KernelError, Limits};

#[path = "support/nat.rs"]
mod nat;
use nat::{kernel_with, op};

fn lit(k: &mut Kernel, n: UBig) -> ExprId {
    k.store_mut().nat_lit(n)
}

fn out_of_fuel(r: Result<(ExprId, proofgate_kernel::CheckReport), KernelError>) -> (u64, u64) {
    match r {
        Err(KernelError::OutOfFuel {
            used,
            needed,
            limit,
        }) => {
            assert!(used <= limit);
            assert!(used + needed > limit);
            (used, needed)
        }
        other => panic!("expected out of fuel, got {other:?}"),
    }
}

#[test]
fn a_product_of_3_pow_a_million_and_2_pow_a_million_is_stopped_by_a_small_budget() {
    // The shape of an issue's 10 KB file (146 s with `--fuel 1000` when an
    // operation counted as one step; `gcd` there, which is not computed
    // any more, see `primitive.rs`). The first `pow` needs more than the
    // whole budget.
    let mut k = kernel_with(&["Nat.add", "Nat.mul", "Nat.pow"]);
    let (three, two, million) = (
        lit(&mut k, 3u32.into()),
        lit(&mut k, 2u32.into()),
        lit(&mut k, 1_000_000u32.into()),
    );
    let a = op(&mut k, "Nat.pow", three, million);
    let b = op(&mut k, "Nat.pow", two, million);
    let g = op(&mut k, "Nat.mul", a, b);
    let (_, needed) = out_of_fuel(k.whnf(g, Limits::with_fuel(1000)));
    assert!(needed > 1000, "needed {needed}");
}

#[test]
fn a_multiplication_at_the_literal_size_cap_is_charged_millions_of_steps() {
    let mut k = kernel_with(&["Nat.add", "Nat.mul"]);
    // Two 2^25-bit operands: the product is at the 2^26-bit cap.
    let x = lit(&mut k, (UBig::from(1u32) << (1usize << 25)) - 1u32);
    let m = op(&mut k, "Nat.mul", x, x);
    let (_, needed) = out_of_fuel(k.whnf(m, Limits::with_fuel(1_000_000)));
    assert!(needed > 1_000_000, "needed {needed}");
}

#[test]
fn a_power_is_charged_by_its_result_size_before_it_is_computed() {
    // 3^(2^24) has 2^25 bits: computing it in a debug build would take
    // far longer than this test; it is refused from the sizes alone.
    let mut k = kernel_with(&["Nat.add", "Nat.mul", "Nat.pow"]);
    let (three, e) = (lit(&mut k, 3u32.into()), lit(&mut k, (1u32 << 24).into()));
    let p = op(&mut k, "Nat.pow", three, e);
    let (used, needed) = out_of_fuel(k.whnf(p, Limits::with_fuel(1000)));
    assert!(needed > 1000 && used < 1000);
    // Past the literal size cap (17^(2^24) has over 2^26 bits) it is not
    // computed by the extension: it unfolds instead (a `Nat.rec` on the
    // exponent), which this budget cannot finish.
    let big = lit(&mut k, (1u32 << 24).into());
    let seventeen = lit(&mut k, 17u32.into());
    let q = op(&mut k, "Nat.pow", seventeen, big);
    out_of_fuel(k.whnf(q, Limits::with_fuel(1000)));
}

#[test]
fn literal_step_counts_grow_with_size_and_are_deterministic() {
    let steps = |bits: u32| {
        let mut k = kernel_with(&["Nat.pred", "Nat.add", "Nat.sub", "Nat.mul"]);
        let a = lit(&mut k, (UBig::from(3u32) << bits as usize) + 7u32);
        let b = lit(&mut k, (UBig::from(5u32) << (bits / 2) as usize) + 1u32);
        let m = op(&mut k, "Nat.mul", a, b);
        let r = op(&mut k, "Nat.sub", m, m);
        let (w, rep) = k.whnf(r, Limits::DEFAULT).expect("computed");
        assert_eq!(w, lit(&mut k, UBig::ZERO));
        rep.steps
    };
    let (small, mid, big) = (steps(64), steps(1 << 16), steps(1 << 20));
    assert_eq!(small, steps(64));
    assert_eq!(big, steps(1 << 20));
    assert!(small < mid && mid < big, "{small} {mid} {big}");
    // Small literals cost one step per operation, as before the cost model.
    assert!(small < 10, "{small}");
}

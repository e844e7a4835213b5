//! Big-number arithmetic on literals is charged by operand size before it
//! runs: a computation that would take minutes is stopped by its budget at
//! once, with the steps it needed; step counts are deterministic.

use num_bigint::BigUint;
use proofgate_kernel::{Declaration, ExprId, Kernel, KernelError, Limits, check_export};

/// `Nat` with `zero`/`succ` (as Lean exports it), then the binary
/// operations `ops` as axioms of type `Nat → Nat → Nat`.
fn kernel_with(ops: &[&str]) -> Kernel {
    let nat = r#"{"meta":{"format":{"version":"3.1.0"}}}
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
    let mut k = Kernel::new();
    check_export(&mut k, nat.as_bytes(), Limits::DEFAULT).expect("Nat");
    for op in ops {
        let st = k.store_mut();
        let name = st.names.dotted(op);
        let n = st.names.dotted("Nat");
        let nat = st.cnst(n, &[]);
        let inner = st.pi(nat, nat);
        let ty = st.pi(nat, inner);
        k.add_declaration(&Declaration::Axiom {
            name,
            level_params: vec![],
            ty,
            is_unsafe: false,
        })
        .expect("operation axiom");
    }
    k
}

fn op(k: &mut Kernel, name: &str, a: ExprId, b: ExprId) -> ExprId {
    let st = k.store_mut();
    let n = st.names.dotted(name);
    let f = st.cnst(n, &[]);
    st.apps(f, &[a, b])
}

fn lit(k: &mut Kernel, n: BigUint) -> ExprId {
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
fn gcd_of_3_pow_a_million_and_2_pow_a_million_is_stopped_by_a_small_budget() {
    // The issue's 10 KB file: 146 s with `--fuel 1000` when gcd counted as
    // one step. Now the first `pow` needs more than the whole budget.
    let mut k = kernel_with(&["Nat.gcd", "Nat.pow"]);
    let (three, two, million) = (
        lit(&mut k, 3u32.into()),
        lit(&mut k, 2u32.into()),
        lit(&mut k, 1_000_000u32.into()),
    );
    let a = op(&mut k, "Nat.pow", three, million);
    let b = op(&mut k, "Nat.pow", two, million);
    let g = op(&mut k, "Nat.gcd", a, b);
    let (_, needed) = out_of_fuel(k.whnf(g, Limits::with_fuel(1000)));
    assert!(needed > 1000, "needed {needed}");
}

#[test]
fn a_multiplication_at_the_literal_size_cap_is_charged_millions_of_steps() {
    let mut k = kernel_with(&["Nat.mul"]);
    // Two 2^25-bit operands: the product is at the 2^26-bit cap.
    let x = lit(&mut k, (BigUint::from(1u32) << (1u32 << 25)) - 1u32);
    let m = op(&mut k, "Nat.mul", x, x);
    let (_, needed) = out_of_fuel(k.whnf(m, Limits::with_fuel(1_000_000)));
    assert!(needed > 1_000_000, "needed {needed}");
}

#[test]
fn a_power_is_charged_by_its_result_size_before_it_is_computed() {
    // 3^(2^24) has 2^25 bits: computing it in a debug build would take
    // far longer than this test; it is refused from the sizes alone.
    let mut k = kernel_with(&["Nat.pow"]);
    let (three, e) = (lit(&mut k, 3u32.into()), lit(&mut k, (1u32 << 24).into()));
    let p = op(&mut k, "Nat.pow", three, e);
    let (used, needed) = out_of_fuel(k.whnf(p, Limits::with_fuel(1000)));
    assert!(needed > 1000 && used < 1000);
    // Past the literal size cap (17^(2^24) has over 2^26 bits) it is not computed: the
    // term stays as it is (still sound: `Nat.pow` is then an axiom here).
    let big = lit(&mut k, (1u32 << 24).into());
    let seventeen = lit(&mut k, 17u32.into());
    let q = op(&mut k, "Nat.pow", seventeen, big);
    let (w, _) = k
        .whnf(q, Limits::with_fuel(1000))
        .expect("stuck, not computed");
    assert_eq!(w, q);
}

#[test]
fn literal_step_counts_grow_with_size_and_are_deterministic() {
    let steps = |bits: u32| {
        let mut k = kernel_with(&["Nat.mul", "Nat.mod"]);
        let a = lit(&mut k, (BigUint::from(3u32) << bits) + 7u32);
        let b = lit(&mut k, (BigUint::from(5u32) << (bits / 2)) + 1u32);
        let m = op(&mut k, "Nat.mul", a, b);
        let r = op(&mut k, "Nat.mod", m, b);
        let (w, rep) = k.whnf(r, Limits::DEFAULT).expect("computed");
        assert_eq!(w, lit(&mut k, BigUint::ZERO));
        rep.steps
    };
    let (small, mid, big) = (steps(64), steps(1 << 16), steps(1 << 20));
    assert_eq!(small, steps(64));
    assert_eq!(big, steps(1 << 20));
    assert!(small < mid && mid < big, "{small} {mid} {big}");
    // Small literals cost one step per operation, as before the cost model.
    assert!(small < 10, "{small}");
}

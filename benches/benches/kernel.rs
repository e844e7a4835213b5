//! Kernel benches: checking all of `Init.Prelude` (the figure the kernel is
//! compared on with nanoda_lib), a whnf-heavy recursor computation and a
//! definitional-equality check. Each iteration starts from a fresh kernel,
//! so the measured work is the real check, caches included.
//!
//! The prelude export is read from the external corpus, found as
//! `crates/proofgate-kernel/tests/support/corpus.rs` says; without it that
//! bench is skipped with a loud line (a failure under
//! `PROOFGATE_REQUIRE_CORPUS=1`).
#![forbid(unsafe_code)]
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    Declaration, DefinitionSafety, ExprId, InductiveBlock, InductiveType, Kernel, LevelId, Limits,
    ReducibilityHints, check_export,
};
use std::hint::black_box;
use std::time::Duration;

#[path = "../../crates/proofgate-kernel/tests/support/corpus.rs"]
mod corpus;

/// `Init.Prelude`'s export, or `None` (skipped loudly) without the corpus.
fn prelude_bytes(bench: &str) -> Option<Vec<u8>> {
    let path = corpus::file_or_skip("good/init-prelude.ndjson", bench)?;
    let bytes = std::fs::read(&path);
    Some(bytes.unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))
}

fn check_prelude(c: &mut Criterion) {
    let Some(bytes) = prelude_bytes("kernel/check_init_prelude") else {
        return;
    };
    let mut g = c.benchmark_group("kernel");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("check_init_prelude", |b| {
        b.iter(|| {
            let mut k = Kernel::new();
            let r = check_export(&mut k, black_box(&bytes[..]), Limits::DEFAULT)
                .expect("prelude accepted");
            black_box(r.declarations)
        })
    });
    g.finish();
}

/// A unary naturals type `N` (named so the Nat literal extension stays out
/// of the way) and `double : N → N` by its recursor.
fn unary_kernel() -> (Kernel, ExprId, ExprId, ExprId) {
    let mut k = Kernel::new();
    let st = k.store_mut();
    let (n, z, s, dn, rn) = (
        st.names.dotted("N"),
        st.names.dotted("N.zero"),
        st.names.dotted("N.succ"),
        st.names.dotted("double"),
        st.names.dotted("N.rec"),
    );
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let nt = st.cnst(n, &[]);
    let st_ty = st.pi(nt, nt);
    let block = InductiveBlock {
        level_params: vec![],
        num_params: 0,
        types: vec![InductiveType {
            name: n,
            ty,
            ctors: vec![(z, nt), (s, st_ty)],
        }],
        is_unsafe: false,
        claimed: None,
    };
    k.add_declaration(&Declaration::Inductive(block))
        .expect("N");
    let st = k.store_mut();
    let rec = st.cnst(rn, &[one]);
    let motive = st.lam(nt, nt);
    let zero = st.cnst(z, &[]);
    let succ = st.cnst(s, &[]);
    let b0 = st.bvar(0);
    let s1 = st.app(succ, b0);
    let s2 = st.app(succ, s1);
    let step = st.lam(nt, s2);
    let step = st.lam(nt, step);
    let body = st.apps(rec, &[motive, zero, step, b0]);
    let value = st.lam(nt, body);
    let d = Declaration::Definition {
        header: DeclHeader {
            name: dn,
            level_params: vec![],
            ty: st_ty,
        },
        value,
        hints: ReducibilityHints::Regular(1),
        safety: DefinitionSafety::Safe,
    };
    k.add_declaration(&d).expect("double");
    let st = k.store_mut();
    let dbl = st.cnst(dn, &[]);
    (k, dbl, zero, succ)
}

fn numeral(k: &mut Kernel, zero: ExprId, succ: ExprId, v: u32) -> ExprId {
    let st = k.store_mut();
    (0..v).fold(zero, |e, _| st.app(succ, e))
}

fn whnf_and_defeq(c: &mut Criterion) {
    let (mut k, dbl, zero, succ) = unary_kernel();
    let n = numeral(&mut k, zero, succ, 100);
    let twice = k.store_mut().app(dbl, n);
    let four = k.store_mut().app(dbl, twice);
    let expected = numeral(&mut k, zero, succ, 400);
    let mut g = c.benchmark_group("kernel");
    g.bench_function("whnf_double_double_100", |b| {
        b.iter(|| {
            black_box(
                k.whnf(black_box(four), Limits::DEFAULT)
                    .expect("within budget")
                    .1
                    .steps,
            )
        })
    });
    g.bench_function("defeq_double_double_100_vs_400", |b| {
        b.iter(|| {
            let (eq, rep) = k
                .is_def_eq(black_box(four), black_box(expected), Limits::DEFAULT)
                .expect("within budget");
            assert!(eq);
            black_box(rep.steps)
        })
    });
    g.finish();
}

/// The fixed cost of one query against a real environment (`Init.Prelude`):
/// `@Eq.refl Nat 1024 : @Eq Nat 1024 1024`, and the literal comparison
/// `Nat.ble 900 1000 = true` by `Eq.refl true` (evaluated by the kernel).
fn query_floor(c: &mut Criterion) {
    let Some(bytes) = prelude_bytes("kernel/query_floor") else {
        return;
    };
    let mut k = Kernel::new();
    check_export(&mut k, &bytes[..], Limits::DEFAULT).expect("prelude accepted");
    let st = k.store_mut();
    let one = st.levels.succ(LevelId::ZERO);
    let (eq, refl, nat, ble, boolean, tt) = (
        st.names.dotted("Eq"),
        st.names.dotted("Eq.refl"),
        st.names.dotted("Nat"),
        st.names.dotted("Nat.ble"),
        st.names.dotted("Bool"),
        st.names.dotted("Bool.true"),
    );
    let lit = |st: &mut proofgate_kernel::TermStore, v: &str| {
        st.nat_lit(proofgate_kernel::parse_nat(v).expect("literal"))
    };
    let (eq1, refl1, nat_c) = (
        st.cnst(eq, &[one]),
        st.cnst(refl, &[one]),
        st.cnst(nat, &[]),
    );
    let n1024 = lit(st, "1024");
    let prop = st.apps(eq1, &[nat_c, n1024, n1024]);
    let proof = st.apps(refl1, &[nat_c, n1024]);
    let (ble_c, bool_c, tt_c) = (st.cnst(ble, &[]), st.cnst(boolean, &[]), st.cnst(tt, &[]));
    let (a, b) = (lit(st, "900"), lit(st, "1000"));
    let cmp = st.apps(ble_c, &[a, b]);
    let ble_prop = st.apps(eq1, &[bool_c, cmp, tt_c]);
    let ble_proof = st.apps(refl1, &[bool_c, tt_c]);
    let mut g = c.benchmark_group("kernel");
    g.bench_function("query_floor_eq_refl_literal", |b| {
        b.iter(|| {
            k.check_term(black_box(proof), black_box(prop), &[], Limits::DEFAULT)
                .expect("checks")
                .steps
        })
    });
    g.bench_function("query_nat_ble_literals", |b| {
        b.iter(|| {
            k.check_term(
                black_box(ble_proof),
                black_box(ble_prop),
                &[],
                Limits::DEFAULT,
            )
            .expect("checks")
            .steps
        })
    });
    g.finish();
}

criterion_group!(benches, check_prelude, whnf_and_defeq, query_floor);
criterion_main!(benches);

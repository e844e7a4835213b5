//! Level walks are paid from fuel (issue 19, item 3): the shapes the red
//! team found, as real exports (written with `ExportWriter`, read back by
//! `check_export`), are answered or stop out of fuel within a fixed budget.
//!
//! Both shapes hang off one long `succ` chain: `succ^i u` for every `i` up
//! to `n` is `n` level nodes. Before the fix, every comparison, `max`, and
//! every substituted level walked its chain again, unpaid: the kernel did
//! `n^2` work for a few thousand units of fuel (at `n` = 20,000, minutes in
//! a debug build; the fixed kernel takes well under a second). Nothing here
//! is timed: the tests hold the verdict and the fuel, and a regression shows
//! as a test that runs for minutes.

use proofgate_kernel::DeclHeader;
use proofgate_kernel::export::ExportWriter;
use proofgate_kernel::fuel::WORK_PER_FUEL;
use proofgate_kernel::level::LevelNode;
use proofgate_kernel::{
    CheckFailure, Declaration, DefinitionSafety, ExprId, KernelError, LevelId, Limits,
    ReducibilityHints, TermStore, check_export, run_with_kernel_stack,
};

/// Longest `succ` chain of the shapes below.
const N: u32 = 20_000;

/// The budget every shape must be answered within.
const FUEL: u64 = 1_000_000;

/// `succ^i u` for `i` in `0..=n` (one chain: `n + 1` nodes).
fn chain(st: &mut TermStore, u: proofgate_kernel::NameId, n: u32) -> Vec<LevelId> {
    let mut l = st.levels.param(u);
    let mut v = vec![l];
    for _ in 0..n {
        l = st.levels.succ(l);
        v.push(l);
    }
    v
}

/// A balanced tree of raw `max` nodes over `xs` (as written, unsimplified).
fn balanced_max(st: &mut TermStore, xs: &[LevelId]) -> LevelId {
    match xs {
        [] => LevelId::ZERO,
        [x] => *x,
        _ => {
            let (a, b) = xs.split_at(xs.len() / 2);
            let (a, b) = (balanced_max(st, a), balanced_max(st, b));
            st.levels.mk(LevelNode::Max(a, b))
        }
    }
}

/// Writes `decls` (built in `st`) as an export.
fn export(st: &TermStore, decls: &[Declaration]) -> Vec<u8> {
    let mut w = ExportWriter::new(Vec::new()).expect("writer");
    for d in decls {
        w.write_declaration(st, d, None).expect("write");
    }
    w.finish().expect("finish")
}

/// Checks `bytes` with a fresh kernel under [`FUEL`]: accepted within the
/// budget, or stopped out of fuel at exactly the budget.
fn assert_answered_within_budget(what: &str, bytes: Vec<u8>) -> u64 {
    let r = run_with_kernel_stack(move || {
        let mut k = proofgate_kernel::Kernel::new();
        let limits = Limits {
            fuel: FUEL,
            ..Limits::DEEP
        };
        check_export(&mut k, std::io::Cursor::new(bytes), limits)
    });
    match r {
        Ok(rep) => {
            assert!(
                rep.steps <= FUEL * rep.declarations as u64,
                "{what}: {rep:?}"
            );
            rep.steps
        }
        Err(CheckFailure::Rejected {
            error: KernelError::OutOfFuel { used, limit, .. },
            ..
        }) => {
            assert_eq!((used, limit), (FUEL, FUEL), "{what}");
            used
        }
        Err(e) => panic!("{what}: expected acceptance or out of fuel, got {e}"),
    }
}

fn def(
    st: &mut TermStore,
    name: &str,
    lps: Vec<proofgate_kernel::NameId>,
    ty: ExprId,
    value: ExprId,
) -> Declaration {
    let name = st.names.dotted(name);
    Declaration::Definition {
        header: DeclHeader {
            name,
            level_params: lps,
            ty,
        },
        value,
        hints: ReducibilityHints::Opaque,
        safety: DefinitionSafety::Safe,
    }
}

/// Finding 1: `def d.{u} : Sort (succ M1) := Sort M2`, `M1` and `M2` two
/// differently shaped balanced `max` trees over `succ^i u`. Normalising
/// them sorts `n` arguments; each comparison read both offsets by walking
/// their chains, and the dedup after the sort walked them again.
#[test]
fn normalising_max_trees_over_one_long_chain_is_paid() {
    let mut st = TermStore::default();
    let u = st.names.dotted("u");
    let c = chain(&mut st, u, N);
    let leaves = &c[1..];
    let m1 = balanced_max(&mut st, leaves);
    // Another shape over the same leaves: odd offsets first, reversed.
    let mut other: Vec<LevelId> = leaves.iter().copied().skip(1).step_by(2).collect();
    other.extend(leaves.iter().copied().step_by(2));
    other.reverse();
    let m2 = balanced_max(&mut st, &other);
    let s1 = st.levels.succ(m1);
    let ty = st.sort(s1);
    let value = st.sort(m2);
    let d = def(&mut st, "d", vec![u], ty, value);
    assert_answered_within_budget("max trees", export(&st, &[d]));
}

/// Normal forms push an outer offset inside a `max`: `succ^n (max v_1 ...
/// v_m)` becomes `max (succ^n v_1) ... (succ^n v_m)`, `m·n` new level nodes
/// from a few input lines. They are paid per node made: the fuel reported
/// covers them (before the fix it was a few hundred units).
#[test]
fn an_offset_pushed_into_a_max_is_paid_per_node_made() {
    const M: usize = 40;
    let mut st = TermStore::default();
    let vs: Vec<_> = (0..M).map(|i| st.names.dotted(&format!("v{i}"))).collect();
    let ps: Vec<LevelId> = vs.iter().map(|v| st.levels.param(*v)).collect();
    let mut rev = ps.clone();
    rev.reverse();
    let (mut a, mut b) = (balanced_max(&mut st, &ps), balanced_max(&mut st, &rev));
    for _ in 0..N {
        a = st.levels.succ(a);
        b = st.levels.succ(b);
    }
    let sa = st.levels.succ(a);
    let ty = st.sort(sa);
    let value = st.sort(b);
    let d = def(&mut st, "d", vs, ty, value);
    let steps = assert_answered_within_budget("offset max", export(&st, &[d]));
    let made = (M as u64) * u64::from(N);
    assert!(
        steps >= made / WORK_PER_FUEL,
        "{steps} units do not pay for the {made} level nodes made"
    );
}

/// `Sort (succ u) → Sort (succ^2 u) → ... → Sort (succ^n u) → Sort u`.
fn pi_chain(st: &mut TermStore, u: proofgate_kernel::NameId) -> ExprId {
    let c = chain(st, u, N);
    let mut ty = st.sort(c[0]);
    for l in c[1..].iter().rev() {
        let s = st.sort(*l);
        ty = st.pi(s, ty);
    }
    ty
}

/// Finding 2: `axiom c.{u} : Sort (succ u) → Sort (succ^2 u) → ... → Sort u`
/// and `def e.{v} : (that at v) := c.{v}`. Inferring `c.{v}` instantiates
/// `c`'s type at `v`; each level was substituted alone, walking its chain
/// (`n^2/2` nodes), while the instance was charged its term's size.
#[test]
fn instantiating_a_constant_over_one_long_chain_is_paid() {
    let mut st = TermStore::default();
    let (u, v) = (st.names.dotted("u"), st.names.dotted("v"));
    let ty = pi_chain(&mut st, u);
    let ty_v = pi_chain(&mut st, v);
    let pv = st.levels.param(v);
    let cn = st.names.dotted("c");
    let ax = Declaration::Axiom {
        header: DeclHeader {
            name: cn,
            level_params: vec![u],
            ty,
        },
        is_unsafe: false,
    };
    let cv = st.cnst(cn, &[pv]);
    let e = def(&mut st, "e", vec![v], ty_v, cv);
    assert_answered_within_budget("instance", export(&st, &[ax, e]));
}

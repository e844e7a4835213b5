//! Fuel bounds time and memory, not only steps: a check whose term work
//! would exhaust the machine within a handful of steps is stopped by its
//! budget, out of fuel, with its memory bounded by the budget. Nothing here
//! is timed: the checks either finish within the budget or say how much
//! they used.

use proofgate_kernel::DeclHeader;
use proofgate_kernel::fuel::WORK_PER_FUEL;
use proofgate_kernel::{
    Declaration, ExprId, Kernel, KernelError, LevelId, Limits, run_with_kernel_stack,
};

/// A kernel with an axiom `A : Type` and `a : A`.
fn kernel() -> (Kernel, ExprId, ExprId) {
    let mut k = Kernel::new();
    let st = k.store_mut();
    let (an, xn) = (st.names.dotted("A"), st.names.dotted("a"));
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let a_ty = st.cnst(an, &[]);
    k.add_declaration(&Declaration::Axiom {
        header: DeclHeader {
            name: an,
            level_params: vec![],
            ty,
        },
        is_unsafe: false,
    })
    .expect("A");
    k.add_declaration(&Declaration::Axiom {
        header: DeclHeader {
            name: xn,
            level_params: vec![],
            ty: a_ty,
        },
        is_unsafe: false,
    })
    .expect("a");
    let a = k.store_mut().cnst(xn, &[]);
    (k, a_ty, a)
}

/// `(fun x0 ... xk => D_k) a ... a` where `S = a #0 #1 ... #k` and
/// `D_0 = S`, `D_j = fun _ => D_{j-1} S`. The input is a DAG of O(k)
/// nodes, but beta-reducing it substitutes `S` at k different depths, and
/// each copy is a different term: about k^2/2 new nodes in one step
/// (k = 9,000: 4·10^7 nodes, over a GB).
fn quadratic_redex(k: &mut Kernel, a_ty: ExprId, a: ExprId, n: u32) -> ExprId {
    let st = k.store_mut();
    let mut s = a;
    for i in 0..=n {
        let b = st.bvar(i);
        s = st.app(s, b);
    }
    let mut d = s;
    for _ in 0..n {
        let body = st.app(d, s);
        d = st.lam(a_ty, body);
    }
    let mut f = d;
    for _ in 0..=n {
        f = st.lam(a_ty, f);
    }
    let args = vec![a; n as usize + 1];
    st.apps(f, &args)
}

#[test]
fn one_beta_step_that_would_build_millions_of_terms_runs_out_of_fuel() {
    let r = run_with_kernel_stack(|| {
        let (mut k, a_ty, a) = kernel();
        let e = quadratic_redex(&mut k, a_ty, a, 9_000);
        let fuel = 10_000;
        let limits = Limits {
            fuel,
            ..Limits::DEEP
        };
        let r = k.whnf(e, limits).map(|_| ());
        (r, k.store().scratch_peak())
    });
    let (r, scratch_peak) = r;
    match r {
        Err(KernelError::OutOfFuel { used, limit, .. }) => {
            assert_eq!((used, limit), (10_000, 10_000));
        }
        other => panic!("expected fuel exhaustion, got {other:?}"),
    }
    // Memory: the scratch terms made are paid for, so they are bounded by
    // the budget's term work (plus the input, built outside the check).
    assert!(
        (scratch_peak as u64) <= 10_000 * WORK_PER_FUEL + 100_000,
        "scratch peak {scratch_peak}"
    );
}

#[test]
fn the_same_redex_checks_when_its_budget_covers_it() {
    // At a size where the whole result fits the budget, the same shape
    // reduces, and the fuel it reports covers the k^2/2 terms it built.
    let (mut k, a_ty, a) = kernel();
    let e = quadratic_redex(&mut k, a_ty, a, 200);
    let (_, rep) = k.whnf(e, Limits::with_fuel(10_000_000)).expect("reduces");
    assert!(
        rep.steps >= 200 * 200 / 2 / WORK_PER_FUEL,
        "fuel {} does not pay for the terms built",
        rep.steps
    );
}

#[test]
fn fuel_used_does_not_depend_on_earlier_checks() {
    // The second run finds constant instances and interned terms made by
    // the first; it must still be charged the same.
    let (mut k, a_ty, a) = kernel();
    let e = quadratic_redex(&mut k, a_ty, a, 100);
    let (_, first) = k.whnf(e, Limits::DEFAULT).expect("reduces");
    let (_, second) = k.whnf(e, Limits::DEFAULT).expect("reduces");
    assert_eq!(first.steps, second.steps);
}

/// Declares an axiom `name : ty`.
fn axiom(k: &mut Kernel, name: &str, ty: ExprId) -> ExprId {
    let n = k.store_mut().names.dotted(name);
    k.add_declaration(&Declaration::Axiom {
        header: DeclHeader {
            name: n,
            level_params: vec![],
            ty,
        },
        is_unsafe: false,
    })
    .expect(name);
    k.store_mut().cnst(n, &[])
}

/// Builds a term on the kernel's stack (`build` returns the kernel, the
/// term and its expected type) and requires `Kernel::infer` to give that
/// type within `fuel` units.
fn assert_infers_within(
    fuel: u64,
    what: &str,
    build: impl FnOnce() -> (Kernel, ExprId, ExprId) + Send,
) {
    let r = run_with_kernel_stack(|| {
        let (mut k, e, ty) = build();
        let limits = Limits {
            fuel,
            ..Limits::DEEP
        };
        k.infer(e, &[], limits).map(|(t, rep)| (t == ty, rep.steps))
    });
    match r {
        Ok((true, steps)) => assert!(steps <= fuel),
        other => panic!("expected {what}'s type within {fuel} units, got {other:?}"),
    }
}

/// `g #(n-1) (g #(n-2) (... (g #0 a)))` with an axiom `g : A → A → A`: a
/// body that reads each of the n binders around it.
fn variables_read_in_turn(k: &mut Kernel, a_ty: ExprId, a: ExprId, n: u32) -> ExprId {
    let st = k.store_mut();
    let ab = st.pi(a_ty, a_ty);
    let g_ty = st.pi(a_ty, ab);
    let g = axiom(k, "g", g_ty);
    let st = k.store_mut();
    let mut body = a;
    for i in 0..n {
        let x = st.bvar(i);
        body = st.apps(g, &[x, body]);
    }
    body
}

/// `let x1 : A := a; ...; let xn : A := a; g x1 (g x2 (... (g xn a)))`:
/// every binding is read by the body under all the others (the Arena's let
/// ladder). Opening the run one binding at a time rebuilt the rest of it per
/// binding, about n^2/2 terms; opened at once it is linear.
#[test]
fn a_let_ladder_is_inferred_in_linear_work() {
    assert_infers_within(20_000, "the ladder", || {
        let (mut k, a_ty, a) = kernel();
        let n = 2_000;
        let body = variables_read_in_turn(&mut k, a_ty, a, n);
        let st = k.store_mut();
        let mut e = body;
        for _ in 0..n {
            e = st.mk(proofgate_kernel::ExprNode::Let(a_ty, a, e));
        }
        // The quadratic opening needed over 10^5 units here.
        (k, e, a_ty)
    });
}

/// The Arena's let ladder as its source builds it: `let x : A := a; g x
/// (let x : A := a; g x (... (g x_n (... (g x_1 a)))))`. An application
/// separates consecutive lets, so no run can be opened at once, and the
/// innermost body reads every binding: substituting each let's value
/// rebuilt the rest of the term per let, n^2/2 terms (2,000 lets: 6·10^6
/// terms, 1.3 s on the real file). A let is now looked up in the context.
#[test]
fn a_let_ladder_with_an_application_between_lets_is_inferred_in_linear_work() {
    assert_infers_within(40_000, "the ladder", || {
        let (mut k, a_ty, a) = kernel();
        let n = 2_000;
        let mut e = variables_read_in_turn(&mut k, a_ty, a, n);
        let g = k.store_mut().names.dotted("g");
        let st = k.store_mut();
        let g = st.cnst(g, &[]);
        for _ in 0..n {
            let x = st.bvar(0);
            let body = st.apps(g, &[x, e]);
            e = st.mk(proofgate_kernel::ExprNode::Let(a_ty, a, body));
        }
        // Substituting per let needed over 3·10^5 units here.
        (k, e, a_ty)
    });
}

/// `w (fun x1 => w L2 L2) (fun x1 => w L2 L2)` down to n binders, each
/// lambda passed twice (one node: a DAG of O(n) nodes), the innermost body
/// reading all n variables (the Arena's app-lam). Substituting at each
/// binder rebuilt the rest of the DAG per binder, about n^2 terms; inferred
/// under a context it is linear.
#[test]
fn a_lambda_dag_under_binders_is_inferred_in_linear_work() {
    assert_infers_within(40_000, "the DAG", || {
        let (mut k, a_ty, a) = kernel();
        let n = 2_000;
        let mut body = variables_read_in_turn(&mut k, a_ty, a, n);
        let st = k.store_mut();
        let f = st.pi(a_ty, a_ty);
        let ff = st.pi(f, a_ty);
        let w_ty = st.pi(f, ff);
        let w = axiom(&mut k, "w", w_ty);
        let st = k.store_mut();
        for _ in 0..n {
            let l = st.lam(a_ty, body);
            body = st.apps(w, &[l, l]);
        }
        // Substituting at each binder needed over 10^6 units here.
        (k, body, a_ty)
    });
}

/// `(fun x1 => (fun x2 => ... (fun xn => S) a ...) a) a`, `S` reading all n
/// variables (the Arena's beta ladder). One substitution per beta step
/// rebuilt the rest of the ladder per step; collected and made once, the
/// weak head normal form costs linear work.
#[test]
fn a_beta_ladder_reduces_in_linear_work() {
    let r = run_with_kernel_stack(|| {
        let (mut k, a_ty, a) = kernel();
        let n = 2_000;
        let mut e = variables_read_in_turn(&mut k, a_ty, a, n);
        let st = k.store_mut();
        let mut expected = a;
        let g = st.app_head(e);
        for _ in 0..n {
            expected = st.apps(g, &[a, expected]);
            let l = st.lam(a_ty, e);
            e = st.app(l, a);
        }
        let limits = Limits {
            fuel: 40_000,
            ..Limits::DEEP
        };
        let inferred = k.infer(e, &[], limits).map(|(t, _)| t == a_ty);
        let reduced = k.whnf(e, limits).map(|(w, rep)| (w == expected, rep.steps));
        (inferred, reduced)
    });
    match r {
        (Ok(true), Ok((true, steps))) => assert!(steps <= 40_000),
        other => {
            panic!("expected the ladder's type and normal form within 40,000 units, got {other:?}")
        }
    }
}

/// [`kernel`] plus `B : Type` and `w : (A → A) → (B → A) → A`: a function
/// taking one lambda over `A` and one over `B`, for terms shared under both.
fn fork_kernel() -> (Kernel, ExprId, ExprId, ExprId, ExprId) {
    let (mut k, a_ty, a) = kernel();
    let st = k.store_mut();
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let b_ty = axiom(&mut k, "B", ty);
    let st = k.store_mut();
    let fa = st.pi(a_ty, a_ty);
    let fb = st.pi(b_ty, a_ty);
    let fba = st.pi(fb, a_ty);
    let w_ty = st.pi(fa, fba);
    let w = axiom(&mut k, "w", w_ty);
    (k, a_ty, a, b_ty, w)
}

/// `fun y => T_n`, `T_k = w (fun (x : A) => T_(k-1)) (fun (x : B) => T_(k-1))`,
/// `T_0 = y`: each `T` is one node under two different binders it does not
/// use. Its inference is shared across them (the cache key is the nearest
/// binder it reads), where a key naming the whole context would infer it
/// once per path, 2^n times.
#[test]
fn a_term_shared_under_sibling_binders_is_inferred_once() {
    assert_infers_within(20_000, "the shared term", || {
        let (mut k, a_ty, _, b_ty, w) = fork_kernel();
        // Past the 16 binders the loose-index summary keeps exactly.
        let n = 64;
        let st = k.store_mut();
        let fa = st.pi(a_ty, a_ty);
        let mut t = st.bvar(n);
        for _ in 0..n {
            let la = st.lam(a_ty, t);
            let lb = st.lam(b_ty, t);
            t = st.apps(w, &[la, lb]);
        }
        let e = st.lam(a_ty, t);
        (k, e, fa)
    });
}

/// `let p := a; let q := a; T_n`, `T_k = w (fun (x : A) => let u := q; let w
/// := p; T_(k-1)) (fun (x : B) => let u := p; let w := q; T_(k-1))` (the
/// values written as indices, so the two branches are different terms),
/// `T_0 = h w u`. Every value is `a`, so substituting them makes one body
/// per level, shared by both branches; a context keeping each let as its
/// own frame inferred `T` once per path, 2^n times (found in review).
#[test]
fn a_body_shared_under_lets_of_equal_values_is_inferred_once() {
    assert_infers_within(20_000, "the shared term", || {
        let (mut k, a_ty, a, b_ty, kc) = fork_kernel();
        let n = 24;
        let st = k.store_mut();
        let aa = st.pi(a_ty, a_ty);
        let h_ty = st.pi(a_ty, aa);
        let h = axiom(&mut k, "h", h_ty);
        let st = k.store_mut();
        let let_ = |st: &mut proofgate_kernel::TermStore, v: u32, b: ExprId| {
            let v = st.bvar(v);
            st.mk(proofgate_kernel::ExprNode::Let(a_ty, v, b))
        };
        let (b0, b1) = (st.bvar(0), st.bvar(1));
        let mut t = st.apps(h, &[b0, b1]);
        for _ in 0..n {
            let w1 = let_(st, 3, t);
            let u1 = let_(st, 1, w1);
            let l1 = st.lam(a_ty, u1);
            let w2 = let_(st, 2, t);
            let u2 = let_(st, 2, w2);
            let l2 = st.lam(b_ty, u2);
            t = st.apps(kc, &[l1, l2]);
        }
        let q = st.mk(proofgate_kernel::ExprNode::Let(a_ty, a, t));
        let e = st.mk(proofgate_kernel::ExprNode::Let(a_ty, a, q));
        (k, e, a_ty)
    });
}

/// Universe levels are DAGs too: `max l l`, `imax l l` or `max l (succ l)`
/// nested k times is k nodes but 2^k as a tree, and level comparison walks
/// trees (normal forms, the complete `≤`). Those walks are paid from the
/// check's fuel, so comparing two sorts over such a level (k = 48) is
/// either answered or stopped out of fuel, within its budget; unpaid, it
/// ran for 2^48 steps (k = 22 already took 0.27 s).
#[test]
fn level_comparisons_on_dag_levels_are_paid_from_fuel() {
    use proofgate_kernel::level::LevelNode;
    for shape in ["max", "imax", "max-succ"] {
        let mut k = Kernel::new();
        let st = k.store_mut();
        let u = st.names.dotted("u");
        let mut l = if shape == "max-succ" {
            st.levels.succ(LevelId::ZERO)
        } else {
            st.levels.param(u)
        };
        for _ in 0..48 {
            l = match shape {
                "max" => st.levels.mk(LevelNode::Max(l, l)),
                "imax" => st.levels.mk(LevelNode::IMax(l, l)),
                _ => {
                    let s = st.levels.mk(LevelNode::Succ(l));
                    st.levels.mk(LevelNode::Max(l, s))
                }
            };
        }
        let l2 = st.levels.mk(LevelNode::Max(l, LevelId::ZERO));
        let (a, b) = (st.sort(l), st.sort(l2));
        match k.is_def_eq(a, b, Limits::with_fuel(1_000)) {
            Ok((true, rep)) => assert!(rep.steps <= 1_000),
            Err(KernelError::OutOfFuel { used, limit, .. }) => {
                assert_eq!((used, limit), (1_000, 1_000))
            }
            other => panic!("{shape}: expected equal sorts or out of fuel, got {other:?}"),
        }
    }
}

/// A constant's type at given universe levels (an instance) is built once
/// and kept across checks. If the budget ran out while it was being built,
/// the half-substituted copy must be neither used nor kept: here `c.{u} :
/// Y4` with `Y0 = Sort u`, `Y(i+1) = Y(i) → Y(i)` (a shallow DAG, walked as
/// a tree), inferred at `u := 0` under every small budget, then under a
/// large one. Every answer is the right type or out of fuel.
#[test]
fn an_instance_cut_short_by_the_budget_is_never_used_or_kept() {
    let mut k = Kernel::new();
    let st = k.store_mut();
    let u = st.names.dotted("u");
    let c = st.names.dotted("c");
    let pu = st.levels.param(u);
    let mut y = st.sort(pu);
    let mut y0 = st.sort(LevelId::ZERO);
    for _ in 0..4 {
        y = st.pi(y, y);
        y0 = st.pi(y0, y0);
    }
    k.add_declaration(&Declaration::Axiom {
        header: DeclHeader {
            name: c,
            level_params: vec![u],
            ty: y,
        },
        is_unsafe: false,
    })
    .expect("c");
    let c0 = k.store_mut().cnst(c, &[LevelId::ZERO]);
    for fuel in (1..40).chain([1_000_000]) {
        match k.infer(c0, &[], Limits::with_fuel(fuel)) {
            Ok((t, _)) => assert_eq!(t, y0, "wrong type under fuel {fuel}"),
            Err(KernelError::OutOfFuel { .. }) => assert!(fuel < 1_000_000),
            Err(e) => panic!("fuel {fuel}: {e}"),
        }
    }
}

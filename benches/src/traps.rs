//! Generators of the perf-trap classes (issue 13, part 3): each builds a
//! standalone export of size `n` that a sound, efficient kernel accepts (or,
//! for the defeq-failure classes, rejects) in time and memory near-linear
//! in `n`. Every file starts from [`prelude`]: `Nat` with its recursor,
//! `Nat.add`/`Nat.mul` (so the literal extension applies), and a few axioms
//! that turn "these two terms are definitionally equal" into "this
//! definition has its declared type".
//!
//! These are our own constructions of the classes the Lean Kernel Arena's
//! perf tests name; the Arena's files themselves are held out.

use crate::export_writer::{E, ExportWriter, L};
use proofgate_kernel::{ConstantInfo, ConstantKind, RecursorRule};

/// One trap class: its name (as the benches and `trap_export` call it) and
/// whether a sound kernel accepts the file.
pub struct Trap {
    /// Bench and command-line name.
    pub name: &'static str,
    /// What the class stresses.
    pub what: &'static str,
    /// `true`: every declaration checks; `false`: the last one is rejected.
    pub accepted: bool,
    /// Builds the export of size `n`.
    pub build: fn(usize) -> Vec<u8>,
}

/// Every class, in the order.
pub const TRAPS: &[Trap] = &[
    Trap {
        name: "app_lam",
        what: "a lambda of n binders applied to n literals, summing its variables",
        accepted: true,
        build: app_lam,
    },
    Trap {
        name: "beta_ladder",
        what: "n nested beta-redexes, the innermost body using the outermost variable",
        accepted: true,
        build: beta_ladder,
    },
    Trap {
        name: "app_lam_dag",
        what: "w (fun x1 => w L2 L2) (fun x1 => w L2 L2) down to n binders (the Arena's app-lam): each lambda one node passed twice, the innermost body adding all n variables",
        accepted: true,
        build: app_lam_dag,
    },
    Trap {
        name: "beta_ladder_all",
        what: "(fun x1 => (fun x2 => ... x1 + (x2 + ... + 0)) 0 ...) 0 = 0 (the Arena's beta ladder): n nested redexes, the innermost body adding all n variables",
        accepted: true,
        build: beta_ladder_all,
    },
    Trap {
        name: "sibling_binders",
        what: "fun y => T_n, T_k = w2 (fun (x : Nat) => T_(k-1)) (fun (p : P 0) => T_(k-1)), T_0 = y: one term under two different binders it does not use, nested n deep (a tree of 2^n paths)",
        accepted: true,
        build: sibling_binders,
    },
    Trap {
        name: "let_ladder",
        what: "n nested lets, each value using the one before, the body using the first",
        accepted: true,
        build: let_ladder,
    },
    Trap {
        name: "let_ladder_arena",
        what: "the Arena's let ladder: n lets `let x : Nat := 0; Nat.add x (next let)`, the innermost body x_n + (... + (x_1 + 0)) reading every binding, as a definition of `Nat`",
        accepted: true,
        build: let_ladder_arena,
    },
    Trap {
        name: "nesting",
        what: "n-fold identical nesting of an identity function",
        accepted: true,
        build: nesting,
    },
    Trap {
        name: "dag",
        what: "a sum whose tree has 2^n leaves but whose DAG has n nodes",
        accepted: true,
        build: dag,
    },
    Trap {
        name: "same_defeq",
        what: "n distinct terms that each ask the same costly defeq question",
        accepted: true,
        build: same_defeq,
    },
    Trap {
        name: "discarded_arg",
        what: "a function that discards an argument that costs 2^n to evaluate",
        accepted: true,
        build: discarded_arg,
    },
    Trap {
        name: "args_first",
        what: "n applications of a costly definition whose arguments agree cheaply",
        accepted: true,
        build: args_first,
    },
    Trap {
        name: "folded_start",
        what: "a list of n elements against itself with the first element folded in a definition",
        accepted: true,
        build: folded_start,
    },
    Trap {
        name: "folded_end",
        what: "the same with the last element folded",
        accepted: true,
        build: folded_end,
    },
    Trap {
        name: "proof_irrel",
        what: "n pairs of proofs of one proposition, built from terms that cost 2^n to evaluate",
        accepted: true,
        build: proof_irrel,
    },
    Trap {
        name: "nat_literals",
        what: "n nested additions and multiplications of literals",
        accepted: true,
        build: nat_literals,
    },
    Trap {
        name: "fail_first",
        what: "a defeq failure between n-element lists whose first elements differ",
        accepted: false,
        build: fail_first,
    },
    Trap {
        name: "fail_last",
        what: "the same with the last elements differing",
        accepted: false,
        build: fail_last,
    },
];

/// Whether a check stopped at a limit (fuel, recursion, depth) rather than
/// reaching a verdict: a failure class must be rejected, not declined.
pub fn is_limit(e: &proofgate_kernel::KernelError) -> bool {
    e.is_limit()
}

/// The class named `name`.
pub fn trap(name: &str) -> Option<&'static Trap> {
    TRAPS.iter().find(|t| t.name == name)
}

/// The shared context of every trap file:
/// `Nat` (with `Nat.rec`), `Nat.add`, `Nat.mul` by recursion, and axioms
/// `T : Nat → Type`, `mkT : (k : Nat) → T k`, `C : Nat → Nat → Nat`,
/// `P : Nat → Prop`, `prf : Nat → P 0`, `R : P 0 → Type`,
/// `mkR : (h : P 0) → R h`.
pub fn prelude() -> ExportWriter {
    let mut w = ExportWriter::new();
    let ty1 = w.type0();
    let nat = w.cnst("Nat", &[]);
    let zero = w.cnst("Nat.zero", &[]);
    let succ = w.cnst("Nat.succ", &[]);
    let nat_to_nat = w.pi(nat, nat);
    let u = w.param("u");
    let sort_u = w.sort(u);
    let motive_ty = w.pi(nat, sort_u);
    // Nat.rec.{u} : {motive : Nat → Sort u} → motive zero →
    //   ((n : Nat) → motive n → motive (succ n)) → (t : Nat) → motive t
    let b0 = w.bvar(0);
    let b1 = w.bvar(1);
    let b2 = w.bvar(2);
    let b3 = w.bvar(3);
    let zero_ty = w.app(b0, zero);
    let mn = w.app(b2, b0);
    let succ_b1 = w.app(succ, b1);
    let m_succ = w.app(b3, succ_b1);
    let ih_pi = w.pi(mn, m_succ);
    let succ_ty = w.pi(nat, ih_pi);
    let m_t = w.app(b3, b0);
    let t_pi = w.pi(nat, m_t);
    let s_pi = w.pi(succ_ty, t_pi);
    let z_pi = w.pi(zero_ty, s_pi);
    let rec_ty = w.pi(motive_ty, z_pi);
    let rhs_zero = {
        let s = w.lam(succ_ty, b1);
        let z = w.lam(zero_ty, s);
        w.lam(motive_ty, z)
    };
    let rhs_succ = {
        let rec = w.cnst("Nat.rec", &[u]);
        let r = w.apps(rec, &[b3, b2, b1, b0]);
        let s_n = w.app(b1, b0);
        let body = w.app(s_n, r);
        let n = w.lam(nat, body);
        let s = w.lam(succ_ty, n);
        let z = w.lam(zero_ty, s);
        w.lam(motive_ty, z)
    };
    // The block with the recursor it claims (as Lean's exporter writes it).
    let (nat_n, zero_n, succ_n, rec_n, u_n) = (
        w.name("Nat"),
        w.name("Nat.zero"),
        w.name("Nat.succ"),
        w.name("Nat.rec"),
        w.name("u"),
    );
    let rec = ConstantInfo {
        name: rec_n,
        level_params: vec![u_n],
        ty: rec_ty,
        kind: ConstantKind::Recursor {
            all: vec![nat_n],
            num_params: 0,
            num_indices: 0,
            num_motives: 1,
            num_minors: 2,
            rules: vec![
                RecursorRule {
                    ctor: zero_n,
                    nfields: 0,
                    rhs: rhs_zero,
                },
                RecursorRule {
                    ctor: succ_n,
                    nfields: 1,
                    rhs: rhs_succ,
                },
            ],
            k: false,
            is_unsafe: false,
        },
    };
    w.inductive(
        "Nat",
        &[],
        ty1,
        (0, 0),
        true,
        &[("Nat.zero", nat, 0), ("Nat.succ", nat_to_nat, 1)],
        vec![rec],
    );
    // Nat.add n m := Nat.rec (fun _ => Nat) n (fun _ ih => succ ih) m, and
    // Nat.mul n m := Nat.rec (fun _ => Nat) 0 (fun _ ih => Nat.add ih n) m.
    let one = w.succ(L::ZERO);
    let nat = w.cnst("Nat", &[]);
    let nat2 = {
        let p = w.pi(nat, nat);
        w.pi(nat, p)
    };
    let motive = w.lam(nat, nat);
    let rec1 = w.cnst("Nat.rec", &[one]);
    let succ_ih = {
        let s = w.app(succ, b0);
        let ih = w.lam(nat, s);
        w.lam(nat, ih)
    };
    let add_body = w.apps(rec1, &[motive, b1, succ_ih, b0]);
    let add = {
        let m = w.lam(nat, add_body);
        w.lam(nat, m)
    };
    w.def("Nat.add", &[], nat2, add, 1);
    let add_c = w.cnst("Nat.add", &[]);
    let mul_step = {
        let b3 = w.bvar(3);
        let s = w.apps(add_c, &[b0, b3]);
        let ih = w.lam(nat, s);
        w.lam(nat, ih)
    };
    let lit0 = w.nat("0");
    let mul_body = w.apps(rec1, &[motive, lit0, mul_step, b0]);
    let mul = {
        let m = w.lam(nat, mul_body);
        w.lam(nat, m)
    };
    w.def("Nat.mul", &[], nat2, mul, 2);
    let ty1 = w.type0();
    let t_ty = w.pi(nat, ty1);
    w.axiom("T", &[], t_ty);
    let t_c = w.cnst("T", &[]);
    let t_b0 = w.app(t_c, b0);
    let mk_ty = w.pi(nat, t_b0);
    w.axiom("mkT", &[], mk_ty);
    w.axiom("C", &[], nat2);
    let prop = w.prop();
    let p_ty = w.pi(nat, prop);
    w.axiom("P", &[], p_ty);
    let p_c = w.cnst("P", &[]);
    let p0 = w.app(p_c, lit0);
    let prf_ty = w.pi(nat, p0);
    w.axiom("prf", &[], prf_ty);
    let r_ty = w.pi(p0, ty1);
    w.axiom("R", &[], r_ty);
    let r_c = w.cnst("R", &[]);
    let r_b0 = w.app(r_c, b0);
    let mkr_ty = w.pi(p0, r_b0);
    w.axiom("mkR", &[], mkr_ty);
    w
}

/// `def name : T expected := mkT value`: checking it infers `value` and
/// decides `value ≡ expected`.
fn claim(w: &mut ExportWriter, name: &str, value: E, expected: E) {
    let t = w.cnst("T", &[]);
    let ty = w.app(t, expected);
    let mk = w.cnst("mkT", &[]);
    let v = w.app(mk, value);
    w.def(name, &[], ty, v, 1);
}

fn lit(w: &mut ExportWriter, k: u128) -> E {
    w.nat(&k.to_string())
}

fn add(w: &mut ExportWriter, a: E, b: E) -> E {
    let f = w.cnst("Nat.add", &[]);
    w.apps(f, &[a, b])
}

/// `(fun x1 ... xn => x1 + (x2 + (... + xn))) 1 2 ... n`.
pub fn app_lam(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let nat = w.cnst("Nat", &[]);
    // Under n binders x1..xn, xi is #(n - i).
    let mut body = w.bvar(0);
    for i in (1..n).rev() {
        let xi = w.bvar((n - i) as u32);
        body = add(&mut w, xi, body);
    }
    let mut f = body;
    for _ in 0..n {
        f = w.lam(nat, f);
    }
    let args: Vec<E> = (1..=n as u128).map(|k| lit(&mut w, k)).collect();
    let v = w.apps(f, &args);
    let sum = (n as u128) * (n as u128 + 1) / 2;
    let expected = lit(&mut w, sum);
    claim(&mut w, "appLam", v, expected);
    w.finish()
}

/// `(fun x1 => (fun x2 => ... (fun xn => xn + x1) (succ x_{n-1}) ...) (succ x1)) 1`
/// = n + 1.
pub fn beta_ladder(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let nat = w.cnst("Nat", &[]);
    let succ = w.cnst("Nat.succ", &[]);
    // The body under all n binders: xn + x1.
    let (b0, first) = (w.bvar(0), w.bvar(n as u32 - 1));
    let mut body = add(&mut w, b0, first);
    // Level k (under k binders) applies the next lambda to succ #0.
    for _ in 1..n {
        let lam = w.lam(nat, body);
        let b0 = w.bvar(0);
        let s = w.app(succ, b0);
        body = w.app(lam, s);
    }
    let lam = w.lam(nat, body);
    let one = lit(&mut w, 1);
    let v = w.app(lam, one);
    let expected = lit(&mut w, n as u128 + 1);
    claim(&mut w, "betaLadder", v, expected);
    w.finish()
}

/// `x_1 + (x_2 + ... + (x_n + 0))` under n binders (`x_i` is `#(n - i)`).
fn sum_of_binders(w: &mut ExportWriter, n: usize) -> E {
    let mut body = lit(w, 0);
    for i in (1..=n).rev() {
        let xi = w.bvar((n - i) as u32);
        body = add(w, xi, body);
    }
    body
}

/// `wrap2 : (Nat → Nat) → (Nat → Nat) → Nat := fun f g => f 0 + g 0`.
fn wrap2(w: &mut ExportWriter) -> E {
    let nat = w.cnst("Nat", &[]);
    let f = w.pi(nat, nat);
    let ty = {
        let g = w.pi(f, nat);
        w.pi(f, g)
    };
    let zero = lit(w, 0);
    let (b0, b1) = (w.bvar(0), w.bvar(1));
    let f0 = w.app(b1, zero);
    let g0 = w.app(b0, zero);
    let body = add(w, f0, g0);
    let v = {
        let g = w.lam(f, body);
        w.lam(f, g)
    };
    w.def("wrap2", &[], ty, v, 2);
    w.cnst("wrap2", &[])
}

/// `wrap2 L_n L_n`, `L_k = fun x => wrap2 L_(k-1) L_(k-1)`, `L_1 = fun x =>
/// x_1 + ... + x_n` (the Arena's app-lam, `dag_app_binder`). As a tree it
/// has 2^n lambdas; as a DAG, n. Substituting at each binder rebuilds the
/// rest of the DAG per binder (quadratic); a context keeps it linear.
pub fn app_lam_dag(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let w2 = wrap2(&mut w);
    let nat = w.cnst("Nat", &[]);
    let mut body = sum_of_binders(&mut w, n);
    for _ in 0..n {
        let l = w.lam(nat, body);
        body = w.apps(w2, &[l, l]);
    }
    let ty = w.cnst("Nat", &[]);
    w.def("dagAppBinder", &[], ty, body, 3);
    w.finish()
}

/// `(fun x1 => (fun x2 => ... (fun xn => x1 + (x2 + ... + 0)) 0 ...) 0) 0`
/// claimed equal to 0 (the Arena's beta ladder): inferring it goes under n
/// binders, and deciding it beta-reduces n nested redexes whose bodies all
/// reach the innermost sum.
pub fn beta_ladder_all(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let nat = w.cnst("Nat", &[]);
    let mut e = sum_of_binders(&mut w, n);
    for _ in 0..n {
        let l = w.lam(nat, e);
        let zero = lit(&mut w, 0);
        e = w.app(l, zero);
    }
    let expected = lit(&mut w, 0);
    claim(&mut w, "betaLadderAll", e, expected);
    w.finish()
}

/// `fun y => T_n` with `T_k = w2 (fun (x : Nat) => T_(k-1)) (fun (p : P 0)
/// => T_(k-1))` and `T_0 = y`: each `T` is one node under two sibling
/// binders it does not read. Inference must share it across both (as a
/// tree it has 2^n copies). `w2 := fun f g => f 0`.
pub fn sibling_binders(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let nat = w.cnst("Nat", &[]);
    let p0 = {
        let p = w.cnst("P", &[]);
        let zero = lit(&mut w, 0);
        w.app(p, zero)
    };
    let fa = w.pi(nat, nat);
    let fp = w.pi(p0, nat);
    let w2_ty = {
        let g = w.pi(fp, nat);
        w.pi(fa, g)
    };
    let w2_v = {
        let zero = lit(&mut w, 0);
        let b1 = w.bvar(1);
        let f0 = w.app(b1, zero);
        let g = w.lam(fp, f0);
        w.lam(fa, g)
    };
    w.def("w2", &[], w2_ty, w2_v, 1);
    let w2 = w.cnst("w2", &[]);
    let mut t = w.bvar(n as u32);
    for _ in 0..n {
        let la = w.lam(nat, t);
        let lp = w.lam(p0, t);
        t = w.apps(w2, &[la, lp]);
    }
    let v = w.lam(nat, t);
    w.def("siblingBinders", &[], fa, v, 2);
    w.finish()
}

/// `let x1 := 1; let x2 := succ x1; ...; let xn := succ x_{n-1}; xn + x1`
/// = n + 1.
pub fn let_ladder(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let nat = w.cnst("Nat", &[]);
    let succ = w.cnst("Nat.succ", &[]);
    let (b0, first) = (w.bvar(0), w.bvar(n as u32 - 1));
    let mut body = add(&mut w, b0, first);
    for _ in 1..n {
        let b0 = w.bvar(0);
        let s = w.app(succ, b0);
        body = w.let_(nat, s, body);
    }
    let one = lit(&mut w, 1);
    let v = w.let_(nat, one, body);
    let expected = lit(&mut w, n as u128 + 1);
    claim(&mut w, "letLadder", v, expected);
    w.finish()
}

/// The Arena's let ladder (`tests/perf/let-ladder.lean`), as its source
/// builds it: `body := 0; for i in 0..n { body := Nat.add #i body }`, then n
/// times `body := let x : Nat := 0; Nat.add #0 body`. An addition separates
/// consecutive lets, so no run of lets can be opened at once, and every
/// spine subterm reads some binding: substituting each let's value rebuilds
/// the rest, n^2/2 terms. (`scripts/arena-perf-repro.py let` writes the
/// same shape over Init.Prelude's own `Nat.add`.)
pub fn let_ladder_arena(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let nat = w.cnst("Nat", &[]);
    let zero = lit(&mut w, 0);
    let mut body = zero;
    for i in 0..n {
        let x = w.bvar(i as u32);
        body = add(&mut w, x, body);
    }
    for _ in 0..n {
        let x = w.bvar(0);
        let sum = add(&mut w, x, body);
        body = w.let_(nat, zero, sum);
    }
    w.def("kernel_quadratic_let_ladder", &[], nat, body, 0);
    w.finish()
}

/// `idN (idN (... (idN 7)))`, n times, with `idN := fun x => x`.
pub fn nesting(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let nat = w.cnst("Nat", &[]);
    let nat_to_nat = w.pi(nat, nat);
    let b0 = w.bvar(0);
    let id = w.lam(nat, b0);
    w.def("idN", &[], nat_to_nat, id, 1);
    let idc = w.cnst("idN", &[]);
    let mut v = lit(&mut w, 7);
    for _ in 0..n {
        v = w.app(idc, v);
    }
    let expected = lit(&mut w, 7);
    claim(&mut w, "nesting", v, expected);
    w.finish()
}

/// `d0 = 1`, `d(k+1) = d(k) + d(k)` (one shared node per level): 2^n.
pub fn dag(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let mut d = lit(&mut w, 1);
    for _ in 0..n {
        d = add(&mut w, d, d);
    }
    let expected = w.nat(&pow2(n));
    claim(&mut w, "dag", d, expected);
    w.finish()
}

/// 2^n in decimal.
fn pow2(n: usize) -> String {
    // Little-endian base-10^9 digits.
    let mut digits: Vec<u64> = vec![1];
    for _ in 0..n {
        let mut carry = 0;
        for d in digits.iter_mut() {
            let x = *d * 2 + carry;
            *d = x % 1_000_000_000;
            carry = x / 1_000_000_000;
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    let mut s = digits.last().expect("a digit").to_string();
    for d in digits.iter().rev().skip(1) {
        s.push_str(&format!("{d:09}"));
    }
    s
}

/// A term that costs about 2^k steps to evaluate through `Nat.rec`: the
/// unary sum `slow(k) = slow(k-1) + slow(k-1)` on `Nat.succ`/`Nat.zero`,
/// defined with `slowAdd` (not `Nat.add`, so the literal extension cannot
/// short-cut it).
fn slow(w: &mut ExportWriter, k: usize) -> E {
    let slow_add = w.cnst("slowAdd", &[]);
    let succ = w.cnst("Nat.succ", &[]);
    let zero = w.cnst("Nat.zero", &[]);
    let mut d = w.app(succ, zero);
    for _ in 0..k {
        d = w.apps(slow_add, &[d, d]);
    }
    d
}

/// `slowAdd`: addition by `Nat.rec`, which the literal extension ignores.
fn declare_slow_add(w: &mut ExportWriter) {
    let nat = w.cnst("Nat", &[]);
    let nat2 = {
        let p = w.pi(nat, nat);
        w.pi(nat, p)
    };
    let (b0, b1) = (w.bvar(0), w.bvar(1));
    let one = w.succ(L::ZERO);
    let rec = w.cnst("Nat.rec", &[one]);
    let motive = w.lam(nat, nat);
    let succ = w.cnst("Nat.succ", &[]);
    let step = {
        let s = w.app(succ, b0);
        let ih = w.lam(nat, s);
        w.lam(nat, ih)
    };
    let body = w.apps(rec, &[motive, b1, step, b0]);
    let m = w.lam(nat, body);
    let v = w.lam(nat, m);
    w.def("slowAdd", &[], nat2, v, 1);
}

/// `slow(k) ≡ 2^k` decided by unrolling `Nat.rec` about 2^k times: a
/// step-heavy check from a tiny file (not a trap class: its cost is meant
/// to be exponential in k; `fuel_rate` uses it to price a step).
pub fn unary_sum(k: usize) -> Vec<u8> {
    let mut w = prelude();
    declare_slow_add(&mut w);
    let s = slow(&mut w, k);
    let expected = w.nat(&pow2(k));
    claim(&mut w, "unarySum", s, expected);
    w.finish()
}

/// n distinct terms `pk slow(10) (mkT 1024) i`, each asking
/// `T 1024 ≡ T slow(10)`.
pub fn same_defeq(n: usize) -> Vec<u8> {
    let mut w = prelude();
    declare_slow_add(&mut w);
    // pk : (k : Nat) → T k → Nat → Nat
    let nat = w.cnst("Nat", &[]);
    let t = w.cnst("T", &[]);
    let b0 = w.bvar(0);
    let tk = w.app(t, b0);
    let pk_ty = {
        let inner = w.pi(nat, nat);
        let mid = w.pi(tk, inner);
        w.pi(nat, mid)
    };
    w.axiom("pk", &[], pk_ty);
    let pk = w.cnst("pk", &[]);
    let mk = w.cnst("mkT", &[]);
    let s = slow(&mut w, 10);
    let big = lit(&mut w, 1 << 10);
    let proof = w.app(mk, big);
    let mut v = lit(&mut w, 0);
    let c = w.cnst("C", &[]);
    for i in 0..n {
        let li = lit(&mut w, i as u128);
        let term = w.apps(pk, &[s, proof, li]);
        v = w.apps(c, &[term, v]);
    }
    // The value's type is T (the C-list itself): compare it with itself.
    claim(&mut w, "sameDefeq", v, v);
    w.finish()
}

/// `(fun a b => a) 7 slow(n)`: the discarded argument costs 2^n.
pub fn discarded_arg(n: usize) -> Vec<u8> {
    let mut w = prelude();
    declare_slow_add(&mut w);
    let nat = w.cnst("Nat", &[]);
    let b1 = w.bvar(1);
    let k = {
        let m = w.lam(nat, b1);
        w.lam(nat, m)
    };
    let s = slow(&mut w, n);
    let seven = lit(&mut w, 7);
    let v = w.apps(k, &[seven, s]);
    claim(&mut w, "discardedArg", v, seven);
    w.finish()
}

/// `C (heavy (1+0)) (C (heavy (1+1)) ...)` against
/// `C (heavy 1) (C (heavy 2) ...)`, where `heavy x` costs 2^20 to unfold.
pub fn args_first(n: usize) -> Vec<u8> {
    let mut w = prelude();
    declare_slow_add(&mut w);
    let nat = w.cnst("Nat", &[]);
    let nat_to_nat = w.pi(nat, nat);
    let s = slow(&mut w, 20);
    let slow_add = w.cnst("slowAdd", &[]);
    let b0 = w.bvar(0);
    let body = w.apps(slow_add, &[s, b0]);
    let heavy = w.lam(nat, body);
    w.def("heavy", &[], nat_to_nat, heavy, 3);
    let h = w.cnst("heavy", &[]);
    let c = w.cnst("C", &[]);
    let one = lit(&mut w, 1);
    let (mut a, mut b) = (lit(&mut w, 0), lit(&mut w, 0));
    for i in 0..n {
        let li = lit(&mut w, i as u128);
        let sum = add(&mut w, one, li);
        let ha = w.app(h, sum);
        let li1 = lit(&mut w, i as u128 + 1);
        let hb = w.app(h, li1);
        a = w.apps(c, &[ha, a]);
        b = w.apps(c, &[hb, b]);
    }
    claim(&mut w, "argsFirst", a, b);
    w.finish()
}

/// A list `C e0 (C e1 ... 0)` of n elements `ei = i`, and the same list
/// with element `folded` replaced by the constant `k := i`.
fn folded(n: usize, folded: usize, name: &str) -> Vec<u8> {
    let mut w = prelude();
    let nat = w.cnst("Nat", &[]);
    let fold_val = lit(&mut w, folded as u128);
    w.def("k", &[], nat, fold_val, 1);
    let kc = w.cnst("k", &[]);
    let c = w.cnst("C", &[]);
    let (mut a, mut b) = (lit(&mut w, 0), lit(&mut w, 0));
    for i in (0..n).rev() {
        let li = lit(&mut w, i as u128);
        a = w.apps(c, &[li, a]);
        let bi = if i == folded { kc } else { li };
        b = w.apps(c, &[bi, b]);
    }
    claim(&mut w, name, a, b);
    w.finish()
}

/// The first element folded.
pub fn folded_start(n: usize) -> Vec<u8> {
    folded(n, 0, "foldedStart")
}

/// The last element folded.
pub fn folded_end(n: usize) -> Vec<u8> {
    folded(n, n - 1, "foldedEnd")
}

/// `mkR (prf slow(n))` claimed at type `R (prf slow'(n))`: two proofs of
/// `P 0` that only proof irrelevance should equate (evaluating either
/// costs 2^n; they differ, as `slow(n)` vs `slow(n) + 0`).
pub fn proof_irrel(n: usize) -> Vec<u8> {
    let mut w = prelude();
    declare_slow_add(&mut w);
    let prf = w.cnst("prf", &[]);
    let s = slow(&mut w, n);
    let slow_add = w.cnst("slowAdd", &[]);
    let zero = w.cnst("Nat.zero", &[]);
    let s2 = w.apps(slow_add, &[s, zero]);
    let p1 = w.app(prf, s);
    let p2 = w.app(prf, s2);
    let r = w.cnst("R", &[]);
    let ty = w.app(r, p2);
    let mkr = w.cnst("mkR", &[]);
    let v = w.app(mkr, p1);
    w.def("proofIrrel", &[], ty, v, 1);
    w.finish()
}

/// `((1 + 2) * 3 + 4) * 5 + ...`, n operations on literals, evaluated
/// with the literal extension (unrolled through `Nat.rec` it would take
/// longer than the universe has).
pub fn nat_literals(n: usize) -> Vec<u8> {
    let mut w = prelude();
    let mul = w.cnst("Nat.mul", &[]);
    let mut v = lit(&mut w, 1);
    let mut value: Vec<u64> = vec![1]; // base 10^9, little-endian
    for i in 0..n {
        let k = (i % 7 + 2) as u64;
        let lk = lit(&mut w, k as u128);
        if i % 2 == 0 {
            v = add(&mut w, v, lk);
            let mut carry = k;
            for d in value.iter_mut() {
                let x = *d + carry;
                *d = x % 1_000_000_000;
                carry = x / 1_000_000_000;
            }
            if carry > 0 {
                value.push(carry);
            }
        } else {
            v = w.apps(mul, &[v, lk]);
            let mut carry = 0;
            for d in value.iter_mut() {
                let x = *d * k + carry;
                *d = x % 1_000_000_000;
                carry = x / 1_000_000_000;
            }
            if carry > 0 {
                value.push(carry);
            }
        }
    }
    let mut s = value.last().expect("a digit").to_string();
    for d in value.iter().rev().skip(1) {
        s.push_str(&format!("{d:09}"));
    }
    let expected = w.nat(&s);
    claim(&mut w, "natLiterals", v, expected);
    w.finish()
}

/// Two n-element lists built with a definition `cons := C`, equal except
/// at `differ` (0 against 1): a sound kernel rejects, and must find the
/// difference without unfolding its way through every element again.
fn fail_at(n: usize, differ: usize, name: &str) -> Vec<u8> {
    let mut w = prelude();
    let nat = w.cnst("Nat", &[]);
    let nat2 = {
        let p = w.pi(nat, nat);
        w.pi(nat, p)
    };
    let c = w.cnst("C", &[]);
    let (b0, b1) = (w.bvar(0), w.bvar(1));
    let body = w.apps(c, &[b1, b0]);
    let cons = {
        let m = w.lam(nat, body);
        w.lam(nat, m)
    };
    w.def("cons", &[], nat2, cons, 1);
    let cons = w.cnst("cons", &[]);
    let (mut a, mut b) = (lit(&mut w, 0), lit(&mut w, 0));
    for i in (0..n).rev() {
        let li = lit(&mut w, 2 + i as u128);
        a = w.apps(cons, &[li, a]);
        let bi = if i == differ { lit(&mut w, 1) } else { li };
        b = w.apps(cons, &[bi, b]);
    }
    claim(&mut w, name, a, b);
    w.finish()
}

/// The first elements differ.
pub fn fail_first(n: usize) -> Vec<u8> {
    fail_at(n, 0, "failFirst")
}

/// The last elements differ.
pub fn fail_last(n: usize) -> Vec<u8> {
    fail_at(n, n - 1, "failLast")
}

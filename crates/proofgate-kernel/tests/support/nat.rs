//! `Nat` with honest, structurally recursive operations, declared through
//! the kernel (included with `#[path]` by the tests that compute on
//! literals). The literal extension computes an operation only when its
//! definition passed its defining equations (`primitive.rs`), so tests of
//! the extension need real definitions, never axioms.

#![allow(dead_code)]

use proofgate_kernel::DeclHeader;
use proofgate_kernel::{Declaration, DefinitionSafety, ExprId, Kernel, LevelId, ReducibilityHints};

/// What a test's `Nat` operation is defined as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Def {
    /// The honest structural definition.
    Honest,
    /// `fun _ _ => Nat.zero` (or `fun _ => Nat.zero` for `pred`).
    Zero,
}

/// A kernel with `Nat` (recursor derived by the kernel) and nothing else.
pub fn nat_kernel() -> Kernel {
    let mut k = Kernel::new();
    let st = k.store_mut();
    let nat_n = st.names.dotted("Nat");
    let (zero_n, succ_n) = (st.names.dotted("Nat.zero"), st.names.dotted("Nat.succ"));
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let nat = st.cnst(nat_n, &[]);
    let succ_ty = st.pi(nat, nat);
    let block = proofgate_kernel::InductiveBlock {
        level_params: vec![],
        num_params: 0,
        types: vec![proofgate_kernel::InductiveType {
            name: nat_n,
            ty,
            ctors: vec![(zero_n, nat), (succ_n, succ_ty)],
        }],
        is_unsafe: false,
        claimed: None,
    };
    k.add_declaration(&Declaration::Inductive(block))
        .expect("Nat");
    k
}

/// `Nat`, `Nat → Nat` and `Nat → Nat → Nat`.
pub fn nat_types(k: &mut Kernel) -> (ExprId, ExprId, ExprId) {
    let st = k.store_mut();
    let n = st.names.dotted("Nat");
    let nat = st.cnst(n, &[]);
    let nn = st.pi(nat, nat);
    let nnn = st.pi(nat, nn);
    (nat, nn, nnn)
}

fn c(k: &mut Kernel, name: &str) -> ExprId {
    let st = k.store_mut();
    let n = st.names.dotted(name);
    st.cnst(n, &[])
}

/// `fun n m => Nat.rec (fun _ => Nat) base step m` with `step` over
/// `n = #3, k = #1, ih = #0`.
fn fold(k: &mut Kernel, base: ExprId, step: ExprId) -> ExprId {
    let (nat, _, _) = nat_types(k);
    let st = k.store_mut();
    let rec_n = st.names.dotted("Nat.rec");
    let one = st.levels.succ(LevelId::ZERO);
    let rec = st.cnst(rec_n, &[one]);
    let motive = st.lam(nat, nat);
    let step = st.lam(nat, step);
    let step = st.lam(nat, step);
    let m = st.bvar(0);
    let body = st.apps(rec, &[motive, base, step, m]);
    let body = st.lam(nat, body);
    st.lam(nat, body)
}

/// The value of operation `op` (`Nat.pred`, `Nat.add`, `Nat.sub`,
/// `Nat.mul`, `Nat.pow`, `Nat.shiftLeft`, `Nat.beq`, `Nat.ble`).
pub fn value(k: &mut Kernel, op: &str, def: Def) -> ExprId {
    let (nat, _, _) = nat_types(k);
    let zero = c(k, "Nat.zero");
    if def == Def::Zero {
        let st = k.store_mut();
        let body = if op == "Nat.pred" {
            zero
        } else {
            st.lam(nat, zero)
        };
        return st.lam(nat, body);
    }
    let succ = c(k, "Nat.succ");
    match op {
        "Nat.pred" => {
            // fun n => Nat.rec (fun _ => Nat) zero (fun k _ => k) n
            let st = k.store_mut();
            let rec_n = st.names.dotted("Nat.rec");
            let one = st.levels.succ(LevelId::ZERO);
            let rec = st.cnst(rec_n, &[one]);
            let motive = st.lam(nat, nat);
            let b1 = st.bvar(1);
            let step = st.lam(nat, b1);
            let step = st.lam(nat, step);
            let b0 = st.bvar(0);
            let body = st.apps(rec, &[motive, zero, step, b0]);
            st.lam(nat, body)
        }
        "Nat.add" => {
            let b0 = k.store_mut().bvar(0);
            let step = k.store_mut().app(succ, b0);
            let base = k.store_mut().bvar(1);
            fold(k, base, step)
        }
        "Nat.sub" => {
            let pred = c(k, "Nat.pred");
            let st = k.store_mut();
            let b0 = st.bvar(0);
            let step = st.app(pred, b0);
            let base = st.bvar(1);
            fold(k, base, step)
        }
        "Nat.mul" | "Nat.pow" => {
            let (inner, base) = if op == "Nat.mul" {
                (c(k, "Nat.add"), zero)
            } else {
                let one = k.store_mut().app(succ, zero);
                (c(k, "Nat.mul"), one)
            };
            let st = k.store_mut();
            let (ih, n) = (st.bvar(0), st.bvar(3));
            let step = st.apps(inner, &[ih, n]);
            fold(k, base, step)
        }
        "Nat.shiftLeft" => {
            // fun n m => Nat.rec (fun _ => Nat → Nat) (fun x => x)
            //   (fun k ih x => ih (Nat.mul 2 x)) m n
            let mul = c(k, "Nat.mul");
            let st = k.store_mut();
            let nn = st.pi(nat, nat);
            let rec_n = st.names.dotted("Nat.rec");
            let one = st.levels.succ(LevelId::ZERO);
            let rec = st.cnst(rec_n, &[one]);
            let motive = st.lam(nat, nn);
            let b0 = st.bvar(0);
            let id = st.lam(nat, b0);
            let two = st.app(succ, zero);
            let two = st.app(succ, two);
            let (ih, x) = (st.bvar(1), st.bvar(0));
            let twice = st.apps(mul, &[two, x]);
            let body = st.app(ih, twice);
            let step = st.lam(nat, body);
            let step = st.lam(nn, step);
            let step = st.lam(nat, step);
            let (m, n) = (st.bvar(0), st.bvar(1));
            let body = st.apps(rec, &[motive, id, step, m, n]);
            let body = st.lam(nat, body);
            st.lam(nat, body)
        }
        other => panic!("no honest definition of {other} here"),
    }
}

/// Declares `op` as a definition with value `value(op, def)`.
pub fn define(k: &mut Kernel, op: &str, def: Def) -> Result<(), proofgate_kernel::KernelError> {
    let v = value(k, op, def);
    define_value(k, op, v, DefinitionSafety::Safe, &[])
}

/// Declares `name` (of `op`'s type: `Nat → Nat` for `Nat.pred`, else
/// `Nat → Nat → Nat`) as a definition of `value`, with `safety` and
/// universe parameters `level_params`.
pub fn define_value(
    k: &mut Kernel,
    name: &str,
    value: ExprId,
    safety: DefinitionSafety,
    level_params: &[&str],
) -> Result<(), proofgate_kernel::KernelError> {
    let (_, nn, nnn) = nat_types(k);
    let ty = if name == "Nat.pred" { nn } else { nnn };
    let st = k.store_mut();
    let n = st.names.dotted(name);
    let level_params = level_params.iter().map(|p| st.names.dotted(p)).collect();
    k.add_declaration(&Declaration::Definition {
        header: DeclHeader {
            name: n,
            level_params,
            ty,
        },
        value,
        hints: ReducibilityHints::Regular(1),
        safety,
    })
    .map(|_| ())
}

/// A kernel with `Nat` and honest definitions of `ops`, in order.
pub fn kernel_with(ops: &[&str]) -> Kernel {
    let mut k = nat_kernel();
    for op in ops {
        define(&mut k, op, Def::Honest).unwrap_or_else(|e| panic!("{op}: {e}"));
    }
    k
}

/// `op a b`.
pub fn op(k: &mut Kernel, name: &str, a: ExprId, b: ExprId) -> ExprId {
    let f = c(k, name);
    k.store_mut().apps(f, &[a, b])
}

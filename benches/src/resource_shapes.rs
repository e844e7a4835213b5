//! The input shapes of issue 19's resource findings, as exports: big
//! literal operations in one declaration and across many, a string literal
//! at the expansion cap, and a definitional equality nested a million deep
//! through the `Nat` offset rule. `fuel_rate` prices a unit of fuel on them
//! and `resource_export` writes them for `proofgate check --stats`.
//!
//! Every constant the literal extension computes is an honest structural
//! definition by `Nat.rec` (the equations Lean's kernel checks for its
//! primitives hold by unfolding): `Nat.add`, `Nat.mul` from
//! [`crate::traps::prelude`], `Nat.pow` and `Nat.shiftLeft` here.

use crate::export_writer::{E, ExportWriter, L};
use crate::traps::prelude;

/// [`prelude`] plus `Eq.{u}` (Lean's: two parameters, one index).
fn prelude_with_eq() -> ExportWriter {
    let mut w = prelude();
    let u = w.param("u");
    let sort_u = w.sort(u);
    let prop = w.prop();
    let (b0, b1) = (w.bvar(0), w.bvar(1));
    // Eq.{u} : {α : Sort u} → α → α → Prop
    let eq_ty = {
        let p = w.pi(b1, prop);
        let p = w.pi(b0, p);
        w.pi(sort_u, p)
    };
    // Eq.refl.{u} : {α : Sort u} → (a : α) → @Eq α a a
    let eq_c = w.cnst("Eq", &[u]);
    let refl_ty = {
        let e = w.apps(eq_c, &[b1, b0, b0]);
        let p = w.pi(b0, e);
        w.pi(sort_u, p)
    };
    w.inductive(
        "Eq",
        &["u"],
        eq_ty,
        (2, 1),
        false,
        &[("Eq.refl", refl_ty, 0)],
        vec![],
    );
    w
}

/// `theorem name : @Eq.{1} α a b := @Eq.refl.{1} α a`.
fn eq_refl(w: &mut ExportWriter, name: &str, alpha: E, a: E, b: E) {
    let one = w.succ(L::ZERO);
    let eq = w.cnst("Eq", &[one]);
    let refl = w.cnst("Eq.refl", &[one]);
    let ty = w.apps(eq, &[alpha, a, b]);
    let v = w.apps(refl, &[alpha, a]);
    w.thm(name, ty, v);
}

/// `Nat.pow m n := Nat.rec 1 (fun _ ih => Nat.mul ih m) n` (Lean's
/// equations: `m ^ 0 = 1`, `m ^ (n+1) = m ^ n * m`).
fn declare_pow(w: &mut ExportWriter) {
    let nat = w.cnst("Nat", &[]);
    let nat2 = {
        let p = w.pi(nat, nat);
        w.pi(nat, p)
    };
    let one = w.succ(L::ZERO);
    let rec = w.cnst("Nat.rec", &[one]);
    let motive = w.lam(nat, nat);
    let mul = w.cnst("Nat.mul", &[]);
    let (b0, b3) = (w.bvar(0), w.bvar(3));
    let step = {
        let s = w.apps(mul, &[b0, b3]);
        let ih = w.lam(nat, s);
        w.lam(nat, ih)
    };
    let lit1 = w.nat("1");
    let body = w.apps(rec, &[motive, lit1, step, b0]);
    let v = {
        let n = w.lam(nat, body);
        w.lam(nat, n)
    };
    w.def("Nat.pow", &[], nat2, v, 3);
}

/// `Nat.shiftLeft n m := Nat.rec (fun n => n) (fun _ ih n => ih (2 * n)) m n`
/// (Lean's equations: `n <<< 0 = n`, `n <<< (m+1) = (2 * n) <<< m`).
fn declare_shift_left(w: &mut ExportWriter) {
    let nat = w.cnst("Nat", &[]);
    let nat_nat = w.pi(nat, nat);
    let nat2 = w.pi(nat, nat_nat);
    let one = w.succ(L::ZERO);
    let rec = w.cnst("Nat.rec", &[one]);
    let motive = w.lam(nat, nat_nat);
    let mul = w.cnst("Nat.mul", &[]);
    let (b0, b1) = (w.bvar(0), w.bvar(1));
    let base = w.lam(nat, b0);
    let two = w.nat("2");
    let step = {
        let doubled = w.apps(mul, &[two, b0]);
        let call = w.app(b1, doubled);
        let x = w.lam(nat, call);
        let ih = w.lam(nat_nat, x);
        w.lam(nat, ih)
    };
    let body = w.apps(rec, &[motive, base, step, b0, b1]);
    let v = {
        let m = w.lam(nat, body);
        w.lam(nat, m)
    };
    w.def("Nat.shiftLeft", &[], nat2, v, 3);
}

/// `Nat` with honest `Nat.add`, `Nat.mul`, `Nat.pow` and `Nat.shiftLeft`,
/// the operations the literal extension computes once they are verified
/// (the literal benches reduce them).
pub fn arithmetic() -> Vec<u8> {
    let mut w = prelude_with_eq();
    declare_pow(&mut w);
    declare_shift_left(&mut w);
    w.finish()
}

/// One theorem computing `k` numbers of 2^24 bits (2 MB each):
/// `Σ 1 <<< (2^24 − i) = Σ 2 <<< (2^24 − i − 1)` over i < k, by `Eq.refl`
/// (the red team's `k` facts `Nat.beq (1 <<< (2^24 − i)) 0 = false`
/// joined by `And`, with sums in place of `And`).
pub fn shift_left_sum(k: usize) -> Vec<u8> {
    let mut w = prelude_with_eq();
    declare_shift_left(&mut w);
    let nat = w.cnst("Nat", &[]);
    let shl = w.cnst("Nat.shiftLeft", &[]);
    let add = w.cnst("Nat.add", &[]);
    let (one, two) = (w.nat("1"), w.nat("2"));
    let (mut lhs, mut rhs) = (w.nat("0"), w.nat("0"));
    for i in 0..k {
        let s = (1u64 << 24) - i as u64;
        let (a, b) = (w.nat(&s.to_string()), w.nat(&(s - 1).to_string()));
        let l = w.apps(shl, &[one, a]);
        let r = w.apps(shl, &[two, b]);
        lhs = w.apps(add, &[lhs, l]);
        rhs = w.apps(add, &[rhs, r]);
    }
    eq_refl(&mut w, "shiftLeftSum", nat, lhs, rhs);
    w.finish()
}

/// `n` theorems, each computing numbers of about 2^22 bits with
/// `Nat.pow`: `2 ^ (2^22 − i) = 2 ^ (2^22 − i − 1) * 2` (the red team's
/// 200 theorems, 215 MB resident at the end when every literal was kept).
pub fn pow_theorems(n: usize) -> Vec<u8> {
    let mut w = prelude_with_eq();
    declare_pow(&mut w);
    let nat = w.cnst("Nat", &[]);
    let pow = w.cnst("Nat.pow", &[]);
    let mul = w.cnst("Nat.mul", &[]);
    let two = w.nat("2");
    for i in 0..n {
        let e = (1u64 << 22) - i as u64;
        let (a, b) = (w.nat(&e.to_string()), w.nat(&(e - 1).to_string()));
        let l = w.apps(pow, &[two, a]);
        let p = w.apps(pow, &[two, b]);
        let r = w.apps(mul, &[p, two]);
        eq_refl(&mut w, &format!("pow{i}"), nat, l, r);
    }
    w.finish()
}

/// [`prelude_with_eq`] plus Lean's `List.{u}`, and `Char` and `String`
/// with the constructors `Char.ofNat : Nat → Char` and
/// `String.ofList : List Char → String` (the kernel fixtures' shapes).
fn prelude_with_strings() -> ExportWriter {
    let mut w = prelude_with_eq();
    let u = w.param("u");
    let su = w.succ(u);
    let sort_su = w.sort(su);
    let (b0, b1, b2) = (w.bvar(0), w.bvar(1), w.bvar(2));
    let list_ty = w.pi(sort_su, sort_su);
    let list = w.cnst("List", &[u]);
    let nil_ty = {
        let l = w.app(list, b0);
        w.pi(sort_su, l)
    };
    let cons_ty = {
        let l1 = w.app(list, b1);
        let l2 = w.app(list, b2);
        let tail = w.pi(l1, l2);
        let head = w.pi(b0, tail);
        w.pi(sort_su, head)
    };
    w.inductive(
        "List",
        &["u"],
        list_ty,
        (1, 0),
        true,
        &[("List.nil", nil_ty, 0), ("List.cons", cons_ty, 2)],
        vec![],
    );
    let ty = w.type0();
    let nat = w.cnst("Nat", &[]);
    let ch = w.cnst("Char", &[]);
    let of_nat_ty = w.pi(nat, ch);
    w.inductive(
        "Char",
        &[],
        ty,
        (0, 0),
        false,
        &[("Char.ofNat", of_nat_ty, 1)],
        vec![],
    );
    let list0 = w.cnst("List", &[L::ZERO]);
    let list_char = w.app(list0, ch);
    let string = w.cnst("String", &[]);
    let of_list_ty = w.pi(list_char, string);
    w.inductive(
        "String",
        &[],
        ty,
        (0, 0),
        false,
        &[("String.ofList", of_list_ty, 1)],
        vec![],
    );
    w
}

/// `"a…a" = String.ofList []` by `Eq.refl`, the literal `chars`
/// characters long (the red team's crash: 2^20 + 1, just over the cap).
pub fn string_against_empty(chars: usize) -> Vec<u8> {
    let mut w = prelude_with_strings();
    let string = w.cnst("String", &[]);
    let lit = w.str(&"a".repeat(chars));
    let nil = w.cnst("List.nil", &[L::ZERO]);
    let ch = w.cnst("Char", &[]);
    let empty = w.app(nil, ch);
    let of_list = w.cnst("String.ofList", &[]);
    let rhs = w.app(of_list, empty);
    eq_refl(&mut w, "bigString", string, lit, rhs);
    w.finish()
}

/// `f n = n` by `Eq.refl`, `f` the identity by `Nat.rec`
/// (`f (k+1) = Nat.succ (f k)`): deciding it peels `n` successors with the
/// offset rule, one nested comparison each.
pub fn deep_offset(n: u64) -> Vec<u8> {
    let mut w = prelude_with_eq();
    let nat = w.cnst("Nat", &[]);
    let nat_nat = w.pi(nat, nat);
    let one = w.succ(L::ZERO);
    let rec = w.cnst("Nat.rec", &[one]);
    let zero = w.cnst("Nat.zero", &[]);
    let succ = w.cnst("Nat.succ", &[]);
    let motive = w.lam(nat, nat);
    let b0 = w.bvar(0);
    let step = {
        let s = w.app(succ, b0);
        let ih = w.lam(nat, s);
        w.lam(nat, ih)
    };
    let body = w.apps(rec, &[motive, zero, step, b0]);
    let f = w.lam(nat, body);
    w.def("f", &[], nat_nat, f, 1);
    let f = w.cnst("f", &[]);
    let lit = w.nat(&n.to_string());
    let lhs = w.app(f, lit);
    eq_refl(&mut w, "fIsId", nat, lhs, lit);
    w.finish()
}

/// Every shape by name, with the size `resource_export` takes.
pub const SHAPES: &[(&str, &str)] = &[
    (
        "shift_left_sum",
        "k: numbers of 2^24 bits computed in one theorem",
    ),
    ("pow_theorems", "n: theorems computing 2^(2^22 - i)"),
    ("string_against_empty", "characters of the string literal"),
    ("deep_offset", "n: f n = n, f the identity by Nat.rec"),
];

/// The shape named `name` at size `n`.
pub fn shape(name: &str, n: u64) -> Option<Vec<u8>> {
    Some(match name {
        "shift_left_sum" => shift_left_sum(n as usize),
        "pow_theorems" => pow_theorems(n as usize),
        "string_against_empty" => string_against_empty(n as usize),
        "deep_offset" => deep_offset(n),
        _ => return None,
    })
}

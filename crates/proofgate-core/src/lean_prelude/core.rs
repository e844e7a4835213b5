//! The part of Lean's `Init.Prelude` the gate evaluates, written in the
//! term syntax of [`crate::term::dsl`] so that every declaration is checked by the
//! kernel rather than trusted.
//!
//! Names, universe parameters, types and values are Lean's own (binder names
//! are dropped by the kernel, so they are shortened here): a declaration
//! built from this table interns to the same term ids as the one read from a
//! Lean export, which `tests/gate_prelude.rs` checks against
//! `init-prelude.ndjson`. `Nat.decEq` and what it needs are in
//! `dec_eq`, `Nat.decLe` and what it needs in `dec_le`.

use crate::term::decl::{Hints, SourceDecl, def, ind};

const BELOW_BOOL: &str = "Nat.below.{1} (fun (a : Nat) => Nat -> Bool)";
const BELOW_NAT: &str = "Nat.below.{1} (fun (b : Nat) => Nat -> Nat)";
const ZERO: &str = "OfNat.ofNat.{0} Nat 0 (instOfNatNat 0)";

/// Lean's declarations, in an order where each depends only on earlier ones.
pub(crate) fn declarations() -> Vec<SourceDecl> {
    let motive_nat = "{motive : Nat -> Sort u}";
    let f1 = "(F_1 : (t' : Nat) -> Nat.below.{u} motive t' -> motive t')";
    let nat_match = |h1: &str| -> (String, String) {
        let ty = format!(
            "(motive : Nat -> Nat -> Sort u_1) -> (a : Nat) -> (b : Nat) -> (h_1 : (a : Nat) -> motive a {h1}) -> (h_2 : (a : Nat) -> (b : Nat) -> motive a (Nat.succ b)) -> motive a b"
        );
        let value = format!(
            "fun (motive : Nat -> Nat -> Sort u_1) (a : Nat) (b : Nat) (h_1 : (a : Nat) -> motive a {h1}) (h_2 : (a : Nat) -> (b : Nat) -> motive a (Nat.succ b)) => Nat.casesOn.{{u_1}} (fun (x : Nat) => motive a x) b (h_1 a) (fun (n : Nat) => h_2 a n)"
        );
        (ty, value)
    };
    let (add_match_ty, add_match_value) = nat_match("Nat.zero");
    let (mul_match_ty, mul_match_value) = nat_match(&format!("({ZERO})"));
    vec![
        ind(&[], 0, "Nat", "Type", &[("Nat.zero", "Nat"), ("Nat.succ", "Nat -> Nat")]),
        ind(&["u"], 0, "PUnit", "Sort u", &[("PUnit.unit", "PUnit.{u}")]),
        ind(
            &["u", "v"],
            2,
            "PProd",
            "(α : Sort u) -> (β : Sort v) -> Sort (max (max 1 u) v)",
            &[(
                "PProd.mk",
                "{α : Sort u} -> {β : Sort v} -> (fst : α) -> (snd : β) -> PProd.{u, v} α β",
            )],
        ),
        def(
            &["u"],
            "Nat.below",
            "{motive : Nat -> Sort u} -> Nat -> Sort (max 1 u)",
            "fun {motive : Nat -> Sort u} (t : Nat) => Nat.rec.{(max 1 u)+1} (fun (t : Nat) => Sort (max 1 u)) PUnit.{max 1 u} (fun (n : Nat) (ih : Sort (max 1 u)) => PProd.{u, max 1 u} (motive n) ih) t".to_owned(),
            Hints::Abbrev,
        ),
        def(
            &["u"],
            "Nat.brecOn.go",
            format!("{motive_nat} -> (t : Nat) -> {f1} -> PProd.{{u, max 1 u}} (motive t) (Nat.below.{{u}} motive t)"),
            format!("fun {motive_nat} (t : Nat) {f1} => Nat.rec.{{max 1 u}} (fun (t' : Nat) => PProd.{{u, max 1 u}} (motive t') (Nat.below.{{u}} motive t')) (PProd.mk.{{u, max 1 u}} (motive Nat.zero) PUnit.{{max 1 u}} (F_1 Nat.zero PUnit.unit.{{max 1 u}}) PUnit.unit.{{max 1 u}}) (fun (n : Nat) (n_ih : PProd.{{u, max 1 u}} (motive n) (Nat.below.{{u}} motive n)) => PProd.mk.{{u, max 1 u}} (motive (Nat.succ n)) (PProd.{{u, max 1 u}} (motive n) (Nat.below.{{u}} motive n)) (F_1 (Nat.succ n) n_ih) n_ih) t"),
            Hints::Abbrev,
        ),
        def(
            &["u"],
            "Nat.brecOn",
            format!("{motive_nat} -> (t : Nat) -> {f1} -> motive t"),
            format!("fun {motive_nat} (t : Nat) {f1} => proj PProd 0 (Nat.brecOn.go.{{u}} motive t F_1)"),
            Hints::Abbrev,
        ),
        def(
            &["u"],
            "Nat.casesOn",
            "{motive : Nat -> Sort u} -> (t : Nat) -> (zero : motive Nat.zero) -> (succ : (n : Nat) -> motive (Nat.succ n)) -> motive t",
            "fun {motive : Nat -> Sort u} (t : Nat) (zero : motive Nat.zero) (succ : (n : Nat) -> motive (Nat.succ n)) => Nat.rec.{u} motive zero (fun (n : Nat) (n_ih : motive n) => succ n) t".to_owned(),
            Hints::Abbrev,
        ),
        ind(&[], 0, "Bool", "Type", &[("Bool.false", "Bool"), ("Bool.true", "Bool")]),
        def(&[], "Unit", "Type", "PUnit.{1}".to_owned(), Hints::Abbrev),
        def(&[], "Unit.unit", "Unit", "PUnit.unit.{1}".to_owned(), Hints::Abbrev),
        ind(
            &["u"],
            2,
            "OfNat",
            "(α : Sort (u+1)) -> Nat -> Sort (u+1)",
            &[("OfNat.mk", "{α : Sort (u+1)} -> {x : Nat} -> (ofNat : α) -> OfNat.{u} α x")],
        ),
        def(
            &["u"],
            "OfNat.ofNat",
            "{α : Sort (u+1)} -> (x : Nat) -> [self : OfNat.{u} α x] -> α",
            "fun (α : Sort (u+1)) (x : Nat) [self : OfNat.{u} α x] => proj OfNat 0 self".to_owned(),
            Hints::Abbrev,
        ),
        def(
            &[],
            "instOfNatNat",
            "(n : Nat) -> OfNat.{0} Nat n",
            "fun (n : Nat) => OfNat.mk.{0} Nat n n".to_owned(),
            Hints::Regular(1),
        ),
        def(
            &["u_1"],
            "Nat.ble.match_1",
            "(motive : Nat -> Nat -> Sort u_1) -> (a : Nat) -> (b : Nat) -> (h_1 : (x : Nat) -> motive Nat.zero x) -> (h_2 : (n : Nat) -> motive (Nat.succ n) Nat.zero) -> (h_3 : (n : Nat) -> (m : Nat) -> motive (Nat.succ n) (Nat.succ m)) -> motive a b",
            "fun (motive : Nat -> Nat -> Sort u_1) (a : Nat) (b : Nat) (h_1 : (x : Nat) -> motive Nat.zero x) (h_2 : (n : Nat) -> motive (Nat.succ n) Nat.zero) (h_3 : (n : Nat) -> (m : Nat) -> motive (Nat.succ n) (Nat.succ m)) => Nat.casesOn.{u_1} (fun (x : Nat) => motive x b) a (h_1 b) (fun (n : Nat) => Nat.casesOn.{u_1} (fun (x : Nat) => motive (Nat.succ n) x) b (h_2 n) (fun (m : Nat) => h_3 n m))".to_owned(),
            Hints::Abbrev,
        ),
        def(
            &[],
            "Nat.ble",
            "Nat -> Nat -> Bool",
            format!("fun (a : Nat) (b : Nat) => Nat.brecOn.{{1}} (fun (a : Nat) => Nat -> Bool) a (fun (a : Nat) (f : {BELOW_BOOL} a) (b : Nat) => Nat.ble.match_1.{{1}} (fun (a : Nat) (b : Nat) => {BELOW_BOOL} a -> Bool) a b (fun (x : Nat) (y : {BELOW_BOOL} Nat.zero) => Bool.true) (fun (n : Nat) (y : {BELOW_BOOL} (Nat.succ n)) => Bool.false) (fun (n : Nat) (m : Nat) (y : {BELOW_BOOL} (Nat.succ n)) => proj PProd 0 y m) f) b"),
            Hints::Regular(1),
        ),
        def(
            &["u_1"],
            "Nat.beq.match_1",
            "(motive : Nat -> Nat -> Sort u_1) -> (a : Nat) -> (b : Nat) -> (h_1 : Unit -> motive Nat.zero Nat.zero) -> (h_2 : (n : Nat) -> motive Nat.zero (Nat.succ n)) -> (h_3 : (n : Nat) -> motive (Nat.succ n) Nat.zero) -> (h_4 : (n : Nat) -> (m : Nat) -> motive (Nat.succ n) (Nat.succ m)) -> motive a b",
            "fun (motive : Nat -> Nat -> Sort u_1) (a : Nat) (b : Nat) (h_1 : Unit -> motive Nat.zero Nat.zero) (h_2 : (n : Nat) -> motive Nat.zero (Nat.succ n)) (h_3 : (n : Nat) -> motive (Nat.succ n) Nat.zero) (h_4 : (n : Nat) -> (m : Nat) -> motive (Nat.succ n) (Nat.succ m)) => Nat.casesOn.{u_1} (fun (x : Nat) => motive x b) a (Nat.casesOn.{u_1} (fun (x : Nat) => motive Nat.zero x) b (h_1 Unit.unit) (fun (n : Nat) => h_2 n)) (fun (n : Nat) => Nat.casesOn.{u_1} (fun (x : Nat) => motive (Nat.succ n) x) b (h_3 n) (fun (m : Nat) => h_4 n m))".to_owned(),
            Hints::Abbrev,
        ),
        def(
            &[],
            "Nat.beq",
            "Nat -> Nat -> Bool",
            format!("fun (a : Nat) (b : Nat) => Nat.brecOn.{{1}} (fun (a : Nat) => Nat -> Bool) a (fun (a : Nat) (f : {BELOW_BOOL} a) (b : Nat) => Nat.beq.match_1.{{1}} (fun (a : Nat) (b : Nat) => {BELOW_BOOL} a -> Bool) a b (fun (u : Unit) (y : {BELOW_BOOL} Nat.zero) => Bool.true) (fun (n : Nat) (y : {BELOW_BOOL} Nat.zero) => Bool.false) (fun (n : Nat) (y : {BELOW_BOOL} (Nat.succ n)) => Bool.false) (fun (n : Nat) (m : Nat) (y : {BELOW_BOOL} (Nat.succ n)) => proj PProd 0 y m) f) b"),
            Hints::Regular(1),
        ),
        def(&["u_1"], "Nat.add.match_1", &add_match_ty, add_match_value, Hints::Abbrev),
        def(
            &[],
            "Nat.add",
            "Nat -> Nat -> Nat",
            format!("fun (a : Nat) (b : Nat) => Nat.brecOn.{{1}} (fun (b : Nat) => Nat -> Nat) b (fun (b : Nat) (f : {BELOW_NAT} b) (a : Nat) => Nat.add.match_1.{{1}} (fun (a : Nat) (b : Nat) => {BELOW_NAT} b -> Nat) a b (fun (a : Nat) (y : {BELOW_NAT} Nat.zero) => a) (fun (a : Nat) (b : Nat) (y : {BELOW_NAT} (Nat.succ b)) => Nat.succ (proj PProd 0 y a)) f) a"),
            Hints::Regular(1),
        ),
        def(&["u_1"], "Nat.mul.match_1", &mul_match_ty, mul_match_value, Hints::Abbrev),
        def(
            &[],
            "Nat.mul",
            "Nat -> Nat -> Nat",
            format!("fun (a : Nat) (b : Nat) => Nat.brecOn.{{1}} (fun (b : Nat) => Nat -> Nat) b (fun (b : Nat) (f : {BELOW_NAT} b) (a : Nat) => Nat.mul.match_1.{{1}} (fun (a : Nat) (b : Nat) => {BELOW_NAT} b -> Nat) a b (fun (a : Nat) (y : {BELOW_NAT} ({ZERO})) => {ZERO}) (fun (a : Nat) (b : Nat) (y : {BELOW_NAT} (Nat.succ b)) => Nat.add (proj PProd 0 y a) a) f) a"),
            Hints::Regular(2),
        ),
        ind(
            &["u_1"],
            2,
            "Eq",
            "{α : Sort u_1} -> α -> α -> Prop",
            &[("Eq.refl", "{α : Sort u_1} -> (a : α) -> Eq.{u_1} α a a")],
        ),
        ind(&[], 0, "True", "Prop", &[("True.intro", "True")]),
        ind(&[], 0, "False", "Prop", &[]),
        def(&[], "Not", "Prop -> Prop", "fun (a : Prop) => a -> False".to_owned(), Hints::Regular(1)),
        ind(
            &[],
            2,
            "And",
            "Prop -> Prop -> Prop",
            &[("And.intro", "{a : Prop} -> {b : Prop} -> (left : a) -> (right : b) -> And a b")],
        ),
        ind(
            &[],
            1,
            "Decidable",
            "Prop -> Type",
            &[
                ("Decidable.isFalse", "{p : Prop} -> Not p -> Decidable p"),
                ("Decidable.isTrue", "{p : Prop} -> p -> Decidable p"),
            ],
        ),
        ind(
            &[],
            1,
            "Nat.le",
            "Nat -> Nat -> Prop",
            &[
                ("Nat.le.refl", "{n : Nat} -> Nat.le n n"),
                ("Nat.le.step", "{n : Nat} -> {m : Nat} -> Nat.le n m -> Nat.le n (Nat.succ m)"),
            ],
        ),
        ind(
            &["u"],
            1,
            "LE",
            "(α : Sort (u+1)) -> Sort (u+1)",
            &[("LE.mk", "{α : Sort (u+1)} -> (le : α -> α -> Prop) -> LE.{u} α")],
        ),
        def(&[], "instLENat", "LE.{0} Nat", "LE.mk.{0} Nat Nat.le".to_owned(), Hints::Regular(1)),
    ]
}

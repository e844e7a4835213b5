//! `Nat.decLe` and what it needs beyond [`super::lean`] and
//! [`super::lean_dec_eq`]: `HEq` and `cast`, `Decidable.casesOn`, `LE.le`,
//! `dite`, `Bool.decEq`, `HAdd`/`Add` on `Nat`, the inductive `Nat.le.below`
//! with `Nat.le.brecOn`, and the theorems `Nat.le_of_ble_eq_true` /
//! `Nat.not_le_of_not_ble_eq_true` with the lemmas and private match
//! auxiliaries they are compiled to, all identical to Lean's `Init.Prelude`
//! (binder names shortened; the kernel drops them), and `Decidable.decide`.

use crate::term::decl::{Hints, SourceDecl, def, ind, thm};

// Subterms repeated throughout the match-compiled proofs.
const LE: &str = "LE.le.{0} Nat instLENat";
/// Applied to `n m) Bool.true`: `Nat.ble n m = true`.
const BLE: &str = "Eq.{1} Bool (Nat.ble";
const ZERO: &str = "OfNat.ofNat.{0} Nat 0 (instOfNatNat 0)";
const ONE: &str = "OfNat.ofNat.{0} Nat 1 (instOfNatNat 1)";
const ADD: &str = "HAdd.hAdd.{0, 0, 0} Nat Nat Nat (instHAdd.{0} Nat instAddNat)";

/// Lean's declarations, in an order where each depends only on earlier ones.
pub(crate) fn declarations() -> Vec<SourceDecl> {
    vec![
        ind(
            &["u"],
            2,
            "HEq",
            "(α : Sort u) -> α -> (β : Sort u) -> β -> Prop",
            &[("HEq.refl", "(α : Sort u) -> (a : α) -> HEq.{u} α a α a")],
        ),
        def(
            &["u"],
            "cast",
            "(α : Sort u) -> (β : Sort u) -> Eq.{u+1} (Sort u) α β -> α -> β",
            "fun (α : Sort u) (β : Sort u) (h : Eq.{u+1} (Sort u) α β) (a : α) => Eq.rec.{u, u+1} (Sort u) α (fun (x : Sort u) (x2 : Eq.{u+1} (Sort u) α x) => x) a β h",
            Hints::Regular(1),
        ),
        thm(
            &["u"],
            "eq_of_heq",
            "(α : Sort u) -> (a : α) -> (a' : α) -> HEq.{u} α a α a' -> Eq.{u} α a a'",
            "fun (α : Sort u) (a : α) (a' : α) (h : HEq.{u} α a α a') => let this : (α2 : Sort u) -> (β : Sort u) -> (a2 : α2) -> (b : β) -> HEq.{u} α2 a2 β b -> (h2 : Eq.{u+1} (Sort u) α2 β) -> Eq.{u} β (cast.{u} α2 β h2 a2) b := fun (x : Sort u) (x2 : Sort u) (x3 : x) (x4 : x2) (h_ : HEq.{u} x x3 x2 x4) => HEq.rec.{0, u} x x3 (fun (x5 : Sort u) (x6 : x5) (x7 : HEq.{u} x x3 x5 x6) => (h2 : Eq.{u+1} (Sort u) x x5) -> Eq.{u} x5 (cast.{u} x x5 h2 x3) x6) (fun (x5 : Eq.{u+1} (Sort u) x x) => rfl.{u} x (cast.{u} x x x5 x3)) x2 x4 h_; this α α a a' h (rfl.{u+1} (Sort u) α)",
        ),
        def(
            &["u"],
            "outParam",
            "Sort u -> Sort u",
            "fun (α : Sort u) => α",
            Hints::Regular(1),
        ),
        def(
            &["u"],
            "Decidable.casesOn",
            "(p : Prop) -> (motive : Decidable p -> Sort u) -> (t : Decidable p) -> ((h : Not p) -> motive (Decidable.isFalse p h)) -> ((h : p) -> motive (Decidable.isTrue p h)) -> motive t",
            "fun (p : Prop) (motive : Decidable p -> Sort u) (t : Decidable p) (isFalse : (h : Not p) -> motive (Decidable.isFalse p h)) (isTrue : (h : p) -> motive (Decidable.isTrue p h)) => Decidable.rec.{u} p motive (fun (h : Not p) => isFalse h) (fun (h : p) => isTrue h) t",
            Hints::Abbrev,
        ),
        def(
            &["u"],
            "LE.le",
            "(α : Sort (u+1)) -> LE.{u} α -> α -> α -> Prop",
            "fun (α : Sort (u+1)) (self : LE.{u} α) => proj LE 0 self",
            Hints::Abbrev,
        ),
        def(
            &["u"],
            "dite",
            "(α : Sort u) -> (c : Prop) -> Decidable c -> (c -> α) -> (Not c -> α) -> α",
            "fun (α : Sort u) (c : Prop) (h : Decidable c) (t : c -> α) (e : Not c -> α) => Decidable.casesOn.{u} c (fun (x : Decidable c) => α) h e t",
            Hints::Regular(2),
        ),
        def(
            &["u"],
            "DecidableEq",
            "Sort u -> Sort (max 1 u)",
            "fun (α : Sort u) => (a : α) -> (b : α) -> Decidable (Eq.{u} α a b)",
            Hints::Abbrev,
        ),
        def(
            &["u_1"],
            "Bool.decEq.match_1",
            "(motive : Bool -> Bool -> Sort u_1) -> (a : Bool) -> (b : Bool) -> (Unit -> motive Bool.false Bool.false) -> (Unit -> motive Bool.false Bool.true) -> (Unit -> motive Bool.true Bool.false) -> (Unit -> motive Bool.true Bool.true) -> motive a b",
            "fun (motive : Bool -> Bool -> Sort u_1) (a : Bool) (b : Bool) (h_1 : Unit -> motive Bool.false Bool.false) (h_2 : Unit -> motive Bool.false Bool.true) (h_3 : Unit -> motive Bool.true Bool.false) (h_4 : Unit -> motive Bool.true Bool.true) => Bool.casesOn.{u_1} (fun (x : Bool) => motive x b) a (Bool.casesOn.{u_1} (fun (x : Bool) => motive Bool.false x) b (h_1 Unit.unit) (h_2 Unit.unit)) (Bool.casesOn.{u_1} (fun (x : Bool) => motive Bool.true x) b (h_3 Unit.unit) (h_4 Unit.unit))",
            Hints::Abbrev,
        ),
        def(
            &[],
            "Bool.decEq",
            "(a : Bool) -> (b : Bool) -> Decidable (Eq.{1} Bool a b)",
            "fun (a : Bool) (b : Bool) => Bool.decEq.match_1.{1} (fun (a2 : Bool) (b2 : Bool) => Decidable (Eq.{1} Bool a2 b2)) a b (fun (_ : Unit) => Decidable.isTrue (Eq.{1} Bool Bool.false Bool.false) (rfl.{1} Bool Bool.false)) (fun (_ : Unit) => Decidable.isFalse (Eq.{1} Bool Bool.false Bool.true) (fun (h : Eq.{1} Bool Bool.false Bool.true) => Bool.noConfusion.{0} False Bool.false Bool.true h)) (fun (_ : Unit) => Decidable.isFalse (Eq.{1} Bool Bool.true Bool.false) (fun (h : Eq.{1} Bool Bool.true Bool.false) => Bool.noConfusion.{0} False Bool.true Bool.false h)) (fun (_ : Unit) => Decidable.isTrue (Eq.{1} Bool Bool.true Bool.true) (rfl.{1} Bool Bool.true))",
            Hints::Regular(2),
        ),
        def(
            &[],
            "instDecidableEqBool",
            "DecidableEq.{1} Bool",
            "Bool.decEq",
            Hints::Regular(3),
        ),
        def(
            &["u"],
            "False.elim",
            "(C : Sort u) -> False -> C",
            "fun (C : Sort u) (h : False) => False.rec.{u} (fun (x : False) => C) h",
            Hints::Regular(1),
        ),
        def(
            &["u", "u_1"],
            "Eq.casesOn",
            "(α : Sort u_1) -> (a : α) -> (motive : (a2 : α) -> Eq.{u_1} α a a2 -> Sort u) -> (a2 : α) -> (t : Eq.{u_1} α a a2) -> motive a (Eq.refl.{u_1} α a) -> motive a2 t",
            "fun (α : Sort u_1) (a : α) (motive : (a2 : α) -> Eq.{u_1} α a a2 -> Sort u) (a2 : α) (t : Eq.{u_1} α a a2) (refl : motive a (Eq.refl.{u_1} α a)) => Eq.rec.{u, u_1} α a motive refl a2 t",
            Hints::Abbrev,
        ),
        def(
            &[],
            "_private.Init.Prelude.0.noConfusion_of_Nat.aux.match_1_1",
            "(motive : Nat -> Prop) -> (x : Nat) -> (Unit -> motive Nat.zero) -> ((n : Nat) -> motive (Nat.succ n)) -> motive x",
            "fun (motive : Nat -> Prop) (x : Nat) (h_1 : Unit -> motive Nat.zero) (h_2 : (n : Nat) -> motive (Nat.succ n)) => Nat.casesOn.{0} (fun (x2 : Nat) => motive x2) x (h_1 Unit.unit) (fun (n : Nat) => h_2 n)",
            Hints::Abbrev,
        ),
        thm(
            &[],
            "_private.Init.Prelude.0.noConfusion_of_Nat.aux",
            "(a : Nat) -> Bool.rec.{1} (fun (x : Bool) => Prop) False True (Nat.beq a a)",
            "fun (x : Nat) => Nat.brecOn.{0} (fun (x2 : Nat) => Bool.rec.{1} (fun (x3 : Bool) => Prop) False True (Nat.beq x2 x2)) x (fun (x2 : Nat) (f : Nat.below.{0} (fun (x3 : Nat) => Bool.rec.{1} (fun (x4 : Bool) => Prop) False True (Nat.beq x3 x3)) x2) => _private.Init.Prelude.0.noConfusion_of_Nat.aux.match_1_1 (fun (x3 : Nat) => Nat.below.{0} (fun (x4 : Nat) => Bool.rec.{1} (fun (x5 : Bool) => Prop) False True (Nat.beq x4 x4)) x3 -> Bool.rec.{1} (fun (x4 : Bool) => Prop) False True (Nat.beq x3 x3)) x2 (fun (_ : Unit) (x3 : Nat.below.{0} (fun (x3 : Nat) => Bool.rec.{1} (fun (x4 : Bool) => Prop) False True (Nat.beq x3 x3)) Nat.zero) => True.intro) (fun (n : Nat) (x3 : Nat.below.{0} (fun (x3 : Nat) => Bool.rec.{1} (fun (x4 : Bool) => Prop) False True (Nat.beq x3 x3)) (Nat.succ n)) => proj PProd 0 x3) f)",
        ),
        thm(
            &["u", "v"],
            "congrArg",
            "(α : Sort u) -> (β : Sort v) -> (a_ : α) -> (a_2 : α) -> (f : α -> β) -> Eq.{u} α a_ a_2 -> Eq.{v} β (f a_) (f a_2)",
            "fun (α : Sort u) (β : Sort v) (a_ : α) (a_2 : α) (f : α -> β) (h : Eq.{u} α a_ a_2) => Eq.rec.{0, u} α a_ (fun (x : α) (h2 : Eq.{u} α a_ x) => Eq.{v} β (f a_) (f x)) (rfl.{v} β (f a_)) a_2 h",
        ),
        thm(
            &["u"],
            "noConfusion_of_Nat",
            "(α : Sort u) -> (f : α -> Nat) -> (a : α) -> (b : α) -> Eq.{u} α a b -> Bool.rec.{1} (fun (x : Bool) => Prop) False True (Nat.beq (f a) (f b))",
            "fun (α : Sort u) (f : α -> Nat) (a : α) (b : α) (h : Eq.{u} α a b) => Eq.rec.{0, 1} Nat (f a) (fun (x : Nat) (h2 : Eq.{1} Nat (f a) x) => Bool.rec.{1} (fun (x2 : Bool) => Prop) False True (Nat.beq (f a) x)) (_private.Init.Prelude.0.noConfusion_of_Nat.aux (f a)) (f b) (congrArg.{u, 1} α Nat a b f h)",
        ),
        def(
            &[],
            "Bool.ctorIdx",
            "Bool -> Nat",
            "fun (x : Bool) => Bool.casesOn.{1} (fun (x2 : Bool) => Nat) x 0 1",
            Hints::Regular(1),
        ),
        def(
            &[],
            "_private.Init.Prelude.0.Nat.le_of_ble_eq_true.match_1_1",
            format!(
                "(motive : (n : Nat) -> (m : Nat) -> {BLE} n m) Bool.true -> Prop) -> (n : Nat) -> (m : Nat) -> (h : {BLE} n m) Bool.true) -> ((x : Nat) -> (h2 : {BLE} ({ZERO}) x) Bool.true) -> motive ({ZERO}) x h2) -> ((n2 : Nat) -> (n3 : Nat) -> (h2 : {BLE} (Nat.succ n2) (Nat.succ n3)) Bool.true) -> motive (Nat.succ n2) (Nat.succ n3) h2) -> motive n m h"
            ),
            format!(
                "fun (motive : (n : Nat) -> (m : Nat) -> {BLE} n m) Bool.true -> Prop) (n : Nat) (m : Nat) (h : {BLE} n m) Bool.true) (h_1 : (x : Nat) -> (h2 : {BLE} ({ZERO}) x) Bool.true) -> motive ({ZERO}) x h2) (h_2 : (n2 : Nat) -> (n3 : Nat) -> (h2 : {BLE} (Nat.succ n2) (Nat.succ n3)) Bool.true) -> motive (Nat.succ n2) (Nat.succ n3) h2) => Nat.casesOn.{{0}} (fun (x : Nat) => (h2 : {BLE} x m) Bool.true) -> motive x m h2) n (fun (h2 : {BLE} Nat.zero m) Bool.true) => h_1 m h2) (fun (n2 : Nat) (h2 : {BLE} (Nat.succ n2) m) Bool.true) => Nat.casesOn.{{0}} (fun (x : Nat) => (h3 : {BLE} (Nat.succ n2) x) Bool.true) -> motive (Nat.succ n2) x h3) m (fun (h3 : {BLE} (Nat.succ n2) Nat.zero) Bool.true) => False.elim.{{0}} (motive (Nat.succ n2) Nat.zero h3) (Eq.casesOn.{{0, 1}} Bool (Nat.ble (Nat.succ n2) Nat.zero) (fun (a : Bool) (x : {BLE} (Nat.succ n2) Nat.zero) a) => Eq.{{1}} Bool Bool.true a -> HEq.{{0}} ({BLE} (Nat.succ n2) Nat.zero) Bool.true) h3 ({BLE} (Nat.succ n2) Nat.zero) a) x -> False) Bool.true h3 (fun (h4 : Eq.{{1}} Bool Bool.true (Nat.ble (Nat.succ n2) Nat.zero)) => False.elim.{{0}} (HEq.{{0}} ({BLE} (Nat.succ n2) Nat.zero) Bool.true) h3 ({BLE} (Nat.succ n2) Nat.zero) (Nat.ble (Nat.succ n2) Nat.zero)) (Eq.refl.{{1}} Bool (Nat.ble (Nat.succ n2) Nat.zero)) -> False) (noConfusion_of_Nat.{{1}} Bool Bool.ctorIdx Bool.true Bool.false h4)) (Eq.refl.{{1}} Bool Bool.true) (HEq.refl.{{0}} ({BLE} (Nat.succ n2) Nat.zero) Bool.true) h3))) (fun (n3 : Nat) (h3 : {BLE} (Nat.succ n2) (Nat.succ n3)) Bool.true) => h_2 n2 n3 h3) h2) h"
            ),
            Hints::Abbrev,
        ),
        def(
            &[],
            "_private.Init.Prelude.0.Nat.zero_le.match_1_1",
            "(motive : Nat -> Prop) -> (x : Nat) -> (Unit -> motive Nat.zero) -> ((n : Nat) -> motive (Nat.succ n)) -> motive x",
            "fun (motive : Nat -> Prop) (x : Nat) (h_1 : Unit -> motive Nat.zero) (h_2 : (n : Nat) -> motive (Nat.succ n)) => Nat.casesOn.{0} (fun (x2 : Nat) => motive x2) x (h_1 Unit.unit) (fun (n : Nat) => h_2 n)",
            Hints::Abbrev,
        ),
        thm(
            &[],
            "Nat.zero_le",
            format!("(n : Nat) -> {LE} ({ZERO}) n"),
            format!(
                "fun (x : Nat) => Nat.brecOn.{{0}} (fun (x2 : Nat) => {LE} ({ZERO}) x2) x (fun (x2 : Nat) (f : Nat.below.{{0}} (fun (x3 : Nat) => {LE} ({ZERO}) x3) x2) => _private.Init.Prelude.0.Nat.zero_le.match_1_1 (fun (x3 : Nat) => Nat.below.{{0}} (fun (x4 : Nat) => {LE} ({ZERO}) x4) x3 -> {LE} ({ZERO}) x3) x2 (fun (_ : Unit) (x3 : Nat.below.{{0}} (fun (x3 : Nat) => {LE} ({ZERO}) x3) Nat.zero) => Nat.le.refl ({ZERO})) (fun (n : Nat) (x3 : Nat.below.{{0}} (fun (x3 : Nat) => {LE} ({ZERO}) x3) (Nat.succ n)) => Nat.le.step ({ZERO}) n (proj PProd 0 x3)) f)"
            ),
        ),
        ind(
            &[],
            2,
            "Nat.le.below",
            "(n : Nat) -> ((a : Nat) -> Nat.le n a -> Prop) -> (a : Nat) -> Nat.le n a -> Prop",
            &[
                (
                    "Nat.le.below.refl",
                    "(n : Nat) -> (motive : (a : Nat) -> Nat.le n a -> Prop) -> Nat.le.below n motive n (Nat.le.refl n)",
                ),
                (
                    "Nat.le.below.step",
                    "(n : Nat) -> (motive : (a : Nat) -> Nat.le n a -> Prop) -> (m : Nat) -> (a : Nat.le n m) -> Nat.le.below n motive m a -> motive m a -> Nat.le.below n motive (Nat.succ m) (Nat.le.step n m a)",
                ),
            ],
        ),
        thm(
            &[],
            "Nat.le.brecOn",
            "(n : Nat) -> (motive : (a : Nat) -> Nat.le n a -> Prop) -> (a : Nat) -> (t : Nat.le n a) -> ((a2 : Nat) -> (t2 : Nat.le n a2) -> Nat.le.below n motive a2 t2 -> motive a2 t2) -> motive a t",
            "fun (n : Nat) (motive : (a : Nat) -> Nat.le n a -> Prop) (a : Nat) (t : Nat.le n a) (F_1 : (a2 : Nat) -> (t2 : Nat.le n a2) -> Nat.le.below n motive a2 t2 -> motive a2 t2) => F_1 a t (Nat.le.rec n (Nat.le.below n motive) (Nat.le.below.refl n motive) (fun (m : Nat) (a2 : Nat.le n m) (ih : Nat.le.below n motive m a2) => Nat.le.below.step n motive m a2 ih (F_1 m a2 ih)) a t)",
        ),
        def(
            &[],
            "Nat.le.below.casesOn",
            "(n : Nat) -> (motive : (a : Nat) -> Nat.le n a -> Prop) -> (motive2 : (a : Nat) -> (t : Nat.le n a) -> Nat.le.below n motive a t -> Prop) -> (a : Nat) -> (t : Nat.le n a) -> (t2 : Nat.le.below n motive a t) -> motive2 n (Nat.le.refl n) (Nat.le.below.refl n motive) -> ((m : Nat) -> (a2 : Nat.le n m) -> (ih : Nat.le.below n motive m a2) -> (a_ih : motive m a2) -> motive2 (Nat.succ m) (Nat.le.step n m a2) (Nat.le.below.step n motive m a2 ih a_ih)) -> motive2 a t t2",
            "fun (n : Nat) (motive : (a : Nat) -> Nat.le n a -> Prop) (motive2 : (a : Nat) -> (t : Nat.le n a) -> Nat.le.below n motive a t -> Prop) (a : Nat) (t : Nat.le n a) (t2 : Nat.le.below n motive a t) (refl : motive2 n (Nat.le.refl n) (Nat.le.below.refl n motive)) (step : (m : Nat) -> (a2 : Nat.le n m) -> (ih : Nat.le.below n motive m a2) -> (a_ih : motive m a2) -> motive2 (Nat.succ m) (Nat.le.step n m a2) (Nat.le.below.step n motive m a2 ih a_ih)) => Nat.le.below.rec n motive motive2 refl (fun (m : Nat) (a2 : Nat.le n m) (ih : Nat.le.below n motive m a2) (a_ih : motive m a2) (ih_ih : motive2 m a2 ih) => step m a2 ih a_ih) a t t2",
            Hints::Abbrev,
        ),
        thm(
            &["u"],
            "Eq.symm",
            "(α : Sort u) -> (a : α) -> (b : α) -> Eq.{u} α a b -> Eq.{u} α b a",
            "fun (α : Sort u) (a : α) (b : α) (h : Eq.{u} α a b) => Eq.rec.{0, u} α a (fun (x : α) (h2 : Eq.{u} α a x) => Eq.{u} α x a) (rfl.{u} α a) b h",
        ),
        def(
            &[],
            "_private.Init.Prelude.0.Nat.succ_le_succ.match_1_4",
            format!(
                "(n : Nat) -> (funType_1 : (m : Nat) -> {LE} n m -> Prop) -> (motive : (m : Nat) -> (x : {LE} n m) -> Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x -> Prop) -> (m : Nat) -> (x : {LE} n m) -> (below : Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x) -> (Unit -> motive n (Nat.le.refl n) (Nat.le.below.refl n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2))) -> ((m2 : Nat) -> (h : Nat.le n m2) -> (ih : Nat.le.below n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 h) -> (a_ih : funType_1 m2 h) -> motive (Nat.succ m2) (Nat.le.step n m2 h) (Nat.le.below.step n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 h ih a_ih)) -> motive m x below"
            ),
            format!(
                "fun (n : Nat) (funType_1 : (m : Nat) -> {LE} n m -> Prop) (motive : (m : Nat) -> (x : {LE} n m) -> Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x -> Prop) (m : Nat) (x : {LE} n m) (below : Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x) (h_1 : Unit -> motive n (Nat.le.refl n) (Nat.le.below.refl n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2))) (h_2 : (m2 : Nat) -> (h : Nat.le n m2) -> (ih : Nat.le.below n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 h) -> (a_ih : funType_1 m2 h) -> motive (Nat.succ m2) (Nat.le.step n m2 h) (Nat.le.below.step n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 h ih a_ih)) => (fun (below2 : Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x) => Nat.le.below.casesOn n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) (fun (a : Nat) (t : Nat.le n a) (x2 : Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) a t) => Eq.{{1}} Nat m a -> HEq.{{0}} ({LE} n m) x (Nat.le n a) t -> HEq.{{0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) m x) below (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) a t) x2 -> motive m x below) m x below2 (fun (h : Eq.{{1}} Nat m n) => Eq.ndrec.{{0, 1}} Nat n (fun (m2 : Nat) => (x2 : {LE} n m2) -> (below3 : Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 x2) -> HEq.{{0}} ({LE} n m2) x2 (Nat.le n n) (Nat.le.refl n) -> HEq.{{0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 x2) below3 (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) n (Nat.le.refl n)) (Nat.le.below.refl n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3)) -> motive m2 x2 below3) (fun (x2 : {LE} n n) (below3 : Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n x2) (h2 : HEq.{{0}} ({LE} n n) x2 (Nat.le n n) (Nat.le.refl n)) => Eq.ndrec.{{0, 0}} ({LE} n n) (Nat.le.refl n) (fun (x3 : {LE} n n) => (below4 : Nat.le.below n (fun (m2 : Nat) (x4 : {LE} n m2) => funType_1 m2 x4) n x3) -> HEq.{{0}} (Nat.le.below n (fun (m2 : Nat) (x4 : {LE} n m2) => funType_1 m2 x4) n x3) below4 (Nat.le.below n (fun (m2 : Nat) (x4 : {LE} n m2) => funType_1 m2 x4) n (Nat.le.refl n)) (Nat.le.below.refl n (fun (m2 : Nat) (x4 : {LE} n m2) => funType_1 m2 x4)) -> motive n x3 below4) (fun (below4 : Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) (h3 : HEq.{{0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) below4 (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) (Nat.le.below.refl n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3))) => Eq.ndrec.{{0, 0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) (Nat.le.below.refl n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3)) (fun (below5 : Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) => motive n (Nat.le.refl n) below5) (h_1 Unit.unit) below4 (Eq.symm.{{0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) below4 (Nat.le.below.refl n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3)) (eq_of_heq.{{0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) below4 (Nat.le.below.refl n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3)) h3))) x2 (Eq.symm.{{0}} ({LE} n n) x2 (Nat.le.refl n) (eq_of_heq.{{0}} ({LE} n n) x2 (Nat.le.refl n) h2)) below3) m (Eq.symm.{{1}} Nat m n h) x below) (fun (m2 : Nat) (a : Nat.le n m2) (ih : Nat.le.below n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 a) (a_ih : funType_1 m2 a) (h : Eq.{{1}} Nat m (Nat.succ m2)) => Eq.ndrec.{{0, 1}} Nat (Nat.succ m2) (fun (m3 : Nat) => (x2 : {LE} n m3) -> (below3 : Nat.le.below n (fun (m4 : Nat) (x3 : {LE} n m4) => funType_1 m4 x3) m3 x2) -> HEq.{{0}} ({LE} n m3) x2 (Nat.le n (Nat.succ m2)) (Nat.le.step n m2 a) -> HEq.{{0}} (Nat.le.below n (fun (m4 : Nat) (x3 : {LE} n m4) => funType_1 m4 x3) m3 x2) below3 (Nat.le.below n (fun (m4 : Nat) (x3 : {LE} n m4) => funType_1 m4 x3) (Nat.succ m2) (Nat.le.step n m2 a)) (Nat.le.below.step n (fun (m4 : Nat) (x3 : {LE} n m4) => funType_1 m4 x3) m2 a ih a_ih) -> motive m3 x2 below3) (fun (x2 : {LE} n (Nat.succ m2)) (below3 : Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) x2) (h2 : HEq.{{0}} ({LE} n (Nat.succ m2)) x2 (Nat.le n (Nat.succ m2)) (Nat.le.step n m2 a)) => Eq.ndrec.{{0, 0}} ({LE} n (Nat.succ m2)) (Nat.le.step n m2 a) (fun (x3 : {LE} n (Nat.succ m2)) => (below4 : Nat.le.below n (fun (m3 : Nat) (x4 : {LE} n m3) => funType_1 m3 x4) (Nat.succ m2) x3) -> HEq.{{0}} (Nat.le.below n (fun (m3 : Nat) (x4 : {LE} n m3) => funType_1 m3 x4) (Nat.succ m2) x3) below4 (Nat.le.below n (fun (m3 : Nat) (x4 : {LE} n m3) => funType_1 m3 x4) (Nat.succ m2) (Nat.le.step n m2 a)) (Nat.le.below.step n (fun (m3 : Nat) (x4 : {LE} n m3) => funType_1 m3 x4) m2 a ih a_ih) -> motive (Nat.succ m2) x3 below4) (fun (below4 : Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) (h3 : HEq.{{0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) below4 (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) (Nat.le.below.step n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 a ih a_ih)) => Eq.ndrec.{{0, 0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) (Nat.le.below.step n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 a ih a_ih) (fun (below5 : Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) => motive (Nat.succ m2) (Nat.le.step n m2 a) below5) (h_2 m2 a ih a_ih) below4 (Eq.symm.{{0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) below4 (Nat.le.below.step n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 a ih a_ih) (eq_of_heq.{{0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) below4 (Nat.le.below.step n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 a ih a_ih) h3))) x2 (Eq.symm.{{0}} ({LE} n (Nat.succ m2)) x2 (Nat.le.step n m2 a) (eq_of_heq.{{0}} ({LE} n (Nat.succ m2)) x2 (Nat.le.step n m2 a) h2)) below3) m (Eq.symm.{{1}} Nat m (Nat.succ m2) h) x below)) below (Eq.refl.{{1}} Nat m) (HEq.refl.{{0}} ({LE} n m) x) (HEq.refl.{{0}} (Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x) below)"
            ),
            Hints::Abbrev,
        ),
        ind(
            &["u", "v", "w"],
            3,
            "HAdd",
            "Sort (u+1) -> Sort (v+1) -> outParam.{w+2} (Sort (w+1)) -> Sort (max (max (u+1) (v+1)) (w+1))",
            &[(
                "HAdd.mk",
                "(α : Sort (u+1)) -> (β : Sort (v+1)) -> (γ : outParam.{w+2} (Sort (w+1))) -> (α -> β -> γ) -> HAdd.{u, v, w} α β γ",
            )],
        ),
        def(
            &["u", "v", "w"],
            "HAdd.hAdd",
            "(α : Sort (u+1)) -> (β : Sort (v+1)) -> (γ : outParam.{w+2} (Sort (w+1))) -> HAdd.{u, v, w} α β γ -> α -> β -> γ",
            "fun (α : Sort (u+1)) (β : Sort (v+1)) (γ : outParam.{w+2} (Sort (w+1))) (self : HAdd.{u, v, w} α β γ) => proj HAdd 0 self",
            Hints::Abbrev,
        ),
        ind(
            &["u"],
            1,
            "Add",
            "Sort (u+1) -> Sort (u+1)",
            &[("Add.mk", "(α : Sort (u+1)) -> (α -> α -> α) -> Add.{u} α")],
        ),
        def(
            &["u"],
            "Add.add",
            "(α : Sort (u+1)) -> Add.{u} α -> α -> α -> α",
            "fun (α : Sort (u+1)) (self : Add.{u} α) => proj Add 0 self",
            Hints::Abbrev,
        ),
        def(
            &["u_1"],
            "instHAdd",
            "(α : Sort (u_1+1)) -> Add.{u_1} α -> HAdd.{u_1, u_1, u_1} α α α",
            "fun (α : Sort (u_1+1)) (inst : Add.{u_1} α) => HAdd.mk.{u_1, u_1, u_1} α α α (fun (a : α) (b : α) => Add.add.{u_1} α inst a b)",
            Hints::Regular(1),
        ),
        def(
            &[],
            "instAddNat",
            "Add.{0} Nat",
            "Add.mk.{0} Nat Nat.add",
            Hints::Regular(2),
        ),
        thm(
            &[],
            "Nat.succ_le_succ",
            format!("(n : Nat) -> (m : Nat) -> {LE} n m -> {LE} (Nat.succ n) (Nat.succ m)"),
            format!(
                "fun (n : Nat) (m : Nat) (x : {LE} n m) => let funType_1 : (m2 : Nat) -> {LE} n m2 -> Prop := fun (m2 : Nat) (x2 : {LE} n m2) => {LE} (Nat.succ n) (Nat.succ m2); Nat.le.brecOn n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x (fun (m2 : Nat) (x2 : {LE} n m2) (x3 : Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 x2) => _private.Init.Prelude.0.Nat.succ_le_succ.match_1_4 n funType_1 (fun (m3 : Nat) (x4 : {LE} n m3) (below : Nat.le.below n (fun (m4 : Nat) (x5 : {LE} n m4) => funType_1 m4 x5) m3 x4) => {LE} (Nat.succ n) (Nat.succ m3)) m2 x2 x3 (fun (_ : Unit) => Nat.le.refl (Nat.succ n)) (fun (m3 : Nat) (h : Nat.le n m3) (ih : Nat.le.below n (fun (m4 : Nat) (x4 : {LE} n m4) => funType_1 m4 x4) m3 h) (a_ih : funType_1 m3 h) => Nat.le.step (Nat.succ n) ({ADD} m3 ({ONE})) a_ih))"
            ),
        ),
        thm(
            &[],
            "Nat.le_of_ble_eq_true",
            format!("(n : Nat) -> (m : Nat) -> {BLE} n m) Bool.true -> {LE} n m"),
            format!(
                "fun (n : Nat) (m : Nat) (h : {BLE} n m) Bool.true) => Nat.brecOn.{{0}} (fun (n2 : Nat) => (m2 : Nat) -> {BLE} n2 m2) Bool.true -> {LE} n2 m2) n (fun (n2 : Nat) (f : Nat.below.{{0}} (fun (n3 : Nat) => (m2 : Nat) -> {BLE} n3 m2) Bool.true -> {LE} n3 m2) n2) (m2 : Nat) (h2 : {BLE} n2 m2) Bool.true) => _private.Init.Prelude.0.Nat.le_of_ble_eq_true.match_1_1 (fun (n3 : Nat) (m3 : Nat) (h3 : {BLE} n3 m3) Bool.true) => Nat.below.{{0}} (fun (n4 : Nat) => (m4 : Nat) -> {BLE} n4 m4) Bool.true -> {LE} n4 m4) n3 -> {LE} n3 m3) n2 m2 h2 (fun (x : Nat) (h3 : {BLE} ({ZERO}) x) Bool.true) (x2 : Nat.below.{{0}} (fun (n3 : Nat) => (m3 : Nat) -> {BLE} n3 m3) Bool.true -> {LE} n3 m3) ({ZERO})) => Nat.zero_le x) (fun (n3 : Nat) (n4 : Nat) (h3 : {BLE} (Nat.succ n3) (Nat.succ n4)) Bool.true) (x : Nat.below.{{0}} (fun (n5 : Nat) => (m3 : Nat) -> {BLE} n5 m3) Bool.true -> {LE} n5 m3) (Nat.succ n3)) => Nat.succ_le_succ n3 n4 ((proj PProd 0 x) n4 h3)) f) m h"
            ),
        ),
        def(
            &[],
            "_private.Init.Prelude.0.Nat.ble_eq_true_of_le.match_1_4",
            format!(
                "(n : Nat) -> (funType_1 : (m : Nat) -> {LE} n m -> Prop) -> (motive : (m : Nat) -> (x : {LE} n m) -> Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x -> Prop) -> (m : Nat) -> (x : {LE} n m) -> (below : Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x) -> (Unit -> motive n (Nat.le.refl n) (Nat.le.below.refl n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2))) -> ((m2 : Nat) -> (h : Nat.le n m2) -> (ih : Nat.le.below n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 h) -> (a_ih : funType_1 m2 h) -> motive (Nat.succ m2) (Nat.le.step n m2 h) (Nat.le.below.step n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 h ih a_ih)) -> motive m x below"
            ),
            format!(
                "fun (n : Nat) (funType_1 : (m : Nat) -> {LE} n m -> Prop) (motive : (m : Nat) -> (x : {LE} n m) -> Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x -> Prop) (m : Nat) (x : {LE} n m) (below : Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x) (h_1 : Unit -> motive n (Nat.le.refl n) (Nat.le.below.refl n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2))) (h_2 : (m2 : Nat) -> (h : Nat.le n m2) -> (ih : Nat.le.below n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 h) -> (a_ih : funType_1 m2 h) -> motive (Nat.succ m2) (Nat.le.step n m2 h) (Nat.le.below.step n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 h ih a_ih)) => (fun (below2 : Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x) => Nat.le.below.casesOn n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) (fun (a : Nat) (t : Nat.le n a) (x2 : Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) a t) => Eq.{{1}} Nat m a -> HEq.{{0}} ({LE} n m) x (Nat.le n a) t -> HEq.{{0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) m x) below (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) a t) x2 -> motive m x below) m x below2 (fun (h : Eq.{{1}} Nat m n) => Eq.ndrec.{{0, 1}} Nat n (fun (m2 : Nat) => (x2 : {LE} n m2) -> (below3 : Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 x2) -> HEq.{{0}} ({LE} n m2) x2 (Nat.le n n) (Nat.le.refl n) -> HEq.{{0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 x2) below3 (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) n (Nat.le.refl n)) (Nat.le.below.refl n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3)) -> motive m2 x2 below3) (fun (x2 : {LE} n n) (below3 : Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n x2) (h2 : HEq.{{0}} ({LE} n n) x2 (Nat.le n n) (Nat.le.refl n)) => Eq.ndrec.{{0, 0}} ({LE} n n) (Nat.le.refl n) (fun (x3 : {LE} n n) => (below4 : Nat.le.below n (fun (m2 : Nat) (x4 : {LE} n m2) => funType_1 m2 x4) n x3) -> HEq.{{0}} (Nat.le.below n (fun (m2 : Nat) (x4 : {LE} n m2) => funType_1 m2 x4) n x3) below4 (Nat.le.below n (fun (m2 : Nat) (x4 : {LE} n m2) => funType_1 m2 x4) n (Nat.le.refl n)) (Nat.le.below.refl n (fun (m2 : Nat) (x4 : {LE} n m2) => funType_1 m2 x4)) -> motive n x3 below4) (fun (below4 : Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) (h3 : HEq.{{0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) below4 (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) (Nat.le.below.refl n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3))) => Eq.ndrec.{{0, 0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) (Nat.le.below.refl n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3)) (fun (below5 : Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) => motive n (Nat.le.refl n) below5) (h_1 Unit.unit) below4 (Eq.symm.{{0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) below4 (Nat.le.below.refl n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3)) (eq_of_heq.{{0}} (Nat.le.below n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3) n (Nat.le.refl n)) below4 (Nat.le.below.refl n (fun (m2 : Nat) (x3 : {LE} n m2) => funType_1 m2 x3)) h3))) x2 (Eq.symm.{{0}} ({LE} n n) x2 (Nat.le.refl n) (eq_of_heq.{{0}} ({LE} n n) x2 (Nat.le.refl n) h2)) below3) m (Eq.symm.{{1}} Nat m n h) x below) (fun (m2 : Nat) (a : Nat.le n m2) (ih : Nat.le.below n (fun (m3 : Nat) (x2 : {LE} n m3) => funType_1 m3 x2) m2 a) (a_ih : funType_1 m2 a) (h : Eq.{{1}} Nat m (Nat.succ m2)) => Eq.ndrec.{{0, 1}} Nat (Nat.succ m2) (fun (m3 : Nat) => (x2 : {LE} n m3) -> (below3 : Nat.le.below n (fun (m4 : Nat) (x3 : {LE} n m4) => funType_1 m4 x3) m3 x2) -> HEq.{{0}} ({LE} n m3) x2 (Nat.le n (Nat.succ m2)) (Nat.le.step n m2 a) -> HEq.{{0}} (Nat.le.below n (fun (m4 : Nat) (x3 : {LE} n m4) => funType_1 m4 x3) m3 x2) below3 (Nat.le.below n (fun (m4 : Nat) (x3 : {LE} n m4) => funType_1 m4 x3) (Nat.succ m2) (Nat.le.step n m2 a)) (Nat.le.below.step n (fun (m4 : Nat) (x3 : {LE} n m4) => funType_1 m4 x3) m2 a ih a_ih) -> motive m3 x2 below3) (fun (x2 : {LE} n (Nat.succ m2)) (below3 : Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) x2) (h2 : HEq.{{0}} ({LE} n (Nat.succ m2)) x2 (Nat.le n (Nat.succ m2)) (Nat.le.step n m2 a)) => Eq.ndrec.{{0, 0}} ({LE} n (Nat.succ m2)) (Nat.le.step n m2 a) (fun (x3 : {LE} n (Nat.succ m2)) => (below4 : Nat.le.below n (fun (m3 : Nat) (x4 : {LE} n m3) => funType_1 m3 x4) (Nat.succ m2) x3) -> HEq.{{0}} (Nat.le.below n (fun (m3 : Nat) (x4 : {LE} n m3) => funType_1 m3 x4) (Nat.succ m2) x3) below4 (Nat.le.below n (fun (m3 : Nat) (x4 : {LE} n m3) => funType_1 m3 x4) (Nat.succ m2) (Nat.le.step n m2 a)) (Nat.le.below.step n (fun (m3 : Nat) (x4 : {LE} n m3) => funType_1 m3 x4) m2 a ih a_ih) -> motive (Nat.succ m2) x3 below4) (fun (below4 : Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) (h3 : HEq.{{0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) below4 (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) (Nat.le.below.step n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 a ih a_ih)) => Eq.ndrec.{{0, 0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) (Nat.le.below.step n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 a ih a_ih) (fun (below5 : Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) => motive (Nat.succ m2) (Nat.le.step n m2 a) below5) (h_2 m2 a ih a_ih) below4 (Eq.symm.{{0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) below4 (Nat.le.below.step n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 a ih a_ih) (eq_of_heq.{{0}} (Nat.le.below n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) (Nat.succ m2) (Nat.le.step n m2 a)) below4 (Nat.le.below.step n (fun (m3 : Nat) (x3 : {LE} n m3) => funType_1 m3 x3) m2 a ih a_ih) h3))) x2 (Eq.symm.{{0}} ({LE} n (Nat.succ m2)) x2 (Nat.le.step n m2 a) (eq_of_heq.{{0}} ({LE} n (Nat.succ m2)) x2 (Nat.le.step n m2 a) h2)) below3) m (Eq.symm.{{1}} Nat m (Nat.succ m2) h) x below)) below (Eq.refl.{{1}} Nat m) (HEq.refl.{{0}} ({LE} n m) x) (HEq.refl.{{0}} (Nat.le.below n (fun (m2 : Nat) (x2 : {LE} n m2) => funType_1 m2 x2) m x) below)"
            ),
            Hints::Abbrev,
        ),
        def(
            &[],
            "_private.Init.Prelude.0.Nat.ble_self_eq_true.match_1_1",
            format!(
                "(motive : Nat -> Prop) -> (x : Nat) -> (Unit -> motive ({ZERO})) -> ((n : Nat) -> motive (Nat.succ n)) -> motive x"
            ),
            format!(
                "fun (motive : Nat -> Prop) (x : Nat) (h_1 : Unit -> motive ({ZERO})) (h_2 : (n : Nat) -> motive (Nat.succ n)) => Nat.casesOn.{{0}} (fun (x2 : Nat) => motive x2) x (h_1 Unit.unit) (fun (n : Nat) => h_2 n)"
            ),
            Hints::Abbrev,
        ),
        thm(
            &[],
            "Nat.ble_self_eq_true",
            format!("(n : Nat) -> {BLE} n n) Bool.true"),
            format!(
                "fun (x : Nat) => Nat.brecOn.{{0}} (fun (x2 : Nat) => {BLE} x2 x2) Bool.true) x (fun (x2 : Nat) (f : Nat.below.{{0}} (fun (x3 : Nat) => {BLE} x3 x3) Bool.true) x2) => _private.Init.Prelude.0.Nat.ble_self_eq_true.match_1_1 (fun (x3 : Nat) => Nat.below.{{0}} (fun (x4 : Nat) => {BLE} x4 x4) Bool.true) x3 -> {BLE} x3 x3) Bool.true) x2 (fun (_ : Unit) (x3 : Nat.below.{{0}} (fun (x3 : Nat) => {BLE} x3 x3) Bool.true) ({ZERO})) => rfl.{{1}} Bool (Nat.ble ({ZERO}) ({ZERO}))) (fun (n : Nat) (x3 : Nat.below.{{0}} (fun (x3 : Nat) => {BLE} x3 x3) Bool.true) (Nat.succ n)) => proj PProd 0 x3) f)"
            ),
        ),
        def(
            &[],
            "_private.Init.Prelude.0.Nat.ble_succ_eq_true.match_1_1",
            format!(
                "(motive : (n : Nat) -> (m : Nat) -> {BLE} n m) Bool.true -> Prop) -> (n : Nat) -> (m : Nat) -> (h : {BLE} n m) Bool.true) -> ((x : Nat) -> (h2 : {BLE} ({ZERO}) x) Bool.true) -> motive ({ZERO}) x h2) -> ((n2 : Nat) -> (n3 : Nat) -> (h2 : {BLE} (Nat.succ n2) (Nat.succ n3)) Bool.true) -> motive (Nat.succ n2) (Nat.succ n3) h2) -> motive n m h"
            ),
            format!(
                "fun (motive : (n : Nat) -> (m : Nat) -> {BLE} n m) Bool.true -> Prop) (n : Nat) (m : Nat) (h : {BLE} n m) Bool.true) (h_1 : (x : Nat) -> (h2 : {BLE} ({ZERO}) x) Bool.true) -> motive ({ZERO}) x h2) (h_2 : (n2 : Nat) -> (n3 : Nat) -> (h2 : {BLE} (Nat.succ n2) (Nat.succ n3)) Bool.true) -> motive (Nat.succ n2) (Nat.succ n3) h2) => Nat.casesOn.{{0}} (fun (x : Nat) => (h2 : {BLE} x m) Bool.true) -> motive x m h2) n (fun (h2 : {BLE} Nat.zero m) Bool.true) => h_1 m h2) (fun (n2 : Nat) (h2 : {BLE} (Nat.succ n2) m) Bool.true) => Nat.casesOn.{{0}} (fun (x : Nat) => (h3 : {BLE} (Nat.succ n2) x) Bool.true) -> motive (Nat.succ n2) x h3) m (fun (h3 : {BLE} (Nat.succ n2) Nat.zero) Bool.true) => False.elim.{{0}} (motive (Nat.succ n2) Nat.zero h3) (Eq.casesOn.{{0, 1}} Bool (Nat.ble (Nat.succ n2) Nat.zero) (fun (a : Bool) (x : {BLE} (Nat.succ n2) Nat.zero) a) => Eq.{{1}} Bool Bool.true a -> HEq.{{0}} ({BLE} (Nat.succ n2) Nat.zero) Bool.true) h3 ({BLE} (Nat.succ n2) Nat.zero) a) x -> False) Bool.true h3 (fun (h4 : Eq.{{1}} Bool Bool.true (Nat.ble (Nat.succ n2) Nat.zero)) => False.elim.{{0}} (HEq.{{0}} ({BLE} (Nat.succ n2) Nat.zero) Bool.true) h3 ({BLE} (Nat.succ n2) Nat.zero) (Nat.ble (Nat.succ n2) Nat.zero)) (Eq.refl.{{1}} Bool (Nat.ble (Nat.succ n2) Nat.zero)) -> False) (noConfusion_of_Nat.{{1}} Bool Bool.ctorIdx Bool.true Bool.false h4)) (Eq.refl.{{1}} Bool Bool.true) (HEq.refl.{{0}} ({BLE} (Nat.succ n2) Nat.zero) Bool.true) h3))) (fun (n3 : Nat) (h3 : {BLE} (Nat.succ n2) (Nat.succ n3)) Bool.true) => h_2 n2 n3 h3) h2) h"
            ),
            Hints::Abbrev,
        ),
        thm(
            &[],
            "Nat.ble_succ_eq_true",
            format!(
                "(n : Nat) -> (m : Nat) -> {BLE} n m) Bool.true -> {BLE} n (Nat.succ m)) Bool.true"
            ),
            format!(
                "fun (x : Nat) (x2 : Nat) (x3 : {BLE} x x2) Bool.true) => Nat.brecOn.{{0}} (fun (x4 : Nat) => (m : Nat) -> {BLE} x4 m) Bool.true -> {BLE} x4 (Nat.succ m)) Bool.true) x (fun (x4 : Nat) (f : Nat.below.{{0}} (fun (x5 : Nat) => (m : Nat) -> {BLE} x5 m) Bool.true -> {BLE} x5 (Nat.succ m)) Bool.true) x4) (x5 : Nat) (x6 : {BLE} x4 x5) Bool.true) => _private.Init.Prelude.0.Nat.ble_succ_eq_true.match_1_1 (fun (x7 : Nat) (x8 : Nat) (x9 : {BLE} x7 x8) Bool.true) => Nat.below.{{0}} (fun (x10 : Nat) => (m : Nat) -> {BLE} x10 m) Bool.true -> {BLE} x10 (Nat.succ m)) Bool.true) x7 -> {BLE} x7 (Nat.succ x8)) Bool.true) x4 x5 x6 (fun (x7 : Nat) (x8 : {BLE} ({ZERO}) x7) Bool.true) (x9 : Nat.below.{{0}} (fun (x9 : Nat) => (m : Nat) -> {BLE} x9 m) Bool.true -> {BLE} x9 (Nat.succ m)) Bool.true) ({ZERO})) => rfl.{{1}} Bool (Nat.ble ({ZERO}) (Nat.succ x7))) (fun (n : Nat) (n2 : Nat) (h : {BLE} (Nat.succ n) (Nat.succ n2)) Bool.true) (x7 : Nat.below.{{0}} (fun (x7 : Nat) => (m : Nat) -> {BLE} x7 m) Bool.true -> {BLE} x7 (Nat.succ m)) Bool.true) (Nat.succ n)) => (proj PProd 0 x7) n2 h) f) x2 x3"
            ),
        ),
        thm(
            &[],
            "Nat.ble_eq_true_of_le",
            format!("(n : Nat) -> (m : Nat) -> {LE} n m -> {BLE} n m) Bool.true"),
            format!(
                "fun (n : Nat) (m : Nat) (h : {LE} n m) => let funType_1 : (m2 : Nat) -> {LE} n m2 -> Prop := fun (m2 : Nat) (h2 : {LE} n m2) => {BLE} n m2) Bool.true; Nat.le.brecOn n (fun (m2 : Nat) (x : {LE} n m2) => funType_1 m2 x) m h (fun (m2 : Nat) (h2 : {LE} n m2) (x : Nat.le.below n (fun (m3 : Nat) (x : {LE} n m3) => funType_1 m3 x) m2 h2) => _private.Init.Prelude.0.Nat.ble_eq_true_of_le.match_1_4 n funType_1 (fun (m3 : Nat) (h3 : {LE} n m3) (below : Nat.le.below n (fun (m4 : Nat) (x2 : {LE} n m4) => funType_1 m4 x2) m3 h3) => {BLE} n m3) Bool.true) m2 h2 x (fun (_ : Unit) => Nat.ble_self_eq_true n) (fun (m3 : Nat) (h3 : Nat.le n m3) (ih : Nat.le.below n (fun (m4 : Nat) (x2 : {LE} n m4) => funType_1 m4 x2) m3 h3) (a_ih : funType_1 m3 h3) => Nat.ble_succ_eq_true n m3 a_ih))"
            ),
        ),
        thm(
            &[],
            "Nat.not_le_of_not_ble_eq_true",
            format!("(n : Nat) -> (m : Nat) -> Not ({BLE} n m) Bool.true) -> Not ({LE} n m)"),
            format!(
                "fun (n : Nat) (m : Nat) (h : Not ({BLE} n m) Bool.true)) (h' : {LE} n m) => absurd.{{0}} ({BLE} n m) Bool.true) False (Nat.ble_eq_true_of_le n m h') h"
            ),
        ),
        def(
            &[],
            "Nat.decLe",
            format!("(n : Nat) -> (m : Nat) -> Decidable ({LE} n m)"),
            format!(
                "fun (n : Nat) (m : Nat) => dite.{{1}} (Decidable ({LE} n m)) ({BLE} n m) Bool.true) (instDecidableEqBool (Nat.ble n m) Bool.true) (fun (h : {BLE} n m) Bool.true) => Decidable.isTrue ({LE} n m) (Nat.le_of_ble_eq_true n m h)) (fun (h : Not ({BLE} n m) Bool.true)) => Decidable.isFalse ({LE} n m) (Nat.not_le_of_not_ble_eq_true n m h))"
            ),
            Hints::Regular(4),
        ),
        // Not in `Nat.decLe`'s closure: what turns a decision into a `Bool`
        // for `decide p = true` obligations.
        def(
            &[],
            "Decidable.decide",
            "(p : Prop) -> Decidable p -> Bool",
            "fun (p : Prop) (h : Decidable p) => Decidable.casesOn.{1} p (fun (x : Decidable p) => Bool) h (fun (x : Not p) => Bool.false) (fun (x : p) => Bool.true)",
            Hints::Regular(2),
        ),
    ]
}

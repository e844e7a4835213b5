//! `Nat.decEq` and what it needs beyond [`super::lean`]: `Eq.ndrec`, `rfl`,
//! `absurd`, the `noConfusion` constructions of `Bool` and `Nat`, and the
//! two theorems `Nat.eq_of_beq_eq_true` / `Nat.ne_of_beq_eq_false` with
//! their match auxiliaries, all identical to Lean's `Init.Prelude`.

use crate::term::decl::{Hints, SourceDecl, def, thm};

const M1: &str = "_private.Init.Prelude.0.Nat.eq_of_beq_eq_true.match_1_1";
const M2: &str = "_private.Init.Prelude.0.Nat.ne_of_beq_eq_false.match_1_1";

/// `Nat.beq a b = true`.
fn bt(a: &str, b: &str) -> String {
    format!("Eq.{{1}} Bool (Nat.beq {a} {b}) Bool.true")
}

/// `Nat.beq a b = false`.
fn bf(a: &str, b: &str) -> String {
    format!("Eq.{{1}} Bool (Nat.beq {a} {b}) Bool.false")
}

/// `a = b` in `Nat`.
fn en(a: &str, b: &str) -> String {
    format!("Eq.{{1}} Nat {a} {b}")
}

pub(crate) fn declarations() -> Vec<SourceDecl> {
    let thm = |name: &str, ty: String, value: String| thm(&[], name, ty, value);
    let (z, sn, sm) = ("Nat.zero", "(Nat.succ n)", "(Nat.succ m)");

    // The match of `Nat.eq_of_beq_eq_true`.
    let m1_motive = format!(
        "(motive : (x : Nat) -> (y : Nat) -> {} -> Prop)",
        bt("x", "y")
    );
    let m1_binders = format!(
        "{m1_motive} (x : Nat) (y : Nat) (h : {}) (h_1 : (h : {}) -> motive {z} {z} h) (h_2 : (n : Nat) -> (h : {}) -> motive {z} {sn} h) (h_3 : (n : Nat) -> (h : {}) -> motive {sn} {z} h) (h_4 : (n : Nat) -> (m : Nat) -> (h : {}) -> motive {sn} {sm} h)",
        bt("x", "y"),
        bt(z, z),
        bt(z, sn),
        bt(sn, z),
        bt(sn, sm)
    );
    let m1_ty = format!("{} -> motive x y h", binders_to_pi(&m1_binders));
    let m1_value = format!(
        "fun {m1_binders} => Nat.casesOn.{{0}} (fun (a : Nat) => (e : {}) -> motive a y e) x (fun (e : {}) => Nat.casesOn.{{0}} (fun (b : Nat) => (e : {}) -> motive {z} b e) y (fun (e : {}) => h_1 e) (fun (n : Nat) (e : {}) => h_2 n e) e) (fun (n : Nat) (e : {}) => Nat.casesOn.{{0}} (fun (b : Nat) => (e : {}) -> motive {sn} b e) y (fun (e : {}) => h_3 n e) (fun (m : Nat) (e : {}) => h_4 n m e) e) h",
        bt("a", "y"),
        bt(z, "y"),
        bt(z, "b"),
        bt(z, z),
        bt(z, sn),
        bt(sn, "y"),
        bt(sn, "b"),
        bt(sn, z),
        bt(sn, sm)
    );

    // `Nat.eq_of_beq_eq_true`, by structural recursion through `Nat.brecOn`.
    let mot1 = format!(
        "(fun (a : Nat) => {{m : Nat}} -> {} -> {})",
        bt("a", "m"),
        en("a", "m")
    );
    let below1 = |t: &str| format!("Nat.below.{{0}} {mot1} {t}");
    let eq_true_value = format!(
        "fun (x : Nat) (y : Nat) (h : {}) => Nat.brecOn.{{0}} {mot1} x (fun (a : Nat) (f : {}) (b : Nat) (e : {}) => {M1} (fun (a : Nat) (b : Nat) (e : {}) => {} -> {}) a b e (fun (e : {}) (g : {}) => rfl.{{1}} Nat {z}) (fun (n : Nat) (e : {}) (g : {}) => Bool.noConfusion.{{0}} ({}) (Nat.beq {z} {sn}) Bool.true e) (fun (n : Nat) (e : {}) (g : {}) => Bool.noConfusion.{{0}} ({}) (Nat.beq {sn} {z}) Bool.true e) (fun (n : Nat) (m : Nat) (e : {}) (g : {}) => let this : {} := e; let this2 : {} := proj PProd 0 g m this; Eq.rec.{{0, 1}} Nat n (fun (k : Nat) (h' : {}) => {}) (rfl.{{1}} Nat {sn}) m this2) f) y h",
        bt("x", "y"),
        below1("a"),
        bt("a", "b"),
        bt("a", "b"),
        below1("a"),
        en("a", "b"),
        bt(z, z),
        below1(z),
        bt(z, sn),
        below1(z),
        en(z, sn),
        bt(sn, z),
        below1(sn),
        en(sn, z),
        bt(sn, sm),
        below1(sn),
        bt("n", "m"),
        en("n", "m"),
        en("n", "k"),
        en(sn, "(Nat.succ k)"),
    );

    // The match of `Nat.ne_of_beq_eq_false`.
    let m2_motive = format!(
        "(motive : (x : Nat) -> (y : Nat) -> {} -> {} -> Prop)",
        bf("x", "y"),
        en("x", "y")
    );
    let m2_binders = format!(
        "{m2_motive} (x : Nat) (y : Nat) (h : {}) (q : {}) (h_1 : (h : {}) -> (q : {}) -> motive {z} {z} h q) (h_2 : (n : Nat) -> (h : {}) -> (q : {}) -> motive {z} {sn} h q) (h_3 : (n : Nat) -> (h : {}) -> (q : {}) -> motive {sn} {z} h q) (h_4 : (n : Nat) -> (m : Nat) -> (h : {}) -> (q : {}) -> motive {sn} {sm} h q)",
        bf("x", "y"),
        en("x", "y"),
        bf(z, z),
        en(z, z),
        bf(z, sn),
        en(z, sn),
        bf(sn, z),
        en(sn, z),
        bf(sn, sm),
        en(sn, sm)
    );
    let m2_ty = format!("{} -> motive x y h q", binders_to_pi(&m2_binders));
    let m2_value = format!(
        "fun {m2_binders} => Nat.casesOn.{{0}} (fun (a : Nat) => (e : {}) -> (p : {}) -> motive a y e p) x (fun (e : {}) (p : {}) => Nat.casesOn.{{0}} (fun (b : Nat) => (e : {}) -> (p : {}) -> motive {z} b e p) y (fun (e : {}) (p : {}) => h_1 e p) (fun (n : Nat) (e : {}) (p : {}) => h_2 n e p) e p) (fun (n : Nat) (e : {}) (p : {}) => Nat.casesOn.{{0}} (fun (b : Nat) => (e : {}) -> (p : {}) -> motive {sn} b e p) y (fun (e : {}) (p : {}) => h_3 n e p) (fun (m : Nat) (e : {}) (p : {}) => h_4 n m e p) e p) h q",
        bf("a", "y"),
        en("a", "y"),
        bf(z, "y"),
        en(z, "y"),
        bf(z, "b"),
        en(z, "b"),
        bf(z, z),
        en(z, z),
        bf(z, sn),
        en(z, sn),
        bf(sn, "y"),
        en(sn, "y"),
        bf(sn, "b"),
        en(sn, "b"),
        bf(sn, z),
        en(sn, z),
        bf(sn, sm),
        en(sn, sm)
    );

    // `Nat.ne_of_beq_eq_false`.
    let mot2 = format!(
        "(fun (a : Nat) => (b : Nat) -> {} -> {} -> False)",
        bf("a", "b"),
        en("a", "b")
    );
    let below2 = |t: &str| format!("Nat.below.{{0}} {mot2} {t}");
    let ne_false_value = format!(
        "fun (x : Nat) (y : Nat) (h : {}) (q : {}) => Nat.brecOn.{{0}} {mot2} x (fun (a : Nat) (f : {}) (b : Nat) (e : {}) (p : {}) => {M2} (fun (a : Nat) (b : Nat) (e : {}) (p : {}) => {} -> False) a b e p (fun (e : {}) (p : {}) (g : {}) => Bool.noConfusion.{{0}} False (Nat.beq {z} {z}) Bool.false e) (fun (n : Nat) (e : {}) (p : {}) (g : {}) => Nat.noConfusion.{{0}} False {z} {sn} p) (fun (n : Nat) (e : {}) (p : {}) (g : {}) => Nat.noConfusion.{{0}} False {sn} {z} p) (fun (n : Nat) (m : Nat) (e : {}) (p : {}) (g : {}) => let this : {} := e; Nat.noConfusion.{{0}} False {sn} {sm} p (fun (p2 : {}) => absurd.{{0}} ({}) False p2 (proj PProd 0 g m this))) f) y h q",
        bf("x", "y"),
        en("x", "y"),
        below2("a"),
        bf("a", "b"),
        en("a", "b"),
        bf("a", "b"),
        en("a", "b"),
        below2("a"),
        bf(z, z),
        en(z, z),
        below2(z),
        bf(z, sn),
        en(z, sn),
        below2(z),
        bf(sn, z),
        en(sn, z),
        below2(sn),
        bf(sn, sm),
        en(sn, sm),
        below2(sn),
        bf("n", "m"),
        en("n", "m"),
        en("n", "m"),
    );

    vec![
        def(
            &["u1", "u2"],
            "Eq.ndrec",
            "{α : Sort u2} -> {a : α} -> {motive : α -> Sort u1} -> (m : motive a) -> {b : α} -> (h : Eq.{u2} α a b) -> motive b".to_owned(),
            "fun {α : Sort u2} {a : α} {motive : α -> Sort u1} (m : motive a) {b : α} (h : Eq.{u2} α a b) => Eq.rec.{u1, u2} α a (fun (x : α) (y : Eq.{u2} α a x) => motive x) m b h".to_owned(),
            Hints::Abbrev,
        ),
        def(
            &["u"],
            "rfl",
            "{α : Sort u} -> {a : α} -> Eq.{u} α a a".to_owned(),
            "fun {α : Sort u} {a : α} => Eq.refl.{u} α a".to_owned(),
            Hints::Regular(1),
        ),
        def(
            &["u"],
            "Bool.casesOn",
            "{motive : Bool -> Sort u} -> (t : Bool) -> (f : motive Bool.false) -> (tr : motive Bool.true) -> motive t".to_owned(),
            "fun {motive : Bool -> Sort u} (t : Bool) (f : motive Bool.false) (tr : motive Bool.true) => Bool.rec.{u} motive f tr t".to_owned(),
            Hints::Abbrev,
        ),
        def(
            &["u"],
            "Bool.noConfusionType",
            "(P : Sort u) -> Bool -> Bool -> Sort u".to_owned(),
            "fun (P : Sort u) (t : Bool) (t' : Bool) => Bool.casesOn.{u+1} (fun (b : Bool) => Sort u) t (Bool.casesOn.{u+1} (fun (b : Bool) => Sort u) t' (P -> P) P) (Bool.casesOn.{u+1} (fun (b : Bool) => Sort u) t' P (P -> P))".to_owned(),
            Hints::Abbrev,
        ),
        def(
            &["u"],
            "Bool.noConfusion",
            "{P : Sort u} -> {t : Bool} -> {t' : Bool} -> (eq : Eq.{1} Bool t t') -> Bool.noConfusionType.{u} P t t'".to_owned(),
            "fun {P : Sort u} {t : Bool} {t' : Bool} (eq : Eq.{1} Bool t t') => Eq.ndrec.{u, 1} Bool t (fun {s : Bool} => Bool.noConfusionType.{u} P t s) (Bool.casesOn.{u} (fun {s : Bool} => Bool.noConfusionType.{u} P s s) t (fun (k : P) => k) (fun (k : P) => k)) t' eq".to_owned(),
            Hints::Abbrev,
        ),
        def(
            &["v"],
            "absurd",
            "{a : Prop} -> {b : Sort v} -> (h1 : a) -> (h2 : Not a) -> b".to_owned(),
            "fun {a : Prop} {b : Sort v} (h1 : a) (h2 : Not a) => False.rec.{v} (fun (x : False) => b) (h2 h1)".to_owned(),
            Hints::Regular(2),
        ),
        def(
            &["u"],
            "Nat.noConfusionType",
            "(P : Sort u) -> Nat -> Nat -> Sort u".to_owned(),
            format!("fun (P : Sort u) (t : Nat) (t' : Nat) => Nat.casesOn.{{u+1}} (fun (n : Nat) => Sort u) t (Nat.casesOn.{{u+1}} (fun (n : Nat) => Sort u) t' (P -> P) (fun (n : Nat) => P)) (fun (n : Nat) => Nat.casesOn.{{u+1}} (fun (m : Nat) => Sort u) t' P (fun (m : Nat) => ({} -> P) -> P))", en("n", "m")),
            Hints::Abbrev,
        ),
        def(
            &["u"],
            "Nat.noConfusion",
            "{P : Sort u} -> {t : Nat} -> {t' : Nat} -> (eq : Eq.{1} Nat t t') -> Nat.noConfusionType.{u} P t t'".to_owned(),
            format!("fun {{P : Sort u}} {{t : Nat}} {{t' : Nat}} (eq : Eq.{{1}} Nat t t') => Eq.ndrec.{{u, 1}} Nat t (fun {{s : Nat}} => Nat.noConfusionType.{{u}} P t s) (Nat.casesOn.{{u}} (fun {{s : Nat}} => Nat.noConfusionType.{{u}} P s s) t (fun (k : P) => k) (fun (n : Nat) (k : {} -> P) => k (Eq.refl.{{1}} Nat n))) t' eq", en("n", "n")),
            Hints::Abbrev,
        ),
        def(&[], M1, m1_ty, m1_value, Hints::Abbrev),
        thm(
            "Nat.eq_of_beq_eq_true",
            format!("{{n : Nat}} -> {{m : Nat}} -> {} -> {}", bt("n", "m"), en("n", "m")),
            eq_true_value,
        ),
        def(&[], M2, m2_ty, m2_value, Hints::Abbrev),
        thm(
            "Nat.ne_of_beq_eq_false",
            format!("{{n : Nat}} -> {{m : Nat}} -> {} -> Not ({})", bf("n", "m"), en("n", "m")),
            ne_false_value,
        ),
        def(
            &["u_1"],
            "Nat.decEq.match_1",
            "(motive : Bool -> Sort u_1) -> (x : Bool) -> (h_1 : Eq.{1} Bool x Bool.true -> motive Bool.true) -> (h_2 : Eq.{1} Bool x Bool.false -> motive Bool.false) -> motive x".to_owned(),
            "fun (motive : Bool -> Sort u_1) (x : Bool) (h_1 : Eq.{1} Bool x Bool.true -> motive Bool.true) (h_2 : Eq.{1} Bool x Bool.false -> motive Bool.false) => (fun (b : Bool) => Bool.casesOn.{u_1} (fun (c : Bool) => Eq.{1} Bool x c -> motive c) b h_2 h_1) x (Eq.refl.{1} Bool x)".to_owned(),
            Hints::Abbrev,
        ),
        def(
            &[],
            "Nat.decEq",
            format!("(n : Nat) -> (m : Nat) -> Decidable ({})", en("n", "m")),
            format!(
                "fun (n : Nat) (m : Nat) => Nat.decEq.match_1.{{1}} (fun (b : Bool) => Decidable ({eq})) (Nat.beq n m) (fun (h : {t}) => Decidable.isTrue ({eq}) (Nat.eq_of_beq_eq_true n m h)) (fun (h : {f}) => Decidable.isFalse ({eq}) (Nat.ne_of_beq_eq_false n m h))",
                eq = en("n", "m"),
                t = bt("n", "m"),
                f = bf("n", "m"),
            ),
            Hints::Regular(2),
        ),
    ]
}

/// `(a : A) (b : B)` binders written for a `fun`, as the `->` chain of the
/// same binders (so a type and its value share one spelling of them).
fn binders_to_pi(binders: &str) -> String {
    let mut out = String::new();
    let mut depth = 0i32;
    let chars: Vec<char> = binders.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        out.push(*c);
        match c {
            '(' | '{' | '[' => depth += 1,
            ')' | '}' | ']' => {
                depth -= 1;
                let next_is_binder = chars[i + 1..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| *c == '(');
                if depth == 0 && next_is_binder {
                    out.push_str(" ->");
                }
            }
            _ => {}
        }
    }
    out
}

//! Primitive definitions: the constants whose meaning the literal extension
//! supplies by name are checked when they enter the environment, so that
//! computing on literals is a conservative shortcut of unfolding them.
//!
//! The literal extension says `Nat.add 2 2 ≡ 4`. That is only sound when
//! unfolding the environment's `Nat.add` on `2` and `2` would give `4` too;
//! an export may define `Nat.add` any way it likes (`fun _ _ => Nat.zero`),
//! and then the extension and unfolding disagree and `False` follows. So,
//! as lean4lean's `checkPrimitiveDef` does, a safe definition with a
//! primitive's name must satisfy that primitive's defining equations over
//! free variables `x`, `y` (`add x 0 ≡ x`, `add y (succ x) ≡ succ (add y
//! x)`); by induction on the literal, the equations make every value the
//! extension computes the value unfolding reaches. A definition that fails
//! them is rejected (`decl.primitive-equation`); an axiom, opaque, unsafe or
//! partial constant with a primitive's name is accepted like any other and
//! simply gets no extension. The equations name earlier primitives only
//! (`sub` uses `pred`, `mul` uses `add`, `pow` and `shiftLeft` use `mul`),
//! and those must have been verified before: an unverified one (an axiom
//! `Nat.add`, say) would let the equations hold while the extension computes
//! something else.
//!
//! Operations whose Lean definitions are by well-founded recursion or fuel
//! (`div`, `mod`, `gcd`, `log2`, `land`, `lor`, `xor`, and `shiftRight`,
//! whose equation uses `div`) have no equation check here: their extension
//! stays off and they reduce by unfolding, which is sound but slow on large
//! numbers. `Char.ofNat` and `String.ofList`, which string literals expand
//! into, must be safe definitions without universe parameters (what
//! lean4lean checks; older preludes' constructors also qualify, see
//! `literal.rs`), so a literal can never stand for an axiom's value.

use crate::error::KernelError;
use crate::expr::ExprId;
use crate::name::NameId;
use crate::tc::{TcResult, TypeChecker};

/// What the kernel knows of a name the literal extension reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Primitive {
    /// Checked by its defining equations; the extension computes it.
    Equations(NatPrim),
    /// String literals expand into it: checked by its type and safety.
    StringPart,
    /// Computed by the extension in Lean, but not checked here: the
    /// extension stays off and the constant unfolds like any other.
    Unchecked,
}

/// The `Nat` operations checked by their equations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NatPrim {
    Pred,
    Add,
    Sub,
    Mul,
    Pow,
    Beq,
    Ble,
    ShiftLeft,
}

impl NatPrim {
    /// The primitive an equation of this one names, which must have been
    /// verified first.
    fn depends_on(self, wk: &crate::env::WellKnown) -> Option<NameId> {
        match self {
            NatPrim::Sub => Some(wk.nat_pred),
            NatPrim::Mul => Some(wk.nat_add),
            NatPrim::Pow | NatPrim::ShiftLeft => Some(wk.nat_mul),
            NatPrim::Pred | NatPrim::Add | NatPrim::Beq | NatPrim::Ble => None,
        }
    }

    fn returns_bool(self) -> bool {
        matches!(self, NatPrim::Beq | NatPrim::Ble)
    }

    fn arity(self) -> usize {
        if self == NatPrim::Pred { 1 } else { 2 }
    }
}

impl TypeChecker<'_> {
    /// The primitive a name denotes, if any. Compared by id with the
    /// well-known names (a one-component name spelled `Nat.add` is not
    /// `Nat.add`).
    pub(crate) fn primitive_of(&self, n: NameId) -> Option<Primitive> {
        let wk = self.wk;
        let nat = [
            (wk.nat_pred, NatPrim::Pred),
            (wk.nat_add, NatPrim::Add),
            (wk.nat_sub, NatPrim::Sub),
            (wk.nat_mul, NatPrim::Mul),
            (wk.nat_pow, NatPrim::Pow),
            (wk.nat_beq, NatPrim::Beq),
            (wk.nat_ble, NatPrim::Ble),
            (wk.nat_shift_left, NatPrim::ShiftLeft),
        ];
        if let Some(&(_, p)) = nat.iter().find(|(m, _)| *m == n) {
            return Some(Primitive::Equations(p));
        }
        if n == wk.char_of_nat || n == wk.string_of_list {
            return Some(Primitive::StringPart);
        }
        let unchecked = [
            wk.nat_div,
            wk.nat_mod,
            wk.nat_gcd,
            wk.nat_log2,
            wk.nat_land,
            wk.nat_lor,
            wk.nat_xor,
            wk.nat_shift_right,
        ];
        unchecked.contains(&n).then_some(Primitive::Unchecked)
    }

    /// Checks a safe definition named like a primitive (its type and value
    /// already checked). `Ok(true)`: verified, the extension may use it;
    /// `Ok(false)`: not a primitive the extension may use.
    pub(crate) fn check_primitive_definition(
        &mut self,
        name: NameId,
        level_params: &[NameId],
        ty: ExprId,
        value: ExprId,
    ) -> TcResult<bool> {
        let prim = match self.primitive_of(name) {
            // Never computed: any definition will do, as in Lean.
            None | Some(Primitive::Unchecked) => return Ok(false),
            Some(p) => p,
        };
        let fail = |tc: &Self, equation: &'static str| KernelError::PrimitiveEquation {
            name: tc.name(name),
            equation,
        };
        if !level_params.is_empty() {
            return Err(fail(self, "it has universe parameters"));
        }
        match prim {
            Primitive::Unchecked => Ok(false),
            Primitive::StringPart => {
                // The types are compared where literals are expanded
                // (`literal.rs`); here only what makes it a definition.
                Ok(true)
            }
            Primitive::Equations(p) => {
                self.check_nat_equations(p, ty, value, &fail)?;
                Ok(true)
            }
        }
    }

    fn check_nat_equations(
        &mut self,
        p: NatPrim,
        ty: ExprId,
        value: ExprId,
        fail: &dyn Fn(&Self, &'static str) -> KernelError,
    ) -> TcResult<()> {
        let wk = self.wk;
        if !self.literal_ok(wk.nat) {
            return Err(fail(
                self,
                "`Nat` is not declared in its standard form before it",
            ));
        }
        if p.returns_bool() && !self.literal_ok_bool() {
            return Err(fail(
                self,
                "`Bool` is not declared in its standard form before it",
            ));
        }
        if let Some(d) = p.depends_on(wk)
            && !self.env.is_verified_primitive_before(d, self.horizon)
        {
            return Err(fail(
                self,
                "a primitive its equations use is not a verified definition",
            ));
        }
        let nat = self.st.cnst(wk.nat, &[]);
        let result = if p.returns_bool() {
            self.st.cnst(wk.boolean, &[])
        } else {
            nat
        };
        let want_ty = if p.arity() == 1 {
            self.st.pi(nat, result)
        } else {
            let inner = self.st.pi(nat, result);
            self.st.pi(nat, inner)
        };
        if !self.is_def_eq(ty, want_ty)? {
            return Err(fail(self, "its type is not the primitive's type"));
        }
        let x = self.fvar(nat);
        let y = self.fvar(nat);
        let zero = self.st.cnst(wk.nat_zero, &[]);
        let succ_c = self.st.cnst(wk.nat_succ, &[]);
        let succ = |tc: &mut Self, a: ExprId| tc.st.app(succ_c, a);
        let v1 = |tc: &mut Self, a: ExprId| tc.st.app(value, a);
        let v2 = |tc: &mut Self, a: ExprId, b: ExprId| tc.st.apps(value, &[a, b]);
        let other = |tc: &mut Self, op: NameId, a: ExprId, b: ExprId| {
            let c = tc.st.cnst(op, &[]);
            tc.st.apps(c, &[a, b])
        };
        let mut equations: Vec<(ExprId, ExprId, &'static str)> = Vec::new();
        match p {
            NatPrim::Pred => {
                let sx = succ(self, x);
                equations.push((v1(self, zero), zero, "`pred 0 ≡ 0` does not hold"));
                equations.push((v1(self, sx), x, "`pred (succ x) ≡ x` does not hold"));
            }
            NatPrim::Add => {
                let sx = succ(self, x);
                let yx = v2(self, y, x);
                equations.push((v2(self, x, zero), x, "`add x 0 ≡ x` does not hold"));
                let rhs = succ(self, yx);
                equations.push((
                    v2(self, y, sx),
                    rhs,
                    "`add y (succ x) ≡ succ (add y x)` does not hold",
                ));
            }
            NatPrim::Sub => {
                let sx = succ(self, x);
                let yx = v2(self, y, x);
                let pred = self.st.cnst(wk.nat_pred, &[]);
                let rhs = self.st.app(pred, yx);
                equations.push((v2(self, x, zero), x, "`sub x 0 ≡ x` does not hold"));
                equations.push((
                    v2(self, y, sx),
                    rhs,
                    "`sub y (succ x) ≡ pred (sub y x)` does not hold",
                ));
            }
            NatPrim::Mul => {
                let sx = succ(self, x);
                let yx = v2(self, y, x);
                let rhs = other(self, wk.nat_add, yx, y);
                equations.push((v2(self, x, zero), zero, "`mul x 0 ≡ 0` does not hold"));
                equations.push((
                    v2(self, y, sx),
                    rhs,
                    "`mul y (succ x) ≡ add (mul y x) y` does not hold",
                ));
            }
            NatPrim::Pow => {
                let sx = succ(self, x);
                let yx = v2(self, y, x);
                let one = succ(self, zero);
                let rhs = other(self, wk.nat_mul, yx, y);
                equations.push((v2(self, x, zero), one, "`pow x 0 ≡ 1` does not hold"));
                equations.push((
                    v2(self, y, sx),
                    rhs,
                    "`pow y (succ x) ≡ mul (pow y x) y` does not hold",
                ));
            }
            NatPrim::Beq | NatPrim::Ble => {
                let tru = self.st.cnst(wk.bool_true, &[]);
                let fal = self.st.cnst(wk.bool_false, &[]);
                let (sx, sy) = (succ(self, x), succ(self, y));
                let ble = p == NatPrim::Ble;
                let labels: [&'static str; 4] = if ble {
                    [
                        "`ble 0 0 ≡ true` does not hold",
                        "`ble 0 (succ x) ≡ true` does not hold",
                        "`ble (succ x) 0 ≡ false` does not hold",
                        "`ble (succ y) (succ x) ≡ ble y x` does not hold",
                    ]
                } else {
                    [
                        "`beq 0 0 ≡ true` does not hold",
                        "`beq 0 (succ x) ≡ false` does not hold",
                        "`beq (succ x) 0 ≡ false` does not hold",
                        "`beq (succ y) (succ x) ≡ beq y x` does not hold",
                    ]
                };
                equations.push((v2(self, zero, zero), tru, labels[0]));
                let zero_succ = if ble { tru } else { fal };
                equations.push((v2(self, zero, sx), zero_succ, labels[1]));
                equations.push((v2(self, sx, zero), fal, labels[2]));
                let yx = v2(self, y, x);
                equations.push((v2(self, sy, sx), yx, labels[3]));
            }
            NatPrim::ShiftLeft => {
                let sy = succ(self, y);
                let one = succ(self, zero);
                let two = succ(self, one);
                let twice = other(self, wk.nat_mul, two, x);
                let rhs = v2(self, twice, y);
                equations.push((v2(self, x, zero), x, "`shiftLeft x 0 ≡ x` does not hold"));
                equations.push((
                    v2(self, x, sy),
                    rhs,
                    "`shiftLeft x (succ y) ≡ shiftLeft (mul 2 x) y` does not hold",
                ));
            }
        }
        for (lhs, rhs, what) in equations {
            if !self.is_def_eq(lhs, rhs)? {
                return Err(fail(self, what));
            }
        }
        Ok(())
    }
}

/// Every constant the kernel gives meaning to by its name (the literal
/// extension, the string literal's expansion, the quotient rules), for
/// tools that must pin them: the judge takes these from the trusted side
/// only. Recursors and the reflection shortcut in `defeq.rs` (which only
/// compares a normal form with `Bool.true`, and so assumes nothing) are not
/// listed.
pub const NAME_KEYED_CONSTANTS: &[&str] = &[
    "Nat",
    "Nat.zero",
    "Nat.succ",
    "Nat.pred",
    "Nat.add",
    "Nat.sub",
    "Nat.mul",
    "Nat.div",
    "Nat.mod",
    "Nat.gcd",
    "Nat.beq",
    "Nat.ble",
    "Nat.land",
    "Nat.lor",
    "Nat.xor",
    "Nat.shiftLeft",
    "Nat.shiftRight",
    "Nat.pow",
    "Nat.log2",
    "Bool",
    "Bool.false",
    "Bool.true",
    "String",
    "String.ofList",
    "Char",
    "Char.ofNat",
    "List",
    "List.nil",
    "List.cons",
    "Eq",
    "Eq.refl",
    "Quot",
    "Quot.mk",
    "Quot.lift",
    "Quot.ind",
];

/// The constants a literal stands for without naming them: a `Nat` literal
/// is a `Nat`; a string literal is `String.ofList` of a `List` of
/// `Char.ofNat` characters. A walk for the axioms or unsafe constants a term
/// depends on must follow these as if the term named them.
pub fn literal_constants(node: &crate::expr::ExprNode) -> &'static [&'static str] {
    match node {
        crate::expr::ExprNode::NatLit(_) => &["Nat"],
        crate::expr::ExprNode::StrLit(_) => &[
            "String",
            "String.ofList",
            "Char",
            "Char.ofNat",
            "List",
            "List.nil",
            "List.cons",
            "Nat",
        ],
        _ => &[],
    }
}

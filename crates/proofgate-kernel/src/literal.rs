//! The Nat and String literal extensions: arbitrary-precision arithmetic on
//! closed Nat literals (as Lean's kernel does with GMP), conversion between
//! literals and `Nat.zero`/`Nat.succ`, and expansion of string literals to
//! `String.ofList` of `Char.ofNat` characters.
//!
//! The extension only computes; the meaning of `Nat` itself comes from the
//! checked inductive declaration, whose recursor rules are derived and
//! compared like any other.

use crate::error::KernelError;
use crate::expr::{ExprId, ExprNode};
use crate::level::LevelId;
use crate::tc::{TcResult, TypeChecker};
use num_bigint::BigUint;

/// Largest exponent / shift the extension computes (as Lean: 2^24).
const MAX_EXPONENT: u64 = 1 << 24;

/// Largest result (in bits) the extension builds. Fuel counts steps, not
/// bytes: without this bound a few squarings would exhaust memory. Beyond
/// it the operation is simply not accelerated (still sound).
const MAX_RESULT_BITS: u64 = 1 << 26;

fn small(n: &BigUint) -> Option<u64> {
    let d = n.to_u64_digits();
    match d.len() {
        0 => Some(0),
        1 => Some(d[0]),
        _ => None,
    }
}

fn gcd(mut a: BigUint, mut b: BigUint) -> BigUint {
    let zero = BigUint::ZERO;
    while b != zero {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

impl TypeChecker<'_> {
    /// The value of a literal or `Nat.zero`.
    fn nat_value(&self, e: ExprId) -> Option<BigUint> {
        match self.st.node(e) {
            ExprNode::NatLit(l) => Some(self.st.nat(l).clone()),
            ExprNode::Const(n, _) if n == self.wk.nat_zero => Some(BigUint::ZERO),
            _ => None,
        }
    }

    pub(crate) fn is_nat_zero(&self, e: ExprId) -> bool {
        match self.st.node(e) {
            ExprNode::NatLit(l) => *self.st.nat(l) == BigUint::ZERO,
            ExprNode::Const(n, _) => n == self.wk.nat_zero,
            _ => false,
        }
    }

    /// The predecessor of `n+1` (a literal) or of `Nat.succ x`.
    pub(crate) fn nat_pred(&mut self, e: ExprId) -> Option<ExprId> {
        match self.st.node(e) {
            ExprNode::NatLit(l) => {
                let v = self.st.nat(l).clone();
                (v != BigUint::ZERO).then(|| self.st.nat_lit(v - 1u32))
            }
            ExprNode::App(f, a) => match self.st.node(f) {
                ExprNode::Const(n, _) if n == self.wk.nat_succ => Some(a),
                _ => None,
            },
            _ => None,
        }
    }

    /// `0 ↦ Nat.zero`, `n+1 ↦ Nat.succ n`.
    pub(crate) fn nat_lit_to_ctor(&mut self, e: ExprId) -> ExprId {
        let ExprNode::NatLit(l) = self.st.node(e) else {
            return e;
        };
        let v = self.st.nat(l).clone();
        if v == BigUint::ZERO {
            self.st.cnst(self.wk.nat_zero, &[])
        } else {
            let p = self.st.nat_lit(v - 1u32);
            let s = self.st.cnst(self.wk.nat_succ, &[]);
            self.st.app(s, p)
        }
    }

    /// `"ab" ↦ String.ofList [Char.ofNat 97, Char.ofNat 98]`.
    pub(crate) fn string_lit_to_ctor(&mut self, e: ExprId) -> ExprId {
        let ExprNode::StrLit(l) = self.st.node(e) else {
            return e;
        };
        let chars: Vec<u32> = self.st.string(l).chars().map(|c| c as u32).collect();
        let wk = self.wk;
        let char_ty = self.st.cnst(wk.char, &[]);
        let nil = self.st.cnst(wk.list_nil, &[LevelId::ZERO]);
        let cons = self.st.cnst(wk.list_cons, &[LevelId::ZERO]);
        let of_nat = self.st.cnst(wk.char_of_nat, &[]);
        let mut list = self.st.app(nil, char_ty);
        for c in chars.into_iter().rev() {
            let lit = self.st.nat_lit(BigUint::from(c));
            let ch = self.st.app(of_nat, lit);
            list = self.st.apps(cons, &[char_ty, ch, list]);
        }
        let of_list = self.st.cnst(wk.string_of_list, &[]);
        self.st.app(of_list, list)
    }

    fn whnf_nat_arg(&mut self, e: ExprId) -> TcResult<Option<BigUint>> {
        let w = self.whnf(e)?;
        Ok(self.nat_value(w))
    }

    /// Computes `Nat.add 2 3` and friends on closed literals.
    pub(crate) fn reduce_nat(&mut self, e: ExprId) -> TcResult<Option<ExprId>> {
        if self.st.has_fvar(e) {
            return Ok(None);
        }
        let (head, args) = self.st.unfold_apps(e);
        let ExprNode::Const(n, ls) = self.st.node(head) else {
            return Ok(None);
        };
        if !self.st.levels_of(ls).is_empty() {
            return Ok(None);
        }
        let wk = self.wk;
        if args.len() == 1 {
            if n != wk.nat_succ && n != wk.nat_log2 {
                return Ok(None);
            }
            let Some(a) = self.whnf_nat_arg(args[0])? else {
                return Ok(None);
            };
            self.meter.tick()?;
            let r = if n == wk.nat_succ {
                a + 1u32
            } else if a == BigUint::ZERO {
                BigUint::ZERO
            } else {
                BigUint::from(a.bits() - 1)
            };
            return Ok(Some(self.st.nat_lit(r)));
        }
        if args.len() != 2 {
            return Ok(None);
        }
        let ops = [
            wk.nat_add,
            wk.nat_sub,
            wk.nat_mul,
            wk.nat_div,
            wk.nat_mod,
            wk.nat_gcd,
            wk.nat_beq,
            wk.nat_ble,
            wk.nat_land,
            wk.nat_lor,
            wk.nat_xor,
            wk.nat_shift_left,
            wk.nat_shift_right,
            wk.nat_pow,
        ];
        if !ops.contains(&n) {
            return Ok(None);
        }
        let Some(a) = self.whnf_nat_arg(args[0])? else {
            return Ok(None);
        };
        let Some(b) = self.whnf_nat_arg(args[1])? else {
            return Ok(None);
        };
        self.meter.tick()?;
        let zero = BigUint::ZERO;
        let bool_result = |st: &mut crate::store::TermStore, v: bool| {
            st.cnst(if v { wk.bool_true } else { wk.bool_false }, &[])
        };
        let r = if n == wk.nat_add {
            a + b
        } else if n == wk.nat_sub {
            if a >= b { a - b } else { zero }
        } else if n == wk.nat_mul {
            if a.bits() + b.bits() > MAX_RESULT_BITS {
                return Ok(None);
            }
            a * b
        } else if n == wk.nat_div {
            if b == zero { zero } else { a / b }
        } else if n == wk.nat_mod {
            if b == zero { a } else { a % b }
        } else if n == wk.nat_gcd {
            gcd(a, b)
        } else if n == wk.nat_beq {
            return Ok(Some(bool_result(self.st, a == b)));
        } else if n == wk.nat_ble {
            return Ok(Some(bool_result(self.st, a <= b)));
        } else if n == wk.nat_land {
            a & b
        } else if n == wk.nat_lor {
            a | b
        } else if n == wk.nat_xor {
            a ^ b
        } else if n == wk.nat_shift_left {
            match small(&b) {
                Some(s) if s <= MAX_EXPONENT && a.bits() + s <= MAX_RESULT_BITS => a << s,
                _ => return Ok(None),
            }
        } else if n == wk.nat_shift_right {
            match small(&b) {
                Some(s) => a >> s,
                None => zero,
            }
        } else {
            match small(&b) {
                Some(p) if p <= MAX_EXPONENT && a.bits().saturating_mul(p) <= MAX_RESULT_BITS => {
                    a.pow(p as u32)
                }
                _ => return Ok(None),
            }
        };
        Ok(Some(self.st.nat_lit(r)))
    }
}

/// Parses a decimal Nat literal.
pub fn parse_nat(s: &str) -> Result<BigUint, KernelError> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(KernelError::Type(format!("invalid Nat literal '{s}'")));
    }
    BigUint::parse_bytes(s.as_bytes(), 10)
        .ok_or_else(|| KernelError::Type(format!("invalid Nat literal '{s}'")))
}

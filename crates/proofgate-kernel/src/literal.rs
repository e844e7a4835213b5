//! The Nat and String literal extensions: arbitrary-precision arithmetic on
//! closed Nat literals (as Lean's kernel does with GMP), conversion between
//! literals and `Nat.zero`/`Nat.succ`, and expansion of string literals to
//! `String.ofList` of `Char.ofNat` characters.
//!
//! The extension only computes; the meaning of `Nat` itself comes from the
//! checked inductive declaration, whose recursor rules are derived and
//! compared like any other.
//!
//! The kernel refers to these constants by name, so before it builds or
//! computes anything it checks that they have the expected shape: `Nat` an
//! inductive type with `zero : Nat` and `succ : Nat → Nat`, each operation
//! `Nat → Nat → Nat` (`→ Bool` for `beq`/`ble`, with `Bool` having
//! `false`/`true`), and `Char.ofNat : Nat → Char`, `String.ofList :
//! List Char → String`, `List.nil`/`List.cons` the usual ones. Otherwise the
//! extension stays off (a literal is then stuck, or, for typing, an error):
//! a file cannot make the kernel fabricate ill-typed terms (say, a
//! `Char.ofNat` whose field is `Empty`). What it cannot check is that
//! `Nat.add` really adds; like Lean's kernel, it trusts those names.

use crate::error::KernelError;
use crate::expr::{ExprId, ExprNode, LitId};
use crate::level::LevelId;
use crate::literal_cost as cost;
use crate::rule::TypeRule;
use crate::tc::{TcResult, TypeChecker};
use dashu_int::UBig;
use dashu_int::ops::Gcd;
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

/// Literals are stored as `num-bigint` numbers (the public API); the
/// operations whose fast algorithms matter (multiplication, division, gcd,
/// powers, decimal parsing) run in `dashu-int`. Conversions are linear.
fn to_dashu(n: &BigUint) -> UBig {
    UBig::from_le_bytes(&n.to_bytes_le())
}

fn from_dashu(n: &UBig) -> BigUint {
    BigUint::from_bytes_le(&n.to_le_bytes())
}

/// Words of a literal, for the cost model.
fn words(n: &BigUint) -> u64 {
    cost::words(n.bits())
}

impl TypeChecker<'_> {
    fn has_type(&self, n: crate::name::NameId, lparams: usize, ty: ExprId) -> bool {
        self.lookup(n)
            .is_some_and(|c| c.level_params.len() == lparams && c.ty == ty)
    }

    fn is_inductive_with(&self, n: crate::name::NameId, ctors: &[crate::name::NameId]) -> bool {
        matches!(
            self.lookup(n).map(|c| &c.kind),
            Some(crate::declaration::ConstantKind::Inductive { ctors: cs, num_params: 0, num_indices: 0, .. })
                if cs[..] == ctors[..]
        )
    }

    /// Whether `key`'s part of the literal extension may be used (cached).
    pub(crate) fn literal_ok(&mut self, key: crate::name::NameId) -> bool {
        if let Some(&ok) = self.ws.literal_support.get(&key) {
            return ok;
        }
        let ok = self.compute_literal_ok(key);
        self.ws.literal_support.insert(key, ok);
        ok
    }

    fn compute_literal_ok(&mut self, key: crate::name::NameId) -> bool {
        let wk = self.wk;
        let one = self.st.levels.succ(LevelId::ZERO);
        let type0 = self.st.sort(one);
        let nat = self.st.cnst(wk.nat, &[]);
        let nat_ok = self.has_type(wk.nat, 0, type0)
            && self.is_inductive_with(wk.nat, &[wk.nat_zero, wk.nat_succ])
            && self.has_type(wk.nat_zero, 0, nat)
            && {
                let t = self.st.pi(nat, nat);
                self.has_type(wk.nat_succ, 0, t)
            };
        if key == wk.nat || !nat_ok {
            return nat_ok;
        }
        if key == wk.string {
            let ch = self.st.cnst(wk.char, &[]);
            let string = self.st.cnst(wk.string, &[]);
            let u = self.st.names.str(crate::name::NameId::ANONYMOUS, "u");
            let lu = self.st.levels.param(u);
            let su = self.st.levels.succ(lu);
            let sort_u = self.st.sort(su);
            let list_name = self.st.names.dotted("List");
            let list = |st: &mut crate::store::TermStore, l: crate::level::LevelId, a: ExprId| {
                let c = st.cnst(list_name, &[l]);
                st.app(c, a)
            };
            let b0 = self.st.bvar(0);
            let nil_ty = {
                let l = list(self.st, lu, b0);
                self.st.pi(sort_u, l)
            };
            let cons_ty = {
                let (b0, b1, b2) = (self.st.bvar(0), self.st.bvar(1), self.st.bvar(2));
                let l1 = list(self.st, lu, b1);
                let l2 = list(self.st, lu, b2);
                let inner = self.st.pi(l1, l2);
                let mid = self.st.pi(b0, inner);
                self.st.pi(sort_u, mid)
            };
            let of_nat_ty = self.st.pi(nat, ch);
            let list_char = list(self.st, LevelId::ZERO, ch);
            let of_list_ty = self.st.pi(list_char, string);
            let list_info = self.lookup(wk.list_nil).map(|c| c.level_params.clone());
            // `List.nil`/`List.cons` are compared with their own parameter name.
            let (nil_ty, cons_ty) = match list_info.as_deref() {
                Some([p]) if *p != u => {
                    let lp = self.st.levels.param(*p);
                    (
                        self.st.instantiate_lparams(nil_ty, &[u], &[lp]),
                        self.st.instantiate_lparams(cons_ty, &[u], &[lp]),
                    )
                }
                _ => (nil_ty, cons_ty),
            };
            return self.has_type(wk.char, 0, type0)
                && self.has_type(wk.string, 0, type0)
                && self.has_type(wk.char_of_nat, 0, of_nat_ty)
                && self.has_type(wk.string_of_list, 0, of_list_ty)
                && self.has_type(wk.list_nil, 1, nil_ty)
                && self.has_type(wk.list_cons, 1, cons_ty);
        }
        let bool_name = self.st.names.dotted("Bool");
        let boolean = self.st.cnst(bool_name, &[]);
        let result = if key == wk.nat_beq || key == wk.nat_ble {
            if !(self.has_type(bool_name, 0, type0)
                && self.is_inductive_with(bool_name, &[wk.bool_false, wk.bool_true])
                && self.has_type(wk.bool_false, 0, boolean)
                && self.has_type(wk.bool_true, 0, boolean))
            {
                return false;
            }
            boolean
        } else {
            nat
        };
        let ty = if key == wk.nat_log2 {
            self.st.pi(nat, nat)
        } else {
            let inner = self.st.pi(nat, result);
            self.st.pi(nat, inner)
        };
        self.has_type(key, 0, ty)
    }

    /// The value of a literal or `Nat.zero`, as a reference into the store
    /// (`None` for zero), so comparing literals does not copy them.
    fn nat_value(&self, e: ExprId) -> Option<Option<LitId>> {
        match self.st.node(e) {
            ExprNode::NatLit(l) => Some(Some(l)),
            ExprNode::Const(..) if self.is_const_of(e, self.wk.nat_zero) => Some(None),
            _ => None,
        }
    }

    pub(crate) fn is_nat_zero(&mut self, e: ExprId) -> bool {
        match self.st.node(e) {
            ExprNode::NatLit(l) => *self.st.nat(l) == BigUint::ZERO && self.literal_ok(self.wk.nat),
            ExprNode::Const(..) => self.is_const_of(e, self.wk.nat_zero),
            _ => false,
        }
    }

    /// The predecessor of `n+1` (a literal) or of `Nat.succ x`.
    pub(crate) fn nat_pred(&mut self, e: ExprId) -> Option<ExprId> {
        match self.st.node(e) {
            ExprNode::NatLit(_) if !self.literal_ok(self.wk.nat) => None,
            ExprNode::NatLit(l) => {
                self.charge_copy(l);
                let v = self.st.nat(l).clone();
                (v != BigUint::ZERO).then(|| self.st.nat_lit(v - 1u32))
            }
            ExprNode::App(f, a) if self.is_const_of(f, self.wk.nat_succ) => Some(a),
            _ => None,
        }
    }

    /// `0 ↦ Nat.zero`, `n+1 ↦ Nat.succ n` (when `Nat` has its standard
    /// shape; otherwise `e` unchanged).
    pub(crate) fn nat_lit_to_ctor(&mut self, e: ExprId) -> ExprId {
        let ExprNode::NatLit(l) = self.st.node(e) else {
            return e;
        };
        if !self.literal_ok(self.wk.nat) {
            return e;
        }
        self.charge_copy(l);
        let v = self.st.nat(l).clone();
        if v == BigUint::ZERO {
            self.st.cnst(self.wk.nat_zero, &[])
        } else {
            let p = self.st.nat_lit(v - 1u32);
            let s = self.st.cnst(self.wk.nat_succ, &[]);
            self.st.app(s, p)
        }
    }

    /// `"ab" ↦ String.ofList [Char.ofNat 97, Char.ofNat 98]` (when those
    /// constants have their expected types and the literal is not huge;
    /// otherwise `e` unchanged).
    pub(crate) fn string_lit_to_ctor(&mut self, e: ExprId) -> ExprId {
        let ExprNode::StrLit(l) = self.st.node(e) else {
            return e;
        };
        if self.st.string(l).len() > MAX_EXPANDED_STRING_CHARS || !self.literal_ok(self.wk.string) {
            return e;
        }
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

    /// Charges copying literal `l` (for a predecessor) from callers that
    /// cannot fail: past the budget, the caller's next step fails (see
    /// [`crate::fuel::Meter::charge`]), so ignoring the result is sound.
    fn charge_copy(&mut self, l: LitId) {
        let w = words(self.st.nat(l));
        let _ = self.meter.charge(cost::extra_steps(2 * w));
    }

    fn whnf_nat_arg(&mut self, e: ExprId) -> TcResult<Option<Option<LitId>>> {
        let w = self.whnf(e)?;
        Ok(self.nat_value(w))
    }

    /// Computes `Nat.add 2 3` and friends on closed literals.
    pub(crate) fn reduce_nat(&mut self, e: ExprId) -> TcResult<Option<ExprId>> {
        if self.st.has_fvar(e) {
            return Ok(None);
        }
        // Only `op a` and `op a b` with a constant `op` qualify: look at
        // those shapes directly instead of taking the spine apart.
        let mut args = [e; 2];
        let mut nargs = 0;
        let mut head = e;
        while let ExprNode::App(f, a) = self.st.node(head) {
            if nargs == 2 {
                return Ok(None);
            }
            args[1 - nargs] = a;
            nargs += 1;
            head = f;
        }
        let args = &args[2 - nargs..];
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
            if !self.literal_ok(if n == wk.nat_succ { wk.nat } else { n }) {
                return Ok(None);
            }
            let Some(a) = self.whnf_nat_arg(args[0])? else {
                return Ok(None);
            };
            let w = a.map_or(1, |l| words(self.st.nat(l)));
            self.meter.charge(1 + cost::extra_steps(2 * w + 1))?;
            let a = a.map_or(BigUint::ZERO, |l| self.st.nat(l).clone());
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
        if !ops.contains(&n) || !self.literal_ok(n) {
            return Ok(None);
        }
        let Some(a) = self.whnf_nat_arg(args[0])? else {
            return Ok(None);
        };
        let Some(b) = self.whnf_nat_arg(args[1])? else {
            return Ok(None);
        };
        let zero = BigUint::ZERO;
        let val = |l: Option<LitId>| l.map_or(&zero, |l| self.st.nat(l));
        let (a, b) = (val(a), val(b));
        // Charged before anything is computed: the cost model bounds the
        // work from the operand sizes alone (`literal_cost.rs`).
        let (an, bn) = (words(a), words(b));
        let copies = 2 * (an + bn);
        let word_ops = if n == wk.nat_mul {
            if a.bits() + b.bits() > MAX_RESULT_BITS {
                return Ok(None);
            }
            cost::mul(an, bn).saturating_add(copies)
        } else if n == wk.nat_div || n == wk.nat_mod {
            cost::div(an, bn).saturating_add(copies)
        } else if n == wk.nat_gcd {
            cost::gcd(an, bn).saturating_add(copies)
        } else if n == wk.nat_shift_left {
            match small(b) {
                Some(s) if s <= MAX_EXPONENT && a.bits() + s <= MAX_RESULT_BITS => {
                    copies + 2 * cost::words(a.bits() + s)
                }
                _ => return Ok(None),
            }
        } else if n == wk.nat_pow {
            let c = small(b)
                .filter(|p| *p <= MAX_EXPONENT)
                .and_then(|p| cost::pow(a.bits(), p, MAX_RESULT_BITS));
            match c {
                Some(c) => c.saturating_add(copies),
                None => return Ok(None),
            }
        } else {
            copies
        };
        self.meter.charge(1 + cost::extra_steps(word_ops))?;
        let bool_result = |st: &mut crate::store::TermStore, v: bool| {
            st.cnst(if v { wk.bool_true } else { wk.bool_false }, &[])
        };
        // Comparisons read the literals in place.
        if n == wk.nat_beq || n == wk.nat_ble {
            let v = if n == wk.nat_beq { a == b } else { a <= b };
            return Ok(Some(bool_result(self.st, v)));
        }
        let r = if n == wk.nat_add {
            a + b
        } else if n == wk.nat_sub {
            if a >= b { a - b } else { BigUint::ZERO }
        } else if n == wk.nat_mul {
            from_dashu(&(to_dashu(a) * to_dashu(b)))
        } else if n == wk.nat_div {
            if *b == zero {
                BigUint::ZERO
            } else {
                from_dashu(&(to_dashu(a) / to_dashu(b)))
            }
        } else if n == wk.nat_mod {
            if *b == zero {
                a.clone()
            } else {
                from_dashu(&(to_dashu(a) % to_dashu(b)))
            }
        } else if n == wk.nat_gcd {
            if *a == zero {
                b.clone()
            } else if *b == zero {
                a.clone()
            } else {
                from_dashu(&to_dashu(a).gcd(to_dashu(b)))
            }
        } else if n == wk.nat_land {
            a & b
        } else if n == wk.nat_lor {
            a | b
        } else if n == wk.nat_xor {
            a ^ b
        } else if n == wk.nat_shift_left {
            // In range: checked above.
            a << small(b).unwrap_or(0)
        } else if n == wk.nat_shift_right {
            match small(b) {
                Some(s) => a >> s,
                None => BigUint::ZERO,
            }
        } else {
            // `pow`, exponent checked above.
            let p = small(b).unwrap_or(0) as usize;
            from_dashu(&to_dashu(a).pow(p))
        };
        Ok(Some(self.st.nat_lit(r)))
    }
}

/// Longest decimal Nat literal accepted (parsing is subquadratic, by
/// divide and conquer, but a literal still costs memory).
pub const MAX_NAT_LITERAL_DIGITS: usize = 1_000_000;

/// Longest string literal the kernel expands to `String.ofList` (each
/// character becomes a few terms); longer ones stay literals.
const MAX_EXPANDED_STRING_CHARS: usize = 1 << 20;

/// Parses a decimal Nat literal.
pub fn parse_nat(s: &str) -> Result<BigUint, KernelError> {
    if s.len() > MAX_NAT_LITERAL_DIGITS {
        return Err(TypeRule::NatLiteralTooLong {
            digits: s.len(),
            limit: MAX_NAT_LITERAL_DIGITS,
        }
        .into());
    }
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TypeRule::InvalidNatLiteral(s.into()).into());
    }
    // `dashu-int` parses by divide and conquer (num-bigint's parser is
    // quadratic: 10^6 digits took seconds).
    s.parse::<UBig>()
        .map(|n| from_dashu(&n))
        .map_err(|_| TypeRule::InvalidNatLiteral(s.into()).into())
}

//! The arithmetic of the Nat literal extension: which operations it
//! computes, what each costs, and the result. One implementation, called by
//! the extension (`literal.rs`, on literals the checker meets) and by the
//! residual programs of staged predicates (`residual.rs`), so the two can
//! never disagree on a value.

use crate::literal_cost as cost;
use dashu_int::UBig;
use dashu_int::ops::{BitTest, Gcd};

/// Largest exponent / shift the extension computes (as Lean: 2^24).
pub(crate) const MAX_EXPONENT: u64 = 1 << 24;

/// Largest result (in bits) the extension builds. Fuel counts steps, not
/// bytes: without this bound a few squarings would exhaust memory. Beyond
/// it the operation is simply not accelerated (still sound).
pub(crate) const MAX_RESULT_BITS: u64 = 1 << 26;

pub(crate) fn small(n: &UBig) -> Option<u64> {
    u64::try_from(n).ok()
}

/// Bits of a literal (0 for zero).
pub(crate) fn bits(n: &UBig) -> u64 {
    n.bit_len() as u64
}

/// Words of a literal, for the cost model.
pub(crate) fn words(n: &UBig) -> u64 {
    cost::words(bits(n))
}

/// A binary `Nat` operation the extension computes on literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NatOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Gcd,
    Beq,
    Ble,
    Land,
    Lor,
    Xor,
    ShiftLeft,
    ShiftRight,
    Pow,
}

impl NatOp {
    /// Every operation, in the order [`NatOp::of`] names them.
    pub(crate) const ALL: [NatOp; 14] = [
        NatOp::Add,
        NatOp::Sub,
        NatOp::Mul,
        NatOp::Div,
        NatOp::Mod,
        NatOp::Gcd,
        NatOp::Beq,
        NatOp::Ble,
        NatOp::Land,
        NatOp::Lor,
        NatOp::Xor,
        NatOp::ShiftLeft,
        NatOp::ShiftRight,
        NatOp::Pow,
    ];

    /// The operation a constant names, if any. Asked of most applications
    /// of two arguments the checker reduces, so it compares plain names
    /// and only then picks the operation.
    #[inline]
    pub(crate) fn of(wk: &crate::env::WellKnown, n: crate::name::NameId) -> Option<NatOp> {
        let names = [
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
        names.iter().position(|&m| m == n).map(|i| NatOp::ALL[i])
    }

    /// The result on one-word operands when it fits 128 bits (`None`: use
    /// [`NatOp::on_big`]). Lean's conventions: truncated subtraction,
    /// `x / 0 = 0`, `x % 0 = x`, `gcd 0 y = y`. Not for comparisons.
    fn on_words(self, x: u64, y: u64) -> Option<u128> {
        let (xw, yw) = (u128::from(x), u128::from(y));
        Some(match self {
            NatOp::Add => xw + yw,
            NatOp::Sub => u128::from(x.saturating_sub(y)),
            NatOp::Mul => xw * yw,
            NatOp::Div => u128::from(x.checked_div(y).unwrap_or(0)),
            NatOp::Mod => u128::from(x.checked_rem(y).unwrap_or(x)),
            NatOp::Gcd => {
                let (mut p, mut q) = (x, y);
                while q != 0 {
                    (p, q) = (q, p % q);
                }
                u128::from(p)
            }
            NatOp::Land => u128::from(x & y),
            NatOp::Lor => u128::from(x | y),
            NatOp::Xor => u128::from(x ^ y),
            NatOp::ShiftLeft if y <= 64 => xw << y,
            NatOp::ShiftRight => u128::from(x.checked_shr(u32::try_from(y).ok()?).unwrap_or(0)),
            NatOp::Pow => xw.checked_pow(u32::try_from(y).ok()?)?,
            NatOp::ShiftLeft | NatOp::Beq | NatOp::Ble => return None,
        })
    }

    /// The result on any operands, in range (the caller checked shift and
    /// power sizes). Not for comparisons.
    fn on_big(self, a: &UBig, b: &UBig) -> UBig {
        let zero = UBig::ZERO;
        match self {
            NatOp::Add => a + b,
            NatOp::Sub => {
                if a >= b {
                    a - b
                } else {
                    zero
                }
            }
            NatOp::Mul => a * b,
            NatOp::Div if *b == zero => zero,
            NatOp::Div => a / b,
            NatOp::Mod if *b == zero => a.clone(),
            NatOp::Mod => a % b,
            NatOp::Gcd if *a == zero => b.clone(),
            NatOp::Gcd if *b == zero => a.clone(),
            NatOp::Gcd => a.gcd(b),
            NatOp::Land => a & b,
            NatOp::Lor => a | b,
            NatOp::Xor => a ^ b,
            // In range: checked by the caller.
            NatOp::ShiftLeft => a << small(b).unwrap_or(0) as usize,
            NatOp::ShiftRight => match small(b) {
                Some(s) => a >> s as usize,
                None => zero,
            },
            // Exponent checked by the caller.
            NatOp::Pow => a.pow(small(b).unwrap_or(0) as usize),
            NatOp::Beq | NatOp::Ble => zero,
        }
    }
}

/// What an operation yields: a number, or a `Bool` for comparisons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NatValue {
    Nat(UBig),
    Bool(bool),
}

impl NatOp {
    /// Whether the result is a `Bool` (`beq`, `ble`).
    pub(crate) fn returns_bool(self) -> bool {
        matches!(self, NatOp::Beq | NatOp::Ble)
    }

    /// The word operations the extension charges for `op a b`, or `None`
    /// where it does not compute it (a result past [`MAX_RESULT_BITS`], an
    /// exponent or shift past [`MAX_EXPONENT`]): the kernel then unfolds
    /// the definition instead.
    pub(crate) fn work(self, a: &UBig, b: &UBig) -> Option<u64> {
        let (an, bn) = (words(a), words(b));
        let copies = 2 * (an + bn);
        Some(match self {
            NatOp::Mul => {
                if bits(a) + bits(b) > MAX_RESULT_BITS {
                    return None;
                }
                cost::mul(an, bn).saturating_add(copies)
            }
            NatOp::Div | NatOp::Mod => cost::div(an, bn).saturating_add(copies),
            NatOp::Gcd => cost::gcd(an, bn).saturating_add(copies),
            NatOp::ShiftLeft => match small(b) {
                Some(s) if s <= MAX_EXPONENT && bits(a) + s <= MAX_RESULT_BITS => {
                    copies + 2 * cost::words(bits(a) + s)
                }
                _ => return None,
            },
            NatOp::Pow => small(b)
                .filter(|p| *p <= MAX_EXPONENT)
                .and_then(|p| cost::pow(bits(a), p, MAX_RESULT_BITS))?
                .saturating_add(copies),
            _ => copies,
        })
    }

    /// `op a b`, for operands [`NatOp::work`] accepted.
    pub(crate) fn compute(self, a: &UBig, b: &UBig) -> NatValue {
        match self {
            NatOp::Beq => NatValue::Bool(a == b),
            NatOp::Ble => NatValue::Bool(a <= b),
            // Operands of one word (the gate's counts) are computed in
            // machine words: the same value, without converting to and
            // from `dashu`.
            _ => NatValue::Nat(
                match (small(a), small(b)) {
                    (Some(x), Some(y)) => self.on_words(x, y).map(UBig::from),
                    _ => None,
                }
                .unwrap_or_else(|| self.on_big(a, b)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{NatOp, UBig};

    /// The word-sized fast path is an optimisation of `on_big`: the two
    /// agree on every operation, at the edges of a word and past them.
    #[test]
    fn word_operations_agree_with_big_ones() {
        let ops = NatOp::ALL.iter().filter(|op| !op.returns_bool());
        let values = [
            0,
            1,
            2,
            3,
            7,
            10,
            63,
            64,
            65,
            100,
            9_000,
            1 << 32,
            (1 << 32) + 1,
            u64::MAX / 3,
            u64::MAX - 1,
            u64::MAX,
        ];
        let mut fast = 0;
        for &op in ops {
            for &x in &values {
                for &y in &values {
                    let Some(w) = op.on_words(x, y) else {
                        continue;
                    };
                    fast += 1;
                    let big = op.on_big(&UBig::from(x), &UBig::from(y));
                    assert_eq!(UBig::from(w), big, "{op:?} {x} {y}");
                }
            }
        }
        // Every operation but large shifts and powers takes the fast path.
        assert!(fast > 12 * values.len() * values.len() / 2, "{fast}");
    }
}

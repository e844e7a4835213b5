//! What big-number arithmetic costs in fuel: each `Nat` operation on
//! literals is charged, before it runs, an upper bound of the word
//! operations its algorithm (`dashu-int`'s) performs on operands of these
//! sizes, so that the time of one step stays bounded by a constant
//! (measured in `BENCHMARKING.md`) however large the literals are.
//!
//! Sizes are in 64-bit words (`n` ≥ `m` the operand sizes, at least 1):
//!
//! | operation | word operations charged |
//! |---|---|
//! | `add`, `sub`, `land`, `lor`, `xor`, `beq`, `ble`, `succ`, `log2`, `shiftRight`, a predecessor | `n + m` |
//! | `shiftLeft a s` | `n + m + r` (`r` the result's words) |
//! | `mul` | `⌈n/m⌉ · 4·3^⌈log₂ m⌉ + n + m` (Karatsuba's bound, `≥ m^1.585`; Toom-3 and NTT are below it) |
//! | `div`, `mod` | `min((n−m+1)·m, mul(n−m+1, m)·(1+⌈log₂ m⌉)) + n + m` (schoolbook / Burnikel–Ziegler) |
//! | `gcd` | `div(n, m) + 4m² + n + m` (one division, then Lehmer: a linear pass per word of quotients) |
//! | `pow a p` | `mul(r, r) + (1+⌊log₂ p⌋)·mul(r, n) + r` with `r = ⌈bits(a)·p/64⌉`, from the operand sizes before computing |
//!
//! plus, for each, the copies of the operands and the interning of the
//! result (linear, included above). One step pays for
//! [`WORD_OPS_PER_STEP`] word operations; the first step of an operation is
//! its ordinary reduction step, so operations on literals below that size
//! cost exactly one step, as before. Everything is integer arithmetic
//! (saturating), so step counts are deterministic.

/// Word operations one fuel step pays for.
pub const WORD_OPS_PER_STEP: u64 = 256;

/// Words of a number of `bits` bits (at least 1: zero still costs a word).
pub fn words(bits: u64) -> u64 {
    bits.div_ceil(64).max(1)
}

/// `⌈log₂ m⌉` for `m ≥ 1`.
fn ceil_log2(m: u64) -> u32 {
    if m <= 1 {
        0
    } else {
        64 - (m - 1).leading_zeros()
    }
}

/// Karatsuba's bound on multiplying two `m`-word numbers: `4·3^⌈log₂ m⌉`
/// (the factor 4 is the schoolbook base case's, measured).
fn square_cost(m: u64) -> u64 {
    3u64.saturating_pow(ceil_log2(m)).saturating_mul(4)
}

/// Multiplying an `a`-word by a `b`-word number (unbalanced: `⌈n/m⌉`
/// balanced products).
pub fn mul(a: u64, b: u64) -> u64 {
    let (n, m) = (a.max(b).max(1), a.min(b).max(1));
    n.div_ceil(m).saturating_mul(square_cost(m))
}

/// Dividing an `n`-word by an `m`-word number.
pub fn div(n: u64, m: u64) -> u64 {
    let m = m.max(1);
    if n < m {
        return n.max(1);
    }
    let q = n - m + 1;
    let schoolbook = q.saturating_mul(m);
    let recursive = mul(q, m).saturating_mul(1 + u64::from(ceil_log2(m)));
    schoolbook.min(recursive)
}

/// `gcd` of an `a`-word and a `b`-word number.
pub fn gcd(a: u64, b: u64) -> u64 {
    let (n, m) = (a.max(b), a.min(b).max(1));
    div(n, m).saturating_add(m.saturating_mul(m).saturating_mul(4))
}

/// `a ^ p` for an `a`-word base of `a_bits` bits: `None` if the result
/// would exceed `max_bits` (the caller then does not compute it).
pub fn pow(a_bits: u64, p: u64, max_bits: u64) -> Option<u64> {
    let r_bits = a_bits.checked_mul(p).filter(|b| *b <= max_bits)?;
    let r = words(r_bits);
    let n = words(a_bits);
    let squarings = mul(r, r);
    let products = mul(r, n).saturating_mul(1 + u64::from(63 - p.max(1).leading_zeros()));
    Some(squarings.saturating_add(products).saturating_add(r))
}

/// Steps charged for `word_ops` word operations, beyond the operation's
/// ordinary step.
pub fn extra_steps(word_ops: u64) -> u64 {
    word_ops / WORD_OPS_PER_STEP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_operands_cost_no_extra_step() {
        assert_eq!(extra_steps(2 * words(64) + mul(1, 1)), 0);
        assert_eq!(extra_steps(gcd(2, 2) + 4), 0);
        assert_eq!(extra_steps(pow(2, 10, 1 << 26).unwrap()), 0);
    }

    #[test]
    fn karatsuba_bound_dominates_m_to_the_1_585() {
        for m in [1u64, 2, 3, 24, 25, 96, 97, 1000, 1 << 16, (1 << 20) + 1] {
            let bound = (m as f64).powf(3f64.log2());
            assert!(square_cost(m) as f64 >= bound * 0.999, "m = {m}");
        }
        assert_eq!(mul(10, 1), 40);
        assert_eq!(mul(1, 10), 40);
    }

    #[test]
    fn pow_is_refused_before_computing_past_the_cap() {
        assert!(pow(2, 1 << 24, 1 << 26).is_some());
        assert_eq!(pow(5, 1 << 24, 1 << 26), None);
        assert_eq!(pow(u64::MAX, u64::MAX, u64::MAX), None);
    }

    #[test]
    fn costs_grow_with_size_and_saturate() {
        assert!(mul(1 << 20, 1 << 20) > mul(1 << 19, 1 << 19));
        assert!(div(1 << 20, 1 << 10) > div(1 << 19, 1 << 10));
        assert!(gcd(1 << 16, 1 << 16) >= (1 << 32));
        assert_eq!(mul(u64::MAX, u64::MAX), u64::MAX);
    }
}

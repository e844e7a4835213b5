//! Exact comparison of two finite `f64` values as rationals, stated over Nat.
//!
//! A finite double is `(-1)^s · m · 2^e` with `m < 2^53` and
//! `-1074 <= e <= 971`. Writing both values over the common exponent
//! `e0 = min(e_c, e_m)` makes them integers `m · 2^(e - e0)`; the kernel
//! multiplies mantissa by scale (`Nat.mul`) and compares
//! `m⁺ + c⁻ <= c⁺ + m⁻`, where `x⁺`/`x⁻` are the positive and negative
//! parts. Nothing is rounded: `c >= m` holds of the rationals exactly when
//! the kernel's comparison does. `-0.0` and `0.0` are both zero.

use proofgate_kernel::UBig;
use proofgate_kernel::{ExprId, TermStore};

/// `(negative, mantissa, exponent)` of a finite double.
pub fn decompose(x: f64) -> (bool, u64, i32) {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (negative, frac, -1074)
    } else {
        (negative, frac | (1u64 << 52), exp - 1075)
    }
}

/// The four arguments of `Proofgate.Coherence.atLeast` for `c >= min`
/// (both finite): `c⁺ c⁻ m⁺ m⁻`, each `Nat.mul mantissa scale` or `0`.
pub(crate) fn comparison_args(
    st: &mut TermStore,
    nat_mul: ExprId,
    c: f64,
    min: f64,
) -> [ExprId; 4] {
    let (cn, cm, ce) = decompose(c);
    let (mn, mm, me) = decompose(min);
    let e0 = ce.min(me);
    let zero = st.nat_lit(UBig::ZERO);
    let mut scaled = |m: u64, e: i32| {
        let shift = u32::try_from(e - e0).unwrap_or(0);
        let m = st.nat_lit(UBig::from(m));
        let s = st.nat_lit(UBig::from(1u32) << shift as usize);
        st.apps(nat_mul, &[m, s])
    };
    let c_val = scaled(cm, ce);
    let m_val = scaled(mm, me);
    let split = |neg: bool, v: ExprId| if neg { (zero, v) } else { (v, zero) };
    let (c_pos, c_neg) = split(cn, c_val);
    let (m_pos, m_neg) = split(mn, m_val);
    [c_pos, c_neg, m_pos, m_neg]
}

#[cfg(test)]
mod tests {
    use super::decompose;

    #[test]
    fn decomposition_is_exact() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -2.5,
            0.1,
            f64::MIN_POSITIVE,
            5e-324,
            f64::MAX,
            -f64::MAX,
        ] {
            let (neg, m, e) = decompose(x);
            // Two factors: 2^-1074 alone underflows, its halves do not.
            let v = (m as f64) * 2f64.powi(e / 2) * 2f64.powi(e - e / 2);
            assert_eq!(if neg { -v } else { v }, x, "{x}");
        }
    }
}

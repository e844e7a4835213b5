//! The part of Lean's `Init.Prelude` the gate needs (`Nat`, `Bool`, `Eq`,
//! `And`, `True`, `False`, `Not`, `Decidable`, `Nat.le`, `LE`, `instLENat`,
//! `Nat.ble`, `Nat.beq`, `Nat.add`, `Nat.mul`, `Nat.decEq`, `Nat.decLe` and
//! their dependencies), identical to Lean's and written in the term syntax
//! of [`crate::term`], so that each declaration is checked by the kernel
//! rather than trusted: a mistake is a kernel rejection, not a wrong verdict.

mod core;
mod dec_eq;
mod dec_le;

use crate::term::SourceDecl;

/// Lean's declarations, in an order where each depends only on earlier ones
/// (every name here is Lean's own).
pub fn lean_declarations() -> Vec<SourceDecl> {
    let mut all = core::declarations();
    all.extend(dec_eq::declarations());
    all.extend(dec_le::declarations());
    all
}

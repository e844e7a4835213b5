//! The gate's own definitions, under the `Proofgate` namespace: the exact
//! comparison of coherence values and the built-in invariants (the barrier's
//! policies come with the barrier crate's `gate` feature). Each is a `Bool`-valued
//! definition the kernel evaluates when it checks `f args = true`.

use crate::term::decl::{Hints, SourceDecl, def};

/// `(name, type, value)` of every gate definition, after the Lean prelude.
pub fn gate_declarations() -> Vec<SourceDecl> {
    let def = |name: &str, ty: &str, value: &str| def(&[], name, ty, value, Hints::Regular(3));
    vec![
        // `c >= m` for signed values split into positive and negative parts
        // (each a scaled mantissa): `m⁺ + c⁻ <= c⁺ + m⁻`.
        def(
            "Proofgate.Coherence.atLeast",
            "Nat -> Nat -> Nat -> Nat -> Bool",
            "fun (cPos : Nat) (cNeg : Nat) (mPos : Nat) (mNeg : Nat) => Nat.ble (Nat.add mPos cNeg) (Nat.add cPos mNeg)",
        ),
        // Invariant 0: a collection's length stays within its capacity.
        def(
            "Proofgate.Invariant.withinCapacity",
            "Nat -> Nat -> Bool",
            "fun (len : Nat) (cap : Nat) => Nat.ble len cap",
        ),
        // Invariant 1: a simple graph with `nodes` vertices has at most
        // `nodes²/2` edges.
        def(
            "Proofgate.Invariant.edgeBound",
            "Nat -> Nat -> Bool",
            "fun (nodes : Nat) (edges : Nat) => Nat.ble (Nat.mul 2 edges) (Nat.mul nodes nodes)",
        ),
    ]
}

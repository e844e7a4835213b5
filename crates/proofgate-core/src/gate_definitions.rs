//! The gate's own definitions, under the `Proofgate` namespace: the barrier
//! policies (mirroring `lean/` and the Rust engine), the exact comparison of
//! coherence values, and the built-in invariants. Each is a `Bool`-valued
//! definition the kernel evaluates when it checks `f args = true`.

use crate::term::decl::{Hints, SourceDecl, def};

/// `(name, type, value)` of every gate definition, after the Lean prelude.
pub fn gate_declarations() -> Vec<SourceDecl> {
    let def = |name: &str, ty: &str, value: &str| def(&[], name, ty, value, Hints::Regular(3));
    vec![
        // Lean `Policy.holds` for each policy, on the counts the gate sees.
        def(
            "Proofgate.Barrier.strictAll",
            "Nat -> Nat -> Bool",
            "fun (hosts : Nat) (ready : Nat) => Nat.beq ready hosts",
        ),
        def(
            "Proofgate.Barrier.atLeast",
            "Nat -> Nat -> Bool",
            "fun (t : Nat) (ready : Nat) => Nat.ble t ready",
        ),
        def(
            "Proofgate.Barrier.percent",
            "Nat -> Nat -> Nat -> Bool",
            "fun (p : Nat) (hosts : Nat) (ready : Nat) => Nat.ble (Nat.mul p hosts) (Nat.mul 100 ready)",
        ),
        def(
            "Proofgate.Barrier.maxFailures",
            "Nat -> Nat -> Bool",
            "fun (k : Nat) (failed : Nat) => Nat.ble failed k",
        ),
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

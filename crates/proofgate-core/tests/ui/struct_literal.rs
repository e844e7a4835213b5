use proofgate_core::{ProofGate, ProofRequirement};

fn main() {
    // Forging a gate (and its receipt slot) is not possible outside the crate.
    let _gate: ProofGate<u64> = ProofGate {
        inner: 3,
        requirement: ProofRequirement::DimensionMatch { expected: 4 },
        receipt: Default::default(),
    };
}

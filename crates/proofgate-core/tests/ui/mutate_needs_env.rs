use proofgate_core::{GateSubject, ProofGate, ProofRequirement};

struct V(u64);
impl GateSubject for V {}

fn main() {
    let mut gate = ProofGate::new(V(1), ProofRequirement::Composite(vec![]));
    // There is no unchecked mutation.
    gate.inner = V(2);
    let _ = gate.into_inner();
}

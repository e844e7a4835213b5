use proofgate_core::{GateSubject, ProofGate, ProofRequirement};

struct V(Vec<u8>);
impl GateSubject for V {}

fn main() {
    let gate = ProofGate::new(V(vec![1, 2]), ProofRequirement::Composite(vec![]));
    // No Deref, AsRef or Borrow: the value is not reachable through the gate.
    let _v: &V = &*gate;
}

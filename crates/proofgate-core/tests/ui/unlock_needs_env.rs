use proofgate_core::{GateSubject, ProofGate, ProofRequirement};

struct V;
impl GateSubject for V {}

fn main() {
    let gate = ProofGate::new(V, ProofRequirement::Composite(vec![]));
    // Unlocking needs the environment the kernel checks the proof in.
    let _v = gate.unlock();
}

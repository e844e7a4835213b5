use proofgate_core::{GateSubject, ProofGate, ProofRequirement};

struct V(u64);
impl GateSubject for V {
    fn dimension(&self) -> Option<u64> {
        Some(self.0)
    }
}

fn main() {
    let gate = ProofGate::new(V(3), ProofRequirement::DimensionMatch { expected: 4 });
    let _peek = gate.inner.0;
}

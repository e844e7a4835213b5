//! The barrier's converge authority backed by the gate: every Converge the
//! barrier engine decides must first pass a [`ProofGate`] whose requirement
//! is the run's policy, proved by the kernel on the current evidence.

use crate::attestation::ProofAttestation;
use crate::environment::ProofEnvironment;
use crate::gate::ProofGate;
use crate::requirement::ProofRequirement;
use proofgate_barrier::controller::ConvergeAuthority;
use proofgate_barrier::{Evidence, Policy};

/// A [`ConvergeAuthority`] that asks the kernel, and hands every issued
/// attestation to a sink (for example the ledger).
pub struct GatedAuthority<'a> {
    env: ProofEnvironment,
    sink: Option<Box<dyn FnMut(ProofAttestation) -> Result<(), String> + 'a>>,
    converges: u64,
}

impl<'a> GatedAuthority<'a> {
    /// An authority checking in `env`.
    pub fn new(env: ProofEnvironment) -> Self {
        GatedAuthority {
            env,
            sink: None,
            converges: 0,
        }
    }

    /// Sends every attestation to `sink`; a sink error refuses the Converge.
    pub fn with_sink(
        mut self,
        sink: impl FnMut(ProofAttestation) -> Result<(), String> + 'a,
    ) -> Self {
        self.sink = Some(Box::new(sink));
        self
    }

    /// The environment (tier counts, cache statistics).
    pub fn env(&self) -> &ProofEnvironment {
        &self.env
    }

    /// Converges authorised.
    pub fn converges(&self) -> u64 {
        self.converges
    }
}

impl ConvergeAuthority for GatedAuthority<'_> {
    fn authorise(&mut self, policy: &Policy, evidence: &Evidence) -> Result<(), String> {
        let gate = ProofGate::new(*evidence, ProofRequirement::Policy(policy.clone()));
        let (_, attestation) = gate.into_inner(&mut self.env).map_err(|e| e.to_string())?;
        if let Some(sink) = &mut self.sink {
            sink(attestation)?;
        }
        self.converges += 1;
        Ok(())
    }
}

//! The barrier's converge authority backed by the gate: every Converge the
//! barrier engine decides must first pass a [`ProofGate`] whose requirement
//! is the run's policy, proved by the kernel on the current evidence.

use crate::environment::{ProofEnvironment, Proved};
use crate::gate::ProofGate;
use crate::requirement::ProofRequirement;
use proofgate_barrier::controller::ConvergeAuthority;
use proofgate_barrier::{Evidence, Policy};

/// Receives every accepted proof; an error refuses the Converge.
pub type ProvedSink<'a> = dyn FnMut(&Proved) -> Result<(), String> + 'a;

/// A [`ConvergeAuthority`] that asks the kernel, and hands every accepted
/// proof (tier and attestation) to a sink (for example the ledger).
pub struct GatedAuthority<'a> {
    env: ProofEnvironment,
    sink: Option<Box<ProvedSink<'a>>>,
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

    /// Sends every accepted proof to `sink`; a sink error refuses the Converge.
    pub fn with_sink(mut self, sink: impl FnMut(&Proved) -> Result<(), String> + 'a) -> Self {
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
        let (_, proved) = gate.into_proved(&mut self.env).map_err(|e| e.to_string())?;
        if let Some(sink) = &mut self.sink {
            sink(&proved)?;
        }
        self.converges += 1;
        Ok(())
    }
}

//! Barrier policies as gate requirements in the tests, through the barrier's
//! bridge: the same registration the barrier's `GatedAuthority` uses.
#![allow(dead_code)]

use proofgate_barrier::Policy;
use proofgate_barrier::proof_gate::{PolicyForm, PolicyInvariants};
use proofgate_core::{ProofEnvironment, ProofRequirement};

/// An environment with the policies it has registered so far.
pub struct PolicyEnv {
    pub env: ProofEnvironment,
    policies: PolicyInvariants,
}

impl PolicyEnv {
    pub fn new(env: ProofEnvironment) -> Self {
        PolicyEnv {
            env,
            policies: PolicyInvariants::new(),
        }
    }

    /// `policy` in its `Bool` form.
    pub fn policy(&mut self, policy: &Policy) -> ProofRequirement {
        self.policies
            .requirement(&mut self.env, policy, PolicyForm::Bool)
            .expect("policy registers")
    }

    /// `policy` in its `decide` form.
    pub fn decided(&mut self, policy: &Policy) -> ProofRequirement {
        self.policies
            .requirement(&mut self.env, policy, PolicyForm::Decide)
            .expect("policy registers")
    }
}

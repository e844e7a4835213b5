//! `ProofGate<T>`: a value reachable only through a kernel-checked proof.
//!
//! The value is a private field and no method hands it out without first
//! proving the gate's requirement in a [`ProofEnvironment`]: there is no
//! `Deref`, no `AsRef`, no `get_unchecked`. Changing the value goes through
//! [`ProofGate::mutate`], which proves the requirement of the *new* value
//! before it replaces the old one: no proof, no mutation.

use crate::attestation::ProofAttestation;
use crate::environment::{ProofEnvironment, Proved};
use crate::error::GateError;
use crate::ledger::Approval;
use crate::receipt::ProofReceipt;
use crate::requirement::{GateSubject, ProofRequirement};
use std::cell::Cell;

/// A value gated behind a machine-checked proof of `requirement`.
///
/// Threads: `ProofGate<T>` is `Send` when `T` is, and not `Sync` (it
/// remembers its last receipt in a `Cell`); moving a gate to another
/// thread is fine, sharing one by reference is not. Its checks borrow the
/// [`ProofEnvironment`] mutably (see there).
pub struct ProofGate<T> {
    inner: T,
    requirement: ProofRequirement,
    receipt: Cell<Option<ProofReceipt>>,
}

impl<T: GateSubject> ProofGate<T> {
    /// Gates `value` behind `requirement` (nothing is checked yet).
    pub fn new(value: T, requirement: ProofRequirement) -> Self {
        ProofGate {
            inner: value,
            requirement,
            receipt: Cell::new(None),
        }
    }

    /// The requirement.
    pub fn requirement(&self) -> &ProofRequirement {
        &self.requirement
    }

    /// Proves the requirement of the current value and returns it.
    pub fn unlock(&self, env: &mut ProofEnvironment) -> Result<&T, GateError> {
        let receipt = env.prove_receipt(&self.requirement, &self.inner)?;
        self.receipt.set(Some(receipt));
        Ok(&self.inner)
    }

    /// Proves the requirement and gives up the gate: the value and the
    /// attestation of its proof.
    pub fn into_inner(
        self,
        env: &mut ProofEnvironment,
    ) -> Result<(T, ProofAttestation), GateError> {
        self.into_proved(env).map(|(v, p)| (v, p.attestation))
    }

    /// [`Self::into_inner`], also saying which tier accepted the proof and
    /// whether the cache answered.
    pub fn into_proved(self, env: &mut ProofEnvironment) -> Result<(T, Proved), GateError> {
        let proved = env.prove(&self.requirement, &self.inner)?;
        Ok((self.inner, proved))
    }

    /// Whether a proof has been accepted for the current value.
    pub fn is_satisfied(&self) -> bool {
        self.receipt.get().is_some()
    }

    /// The receipt of the last accepted proof for the current value.
    pub fn receipt(&self) -> Option<ProofReceipt> {
        self.receipt.get()
    }

    /// The 82-byte attestation of the last accepted proof for the current
    /// value, assembled by `env` (the environment that proved it) from the
    /// receipt. `None` if no proof was accepted yet;
    /// [`GateError::ForeignReceipt`] for another environment.
    pub fn attestation(
        &self,
        env: &ProofEnvironment,
    ) -> Result<Option<ProofAttestation>, GateError> {
        self.receipt.get().map(|r| env.attestation(&r)).transpose()
    }

    /// Computes a new value from the current one and installs it only if the
    /// kernel accepts the requirement's proof for the new value (or the
    /// proof cache holds the kernel's earlier acceptance of that same
    /// obligation). On rejection the gate keeps the old value and the error
    /// says why. The receipt's attestation is built on request
    /// ([`ProofEnvironment::attestation`]).
    #[inline]
    pub fn mutate(
        &mut self,
        env: &mut ProofEnvironment,
        f: impl FnOnce(&T) -> T,
    ) -> Result<ProofReceipt, GateError> {
        let (candidate, receipt) = self.propose(env, f)?;
        Ok(self.install(candidate, receipt))
    }

    /// [`Self::mutate`] for a mutation that will be logged: returns the
    /// [`Approval`] to append to a ledger — the attestation, the new value's
    /// [`GateSubject::subject_digest`] and the time of approval (read here,
    /// once the proof is accepted, so that two mutations the proof cache
    /// answered alike still differ in when they happened). The clock read
    /// and the attestation's assembly are what this costs beyond `mutate`.
    pub fn mutate_approved(
        &mut self,
        env: &mut ProofEnvironment,
        f: impl FnOnce(&T) -> T,
    ) -> Result<Approval, GateError> {
        let (candidate, receipt) = self.propose(env, f)?;
        let approval = Approval::now(env.attestation(&receipt)?, candidate.subject_digest());
        self.install(candidate, receipt);
        Ok(approval)
    }

    /// The new value and the receipt of its proof; nothing installed yet.
    #[inline]
    fn propose(
        &self,
        env: &mut ProofEnvironment,
        f: impl FnOnce(&T) -> T,
    ) -> Result<(T, ProofReceipt), GateError> {
        let candidate = f(&self.inner);
        let receipt = env.prove_receipt(&self.requirement, &candidate)?;
        Ok((candidate, receipt))
    }

    #[inline]
    fn install(&mut self, value: T, receipt: ProofReceipt) -> ProofReceipt {
        self.inner = value;
        self.receipt.set(Some(receipt));
        receipt
    }
}

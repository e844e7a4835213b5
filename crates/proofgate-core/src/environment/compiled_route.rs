//! The compiled route as the environment runs it: staging an invariant
//! when it is registered, answering an acceptance with the kernel route's
//! receipt, and the audit. The residuals and recipes themselves:
//! `compiled.rs`.

use super::ProofEnvironment;
use super::compiled::{CompiledInvariant, FixedParts, Part};
use super::receipts::{Accepted, Route};
use crate::error::GateError;
use crate::ledger::approval::now_ns;
use crate::receipt::ProofReceipt;
use crate::requirement::{GateSubject, ProofRequirement};

impl ProofEnvironment {
    /// Whether invariant `id` is answered by the compiled route: `Ok(())`
    /// if so, else why it keeps the kernel route (the stager's reason).
    pub fn compiled_route(&self, id: u32) -> Result<(), String> {
        if self.compiled.get(id).is_some() {
            return Ok(());
        }
        Err(self
            .compiled
            .reason(id)
            .unwrap_or("not a registered invariant")
            .to_owned())
    }

    /// What invariant `id`'s residual program says of `args` alone (the
    /// compiled route's verdict before any kernel check): `None` if it is
    /// not compiled or cannot evaluate these numbers. For differential
    /// tests against the kernel's verdict.
    pub fn compiled_verdict(&self, id: u32, args: &[u64]) -> Option<bool> {
        self.compiled.get(id)?.residual.eval(args).0
    }

    pub(super) fn compile_invariant(&mut self, id: u32) -> Result<(), GateError> {
        let Some((head, arity)) = self.verifier.invariant_head(id) else {
            return Err(GateError::UnknownInvariant(id));
        };
        let residual = match self.verifier.stage(head, arity) {
            Ok(r) => r,
            Err(reason) => {
                self.compiled.refuse(id, reason);
                return Ok(());
            }
        };
        let [
            eq_bool,
            bool_true,
            refl_true,
            and,
            and_intro,
            true_,
            true_intro,
        ] = self.verifier.fixed_terms();
        let st = self.verifier.store();
        let book = &mut self.book;
        let mut part = |e| Part {
            digest: book.digest(st, e),
            depth: st.depth(e),
        };
        let fixed = FixedParts {
            eq_bool: part(eq_bool),
            bool_true: part(bool_true),
            refl_true: part(refl_true),
            and: part(and),
            and_intro: part(and_intro),
            true_: part(true_),
            true_intro: part(true_intro),
        };
        let head = part(head);
        self.compiled
            .insert(id, CompiledInvariant { residual, head }, fixed);
        Ok(())
    }

    /// An acceptance by the compiled route: the receipt the kernel route
    /// would give (see `environment/compiled.rs`), audited by the kernel
    /// every `audit_every`-th time. `key` is `[epoch, recipe…]`.
    #[inline(never)]
    pub(super) fn compiled_accept(
        &mut self,
        key: &[u64],
        depth: u32,
        steps: u32,
        requirement: &ProofRequirement,
        subject: &dyn GateSubject,
    ) -> Result<ProofReceipt, GateError> {
        self.compiled.accepted += 1;
        let every = self.config().audit_every;
        if every > 0 && self.compiled.accepted.is_multiple_of(every) {
            self.audit(requirement, subject)?;
        }
        // A value accepted before (its record still kept) is a cache hit,
        // as on the kernel route: the same record, the same hit rate.
        let hash = match self.book.compiled_record(key) {
            Ok(record) => return Ok(self.hit(record)),
            Err(hash) => hash,
        };
        self.cache.record_miss();
        let seq = self.lookups();
        self.book.miss(seq);
        let accepted = Accepted {
            checked_at_ns: now_ns(),
            steps,
            proof: u32::MAX,
            tier: crate::tier::route_by_depth(depth, self.config()),
            route: Route::Compiled,
        };
        let record = self.book.push_compiled(key, hash, accepted, seq)?;
        self.counts.compiled += 1;
        Ok(self.receipt(record, false))
    }

    /// The kernel's verdict on a value the compiled route accepted; a
    /// refusal is a [`GateError::CompiledDisagreement`].
    fn audit(
        &mut self,
        requirement: &ProofRequirement,
        subject: &dyn GateSubject,
    ) -> Result<(), GateError> {
        let ob = self.verifier.build(requirement, subject)?;
        match self.verifier.verify(&ob) {
            Ok(_) => Ok(()),
            // No tier decided within its budget: not a verdict, so nothing
            // to disagree with (the compiled route spends no fuel).
            Err(f) if !f.decided() => Ok(()),
            Err(f) => Err(GateError::CompiledDisagreement {
                requirement: requirement.to_string(),
                compiled: true,
                detail: format!(
                    "the kernel refused a value the residual program accepted: {}",
                    f.reason
                ),
            }),
        }
    }
}

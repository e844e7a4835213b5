//! `ProofEnvironment`: the kernel environment the gate checks obligations
//! in. A thin front over three owners, each unit-tested on its own:
//! - `verifier.rs`: kernel, statement terms, registries, tiers (obligation in,
//!   typed verdict out);
//! - `memo.rs`: remembered obligations of the hot paths and the literal fast
//!   path, with their hit accounting;
//! - `receipts.rs`: environment-hash epochs, proof hashes, the records
//!   receipts point at (bounded: the oldest are evicted), attestations;
//! - `compiled.rs`: staged invariants' residuals and the recipes of their
//!   obligations; `compiled_route.rs` runs that route for the environment.
//!
//! The proof cache ([`crate::cache`]) sits between them: a proof is
//! checked once per (proposition, proof) and answered from the cache after.

mod compiled;
mod compiled_route;
mod memo;
mod receipts;
mod verifier;

pub use receipts::{DEFAULT_RECEIPT_RECORDS, Route, VERIFIER_VERSION};

use crate::attestation::ProofAttestation;
use crate::cache::{CachedProof, ProofCache};
use crate::custom::CustomStatement;
use crate::error::{GateError, ProofGateRejected};
use crate::gate_definitions::gate_declarations;
use crate::invariant::{EDGE_BOUND, WITHIN_CAPACITY};
use crate::lean_prelude::lean_declarations;
use crate::ledger::approval::now_ns;
use crate::obligation::Obligation;
use crate::receipt::ProofReceipt;
use crate::requirement::{GateSubject, ProofRequirement};
use crate::term::SourceDecl;
use crate::tier::{Attempt, ProofTier, TierConfig, TierFailure, Verdict};
use compiled::{CompiledInvariants, Eval};
use memo::{MemoKey, ObligationMemo, literal_key};
use proofgate_kernel::{Declaration, ExportReader, Kernel, TermStore};
use receipts::{Accepted, ReceiptBook};
use std::io::BufRead;
use std::path::Path;
use verifier::Verifier;

/// What the gate concluded about one obligation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Proved {
    /// The tier that accepted it (the original tier on a cache hit).
    pub tier: ProofTier,
    /// Whether the cache answered.
    pub cached: bool,
    /// Which route accepted it (the original route on a cache hit).
    pub route: Route,
    /// The attestation issued.
    pub attestation: ProofAttestation,
}

/// What the gate's checks concluded: acceptances per tier and by the
/// cache, and refusals (a proof the kernel rejected, or one no tier could
/// decide within its budget). Refusals are not cached: each is counted
/// every time it is asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TierCounts {
    /// Accepted by Reflex.
    pub reflex: u64,
    /// Accepted by Standard.
    pub standard: u64,
    /// Accepted by Deep.
    pub deep: u64,
    /// Accepted by the compiled route (a registered invariant's residual
    /// program; counted here instead of under its tier).
    pub compiled: u64,
    /// Answered by the cache.
    pub cached: u64,
    /// Refused: the kernel rejected the proof (a decided verdict).
    pub rejected: u64,
    /// Refused: no tier decided within its budget (a limit, not a verdict).
    pub undecided: u64,
}

/// The kernel environment of a gate.
///
/// Threads: `ProofEnvironment` is `Send` but not `Sync`. Every check
/// mutates it (the kernel's scratch region and caches, the proof cache,
/// the receipt book), so every method that checks takes `&mut self`: one
/// thread at a time. To gate from several threads, put it behind a `Mutex`,
/// or give each thread its own environment built from the same exports
/// (equal declarations give the same environment hash, so their
/// attestations agree).
pub struct ProofEnvironment {
    verifier: Verifier,
    compiled: CompiledInvariants,
    /// The compiled route's recipe buffer (reused: no allocation per value).
    recipe: Vec<u64>,
    memo: ObligationMemo,
    book: ReceiptBook,
    cache: ProofCache,
    counts: TierCounts,
    declarations: usize,
}

impl ProofEnvironment {
    /// The built-in prelude (Lean's definitions the gate needs, checked by
    /// the kernel) and the gate's own definitions.
    pub fn new() -> Result<Self, GateError> {
        let mut env = Self::empty();
        for d in lean_declarations() {
            env.declare(&d)?;
        }
        env.finish_setup()?;
        Ok(env)
    }

    /// An environment read from a Lean export (for example Lean's own
    /// `Init.Prelude`, or a development exported with lean4export), every
    /// declaration checked by the kernel. The gate's `Proofgate.*`
    /// definitions are added on top unless the export already declares them.
    pub fn from_export<R: BufRead>(input: R) -> Result<Self, GateError> {
        let mut env = Self::empty();
        let mut reader = ExportReader::new(input);
        while let Some(decl) = reader.next_declaration(env.verifier.store_mut()) {
            env.add_declaration(&decl?)?;
        }
        env.finish_setup()?;
        Ok(env)
    }

    /// [`Self::from_export`] on a file.
    pub fn from_export_path(path: impl AsRef<Path>) -> Result<Self, GateError> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| GateError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_export(std::io::BufReader::new(file))
    }

    fn empty() -> Self {
        ProofEnvironment {
            verifier: Verifier::new(),
            compiled: CompiledInvariants::default(),
            recipe: Vec::new(),
            memo: ObligationMemo::default(),
            book: ReceiptBook::default(),
            cache: ProofCache::default(),
            counts: TierCounts::default(),
            declarations: 0,
        }
    }

    fn finish_setup(&mut self) -> Result<(), GateError> {
        for d in gate_declarations() {
            let name = self.verifier.store_mut().names.dotted(d.name());
            if !self.verifier.kernel().env().contains(name) {
                self.declare(&d)?;
            }
        }
        for needed in [
            "Nat", "Bool", "Eq", "And", "True", "Nat.ble", "Nat.beq", "Nat.mul",
        ] {
            let n = self.verifier.store_mut().names.dotted(needed);
            if !self.verifier.kernel().env().contains(n) {
                return Err(GateError::MissingConstant(needed.to_owned()));
            }
        }
        self.register_invariant(WITHIN_CAPACITY, "Proofgate.Invariant.withinCapacity", 2)?;
        self.register_invariant(EDGE_BOUND, "Proofgate.Invariant.edgeBound", 2)?;
        Ok(())
    }

    /// Checks a prelude-style declaration (source text) and adds it.
    pub fn declare(&mut self, decl: &SourceDecl) -> Result<(), GateError> {
        let d = decl.to_declaration(self.verifier.store_mut())?;
        self.add_declaration(&d)
    }

    /// Checks a declaration and adds it; the environment hash changes.
    pub fn add_declaration(&mut self, decl: &Declaration) -> Result<(), GateError> {
        self.verifier.declare(decl)?;
        self.book.declare(self.verifier.store(), decl);
        // The fast path's record names the previous epoch's environment hash.
        self.memo.new_epoch();
        self.declarations += 1;
        Ok(())
    }

    /// Registers invariant `id`: `name` must be a declared definition of
    /// type `Nat -> ... -> Bool` taking `arity` arguments (declare it first
    /// with [`Self::declare`]; the kernel checks the type of every use).
    /// The kernel stages it at once (`environment/compiled.rs`): values are
    /// then answered by its residual program where it has one
    /// ([`Self::compiled_route`] says).
    pub fn register_invariant(
        &mut self,
        id: u32,
        name: &str,
        arity: usize,
    ) -> Result<(), GateError> {
        self.verifier.register_invariant(id, name, arity)?;
        self.compile_invariant(id)
    }

    /// Says what invariant `id` states, in words a refusal can use ("at
    /// least 90% of the hosts ready"); [`GateError::UnknownInvariant`] if it
    /// is not registered.
    pub fn describe_invariant(
        &mut self,
        id: u32,
        description: impl Into<String>,
    ) -> Result<(), GateError> {
        self.verifier.describe_invariant(id, description.into())
    }

    /// Registers a custom statement under `id`: [`ProofRequirement::CustomProof`]
    /// requirements then ask values for a proof of it (see [`crate::custom`]).
    pub fn register_statement(
        &mut self,
        id: u32,
        statement: &CustomStatement,
    ) -> Result<(), GateError> {
        self.verifier.register_statement(id, statement)
    }

    /// Replaces the axioms custom proofs may depend on (default
    /// [`crate::judge::DEFAULT_ALLOWED_AXIOMS`]; each must also be declared
    /// in this environment).
    pub fn set_allowed_axioms(&mut self, axioms: &[&str]) {
        self.verifier.set_allowed_axioms(axioms);
    }

    /// The tier budgets.
    pub fn config(&self) -> &TierConfig {
        self.verifier.config()
    }

    /// Replaces the tier budgets.
    pub fn set_config(&mut self, config: TierConfig) {
        self.verifier.set_config(config);
        self.book.set_max_records(config.receipt_records);
    }

    /// The kernel (read-only: declarations go through this environment so
    /// the environment hash stays right).
    pub fn kernel(&self) -> &Kernel {
        self.verifier.kernel()
    }

    /// The term store, for building terms.
    pub fn store_mut(&mut self) -> &mut TermStore {
        self.verifier.store_mut()
    }

    /// The term store.
    pub fn store(&self) -> &TermStore {
        self.verifier.store()
    }

    /// Number of declarations added.
    pub fn declaration_count(&self) -> usize {
        self.declarations
    }

    /// blake3 over the canonical encoding of every declaration, in the
    /// order added (computed once per change of the environment).
    pub fn environment_hash(&mut self) -> [u8; 32] {
        self.book.environment_hash()
    }

    /// The ledger epoch configuration of this environment as it is now: its
    /// environment hash, verifier version and tier budgets (saturated to
    /// `u32`). Pass it to the ledger's `enter_epoch` before logging: a new
    /// epoch is sealed whenever declarations, registered invariants or
    /// statements, the verifier or the budgets changed, and an epoch that
    /// names an environment takes only attestations issued under it.
    pub fn epoch_config(&mut self) -> crate::ledger::EpochConfig {
        let fuel = |f: u64| u32::try_from(f).unwrap_or(u32::MAX);
        let config = *self.config();
        crate::ledger::EpochConfig {
            environment_hash: self.environment_hash(),
            verifier_version: crate::VERIFIER_VERSION,
            standard_fuel: fuel(config.standard_fuel),
            deep_fuel: fuel(config.deep_fuel),
        }
    }

    /// The proof cache.
    pub fn cache(&self) -> &ProofCache {
        &self.cache
    }

    /// How many obligations each tier accepted.
    pub fn tier_counts(&self) -> TierCounts {
        self.counts
    }

    /// The obligation `requirement` states about `subject`.
    pub fn obligation(
        &mut self,
        requirement: &ProofRequirement,
        subject: &dyn GateSubject,
    ) -> Result<Obligation, GateError> {
        // Literal equalities and policies are the hot paths (mutation gates,
        // the barrier): remember their obligations instead of interning the
        // same terms again.
        let key = MemoKey::of(requirement, subject);
        if let Some(key) = &key
            && let Some(ob) = self.memo.obligation(key)
        {
            return Ok(ob);
        }
        let ob = self.verifier.build(requirement, subject)?;
        if let Some(key) = key {
            self.memo.remember(key, ob);
        }
        Ok(ob)
    }

    /// An obligation from explicit terms (shape read from the store).
    pub fn obligation_from_terms(
        &self,
        prop: proofgate_kernel::ExprId,
        proof: proofgate_kernel::ExprId,
    ) -> Obligation {
        self.verifier.obligation_from_terms(prop, proof)
    }

    /// Builds and checks the obligation of `requirement` for `subject`.
    pub fn prove(
        &mut self,
        requirement: &ProofRequirement,
        subject: &dyn GateSubject,
    ) -> Result<Proved, GateError> {
        let r = self.prove_receipt(requirement, subject)?;
        self.proved(&r)
    }

    /// [`Self::prove`] without assembling the attestation: the receipt
    /// holds what it needs, and [`Self::attestation`] builds it on request.
    /// A repeated literal or invariant obligation is answered from the memo
    /// (a real hit of the proof the kernel accepted for it).
    #[inline]
    pub fn prove_receipt<S: GateSubject + ?Sized>(
        &mut self,
        requirement: &ProofRequirement,
        subject: &S,
    ) -> Result<ProofReceipt, GateError> {
        // A gate mutating one value asks the same literal equality each
        // time: the last one the memo answered is compared before hashing.
        if let Some(lit) = literal_key(requirement, subject)
            && let Some(record) = self.memo.last_literal(lit)
            && self.book.is_live(record)
        {
            return Ok(self.hit(record));
        }
        // A compiled invariant (or a composite of them): evaluate the
        // residuals on the numbers. Only an acceptance is answered here; a
        // `false` (or a value a residual cannot evaluate) goes to the
        // kernel route, which must then refuse.
        let mut compiled_false = false;
        if self.verifier.config().compiled_route && self.compiled.covers(requirement) {
            let mut recipe = std::mem::take(&mut self.recipe);
            recipe.clear();
            recipe.push(u64::from(self.book.current_epoch()));
            let eval = self.compiled.eval(requirement, &subject, &mut recipe);
            let r = match eval {
                Eval::Accepted { depth, steps } => {
                    Some(self.compiled_accept(&recipe, depth, steps, requirement, &subject))
                }
                Eval::Refused => {
                    compiled_false = true;
                    None
                }
                Eval::Unknown => None,
            };
            self.recipe = recipe;
            if let Some(r) = r {
                return r;
            }
        }
        let r = self.prove_receipt_memo(requirement, &subject).map_err(|e| {
            crate::explain::attach(e, requirement, &subject, self.verifier.invariants())
        });
        if compiled_false && r.is_ok() {
            return Err(GateError::CompiledDisagreement {
                requirement: requirement.to_string(),
                compiled: false,
                detail: "the kernel accepted a value the residual program refused".into(),
            });
        }
        r
    }

    /// A memo hit: counted as a cache hit (it is one: the memo holds the
    /// cache's entry for that obligation), answered with a receipt.
    #[inline]
    fn hit(&mut self, record: u32) -> ProofReceipt {
        self.cache.record_hit();
        self.counts.cached += 1;
        self.receipt(record, true)
    }

    #[inline(never)]
    fn prove_receipt_memo(
        &mut self,
        requirement: &ProofRequirement,
        subject: &dyn GateSubject,
    ) -> Result<ProofReceipt, GateError> {
        let key = MemoKey::of(requirement, subject);
        if let Some(key) = &key
            && let Some((accepted, made)) = self.memo.accepted(key)
        {
            let epoch = self.book.current_epoch();
            let record = match made {
                Some((e, r)) if e == epoch && self.book.is_live(r) => {
                    self.memo.answered(key, r);
                    r
                }
                _ => {
                    let r = self.book.record_for(accepted, self.lookups())?;
                    self.memo.set_record(key, epoch, r);
                    r
                }
            };
            return Ok(self.hit(record));
        }
        let ob = self.obligation(requirement, subject)?;
        let r = self.prove_obligation_receipt(&ob, &|| requirement.to_string())?;
        if let Some(key) = &key {
            let accepted = self.cache.peek(ob.prop(), ob.proof()).map(Accepted::from);
            self.memo.set_accepted(key, accepted);
        }
        Ok(r)
    }

    /// Checks an obligation: the cache first, else the tiers from the one
    /// [`crate::route_proof`] picks. `describe` names the requirement in errors.
    pub fn prove_obligation(
        &mut self,
        ob: &Obligation,
        describe: &dyn Fn() -> String,
    ) -> Result<Proved, GateError> {
        let r = self.prove_obligation_receipt(ob, describe)?;
        self.proved(&r)
    }

    /// [`Self::prove_obligation`], answering with a receipt.
    pub fn prove_obligation_receipt(
        &mut self,
        ob: &Obligation,
        describe: &dyn Fn() -> String,
    ) -> Result<ProofReceipt, GateError> {
        let (cached, entry) = match self.cache.lookup(ob.prop(), ob.proof()) {
            Some(entry) => {
                self.counts.cached += 1;
                (true, entry)
            }
            None => {
                self.book.miss(self.cache.hits() + self.cache.misses());
                let verified = self.verifier.verify(ob);
                if let Err(f) = &verified
                    && !f.is_kernel_bug()
                {
                    if f.decided() {
                        self.counts.rejected += 1;
                    } else {
                        self.counts.undecided += 1;
                    }
                }
                let Verdict { tier, steps } = verified.map_err(|f| {
                    if f.is_kernel_bug() {
                        GateError::KernelBug {
                            requirement: describe(),
                            tier: f.tier,
                            error: f.reason,
                        }
                    } else {
                        GateError::Rejected(Box::new(ProofGateRejected {
                            requirement: describe(),
                            tier: f.tier,
                            steps: f.steps,
                            reason: f.reason,
                            explanation: None,
                        }))
                    }
                })?;
                match tier {
                    ProofTier::Reflex => self.counts.reflex += 1,
                    ProofTier::Standard => self.counts.standard += 1,
                    ProofTier::Deep => self.counts.deep += 1,
                }
                let proof_hash = self.book.proof_hash(self.verifier.store(), ob);
                let proof_index = self.book.push_proof_hash(proof_hash);
                let entry = CachedProof {
                    tier,
                    steps,
                    proof_hash,
                    proof_index,
                    checked_at_ns: now_ns(),
                };
                self.cache.insert(ob.prop(), ob.proof(), entry);
                (false, entry)
            }
        };
        let record = self.book.record_for(entry.into(), self.lookups())?;
        Ok(self.receipt(record, cached))
    }

    /// The receipt of an accepted (or cached) obligation: two words, no
    /// hashing, no division (the attestation is assembled on request).
    #[inline]
    fn receipt(&self, record: u32, cached: bool) -> ProofReceipt {
        self.book.receipt(self.lookups(), record, cached)
    }

    /// Lookups so far (hits + misses): receipts' sequence numbers.
    #[inline]
    fn lookups(&self) -> u64 {
        self.cache.hits() + self.cache.misses()
    }

    /// The 82-byte attestation of a receipt this environment issued: the
    /// proof hash and environment hash of that proof, its time and steps,
    /// and the cache hit rate when it was issued.
    pub fn attestation(&self, r: &ProofReceipt) -> Result<ProofAttestation, GateError> {
        self.book
            .attestation(r, &|recipe| self.compiled.proof_hash(recipe))
    }

    /// The tier that accepted the proof of a receipt this environment issued.
    pub fn receipt_tier(&self, r: &ProofReceipt) -> Result<ProofTier, GateError> {
        self.book.tier(r)
    }

    /// The route that accepted the proof of a receipt this environment issued.
    pub fn receipt_route(&self, r: &ProofReceipt) -> Result<Route, GateError> {
        self.book.route(r)
    }

    fn proved(&self, r: &ProofReceipt) -> Result<Proved, GateError> {
        Ok(Proved {
            route: self.book.route(r)?,
            tier: self.receipt_tier(r)?,
            cached: r.cached(),
            attestation: self.attestation(r)?,
        })
    }

    /// Routes and checks `ob` through the tiers, bypassing the cache, the
    /// counters and the attestation: the kernel work alone (for benches and
    /// differential tests).
    pub fn verify_uncached(&mut self, ob: &Obligation) -> Result<Verdict, TierFailure> {
        self.verifier.verify(ob)
    }

    /// Runs exactly one tier on `ob`, bypassing the cache and the counters
    /// (for differential testing of the tiers).
    pub fn attempt_tier(&mut self, ob: &Obligation, tier: ProofTier) -> Attempt {
        self.verifier.attempt(ob, tier)
    }

    /// blake3 over the domain tag and the digests of proposition and proof
    /// (see [`crate::canonical`]): the attestation names the statement as
    /// well as the proof, so the same proof of a different claim differs.
    pub fn proof_hash(&mut self, ob: &Obligation) -> [u8; 32] {
        self.book.proof_hash(self.verifier.store(), ob)
    }
}

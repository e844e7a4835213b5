//! `ProofEnvironment`: the kernel environment the gate checks obligations
//! in, with its proof cache, invariant registry, tier budgets and the
//! running environment hash attestations carry.

use crate::attestation::{BasisPoints, ProofAttestation};
use crate::cache::{CachedProof, ProofCache};
use crate::canonical::{TermDigests, encode_declaration};
use crate::custom::{CustomStatement, CustomStatements};
use crate::error::{GateError, ProofGateRejected};
use crate::invariant::{EDGE_BOUND, Invariant, InvariantRegistry, WITHIN_CAPACITY};
use crate::obligation::Obligation;
use crate::prelude::{PreludeDecl, gate_declarations, lean_declarations};
use crate::receipt::ProofReceipt;
use crate::requirement::{GateSubject, ProofRequirement};
use crate::statement::{Builder, Terms};
use crate::tier::{
    Attempt, ProofTier, TierConfig, TierFailure, Verdict, attempt, route_proof, verify_tiered,
};
use fxhash::FxHashMap;
use proofgate_barrier::{Evidence, Policy};
use proofgate_kernel::{Declaration, ExportReader, Kernel, Limits, TermStore};
use std::io::BufRead;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Version of this verifier, carried by every attestation.
pub const VERIFIER_VERSION: u32 = 1;

/// Domain separator of proof-term hashes.
const PROOF_HASH_DOMAIN: &[u8] = b"proofgate.obligation.v1";

/// What the gate concluded about one obligation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Proved {
    /// The tier that accepted it (the original tier on a cache hit).
    pub tier: ProofTier,
    /// Whether the cache answered.
    pub cached: bool,
    /// The attestation issued.
    pub attestation: ProofAttestation,
}

/// Per-tier acceptance counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TierCounts {
    /// Accepted by Reflex.
    pub reflex: u64,
    /// Accepted by Standard.
    pub standard: u64,
    /// Accepted by Deep.
    pub deep: u64,
    /// Answered by the cache.
    pub cached: u64,
}

/// The kernel environment of a gate.
pub struct ProofEnvironment {
    kernel: Kernel,
    terms: Terms,
    digests: TermDigests,
    env_hasher: blake3::Hasher,
    /// Every environment hash attested so far; the last is current unless
    /// a declaration was added since (`env_epoch` is then `None`).
    env_hashes: Vec<[u8; 32]>,
    env_epoch: Option<u32>,
    /// Proof hashes of accepted obligations, indexed by `CachedProof::proof_index`.
    proof_hashes: Vec<[u8; 32]>,
    /// Tells receipts of this environment from those of another.
    id: u32,
    /// What receipts point at: an accepted proof in one environment epoch.
    records: Vec<Record>,
    record_ids: FxHashMap<(u32, u32), u32>,
    /// The lookup sequence number (hits + misses) of every cache miss, in
    /// order: with a receipt's sequence number it gives the hit rate of
    /// that moment.
    miss_seqs: Vec<u64>,
    declarations: usize,
    cache: ProofCache,
    invariants: InvariantRegistry,
    config: TierConfig,
    counts: TierCounts,
    memo: FxHashMap<MemoKey, MemoEntry>,
    /// The literal equality `(actual, expected)` the memo answered last.
    last_literal: Option<((u64, u64), u32)>,
    /// Registered custom statements and their axiom policy.
    custom: CustomStatements,
}

/// A memoised obligation, its accepted proof once checked, and that
/// proof's receipt record with the epoch it was made in.
type MemoEntry = (Obligation, Option<Accepted>, Option<(u32, u32)>);

/// An accepted proof as attested in one epoch of the environment.
#[derive(Clone, Copy, Debug)]
struct Record {
    accepted: Accepted,
    epoch: u32,
}

/// What a receipt needs of an accepted obligation (the cache entry without
/// its 32-byte hash, which the environment keeps at `proof`).
#[derive(Clone, Copy, Debug)]
struct Accepted {
    checked_at_ns: u64,
    steps: u32,
    proof: u32,
    tier: ProofTier,
}

impl From<CachedProof> for Accepted {
    #[inline]
    fn from(c: CachedProof) -> Self {
        Accepted {
            checked_at_ns: c.checked_at_ns,
            steps: u32::try_from(c.steps).unwrap_or(u32::MAX),
            proof: c.proof_index,
            tier: c.tier,
        }
    }
}

/// Obligations remembered at most (the memo stops growing there; later
/// ones are built each time, and still answered by the proof cache).
const MEMO_LIMIT: usize = 4_096;

/// Records addressable by a receipt (31 bits).
const RECORD_LIMIT: u32 = 1 << 31;

/// Environment ids for receipts (wrapping after 2^32 environments).
static NEXT_ENV_ID: AtomicU32 = AtomicU32::new(1);

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
        while let Some(decl) = reader.next_declaration(env.kernel.store_mut()) {
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
        let mut kernel = Kernel::new();
        let terms = Terms::new(kernel.store_mut());
        let custom = CustomStatements::new(&mut kernel);
        ProofEnvironment {
            kernel,
            terms,
            digests: TermDigests::default(),
            env_hasher: blake3::Hasher::new_derive_key("proofgate environment v1"),
            env_hashes: Vec::new(),
            env_epoch: None,
            proof_hashes: Vec::new(),
            id: NEXT_ENV_ID.fetch_add(1, Ordering::Relaxed),
            records: Vec::new(),
            record_ids: FxHashMap::default(),
            miss_seqs: Vec::new(),
            declarations: 0,
            cache: ProofCache::default(),
            invariants: InvariantRegistry::default(),
            config: TierConfig::default(),
            counts: TierCounts::default(),
            memo: FxHashMap::default(),
            last_literal: None,
            custom,
        }
    }

    fn finish_setup(&mut self) -> Result<(), GateError> {
        for d in gate_declarations() {
            let name = self.kernel.store_mut().names.dotted(d.name());
            if !self.kernel.env().contains(name) {
                self.declare(&d)?;
            }
        }
        for needed in [
            "Nat", "Bool", "Eq", "And", "True", "Nat.ble", "Nat.beq", "Nat.mul",
        ] {
            let n = self.kernel.store_mut().names.dotted(needed);
            if !self.kernel.env().contains(n) {
                return Err(GateError::MissingConstant(needed.to_owned()));
            }
        }
        self.register_existing(WITHIN_CAPACITY, "Proofgate.Invariant.withinCapacity", 2)?;
        self.register_existing(EDGE_BOUND, "Proofgate.Invariant.edgeBound", 2)?;
        Ok(())
    }

    /// Checks a prelude-style declaration (source text) and adds it.
    pub fn declare(&mut self, decl: &PreludeDecl) -> Result<(), GateError> {
        let d = decl.to_declaration(self.kernel.store_mut())?;
        self.add_declaration(&d)
    }

    /// Checks a declaration and adds it; the environment hash changes.
    pub fn add_declaration(&mut self, decl: &Declaration) -> Result<(), GateError> {
        self.kernel
            .check_with_fuel(decl, Limits::DEFAULT)
            .map_err(|error| GateError::Declaration {
                name: self.kernel.store().names.display(decl.name()),
                error,
            })?;
        let mut buf = Vec::new();
        encode_declaration(self.kernel.store(), &mut self.digests, decl, &mut buf);
        self.env_hasher.update(&(buf.len() as u64).to_le_bytes());
        self.env_hasher.update(&buf);
        self.env_epoch = None;
        // Its record names the previous epoch's environment hash.
        self.last_literal = None;
        self.declarations += 1;
        Ok(())
    }

    /// Registers invariant `id`: `name` must be a declared definition of
    /// type `Nat -> ... -> Bool` taking `arity` arguments (declare it first
    /// with [`Self::declare`]; the kernel checks the type of every use).
    pub fn register_invariant(
        &mut self,
        id: u32,
        name: &str,
        arity: usize,
    ) -> Result<(), GateError> {
        self.register_existing(id, name, arity)
    }

    fn register_existing(&mut self, id: u32, name: &str, arity: usize) -> Result<(), GateError> {
        let n = self.kernel.store_mut().names.dotted(name);
        let Some(declared) = self
            .kernel
            .env()
            .get(n)
            .map(|c| (c.ty, c.level_params.len()))
        else {
            return Err(GateError::MissingConstant(name.to_owned()));
        };
        // The obligation applies it to `arity` Nat literals and compares with
        // `Bool.true`: its type must be exactly `Nat -> ... -> Bool`.
        let want_src = format!("{}Bool", "Nat -> ".repeat(arity));
        let want = crate::prelude::parse_term(self.kernel.store_mut(), &[], &want_src)?;
        if declared != (want, 0) {
            return Err(GateError::InvariantType {
                name: name.to_owned(),
                expected: want_src,
            });
        }
        let constant = self.kernel.store_mut().cnst(n, &[]);
        let inv = Invariant {
            name: name.to_owned(),
            constant,
            arity,
        };
        if self.invariants.insert(id, inv) {
            Ok(())
        } else {
            Err(GateError::DuplicateInvariant(id))
        }
    }

    /// Registers a custom statement under `id`: [`ProofRequirement::CustomProof`]
    /// requirements then ask values for a proof of it (see [`crate::custom`]).
    pub fn register_statement(
        &mut self,
        id: u32,
        statement: &CustomStatement,
    ) -> Result<(), GateError> {
        self.custom.register(&mut self.kernel, id, statement)
    }

    /// Replaces the axioms custom proofs may depend on (default
    /// [`crate::judge::DEFAULT_ALLOWED_AXIOMS`]; each must also be declared
    /// in this environment).
    pub fn set_allowed_axioms(&mut self, axioms: &[&str]) {
        self.custom.set_allowed_axioms(&mut self.kernel, axioms);
    }

    /// The tier budgets.
    pub fn config(&self) -> &TierConfig {
        &self.config
    }

    /// Replaces the tier budgets.
    pub fn set_config(&mut self, config: TierConfig) {
        self.config = config;
    }

    /// The kernel (read-only: declarations go through this environment so
    /// the environment hash stays right).
    pub fn kernel(&self) -> &Kernel {
        &self.kernel
    }

    /// The term store, for building terms.
    pub fn store_mut(&mut self) -> &mut TermStore {
        self.kernel.store_mut()
    }

    /// The term store.
    pub fn store(&self) -> &TermStore {
        self.kernel.store()
    }

    /// Number of declarations added.
    pub fn declaration_count(&self) -> usize {
        self.declarations
    }

    /// blake3 over the canonical encoding of every declaration, in the
    /// order added (computed once per change of the environment).
    pub fn environment_hash(&mut self) -> [u8; 32] {
        let epoch = self.current_epoch();
        self.env_hashes[epoch as usize]
    }

    /// The index of the current environment hash in `env_hashes`.
    #[inline]
    fn current_epoch(&mut self) -> u32 {
        if let Some(e) = self.env_epoch {
            return e;
        }
        let h = *self.env_hasher.clone().finalize().as_bytes();
        let e = u32::try_from(self.env_hashes.len()).unwrap_or(u32::MAX);
        self.env_hashes.push(h);
        self.env_epoch = Some(e);
        e
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
        let key = memo_key(requirement, subject);
        if let Some(key) = &key
            && let Some((ob, _, _)) = self.memo.get(key)
        {
            return Ok(*ob);
        }
        let terms = self.terms;
        let mut custom = FxHashMap::default();
        let has_custom = crate::custom::has_custom(requirement);
        if has_custom {
            crate::custom::resolve_all(
                &self.custom,
                &mut self.kernel,
                requirement,
                subject,
                &mut custom,
            )?;
        }
        let ob = Builder {
            st: self.kernel.store_mut(),
            t: &terms,
            invariants: &self.invariants,
            custom: &custom,
        }
        .obligation(requirement, subject)?;
        let ob = if has_custom { ob.routed_deep() } else { ob };
        if let Some(key) = key
            && self.memo.len() < MEMO_LIMIT
        {
            self.memo.insert(key, (ob, None, None));
        }
        Ok(ob)
    }

    /// An obligation from explicit terms (shape read from the store).
    pub fn obligation_from_terms(
        &self,
        prop: proofgate_kernel::ExprId,
        proof: proofgate_kernel::ExprId,
    ) -> Obligation {
        Obligation::new(self.kernel.store(), &self.terms.shape, prop, proof)
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
    /// A repeated literal or policy obligation is answered from the memo
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
            && let Some((last, record)) = self.last_literal
            && last == lit
        {
            return Ok(self.hit(record));
        }
        self.prove_receipt_memo(requirement, &subject)
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
        let key = memo_key(requirement, subject);
        if let Some(key) = &key
            && let Some((_, Some(accepted), made)) = self.memo.get(key)
        {
            let (accepted, made) = (*accepted, *made);
            let epoch = self.current_epoch();
            let record = match made {
                Some((e, r)) if e == epoch => r,
                _ => {
                    let r = self.record_for(accepted)?;
                    if let Some(slot) = self.memo.get_mut(key) {
                        slot.2 = Some((epoch, r));
                    }
                    r
                }
            };
            if let MemoKey::Literal(a, e) = key {
                self.last_literal = Some(((*a, *e), record));
            }
            return Ok(self.hit(record));
        }
        let ob = self.obligation(requirement, subject)?;
        let r = self.prove_obligation_receipt(&ob, &|| requirement.to_string())?;
        if let Some(key) = &key
            && let Some(slot) = self.memo.get_mut(key)
        {
            slot.1 = self.cache.peek(ob.prop(), ob.proof()).map(Accepted::from);
        }
        Ok(r)
    }

    /// Checks an obligation: the cache first, else the tiers from the one
    /// [`route_proof`] picks. `describe` names the requirement in errors.
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
                self.miss_seqs.push(self.cache.hits() + self.cache.misses());
                let start = route_proof(ob, &self.config);
                let Verdict { tier, steps } =
                    verify_tiered(&mut self.kernel, ob, start, &self.config).map_err(|f| {
                        Box::new(ProofGateRejected {
                            requirement: describe(),
                            tier: f.tier,
                            steps: f.steps,
                            reason: f.reason,
                        })
                    })?;
                match tier {
                    ProofTier::Reflex => self.counts.reflex += 1,
                    ProofTier::Standard => self.counts.standard += 1,
                    ProofTier::Deep => self.counts.deep += 1,
                }
                let proof_hash = self.proof_hash(ob);
                let proof_index = u32::try_from(self.proof_hashes.len()).unwrap_or(u32::MAX);
                self.proof_hashes.push(proof_hash);
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
        let record = self.record_for(entry.into())?;
        Ok(self.receipt(record, cached))
    }

    /// The record of `accepted` in the current epoch (one per proof and
    /// epoch, so repeated hits add nothing).
    fn record_for(&mut self, accepted: Accepted) -> Result<u32, GateError> {
        let epoch = self.current_epoch();
        let next = u32::try_from(self.records.len()).unwrap_or(u32::MAX);
        let id = *self
            .record_ids
            .entry((accepted.proof, epoch))
            .or_insert(next);
        if id == next {
            // A receipt addresses 2^31 records; refuse rather than alias.
            if next >= RECORD_LIMIT {
                self.record_ids.remove(&(accepted.proof, epoch));
                return Err(GateError::ReceiptsExhausted);
            }
            self.records.push(Record { accepted, epoch });
        }
        Ok(id)
    }

    /// The receipt of an accepted (or cached) obligation: two words, no
    /// hashing, no division (the attestation is assembled on request).
    #[inline]
    fn receipt(&self, record: u32, cached: bool) -> ProofReceipt {
        let seq = self.cache.hits() + self.cache.misses();
        ProofReceipt::new(seq, self.id, record, cached)
    }

    fn record(&self, r: &ProofReceipt) -> Result<Record, GateError> {
        if r.env_id() != self.id {
            return Err(GateError::ForeignReceipt);
        }
        self.records
            .get(r.record() as usize)
            .copied()
            .ok_or(GateError::ForeignReceipt)
    }

    /// The 82-byte attestation of a receipt this environment issued: the
    /// proof hash and environment hash of that proof, its time and steps,
    /// and the cache hit rate when it was issued.
    pub fn attestation(&self, r: &ProofReceipt) -> Result<ProofAttestation, GateError> {
        let rec = self.record(r)?;
        Ok(ProofAttestation {
            proof_term_hash: self.proof_hashes[rec.accepted.proof as usize],
            environment_hash: self.env_hashes[rec.epoch as usize],
            verification_timestamp_ns: rec.accepted.checked_at_ns,
            verifier_version: VERIFIER_VERSION,
            reduction_steps: rec.accepted.steps,
            cache_hit_rate_bps: {
                let misses = self.miss_seqs.partition_point(|&m| m <= r.seq) as u64;
                hit_rate(r.seq - misses, misses)
            },
        })
    }

    /// The tier that accepted the proof of a receipt this environment issued.
    pub fn receipt_tier(&self, r: &ProofReceipt) -> Result<ProofTier, GateError> {
        Ok(self.record(r)?.accepted.tier)
    }

    fn proved(&self, r: &ProofReceipt) -> Result<Proved, GateError> {
        Ok(Proved {
            tier: self.receipt_tier(r)?,
            cached: r.cached(),
            attestation: self.attestation(r)?,
        })
    }

    /// Routes and checks `ob` through the tiers, bypassing the cache, the
    /// counters and the attestation: the kernel work alone (for benches and
    /// differential tests).
    pub fn verify_uncached(&mut self, ob: &Obligation) -> Result<Verdict, TierFailure> {
        let start = route_proof(ob, &self.config);
        verify_tiered(&mut self.kernel, ob, start, &self.config)
    }

    /// Runs exactly one tier on `ob`, bypassing the cache and the counters
    /// (for differential testing of the tiers).
    pub fn attempt_tier(&mut self, ob: &Obligation, tier: ProofTier) -> Attempt {
        attempt(&mut self.kernel, ob, tier, &self.config)
    }

    /// blake3 over the domain tag and the digests of proposition and proof
    /// (see [`crate::canonical`]): the attestation names the statement as
    /// well as the proof, so the same proof of a different claim differs.
    pub fn proof_hash(&mut self, ob: &Obligation) -> [u8; 32] {
        let st = self.kernel.store();
        let p = self.digests.digest(st, ob.prop());
        let q = self.digests.digest(st, ob.proof());
        let mut h = blake3::Hasher::new();
        h.update(PROOF_HASH_DOMAIN);
        h.update(&p);
        h.update(&q);
        *h.finalize().as_bytes()
    }
}

/// The requirements whose obligations are remembered: the hot paths of
/// mutation gates (literal equalities) and of the barrier (policies on
/// evidence). The key determines the obligation exactly.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum MemoKey {
    /// `actual = expected` over Nat (DimensionMatch and TypeMatch alike).
    Literal(u64, u64),
    /// A policy of barrier evidence.
    Policy(Policy, Evidence),
    /// A policy of barrier evidence in `decide` form.
    DecidedPolicy(Policy, Evidence),
}

/// `(actual, expected)` of a literal-equality requirement.
#[inline]
fn literal_key<S: GateSubject + ?Sized>(
    requirement: &ProofRequirement,
    subject: &S,
) -> Option<(u64, u64)> {
    match requirement {
        ProofRequirement::DimensionMatch { expected } => {
            subject.dimension().map(|d| (d, *expected))
        }
        ProofRequirement::TypeMatch { schema_id } => subject.schema_id().map(|s| (s, *schema_id)),
        _ => None,
    }
}

fn memo_key(requirement: &ProofRequirement, subject: &dyn GateSubject) -> Option<MemoKey> {
    match requirement {
        ProofRequirement::DimensionMatch { expected } => {
            subject.dimension().map(|d| MemoKey::Literal(d, *expected))
        }
        ProofRequirement::TypeMatch { schema_id } => {
            subject.schema_id().map(|s| MemoKey::Literal(s, *schema_id))
        }
        ProofRequirement::Policy(p) => subject
            .policy_evidence()
            .map(|e| MemoKey::Policy(p.clone(), e)),
        ProofRequirement::DecidedPolicy(p) => subject
            .policy_evidence()
            .map(|e| MemoKey::DecidedPolicy(p.clone(), e)),
        _ => None,
    }
}

/// `hits / (hits + misses)` in basis points, rounded down. Below 2^32
/// lookups in f64 (exact: a quotient within 1/total of an integer cannot be
/// rounded across it by an error of 2^-40), which costs a third of a u64
/// division on the cache-hit path; beyond that, exact integer arithmetic.
#[inline]
fn hit_rate(hits: u64, misses: u64) -> BasisPoints {
    let total = hits.saturating_add(misses);
    if total == 0 {
        BasisPoints::ZERO
    } else if total < 1 << 32 {
        let bps = (hits as f64 * 10_000.0 / total as f64) as u16;
        BasisPoints::new(bps).unwrap_or(BasisPoints::FULL)
    } else {
        BasisPoints::from_ratio(hits, total)
    }
}

fn now_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::hit_rate;
    use crate::attestation::BasisPoints;

    #[test]
    fn hit_rate_matches_exact_integer_division() {
        for total in (1u64..2_000).chain([65_537, 1 << 20, (1 << 32) - 1, 1 << 33]) {
            for hits in [0, 1, total / 3, total / 2, total.saturating_sub(1), total] {
                let want = BasisPoints::from_ratio(hits, total);
                assert_eq!(hit_rate(hits, total - hits), want, "{hits}/{total}");
            }
        }
    }
}

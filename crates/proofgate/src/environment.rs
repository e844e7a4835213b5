//! `ProofEnvironment`: the kernel environment the gate checks obligations
//! in, with its proof cache, invariant registry, tier budgets and the
//! running environment hash attestations carry.

use crate::attestation::{BasisPoints, ProofAttestation};
use crate::cache::{CachedProof, ProofCache};
use crate::canonical::{TermDigests, encode_declaration};
use crate::error::{GateError, ProofGateRejected};
use crate::invariant::{EDGE_BOUND, Invariant, InvariantRegistry, WITHIN_CAPACITY};
use crate::obligation::Obligation;
use crate::prelude::{PreludeDecl, gate_declarations, lean_declarations};
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
    env_hash: Option<[u8; 32]>,
    declarations: usize,
    cache: ProofCache,
    invariants: InvariantRegistry,
    config: TierConfig,
    counts: TierCounts,
    memo: FxHashMap<MemoKey, (Obligation, Option<CachedProof>)>,
}

/// Obligations remembered at most (the memo stops growing there; later
/// ones are built each time, and still answered by the proof cache).
const MEMO_LIMIT: usize = 4_096;

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
        ProofEnvironment {
            kernel,
            terms,
            digests: TermDigests::default(),
            env_hasher: blake3::Hasher::new_derive_key("proofgate environment v1"),
            env_hash: None,
            declarations: 0,
            cache: ProofCache::default(),
            invariants: InvariantRegistry::default(),
            config: TierConfig::default(),
            counts: TierCounts::default(),
            memo: FxHashMap::default(),
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
        self.env_hash = None;
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
        if let Some(h) = self.env_hash {
            return h;
        }
        let h = *self.env_hasher.clone().finalize().as_bytes();
        self.env_hash = Some(h);
        h
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
            && let Some((ob, _)) = self.memo.get(key)
        {
            return Ok(*ob);
        }
        let terms = self.terms;
        let ob = Builder {
            st: self.kernel.store_mut(),
            t: &terms,
            invariants: &self.invariants,
        }
        .obligation(requirement, subject)?;
        if let Some(key) = key
            && self.memo.len() < MEMO_LIMIT
        {
            self.memo.insert(key, (ob, None));
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
        let key = memo_key(requirement, subject);
        if let Some(key) = &key
            && let Some((_, Some(entry))) = self.memo.get(key)
        {
            let entry = *entry;
            self.cache.record_hit();
            self.counts.cached += 1;
            return Ok(self.issue(entry, true));
        }
        let ob = self.obligation(requirement, subject)?;
        let proved = self.prove_obligation(&ob, &|| requirement.to_string())?;
        if let Some(key) = &key
            && let Some(slot) = self.memo.get_mut(key)
        {
            slot.1 = self.cache.peek(ob.prop(), ob.proof());
        }
        Ok(proved)
    }

    /// Checks an obligation: the cache first, else the tiers from the one
    /// [`route_proof`] picks. `describe` names the requirement in errors.
    pub fn prove_obligation(
        &mut self,
        ob: &Obligation,
        describe: &dyn Fn() -> String,
    ) -> Result<Proved, GateError> {
        let (cached, entry) = match self.cache.lookup(ob.prop(), ob.proof()) {
            Some(entry) => {
                self.counts.cached += 1;
                (true, entry)
            }
            None => {
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
                let entry = CachedProof {
                    tier,
                    steps,
                    proof_hash: self.proof_hash(ob),
                    checked_at_ns: now_ns(),
                };
                self.cache.insert(ob.prop(), ob.proof(), entry);
                (false, entry)
            }
        };
        Ok(self.issue(entry, cached))
    }

    /// The attestation of an accepted (or cached) obligation.
    #[inline]
    fn issue(&mut self, entry: CachedProof, cached: bool) -> Proved {
        let attestation = ProofAttestation {
            proof_term_hash: entry.proof_hash,
            environment_hash: self.environment_hash(),
            verification_timestamp_ns: entry.checked_at_ns,
            verifier_version: VERIFIER_VERSION,
            reduction_steps: u32::try_from(entry.steps).unwrap_or(u32::MAX),
            cache_hit_rate_bps: hit_rate(self.cache.hits(), self.cache.misses()),
        };
        Proved {
            tier: entry.tier,
            cached,
            attestation,
        }
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

#[inline]
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

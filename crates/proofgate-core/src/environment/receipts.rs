//! The receipt book: what an environment has attested. Environment-hash
//! epochs (one hash per state of the declarations a receipt may name),
//! proof hashes, the records receipts point at, and the cache-miss log that
//! recovers a receipt's hit rate.
//!
//! Invariants: a record names one accepted proof in one epoch, and there is
//! one record per (proof, epoch), so repeated hits add nothing; only the
//! book that issued a receipt turns it into an attestation.

use crate::attestation::{BasisPoints, ProofAttestation};
use crate::cache::CachedProof;
use crate::canonical::{TermDigests, encode_declaration};
use crate::error::GateError;
use crate::obligation::Obligation;
use crate::receipt::ProofReceipt;
use crate::tier::ProofTier;
use proofgate_kernel::{Declaration, TermStore};
use rustc_hash::FxHashMap;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU32, Ordering};

/// Version of this verifier, carried by every attestation.
pub const VERIFIER_VERSION: u32 = 1;

/// Domain separator of proof-term hashes.
const PROOF_HASH_DOMAIN: &[u8] = b"proofgate.obligation.v1";

/// Records addressable by a receipt (31 bits).
const RECORD_LIMIT: u32 = 1 << 31;

/// Book ids for receipts (wrapping after 2^32 books).
static NEXT_BOOK_ID: AtomicU32 = AtomicU32::new(1);

/// What a receipt needs of an accepted obligation (the cache entry without
/// its 32-byte hash, which the book keeps at `proof`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Accepted {
    pub checked_at_ns: u64,
    pub steps: u32,
    pub proof: u32,
    pub tier: ProofTier,
    pub route: Route,
}

/// Which route accepted a proof.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// The kernel checked the obligation (or Reflex decided it by identity).
    Kernel,
    /// A registered invariant's residual program evaluated it
    /// (`environment/compiled.rs`).
    Compiled,
}

impl From<CachedProof> for Accepted {
    #[inline]
    fn from(c: CachedProof) -> Self {
        Accepted {
            checked_at_ns: c.checked_at_ns,
            steps: u32::try_from(c.steps).unwrap_or(u32::MAX),
            proof: c.proof_index,
            tier: c.tier,
            route: Route::Kernel,
        }
    }
}

/// A record's proof hash: known (the kernel route hashed the terms it
/// built), or the compiled route's recipe of the obligation, hashed when
/// an attestation is asked for (`environment/compiled.rs`). The recipe is
/// kept behind the epoch, `[epoch, recipe…]`: its key in the book's map.
#[derive(Clone, Debug)]
enum ProofHash {
    Known([u8; 32]),
    Recipe(Box<[u64]>),
}

/// An accepted proof as attested in one epoch of the environment.
#[derive(Clone, Debug)]
struct Record {
    accepted: Accepted,
    epoch: u32,
    /// The proof hash (kept here, so an evicted record takes it along).
    hash: ProofHash,
    /// The lookup sequence number when it was made: no receipt of it is
    /// older, so misses before the oldest live record can be dropped.
    created_seq: u64,
}

/// Records a book keeps by default (`TierConfig::receipt_records`).
pub const DEFAULT_RECEIPT_RECORDS: usize = 1 << 16;

/// Recipe words (`u64`) the kept records may hold, per record kept: a
/// composite's recipe names every part's numbers, so records are also
/// evicted by size (16 MiB of recipes at the default record count).
const RECIPE_WORDS_PER_RECORD: usize = 32;

/// Epochs, proof hashes, records and the miss log of one environment.
pub(crate) struct ReceiptBook {
    digests: TermDigests,
    env_hasher: blake3::Hasher,
    /// Every environment hash attested so far; the last is current unless
    /// a declaration was added since (`epoch` is then `None`).
    env_hashes: Vec<[u8; 32]>,
    epoch: Option<u32>,
    /// Proof hashes of the kernel route's accepted obligations, indexed by
    /// `CachedProof::proof_index`.
    proof_hashes: Vec<[u8; 32]>,
    /// Tells receipts of this book from those of another.
    id: u32,
    /// The live records, oldest first; `records[0]` has id `first_record`.
    /// Ids are never reused, so a receipt whose record was evicted is told
    /// apart from every later one.
    records: VecDeque<Record>,
    first_record: u32,
    /// Most records kept: past it the oldest is evicted.
    max_records: usize,
    /// Recipe words the kept records hold (bounded by
    /// `max_records * RECIPE_WORDS_PER_RECORD`).
    recipe_words: usize,
    /// Kernel-route records by (proof index, epoch).
    record_ids: FxHashMap<(u32, u32), u32>,
    /// Compiled-route records by `[epoch, recipe…]`: its cache (the kernel
    /// route's is keyed by terms, which it never builds).
    /// Keyed by [`recipe_key`], a hash: a hit is confirmed against the
    /// record's own recipe, so a collision is a miss, never another
    /// value's record (the map's keys are then inline, and looking a new
    /// value up reads no recipe).
    compiled_records: FxHashMap<u64, u32>,
    /// The lookup sequence number (hits + misses) of every cache miss since
    /// the oldest live record was made, in order, and how many were
    /// dropped before: with a receipt's sequence number they give the hit
    /// rate of that moment.
    miss_seqs: VecDeque<u64>,
    dropped_misses: u64,
}

impl Default for ReceiptBook {
    fn default() -> Self {
        ReceiptBook {
            digests: TermDigests::default(),
            env_hasher: blake3::Hasher::new_derive_key("proofgate environment v1"),
            env_hashes: Vec::new(),
            epoch: None,
            proof_hashes: Vec::new(),
            id: NEXT_BOOK_ID.fetch_add(1, Ordering::Relaxed),
            records: VecDeque::new(),
            first_record: 0,
            max_records: DEFAULT_RECEIPT_RECORDS,
            recipe_words: 0,
            record_ids: FxHashMap::default(),
            compiled_records: FxHashMap::default(),
            miss_seqs: VecDeque::new(),
            dropped_misses: 0,
        }
    }
}

impl ReceiptBook {
    /// A checked declaration joins the environment hash.
    pub(crate) fn declare(&mut self, st: &TermStore, decl: &Declaration) {
        let mut buf = Vec::new();
        encode_declaration(st, &mut self.digests, decl, &mut buf);
        self.declared(&buf);
    }

    /// blake3 over the domain tag and the digests of proposition and proof
    /// (see [`crate::canonical`]): the attestation names the statement as
    /// well as the proof, so the same proof of a different claim differs.
    pub(crate) fn proof_hash(&mut self, st: &TermStore, ob: &Obligation) -> [u8; 32] {
        let p = self.digests.digest(st, ob.prop());
        let q = self.digests.digest(st, ob.proof());
        proof_hash_of(&p, &q)
    }

    /// The digest of a term (memoised).
    pub(crate) fn digest(&mut self, st: &TermStore, e: proofgate_kernel::ExprId) -> [u8; 32] {
        self.digests.digest(st, e)
    }

    /// A declaration was added (its canonical encoding): a new epoch begins
    /// at the next attestation.
    pub(crate) fn declared(&mut self, encoding: &[u8]) {
        self.env_hasher
            .update(&(encoding.len() as u64).to_le_bytes());
        self.env_hasher.update(encoding);
        self.epoch = None;
    }

    /// The index of the current environment hash (computed once per change).
    #[inline]
    pub(crate) fn current_epoch(&mut self) -> u32 {
        if let Some(e) = self.epoch {
            return e;
        }
        let h = *self.env_hasher.clone().finalize().as_bytes();
        let e = u32::try_from(self.env_hashes.len()).unwrap_or(u32::MAX);
        self.env_hashes.push(h);
        self.epoch = Some(e);
        e
    }

    /// The current environment hash.
    pub(crate) fn environment_hash(&mut self) -> [u8; 32] {
        let e = self.current_epoch();
        self.env_hashes[e as usize]
    }

    /// Logs a cache miss at lookup sequence number `seq`.
    pub(crate) fn miss(&mut self, seq: u64) {
        self.miss_seqs.push_back(seq);
    }

    /// Keeps at most `max` records (at least one), evicting the oldest.
    pub(crate) fn set_max_records(&mut self, max: usize) {
        self.max_records = max.max(1);
        self.evict();
    }

    /// Whether record `id` is still kept.
    #[inline]
    pub(crate) fn is_live(&self, id: u32) -> bool {
        id >= self.first_record && ((id - self.first_record) as usize) < self.records.len()
    }

    /// Keeps a newly accepted proof's hash; its index.
    pub(crate) fn push_proof_hash(&mut self, hash: [u8; 32]) -> u32 {
        let i = u32::try_from(self.proof_hashes.len()).unwrap_or(u32::MAX);
        self.proof_hashes.push(hash);
        i
    }

    /// The live record the compiled route made for `key` (`[epoch,
    /// recipe…]`, the current epoch first); else the key's hash, for
    /// [`ReceiptBook::push_compiled`].
    #[inline]
    pub(crate) fn compiled_record(&self, key: &[u64]) -> Result<u32, u64> {
        let hash = recipe_key(key);
        match self.compiled_records.get(&hash) {
            Some(&id)
                if self.is_live(id)
                    && matches!(&self.records[(id - self.first_record) as usize].hash,
                        ProofHash::Recipe(r) if **r == *key) =>
            {
                Ok(id)
            }
            _ => Err(hash),
        }
    }

    /// A new record of a compiled acceptance of the obligation `key` names
    /// (`[epoch, recipe…]`, whose hash [`ReceiptBook::compiled_record`]
    /// gave), made at lookup sequence number `seq`.
    pub(crate) fn push_compiled(
        &mut self,
        key: &[u64],
        hash: u64,
        accepted: Accepted,
        seq: u64,
    ) -> Result<u32, GateError> {
        let epoch = self.current_epoch();
        self.recipe_words += key.len();
        let id = self.push_record(Record {
            accepted,
            epoch,
            hash: ProofHash::Recipe(key.into()),
            created_seq: seq,
        })?;
        self.compiled_records.insert(hash, id);
        Ok(id)
    }

    /// The record of `accepted` (kernel route) in the current epoch, made
    /// at lookup sequence number `seq` if it is new.
    pub(crate) fn record_for(&mut self, accepted: Accepted, seq: u64) -> Result<u32, GateError> {
        let epoch = self.current_epoch();
        if let Some(&id) = self.record_ids.get(&(accepted.proof, epoch))
            && self.is_live(id)
        {
            return Ok(id);
        }
        let hash = ProofHash::Known(self.proof_hashes[accepted.proof as usize]);
        let id = self.push_record(Record {
            accepted,
            epoch,
            hash,
            created_seq: seq,
        })?;
        self.record_ids.insert((accepted.proof, epoch), id);
        Ok(id)
    }

    fn push_record(&mut self, rec: Record) -> Result<u32, GateError> {
        // A receipt addresses 2^31 records; refuse rather than alias.
        let id = self.first_record as u64 + self.records.len() as u64;
        if id >= RECORD_LIMIT as u64 {
            return Err(GateError::ReceiptsExhausted);
        }
        self.records.push_back(rec);
        self.evict();
        Ok(id as u32)
    }

    /// Drops the oldest records past `max_records` (or past the recipe
    /// words they may hold), the index entries that name them, and the
    /// misses older than every live record.
    fn evict(&mut self) {
        let max_words = self.max_records.saturating_mul(RECIPE_WORDS_PER_RECORD);
        while self.records.len() > self.max_records
            || (self.recipe_words > max_words && self.records.len() > 1)
        {
            let Some(old) = self.records.pop_front() else {
                break;
            };
            if let ProofHash::Recipe(key) = &old.hash {
                self.recipe_words -= key.len();
            }
            let id = self.first_record;
            self.first_record += 1;
            let kernel_key = (old.accepted.proof, old.epoch);
            if old.accepted.route == Route::Kernel && self.record_ids.get(&kernel_key) == Some(&id)
            {
                self.record_ids.remove(&kernel_key);
            }
            if let ProofHash::Recipe(key) = &old.hash {
                let k = recipe_key(key);
                if self.compiled_records.get(&k) == Some(&id) {
                    self.compiled_records.remove(&k);
                }
            }
        }
        let oldest = self.records.front().map_or(u64::MAX, |r| r.created_seq);
        while self.miss_seqs.front().is_some_and(|&m| m < oldest) {
            self.miss_seqs.pop_front();
            self.dropped_misses += 1;
        }
    }

    /// A receipt for `record` at lookup sequence number `seq`: two words, no
    /// hashing, no division.
    #[inline]
    pub(crate) fn receipt(&self, seq: u64, record: u32, cached: bool) -> ProofReceipt {
        ProofReceipt::new(seq, self.id, record, cached)
    }

    fn record(&self, r: &ProofReceipt) -> Result<&Record, GateError> {
        if r.env_id() != self.id {
            return Err(GateError::ForeignReceipt);
        }
        let Some(i) = r.record().checked_sub(self.first_record) else {
            return Err(GateError::ReceiptEvicted {
                kept: self.max_records,
            });
        };
        self.records
            .get(i as usize)
            .ok_or(GateError::ForeignReceipt)
    }

    /// The 82-byte attestation of a receipt this book issued; `recipe_hash`
    /// hashes a compiled record's recipe.
    pub(crate) fn attestation(
        &self,
        r: &ProofReceipt,
        recipe_hash: &dyn Fn(&[u64]) -> Option<[u8; 32]>,
    ) -> Result<ProofAttestation, GateError> {
        let rec = self.record(r)?;
        let proof_term_hash = match &rec.hash {
            ProofHash::Known(h) => *h,
            ProofHash::Recipe(key) => recipe_hash(&key[1..]).ok_or(GateError::ForeignReceipt)?,
        };
        Ok(ProofAttestation {
            proof_term_hash,
            environment_hash: self.env_hashes[rec.epoch as usize],
            verification_timestamp_ns: rec.accepted.checked_at_ns,
            verifier_version: VERIFIER_VERSION,
            reduction_steps: rec.accepted.steps,
            cache_hit_rate_bps: {
                let misses =
                    self.dropped_misses + self.miss_seqs.partition_point(|&m| m <= r.seq) as u64;
                hit_rate(r.seq - misses, misses)
            },
        })
    }

    /// The tier that accepted the proof of a receipt this book issued.
    pub(crate) fn tier(&self, r: &ProofReceipt) -> Result<ProofTier, GateError> {
        Ok(self.record(r)?.accepted.tier)
    }

    /// The route that accepted the proof of a receipt this book issued.
    pub(crate) fn route(&self, r: &ProofReceipt) -> Result<Route, GateError> {
        Ok(self.record(r)?.accepted.route)
    }
}

/// A well-mixed 64-bit hash of a recipe (`[epoch, recipe…]`): numbers that
/// differ in a counter must spread over the whole table.
fn recipe_key(words: &[u64]) -> u64 {
    let mut h = words.len() as u64 ^ 0x9e37_79b9_7f4a_7c15;
    for &w in words {
        let x = (h ^ w).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = x ^ (x >> 31);
    }
    let x = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 29)
}

/// The proof hash of an obligation whose proposition and proof have the
/// digests `prop` and `proof`.
pub(crate) fn proof_hash_of(prop: &[u8; 32], proof: &[u8; 32]) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(PROOF_HASH_DOMAIN);
    h.update(prop);
    h.update(proof);
    *h.finalize().as_bytes()
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

#[cfg(test)]
mod tests {
    use super::{Accepted, ReceiptBook, hit_rate};
    use crate::attestation::BasisPoints;
    use crate::error::GateError;
    use crate::tier::ProofTier;

    #[test]
    fn hit_rate_matches_exact_integer_division() {
        for total in (1u64..2_000).chain([65_537, 1 << 20, (1 << 32) - 1, 1 << 33]) {
            for hits in [0, 1, total / 3, total / 2, total.saturating_sub(1), total] {
                let want = BasisPoints::from_ratio(hits, total);
                assert_eq!(hit_rate(hits, total - hits), want, "{hits}/{total}");
            }
        }
    }

    /// These books hold no compiled records.
    fn no_recipes(_: &[u64]) -> Option<[u8; 32]> {
        None
    }

    fn accepted(proof: u32) -> Accepted {
        Accepted {
            checked_at_ns: 7,
            steps: 11,
            proof,
            tier: ProofTier::Standard,
            route: super::Route::Kernel,
        }
    }

    #[test]
    fn one_record_per_proof_and_epoch_and_epochs_follow_declarations() {
        let mut book = ReceiptBook::default();
        book.declared(b"first");
        let p = book.push_proof_hash([1; 32]);
        let a = book.record_for(accepted(p), 1).unwrap();
        assert_eq!(
            book.record_for(accepted(p), 1).unwrap(),
            a,
            "repeat adds nothing"
        );
        let h0 = book.environment_hash();
        book.declared(b"second");
        let b = book.record_for(accepted(p), 2).unwrap();
        assert_ne!(a, b, "a new epoch gets a new record");
        let (ra, rb) = (book.receipt(1, a, false), book.receipt(2, b, true));
        let (att_a, att_b) = (
            book.attestation(&ra, &no_recipes).unwrap(),
            book.attestation(&rb, &no_recipes).unwrap(),
        );
        assert_eq!(att_a.environment_hash, h0);
        assert_ne!(att_b.environment_hash, h0);
        assert_eq!(att_a.proof_term_hash, [1; 32]);
        assert_eq!(
            (att_a.reduction_steps, book.tier(&rb).unwrap()),
            (11, ProofTier::Standard)
        );
    }

    #[test]
    fn receipts_of_another_book_are_refused_and_hit_rate_is_per_receipt() {
        let mut book = ReceiptBook::default();
        let other = ReceiptBook::default();
        let p = book.push_proof_hash([2; 32]);
        book.miss(1);
        let r = book.record_for(accepted(p), 1).unwrap();
        let first = book.receipt(1, r, false);
        let later = book.receipt(4, r, true);
        assert!(matches!(
            other.attestation(&first, &no_recipes),
            Err(GateError::ForeignReceipt)
        ));
        assert_eq!(
            book.attestation(&first, &no_recipes)
                .unwrap()
                .cache_hit_rate_bps,
            BasisPoints::ZERO
        );
        assert_eq!(
            book.attestation(&later, &no_recipes)
                .unwrap()
                .cache_hit_rate_bps,
            BasisPoints::new(7_500).unwrap()
        );
    }

    /// A bounded book evicts its oldest records: their receipts say so
    /// instead of yielding an attestation, later receipts keep theirs, and
    /// hit rates stay exact once old misses are dropped.
    #[test]
    fn the_oldest_records_are_evicted_and_their_receipts_say_so() {
        let mut book = ReceiptBook::default();
        book.set_max_records(2);
        let mut receipts = Vec::new();
        for seq in 1..=5u64 {
            book.miss(seq);
            let p = book.push_proof_hash([seq as u8; 32]);
            let r = book.record_for(accepted(p), seq).unwrap();
            receipts.push(book.receipt(seq, r, false));
        }
        for old in &receipts[..3] {
            assert!(matches!(
                book.attestation(old, &no_recipes),
                Err(GateError::ReceiptEvicted { kept: 2 })
            ));
        }
        for (i, live) in receipts[3..].iter().enumerate() {
            let att = book.attestation(live, &no_recipes).unwrap();
            assert_eq!(att.proof_term_hash, [4 + i as u8; 32]);
            assert_eq!(att.cache_hit_rate_bps, BasisPoints::ZERO, "all misses");
        }
        assert!(
            book.miss_seqs.len() <= 2,
            "misses before every live record are dropped"
        );
        // A hit on a live record later still counts every miss.
        let hit = book.receipt(8, book.first_record + 1, true);
        assert_eq!(
            book.attestation(&hit, &no_recipes)
                .unwrap()
                .cache_hit_rate_bps,
            BasisPoints::from_ratio(3, 8)
        );
    }

    /// The compiled route's records: a repeat of a recipe in the same epoch
    /// finds its record, another recipe or another epoch makes a new one,
    /// and each attestation hashes its own recipe.
    #[test]
    fn compiled_records_are_found_by_their_recipe_only() {
        let mut book = ReceiptBook::default();
        let compiled = |proof| Accepted {
            route: super::Route::Compiled,
            ..accepted(proof)
        };
        let e = u64::from(book.current_epoch());
        let (a, b) = ([e, 0, 7, 1, 5], [e, 0, 7, 1, 6]);
        let ha = book.compiled_record(&a).expect_err("nothing recorded yet");
        let ra = book.push_compiled(&a, ha, compiled(u32::MAX), 1).unwrap();
        let hb = book.compiled_record(&b).expect_err("another recipe");
        let rb = book.push_compiled(&b, hb, compiled(u32::MAX), 2).unwrap();
        assert_ne!(ra, rb);
        assert_eq!(book.compiled_record(&a), Ok(ra));
        assert_eq!(book.compiled_record(&b), Ok(rb));
        let by_last = |r: &[u64]| Some([r[r.len() - 1] as u8; 32]);
        let att = book
            .attestation(&book.receipt(3, rb, true), &by_last)
            .unwrap();
        assert_eq!(att.proof_term_hash, [6; 32]);
        book.declared(b"next");
        let e2 = u64::from(book.current_epoch());
        assert!(
            book.compiled_record(&[e2, 0, 7, 1, 5]).is_err(),
            "a new epoch"
        );
    }
}

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

/// An accepted proof as attested in one epoch of the environment.
#[derive(Clone, Copy, Debug)]
struct Record {
    accepted: Accepted,
    epoch: u32,
}

/// Epochs, proof hashes, records and the miss log of one environment.
pub(crate) struct ReceiptBook {
    digests: TermDigests,
    env_hasher: blake3::Hasher,
    /// Every environment hash attested so far; the last is current unless
    /// a declaration was added since (`epoch` is then `None`).
    env_hashes: Vec<[u8; 32]>,
    epoch: Option<u32>,
    /// Proof hashes of accepted obligations, indexed by `CachedProof::proof_index`.
    proof_hashes: Vec<[u8; 32]>,
    /// Tells receipts of this book from those of another.
    id: u32,
    records: Vec<Record>,
    record_ids: FxHashMap<(u32, u32), u32>,
    /// The lookup sequence number (hits + misses) of every cache miss, in
    /// order: with a receipt's sequence number it gives the hit rate of
    /// that moment.
    miss_seqs: Vec<u64>,
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
            records: Vec::new(),
            record_ids: FxHashMap::default(),
            miss_seqs: Vec::new(),
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
        let mut h = blake3::Hasher::new();
        h.update(PROOF_HASH_DOMAIN);
        h.update(&p);
        h.update(&q);
        *h.finalize().as_bytes()
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
        self.miss_seqs.push(seq);
    }

    /// Keeps a newly accepted proof's hash; its index.
    pub(crate) fn push_proof_hash(&mut self, hash: [u8; 32]) -> u32 {
        let i = u32::try_from(self.proof_hashes.len()).unwrap_or(u32::MAX);
        self.proof_hashes.push(hash);
        i
    }

    /// The record of `accepted` in the current epoch.
    pub(crate) fn record_for(&mut self, accepted: Accepted) -> Result<u32, GateError> {
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

    /// A receipt for `record` at lookup sequence number `seq`: two words, no
    /// hashing, no division.
    #[inline]
    pub(crate) fn receipt(&self, seq: u64, record: u32, cached: bool) -> ProofReceipt {
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

    /// The 82-byte attestation of a receipt this book issued.
    pub(crate) fn attestation(&self, r: &ProofReceipt) -> Result<ProofAttestation, GateError> {
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

    /// The tier that accepted the proof of a receipt this book issued.
    pub(crate) fn tier(&self, r: &ProofReceipt) -> Result<ProofTier, GateError> {
        Ok(self.record(r)?.accepted.tier)
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

    fn accepted(proof: u32) -> Accepted {
        Accepted {
            checked_at_ns: 7,
            steps: 11,
            proof,
            tier: ProofTier::Standard,
        }
    }

    #[test]
    fn one_record_per_proof_and_epoch_and_epochs_follow_declarations() {
        let mut book = ReceiptBook::default();
        book.declared(b"first");
        let p = book.push_proof_hash([1; 32]);
        let a = book.record_for(accepted(p)).unwrap();
        assert_eq!(
            book.record_for(accepted(p)).unwrap(),
            a,
            "repeat adds nothing"
        );
        let h0 = book.environment_hash();
        book.declared(b"second");
        let b = book.record_for(accepted(p)).unwrap();
        assert_ne!(a, b, "a new epoch gets a new record");
        let (ra, rb) = (book.receipt(1, a, false), book.receipt(2, b, true));
        let (att_a, att_b) = (
            book.attestation(&ra).unwrap(),
            book.attestation(&rb).unwrap(),
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
        let r = book.record_for(accepted(p)).unwrap();
        let first = book.receipt(1, r, false);
        let later = book.receipt(4, r, true);
        assert!(matches!(
            other.attestation(&first),
            Err(GateError::ForeignReceipt)
        ));
        assert_eq!(
            book.attestation(&first).unwrap().cache_hit_rate_bps,
            BasisPoints::ZERO
        );
        assert_eq!(
            book.attestation(&later).unwrap().cache_hit_rate_bps,
            BasisPoints::new(7_500).unwrap()
        );
    }
}

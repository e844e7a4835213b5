//! What one ledger position holds, and its canonical byte encoding (the
//! `bytes_i` that the chain and the Merkle leaves hash).
//!
//! Every encoding starts with a one-byte tag; integers are little-endian.

use super::approval::{APPROVAL_SIZE, Approval};
use super::attestation::{ATTESTATION_SIZE, AttestationError, ProofAttestation};
use super::epoch::{EpochBoundary, EpochConfig};
use super::seal::{SEAL_SIZE, Seal};
use super::sealing::{CompactionSeal, ScopeTransition};
use super::supersession::SupersessionProof;
use thiserror::Error;

/// Upper bound of an encoded entry's size (the epoch boundary is the largest).
pub const MAX_ENTRY_SIZE: usize = 1 + 8 + 8 + SEAL_SIZE + 32 + 4 + 4 + 4;
// The tag byte plus an approval fits the encoding buffer.
const _: () = assert!(APPROVAL_SIZE < MAX_ENTRY_SIZE);

pub(crate) const TAG_ATTESTATION: u8 = 1;
const TAG_SUPERSESSION: u8 = 2;
const TAG_COMPACTION_SEAL: u8 = 3;
const TAG_EPOCH_BOUNDARY: u8 = 4;
const TAG_SCOPE_TRANSITION: u8 = 5;
const TAG_APPROVAL: u8 = 6;

/// One position of the ledger.
#[derive(Debug, Clone, PartialEq)]
pub enum LedgerEntry {
    /// An attestation issued by the gate for one unlocked mutation.
    Attestation(ProofAttestation),
    /// A rollback: an earlier entry replaced, not deleted.
    Supersession(SupersessionProof),
    /// The first entry after a compaction: seals the archived prefix.
    CompactionSeal(CompactionSeal),
    /// The first entry of a new epoch (also a compaction seal).
    EpochBoundary(EpochBoundary),
    /// The last entry of a scope's ledger (and the first of its successor's).
    ScopeTransition(ScopeTransition),
    /// An attestation with the subject it approved and when (tag 6; older
    /// builds refuse it as an unknown tag rather than misread it).
    Approval(Approval),
}

// Every variant is stored inline: an entry with drop glue (a boxed variant)
// made each automatic compaction walk the whole archived buffer to drop it,
// about 4 ns per append, while clearing plain data is free.
const _: () = assert!(!std::mem::needs_drop::<LedgerEntry>());

/// Why bytes do not decode to an entry.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EntryDecodeError {
    /// The input was empty.
    #[error("empty entry")]
    Empty,
    /// The tag byte names no entry kind this build knows.
    #[error("unknown entry tag {0} (an entry kind of a newer proofgate, or damage)")]
    UnknownTag(u8),
    /// The length does not match the kind's fixed size.
    #[error("entry of tag {tag} must be {expected} bytes, got {found}")]
    WrongLength {
        /// The tag byte.
        tag: u8,
        /// Size the kind requires.
        expected: usize,
        /// Size found.
        found: usize,
    },
    /// An embedded attestation is malformed.
    #[error("embedded attestation: {0}")]
    Attestation(#[from] AttestationError),
    /// An embedded seal is malformed.
    #[error("embedded seal: {0}")]
    Seal(#[source] AttestationError),
    /// A scope transition's min-cut value is NaN or infinite.
    #[error("scope transition min-cut value is not finite")]
    NonFiniteMinCut,
    /// An approval's subject presence byte is neither 0 nor 1, or an absent
    /// subject's slot is not all zero.
    #[error("approval subject slot is not canonical (presence byte {presence})")]
    NonCanonicalSubject {
        /// The presence byte found.
        presence: u8,
    },
    /// An epoch boundary's epochs do not follow each other.
    #[error("epoch boundary from {from} to {to}: epochs must be consecutive")]
    EpochsNotConsecutive {
        /// `from_epoch`.
        from: u64,
        /// `to_epoch`.
        to: u64,
    },
}

/// Fixed-capacity output buffer: encoding never allocates.
pub struct EncodeBuffer {
    bytes: [u8; MAX_ENTRY_SIZE],
    len: usize,
}

impl EncodeBuffer {
    fn new() -> Self {
        Self {
            bytes: [0u8; MAX_ENTRY_SIZE],
            len: 0,
        }
    }
    fn put(&mut self, data: &[u8]) {
        self.bytes[self.len..self.len + data.len()].copy_from_slice(data);
        self.len += data.len();
    }
    /// The encoded bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// The encoding of an attestation entry, without building a [`LedgerEntry`].
#[inline]
pub fn encode_attestation(att: &ProofAttestation) -> [u8; 1 + ATTESTATION_SIZE] {
    let mut out = [0u8; 1 + ATTESTATION_SIZE];
    out[0] = TAG_ATTESTATION;
    out[1..].copy_from_slice(&att.to_bytes());
    out
}

impl LedgerEntry {
    /// The canonical encoding.
    pub fn encode(&self) -> EncodeBuffer {
        let mut b = EncodeBuffer::new();
        match self {
            Self::Attestation(att) => b.put(&encode_attestation(att)),
            Self::Supersession(s) => {
                b.put(&[TAG_SUPERSESSION]);
                b.put(&s.superseded_position.to_le_bytes());
                b.put(&s.replacement.to_bytes());
                b.put(&s.soundness_proof_id.to_le_bytes());
            }
            Self::CompactionSeal(s) => {
                b.put(&[TAG_COMPACTION_SEAL]);
                b.put(&s.first.to_le_bytes());
                b.put(&s.end.to_le_bytes());
                b.put(&s.seal.to_bytes());
            }
            Self::EpochBoundary(e) => {
                b.put(&[TAG_EPOCH_BOUNDARY]);
                b.put(&e.from_epoch.to_le_bytes());
                b.put(&e.to_epoch.to_le_bytes());
                b.put(&e.seal.to_bytes());
                b.put(&e.new_config.environment_hash);
                b.put(&e.new_config.verifier_version.to_le_bytes());
                b.put(&e.new_config.standard_fuel.to_le_bytes());
                b.put(&e.new_config.deep_fuel.to_le_bytes());
            }
            Self::ScopeTransition(t) => {
                b.put(&[TAG_SCOPE_TRANSITION]);
                b.put(&t.from_partition.to_le_bytes());
                b.put(&t.to_partition.to_le_bytes());
                b.put(&t.min_cut_value.to_bits().to_le_bytes());
                b.put(&t.seal.to_bytes());
            }
            Self::Approval(a) => {
                b.put(&[TAG_APPROVAL]);
                b.put(&a.attestation.to_bytes());
                b.put(&a.approved_at_ns.to_le_bytes());
                b.put(&[u8::from(a.subject.is_some())]);
                b.put(&a.subject.unwrap_or([0; 32]));
            }
        }
        b
    }

    /// Decodes a canonical encoding, validating every field.
    pub fn decode(bytes: &[u8]) -> Result<Self, EntryDecodeError> {
        let (&tag, rest) = bytes.split_first().ok_or(EntryDecodeError::Empty)?;
        let expected = match tag {
            TAG_ATTESTATION => ATTESTATION_SIZE,
            TAG_SUPERSESSION => 8 + ATTESTATION_SIZE + 4,
            TAG_COMPACTION_SEAL => 8 + 8 + SEAL_SIZE,
            TAG_EPOCH_BOUNDARY => 8 + 8 + SEAL_SIZE + 32 + 12,
            TAG_SCOPE_TRANSITION => 4 + 4 + 8 + SEAL_SIZE,
            TAG_APPROVAL => APPROVAL_SIZE,
            other => return Err(EntryDecodeError::UnknownTag(other)),
        };
        if rest.len() != expected {
            return Err(EntryDecodeError::WrongLength {
                tag,
                expected: expected + 1,
                found: bytes.len(),
            });
        }
        let mut r = Reader(rest);
        Ok(match tag {
            TAG_ATTESTATION => Self::Attestation(r.attestation()?),
            TAG_SUPERSESSION => Self::Supersession(SupersessionProof {
                superseded_position: r.u64(),
                replacement: r.attestation()?,
                soundness_proof_id: r.u32(),
            }),
            TAG_COMPACTION_SEAL => Self::CompactionSeal(CompactionSeal {
                first: r.u64(),
                end: r.u64(),
                seal: r.seal()?,
            }),
            TAG_EPOCH_BOUNDARY => {
                let from_epoch = r.u64();
                let to_epoch = r.u64();
                if from_epoch.checked_add(1) != Some(to_epoch) {
                    return Err(EntryDecodeError::EpochsNotConsecutive {
                        from: from_epoch,
                        to: to_epoch,
                    });
                }
                Self::EpochBoundary(EpochBoundary {
                    from_epoch,
                    to_epoch,
                    seal: r.seal()?,
                    new_config: EpochConfig {
                        environment_hash: r.array(),
                        verifier_version: r.u32(),
                        standard_fuel: r.u32(),
                        deep_fuel: r.u32(),
                    },
                })
            }
            TAG_APPROVAL => {
                let attestation = r.attestation()?;
                let approved_at_ns = r.u64();
                let presence = r.array::<1>()[0];
                let slot: [u8; 32] = r.array();
                let subject = match presence {
                    1 => Some(slot),
                    0 if slot == [0; 32] => None,
                    _ => return Err(EntryDecodeError::NonCanonicalSubject { presence }),
                };
                Self::Approval(Approval {
                    attestation,
                    subject,
                    approved_at_ns,
                })
            }
            _ => {
                let from_partition = r.u32();
                let to_partition = r.u32();
                let min_cut_value = f64::from_bits(r.u64());
                if !min_cut_value.is_finite() {
                    return Err(EntryDecodeError::NonFiniteMinCut);
                }
                Self::ScopeTransition(ScopeTransition {
                    from_partition,
                    to_partition,
                    min_cut_value,
                    seal: r.seal()?,
                })
            }
        })
    }

    /// A short name of the entry kind, for listings.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Attestation(_) => "attestation",
            Self::Supersession(_) => "supersession",
            Self::CompactionSeal(_) => "compaction_seal",
            Self::EpochBoundary(_) => "epoch_boundary",
            Self::ScopeTransition(_) => "scope_transition",
            Self::Approval(_) => "approval",
        }
    }

    /// The attestation an entry carries: its own, an approval's, or the
    /// replacement of a supersession. Seals, boundaries and transitions
    /// carry none.
    pub fn attestation(&self) -> Option<&ProofAttestation> {
        match self {
            Self::Attestation(a) => Some(a),
            Self::Approval(a) => Some(&a.attestation),
            Self::Supersession(s) => Some(&s.replacement),
            _ => None,
        }
    }

    /// The seal of a compaction seal, epoch boundary or scope transition.
    pub fn seal(&self) -> Option<&Seal> {
        match self {
            Self::CompactionSeal(s) => Some(&s.seal),
            Self::EpochBoundary(e) => Some(&e.seal),
            Self::ScopeTransition(t) => Some(&t.seal),
            _ => None,
        }
    }
}

/// Cursor over a buffer whose length was checked against the kind's size,
/// so the fixed-width reads below stay in bounds.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        head
    }
    fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N));
        out
    }
    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.array())
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.array())
    }
    fn attestation(&mut self) -> Result<ProofAttestation, AttestationError> {
        ProofAttestation::from_bytes(self.take(ATTESTATION_SIZE))
    }
    fn seal(&mut self) -> Result<Seal, EntryDecodeError> {
        Seal::from_bytes(&self.array()).map_err(EntryDecodeError::Seal)
    }
}

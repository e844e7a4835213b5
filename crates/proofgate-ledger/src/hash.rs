//! The hash functions of the ledger.
//!
//! The chain head `h_i = blake3(h_{i-1} || bytes_i)` is also the RFC 9162
//! leaf hash of entry `i` (its leaf input is `h_{i-1} || bytes_i`), so each
//! append hashes its entry once, for the chain and the tree together. RFC 9162
//! separates leaves from interior nodes with 0x00/0x01 prefixes; here the
//! leaves are plain blake3 and interior nodes keyed blake3. Keyed mode sets
//! its own flag in every compression and starts from the key instead of the
//! standard IV, so no interior node can equal any leaf (nor the keyed root of
//! the empty tree), and a proof can never pass a node off as an entry or the
//! reverse. The separation comes from the mode rather than a prefix byte
//! because a prefix on the leaf input would change the chain formula, which
//! the specification fixes.

use crate::record::attestation::{ATTESTATION_SIZE, ProofAttestation};
pub use crate::record::digest::{Hash, to_hex};
use crate::record::entry::{LedgerEntry, MAX_ENTRY_SIZE, TAG_ATTESTATION};

/// Key of Merkle interior-node hashes.
const NODE_KEY: &[u8; 32] = b"proofgate/ledger/merkle-node/v1.";
/// Key of the root of an empty tree.
const EMPTY_KEY: &[u8; 32] = b"proofgate/ledger/merkle-empty/v1";

/// The chain head before the first entry of a fresh ledger.
pub const GENESIS_HEAD: Hash = [0u8; 32];

/// Merkle interior hash of two children (one blake3 block).
#[inline]
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(left);
    block[32..].copy_from_slice(right);
    *blake3::keyed_hash(NODE_KEY, &block).as_bytes()
}

/// Root of the tree with no leaves.
pub fn empty_root() -> Hash {
    *blake3::keyed_hash(EMPTY_KEY, &[]).as_bytes()
}

/// Next chain head, which is also the Merkle leaf hash of the entry:
/// `h_i = blake3(h_{i-1} || bytes_i)`.
#[inline]
pub fn chain_link(previous: &Hash, entry_bytes: &[u8]) -> Hash {
    if entry_bytes.len() > MAX_ENTRY_SIZE {
        let mut hasher = blake3::Hasher::new();
        hasher.update(previous);
        hasher.update(entry_bytes);
        return *hasher.finalize().as_bytes();
    }
    // One contiguous input on the stack: cheaper than a streaming hasher.
    let mut input = [0u8; 32 + MAX_ENTRY_SIZE];
    input[..32].copy_from_slice(previous);
    input[32..32 + entry_bytes.len()].copy_from_slice(entry_bytes);
    *blake3::hash(&input[..32 + entry_bytes.len()]).as_bytes()
}

/// [`chain_link`] of an attestation entry, with the entry encoded straight
/// into the hash input: the gate's hot path, so no intermediate buffer and
/// no streaming hasher.
#[inline]
pub(crate) fn chain_link_attestation(previous: &Hash, att: &ProofAttestation) -> Hash {
    let mut input = [0u8; 32 + 1 + ATTESTATION_SIZE];
    input[..32].copy_from_slice(previous);
    input[32] = TAG_ATTESTATION;
    if let Ok(slot) = <&mut [u8; ATTESTATION_SIZE]>::try_from(&mut input[33..]) {
        att.write_to(slot);
    }
    *blake3::hash(&input).as_bytes()
}

/// The chain head after `entry` when `previous` precedes it (its Merkle
/// leaf too). Attestations skip the intermediate encoding buffer.
#[inline]
pub(crate) fn link(previous: &Hash, entry: &LedgerEntry) -> Hash {
    match entry {
        LedgerEntry::Attestation(att) => chain_link_attestation(previous, att),
        other => chain_link(previous, other.encode().as_slice()),
    }
}

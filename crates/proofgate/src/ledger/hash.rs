//! The hash functions of the ledger, each under its own blake3 key so a leaf,
//! an interior node and a chain link can never be confused (the role the
//! 0x00/0x01 prefixes play in RFC 9162).

/// A 32-byte blake3 digest.
pub type Hash = [u8; 32];

/// Key of Merkle leaf hashes.
const LEAF_KEY: &[u8; 32] = b"proofgate/ledger/merkle-leaf/v1.";
/// Key of Merkle interior-node hashes.
const NODE_KEY: &[u8; 32] = b"proofgate/ledger/merkle-node/v1.";
/// Key of the root of an empty tree.
const EMPTY_KEY: &[u8; 32] = b"proofgate/ledger/merkle-empty/v1";

/// The chain head before the first entry of a fresh ledger.
pub const GENESIS_HEAD: Hash = [0u8; 32];

/// Merkle leaf hash of an encoded entry.
#[inline]
pub fn leaf_hash(entry_bytes: &[u8]) -> Hash {
    *blake3::keyed_hash(LEAF_KEY, entry_bytes).as_bytes()
}

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

/// Next chain head: `h_i = blake3(h_{i-1} || bytes_i)`.
#[inline]
pub fn chain_link(previous: &Hash, entry_bytes: &[u8]) -> Hash {
    // One contiguous input on the stack: cheaper than a streaming hasher.
    let mut input = [0u8; 32 + super::entry::MAX_ENTRY_SIZE];
    if entry_bytes.len() > super::entry::MAX_ENTRY_SIZE {
        let mut hasher = blake3::Hasher::new();
        hasher.update(previous);
        hasher.update(entry_bytes);
        return *hasher.finalize().as_bytes();
    }
    input[..32].copy_from_slice(previous);
    input[32..32 + entry_bytes.len()].copy_from_slice(entry_bytes);
    *blake3::hash(&input[..32 + entry_bytes.len()]).as_bytes()
}

/// Lowercase hex of a hash, for messages and the command line.
pub fn to_hex(hash: &Hash) -> String {
    use std::fmt::Write;
    hash.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

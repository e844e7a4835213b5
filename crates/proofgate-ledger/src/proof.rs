//! Inclusion and consistency proofs, and their verifiers (hashes only, as in
//! RFC 9162 sections 2.1.3.2 and 2.1.4.2).
//!
//! The leaf input of entry `i` is `h_{i-1} || bytes_i` (see [`super::hash`]),
//! so an inclusion proof carries `h_{i-1}` beside its audit path: with it and
//! the entry's bytes the verifier rebuilds the leaf itself.

use super::hash::{Hash, chain_link, node_hash};
use thiserror::Error;

/// Why a proof does not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ProofError {
    /// The leaf index is not inside the tree.
    #[error("index {index} is outside a tree of size {size}")]
    IndexOutOfRange {
        /// The index.
        index: u64,
        /// The tree size.
        size: u64,
    },
    /// The sizes of a consistency proof are not `1 <= old <= new`.
    #[error("consistency needs 1 <= old <= new, got old {old}, new {new}")]
    BadSizes {
        /// Old size.
        old: u64,
        /// New size.
        new: u64,
    },
    /// The path has the wrong number of hashes for its sizes.
    #[error("proof path has the wrong length ({len} hashes)")]
    WrongLength {
        /// Length of the path.
        len: usize,
    },
    /// The recomputed root differs from the expected one.
    #[error("recomputed root does not match")]
    RootMismatch,
}

/// Proof that entry `index` is in the tree of `size` entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InclusionProof {
    /// Position of the entry.
    pub index: u64,
    /// Size of the tree the proof is against.
    pub size: u64,
    /// The chain head before the entry, `h_{index-1}`: the first half of its
    /// leaf input. For entry 0 it is the ledger's genesis (all zeros for a
    /// fresh ledger, the sealed predecessor's final head for a successor).
    pub previous: Hash,
    /// Sibling hashes, leaf to root (at most `ceil(log2 size)` of them; the
    /// predecessor head is part of the leaf, not of the path).
    pub path: Vec<Hash>,
}

/// Proof that the tree of `old_size` leaves is a prefix of the tree of
/// `new_size` leaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsistencyProof {
    /// The earlier size.
    pub old_size: u64,
    /// The later size.
    pub new_size: u64,
    /// RFC 9162 consistency path.
    pub path: Vec<Hash>,
}

/// Right-shifts `fn_` and `sn` together until the low bit of `fn_` is set
/// or `fn_` is zero.
fn shift_while_even(fn_: &mut u64, sn: &mut u64) {
    while *fn_ != 0 && *fn_ & 1 == 0 {
        *fn_ >>= 1;
        *sn >>= 1;
    }
}

impl InclusionProof {
    /// The leaf hash the entry encoded as `entry_bytes` has at this position:
    /// `h_index = blake3(previous || entry_bytes)`.
    pub fn leaf(&self, entry_bytes: &[u8]) -> Hash {
        chain_link(&self.previous, entry_bytes)
    }

    /// Checks that the entry whose canonical encoding (see
    /// [`super::LedgerEntry::encode`]) is `entry_bytes` sits at `index`
    /// under `root`.
    pub fn verify(&self, entry_bytes: &[u8], root: &Hash) -> Result<(), ProofError> {
        self.verify_leaf(&self.leaf(entry_bytes), root)
    }

    /// Checks the audit path from a leaf hash already known to the caller
    /// (the chain head `h_index`, e.g. from a seal or an earlier proof);
    /// ignores [`Self::previous`].
    pub fn verify_leaf(&self, leaf: &Hash, root: &Hash) -> Result<(), ProofError> {
        if self.index >= self.size {
            return Err(ProofError::IndexOutOfRange {
                index: self.index,
                size: self.size,
            });
        }
        let mut fn_ = self.index;
        let mut sn = self.size - 1;
        let mut r = *leaf;
        for p in &self.path {
            if sn == 0 {
                return Err(ProofError::WrongLength {
                    len: self.path.len(),
                });
            }
            if fn_ & 1 == 1 || fn_ == sn {
                r = node_hash(p, &r);
                if fn_ & 1 == 0 {
                    shift_while_even(&mut fn_, &mut sn);
                }
            } else {
                r = node_hash(&r, p);
            }
            fn_ >>= 1;
            sn >>= 1;
        }
        if sn != 0 {
            return Err(ProofError::WrongLength {
                len: self.path.len(),
            });
        }
        if r != *root {
            return Err(ProofError::RootMismatch);
        }
        Ok(())
    }
}

impl ConsistencyProof {
    /// Checks that `old_root` (of `old_size` leaves) is a prefix of
    /// `new_root` (of `new_size` leaves).
    pub fn verify(&self, old_root: &Hash, new_root: &Hash) -> Result<(), ProofError> {
        let (m, n) = (self.old_size, self.new_size);
        if m == 0 || m > n {
            return Err(ProofError::BadSizes { old: m, new: n });
        }
        if m == n {
            if !self.path.is_empty() {
                return Err(ProofError::WrongLength {
                    len: self.path.len(),
                });
            }
            return if old_root == new_root {
                Ok(())
            } else {
                Err(ProofError::RootMismatch)
            };
        }
        let mut path = self.path.iter();
        // RFC 9162: when the old tree is a complete subtree its root is the
        // first step and the proof omits it.
        let first = if m.is_power_of_two() {
            *old_root
        } else {
            *path.next().ok_or(ProofError::WrongLength { len: 0 })?
        };
        let mut fn_ = m - 1;
        let mut sn = n - 1;
        while fn_ & 1 == 1 {
            fn_ >>= 1;
            sn >>= 1;
        }
        let mut fr = first;
        let mut sr = first;
        for c in path {
            if sn == 0 {
                return Err(ProofError::WrongLength {
                    len: self.path.len(),
                });
            }
            if fn_ & 1 == 1 || fn_ == sn {
                fr = node_hash(c, &fr);
                sr = node_hash(c, &sr);
                if fn_ & 1 == 0 {
                    shift_while_even(&mut fn_, &mut sn);
                }
            } else {
                sr = node_hash(&sr, c);
            }
            fn_ >>= 1;
            sn >>= 1;
        }
        if sn != 0 {
            return Err(ProofError::WrongLength {
                len: self.path.len(),
            });
        }
        if fr != *old_root || sr != *new_root {
            return Err(ProofError::RootMismatch);
        }
        Ok(())
    }
}

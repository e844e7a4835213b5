//! Helpers shared by the integration tests: deterministic attestations, a
//! naive chain and Merkle tree to check the incremental ones against, temp
//! directories.
#![allow(dead_code)]

use proofgate_ledger::hash::{Hash, empty_root, node_hash};
use proofgate_ledger::{BasisPoints, ProofAttestation};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A distinct, valid attestation for each `i`.
pub fn att(i: u64) -> ProofAttestation {
    let seed = blake3::hash(&i.to_le_bytes());
    ProofAttestation {
        proof_term_hash: *seed.as_bytes(),
        environment_hash: *blake3::hash(seed.as_bytes()).as_bytes(),
        verification_timestamp_ns: 1_700_000_000_000_000_000u64.wrapping_add(i.wrapping_mul(1000)),
        verifier_version: 1 + (i % 3) as u32,
        reduction_steps: (i.wrapping_mul(37) % 10_001) as u32,
        cache_hit_rate_bps: BasisPoints::new((i.wrapping_mul(97) % 10_001) as u16).unwrap(),
    }
}

/// The chain heads, which are the Merkle leaves, straight from the
/// definition: `h_i = blake3(h_{i-1} || bytes_i)` from `genesis`.
pub fn naive_chain(genesis: Hash, entries: &[Vec<u8>]) -> Vec<Hash> {
    let mut head = genesis;
    entries
        .iter()
        .map(|bytes| {
            let mut input = head.to_vec();
            input.extend_from_slice(bytes);
            head = *blake3::hash(&input).as_bytes();
            head
        })
        .collect()
}

/// RFC 9162 MTH, straight from the definition.
pub fn naive_root(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => empty_root(),
        1 => leaves[0],
        n => {
            let k = 1usize << (usize::BITS - 1 - (n - 1).leading_zeros());
            node_hash(&naive_root(&leaves[..k]), &naive_root(&leaves[k..]))
        }
    }
}

/// RFC 9162 PATH, straight from the definition.
pub fn naive_path(m: usize, leaves: &[Hash]) -> Vec<Hash> {
    let n = leaves.len();
    if n <= 1 {
        return vec![];
    }
    let k = 1usize << (usize::BITS - 1 - (n - 1).leading_zeros());
    if m < k {
        let mut p = naive_path(m, &leaves[..k]);
        p.push(naive_root(&leaves[k..]));
        p
    } else {
        let mut p = naive_path(m - k, &leaves[k..]);
        p.push(naive_root(&leaves[..k]));
        p
    }
}

/// RFC 9162 PROOF(m, D[n]), straight from the definition.
pub fn naive_consistency(m: usize, leaves: &[Hash]) -> Vec<Hash> {
    fn sub(m: usize, d: &[Hash], b: bool) -> Vec<Hash> {
        let n = d.len();
        if m == n {
            return if b { vec![] } else { vec![naive_root(d)] };
        }
        let k = 1usize << (usize::BITS - 1 - (n - 1).leading_zeros());
        if m <= k {
            let mut p = sub(m, &d[..k], b);
            p.push(naive_root(&d[k..]));
            p
        } else {
            let mut p = sub(m - k, &d[k..], false);
            p.push(naive_root(&d[..k]));
            p
        }
    }
    sub(m, leaves, true)
}

/// `ceil(log2 n)`.
pub fn ceil_log2(n: u64) -> usize {
    if n <= 1 {
        0
    } else {
        (64 - (n - 1).leading_zeros()) as usize
    }
}

/// A fresh empty directory, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("proofgate-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

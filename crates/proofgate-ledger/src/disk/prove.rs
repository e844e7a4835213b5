//! One call from a ledger directory to a verified proof file: inclusion of
//! an entry, or consistency between two sizes, archived entries included.
//!
//! An open [`super::DiskLedger`] keeps only its live entries in memory (past
//! the compaction threshold older ones are archived on disk), so these read
//! the directory back with the archived segments retained, build the proof,
//! check it with the hash-only verifier a third party uses, and hand back
//! the [`ProofFile`] that `proofgate ledger verify-proof` reads. The
//! command line's `ledger prove` is a thin printer over them.

use super::{DiskError, read_dir};
use crate::hash::Hash;
use crate::mutation_ledger::ArchivePolicy;
use crate::{LedgerEntry, LedgerError, ProofFile};
use std::path::Path;

/// A proof file, checked, with what a printer shows of it.
#[derive(Debug, Clone)]
pub struct ProvedFile {
    /// The proof file (`ProofFile::to_json` writes it).
    pub file: ProofFile,
    /// The root of the tree the proof ends at.
    pub root: Hash,
    /// For an inclusion proof: the entry (its kind, and for an approval
    /// the subject and approval time) and its Merkle leaf.
    pub entry: Option<(LedgerEntry, Hash)>,
    /// For a consistency proof: the root of the older tree.
    pub old_root: Option<Hash>,
}

/// The inclusion proof of entry `index` in the tree of the first `size`
/// entries (default: the whole ledger) of the ledger in `dir`, verified.
pub fn inclusion_proof_file(
    dir: &Path,
    index: u64,
    size: Option<u64>,
) -> Result<ProvedFile, DiskError> {
    let (ledger, _) = read_dir(dir, ArchivePolicy::Retain, &mut |_| {})?;
    let size = size.unwrap_or(ledger.len());
    if size > ledger.len() || index >= size {
        return Err(LedgerError::OutOfRange {
            index: if size > ledger.len() { size } else { index },
            len: if size > ledger.len() {
                ledger.len()
            } else {
                size
            },
        }
        .into());
    }
    let proof = ledger.prove_inclusion(index, size, &[])?;
    let root = ledger.root_at(size, &[])?;
    let entry = ledger
        .find_entry(index, &[])
        .ok_or(LedgerError::OutOfRange {
            index,
            len: ledger.len(),
        })?;
    let bytes = entry.encode();
    proof
        .verify(bytes.as_slice(), &root)
        .map_err(DiskError::ProofRefused)?;
    let leaf = proof.leaf(bytes.as_slice());
    Ok(ProvedFile {
        file: ProofFile::Inclusion {
            proof,
            entry: bytes.as_slice().to_vec(),
        },
        root,
        entry: Some((entry.clone(), leaf)),
        old_root: None,
    })
}

/// The consistency proof that the tree of the first `old` entries of the
/// ledger in `dir` is a prefix of the tree of the first `new`, verified.
pub fn consistency_proof_file(dir: &Path, old: u64, new: u64) -> Result<ProvedFile, DiskError> {
    let (ledger, _) = read_dir(dir, ArchivePolicy::Retain, &mut |_| {})?;
    let proof = ledger.prove_consistency(old, new, &[])?;
    let old_root = ledger.root_at(old, &[])?;
    let root = ledger.root_at(new, &[])?;
    proof.verify(&old_root, &root).map_err(LedgerError::from)?;
    Ok(ProvedFile {
        file: ProofFile::Consistency { proof, old_root },
        root,
        entry: None,
        old_root: Some(old_root),
    })
}

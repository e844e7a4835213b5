//! The RFC 9162 Merkle tree over ledger leaves, kept incrementally.
//!
//! Level `k` holds the hashes of the complete, aligned subtrees
//! `[j * 2^k, (j + 1) * 2^k)`. Appending a leaf completes at most one node per
//! level, so the amortised cost is one interior hash. Compaction drops the
//! nodes of the archived prefix except, on each level, the one a future parent
//! still needs: those are exactly the frontier (the perfect subtrees whose
//! sizes are the binary digits of the compaction point), so the root of every
//! later prefix stays computable. Subtrees that are not stored are rebuilt from
//! their children, down to the leaves, from whichever source holds them (the
//! live tree or a supplied archived segment).

use super::hash::{Hash, empty_root, node_hash};
use thiserror::Error;

/// A hash the proof needs lives in an archived segment that was not supplied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("leaf {index} is archived: supply the segment that holds it")]
pub struct MissingLeaf {
    /// The first leaf that could not be found.
    pub index: u64,
}

/// The stored nodes of one level, from absolute node index `offset` on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Level {
    pub(crate) offset: u64,
    pub(crate) nodes: Vec<Hash>,
}

/// The stored part of the tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MerkleLevels {
    pub(crate) size: u64,
    pub(crate) levels: Vec<Level>,
}

/// Anything that can answer "what is the hash of node `index` at `level`".
pub trait NodeSource {
    /// The stored hash of the complete node, if held here.
    fn node(&self, level: u32, index: u64) -> Option<Hash>;
}

impl NodeSource for MerkleLevels {
    #[inline]
    fn node(&self, level: u32, index: u64) -> Option<Hash> {
        let lvl = self.levels.get(level as usize)?;
        let at = index.checked_sub(lvl.offset)?;
        lvl.nodes.get(usize::try_from(at).ok()?).copied()
    }
}

impl MerkleLevels {
    /// An empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of leaves ever appended.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The most recently appended leaf, if it is still stored.
    #[inline]
    pub(crate) fn last_leaf(&self) -> Option<&Hash> {
        self.levels.first()?.nodes.last()
    }

    /// Takes back the buffers of a split-off archive nobody else holds: each
    /// live level moves into the archived level's (larger) allocation, so
    /// the next leaves neither reallocate nor fault in fresh pages.
    pub(crate) fn reclaim(&mut self, archived: MerkleLevels) {
        for (live, old) in self.levels.iter_mut().zip(archived.levels) {
            let mut nodes = old.nodes;
            if nodes.capacity() > live.nodes.capacity() {
                nodes.clear();
                nodes.append(&mut live.nodes);
                live.nodes = nodes;
            }
        }
    }

    /// Appends a leaf hash, completing every node it closes.
    #[inline]
    pub fn push_leaf(&mut self, leaf: Hash) {
        let mut index = self.size;
        let mut hash = leaf;
        let mut level = 0usize;
        loop {
            if self.levels.len() == level {
                self.levels.push(Level {
                    offset: index,
                    nodes: Vec::new(),
                });
            }
            let lvl = &mut self.levels[level];
            lvl.nodes.push(hash);
            if index & 1 == 0 {
                break;
            }
            // The left sibling is stored: trimming keeps every node a future
            // parent needs.
            let len = lvl.nodes.len();
            hash = node_hash(&lvl.nodes[len - 2], &lvl.nodes[len - 1]);
            index >>= 1;
            level += 1;
        }
        self.size += 1;
    }

    /// Removes the nodes lying wholly before leaf `point` that no later
    /// parent needs, and returns every node wholly before `point` that was
    /// stored (the archived part of the tree).
    pub(crate) fn split_before(&mut self, point: u64) -> MerkleLevels {
        let mut archived = MerkleLevels {
            size: point,
            levels: Vec::with_capacity(self.levels.len()),
        };
        for (k, lvl) in self.levels.iter_mut().enumerate() {
            let keep_from = (point >> k) & !1;
            let cut = keep_from
                .saturating_sub(lvl.offset)
                .min(lvl.nodes.len() as u64) as usize;
            let tail = lvl.nodes.split_off(cut);
            let mut head = std::mem::replace(&mut lvl.nodes, tail);
            // The kept node that lies wholly before `point` (at most one per
            // level) is copied too, so the archive alone yields the root at
            // `point`.
            let before_point = ((point >> k).saturating_sub(lvl.offset + cut as u64) as usize)
                .min(lvl.nodes.len());
            head.extend_from_slice(&lvl.nodes[..before_point]);
            archived.levels.push(Level {
                offset: lvl.offset,
                nodes: head,
            });
            lvl.offset += cut as u64;
        }
        archived
    }

    /// Root of the current tree.
    pub fn root(&self) -> Result<Hash, MissingLeaf> {
        root_of(self, self.size)
    }
}

/// Largest power of two strictly below `n` (n >= 2).
#[inline]
fn split_point(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// `MTH(D[start..start+len])` for a subtree of the RFC 9162 decomposition.
pub fn subtree_hash(src: &dyn NodeSource, start: u64, len: u64) -> Result<Hash, MissingLeaf> {
    if len.is_power_of_two() && start.is_multiple_of(len) {
        let level = len.trailing_zeros();
        if let Some(h) = src.node(level, start >> level) {
            return Ok(h);
        }
        if len == 1 {
            return Err(MissingLeaf { index: start });
        }
        let half = len / 2;
        return Ok(node_hash(
            &subtree_hash(src, start, half)?,
            &subtree_hash(src, start + half, half)?,
        ));
    }
    let k = split_point(len);
    Ok(node_hash(
        &subtree_hash(src, start, k)?,
        &subtree_hash(src, start + k, len - k)?,
    ))
}

/// Root of the prefix of `size` leaves.
pub fn root_of(src: &dyn NodeSource, size: u64) -> Result<Hash, MissingLeaf> {
    if size == 0 {
        Ok(empty_root())
    } else {
        subtree_hash(src, 0, size)
    }
}

/// RFC 9162 `PATH(index, D[size])`: the audit path, leaf to root.
pub fn inclusion_path(
    src: &dyn NodeSource,
    index: u64,
    size: u64,
) -> Result<Vec<Hash>, MissingLeaf> {
    let mut path = Vec::new();
    path_into(src, index, 0, size, &mut path)?;
    Ok(path)
}

fn path_into(
    src: &dyn NodeSource,
    m: u64,
    start: u64,
    n: u64,
    out: &mut Vec<Hash>,
) -> Result<(), MissingLeaf> {
    if n <= 1 {
        return Ok(());
    }
    let k = split_point(n);
    if m < k {
        path_into(src, m, start, k, out)?;
        out.push(subtree_hash(src, start + k, n - k)?);
    } else {
        path_into(src, m - k, start + k, n - k, out)?;
        out.push(subtree_hash(src, start, k)?);
    }
    Ok(())
}

/// RFC 9162 `PROOF(old, D[new])`, for `1 <= old <= new`.
pub fn consistency_path(
    src: &dyn NodeSource,
    old: u64,
    new: u64,
) -> Result<Vec<Hash>, MissingLeaf> {
    let mut path = Vec::new();
    subproof_into(src, old, 0, new, true, &mut path)?;
    Ok(path)
}

fn subproof_into(
    src: &dyn NodeSource,
    m: u64,
    start: u64,
    n: u64,
    whole: bool,
    out: &mut Vec<Hash>,
) -> Result<(), MissingLeaf> {
    if m == n {
        if !whole {
            out.push(subtree_hash(src, start, n)?);
        }
        return Ok(());
    }
    let k = split_point(n);
    if m <= k {
        subproof_into(src, m, start, k, whole, out)?;
        out.push(subtree_hash(src, start + k, n - k)?);
    } else {
        subproof_into(src, m - k, start + k, n - k, false, out)?;
        out.push(subtree_hash(src, start, k)?);
    }
    Ok(())
}

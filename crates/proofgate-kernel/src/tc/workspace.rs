//! The working memory of one check: local context, caches and the pending
//! constants of a block. A `Kernel` keeps one workspace and lends it to each
//! check, so a small query does not pay for allocating and growing nine hash
//! tables every time.
//!
//! Every check starts from an empty workspace ([`Workspace::reset`]): no
//! result survives from one check to the next, so the steps a check reports
//! never depend on which checks ran before it. Only capacity is reused.

use crate::declaration::ConstantInfo;
use crate::expr::{ExprId, LevelsId};
use crate::name::NameId;
use fxhash::{FxHashMap, FxHashSet};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

/// Local context and caches of a check (see the module documentation).
#[derive(Default)]
pub struct Workspace {
    /// Constants of a block being checked, visible before it is added.
    pub(crate) pending: FxHashMap<NameId, ConstantInfo>,
    /// Types of the free variables made so far (`FVar(i)` has type `locals[i]`).
    pub(crate) locals: Vec<ExprId>,
    pub(crate) infer_cache: FxHashMap<ExprId, ExprId>,
    pub(crate) infer_only_cache: FxHashMap<ExprId, ExprId>,
    pub(crate) whnf_core_cache: FxHashMap<ExprId, ExprId>,
    pub(crate) whnf_cache: FxHashMap<ExprId, ExprId>,
    pub(crate) unfold_cache: FxHashMap<(NameId, LevelsId), Option<ExprId>>,
    pub(crate) const_type_cache: FxHashMap<(NameId, LevelsId), ExprId>,
    pub(crate) eq_parent: FxHashMap<ExprId, ExprId>,
    pub(crate) failure_cache: FxHashSet<(ExprId, ExprId)>,
    /// Whether the literal extensions' constants have their expected types
    /// (see `literal.rs`), decided once per check.
    pub(crate) literal_support: FxHashMap<NameId, bool>,
}

/// Above this many slots, a table that the last check filled only sparsely
/// is dropped rather than cleared: clearing costs time in proportion to the
/// capacity, and a small query after a large declaration should not pay
/// for (or keep) the large declaration's tables.
const SPARSE_SLACK: usize = 256;

pub(crate) fn reset_map<K, V, S: BuildHasher + Default>(m: &mut HashMap<K, V, S>) {
    if m.is_empty() {
        return;
    }
    if m.capacity() > 4 * m.len() + SPARSE_SLACK {
        *m = HashMap::default();
    } else {
        m.clear();
    }
}

fn reset_set<K, S: BuildHasher + Default>(m: &mut HashSet<K, S>) {
    if m.is_empty() {
        return;
    }
    if m.capacity() > 4 * m.len() + SPARSE_SLACK {
        *m = HashSet::default();
    } else {
        m.clear();
    }
}

impl Workspace {
    /// Empties every cache and the local context, keeping allocations that
    /// the last check used densely.
    pub fn reset(&mut self) {
        reset_map(&mut self.pending);
        self.locals.clear();
        reset_map(&mut self.infer_cache);
        reset_map(&mut self.infer_only_cache);
        reset_map(&mut self.whnf_core_cache);
        reset_map(&mut self.whnf_cache);
        reset_map(&mut self.unfold_cache);
        reset_map(&mut self.const_type_cache);
        reset_map(&mut self.eq_parent);
        reset_set(&mut self.failure_cache);
        reset_map(&mut self.literal_support);
    }
}

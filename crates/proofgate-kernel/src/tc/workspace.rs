//! The working memory of one check: local context, caches and the pending
//! constants of a block. A `Kernel` keeps one workspace and lends it to each
//! check, so a small query does not pay for allocating and growing nine hash
//! tables every time.
//!
//! Every check starts from an empty workspace ([`Workspace::reset`]): no
//! result survives from one check to the next, so the steps a check reports
//! never depend on which checks ran before it. Only capacity is reused, and
//! the instances of environment constants, which cost no steps.

use super::instances::Instances;
use crate::declaration::ConstantInfo;
use crate::expr::{ExprId, LevelsId};
use crate::name::NameId;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

/// Local context and caches of a check (see the module documentation).
#[derive(Default)]
pub struct Workspace {
    /// Constants of a block being checked, visible before it is added.
    pub(crate) pending: FxHashMap<NameId, ConstantInfo>,
    /// Types of the free variables made so far (`FVar(i)` has type `locals[i]`).
    pub(crate) locals: Vec<ExprId>,
    /// What the loose indices of the term being inferred stand for, the
    /// last for `#0` (see `context.rs`), with a fresh frame id per entry.
    pub(crate) ctx: Vec<ExprId>,
    pub(crate) ctx_frames: Vec<u64>,
    pub(crate) next_frame: u64,
    /// Frames of let entries, by (frame below, value, type): an equal
    /// binding pushed onto an equal context gets the same frame, so a body
    /// shared under lets of equal values is inferred once (`context.rs`).
    pub(crate) let_frames: FxHashMap<(u64, ExprId, ExprId), u64>,
    /// Frames of binder entries no index of their scope reads, by the frame
    /// below (`context.rs`).
    pub(crate) unread_frames: FxHashMap<u64, u64>,
    /// The declared type of each let entry, by its frame.
    pub(crate) let_types: FxHashMap<u64, ExprId>,
    /// Entries below this belong to an enclosing walk: the closed term
    /// being inferred cannot see them.
    pub(crate) ctx_base: usize,
    /// Types of open terms, by (term, frame, infer-only).
    pub(crate) infer_open_cache: FxHashMap<(ExprId, u64, bool), ExprId>,
    /// Closed copies of open terms, by (term, frame).
    pub(crate) materialized: FxHashMap<(ExprId, u64), ExprId>,
    pub(crate) infer_cache: FxHashMap<ExprId, ExprId>,
    pub(crate) infer_only_cache: FxHashMap<ExprId, ExprId>,
    pub(crate) whnf_core_cache: FxHashMap<ExprId, ExprId>,
    pub(crate) whnf_cache: FxHashMap<ExprId, ExprId>,
    /// Instances of constants that cannot be shared across checks (see
    /// `instances.rs`).
    pub(crate) local_instances: FxHashMap<(NameId, ExprId, LevelsId), ExprId>,
    /// Instances this check has been charged for (see `instances.rs`).
    pub(crate) charged_instances: FxHashSet<(NameId, ExprId, LevelsId)>,
    /// Instances of environment constants, kept across checks: the one
    /// thing [`Workspace::reset`] leaves alone (they count no steps).
    pub(crate) instances: Instances,
    pub(crate) eq_parent: FxHashMap<ExprId, ExprId>,
    pub(crate) failure_cache: FxHashSet<(ExprId, ExprId)>,
    /// Pairs `is_def_eq` found different in this check.
    pub(crate) defeq_failures: FxHashSet<(ExprId, ExprId)>,
    /// Whether the literal extensions' constants have their expected types
    /// (see `literal.rs`), decided once per check.
    pub(crate) literal_support: FxHashMap<NameId, bool>,
    /// The literal extension's expected types, kept across checks like
    /// `instances` (terms, not answers; see `literal.rs`).
    pub(crate) literal_types: crate::literal::LiteralTypes,
    /// Consecutive checks that left some table sparse (see `reset`).
    sparse_streak: u32,
}

/// A table is sparse when its capacity exceeds four times its entries by
/// more than this many slots.
const SPARSE_SLACK: usize = 256;

/// After this many consecutive checks leave some table sparse, sparse
/// tables are dropped rather than cleared: clearing costs time in
/// proportion to the capacity, so a run of small queries after a large
/// declaration should not keep paying for (or keeping) its tables. A
/// single small check between large ones (a Standard attempt before a Deep
/// one) keeps them.
const SPARSE_CHECKS_BEFORE_SHRINK: u32 = 16;

fn is_sparse(capacity: usize, len: usize) -> bool {
    capacity > 4 * len + SPARSE_SLACK
}

/// Empties a map, dropping its allocation if it is sparse and `shrink`.
pub(crate) fn reset_map<K, V, S: BuildHasher + Default>(m: &mut HashMap<K, V, S>, shrink: bool) {
    if m.is_empty() {
        return;
    }
    if shrink && is_sparse(m.capacity(), m.len()) {
        *m = HashMap::default();
    } else {
        m.clear();
    }
}

fn reset_set<K, S: BuildHasher + Default>(m: &mut HashSet<K, S>, shrink: bool) {
    if m.is_empty() {
        return;
    }
    if shrink && is_sparse(m.capacity(), m.len()) {
        *m = HashSet::default();
    } else {
        m.clear();
    }
}

impl Workspace {
    /// Empties every cache and the local context, keeping allocations that
    /// the last check used densely.
    pub fn reset(&mut self) {
        let any_sparse = [
            (self.infer_cache.capacity(), self.infer_cache.len()),
            (
                self.infer_only_cache.capacity(),
                self.infer_only_cache.len(),
            ),
            (self.whnf_core_cache.capacity(), self.whnf_core_cache.len()),
            (self.whnf_cache.capacity(), self.whnf_cache.len()),
            (
                self.infer_open_cache.capacity(),
                self.infer_open_cache.len(),
            ),
            (self.materialized.capacity(), self.materialized.len()),
            (self.eq_parent.capacity(), self.eq_parent.len()),
        ]
        .iter()
        .any(|&(c, l)| is_sparse(c, l));
        self.sparse_streak = if any_sparse {
            self.sparse_streak + 1
        } else {
            0
        };
        let shrink = self.sparse_streak >= SPARSE_CHECKS_BEFORE_SHRINK;
        if shrink {
            self.sparse_streak = 0;
        }
        reset_map(&mut self.pending, shrink);
        self.locals.clear();
        self.ctx.clear();
        self.ctx_frames.clear();
        self.next_frame = 0;
        reset_map(&mut self.let_frames, shrink);
        reset_map(&mut self.let_types, shrink);
        reset_map(&mut self.unread_frames, shrink);
        self.ctx_base = 0;
        reset_map(&mut self.infer_open_cache, shrink);
        reset_map(&mut self.materialized, shrink);
        reset_map(&mut self.infer_cache, shrink);
        reset_map(&mut self.infer_only_cache, shrink);
        reset_map(&mut self.whnf_core_cache, shrink);
        reset_map(&mut self.whnf_cache, shrink);
        reset_map(&mut self.local_instances, shrink);
        reset_set(&mut self.charged_instances, shrink);
        reset_map(&mut self.eq_parent, shrink);
        reset_set(&mut self.failure_cache, shrink);
        reset_set(&mut self.defeq_failures, shrink);
        reset_map(&mut self.literal_support, shrink);
    }
}

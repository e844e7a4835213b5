//! The term store: interning tables for names, levels and expressions.
//!
//! Expressions live in two regions. The persistent region holds what the
//! environment keeps (declarations read from an export or declared through
//! the API). While a declaration is checked, new terms go to the scratch
//! region, which is truncated when the check ends, so checking a long file
//! does not grow memory with every intermediate term. A term is looked up in
//! the persistent table first, so each structure has exactly one id.
//!
//! This is the "scratch interning table truncated after each declaration"
//! design rather than a `bumpalo` arena: ids are plain integers, so caches and
//! terms need no lifetimes tied to an arena and the crate stays free of
//! `unsafe`.

use crate::expr::{
    ExprData, ExprId, ExprNode, FLAG_FVAR, FLAG_LEVEL_PARAM, LevelsId, LitId, LooseIndices,
};
use crate::layered::{Layer, Layered};
use crate::level::{LevelId, LevelTable};
use crate::name::{NameId, NameTable};
use dashu_int::UBig;
use dashu_int::ops::BitTest;
use hashbrown::HashTable;
use rustc_hash::FxHashMap;

/// Arguments kept inline by [`TermStore::spine`].
pub(crate) const SPINE_INLINE: usize = 12;

/// The arguments of an application spine.
pub(crate) type Spine = smallvec::SmallVec<[ExprId; SPINE_INLINE]>;

/// Most nodes one region holds: an id has 31 bits of index, the top bit
/// telling the regions apart (the scratch bit).
pub const MAX_REGION_NODES: usize = 1 << 31;

/// The index of the next node of a region holding `len` nodes, or `None`
/// when the region is full (that index would read as the other region's).
fn region_index(len: usize) -> Option<u32> {
    (len < MAX_REGION_NODES).then_some(len as u32)
}

/// One region: nodes by index, and a hash table of indices. The table holds
/// only 4-byte indices and compares through `nodes`, so a node is stored
/// once (a map keyed by the node would store it twice).
#[derive(Default)]
struct Region {
    nodes: Vec<ExprData>,
    table: HashTable<u32>,
    /// Consecutive clears that found the table sparse.
    sparse_streak: u32,
    /// A node was refused for want of ids (see [`TermStore::check_capacity`]).
    full: bool,
}

/// Spreads the 32-bit structural hash over 64 bits (the table uses the top
/// bits for its control bytes).
fn table_hash(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Region {
    fn find(&self, node: &ExprNode, hash: u32) -> Option<u32> {
        self.table
            .find(table_hash(hash), |&i| self.nodes[i as usize].node == *node)
            .copied()
    }

    /// Interns `data`. A full region interns nothing and answers index 0
    /// (a live node, so nothing reads out of bounds) and remembers it: the
    /// kernel turns the check into [`StoreFull`] before using any result.
    fn insert(&mut self, data: ExprData) -> u32 {
        let Some(i) = region_index(self.nodes.len()) else {
            self.full = true;
            return 0;
        };
        self.nodes.push(data);
        let nodes = &self.nodes;
        self.table.insert_unique(table_hash(data.hash), i, |&j| {
            table_hash(nodes[j as usize].hash)
        });
        i
    }

    /// Empties the region. Clearing the table writes every control byte, so
    /// once a run of checks has left a table sized by some big declaration
    /// sparse, it is replaced by one sized for the last check's nodes, and
    /// the small queries that follow clear a small table. (One small check
    /// between big ones keeps the big table.)
    fn clear(&mut self) {
        if self.nodes.is_empty() {
            return;
        }
        if self.table.capacity() > 8 * self.nodes.len() + 64 {
            self.sparse_streak += 1;
        } else {
            self.sparse_streak = 0;
        }
        if self.sparse_streak >= 16 {
            self.sparse_streak = 0;
            self.table = HashTable::with_capacity(self.nodes.len());
        } else {
            self.table.clear();
        }
        self.nodes.clear();
        self.full = false;
    }
}

/// The persistent region is layered (`layered.rs`): table indices are
/// global, the open layer's numbered after the frozen layer's nodes.
impl Layer for Region {
    fn len(&self) -> usize {
        self.nodes.len()
    }
    fn absorb(&mut self, open: &mut Self) {
        self.full |= open.full;
        open.table.clear();
        for data in open.nodes.drain(..) {
            let i = self.nodes.len() as u32;
            self.nodes.push(data);
            let nodes = &self.nodes;
            self.table.insert_unique(table_hash(data.hash), i, |&j| {
                table_hash(nodes[j as usize].hash)
            });
        }
    }
}

impl Layered<Region> {
    fn find(&self, node: &ExprNode, hash: u32) -> Option<u32> {
        self.frozen()
            .find(node, hash)
            .or_else(|| Some(self.base() + self.open().find(node, hash)?))
    }

    #[inline]
    fn data(&self, i: u32) -> &ExprData {
        match i.checked_sub(self.base()) {
            None => &self.frozen().nodes[i as usize],
            Some(j) => &self.open().nodes[j as usize],
        }
    }

    /// Interns `data` in the open layer under its global index (see
    /// [`Region::insert`] for a full region).
    fn insert(&mut self, data: ExprData) -> u32 {
        if region_index(self.len()).is_none() {
            self.open_mut().full = true;
            return 0;
        }
        self.base() + self.open_mut().insert(data)
    }

    fn full(&self) -> bool {
        self.frozen().full || self.open().full
    }
}

/// Hash of a literal value, for [`LitTable`].
fn lit_hash<Q: std::hash::Hash + ?Sized>(v: &Q) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    v.hash(&mut h);
    h.finish()
}

/// Bytes a table holds for one literal: the value, its heap part and its
/// table slot.
fn lit_bytes<T>(heap: usize) -> u64 {
    (std::mem::size_of::<T>() + heap + std::mem::size_of::<u32>() + 1) as u64
}

/// Interned literal values of one region: values by index and a hash table
/// of indices that compares through the values, so a value is stored once
/// (a map keyed by the value kept a second copy of every literal).
struct LitTable<T> {
    values: Vec<T>,
    table: HashTable<u32>,
    /// Bytes held (see [`lit_bytes`]), for [`TermStore::literal_bytes`].
    bytes: u64,
}

impl<T> Default for LitTable<T> {
    fn default() -> Self {
        LitTable {
            values: Vec::new(),
            table: HashTable::new(),
            bytes: 0,
        }
    }
}

impl<T: std::hash::Hash> LitTable<T> {
    fn find<Q: ?Sized + PartialEq>(&self, v: &Q, hash: u64) -> Option<u32>
    where
        T: std::borrow::Borrow<Q>,
    {
        self.table
            .find(hash, |&i| self.values[i as usize].borrow() == v)
            .copied()
    }

    /// Adds `v` (not already present); `None` when the table is full (its
    /// index would read as the other table's).
    fn insert(&mut self, v: T, hash: u64, bytes: u64) -> Option<u32> {
        let i = region_index(self.values.len())?;
        self.values.push(v);
        let values = &self.values;
        self.table
            .insert_unique(hash, i, |&j| lit_hash(&values[j as usize]));
        self.bytes += bytes;
        Some(i)
    }

    fn clear(&mut self) {
        self.values.clear();
        self.table.clear();
        self.bytes = 0;
    }
}

impl<T: std::hash::Hash> Layer for LitTable<T> {
    fn len(&self) -> usize {
        self.values.len()
    }
    fn absorb(&mut self, open: &mut Self) {
        open.table.clear();
        self.bytes += std::mem::take(&mut open.bytes);
        for v in open.values.drain(..) {
            let i = self.values.len() as u32;
            let hash = lit_hash(&v);
            self.values.push(v);
            let values = &self.values;
            self.table
                .insert_unique(hash, i, |&j| lit_hash(&values[j as usize]));
        }
    }
}

impl<T: std::hash::Hash> Layered<LitTable<T>> {
    fn find<Q: ?Sized + PartialEq>(&self, v: &Q, hash: u64) -> Option<u32>
    where
        T: std::borrow::Borrow<Q>,
    {
        self.frozen()
            .find(v, hash)
            .or_else(|| Some(self.base() + self.open().find(v, hash)?))
    }

    fn value(&self, i: u32) -> &T {
        match i.checked_sub(self.base()) {
            None => &self.frozen().values[i as usize],
            Some(j) => &self.open().values[j as usize],
        }
    }

    /// Adds `v` (not already present) under its global index; `None` when
    /// the table is full.
    fn insert(&mut self, v: T, hash: u64, bytes: u64) -> Option<u32> {
        region_index(self.len())?;
        Some(self.base() + self.open_mut().insert(v, hash, bytes)?)
    }

    fn bytes(&self) -> u64 {
        self.frozen().bytes + self.open().bytes
    }
}

/// The term store ran out of ids: more than [`MAX_REGION_NODES`] terms in
/// one region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("term store full: a region holds at most {limit} terms", limit = MAX_REGION_NODES)]
pub struct StoreFull;

/// All interning tables of one environment.
pub struct TermStore {
    /// Names.
    pub names: NameTable,
    /// Universe levels.
    pub levels: LevelTable,
    level_lists: Vec<Box<[LevelId]>>,
    level_list_map: FxHashMap<Box<[LevelId]>, LevelsId>,
    /// Nat literals of the input and of persisted results.
    nats: Layered<LitTable<UBig>>,
    /// Nat literals computed during the current check (ids with
    /// [`LitId::SCRATCH_BIT`]): emptied with the scratch region, and paid
    /// for by size as term work when made (see [`TermStore::nat_lit`]).
    scratch_nats: LitTable<UBig>,
    /// String literals (only ever read from the input).
    strings: Layered<LitTable<Box<str>>>,
    /// Most bytes the literal tables held at once.
    literal_peak: u64,
    persistent: Layered<Region>,
    scratch: Region,
    scratch_mode: bool,
    /// A fork (see [`TermStore::fork`]): it reads the persistent region and
    /// never adds to it, so a term it would have kept goes to scratch.
    frozen: bool,
    /// See [`TermStore::preferring_persistent`].
    prefer_persistent: bool,
    scratch_peak: usize,
    /// Memo table lent to substitutions (see `instantiate.rs`); always
    /// empty between them.
    pub(crate) replace_cache: crate::instantiate::ReplaceCache,
    /// Distinguishes stores, so a cache of ids made in one store is never
    /// read against another.
    id: u64,
}

/// Source of [`TermStore`] identities.
static NEXT_STORE_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Default for TermStore {
    fn default() -> Self {
        let mut s = TermStore {
            names: NameTable::default(),
            levels: LevelTable::default(),
            level_lists: Vec::new(),
            level_list_map: FxHashMap::default(),
            nats: Layered::default(),
            scratch_nats: LitTable::default(),
            strings: Layered::default(),
            literal_peak: 0,
            persistent: Layered::default(),
            scratch: Region::default(),
            scratch_mode: false,
            frozen: false,
            prefer_persistent: false,
            scratch_peak: 0,
            replace_cache: Default::default(),
            id: NEXT_STORE_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        // `LevelsId::EMPTY`.
        s.level_lists.push(Box::new([]));
        s.level_list_map.insert(Box::new([]), LevelsId::EMPTY);
        s
    }
}

/// Whether a direct subterm of `node` lives in the scratch region.
#[inline]
fn has_scratch_child(node: ExprNode) -> bool {
    match node {
        ExprNode::App(a, b) | ExprNode::Lam(a, b) | ExprNode::Pi(a, b) => {
            a.is_scratch() || b.is_scratch()
        }
        ExprNode::Let(a, b, c) => a.is_scratch() || b.is_scratch() || c.is_scratch(),
        ExprNode::Proj(_, _, s) => s.is_scratch(),
        // A literal computed in this check lives as long as the check.
        ExprNode::NatLit(l) => l.is_scratch(),
        _ => false,
    }
}

fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

impl TermStore {
    /// Interns a list of levels.
    pub fn level_list(&mut self, ls: &[LevelId]) -> LevelsId {
        // The empty list is interned first (see `Default`): most constants
        // the checker builds (`Bool.true`, `Nat.succ`) have no levels.
        if ls.is_empty() {
            return LevelsId::EMPTY;
        }
        if let Some(&id) = self.level_list_map.get(ls) {
            return id;
        }
        let id = LevelsId(self.level_lists.len() as u32);
        self.level_lists.push(ls.into());
        self.level_list_map.insert(ls.into(), id);
        id
    }

    /// The levels of an interned list.
    pub fn levels_of(&self, l: LevelsId) -> &[LevelId] {
        &self.level_lists[l.0 as usize]
    }

    /// The value of a Nat literal.
    pub fn nat(&self, l: LitId) -> &UBig {
        if l.is_scratch() {
            &self.scratch_nats.values[(l.0 & !LitId::SCRATCH_BIT) as usize]
        } else {
            self.nats.value(l.0)
        }
    }

    /// The value of a String literal.
    pub fn string(&self, l: LitId) -> &str {
        self.strings.value(l.0)
    }

    /// Data of an expression.
    #[inline]
    pub fn data(&self, e: ExprId) -> &ExprData {
        if e.is_scratch() {
            &self.scratch.nodes[(e.0 & !ExprId::SCRATCH_BIT) as usize]
        } else {
            self.persistent.data(e.0)
        }
    }

    /// Node of an expression.
    #[inline]
    pub fn node(&self, e: ExprId) -> ExprNode {
        self.data(e).node
    }

    /// A lower bound of the smallest loose index of `e` (`None`: closed).
    #[inline]
    pub fn lowest_loose_bound(&self, e: ExprId) -> Option<u32> {
        self.data(e).loose.lowest()
    }

    /// Loose bound variable range.
    #[inline]
    pub fn lbr(&self, e: ExprId) -> u32 {
        self.data(e).loose_bvar_range
    }

    /// Whether `e` has a free variable.
    #[inline]
    pub fn has_fvar(&self, e: ExprId) -> bool {
        self.data(e).has_fvar()
    }

    /// Tree depth.
    #[inline]
    pub fn depth(&self, e: ExprId) -> u32 {
        u32::from(self.data(e).depth)
    }

    /// Starts a check: new terms go to the scratch region.
    pub(crate) fn begin_scratch(&mut self) {
        self.end_scratch();
        self.scratch_mode = true;
    }

    /// Starts counting term work from zero, stopping substitutions and
    /// level walks once it exceeds `limit` (see `work.rs`).
    pub(crate) fn start_work(&mut self, limit: u64) {
        self.levels.meter.start(limit);
    }

    /// Term work done since [`TermStore::start_work`].
    #[inline]
    pub(crate) fn work(&self) -> u64 {
        self.levels.meter.done()
    }

    /// Sets the work counter (to leave work that is charged otherwise, as
    /// constant instances are, out of it).
    pub(crate) fn set_work(&mut self, w: u64) {
        self.levels.meter.set(w);
    }

    /// Counts `n` units of term work.
    #[inline]
    pub(crate) fn count_work(&self, n: u64) {
        self.levels.meter.count(n);
    }

    /// Whether the work limit was passed: some substitution may have
    /// stopped early, so no result of the check may be trusted.
    #[inline]
    pub(crate) fn work_exhausted(&self) -> bool {
        self.levels.meter.exhausted()
    }

    /// Ends a check: drops every scratch term. Scratch ids become invalid.
    pub(crate) fn end_scratch(&mut self) {
        self.levels.meter.stop();
        self.scratch_peak = self.scratch_peak.max(self.scratch.nodes.len());
        self.scratch.clear();
        self.scratch_nats.clear();
        self.scratch_mode = false;
    }

    /// Whether every term made so far got its own id. Once a region is
    /// full, terms made since are not to be trusted (they may share an id
    /// with another term), so the kernel checks this before it uses a
    /// check's result. The persistent region stays full; the scratch region
    /// recovers when it is emptied.
    pub fn check_capacity(&self) -> Result<(), StoreFull> {
        if self.persistent.full() || self.scratch.full {
            return Err(StoreFull);
        }
        Ok(())
    }

    /// This store's identity (unique within the process).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Runs `f` with new terms going to the persistent region where that
    /// keeps one id per structure: a node whose children are all
    /// persistent is made persistent unless this check already made it in
    /// scratch. The result is persistent exactly when no part of it came
    /// from the scratch region; only then may it outlive the check.
    pub(crate) fn preferring_persistent<R>(&mut self, f: impl FnOnce(&mut TermStore) -> R) -> R {
        let was = std::mem::replace(&mut self.prefer_persistent, true);
        let r = f(self);
        self.prefer_persistent = was;
        r
    }

    /// A store for one thread of a parallel check: it shares this store's
    /// frozen persistent terms, names and literals (read-only: see
    /// `layered.rs`; call [`TermStore::freeze`] first),
    /// copies its levels and level lists (a few hundred entries in a
    /// library; checks add levels), and has its own scratch region, empty.
    /// A term the fork would have made persistent (a constant's instance
    /// shared across checks) stays in its scratch instead, so nothing
    /// written by a fork outlives its check, and its checks cost the fuel
    /// they cost here (a check's fuel never depends on earlier checks).
    pub(crate) fn fork(&self) -> TermStore {
        debug_assert!(!self.scratch_mode, "forked during a check");
        TermStore {
            names: self.names.fork(),
            levels: self.levels.clone(),
            level_lists: self.level_lists.clone(),
            level_list_map: self.level_list_map.clone(),
            nats: self.nats.fork(),
            scratch_nats: LitTable::default(),
            strings: self.strings.fork(),
            literal_peak: 0,
            persistent: self.persistent.fork(),
            scratch: Region::default(),
            scratch_mode: false,
            frozen: true,
            prefer_persistent: false,
            scratch_peak: 0,
            replace_cache: Default::default(),
            id: NEXT_STORE_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Freezes the persistent terms, names and literals read so far, so
    /// that forks made next see them; `false` while a fork is alive.
    pub(crate) fn freeze(&mut self) -> bool {
        // Each, whatever the others answer: a failure leaves a layer open,
        // never half moved.
        let names = self.names.freeze();
        let nats = self.nats.freeze();
        let strings = self.strings.freeze();
        let persistent = self.persistent.freeze();
        names && nats && strings && persistent
    }

    /// Whether `e` is a live id of this store (persistent, or scratch during
    /// a check).
    pub fn is_valid(&self, e: ExprId) -> bool {
        if e.is_scratch() {
            ((e.0 & !ExprId::SCRATCH_BIT) as usize) < self.scratch.nodes.len()
        } else {
            (e.0 as usize) < self.persistent.len()
        }
    }

    /// Number of persistent expressions.
    pub fn persistent_len(&self) -> usize {
        self.persistent.len()
    }

    /// Largest number of scratch expressions alive at once so far.
    pub fn scratch_peak(&self) -> usize {
        self.scratch_peak.max(self.scratch.nodes.len())
    }

    fn compute(&self, node: ExprNode) -> ExprData {
        let (tag, h, lbr, depth, flags, mask) = match node {
            ExprNode::BVar(i) => (1, i as u64, i + 1, 1, 0, LooseIndices::of_bvar(i)),
            ExprNode::FVar(i) => (2, i as u64, 0, 1, FLAG_FVAR, LooseIndices::default()),
            ExprNode::Sort(l) => {
                let f = if self.levels.has_param(l) {
                    FLAG_LEVEL_PARAM
                } else {
                    0
                };
                (
                    3,
                    l.0 as u64,
                    0,
                    1 + self.levels.depth(l),
                    f,
                    LooseIndices::default(),
                )
            }
            ExprNode::Const(n, ls) => {
                let levels = self.levels_of(ls);
                let lp = levels.iter().any(|l| self.levels.has_param(*l));
                let f = if lp { FLAG_LEVEL_PARAM } else { 0 };
                // Level depth counts: the depth limit then bounds level recursion too.
                let d = levels
                    .iter()
                    .map(|l| self.levels.depth(*l))
                    .max()
                    .unwrap_or(0);
                (
                    4,
                    mix(n.0 as u64, ls.0 as u64),
                    0,
                    1 + d,
                    f,
                    LooseIndices::default(),
                )
            }
            ExprNode::App(a, b) | ExprNode::Lam(a, b) | ExprNode::Pi(a, b) => {
                let (da, db) = (self.data(a), self.data(b));
                let tag = match node {
                    ExprNode::App(..) => 5,
                    ExprNode::Lam(..) => 6,
                    _ => 7,
                };
                let (lbr, mask) = if tag == 5 {
                    (
                        da.loose_bvar_range.max(db.loose_bvar_range),
                        da.loose.union(db.loose),
                    )
                } else {
                    (
                        da.loose_bvar_range
                            .max(db.loose_bvar_range.saturating_sub(1)),
                        da.loose.union(db.loose.under_binder(db.loose_bvar_range)),
                    )
                };
                (
                    tag,
                    mix(da.hash as u64, db.hash as u64),
                    lbr,
                    (da.depth.max(db.depth) as u32) + 1,
                    da.flags | db.flags,
                    mask,
                )
            }
            ExprNode::Let(t, v, b) => {
                let (dt, dv, db) = (self.data(t), self.data(v), self.data(b));
                (
                    8,
                    mix(mix(dt.hash as u64, dv.hash as u64), db.hash as u64),
                    dt.loose_bvar_range
                        .max(dv.loose_bvar_range)
                        .max(db.loose_bvar_range.saturating_sub(1)),
                    (dt.depth.max(dv.depth).max(db.depth) as u32) + 1,
                    dt.flags | dv.flags | db.flags,
                    dt.loose
                        .union(dv.loose)
                        .union(db.loose.under_binder(db.loose_bvar_range)),
                )
            }
            ExprNode::Proj(n, i, s) => {
                let ds = self.data(s);
                (
                    9,
                    mix(mix(n.0 as u64, i as u64), ds.hash as u64),
                    ds.loose_bvar_range,
                    ds.depth as u32 + 1,
                    ds.flags,
                    ds.loose,
                )
            }
            ExprNode::NatLit(l) => (10, l.0 as u64, 0, 1, 0, LooseIndices::default()),
            ExprNode::StrLit(l) => (11, l.0 as u64, 0, 1, 0, LooseIndices::default()),
        };
        ExprData {
            node,
            hash: {
                let h = mix(tag, h);
                (h ^ (h >> 32)) as u32
            },
            loose_bvar_range: lbr,
            loose: mask,
            depth: depth.min(u16::MAX as u32) as u16,
            flags,
        }
    }

    /// Interns an expression node.
    pub fn mk(&mut self, node: ExprNode) -> ExprId {
        self.count_work(1);
        let data = self.compute(node);
        // Persistent terms have only persistent subterms (`persist` copies
        // children first), so a node with a scratch child cannot be there:
        // skip that lookup, which misses in a large, cache-cold table.
        if !has_scratch_child(node)
            && let Some(i) = self.persistent.find(&node, data.hash)
        {
            return ExprId(i);
        }
        if self.scratch_mode {
            let scratch_child = has_scratch_child(node);
            let i = match self.scratch.find(&node, data.hash) {
                Some(i) => i,
                None if self.prefer_persistent && !scratch_child && !self.frozen => {
                    return ExprId(self.persistent.insert(data));
                }
                None => self.scratch.insert(data),
            };
            ExprId(i | ExprId::SCRATCH_BIT)
        } else {
            ExprId(self.persistent.insert(data))
        }
    }

    /// `#i`
    pub fn bvar(&mut self, i: u32) -> ExprId {
        self.mk(ExprNode::BVar(i))
    }
    /// `Sort l`
    pub fn sort(&mut self, l: LevelId) -> ExprId {
        self.mk(ExprNode::Sort(l))
    }
    /// A constant at the given levels.
    pub fn cnst(&mut self, n: NameId, ls: &[LevelId]) -> ExprId {
        let l = self.level_list(ls);
        self.mk(ExprNode::Const(n, l))
    }
    /// `f a`
    pub fn app(&mut self, f: ExprId, a: ExprId) -> ExprId {
        self.mk(ExprNode::App(f, a))
    }
    /// `f a1 ... an`
    pub fn apps(&mut self, mut f: ExprId, args: &[ExprId]) -> ExprId {
        for &a in args {
            f = self.app(f, a);
        }
        f
    }
    /// `fun (_ : t) => b`
    pub fn lam(&mut self, t: ExprId, b: ExprId) -> ExprId {
        self.mk(ExprNode::Lam(t, b))
    }
    /// `(_ : t) → b`
    pub fn pi(&mut self, t: ExprId, b: ExprId) -> ExprId {
        self.mk(ExprNode::Pi(t, b))
    }
    /// A Nat literal. During a check, a value the persistent table does
    /// not hold goes to the scratch literal table, which the check's end
    /// empties (unless the kernel copies it out with a result),
    /// and is paid for by size: a word past the first is one unit of term
    /// work, like a node (`BENCHMARKING.md`: bytes per unit of fuel).
    pub fn nat_lit(&mut self, n: UBig) -> ExprId {
        let hash = lit_hash(&n);
        let id = if let Some(i) = self.nats.find(&n, hash) {
            LitId(i)
        } else if self.scratch_mode {
            match self.scratch_nats.find(&n, hash) {
                Some(i) => LitId(i | LitId::SCRATCH_BIT),
                None => {
                    let words = (n.bit_len() as u64).div_ceil(64);
                    self.count_work(words.saturating_sub(1));
                    let bytes = lit_bytes::<UBig>((n.bit_len() as u64).div_ceil(64) as usize * 8);
                    match self.scratch_nats.insert(n, hash, bytes) {
                        Some(i) => LitId(i | LitId::SCRATCH_BIT),
                        None => {
                            self.scratch.full = true;
                            LitId(LitId::SCRATCH_BIT)
                        }
                    }
                }
            }
        } else {
            self.persistent_nat(n, hash)
        };
        self.note_literal_bytes();
        self.mk(ExprNode::NatLit(id))
    }

    /// Interns `n` (not in the persistent table) in the persistent table.
    fn persistent_nat(&mut self, n: UBig, hash: u64) -> LitId {
        let bytes = lit_bytes::<UBig>((n.bit_len() as u64).div_ceil(64) as usize * 8);
        match self.nats.insert(n, hash, bytes) {
            Some(i) => LitId(i),
            None => {
                self.persistent.open_mut().full = true;
                LitId(0)
            }
        }
    }

    /// A String literal.
    pub fn str_lit(&mut self, s: &str) -> ExprId {
        let hash = lit_hash(s);
        let id = match self.strings.find(s, hash) {
            Some(i) => LitId(i),
            None => {
                let bytes = lit_bytes::<Box<str>>(s.len());
                match self.strings.insert(s.into(), hash, bytes) {
                    Some(i) => LitId(i),
                    None => {
                        self.persistent.open_mut().full = true;
                        LitId(0)
                    }
                }
            }
        };
        self.note_literal_bytes();
        self.mk(ExprNode::StrLit(id))
    }

    fn note_literal_bytes(&mut self) {
        self.literal_peak = self.literal_peak.max(self.literal_bytes());
    }

    /// Bytes the literal tables hold now: values, their heap parts and
    /// their table slots (the tables' spare capacity left out). Computed
    /// literals count only while their check runs, unless a result keeps
    /// them.
    pub fn literal_bytes(&self) -> u64 {
        self.nats.bytes() + self.scratch_nats.bytes + self.strings.bytes()
    }

    /// Bytes the store keeps for the environment, by element sizes (a
    /// lower bound: spare capacity left out): persistent terms with their
    /// table slots, persistent literals, names, levels and level lists.
    pub fn kept_bytes(&self) -> u64 {
        let term = std::mem::size_of::<ExprData>() + std::mem::size_of::<u32>() + 1;
        let lists: usize = self
            .level_lists
            .iter()
            .map(|l| 2 * (l.len() * std::mem::size_of::<LevelId>() + 16) + 4)
            .sum();
        (self.persistent.len() * term) as u64
            + self.nats.bytes()
            + self.strings.bytes()
            + self.names.kept_bytes()
            + self.levels.kept_bytes()
            + lists as u64
    }

    /// Most bytes the literal tables held at once so far (see
    /// [`TermStore::literal_bytes`]).
    pub fn literal_peak_bytes(&self) -> u64 {
        self.literal_peak.max(self.literal_bytes())
    }

    /// The head of an application spine.
    pub fn app_head(&self, mut e: ExprId) -> ExprId {
        while let ExprNode::App(f, _) = self.node(e) {
            e = f;
        }
        e
    }

    /// Head and arguments (in order) of an application spine.
    pub fn unfold_apps(&self, mut e: ExprId) -> (ExprId, Vec<ExprId>) {
        let mut args = Vec::new();
        while let ExprNode::App(f, a) = self.node(e) {
            args.push(a);
            e = f;
        }
        args.reverse();
        (e, args)
    }

    /// Head and arguments (in order) of an application spine, without a
    /// heap allocation for spines of up to [`SPINE_INLINE`] arguments (the
    /// checker takes spines apart at nearly every step).
    #[inline]
    pub(crate) fn spine(&self, e: ExprId) -> (ExprId, Spine) {
        // Filled in a plain array, last argument first, then handed to the
        // `SmallVec` whole: pushing one by one paid its inline-or-heap test
        // per argument, and this runs a few times per kernel step.
        let mut buf = [e; SPINE_INLINE];
        let mut n = 0;
        let mut head = e;
        while let ExprNode::App(f, a) = self.node(head) {
            if n == SPINE_INLINE {
                return self.long_spine(e);
            }
            buf[n] = a;
            n += 1;
            head = f;
        }
        self.count_work(n as u64);
        buf[..n].reverse();
        (head, Spine::from_buf_and_len(buf, n))
    }

    /// [`TermStore::spine`] of more than [`SPINE_INLINE`] arguments.
    fn long_spine(&self, mut e: ExprId) -> (ExprId, Spine) {
        let mut args = Spine::new();
        while let ExprNode::App(f, a) = self.node(e) {
            args.push(a);
            e = f;
        }
        self.count_work(args.len() as u64);
        args.reverse();
        (e, args)
    }

    /// Number of arguments of an application spine.
    pub fn num_args(&self, mut e: ExprId) -> usize {
        let mut n = 0;
        while let ExprNode::App(f, _) = self.node(e) {
            n += 1;
            e = f;
        }
        n
    }

    /// The name of a constant head, if the spine's head is a constant.
    pub fn head_const(&self, e: ExprId) -> Option<(NameId, LevelsId)> {
        match self.node(self.app_head(e)) {
            ExprNode::Const(n, ls) => Some((n, ls)),
            _ => None,
        }
    }
}

impl TermStore {
    /// Copies a (possibly scratch) term into the persistent region, so it
    /// outlives the current check. Call before the check ends.
    pub(crate) fn persist(&mut self, e: ExprId) -> ExprId {
        if !e.is_scratch() {
            return e;
        }
        let mut memo: FxHashMap<ExprId, ExprId> = FxHashMap::default();
        // Post-order over the scratch part of the DAG, without recursion.
        let mut stack = vec![(e, false)];
        while let Some((x, done)) = stack.pop() {
            if !x.is_scratch() || memo.contains_key(&x) {
                continue;
            }
            let node = self.node(x);
            let kids: Vec<ExprId> = match node {
                ExprNode::App(a, b) | ExprNode::Lam(a, b) | ExprNode::Pi(a, b) => vec![a, b],
                ExprNode::Let(a, b, c) => vec![a, b, c],
                ExprNode::Proj(_, _, s) => vec![s],
                _ => vec![],
            };
            if !done {
                stack.push((x, true));
                for k in kids {
                    stack.push((k, false));
                }
                continue;
            }
            let m = |k: ExprId| *memo.get(&k).unwrap_or(&k);
            let new = match node {
                ExprNode::App(a, b) => ExprNode::App(m(a), m(b)),
                ExprNode::Lam(a, b) => ExprNode::Lam(m(a), m(b)),
                ExprNode::Pi(a, b) => ExprNode::Pi(m(a), m(b)),
                ExprNode::Let(a, b, c) => ExprNode::Let(m(a), m(b), m(c)),
                ExprNode::Proj(n, i, s) => ExprNode::Proj(n, i, m(s)),
                // A literal computed in this check: its value moves with it.
                ExprNode::NatLit(l) if l.is_scratch() => {
                    let v = self.nat(l).clone();
                    let hash = lit_hash(&v);
                    let id = match self.nats.find(&v, hash) {
                        Some(i) => LitId(i),
                        None => self.persistent_nat(v, hash),
                    };
                    self.note_literal_bytes();
                    ExprNode::NatLit(id)
                }
                other => other,
            };
            let was = self.scratch_mode;
            self.scratch_mode = false;
            let p = self.mk(new);
            self.scratch_mode = was;
            memo.insert(x, p);
        }
        memo[&e]
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_REGION_NODES, region_index};
    use crate::expr::ExprId;

    #[test]
    fn a_region_never_hands_out_an_id_with_the_scratch_bit() {
        assert_eq!(region_index(0), Some(0));
        let last = region_index(MAX_REGION_NODES - 1).expect("last index");
        assert_eq!(last, (1 << 31) - 1);
        assert!(!ExprId(last).is_scratch());
        assert_eq!(region_index(MAX_REGION_NODES), None);
        assert_eq!(region_index(usize::MAX), None);
        // Scratch ids are an index with the top bit set: the same bound
        // keeps the index from losing a bit.
        assert_eq!((last | ExprId::SCRATCH_BIT) & !ExprId::SCRATCH_BIT, last);
    }
}

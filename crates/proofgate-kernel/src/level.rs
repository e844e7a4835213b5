//! Universe levels: interning, instantiation, and the kernel's normalisation,
//! equivalence and `≥` checks (after Lean 4's `level.cpp`; `imax` included,
//! with a complete fallback where normal forms differ: `imax 1 u` is `u`, as
//! in Lean's kernel since lean4#7631, whose `mk_imax` has that rule).
//!
//! Every walk here is paid from the check's work meter (`work.rs`) or is
//! O(1): each interned node carries its offset split `succ^k base` and
//! whether it is never zero, computed once when it is made, so comparisons,
//! `max`, `imax` and `is_explicit` never walk a `succ` chain.

use crate::name::{NameId, NameTable};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Ordering;

/// Most parameters the complete level comparison splits on (2^k cases).
pub const MAX_LEVEL_SPLITS: usize = 8;

/// The universe parameters in scope of a declaration, with constant-time
/// membership: a declaration may have 10^5 of them, and every level it
/// mentions is checked against them.
#[derive(Clone, Debug, Default)]
pub struct ParamScope {
    set: FxHashSet<NameId>,
}

impl ParamScope {
    /// The parameters `ps` (duplicates are checked elsewhere).
    pub fn new(ps: &[NameId]) -> ParamScope {
        ParamScope {
            set: ps.iter().copied().collect(),
        }
    }

    /// Whether `n` is in scope.
    pub fn contains(&self, n: NameId) -> bool {
        self.set.contains(&n)
    }
}

/// Levels up to this depth are at most 3 nodes as trees: substituting in
/// them needs no memo (see [`LevelTable::instantiate_memo`]).
pub(crate) const MEMO_FREE_DEPTH: u32 = 2;

/// What each level node became under one substitution.
pub(crate) type LevelMemo = FxHashMap<LevelId, LevelId>;

/// Parameter lists up to this length are searched by a scan.
const SMALL_PARAM_LIST: usize = 8;

/// A universe substitution `params[i] := levels[i]`, indexed by name when
/// there are many parameters (a scan per occurrence would be quadratic).
pub struct LevelSubst<'a> {
    params: &'a [NameId],
    levels: &'a [LevelId],
    index: Option<FxHashMap<NameId, usize>>,
}

impl<'a> LevelSubst<'a> {
    /// The substitution `params[i] := levels[i]` (extra entries of the longer
    /// list are ignored; the first of a repeated parameter wins).
    pub fn new(params: &'a [NameId], levels: &'a [LevelId]) -> LevelSubst<'a> {
        let n = params.len().min(levels.len());
        let (params, levels) = (&params[..n], &levels[..n]);
        let index = (n > SMALL_PARAM_LIST).then(|| {
            let mut m = FxHashMap::default();
            for (i, p) in params.iter().enumerate() {
                m.entry(*p).or_insert(i);
            }
            m
        });
        LevelSubst {
            params,
            levels,
            index,
        }
    }

    /// The level substituted for `n`, if `n` is substituted.
    pub fn get(&self, n: NameId) -> Option<LevelId> {
        let i = match &self.index {
            Some(m) => m.get(&n).copied(),
            None => self.params.iter().position(|p| *p == n),
        }?;
        Some(self.levels[i])
    }
}

/// Components of a name (the length `NameTable::compare` walks).
fn name_len(names: &NameTable, mut n: NameId) -> u64 {
    let mut k = 0;
    while n != NameId::ANONYMOUS {
        k += 1;
        n = names.prefix(n);
    }
    k
}

/// An interned universe level. `LevelId::ZERO` is `0`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct LevelId(pub(crate) u32);

impl LevelId {
    /// The level `0` (the universe of propositions is `Sort 0`).
    pub const ZERO: LevelId = LevelId(0);
}

/// The shape of a level.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum LevelNode {
    /// `0`
    Zero,
    /// `l + 1`
    Succ(LevelId),
    /// `max a b`
    Max(LevelId, LevelId),
    /// `imax a b`: `0` when `b` is `0`, else `max a b`.
    IMax(LevelId, LevelId),
    /// A universe parameter.
    Param(NameId),
}

impl LevelNode {
    /// Kind rank used by the normalisation order (Lean's `level_kind` order).
    fn rank(self) -> u8 {
        match self {
            LevelNode::Zero => 0,
            LevelNode::Succ(_) => 1,
            LevelNode::Max(..) => 2,
            LevelNode::IMax(..) => 3,
            LevelNode::Param(_) => 4,
        }
    }
}

/// The level interning table with the operations that build new levels.
#[derive(Debug)]
pub struct LevelTable {
    nodes: Vec<LevelNode>,
    has_param: Vec<bool>,
    depth: Vec<u32>,
    /// `(base, k)` with the node `succ^k base` and `base` not a `succ`:
    /// an export can make `succ` chains as long as its input, and levels
    /// are split this way at every comparison.
    offset: Vec<(LevelId, u32)>,
    /// Lean's structural `is_not_zero`, per node (`imax` asks it of each
    /// right side it builds, and a walk would be a tree walk).
    not_zero: Vec<bool>,
    map: FxHashMap<LevelNode, LevelId>,
    /// The check's term-work meter (see `work.rs`): the comparisons below
    /// walk levels as trees, which a DAG can make exponential, so every
    /// node they visit is paid for, and past the budget they stop.
    pub(crate) meter: crate::work::WorkMeter,
}

/// A copy of the levels, with a meter of its own (a fork's: see
/// `TermStore::fork`).
impl Clone for LevelTable {
    fn clone(&self) -> Self {
        LevelTable {
            nodes: self.nodes.clone(),
            has_param: self.has_param.clone(),
            depth: self.depth.clone(),
            offset: self.offset.clone(),
            not_zero: self.not_zero.clone(),
            map: self.map.clone(),
            meter: Default::default(),
        }
    }
}

impl Default for LevelTable {
    fn default() -> Self {
        let mut map = FxHashMap::default();
        map.insert(LevelNode::Zero, LevelId::ZERO);
        LevelTable {
            nodes: vec![LevelNode::Zero],
            has_param: vec![false],
            depth: vec![1],
            offset: vec![(LevelId::ZERO, 0)],
            not_zero: vec![false],
            map,
            meter: Default::default(),
        }
    }
}

impl LevelTable {
    /// Interns a level node as written (no simplification).
    pub fn mk(&mut self, node: LevelNode) -> LevelId {
        if let Some(&id) = self.map.get(&node) {
            return id;
        }
        let hp = match node {
            LevelNode::Zero => false,
            LevelNode::Param(_) => true,
            LevelNode::Succ(a) => self.has_param[a.0 as usize],
            LevelNode::Max(a, b) | LevelNode::IMax(a, b) => {
                self.has_param[a.0 as usize] || self.has_param[b.0 as usize]
            }
        };
        let depth = match node {
            LevelNode::Zero | LevelNode::Param(_) => 1,
            LevelNode::Succ(a) => self.depth[a.0 as usize] + 1,
            LevelNode::Max(a, b) | LevelNode::IMax(a, b) => {
                self.depth[a.0 as usize].max(self.depth[b.0 as usize]) + 1
            }
        };
        let id = LevelId(self.nodes.len() as u32);
        let offset = match node {
            LevelNode::Succ(a) => {
                let (base, k) = self.offset[a.0 as usize];
                (base, k.saturating_add(1))
            }
            _ => (id, 0),
        };
        let not_zero = match node {
            LevelNode::Zero | LevelNode::Param(_) => false,
            LevelNode::Succ(_) => true,
            LevelNode::Max(a, b) => self.not_zero[a.0 as usize] || self.not_zero[b.0 as usize],
            LevelNode::IMax(_, b) => self.not_zero[b.0 as usize],
        };
        self.nodes.push(node);
        self.has_param.push(hp);
        self.depth.push(depth);
        self.offset.push(offset);
        self.not_zero.push(not_zero);
        self.map.insert(node, id);
        id
    }

    /// Nesting depth of a level (1 for `0` and parameters). Expressions add
    /// it to their own depth, so the term depth limit bounds level recursion.
    pub fn depth(&self, l: LevelId) -> u32 {
        self.depth[l.0 as usize]
    }

    /// The node of a level.
    pub fn node(&self, l: LevelId) -> LevelNode {
        self.nodes[l.0 as usize]
    }

    /// Bytes the table holds, by element sizes (spare capacity left out).
    pub fn kept_bytes(&self) -> u64 {
        // Node, flags, depth, offset split, and the map's key, id and slot.
        let per = 2 * std::mem::size_of::<LevelNode>()
            + std::mem::size_of::<LevelId>() * 2
            + std::mem::size_of::<(LevelId, u32)>()
            + 4
            + 3;
        (self.nodes.len() * per) as u64
    }

    /// Number of levels interned.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether only `0` exists.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() == 1
    }

    /// Whether the level mentions a universe parameter.
    pub fn has_param(&self, l: LevelId) -> bool {
        self.has_param[l.0 as usize]
    }

    /// `l + 1`
    pub fn succ(&mut self, l: LevelId) -> LevelId {
        self.mk(LevelNode::Succ(l))
    }

    /// A universe parameter.
    pub fn param(&mut self, n: NameId) -> LevelId {
        self.mk(LevelNode::Param(n))
    }

    /// `succ^k l`, paying one unit per node made (`k` is an offset read
    /// from the input, as long as the input's longest chain).
    fn succ_n(&mut self, mut l: LevelId, k: u32) -> LevelId {
        for _ in 0..k {
            if self.meter.step() {
                break;
            }
            l = self.succ(l);
        }
        l
    }

    /// Splits `succ^k l` into `(l, k)`, `l` not a successor. O(1): the split
    /// is made with the node.
    pub fn to_offset(&self, l: LevelId) -> (LevelId, u32) {
        self.offset[l.0 as usize]
    }

    /// Whether the level is a numeral `succ^k 0`. O(1).
    pub fn is_explicit(&self, l: LevelId) -> bool {
        self.to_offset(l).0 == LevelId::ZERO
    }

    /// Whether the level is `0` for every assignment of its parameters: the
    /// one test of "this sort is `Prop`" (`tc/prop.rs`). Exact, and blind to
    /// how the level is written: `imax u 0` and `max 0 (imax 1 0)` are zero,
    /// `u` is not (it may be instantiated with `1`). `imax a b` is `0` exactly
    /// when `b` is, and `max a b` when both are.
    pub fn is_zero(&self, l: LevelId) -> bool {
        let mut todo = smallvec::SmallVec::<[LevelId; 8]>::new();
        todo.push(l);
        while let Some(mut l) = todo.pop() {
            loop {
                if self.meter.step() {
                    return false;
                }
                match self.node(l) {
                    LevelNode::Zero => break,
                    LevelNode::Param(_) | LevelNode::Succ(_) => return false,
                    LevelNode::Max(a, b) => {
                        todo.push(a);
                        l = b;
                    }
                    LevelNode::IMax(_, b) => l = b,
                }
            }
        }
        true
    }

    /// Lean's `is_not_zero`: whether the level is `≥ 1` for every assignment
    /// of its parameters, read off its structure (a `succ`, a `max` with
    /// such an argument, an `imax` with such a right side). O(1).
    pub fn is_not_zero(&self, l: LevelId) -> bool {
        self.not_zero[l.0 as usize]
    }

    /// `max a b`, simplified the way Lean's `mk_max` does. O(1): offsets
    /// are read off the nodes.
    pub fn max(&mut self, a: LevelId, b: LevelId) -> LevelId {
        if self.is_explicit(a) && self.is_explicit(b) {
            return if self.to_offset(a).1 >= self.to_offset(b).1 {
                a
            } else {
                b
            };
        }
        if a == b || b == LevelId::ZERO {
            return a;
        }
        if a == LevelId::ZERO {
            return b;
        }
        if let LevelNode::Max(x, y) = self.node(b)
            && (x == a || y == a)
        {
            return b;
        }
        if let LevelNode::Max(x, y) = self.node(a)
            && (x == b || y == b)
        {
            return a;
        }
        let (pa, ka) = self.to_offset(a);
        let (pb, kb) = self.to_offset(b);
        if pa == pb {
            return if ka > kb { a } else { b };
        }
        self.mk(LevelNode::Max(a, b))
    }

    /// `imax a b`, simplified the way Lean's `mk_imax` does. O(1).
    pub fn imax(&mut self, a: LevelId, b: LevelId) -> LevelId {
        if self.is_not_zero(b) {
            self.max(a, b)
        } else if !self.has_param(b) {
            // A closed `b` that is not ≥ 1 is 0 (even if written `imax 0 0`).
            LevelId::ZERO
        } else if a == LevelId::ZERO {
            b
        } else if a == b {
            a
        } else {
            self.mk(LevelNode::IMax(a, b))
        }
    }

    /// Substitutes universe parameters (`params[i] := levels[i]`).
    pub fn instantiate(&mut self, l: LevelId, params: &[NameId], levels: &[LevelId]) -> LevelId {
        self.instantiate_with(l, &LevelSubst::new(params, levels))
    }

    /// Substitutes universe parameters by `subst` (build it once for many
    /// levels).
    pub fn instantiate_with(&mut self, l: LevelId, subst: &LevelSubst<'_>) -> LevelId {
        self.instantiate_memo(l, subst, &mut LevelMemo::default())
    }

    /// Substitutes universe parameters by `subst`, remembering in `memo`
    /// what each level node became. Pass one memo for all the levels of a
    /// term: they share sublevels (`succ^j u` for many `j` is one chain),
    /// and each distinct node is then substituted once per term, whatever
    /// the number of levels reading it. A node of depth at most
    /// [`MEMO_FREE_DEPTH`] is at most 3 nodes as a tree and is walked
    /// without the memo (most levels are `u`, `u+1`, `max u v`).
    pub(crate) fn instantiate_memo(
        &mut self,
        l: LevelId,
        subst: &LevelSubst<'_>,
        memo: &mut LevelMemo,
    ) -> LevelId {
        if !self.has_param(l) {
            return l;
        }
        let deep = self.depth(l) > MEMO_FREE_DEPTH;
        if deep && let Some(&r) = memo.get(&l) {
            return r;
        }
        // One unit per node substituted: with the memo, each node once.
        self.meter.count(1);
        let r = match self.node(l) {
            LevelNode::Zero => l,
            LevelNode::Param(n) => subst.get(n).unwrap_or(l),
            LevelNode::Succ(a) => {
                let a2 = self.instantiate_memo(a, subst, memo);
                self.succ(a2)
            }
            LevelNode::Max(a, b) => {
                let a2 = self.instantiate_memo(a, subst, memo);
                let b2 = self.instantiate_memo(b, subst, memo);
                self.max(a2, b2)
            }
            LevelNode::IMax(a, b) => {
                let a2 = self.instantiate_memo(a, subst, memo);
                let b2 = self.instantiate_memo(b, subst, memo);
                self.imax(a2, b2)
            }
        };
        if deep {
            memo.insert(l, r);
        }
        r
    }

    /// A parameter of `l` not in `params`, if any. Visits each shared
    /// sublevel once (a level is a DAG: as a tree it may be exponential).
    /// Each node walked is paid (past the budget the answer is `None`, and
    /// the check ends out of fuel): a check asks this of every level of
    /// every constant it meets, and many may share one large level.
    pub fn undeclared_param(&self, l: LevelId, params: &ParamScope) -> Option<NameId> {
        // Most levels are `succ^k p`: no set needed for those, nor a walk.
        let l = self.to_offset(l).0;
        if !self.has_param(l) {
            return None;
        }
        if let LevelNode::Param(n) = self.node(l) {
            return (!params.contains(n)).then_some(n);
        }
        let mut seen = FxHashSet::default();
        let mut todo = vec![l];
        while let Some(x) = todo.pop() {
            if !self.has_param(x) || !seen.insert(x) {
                continue;
            }
            if self.meter.step() {
                return None;
            }
            match self.node(x) {
                LevelNode::Zero => {}
                LevelNode::Param(n) if !params.contains(n) => return Some(n),
                LevelNode::Param(_) => {}
                LevelNode::Succ(a) => todo.push(a),
                LevelNode::Max(a, b) | LevelNode::IMax(a, b) => todo.extend([b, a]),
            }
        }
        None
    }

    /// The total order of Lean's normaliser: `succ l` right after `l`, `0`
    /// first. One unit per call, each O(1) but for the names compared
    /// (paid apart): offsets are read, not walked.
    fn norm_cmp(&self, a: LevelId, b: LevelId, names: &NameTable) -> Ordering {
        if a == b || self.meter.step() {
            return Ordering::Equal;
        }
        let (la, ka) = self.to_offset(a);
        let (lb, kb) = self.to_offset(b);
        if la == lb {
            return ka.cmp(&kb);
        }
        let (na, nb) = (self.node(la), self.node(lb));
        if na.rank() != nb.rank() {
            return na.rank().cmp(&nb.rank());
        }
        match (na, nb) {
            (LevelNode::Param(x), LevelNode::Param(y)) => {
                // Names compare as text, component by component: paid by
                // their lengths (a name is as long as its input).
                self.meter.count(name_len(names, x) + name_len(names, y));
                names.compare(x, y)
            }
            (LevelNode::Max(x1, y1), LevelNode::Max(x2, y2))
            | (LevelNode::IMax(x1, y1), LevelNode::IMax(x2, y2)) => {
                if x1 != x2 {
                    self.norm_cmp(x1, x2, names)
                } else {
                    self.norm_cmp(y1, y2, names)
                }
            }
            _ => Ordering::Equal,
        }
    }

    /// The arguments of a nest of `max`es, each shared sub-nest once (`max`
    /// is idempotent, and as a tree a DAG of them may be exponential).
    fn push_max_args(&self, l: LevelId, out: &mut Vec<LevelId>, seen: &mut FxHashSet<LevelId>) {
        if self.meter.step() || !seen.insert(l) {
            return;
        }
        if let LevelNode::Max(a, b) = self.node(l) {
            self.push_max_args(a, out, seen);
            self.push_max_args(b, out, seen);
        } else {
            out.push(l);
        }
    }

    /// Lean's level normal form: flattened, sorted `max`es with subsumed
    /// arguments removed, successors pushed inside.
    pub fn normalize(&mut self, l: LevelId, names: &NameTable) -> LevelId {
        if self.meter.step() {
            return l;
        }
        let (r, k) = self.to_offset(l);
        match self.node(r) {
            LevelNode::Zero | LevelNode::Param(_) | LevelNode::Succ(_) => l,
            LevelNode::IMax(a, b) => {
                let a2 = self.normalize(a, names);
                let b2 = self.normalize(b, names);
                // Always re-simplify (unlike a raw rebuild): `imax 1 0` is `0`.
                let im = self.imax(a2, b2);
                let r = self.succ_n(im, k);
                // `imax a b` with `b` never zero became a `max`: normalise that.
                if let LevelNode::Max(..) = self.node(im) {
                    self.normalize(r, names)
                } else {
                    r
                }
            }
            LevelNode::Max(..) => {
                let mut todo = Vec::new();
                self.push_max_args(r, &mut todo, &mut FxHashSet::default());
                let mut args = Vec::new();
                let mut seen = FxHashSet::default();
                for a in todo {
                    let n = self.normalize(a, names);
                    self.push_max_args(n, &mut args, &mut seen);
                }
                if args.is_empty() {
                    // Only when the walk was stopped out of fuel.
                    return l;
                }
                args.sort_by(|x, y| self.norm_cmp(*x, *y, names));
                // The scans below are O(1) per argument (offsets are read,
                // not walked), and `push_max_args` paid a unit for each.
                let mut i = 0;
                if self.is_explicit(args[0]) {
                    while i + 1 < args.len() && self.is_explicit(args[i + 1]) {
                        i += 1;
                    }
                    let kk = self.to_offset(args[i]).1;
                    // An explicit `k` is subsumed by any `succ^k' l` with k' ≥ k.
                    if args[i + 1..].iter().any(|a| self.to_offset(*a).1 >= kk) {
                        i += 1;
                    }
                }
                let mut rargs = vec![args[i]];
                let mut prev = self.to_offset(args[i]);
                for &a in &args[i + 1..] {
                    let cur = self.to_offset(a);
                    if prev.0 == cur.0 {
                        if prev.1 < cur.1 {
                            prev = cur;
                            rargs.pop();
                            rargs.push(a);
                        }
                    } else {
                        prev = cur;
                        rargs.push(a);
                    }
                }
                // Paid per node made (`succ_n`): `k` arguments' worth of
                // new levels, each once.
                let lifted: Vec<LevelId> = rargs.into_iter().map(|a| self.succ_n(a, k)).collect();
                let mut acc = *lifted.last().unwrap_or(&LevelId::ZERO);
                for &a in lifted.iter().rev().skip(1) {
                    acc = self.max(a, acc);
                }
                acc
            }
        }
    }

    /// Whether two levels are equal for every assignment of their parameters.
    /// Lean's normal-form comparison first; when it fails, the complete
    /// check [`LevelTable::leq_complete`] both ways (normal forms miss
    /// equalities such as `imax 1 u = u`).
    pub fn is_equiv(&mut self, a: LevelId, b: LevelId, names: &NameTable) -> bool {
        a == b
            || self.normalize(a, names) == self.normalize(b, names)
            || (self.leq_complete(a, b, &mut Vec::new())
                && self.leq_complete(b, a, &mut Vec::new()))
    }

    /// Whether `a ≥ b` for every assignment: Lean's check, then the complete one.
    pub fn is_geq(&mut self, a: LevelId, b: LevelId, names: &NameTable) -> bool {
        let na = self.normalize(a, names);
        let nb = self.normalize(b, names);
        self.is_geq_core(na, nb, names) || self.leq_complete(b, a, &mut Vec::new())
    }

    /// A parameter (not yet split) occurring under the right of an `imax`.
    fn imax_rhs_param(&self, l: LevelId, split: &[NameId]) -> Option<NameId> {
        if !self.has_param(l) || self.meter.step() {
            return None;
        }
        match self.node(l) {
            LevelNode::Zero | LevelNode::Param(_) => None,
            LevelNode::Succ(a) => self.imax_rhs_param(a, split),
            LevelNode::Max(a, b) => self
                .imax_rhs_param(a, split)
                .or_else(|| self.imax_rhs_param(b, split)),
            LevelNode::IMax(a, b) => self
                .first_param(b, split)
                .or_else(|| self.imax_rhs_param(a, split))
                .or_else(|| self.imax_rhs_param(b, split)),
        }
    }

    fn first_param(&self, l: LevelId, split: &[NameId]) -> Option<NameId> {
        if !self.has_param(l) || self.meter.step() {
            return None;
        }
        match self.node(l) {
            LevelNode::Zero => None,
            LevelNode::Param(n) => (!split.contains(&n)).then_some(n),
            LevelNode::Succ(a) => self.first_param(a, split),
            LevelNode::Max(a, b) | LevelNode::IMax(a, b) => self
                .first_param(a, split)
                .or_else(|| self.first_param(b, split)),
        }
    }

    /// The value of a level without parameters.
    fn closed_value(&self, l: LevelId) -> u32 {
        if self.meter.step() {
            return 0;
        }
        match self.node(l) {
            LevelNode::Zero | LevelNode::Param(_) => 0,
            LevelNode::Succ(a) => self.closed_value(a) + 1,
            LevelNode::Max(a, b) => self.closed_value(a).max(self.closed_value(b)),
            LevelNode::IMax(a, b) => match self.closed_value(b) {
                0 => 0,
                vb => self.closed_value(a).max(vb),
            },
        }
    }

    fn collect_terms(&self, l: LevelId, k: u32, out: &mut Vec<(Option<NameId>, u32)>) -> bool {
        if self.meter.step() {
            return false;
        }
        if !self.has_param(l) {
            // Closed parts (even a raw `imax 0 0`) are just numbers.
            out.push((None, k + self.closed_value(l)));
            return true;
        }
        match self.node(l) {
            LevelNode::Zero => {
                out.push((None, k));
                true
            }
            LevelNode::Param(n) => {
                out.push((Some(n), k));
                true
            }
            LevelNode::Succ(a) => self.collect_terms(a, k + 1, out),
            LevelNode::Max(a, b) => self.collect_terms(a, k, out) && self.collect_terms(b, k, out),
            LevelNode::IMax(a, b) if !self.has_param(b) => {
                if self.closed_value(b) == 0 {
                    out.push((None, k));
                    true
                } else {
                    self.collect_terms(a, k, out) && self.collect_terms(b, k, out)
                }
            }
            LevelNode::IMax(..) => false,
        }
    }

    /// A complete decision of `a ≤ b` for all assignments: split each
    /// parameter that decides an `imax` into the cases `0` and `p+1` (so every
    /// `imax` simplifies away), then compare the `max` of offsets termwise.
    ///
    /// At most [`MAX_LEVEL_SPLITS`] parameters are split (2^k cases); past
    /// that the answer is a sound `false`.
    pub fn leq_complete(&mut self, a: LevelId, b: LevelId, split: &mut Vec<NameId>) -> bool {
        if self.meter.step() {
            return false;
        }
        let p = self
            .imax_rhs_param(a, split)
            .or_else(|| self.imax_rhs_param(b, split));
        if let Some(p) = p {
            if split.len() >= MAX_LEVEL_SPLITS {
                return false;
            }
            let zero = [LevelId::ZERO];
            let pl = self.param(p);
            let succ = [self.succ(pl)];
            let (a0, b0) = (
                self.instantiate(a, &[p], &zero),
                self.instantiate(b, &[p], &zero),
            );
            let (a1, b1) = (
                self.instantiate(a, &[p], &succ),
                self.instantiate(b, &[p], &succ),
            );
            split.push(p);
            let r = self.leq_complete(a0, b0, split) && self.leq_complete(a1, b1, split);
            split.pop();
            return r;
        }
        let (mut ta, mut tb) = (Vec::new(), Vec::new());
        if !self.collect_terms(a, 0, &mut ta) || !self.collect_terms(b, 0, &mut tb) {
            // An `imax` whose right side has no parameter left is already
            // simplified by construction; anything else is not decided here.
            return false;
        }
        // The largest offset of `b` per base: each term of `a` is then
        // answered in O(1) (termwise, the terms collected were paid for one
        // unit each, and a pairwise test would be their product).
        let mut top: FxHashMap<Option<NameId>, u32> = FxHashMap::default();
        let mut any = 0;
        for &(base, k) in &tb {
            let t = top.entry(base).or_insert(k);
            *t = (*t).max(k);
            any = any.max(k);
        }
        ta.iter().all(|(base, k)| match base {
            None => *k == 0 || any >= *k,
            Some(_) => top.get(base).is_some_and(|k2| k2 >= k),
        })
    }

    fn is_geq_core(&mut self, a: LevelId, b: LevelId, names: &NameTable) -> bool {
        if a == b || b == LevelId::ZERO {
            return true;
        }
        if self.meter.step() {
            return false;
        }
        if let LevelNode::Max(x, y) = self.node(b) {
            return self.is_geq(a, x, names) && self.is_geq(a, y, names);
        }
        if let LevelNode::Max(x, y) = self.node(a)
            && (self.is_geq(x, b, names) || self.is_geq(y, b, names))
        {
            return true;
        }
        if let LevelNode::IMax(x, y) = self.node(b) {
            return self.is_geq(a, x, names) && self.is_geq(a, y, names);
        }
        if let LevelNode::IMax(_, y) = self.node(a) {
            return self.is_geq(y, b, names);
        }
        let (pa, ka) = self.to_offset(a);
        let (pb, kb) = self.to_offset(b);
        if pa == pb || pb == LevelId::ZERO {
            return ka >= kb;
        }
        if ka == kb && ka > 0 {
            return self.is_geq(pa, pb, names);
        }
        false
    }
}

//! De Bruijn operations: instantiate, abstract, lift, lower, and universe
//! parameter instantiation. Each call memoises on (term id, binder offset), so
//! terms shared as a DAG are traversed once per call, not once per path.
//!
//! These traversals recurse on term structure; callers bound the depth of
//! their inputs (see `tc::TypeChecker::guard_depth`) so the stack stays
//! bounded.

use crate::expr::{ExprId, ExprNode};
use crate::level::{LevelId, LevelNode};
use crate::name::NameId;
use crate::store::TermStore;
use rustc_hash::FxHashMap;

/// Memo of one traversal: (term, binders crossed) to result.
pub(crate) type ReplaceCache = FxHashMap<(ExprId, u32), ExprId>;
type Cache = ReplaceCache;

/// How a traversal moves: whether crossing a binder counts (term
/// substitutions shift loose indices; level instantiation does not look at
/// binders), and whether visited `(subterm, offset)` pairs are memoised.
#[derive(Clone, Copy)]
struct Walk {
    count_binders: bool,
    memoise: bool,
}

impl Walk {
    /// A term substitution's walk: binders shift the offset.
    fn under_binders(memoise: bool) -> Self {
        Walk {
            count_binders: true,
            memoise,
        }
    }
}

/// Depth up to which traversals skip the memo table (a few hundred node
/// visits at most, however much the term is shared: 3^6 with `let`).
const MEMO_MIN_DEPTH: u32 = 6;

/// Up to this many variables, `abstract_fvars` finds a variable's position
/// by scanning; past it, by a table (a scan per occurrence would make
/// closing n binders cost n per variable occurrence).
const ABSTRACT_SCAN_MAX: usize = 16;

/// Position of each variable in `fvars` (the last, for one listed twice).
pub(crate) fn fvar_positions(fvars: &[ExprId]) -> FxHashMap<ExprId, usize> {
    let mut m = FxHashMap::default();
    m.reserve(fvars.len());
    for (i, &v) in fvars.iter().enumerate() {
        m.insert(v, i);
    }
    m
}

impl TermStore {
    /// Runs one traversal of `e` with the store's memo table (emptied
    /// afterwards, keeping its allocation), so a substitution does not
    /// allocate and grow a fresh table. A nested traversal gets a fresh
    /// table. Terms no deeper than [`MEMO_MIN_DEPTH`] are walked without a
    /// memo: they have few paths, so revisiting a shared subterm costs less
    /// than hashing every node into the table.
    fn with_replace_cache<R>(
        &mut self,
        e: ExprId,
        f: impl FnOnce(&mut TermStore, &mut Cache, bool) -> R,
    ) -> R {
        let deep = self.depth(e) > MEMO_MIN_DEPTH;
        self.with_replace_cache_if(deep, f)
    }

    /// [`TermStore::with_replace_cache`], memoising exactly when `memoise`.
    fn with_replace_cache_if<R>(
        &mut self,
        memoise: bool,
        f: impl FnOnce(&mut TermStore, &mut Cache, bool) -> R,
    ) -> R {
        if !memoise {
            return f(self, &mut Cache::default(), false);
        }
        let mut cache = std::mem::take(&mut self.replace_cache);
        let r = f(self, &mut cache, true);
        crate::tc::reset_map(&mut cache, true);
        if cache.capacity() >= self.replace_cache.capacity() {
            self.replace_cache = cache;
        }
        r
    }

    /// Rebuilds `e`, letting `f` replace a subterm first (given the number of
    /// binders crossed, when `walk` counts them).
    /// Generic in `f`, so each substitution gets its own copy with `f`
    /// inlined: `f` runs at every node visited, and a `dyn` call there was
    /// a tenth of a substitution's cost.
    fn replace<F: FnMut(&mut TermStore, ExprId, u32) -> Option<ExprId>>(
        &mut self,
        e: ExprId,
        off: u32,
        walk: Walk,
        cache: &mut Cache,
        f: &mut F,
    ) -> ExprId {
        // Every visit is paid for; past the check's limit the traversal
        // stops and its (wrong) result is never used (see `tc::inst`).
        self.count_work(1);
        if self.work_exhausted() {
            return e;
        }
        if let Some(r) = f(self, e, off) {
            return r;
        }
        if walk.memoise
            && let Some(&r) = cache.get(&(e, off))
        {
            return r;
        }
        let inner = if walk.count_binders { off + 1 } else { off };
        let r = match self.node(e) {
            ExprNode::App(a, b) => {
                let a2 = self.replace(a, off, walk, cache, f);
                let b2 = self.replace(b, off, walk, cache, f);
                if a2 == a && b2 == b {
                    e
                } else {
                    self.app(a2, b2)
                }
            }
            ExprNode::Lam(t, b) => {
                let t2 = self.replace(t, off, walk, cache, f);
                let b2 = self.replace(b, inner, walk, cache, f);
                if t2 == t && b2 == b {
                    e
                } else {
                    self.lam(t2, b2)
                }
            }
            ExprNode::Pi(t, b) => {
                let t2 = self.replace(t, off, walk, cache, f);
                let b2 = self.replace(b, inner, walk, cache, f);
                if t2 == t && b2 == b {
                    e
                } else {
                    self.pi(t2, b2)
                }
            }
            ExprNode::Let(t, v, b) => {
                let t2 = self.replace(t, off, walk, cache, f);
                let v2 = self.replace(v, off, walk, cache, f);
                let b2 = self.replace(b, inner, walk, cache, f);
                if t2 == t && v2 == v && b2 == b {
                    e
                } else {
                    self.mk(ExprNode::Let(t2, v2, b2))
                }
            }
            ExprNode::Proj(n, i, s) => {
                let s2 = self.replace(s, off, walk, cache, f);
                if s2 == s {
                    e
                } else {
                    self.mk(ExprNode::Proj(n, i, s2))
                }
            }
            _ => e,
        };
        if walk.memoise {
            cache.insert((e, off), r);
        }
        r
    }

    /// Replaces loose `#(k + j)` under `k` binders by `subst[n-1-j]` for
    /// `j < n` (so the last element substitutes `#0`), and renumbers the
    /// remaining loose indices down by `n`.
    pub fn instantiate_rev(&mut self, e: ExprId, subst: &[ExprId]) -> ExprId {
        let n = subst.len() as u32;
        if n == 0 || self.lbr(e) == 0 {
            return e;
        }
        self.with_replace_cache(e, |st, cache, memo| {
            st.replace(e, 0, Walk::under_binders(memo), cache, &mut |st, x, off| {
                if st.lbr(x) <= off {
                    return Some(x);
                }
                if let ExprNode::BVar(i) = st.node(x) {
                    let j = i - off;
                    return Some(if j < n {
                        st.lift_loose_bvars(subst[(n - 1 - j) as usize], 0, off)
                    } else {
                        st.bvar(i - n)
                    });
                }
                None
            })
        })
    }

    /// Replaces every occurrence of `target` (a term with no loose index,
    /// so the same id wherever it occurs) in `e` by `new` (also without
    /// loose indices: nothing is captured).
    pub(crate) fn replace_closed(&mut self, e: ExprId, target: ExprId, new: ExprId) -> ExprId {
        let walk = Walk {
            count_binders: false,
            memoise: true,
        };
        self.with_replace_cache(e, |st, cache, memoise| {
            let walk = Walk { memoise, ..walk };
            st.replace(e, 0, walk, cache, &mut |_, x, _| {
                (x == target).then_some(new)
            })
        })
    }

    /// Instantiates the outermost loose index `#0` with `v`.
    pub fn instantiate1(&mut self, e: ExprId, v: ExprId) -> ExprId {
        self.instantiate_rev(e, &[v])
    }

    /// Replaces each occurrence of `fvars[i]` by the bound variable that
    /// `instantiate_rev(_, fvars)` would substitute it back for.
    pub fn abstract_fvars(&mut self, e: ExprId, fvars: &[ExprId]) -> ExprId {
        if fvars.is_empty() || !self.has_fvar(e) {
            return e;
        }
        if fvars.len() <= ABSTRACT_SCAN_MAX {
            let pos = |x: ExprId| fvars.iter().rposition(|v| *v == x);
            return self.abstract_fvars_at(e, fvars.len(), &pos);
        }
        let positions = fvar_positions(fvars);
        let pos = |x: ExprId| positions.get(&x).copied();
        self.abstract_fvars_at(e, fvars.len(), &pos)
    }

    /// `abstract_fvars` over `n` variables whose positions `pos` gives
    /// (the last position of a variable listed twice), so a caller closing
    /// a long run of binders can build the position table once.
    pub(crate) fn abstract_fvars_at(
        &mut self,
        e: ExprId,
        n: usize,
        pos: &dyn Fn(ExprId) -> Option<usize>,
    ) -> ExprId {
        let n = n as u32;
        if n == 0 || !self.has_fvar(e) {
            return e;
        }
        self.with_replace_cache(e, |st, cache, memo| {
            st.replace(e, 0, Walk::under_binders(memo), cache, &mut |st, x, off| {
                if !st.has_fvar(x) {
                    return Some(x);
                }
                if let ExprNode::FVar(_) = st.node(x) {
                    return Some(match pos(x) {
                        Some(i) => st.bvar(off + n - 1 - i as u32),
                        None => x,
                    });
                }
                None
            })
        })
    }

    /// Adds `d` to every loose index `≥ start`.
    pub fn lift_loose_bvars(&mut self, e: ExprId, start: u32, d: u32) -> ExprId {
        if d == 0 {
            return e;
        }
        self.shift_loose_bvars(e, start, |i, _| i + d)
    }

    /// Subtracts `d` from every loose index `≥ start` (indices in
    /// `start..start+d` must not occur).
    pub fn lower_loose_bvars(&mut self, e: ExprId, start: u32, d: u32) -> ExprId {
        if d == 0 {
            return e;
        }
        // Indices in `start..start+d` must not occur; saturate rather than
        // wrap if a caller breaks that.
        self.shift_loose_bvars(e, start, |i, off| i.saturating_sub(d).max(off))
    }

    /// Rewrites every loose index `i ≥ start` (`off` binders in) to
    /// `shift(i, off)`; closed subterms are kept as they are.
    fn shift_loose_bvars(
        &mut self,
        e: ExprId,
        start: u32,
        shift: impl Fn(u32, u32) -> u32,
    ) -> ExprId {
        if self.lbr(e) <= start {
            return e;
        }
        self.with_replace_cache(e, |st, cache, memo| {
            st.replace(
                e,
                start,
                Walk::under_binders(memo),
                cache,
                &mut |st, x, off| {
                    if st.lbr(x) <= off {
                        return Some(x);
                    }
                    if let ExprNode::BVar(i) = st.node(x) {
                        return Some(st.bvar(shift(i, off)));
                    }
                    None
                },
            )
        })
    }

    /// Whether loose index `#i` occurs in `e`.
    pub fn has_loose_bvar(&self, e: ExprId, i: u32) -> bool {
        let mut seen = rustc_hash::FxHashSet::default();
        self.has_loose_bvar_in(e, i, &mut seen)
    }

    fn has_loose_bvar_in(
        &self,
        e: ExprId,
        i: u32,
        seen: &mut rustc_hash::FxHashSet<(ExprId, u32)>,
    ) -> bool {
        self.count_work(1);
        if self.lbr(e) <= i || !seen.insert((e, i)) {
            return false;
        }
        match self.node(e) {
            ExprNode::BVar(j) => j == i,
            ExprNode::App(a, b) => {
                self.has_loose_bvar_in(a, i, seen) || self.has_loose_bvar_in(b, i, seen)
            }
            ExprNode::Lam(t, b) | ExprNode::Pi(t, b) => {
                self.has_loose_bvar_in(t, i, seen) || self.has_loose_bvar_in(b, i + 1, seen)
            }
            ExprNode::Let(t, v, b) => {
                self.has_loose_bvar_in(t, i, seen)
                    || self.has_loose_bvar_in(v, i, seen)
                    || self.has_loose_bvar_in(b, i + 1, seen)
            }
            ExprNode::Proj(_, _, s) => self.has_loose_bvar_in(s, i, seen),
            _ => false,
        }
    }

    /// Substitutes universe parameters in every level of `e`.
    pub fn instantiate_lparams(
        &mut self,
        e: ExprId,
        params: &[NameId],
        levels: &[LevelId],
    ) -> ExprId {
        if params.is_empty() || !self.data(e).has_level_param() {
            return e;
        }
        // Built once: a scan of `params` per occurrence would be quadratic.
        let subst = crate::level::LevelSubst::new(params, levels);
        // One level memo for the whole term: its levels share sublevels,
        // and each is substituted once (see `instance_size`). Memoised at
        // every depth: a check is charged by `instance_size` (distinct
        // nodes) for an instance, built or found, and the build must stay
        // near that charge; a walk of a shallow shared term's paths is
        // exponential in its height, and a check building the instance (in
        // a parallel check's fork) could then run out of fuel far from
        // where one finding it built (on one thread) did.
        let mut lmemo = crate::level::LevelMemo::default();
        self.with_replace_cache_if(true, |st, cache, memo| {
            st.replace(
                e,
                0,
                Walk {
                    count_binders: false,
                    memoise: memo,
                },
                cache,
                &mut |st, x, _| {
                    if !st.data(x).has_level_param() {
                        return Some(x);
                    }
                    match st.node(x) {
                        ExprNode::Sort(l) => {
                            let l2 = st.levels.instantiate_memo(l, &subst, &mut lmemo);
                            Some(st.sort(l2))
                        }
                        ExprNode::Const(n, ls) => {
                            st.count_work(st.levels_of(ls).len() as u64);
                            let mut ls2 = crate::tc::Levels::from_slice(st.levels_of(ls));
                            for l in ls2.iter_mut() {
                                *l = st.levels.instantiate_memo(*l, &subst, &mut lmemo);
                            }
                            Some(st.cnst(n, &ls2))
                        }
                        _ => None,
                    }
                },
            )
        })
    }

    /// What substituting universe parameters in `e` walks: its distinct
    /// nodes, the levels its constants list, and the distinct level nodes
    /// with a parameter (each substituted once, `instantiate_lparams`).
    /// A constant instance is charged this, so the charge covers level
    /// walks too (a `succ` chain is as long as the input).
    pub(crate) fn instance_size(&self, e: ExprId) -> u64 {
        let mut seen = rustc_hash::FxHashSet::default();
        let mut deep = Vec::new();
        let mut levels = 0u64;
        let mut stack = vec![e];
        let mut level = |l: LevelId, levels: &mut u64| {
            // As `instantiate_memo` walks them: a shallow level as a tree,
            // per occurrence; a deep one's nodes once (counted below).
            let d = self.levels.depth(l);
            if d <= crate::level::MEMO_FREE_DEPTH {
                *levels += (1 << d) - 1;
            } else if self.levels.has_param(l) {
                deep.push(l);
            }
        };
        while let Some(x) = stack.pop() {
            if !seen.insert(x) {
                continue;
            }
            match self.node(x) {
                ExprNode::App(a, b) | ExprNode::Lam(a, b) | ExprNode::Pi(a, b) => {
                    stack.push(a);
                    stack.push(b);
                }
                ExprNode::Let(t, v, b) => stack.extend([t, v, b]),
                ExprNode::Proj(_, _, s) => stack.push(s),
                ExprNode::Sort(l) => level(l, &mut levels),
                ExprNode::Const(_, ls) => {
                    levels += self.levels_of(ls).len() as u64;
                    for &l in self.levels_of(ls) {
                        level(l, &mut levels);
                    }
                }
                _ => {}
            }
        }
        if !deep.is_empty() {
            let mut seen_levels = rustc_hash::FxHashSet::default();
            while let Some(l) = deep.pop() {
                if !self.levels.has_param(l) || !seen_levels.insert(l) {
                    continue;
                }
                match self.levels.node(l) {
                    LevelNode::Succ(a) => deep.push(a),
                    LevelNode::Max(a, b) | LevelNode::IMax(a, b) => deep.extend([a, b]),
                    LevelNode::Zero | LevelNode::Param(_) => {}
                }
            }
            levels += seen_levels.len() as u64;
        }
        seen.len() as u64 + levels
    }

    /// Whether the constant named `n` occurs in `e`.
    pub fn mentions_const(&self, e: ExprId, pred: &dyn Fn(NameId) -> bool) -> bool {
        let mut seen = rustc_hash::FxHashSet::default();
        let mut stack = vec![e];
        while let Some(x) = stack.pop() {
            self.count_work(1);
            if !seen.insert(x) {
                continue;
            }
            match self.node(x) {
                ExprNode::Const(n, _) if pred(n) => return true,
                ExprNode::App(a, b) | ExprNode::Lam(a, b) | ExprNode::Pi(a, b) => {
                    stack.push(a);
                    stack.push(b);
                }
                ExprNode::Let(t, v, b) => stack.extend([t, v, b]),
                ExprNode::Proj(_, _, s) => stack.push(s),
                _ => {}
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::level::LevelId;
    use crate::store::TermStore;

    /// Building a constant's instance does term work within twice what the
    /// check is charged for it (`tc/instances.rs`: twice `instance_size`,
    /// distinct nodes, plus the parameters), however shallow and shared the
    /// term. A walk of its paths was exponential in its height: a check
    /// that built the instance could run out of fuel far from where one that
    /// found it built (one thread against a parallel check's fork) did; now
    /// only within one instance's charge of the budget.
    #[test]
    fn an_instance_build_stays_within_its_charge() {
        let mut st = TermStore::default();
        let u = st.names.dotted("u");
        let lu = st.levels.param(u);
        for height in 1..=8 {
            // `P₀ = Sort u`, `Pᵢ₊₁ = Pᵢ → Pᵢ`: 2^height paths, height + 1 nodes.
            let mut p = st.sort(lu);
            for _ in 0..height {
                p = st.pi(p, p);
            }
            let charge = 2 * (st.instance_size(p) + 1);
            st.begin_scratch();
            st.start_work(u64::MAX);
            let before = st.work();
            let r = st.instantiate_lparams(p, &[u], &[LevelId::ZERO]);
            let work = st.work() - before;
            st.end_scratch();
            assert_ne!(r, p);
            assert!(
                work <= 2 * charge,
                "height {height}: work {work} > twice the charge {charge}"
            );
        }
    }
}

//! Constant instances: a constant's type, definition value or recursor rule
//! at one list of universe levels, instantiated once per kernel instead of
//! once per check.
//!
//! Instantiating `Eq.refl`'s type at level 1 gives the same term in every
//! check, yet it was a large share of a small query's cost (the gate asks
//! thousands of them). Such a result depends only on the constant, which
//! never changes once it is in the environment, so it is built in the
//! persistent region and remembered across checks. Each check is charged
//! for an instance (by the constant's size, its levels' nodes included) the
//! first time it asks for it, built or not, so sharing leaves every check's
//! fuel as it was.
//!
//! Only constants already in the environment qualify: a constant of a block
//! being checked may yet be rejected and declared again differently.

use super::{LevelParams, Levels, TcResult, TypeChecker};
use crate::expr::{ExprId, LevelsId};
use crate::name::NameId;
use rustc_hash::FxHashMap;

/// At most this many instances are kept; past it, instances are made per
/// check as before, so a stream of ever-new level lists cannot grow the
/// persistent region without bound.
const MAX_INSTANCES: usize = 1 << 16;

/// Instances of environment constants, keyed by the constant, the term
/// instantiated (its type, value or a recursor rule) and the levels.
#[derive(Default)]
pub(crate) struct Instances {
    /// The store the ids below belong to (0: none yet).
    store: u64,
    map: FxHashMap<(NameId, ExprId, LevelsId), ExprId>,
    /// Sizes (`TermStore::instance_size`) of persistent terms instantiated
    /// so far (what an instance of them is charged, see `instance`).
    sizes: FxHashMap<ExprId, u64>,
}

impl Instances {
    /// Forgets everything if the ids were made in another store.
    pub(crate) fn bind(&mut self, store: u64) {
        if self.store != store {
            self.map.clear();
            self.sizes.clear();
            self.store = store;
        }
    }
}

impl TypeChecker<'_> {
    /// `term` (part of constant `owner`, whose universe parameters are
    /// `params`) at the levels `ls`. The caller has checked that the level
    /// count matches.
    pub(crate) fn instance(
        &mut self,
        owner: NameId,
        term: ExprId,
        params: &[NameId],
        ls: LevelsId,
    ) -> TcResult<ExprId> {
        if params.is_empty() {
            return Ok(term);
        }
        let key = (owner, term, ls);
        // Charged as if built in this check, once per check: the work a
        // check pays for must not depend on what earlier checks shared.
        let work_before = self.st.work();
        let charge = if self.ws.charged_instances.insert(key) {
            // The substitution is built over the parameters, one each.
            2 * (self.template_size(term) + params.len() as u64)
        } else {
            0
        };
        // Paid before it is built: a budget too small for it ends the check
        // without building it (the build is as long as its charge).
        self.st.set_work(work_before + charge);
        self.charge_work()?;
        self.st.set_work(work_before);
        let r = self.instance_uncharged(owner, term, params, ls, key)?;
        self.st.set_work(work_before + charge);
        self.charge_work()?;
        Ok(r)
    }

    /// What instantiating `term` walks (`TermStore::instance_size`: its
    /// nodes and its levels' nodes), remembered for persistent terms.
    fn template_size(&mut self, term: ExprId) -> u64 {
        if term.is_scratch() {
            return self.st.instance_size(term);
        }
        if let Some(&n) = self.ws.instances.sizes.get(&term) {
            return n;
        }
        let n = self.st.instance_size(term);
        self.ws.instances.sizes.insert(term, n);
        n
    }

    fn instance_uncharged(
        &mut self,
        owner: NameId,
        term: ExprId,
        params: &[NameId],
        ls: LevelsId,
        key: (NameId, ExprId, LevelsId),
    ) -> TcResult<ExprId> {
        let shared = !term.is_scratch() && !self.ws.pending.contains_key(&owner);
        // A shared instance may still be local to this check (see below).
        let known = shared
            .then(|| self.ws.instances.map.get(&key))
            .flatten()
            .or_else(|| self.ws.local_instances.get(&key));
        if let Some(&t) = known {
            return Ok(t);
        }
        self.guard_depth(term)?;
        let params = LevelParams::from_slice(params);
        let levels = Levels::from_slice(self.st.levels_of(ls));
        let share = shared && self.ws.instances.map.len() < MAX_INSTANCES;
        let t = if share {
            self.st
                .preferring_persistent(|st| st.instantiate_lparams(term, &params, &levels))
        } else {
            self.st.instantiate_lparams(term, &params, &levels)
        };
        // A substitution past the budget stops half done: that copy is
        // neither kept nor used, and the check ends out of fuel here, before
        // the charge below would hide that the budget ran out.
        if self.st.work_exhausted() {
            return Err(self.work_ran_out());
        }
        // A part this check had already made in scratch keeps the whole
        // instance in scratch: it is then remembered for this check only.
        if share && !t.is_scratch() {
            self.ws.instances.map.insert(key, t);
        } else {
            self.ws.local_instances.insert(key, t);
        }
        Ok(t)
    }
}

//! Constant instances: a constant's type, definition value or recursor rule
//! at one list of universe levels, instantiated once per kernel instead of
//! once per check.
//!
//! Instantiating `Eq.refl`'s type at level 1 gives the same term in every
//! check, yet it was a large share of a small query's cost (the gate asks
//! thousands of them). Such a result depends only on the constant, which
//! never changes once it is in the environment, so it is built in the
//! persistent region and remembered across checks. Instantiation counts no
//! steps, so sharing it leaves every check's step count as it was.
//!
//! Only constants already in the environment qualify: a constant of a block
//! being checked may yet be rejected and declared again differently.

use super::{LevelParams, Levels, TcResult, TypeChecker};
use crate::expr::{ExprId, LevelsId};
use crate::name::NameId;
use fxhash::FxHashMap;

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
}

impl Instances {
    /// Forgets everything if the ids were made in another store.
    pub(crate) fn bind(&mut self, store: u64) {
        if self.store != store {
            self.map.clear();
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

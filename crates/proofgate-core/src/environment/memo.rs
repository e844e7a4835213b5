//! The obligation memo: the hot paths (mutation gates asking the same
//! literal equality, the barrier asking its policy invariants of evidence) remember
//! their obligation, the proof the kernel accepted for it, and that proof's
//! receipt record in the epoch it was made, so a repeat is answered without
//! building terms or hashing. The literal fast path keeps the last literal
//! equality answered, compared before any hashing.
//!
//! Invariants: a key determines its obligation exactly; an entry's proof is
//! one the kernel accepted (the cache's entry for that obligation); a record
//! is reused only in the epoch it was made in, and the literal fast path is
//! cleared whenever a declaration starts a new epoch.

use super::receipts::Accepted;
use crate::obligation::Obligation;
use crate::requirement::{GateSubject, ProofRequirement};
use rustc_hash::FxHashMap;

/// Obligations remembered at most (the memo stops growing there; later
/// ones are built each time, and still answered by the proof cache).
pub(crate) const MEMO_LIMIT: usize = 4_096;

/// The requirements whose obligations are remembered. The key determines
/// the obligation exactly.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum MemoKey {
    /// `actual = expected` over Nat (DimensionMatch and TypeMatch alike).
    Literal(u64, u64),
    /// A registered invariant of these arguments (ids are never
    /// re-registered, so the pair fixes the obligation).
    Invariant(u32, Vec<u64>),
}

impl MemoKey {
    /// The key of `requirement` for `subject`, if it is memoised.
    pub(crate) fn of(requirement: &ProofRequirement, subject: &dyn GateSubject) -> Option<Self> {
        match requirement {
            ProofRequirement::DimensionMatch { expected } => {
                subject.dimension().map(|d| MemoKey::Literal(d, *expected))
            }
            ProofRequirement::TypeMatch { schema_id } => {
                subject.schema_id().map(|s| MemoKey::Literal(s, *schema_id))
            }
            ProofRequirement::InvariantPreserved { invariant_id } => subject
                .invariant_arguments(*invariant_id)
                .map(|a| MemoKey::Invariant(*invariant_id, a)),
            _ => None,
        }
    }
}

/// `(actual, expected)` of a literal-equality requirement.
#[inline]
pub(crate) fn literal_key<S: GateSubject + ?Sized>(
    requirement: &ProofRequirement,
    subject: &S,
) -> Option<(u64, u64)> {
    match requirement {
        ProofRequirement::DimensionMatch { expected } => {
            subject.dimension().map(|d| (d, *expected))
        }
        ProofRequirement::TypeMatch { schema_id } => subject.schema_id().map(|s| (s, *schema_id)),
        _ => None,
    }
}

/// A memoised obligation, its accepted proof once checked, and that
/// proof's receipt record with the epoch it was made in.
#[derive(Clone, Copy, Debug)]
struct Entry {
    obligation: Obligation,
    accepted: Option<Accepted>,
    made: Option<(u32, u32)>,
}

/// Memoised obligations and the literal fast path.
#[derive(Debug, Default)]
pub(crate) struct ObligationMemo {
    entries: FxHashMap<MemoKey, Entry>,
    /// The literal equality `(actual, expected)` answered last, and its record.
    last_literal: Option<((u64, u64), u32)>,
}

impl ObligationMemo {
    /// The record of the last literal equality answered, if it is `lit`.
    #[inline]
    pub(crate) fn last_literal(&self, lit: (u64, u64)) -> Option<u32> {
        match self.last_literal {
            Some((last, record)) if last == lit => Some(record),
            _ => None,
        }
    }

    /// A declaration started a new epoch: the fast path's record is stale.
    pub(crate) fn new_epoch(&mut self) {
        self.last_literal = None;
    }

    /// The remembered obligation of `key`.
    pub(crate) fn obligation(&self, key: &MemoKey) -> Option<Obligation> {
        self.entries.get(key).map(|e| e.obligation)
    }

    /// Remembers an obligation (until the memo is full).
    pub(crate) fn remember(&mut self, key: MemoKey, obligation: Obligation) {
        if self.entries.len() < MEMO_LIMIT {
            self.entries.insert(
                key,
                Entry {
                    obligation,
                    accepted: None,
                    made: None,
                },
            );
        }
    }

    /// The accepted proof of `key` and the record made for it, with its epoch.
    pub(crate) fn accepted(&self, key: &MemoKey) -> Option<(Accepted, Option<(u32, u32)>)> {
        let e = self.entries.get(key)?;
        e.accepted.map(|a| (a, e.made))
    }

    /// The kernel accepted `key`'s obligation.
    pub(crate) fn set_accepted(&mut self, key: &MemoKey, accepted: Option<Accepted>) {
        if let Some(e) = self.entries.get_mut(key) {
            e.accepted = accepted;
        }
    }

    /// `key`'s record in `epoch` is `record`; a literal becomes the fast path.
    pub(crate) fn set_record(&mut self, key: &MemoKey, epoch: u32, record: u32) {
        if let Some(e) = self.entries.get_mut(key) {
            e.made = Some((epoch, record));
        }
        self.answered(key, record);
    }

    /// `key` was answered with `record`: a literal becomes the fast path.
    pub(crate) fn answered(&mut self, key: &MemoKey, record: u32) {
        if let MemoKey::Literal(a, e) = key {
            self.last_literal = Some(((*a, *e), record));
        }
    }

    /// Obligations remembered.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::{MEMO_LIMIT, MemoKey, ObligationMemo};
    use crate::environment::receipts::Accepted;
    use crate::obligation::{Obligation, ReflexShape};
    use crate::tier::ProofTier;
    use proofgate_kernel::{LevelId, TermStore};

    fn obligation(st: &mut TermStore) -> Obligation {
        let shape = ReflexShape {
            eq: st.names.dotted("Eq"),
            eq_refl: st.names.dotted("Eq.refl"),
            nat: st.names.dotted("Nat"),
            level_one: {
                let one = st.levels.succ(LevelId::ZERO);
                st.level_list(&[one])
            },
        };
        let p = st.sort(LevelId::ZERO);
        Obligation::new(st, &shape, p, p)
    }

    #[test]
    fn literal_fast_path_follows_answers_and_is_cleared_by_epochs() {
        let mut st = TermStore::default();
        let ob = obligation(&mut st);
        let mut memo = ObligationMemo::default();
        let key = MemoKey::Literal(3, 3);
        memo.remember(key.clone(), ob);
        assert_eq!(memo.obligation(&key), Some(ob));
        assert!(memo.accepted(&key).is_none(), "nothing accepted yet");
        let acc = Accepted {
            checked_at_ns: 1,
            steps: 0,
            proof: 0,
            tier: ProofTier::Reflex,
            route: super::super::Route::Kernel,
        };
        memo.set_accepted(&key, Some(acc));
        memo.set_record(&key, 0, 5);
        assert_eq!(memo.last_literal((3, 3)), Some(5));
        assert_eq!(memo.last_literal((3, 4)), None);
        assert_eq!(memo.accepted(&key).map(|a| a.1), Some(Some((0, 5))));
        memo.new_epoch();
        assert_eq!(memo.last_literal((3, 3)), None);
    }

    #[test]
    fn the_memo_stops_growing_at_its_limit() {
        let mut st = TermStore::default();
        let ob = obligation(&mut st);
        let mut memo = ObligationMemo::default();
        for i in 0..(MEMO_LIMIT as u64 + 10) {
            memo.remember(MemoKey::Literal(i, i), ob);
        }
        assert_eq!(memo.len(), MEMO_LIMIT);
        assert!(memo.obligation(&MemoKey::Literal(0, 0)).is_some());
        assert!(
            memo.obligation(&MemoKey::Literal(MEMO_LIMIT as u64, MEMO_LIMIT as u64))
                .is_none()
        );
    }
}

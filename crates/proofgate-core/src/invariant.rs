//! Registered invariants: a `Bool`-valued kernel definition over Nat
//! arguments, and its arity. The value supplies the arguments through
//! [`crate::GateSubject::invariant_arguments`].

use proofgate_kernel::ExprId;
use rustc_hash::FxHashMap;

/// Id of the built-in invariant `Proofgate.Invariant.withinCapacity len cap`.
pub const WITHIN_CAPACITY: u32 = 0;
/// Id of the built-in invariant `Proofgate.Invariant.edgeBound nodes edges`
/// (`2 * edges <= nodes * nodes`).
pub const EDGE_BOUND: u32 = 1;

/// One registered invariant.
#[derive(Clone, Debug)]
pub struct Invariant {
    /// The definition's name.
    pub name: String,
    /// The constant (the definition, at no universe levels).
    pub constant: ExprId,
    /// Number of Nat arguments.
    pub arity: usize,
    /// What it states, in its owner's words, for refusals ("at least 90%
    /// of the hosts ready"); `None` names it by id.
    pub description: Option<String>,
}

/// Invariants by id.
#[derive(Clone, Debug, Default)]
pub struct InvariantRegistry {
    by_id: FxHashMap<u32, Invariant>,
}

impl InvariantRegistry {
    /// The invariant registered under `id`.
    pub fn get(&self, id: u32) -> Option<&Invariant> {
        self.by_id.get(&id)
    }

    /// Sets what invariant `id` states; `false` if none is registered.
    pub(crate) fn describe(&mut self, id: u32, description: String) -> bool {
        match self.by_id.get_mut(&id) {
            Some(inv) => {
                inv.description = Some(description);
                true
            }
            None => false,
        }
    }

    /// Registers; `false` if the id was taken.
    pub(crate) fn insert(&mut self, id: u32, inv: Invariant) -> bool {
        if self.by_id.contains_key(&id) {
            return false;
        }
        self.by_id.insert(id, inv);
        true
    }
}

//! The environment: checked constants by name, and the names the kernel's
//! built-in extensions (literals, quotients) refer to.

use crate::declaration::{ConstantInfo, ConstantKind};
use crate::name::{NameId, NameTable};
use fxhash::FxHashMap;

/// Names with built-in meaning (literal and quotient extensions).
#[derive(Clone, Debug)]
#[allow(missing_docs)]
pub struct WellKnown {
    pub nat: NameId,
    pub nat_zero: NameId,
    pub nat_succ: NameId,
    pub nat_add: NameId,
    pub nat_sub: NameId,
    pub nat_mul: NameId,
    pub nat_div: NameId,
    pub nat_mod: NameId,
    pub nat_gcd: NameId,
    pub nat_beq: NameId,
    pub nat_ble: NameId,
    pub nat_land: NameId,
    pub nat_lor: NameId,
    pub nat_xor: NameId,
    pub nat_shift_left: NameId,
    pub nat_shift_right: NameId,
    pub nat_pow: NameId,
    pub nat_log2: NameId,
    pub bool_true: NameId,
    pub bool_false: NameId,
    pub string: NameId,
    pub string_of_list: NameId,
    pub char: NameId,
    pub char_of_nat: NameId,
    pub list_nil: NameId,
    pub list_cons: NameId,
    pub eq: NameId,
    pub eq_refl: NameId,
    pub quot: NameId,
    pub quot_mk: NameId,
    pub quot_lift: NameId,
    pub quot_ind: NameId,
}

impl WellKnown {
    /// Interns the built-in names.
    pub fn new(names: &mut NameTable) -> WellKnown {
        let mut d = |s: &str| names.dotted(s);
        WellKnown {
            nat: d("Nat"),
            nat_zero: d("Nat.zero"),
            nat_succ: d("Nat.succ"),
            nat_add: d("Nat.add"),
            nat_sub: d("Nat.sub"),
            nat_mul: d("Nat.mul"),
            nat_div: d("Nat.div"),
            nat_mod: d("Nat.mod"),
            nat_gcd: d("Nat.gcd"),
            nat_beq: d("Nat.beq"),
            nat_ble: d("Nat.ble"),
            nat_land: d("Nat.land"),
            nat_lor: d("Nat.lor"),
            nat_xor: d("Nat.xor"),
            nat_shift_left: d("Nat.shiftLeft"),
            nat_shift_right: d("Nat.shiftRight"),
            nat_pow: d("Nat.pow"),
            nat_log2: d("Nat.log2"),
            bool_true: d("Bool.true"),
            bool_false: d("Bool.false"),
            string: d("String"),
            string_of_list: d("String.ofList"),
            char: d("Char"),
            char_of_nat: d("Char.ofNat"),
            list_nil: d("List.nil"),
            list_cons: d("List.cons"),
            eq: d("Eq"),
            eq_refl: d("Eq.refl"),
            quot: d("Quot"),
            quot_mk: d("Quot.mk"),
            quot_lift: d("Quot.lift"),
            quot_ind: d("Quot.ind"),
        }
    }
}

/// Checked constants.
#[derive(Default, Debug)]
pub struct Environment {
    consts: FxHashMap<NameId, ConstantInfo>,
    quot_kinds_added: u8,
}

impl Environment {
    /// Looks up a constant.
    pub fn get(&self, n: NameId) -> Option<&ConstantInfo> {
        self.consts.get(&n)
    }

    /// Whether a name is taken.
    pub fn contains(&self, n: NameId) -> bool {
        self.consts.contains_key(&n)
    }

    /// Number of constants.
    pub fn len(&self) -> usize {
        self.consts.len()
    }

    /// Whether the environment is empty.
    pub fn is_empty(&self) -> bool {
        self.consts.is_empty()
    }

    /// Adds a constant that has been checked. Only the kernel calls this.
    pub(crate) fn insert(&mut self, c: ConstantInfo) {
        if let ConstantKind::Quot { .. } = c.kind {
            self.quot_kinds_added += 1;
        }
        self.consts.insert(c.name, c);
    }

    /// Whether all four quotient constants are present (enables reduction).
    pub fn quot_ready(&self) -> bool {
        self.quot_kinds_added >= 4
    }
}

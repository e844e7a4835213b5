//! The environment: checked constants by name, and the names the kernel's
//! built-in extensions (literals, quotients) refer to.

use crate::declaration::{ConstantInfo, ConstantKind};
use crate::name::{NameId, NameTable};
use rustc_hash::{FxHashMap, FxHashSet};

/// Names with built-in meaning (literal and quotient extensions).
#[derive(Clone, Debug)]
pub struct WellKnown {
    /// `Nat`
    pub nat: NameId,
    /// `Nat.zero`
    pub nat_zero: NameId,
    /// `Nat.succ`
    pub nat_succ: NameId,
    /// `Nat.pred` (named by `Nat.sub`'s defining equation)
    pub nat_pred: NameId,
    /// `Nat.add`
    pub nat_add: NameId,
    /// `Nat.sub`
    pub nat_sub: NameId,
    /// `Nat.mul`
    pub nat_mul: NameId,
    /// `Nat.div`
    pub nat_div: NameId,
    /// `Nat.mod`
    pub nat_mod: NameId,
    /// `Nat.gcd`
    pub nat_gcd: NameId,
    /// `Nat.beq`
    pub nat_beq: NameId,
    /// `Nat.ble`
    pub nat_ble: NameId,
    /// `Nat.land`
    pub nat_land: NameId,
    /// `Nat.lor`
    pub nat_lor: NameId,
    /// `Nat.xor`
    pub nat_xor: NameId,
    /// `Nat.shiftLeft`
    pub nat_shift_left: NameId,
    /// `Nat.shiftRight`
    pub nat_shift_right: NameId,
    /// `Nat.pow`
    pub nat_pow: NameId,
    /// `Nat.log2`
    pub nat_log2: NameId,
    /// `Bool`
    pub boolean: NameId,
    /// `Bool.true`
    pub bool_true: NameId,
    /// `Bool.false`
    pub bool_false: NameId,
    /// `String`
    pub string: NameId,
    /// `String.ofList`
    pub string_of_list: NameId,
    /// `Char`
    pub char: NameId,
    /// `Char.ofNat`
    pub char_of_nat: NameId,
    /// `List`
    pub list: NameId,
    /// `u`, the universe parameter the expected types of `List`'s
    /// constructors are written with
    pub univ_u: NameId,
    /// `List.nil`
    pub list_nil: NameId,
    /// `List.cons`
    pub list_cons: NameId,
    /// `Eq`
    pub eq: NameId,
    /// `Eq.refl`
    pub eq_refl: NameId,
    /// `Quot`
    pub quot: NameId,
    /// `Quot.mk`
    pub quot_mk: NameId,
    /// `Quot.lift`
    pub quot_lift: NameId,
    /// `Quot.ind`
    pub quot_ind: NameId,
    /// `optParam`, a binder annotation the inductive checker removes
    pub opt_param: NameId,
    /// `autoParam`
    pub auto_param: NameId,
    /// `outParam`
    pub out_param: NameId,
    /// `semiOutParam`
    pub semi_out_param: NameId,
}

impl WellKnown {
    /// Interns the built-in names.
    pub fn new(names: &mut NameTable) -> WellKnown {
        let mut d = |s: &str| names.dotted(s);
        WellKnown {
            nat: d("Nat"),
            nat_zero: d("Nat.zero"),
            nat_succ: d("Nat.succ"),
            nat_pred: d("Nat.pred"),
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
            boolean: d("Bool"),
            bool_true: d("Bool.true"),
            bool_false: d("Bool.false"),
            string: d("String"),
            string_of_list: d("String.ofList"),
            char: d("Char"),
            char_of_nat: d("Char.ofNat"),
            list: d("List"),
            univ_u: d("u"),
            list_nil: d("List.nil"),
            list_cons: d("List.cons"),
            eq: d("Eq"),
            eq_refl: d("Eq.refl"),
            quot: d("Quot"),
            quot_mk: d("Quot.mk"),
            quot_lift: d("Quot.lift"),
            quot_ind: d("Quot.ind"),
            opt_param: d("optParam"),
            auto_param: d("autoParam"),
            out_param: d("outParam"),
            semi_out_param: d("semiOutParam"),
        }
    }
}

/// Checked constants.
#[derive(Default, Debug)]
pub struct Environment {
    consts: FxHashMap<NameId, ConstantInfo>,
    quot_kinds_added: u8,
    /// Definitions that passed their primitive check (`primitive.rs`): the
    /// only constants the literal extension computes on.
    verified_primitives: FxHashSet<NameId>,
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

    /// Whether `n` is a definition that passed its primitive check when it
    /// was added, so the literal extension may compute it.
    pub fn is_verified_primitive(&self, n: NameId) -> bool {
        self.verified_primitives.contains(&n)
    }

    /// Records that the definition `n`, just added, passed its primitive check.
    pub(crate) fn mark_verified_primitive(&mut self, n: NameId) {
        self.verified_primitives.insert(n);
    }

    /// Whether all four quotient constants are present (enables reduction).
    pub fn quot_ready(&self) -> bool {
        self.quot_kinds_added >= 4
    }
}

//! The environment: checked constants by name, and the names the kernel's
//! built-in extensions (literals, quotients) refer to.

use crate::declaration::{ConstantInfo, ConstantKind};
use crate::layered::{Layer, Layered};
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

/// Where a declaration stands in the order constants were added: a check
/// that runs after later declarations were added (a parallel check, see
/// `parallel.rs`) sees only the constants before its own position.
pub type Position = u32;

/// One layer of the environment (see `layered.rs`).
#[derive(Default)]
pub(crate) struct ConstLayer(FxHashMap<NameId, (ConstantInfo, Position)>);

impl Layer for ConstLayer {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn absorb(&mut self, open: &mut Self) {
        self.0.extend(open.0.drain());
    }
}

/// Checked constants, each with the position of its declaration.
#[derive(Default)]
pub struct Environment {
    consts: Layered<ConstLayer>,
    /// Declarations added so far (the next one's position).
    declarations: Position,
    quot_kinds_added: u8,
    /// Position of the declaration that completed the quotient constants.
    quot_ready_at: Option<Position>,
    /// Definitions that passed their primitive check (`primitive.rs`): the
    /// only constants the literal extension computes on.
    verified_primitives: FxHashSet<NameId>,
}

impl std::fmt::Debug for Environment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Environment({} constants)", self.len())
    }
}

impl Environment {
    #[inline]
    fn entry(&self, n: NameId) -> Option<&(ConstantInfo, Position)> {
        let open = &self.consts.open().0;
        // A fork's open layer is empty: one lookup, not two.
        if open.is_empty() {
            return self.consts.frozen().0.get(&n);
        }
        open.get(&n).or_else(|| self.consts.frozen().0.get(&n))
    }

    /// Looks up a constant.
    pub fn get(&self, n: NameId) -> Option<&ConstantInfo> {
        self.entry(n).map(|(c, _)| c)
    }

    /// Looks up a constant declared before position `horizon`.
    #[inline]
    pub(crate) fn get_before(&self, n: NameId, horizon: Position) -> Option<&ConstantInfo> {
        match self.entry(n) {
            Some((c, at)) if *at < horizon => Some(c),
            _ => None,
        }
    }

    /// Whether a name is taken.
    pub fn contains(&self, n: NameId) -> bool {
        self.entry(n).is_some()
    }

    /// Number of constants.
    pub fn len(&self) -> usize {
        self.consts.frozen().len() + self.consts.open().len()
    }

    /// Whether the environment is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes the constants take, by element sizes (spare capacity left
    /// out): each map entry and slot, universe parameter lists, and the
    /// `all` lists and rules of recursors. Their terms are the store's.
    pub fn kept_bytes(&self) -> u64 {
        let entry = std::mem::size_of::<(NameId, (ConstantInfo, Position))>() + 1;
        let layers = [&self.consts.frozen().0, &self.consts.open().0];
        let heap: usize = layers
            .iter()
            .flat_map(|m| m.values())
            .map(|(c, _)| {
                let lists = match &c.kind {
                    ConstantKind::Recursor { all, rules, .. } => {
                        std::mem::size_of_val(&all[..]) + std::mem::size_of_val(&rules[..])
                    }
                    _ => 0,
                };
                c.level_params.len() * std::mem::size_of::<NameId>() + lists
            })
            .sum();
        (self.len() * entry + heap) as u64
    }

    /// An environment sharing this one's frozen constants (`layered.rs`):
    /// what a thread of a parallel check reads. Call
    /// [`Environment::freeze`] first.
    pub(crate) fn fork(&self) -> Environment {
        Environment {
            consts: self.consts.fork(),
            declarations: self.declarations,
            quot_kinds_added: self.quot_kinds_added,
            quot_ready_at: self.quot_ready_at,
            verified_primitives: self.verified_primitives.clone(),
        }
    }

    /// Freezes the constants added so far; `false` while a fork is alive.
    pub(crate) fn freeze(&mut self) -> bool {
        self.consts.freeze()
    }

    /// Adds the constants of one declaration (checked, or to be checked
    /// before anything trusts them: `parallel.rs`), at the next position.
    /// Only the kernel calls this.
    pub(crate) fn insert_declaration(&mut self, cs: Vec<ConstantInfo>) -> Position {
        let at = self.declarations;
        self.declarations += 1;
        for c in cs {
            if let ConstantKind::Quot { .. } = c.kind {
                self.quot_kinds_added += 1;
                if self.quot_kinds_added == 4 {
                    self.quot_ready_at = Some(at);
                }
            }
            self.consts.open_mut().0.insert(c.name, (c, at));
        }
        at
    }

    /// Whether `n` is a definition that passed its primitive check when it
    /// was added, so the literal extension may compute it.
    pub fn is_verified_primitive(&self, n: NameId) -> bool {
        self.verified_primitives.contains(&n)
    }

    /// [`Environment::is_verified_primitive`], for a check at `horizon`.
    pub(crate) fn is_verified_primitive_before(&self, n: NameId, horizon: Position) -> bool {
        self.is_verified_primitive(n) && self.get_before(n, horizon).is_some()
    }

    /// Records that the definition `n`, just added, passed its primitive check.
    pub(crate) fn mark_verified_primitive(&mut self, n: NameId) {
        self.verified_primitives.insert(n);
    }

    /// Whether all four quotient constants are present (enables reduction).
    pub fn quot_ready(&self) -> bool {
        self.quot_ready_at.is_some()
    }

    /// [`Environment::quot_ready`], for a check at `horizon`.
    pub(crate) fn quot_ready_before(&self, horizon: Position) -> bool {
        self.quot_ready_at.is_some_and(|at| at < horizon)
    }
}

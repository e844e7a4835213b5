//! The Nat and String literal extensions: arbitrary-precision arithmetic on
//! closed Nat literals (as Lean's kernel does with GMP), conversion between
//! literals and `Nat.zero`/`Nat.succ`, and expansion of string literals to
//! `String.ofList` of `Char.ofNat` characters.
//!
//! The extension only computes; the meaning of `Nat` itself comes from the
//! checked inductive declaration, whose recursor rules are derived and
//! compared like any other.
//!
//! The kernel refers to these constants by name, so before it builds or
//! computes anything it checks that they have the expected shape: `Nat` an
//! inductive type with `zero : Nat` and `succ : Nat → Nat`, each operation
//! `Nat → Nat → Nat` (`→ Bool` for `beq`/`ble`, with `Bool` having
//! `false`/`true`), and `Char.ofNat : Nat → Char`, `String.ofList :
//! List Char → String`, `List.nil`/`List.cons` the usual ones. Otherwise the
//! extension stays off (a literal is then stuck, or, for typing, an error):
//! a file cannot make the kernel fabricate ill-typed terms (say, a
//! `Char.ofNat` whose field is `Empty`). That `Nat.add` really adds is not
//! trusted by name: an operation is computed only if its definition passed
//! its defining equations when it was added (`primitive.rs`).

use crate::error::KernelError;
use crate::expr::{ExprId, ExprNode, LitId};
use crate::level::LevelId;
use crate::literal_cost as cost;
use crate::nat_op::{NatOp, NatValue, bits, words};
use crate::rule::TypeRule;
use crate::tc::{TcResult, TypeChecker};
use dashu_int::UBig;

/// The types the Nat extension expects of its constants (`Type`, `Nat`,
/// `Nat → Nat`, `Nat → Nat → Nat`, `Bool`, `Nat → Nat → Bool`) and the
/// results of comparisons (`Bool.false`, `Bool.true`), made once per store
/// in its persistent region and kept in the workspace, so a check that asks
/// whether `Nat.mul` may be computed compares ids instead of building these
/// terms again (it was a sixth of a small gate check).
#[derive(Clone, Copy, Debug)]
pub(crate) struct LiteralTypes {
    /// The store the ids belong to (0: not made yet).
    store: u64,
    type0: ExprId,
    nat: ExprId,
    nat_nat: ExprId,
    nat_nat_nat: ExprId,
    boolean: ExprId,
    nat_nat_bool: ExprId,
    bool_false: ExprId,
    bool_true: ExprId,
}

impl Default for LiteralTypes {
    fn default() -> Self {
        let none = ExprId(0);
        LiteralTypes {
            store: 0,
            type0: none,
            nat: none,
            nat_nat: none,
            nat_nat_nat: none,
            boolean: none,
            nat_nat_bool: none,
            bool_false: none,
            bool_true: none,
        }
    }
}

impl LiteralTypes {
    fn build(st: &mut crate::store::TermStore, wk: &crate::env::WellKnown) -> LiteralTypes {
        let one = st.levels.succ(LevelId::ZERO);
        let type0 = st.sort(one);
        let nat = st.cnst(wk.nat, &[]);
        let boolean = st.cnst(wk.boolean, &[]);
        let nat_nat = st.pi(nat, nat);
        let nat_nat_nat = st.pi(nat, nat_nat);
        let nat_bool = st.pi(nat, boolean);
        let nat_nat_bool = st.pi(nat, nat_bool);
        LiteralTypes {
            store: 0,
            type0,
            nat,
            nat_nat,
            nat_nat_nat,
            boolean,
            nat_nat_bool,
            bool_false: st.cnst(wk.bool_false, &[]),
            bool_true: st.cnst(wk.bool_true, &[]),
        }
    }

    /// Whether every id may outlive the check that made it.
    fn is_persistent(&self) -> bool {
        [
            self.type0,
            self.nat,
            self.nat_nat,
            self.nat_nat_nat,
            self.boolean,
            self.nat_nat_bool,
            self.bool_false,
            self.bool_true,
        ]
        .iter()
        .all(|e| !e.is_scratch())
    }
}

impl TypeChecker<'_> {
    fn has_type(&self, n: crate::name::NameId, lparams: usize, ty: ExprId) -> bool {
        self.lookup(n)
            .is_some_and(|c| c.level_params.len() == lparams && c.ty == ty)
    }

    fn is_inductive_with(&self, n: crate::name::NameId, ctors: &[crate::name::NameId]) -> bool {
        matches!(
            self.lookup(n).map(|c| &c.kind),
            Some(crate::declaration::ConstantKind::Inductive { ctors: cs, num_params: 0, num_indices: 0, is_unsafe: false, .. })
                if cs[..] == ctors[..]
        )
    }

    /// A constant a literal may expand into: a definition that passed its
    /// primitive check (`primitive.rs`: safe, so it has a real value) or a
    /// safe constructor (older preludes make `String.ofList`'s role a
    /// constructor's). Never an axiom, opaque or unsafe constant, whose
    /// "value" a literal could otherwise conjure.
    fn is_value_former(&self, n: crate::name::NameId) -> bool {
        self.env.is_verified_primitive_before(n, self.horizon)
            || matches!(
                self.lookup(n).map(|c| &c.kind),
                Some(crate::declaration::ConstantKind::Constructor {
                    is_unsafe: false,
                    ..
                })
            )
    }

    /// A safe inductive type with neither parameters nor indices (what
    /// `String` and `Char` are; their constructors are Lean's business).
    fn is_plain_inductive(&self, n: crate::name::NameId) -> bool {
        matches!(
            self.lookup(n).map(|c| &c.kind),
            Some(crate::declaration::ConstantKind::Inductive {
                num_params: 0,
                num_indices: 0,
                is_unsafe: false,
                ..
            })
        )
    }

    /// Whether `key`'s part of the literal extension may be used (cached).
    pub(crate) fn literal_ok(&mut self, key: crate::name::NameId) -> bool {
        if let Some(&ok) = self.ws.literal_support.get(&key) {
            return ok;
        }
        let ok = self.compute_literal_ok(key);
        self.ws.literal_support.insert(key, ok);
        ok
    }

    /// The expected types, made once per store (see [`LiteralTypes`]).
    fn literal_types(&mut self) -> LiteralTypes {
        let kept = self.ws.literal_types;
        if kept.store == self.st.id() {
            return kept;
        }
        // Not charged, in whichever check makes them: a check's fuel must
        // not depend on whether an earlier one made them (they are a
        // handful of nodes, so this work is bounded).
        let work = self.st.work();
        let types = self
            .st
            .preferring_persistent(|st| LiteralTypes::build(st, self.wk));
        self.st.set_work(work);
        // Parts this check had already made in scratch keep them local.
        if types.is_persistent() {
            self.ws.literal_types = LiteralTypes {
                store: self.st.id(),
                ..types
            };
        }
        types
    }

    /// Whether `Bool` has its standard shape (`beq`/`ble` results).
    pub(crate) fn literal_ok_bool(&mut self) -> bool {
        self.literal_ok(self.wk.boolean)
    }

    fn compute_literal_ok(&mut self, key: crate::name::NameId) -> bool {
        let wk = self.wk;
        if key != wk.nat && !self.literal_ok(wk.nat) {
            return false;
        }
        let types = self.literal_types();
        let (type0, nat) = (types.type0, types.nat);
        if key == wk.nat {
            return self.has_type(wk.nat, 0, type0)
                && self.is_inductive_with(wk.nat, &[wk.nat_zero, wk.nat_succ])
                && self.has_type(wk.nat_zero, 0, nat)
                && self.has_type(wk.nat_succ, 0, types.nat_nat);
        }
        if key == wk.boolean {
            return self.has_type(wk.boolean, 0, type0)
                && self.is_inductive_with(wk.boolean, &[wk.bool_false, wk.bool_true])
                && self.has_type(wk.bool_false, 0, types.boolean)
                && self.has_type(wk.bool_true, 0, types.boolean);
        }
        if key == wk.string {
            return self.string_literal_ok(types);
        }
        // An operation: a definition that passed its equations when it was
        // added (`primitive.rs`), never a constant trusted by its name.
        if !self.env.is_verified_primitive_before(key, self.horizon) {
            return false;
        }
        let ty = if key == wk.nat_beq || key == wk.nat_ble {
            if !self.literal_ok(wk.boolean) {
                return false;
            }
            types.nat_nat_bool
        } else if key == wk.nat_log2 {
            types.nat_nat
        } else {
            types.nat_nat_nat
        };
        self.has_type(key, 0, ty)
    }

    /// String literals expand to `String.ofList [Char.ofNat n, ...]`: those
    /// two must be value formers (so a literal never stands for an axiom's
    /// or an unsafe constant's value),
    /// `String` and `Char` inductive types, and every constant of the
    /// expansion of its expected type.
    fn string_literal_ok(&mut self, types: LiteralTypes) -> bool {
        let wk = self.wk;
        let (type0, nat) = (types.type0, types.nat);
        if !(self.is_value_former(wk.string_of_list)
            && self.is_value_former(wk.char_of_nat)
            && self.is_plain_inductive(wk.string)
            && self.is_plain_inductive(wk.char))
        {
            return false;
        }
        let ch = self.st.cnst(wk.char, &[]);
        let string = self.st.cnst(wk.string, &[]);
        let u = wk.univ_u;
        let lu = self.st.levels.param(u);
        let su = self.st.levels.succ(lu);
        let sort_u = self.st.sort(su);
        let list_name = wk.list;
        let list = |st: &mut crate::store::TermStore, l: crate::level::LevelId, a: ExprId| {
            let c = st.cnst(list_name, &[l]);
            st.app(c, a)
        };
        let b0 = self.st.bvar(0);
        let nil_ty = {
            let l = list(self.st, lu, b0);
            self.st.pi(sort_u, l)
        };
        let cons_ty = {
            let (b0, b1, b2) = (self.st.bvar(0), self.st.bvar(1), self.st.bvar(2));
            let l1 = list(self.st, lu, b1);
            let l2 = list(self.st, lu, b2);
            let inner = self.st.pi(l1, l2);
            let mid = self.st.pi(b0, inner);
            self.st.pi(sort_u, mid)
        };
        let of_nat_ty = self.st.pi(nat, ch);
        let list_char = list(self.st, LevelId::ZERO, ch);
        let of_list_ty = self.st.pi(list_char, string);
        let list_info = self.lookup(wk.list_nil).map(|c| c.level_params.clone());
        // `List.nil`/`List.cons` are compared with their own parameter name.
        let (nil_ty, cons_ty) = match list_info.as_deref() {
            Some([p]) if *p != u => {
                let lp = self.st.levels.param(*p);
                (
                    self.st.instantiate_lparams(nil_ty, &[u], &[lp]),
                    self.st.instantiate_lparams(cons_ty, &[u], &[lp]),
                )
            }
            _ => (nil_ty, cons_ty),
        };
        let list_ok = matches!(
            self.lookup(list_name).map(|c| &c.kind),
            Some(crate::declaration::ConstantKind::Inductive { ctors, num_params: 1, num_indices: 0, is_unsafe: false, .. })
                if ctors[..] == [wk.list_nil, wk.list_cons]
        );
        list_ok
            && self.has_type(wk.char, 0, type0)
            && self.has_type(wk.string, 0, type0)
            && self.has_type(wk.char_of_nat, 0, of_nat_ty)
            && self.has_type(wk.string_of_list, 0, of_list_ty)
            && self.has_type(wk.list_nil, 1, nil_ty)
            && self.has_type(wk.list_cons, 1, cons_ty)
    }

    /// The value of a literal or `Nat.zero`, as a reference into the store
    /// (`None` for zero), so comparing literals does not copy them.
    fn nat_value(&self, e: ExprId) -> Option<Option<LitId>> {
        match self.st.node(e) {
            ExprNode::NatLit(l) => Some(Some(l)),
            ExprNode::Const(..) if self.is_const_of(e, self.wk.nat_zero) => Some(None),
            _ => None,
        }
    }

    pub(crate) fn is_nat_zero(&mut self, e: ExprId) -> bool {
        match self.st.node(e) {
            ExprNode::NatLit(l) => *self.st.nat(l) == UBig::ZERO && self.literal_ok(self.wk.nat),
            ExprNode::Const(..) => self.is_const_of(e, self.wk.nat_zero),
            _ => false,
        }
    }

    /// The predecessor of `n+1` (a literal) or of `Nat.succ x`.
    pub(crate) fn nat_pred(&mut self, e: ExprId) -> Option<ExprId> {
        match self.st.node(e) {
            ExprNode::NatLit(_) if !self.literal_ok(self.wk.nat) => None,
            ExprNode::NatLit(l) => {
                self.charge_copy(l);
                let v = self.st.nat(l).clone();
                (v != UBig::ZERO).then(|| self.st.nat_lit(v - 1u32))
            }
            ExprNode::App(f, a) if self.is_const_of(f, self.wk.nat_succ) => Some(a),
            _ => None,
        }
    }

    /// `0 ↦ Nat.zero`, `n+1 ↦ Nat.succ n` (when `Nat` has its standard
    /// shape; otherwise `e` unchanged).
    pub(crate) fn nat_lit_to_ctor(&mut self, e: ExprId) -> ExprId {
        let ExprNode::NatLit(l) = self.st.node(e) else {
            return e;
        };
        if !self.literal_ok(self.wk.nat) {
            return e;
        }
        self.charge_copy(l);
        let v = self.st.nat(l).clone();
        if v == UBig::ZERO {
            self.st.cnst(self.wk.nat_zero, &[])
        } else {
            let p = self.st.nat_lit(v - 1u32);
            let s = self.st.cnst(self.wk.nat_succ, &[]);
            self.st.app(s, p)
        }
    }

    /// `"ab" ↦ String.ofList [Char.ofNat 97, Char.ofNat 98]` (when those
    /// constants have their expected types; otherwise `None`, and the
    /// literal stays as it is). A literal longer than
    /// [`MAX_EXPANDED_STRING_CHARS`] is declined
    /// ([`KernelError::StringTooLongToExpand`]): Lean's kernel would expand
    /// it, so leaving it unexpanded could decide differently. The expansion
    /// (about four terms a character) must fit the budget before it is
    /// built.
    pub(crate) fn string_lit_to_ctor(&mut self, e: ExprId) -> TcResult<Option<ExprId>> {
        let ExprNode::StrLit(l) = self.st.node(e) else {
            return Ok(None);
        };
        if !self.literal_ok(self.wk.string) {
            return Ok(None);
        }
        // Characters are at most bytes: counted (one pass) only for a long
        // literal, and then either declined or paid by the expansion.
        let text = self.st.string(l);
        let chars = if text.len() > MAX_EXPANDED_STRING_CHARS {
            text.chars().count()
        } else {
            text.len()
        };
        if chars > MAX_EXPANDED_STRING_CHARS {
            return Err(KernelError::StringTooLongToExpand {
                chars,
                limit: MAX_EXPANDED_STRING_CHARS,
            });
        }
        // The expansion nests a `List.cons` per character: deeper than the
        // checker traverses, it is declined before it is built.
        let depth = u32::try_from(chars).unwrap_or(u32::MAX).saturating_add(3);
        if depth > self.depth_limit() {
            return Err(KernelError::TermTooDeep {
                depth,
                limit: self.depth_limit(),
            });
        }
        self.charge_work()?;
        self.meter
            .affordable((4 * chars as u64 + 2) / crate::fuel::WORK_PER_FUEL)?;
        let chars: Vec<u32> = self.st.string(l).chars().map(|c| c as u32).collect();
        let wk = self.wk;
        let char_ty = self.st.cnst(wk.char, &[]);
        let nil = self.st.cnst(wk.list_nil, &[LevelId::ZERO]);
        let cons = self.st.cnst(wk.list_cons, &[LevelId::ZERO]);
        let of_nat = self.st.cnst(wk.char_of_nat, &[]);
        let mut list = self.st.app(nil, char_ty);
        for c in chars.into_iter().rev() {
            let lit = self.st.nat_lit(UBig::from(c));
            let ch = self.st.app(of_nat, lit);
            list = self.st.apps(cons, &[char_ty, ch, list]);
        }
        let of_list = self.st.cnst(wk.string_of_list, &[]);
        Ok(Some(self.st.app(of_list, list)))
    }

    /// Charges copying literal `l` (for a predecessor) from callers that
    /// cannot fail: past the budget, the caller's next step fails (see
    /// [`crate::fuel::Meter::charge`]), so ignoring the result is sound.
    fn charge_copy(&mut self, l: LitId) {
        let w = words(self.st.nat(l));
        let _ = self.meter.charge(cost::extra_steps(2 * w));
    }

    fn whnf_nat_arg(&mut self, e: ExprId) -> TcResult<Option<Option<LitId>>> {
        let w = self.whnf(e)?;
        Ok(self.nat_value(w))
    }

    /// Computes `Nat.add 2 3` and friends on closed literals.
    pub(crate) fn reduce_nat(&mut self, e: ExprId) -> TcResult<Option<ExprId>> {
        if self.st.has_fvar(e) {
            return Ok(None);
        }
        // Only `op a` and `op a b` with a constant `op` qualify: look at
        // those shapes directly instead of taking the spine apart.
        let mut args = [e; 2];
        let mut nargs = 0;
        let mut head = e;
        while let ExprNode::App(f, a) = self.st.node(head) {
            if nargs == 2 {
                return Ok(None);
            }
            args[1 - nargs] = a;
            nargs += 1;
            head = f;
        }
        let args = &args[2 - nargs..];
        let ExprNode::Const(n, ls) = self.st.node(head) else {
            return Ok(None);
        };
        if !self.st.levels_of(ls).is_empty() {
            return Ok(None);
        }
        let wk = self.wk;
        if args.len() == 1 {
            if n != wk.nat_succ && n != wk.nat_log2 {
                return Ok(None);
            }
            if !self.literal_ok(if n == wk.nat_succ { wk.nat } else { n }) {
                return Ok(None);
            }
            let Some(a) = self.whnf_nat_arg(args[0])? else {
                return Ok(None);
            };
            let w = a.map_or(1, |l| words(self.st.nat(l)));
            self.meter.charge(1 + cost::extra_steps(2 * w + 1))?;
            let a = a.map_or(UBig::ZERO, |l| self.st.nat(l).clone());
            let r = if n == wk.nat_succ {
                a + 1u32
            } else if a == UBig::ZERO {
                UBig::ZERO
            } else {
                UBig::from(bits(&a) - 1)
            };
            return Ok(Some(self.st.nat_lit(r)));
        }
        if args.len() != 2 {
            return Ok(None);
        }
        let Some(op) = NatOp::of(wk, n) else {
            return Ok(None);
        };
        if !self.literal_ok(n) {
            return Ok(None);
        }
        let Some(a) = self.whnf_nat_arg(args[0])? else {
            return Ok(None);
        };
        let Some(b) = self.whnf_nat_arg(args[1])? else {
            return Ok(None);
        };
        let zero = UBig::ZERO;
        let val = |l: Option<LitId>| l.map_or(&zero, |l| self.st.nat(l));
        let (a, b) = (val(a), val(b));
        // Charged before anything is computed: the cost model bounds the
        // work from the operand sizes alone (`literal_cost.rs`).
        let Some(word_ops) = op.work(a, b) else {
            return Ok(None);
        };
        self.meter.charge(1 + cost::extra_steps(word_ops))?;
        Ok(Some(match op.compute(a, b) {
            NatValue::Bool(v) => {
                let types = self.literal_types();
                if v { types.bool_true } else { types.bool_false }
            }
            NatValue::Nat(r) => self.st.nat_lit(r),
        }))
    }
}

/// Longest decimal Nat literal accepted (parsing is subquadratic, by
/// divide and conquer, but a literal still costs memory).
pub const MAX_NAT_LITERAL_DIGITS: usize = 1_000_000;

/// Longest string literal (in characters) the kernel expands to
/// `String.ofList` (each character becomes a few terms); a check that needs
/// a longer one expanded is declined.
const MAX_EXPANDED_STRING_CHARS: usize = 1 << 20;

/// Parses a decimal Nat literal.
pub fn parse_nat(s: &str) -> Result<UBig, KernelError> {
    if s.len() > MAX_NAT_LITERAL_DIGITS {
        return Err(TypeRule::NatLiteralTooLong {
            digits: s.len(),
            limit: MAX_NAT_LITERAL_DIGITS,
        }
        .into());
    }
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TypeRule::InvalidNatLiteral(s.into()).into());
    }
    // `dashu-int` parses by divide and conquer (num-bigint's parser, which
    // this crate used before, is quadratic: 10^6 digits took seconds).
    s.parse::<UBig>()
        .map_err(|_| TypeRule::InvalidNatLiteral(s.into()).into())
}

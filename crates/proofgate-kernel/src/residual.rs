//! Residual programs: what is left of a `Bool`-valued predicate over `Nat`
//! arguments once the kernel has reduced it with the arguments as free
//! variables (`stage.rs`). A residual is a decision tree: each inner node
//! tests a comparison (`Nat.beq`/`Nat.ble`) of arithmetic over the
//! arguments, each leaf is `Bool.true` or `Bool.false`.
//!
//! Evaluating one runs the literal extension's own arithmetic
//! (`nat_op.rs`) on the argument values, under the same limits: where the
//! extension would not compute (a result too large), evaluation gives no
//! answer and the caller asks the kernel. Why the answer is the kernel's:
//! see "Compiled requirements" in `ARCHITECTURE.md`.

use crate::nat_op::{NatOp, NatValue};
use dashu_int::UBig;

/// Arithmetic over the arguments, in a residual's node table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Arith {
    /// Argument `i` (the first is 0).
    Var(u32),
    /// A literal.
    Lit(UBig),
    /// `Nat.succ a`.
    Succ(u32),
    /// A binary operation the extension computes (never a comparison).
    Op(NatOp, u32, u32),
}

/// A decision tree node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Decision {
    Leaf(bool),
    /// If the comparison (`Nat.beq`/`Nat.ble` of two arithmetic nodes)
    /// holds, `then`, else `otherwise` (indices into the decision table).
    Test {
        op: NatOp,
        lhs: u32,
        rhs: u32,
        then: u32,
        otherwise: u32,
    },
}

/// A staged predicate of a fixed arity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Residual {
    pub(crate) arity: usize,
    pub(crate) arith: Vec<Arith>,
    pub(crate) decisions: Vec<Decision>,
    /// The root decision.
    pub(crate) root: u32,
}

/// Work the evaluator refuses past (in the cost model's word operations,
/// per evaluation): a value this costly goes to the kernel, whose fuel
/// meter decides what it may spend.
const MAX_EVAL_WORK: u64 = 1 << 20;

impl Residual {
    /// Arguments it takes.
    pub fn arity(&self) -> usize {
        self.arity
    }

    /// Decision nodes and arithmetic nodes.
    pub fn size(&self) -> (usize, usize) {
        (self.decisions.len(), self.arith.len())
    }

    /// The predicate at `args`: `Some(b)` where the kernel's weak head
    /// normal form of the predicate applied to these literals is `b`,
    /// `None` where evaluation would compute something the literal
    /// extension does not (or would cost more than a bounded evaluation
    /// may), so only the kernel can answer. Also returns the tests and
    /// operations evaluated (the "steps" a compiled verdict reports).
    pub fn eval(&self, args: &[u64]) -> (Option<bool>, u32) {
        if args.len() != self.arity {
            return (None, 0);
        }
        let mut memo: smallvec::SmallVec<[Option<UBig>; 16]> =
            smallvec::smallvec![None; self.arith.len()];
        let mut work = 0u64;
        let mut steps = 0u32;
        let mut at = self.root;
        loop {
            match &self.decisions[at as usize] {
                Decision::Leaf(b) => return (Some(*b), steps),
                Decision::Test {
                    op,
                    lhs,
                    rhs,
                    then,
                    otherwise,
                } => {
                    steps = steps.saturating_add(1);
                    let (Some(a), Some(b)) = (
                        self.value(*lhs, args, &mut memo, &mut work, &mut steps),
                        self.value(*rhs, args, &mut memo, &mut work, &mut steps),
                    ) else {
                        return (None, steps);
                    };
                    let holds = match op.work(&a, &b).map(|_| op.compute(&a, &b)) {
                        Some(NatValue::Bool(v)) => v,
                        _ => return (None, steps),
                    };
                    at = if holds { *then } else { *otherwise };
                }
            }
        }
    }

    /// The value of arithmetic node `i` (memoised: a node shared by several
    /// tests is computed once).
    fn value(
        &self,
        i: u32,
        args: &[u64],
        memo: &mut [Option<UBig>],
        work: &mut u64,
        steps: &mut u32,
    ) -> Option<UBig> {
        if let Some(v) = &memo[i as usize] {
            return Some(v.clone());
        }
        let v = match &self.arith[i as usize] {
            Arith::Var(k) => UBig::from(*args.get(*k as usize)?),
            Arith::Lit(n) => n.clone(),
            Arith::Succ(a) => {
                *steps = steps.saturating_add(1);
                self.value(*a, args, memo, work, steps)? + 1u32
            }
            Arith::Op(op, a, b) => {
                let a = self.value(*a, args, memo, work, steps)?;
                let b = self.value(*b, args, memo, work, steps)?;
                *work = work.saturating_add(op.work(&a, &b)?);
                if *work > MAX_EVAL_WORK {
                    return None;
                }
                *steps = steps.saturating_add(1);
                match op.compute(&a, &b) {
                    NatValue::Nat(n) => n,
                    NatValue::Bool(_) => return None,
                }
            }
        };
        memo[i as usize] = Some(v.clone());
        Some(v)
    }
}

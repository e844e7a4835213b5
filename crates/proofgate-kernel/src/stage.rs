//! Staging a `Bool`-valued predicate `f : Nat → … → Nat → Bool`: the
//! kernel reduces `f x₁ … xₙ` with the arguments as free variables, by its
//! own weak head normalisation, except that the literal extension's
//! operations (`Nat.add`, `Nat.ble`, ..., those it computes in this
//! environment) are left folded: at literal arguments the extension
//! computes them, so unfolding them here would only get stuck on a
//! recursor over a variable. Where the term is stuck on a recursor whose
//! major premise is such a comparison (`Bool.rec … (Nat.ble a b)`, also
//! through nested recursors, as `&&`, `ite` and `decide` unfold to), the
//! stager splits: the comparison is a test, and each branch is the term
//! with the comparison replaced by `Bool.true` or `Bool.false`, staged the
//! same way. Leaves are `Bool.true` and `Bool.false`. The result is a
//! [`Residual`] (`residual.rs`); anything else the term gets stuck on (a
//! recursor over an argument, an axiom, an opaque constant) is
//! [`NotStaged`], and the caller keeps the kernel.

use crate::declaration::ConstantKind;
use crate::expr::{ExprId, ExprNode};
use crate::nat_op::NatOp;
use crate::residual::{Arith, Decision, Residual};
use crate::tc::{TcResult, TypeChecker};
use rustc_hash::FxHashMap;

/// Most decision nodes a residual may have (case splits can multiply).
pub const MAX_DECISIONS: usize = 4_096;

/// Why a predicate was not staged (the kernel keeps answering for it).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not staged: {0}")]
pub struct NotStaged(pub String);

/// The stager's tables while it runs.
pub(crate) struct Stager {
    vars: Vec<ExprId>,
    arith: Vec<Arith>,
    arith_ids: FxHashMap<ExprId, u32>,
    decisions: Vec<Decision>,
}

/// Where a stuck term is blocked: the comparison, and the chain of
/// (term, major premise) pairs leading to it, outermost first (each term
/// after the first is the previous major premise's normal form).
struct Split {
    atom: ExprId,
    path: Vec<(ExprId, ExprId)>,
}

/// What staging returns: a kernel error (a limit, an ill-typed term), or a
/// residual or the reason there is none.
pub(crate) type Staged<T> = TcResult<Result<T, NotStaged>>;

/// Why the stager stopped inside: the kernel's error, or a term it cannot
/// stage (kept apart so each step can use `?` for both).
enum Stop {
    Kernel(crate::error::KernelError),
    Not(NotStaged),
}

impl From<crate::error::KernelError> for Stop {
    fn from(e: crate::error::KernelError) -> Self {
        Stop::Kernel(e)
    }
}

type Step<T> = Result<T, Stop>;

fn not<T>(reason: impl Into<String>) -> Step<T> {
    Err(Stop::Not(NotStaged(reason.into())))
}

impl Stager {
    pub(crate) fn new(vars: Vec<ExprId>) -> Stager {
        Stager {
            vars,
            arith: Vec::new(),
            arith_ids: FxHashMap::default(),
            decisions: Vec::new(),
        }
    }

    /// Stages `e` (the predicate applied to the variables).
    pub(crate) fn run(mut self, tc: &mut TypeChecker<'_>, e: ExprId) -> Staged<Residual> {
        let root = match self.decide(tc, e) {
            Ok(r) => r,
            Err(Stop::Kernel(e)) => return Err(e),
            Err(Stop::Not(n)) => return Ok(Err(n)),
        };
        Ok(Ok(Residual {
            arity: self.vars.len(),
            arith: self.arith,
            decisions: self.decisions,
            root,
        }))
    }

    fn push(&mut self, d: Decision) -> Step<u32> {
        if self.decisions.len() >= MAX_DECISIONS {
            return not(format!("more than {MAX_DECISIONS} decisions"));
        }
        self.decisions.push(d);
        Ok(self.decisions.len() as u32 - 1)
    }

    fn decide(&mut self, tc: &mut TypeChecker<'_>, e: ExprId) -> Step<u32> {
        tc.enter()?;
        let r = self.decide_in(tc, e);
        tc.meter.leave();
        r
    }

    fn decide_in(&mut self, tc: &mut TypeChecker<'_>, e: ExprId) -> Step<u32> {
        let w = tc.stage_whnf(e)?;
        let wk = tc.wk;
        match tc.st.node(w) {
            ExprNode::Const(n, _) if n == wk.bool_true => return self.push(Decision::Leaf(true)),
            ExprNode::Const(n, _) if n == wk.bool_false => return self.push(Decision::Leaf(false)),
            _ => {}
        }
        let split = self.split(tc, w)?;
        let (op, lhs, rhs) = self.comparison(tc, split.atom)?;
        let branch = |tc: &mut TypeChecker<'_>, c: ExprId| -> TcResult<ExprId> {
            let mut new = c;
            for &(term, major) in split.path.iter().rev() {
                new = tc.st.replace_closed(term, major, new);
                tc.charge_work()?;
            }
            Ok(new)
        };
        let (t, f) = (
            tc.st.cnst(wk.bool_true, &[]),
            tc.st.cnst(wk.bool_false, &[]),
        );
        let (on_true, on_false) = (branch(tc, t)?, branch(tc, f)?);
        let then = self.decide(tc, on_true)?;
        let otherwise = self.decide(tc, on_false)?;
        self.push(Decision::Test {
            op,
            lhs,
            rhs,
            then,
            otherwise,
        })
    }

    /// The comparison `w` is blocked on.
    fn split(&mut self, tc: &mut TypeChecker<'_>, w: ExprId) -> Step<Split> {
        let mut path = Vec::new();
        let mut term = w;
        loop {
            if comparison_head(tc, term).is_some() {
                // The whole term is the comparison (the predicate's value
                // is `Nat.ble a b` itself, or a major premise is).
                return Ok(Split {
                    atom: term,
                    path: if path.is_empty() {
                        vec![(term, term)]
                    } else {
                        path
                    },
                });
            }
            let (head, args) = tc.st.spine(term);
            let major = match tc.st.node(head) {
                ExprNode::Const(n, _) => match tc.lookup(n).map(|c| &c.kind) {
                    Some(ConstantKind::Recursor {
                        num_params,
                        num_indices,
                        num_motives,
                        num_minors,
                        ..
                    }) => (num_params + num_motives + num_minors + num_indices) as usize,
                    _ => {
                        return not(format!("stuck on `{}`", tc.render(term)));
                    }
                },
                _ => {
                    return not(format!("stuck on `{}`", tc.render(term)));
                }
            };
            let Some(&m) = args.get(major) else {
                return not("a recursor without its major premise");
            };
            path.push((term, m));
            let mw = tc.stage_whnf(m)?;
            if comparison_head(tc, mw).is_some() {
                return Ok(Split { atom: mw, path });
            }
            term = mw;
        }
    }

    /// `(op, lhs, rhs)` of a comparison `Nat.beq a b` / `Nat.ble a b`.
    fn comparison(&mut self, tc: &mut TypeChecker<'_>, atom: ExprId) -> Step<(NatOp, u32, u32)> {
        let Some(op) = comparison_head(tc, atom) else {
            return not("not a comparison");
        };
        let (_, args) = tc.st.spine(atom);
        let lhs = self.arith(tc, args[0])?;
        let rhs = self.arith(tc, args[1])?;
        Ok((op, lhs, rhs))
    }

    /// Arithmetic over the variables: a variable, a literal, `Nat.succ`,
    /// or an operation the extension computes, after reduction.
    fn arith(&mut self, tc: &mut TypeChecker<'_>, e: ExprId) -> Step<u32> {
        tc.enter()?;
        let r = self.arith_in(tc, e);
        tc.meter.leave();
        r
    }

    fn arith_in(&mut self, tc: &mut TypeChecker<'_>, e: ExprId) -> Step<u32> {
        let w = tc.stage_whnf(e)?;
        if let Some(&i) = self.arith_ids.get(&w) {
            return Ok(i);
        }
        let wk = tc.wk;
        let node = match tc.st.node(w) {
            ExprNode::FVar(_) => match self.vars.iter().position(|v| *v == w) {
                Some(i) => Arith::Var(i as u32),
                None => return not("a variable that is not an argument"),
            },
            ExprNode::NatLit(l) => Arith::Lit(tc.st.nat(l).clone()),
            ExprNode::Const(n, _) if n == wk.nat_zero => Arith::Lit(dashu_int::UBig::ZERO),
            _ => {
                let (head, args) = tc.st.spine(w);
                match (tc.st.node(head), args.len()) {
                    (ExprNode::Const(n, _), 1) if n == wk.nat_succ => {
                        Arith::Succ(self.arith(tc, args[0])?)
                    }
                    _ => match arith_head(tc, w) {
                        Some(op) => {
                            let a = self.arith(tc, args[0])?;
                            let b = self.arith(tc, args[1])?;
                            Arith::Op(op, a, b)
                        }
                        None => {
                            return not(format!("a number stuck on `{}`", tc.render(w)));
                        }
                    },
                }
            }
        };
        self.arith.push(node);
        let i = self.arith.len() as u32 - 1;
        self.arith_ids.insert(w, i);
        Ok(i)
    }
}

/// The operation of `e` = `op a b` when `op` is one the literal extension
/// computes in this environment.
pub(crate) fn extension_op(tc: &mut TypeChecker<'_>, e: ExprId) -> Option<NatOp> {
    let (head, args) = tc.st.spine(e);
    let ExprNode::Const(n, ls) = tc.st.node(head) else {
        return None;
    };
    if args.len() != 2 || !tc.st.levels_of(ls).is_empty() {
        return None;
    }
    let op = NatOp::of(tc.wk, n)?;
    tc.literal_ok(n).then_some(op)
}

/// A comparison the extension computes: `Nat.beq a b`, `Nat.ble a b`.
fn comparison_head(tc: &mut TypeChecker<'_>, e: ExprId) -> Option<NatOp> {
    extension_op(tc, e).filter(|op| op.returns_bool())
}

/// An arithmetic operation the extension computes.
fn arith_head(tc: &mut TypeChecker<'_>, e: ExprId) -> Option<NatOp> {
    extension_op(tc, e).filter(|op| !op.returns_bool())
}

impl TypeChecker<'_> {
    /// Weak head normal form that leaves the extension's operations
    /// folded (see the module doc).
    pub(crate) fn stage_whnf(&mut self, e: ExprId) -> TcResult<ExprId> {
        self.whnf_loop_folding(e, true)
    }
}

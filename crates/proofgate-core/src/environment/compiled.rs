//! The compiled route for registered invariants: each invariant is staged
//! once, when it is registered, into a residual program
//! (`proofgate_kernel::Residual`: the kernel's own reduction of the
//! predicate over free variables, a decision tree over the literal
//! extension's arithmetic), and each value is then answered by running the
//! residual on its numbers instead of building and checking
//! `inv n₁ … nₖ = true` in the kernel.
//!
//! The route answers only acceptances it computed: a residual that says
//! `false`, or cannot evaluate a value (a number past the extension's
//! limits), sends the value to the kernel route, which gives the verdict
//! and the error (and a kernel acceptance after a residual `false` is a
//! loud [`crate::GateError::CompiledDisagreement`]). An acceptance issues
//! the receipt the kernel route would: the same proof hash, composed here
//! from the digests of the obligation's fixed parts and of the literals
//! (`canonical.rs`), the same environment hash, tier and hit-rate
//! accounting; its `reduction_steps` are the residual's tests and
//! operations evaluated. `TierConfig::audit_every` re-checks every Nth
//! compiled acceptance with the kernel.

use super::receipts::proof_hash_of;
use crate::canonical::{app_digest, nat_digest};
use crate::requirement::{GateSubject, ProofRequirement};
use proofgate_kernel::Residual;
use rustc_hash::FxHashMap;

/// A fixed term of an obligation: its digest and its depth as a tree
/// (routing reads the proposition's depth).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Part {
    pub digest: [u8; 32],
    pub depth: u32,
}

/// How obligations are composed: depths only (what routing needs, on every
/// value), or digests too (when an attestation is asked for).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compose {
    Depth,
    Digest,
}

impl Compose {
    /// `f a`, from its parts.
    fn app(self, f: Part, a: Part) -> Part {
        Part {
            digest: match self {
                Compose::Digest => app_digest(&f.digest, &a.digest),
                Compose::Depth => [0; 32],
            },
            depth: f.depth.max(a.depth) + 1,
        }
    }

    /// `f a₁ … aₙ`.
    fn apps(self, f: Part, args: &[Part]) -> Part {
        args.iter().fold(f, |f, a| self.app(f, *a))
    }

    fn nat(self, n: u64) -> Part {
        Part {
            digest: match self {
                Compose::Digest => nat_digest(n),
                Compose::Depth => [0; 32],
            },
            depth: 1,
        }
    }
}

/// The fixed parts of `inv args = true` obligations: `@Eq.{1} Bool`,
/// `Bool.true` and the proof `@Eq.refl.{1} Bool Bool.true`; and of
/// conjunctions: `And`, `And.intro`, `True`, `True.intro`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FixedParts {
    pub eq_bool: Part,
    pub bool_true: Part,
    pub refl_true: Part,
    pub and: Part,
    pub and_intro: Part,
    pub true_: Part,
    pub true_intro: Part,
}

/// One staged invariant: its residual and its constant.
pub(crate) struct CompiledInvariant {
    pub residual: Residual,
    pub head: Part,
}

/// The proposition and proof of an obligation, as parts.
#[derive(Clone, Copy, Debug)]
struct Stmt {
    prop: Part,
    proof: Part,
}

/// What the compiled route says of a requirement and a value.
pub(crate) enum Eval {
    /// Every residual accepted: the depth of the proposition the kernel
    /// route would check (its tier), and the residual tests and operations
    /// evaluated. The recipe buffer then holds what names the obligation.
    Accepted { depth: u32, steps: u32 },
    /// A residual refused: the kernel route must refuse too.
    Refused,
    /// Not compiled, or a value a residual cannot evaluate: the kernel's.
    Unknown,
}

/// Recipe tags: an invariant `[INVARIANT, id, n, a₁ … aₙ]`, a composite
/// `[COMPOSITE, k, part₁ … partₖ]`. A recipe names exactly one obligation
/// (it is its requirement and numbers), so it keys the compiled route's
/// cache and is all a record keeps until an attestation is asked for.
const INVARIANT: u64 = 0;
const COMPOSITE: u64 = 1;

/// Staged invariants by id, and why the others were not staged.
#[derive(Default)]
pub(crate) struct CompiledInvariants {
    by_id: FxHashMap<u32, CompiledInvariant>,
    not_staged: FxHashMap<u32, String>,
    fixed: Option<FixedParts>,
    /// Compiled acceptances so far (for the audit's period).
    pub accepted: u64,
}

impl CompiledInvariants {
    pub(crate) fn get(&self, id: u32) -> Option<&CompiledInvariant> {
        self.by_id.get(&id)
    }

    pub(crate) fn insert(&mut self, id: u32, c: CompiledInvariant, fixed: FixedParts) {
        self.by_id.insert(id, c);
        self.fixed = Some(fixed);
    }

    pub(crate) fn refuse(&mut self, id: u32, reason: String) {
        self.not_staged.insert(id, reason);
    }

    /// Why invariant `id` keeps the kernel route (`None`: it is compiled,
    /// or not registered).
    pub(crate) fn reason(&self, id: u32) -> Option<&str> {
        self.not_staged.get(&id).map(String::as_str)
    }

    /// Whether `req` could take the compiled route at all (a compiled
    /// invariant, or a composite of such): a cheap test before anything
    /// is read from the value.
    pub(crate) fn covers(&self, req: &ProofRequirement) -> bool {
        match req {
            ProofRequirement::InvariantPreserved { invariant_id } => {
                self.by_id.contains_key(invariant_id)
            }
            ProofRequirement::Composite(rs) => {
                self.fixed.is_some() && rs.iter().all(|r| self.covers(r))
            }
            _ => false,
        }
    }

    /// The compiled route on `req` for `subject` (see [`Eval`]); appends
    /// the obligation's recipe to `recipe`.
    pub(crate) fn eval(
        &self,
        req: &ProofRequirement,
        subject: &dyn GateSubject,
        recipe: &mut Vec<u64>,
    ) -> Eval {
        let Some(fixed) = self.fixed else {
            return Eval::Unknown;
        };
        match req {
            ProofRequirement::InvariantPreserved { invariant_id } => {
                let Some(c) = self.by_id.get(invariant_id) else {
                    return Eval::Unknown;
                };
                let Some(args) = subject.invariant_arguments(*invariant_id) else {
                    return Eval::Unknown;
                };
                match c.residual.eval(&args) {
                    (Some(true), steps) => {
                        recipe.extend([INVARIANT, u64::from(*invariant_id), args.len() as u64]);
                        recipe.extend_from_slice(&args);
                        let s = invariant_stmt(Compose::Depth, &fixed, c.head, &args);
                        Eval::Accepted {
                            depth: s.prop.depth,
                            steps,
                        }
                    }
                    (Some(false), _) => Eval::Refused,
                    (None, _) => Eval::Unknown,
                }
            }
            ProofRequirement::Composite(rs) => {
                recipe.extend([COMPOSITE, rs.len() as u64]);
                let mut depths = Vec::with_capacity(rs.len());
                let mut steps = 0u32;
                let mut unknown = false;
                for r in rs {
                    match self.eval(r, subject, recipe) {
                        Eval::Accepted { depth, steps: s } => {
                            depths.push(depth);
                            steps = steps.saturating_add(s);
                        }
                        Eval::Refused => return Eval::Refused,
                        Eval::Unknown => unknown = true,
                    }
                }
                if unknown {
                    return Eval::Unknown;
                }
                Eval::Accepted {
                    depth: conjunction_depth(&fixed, &depths),
                    steps,
                }
            }
            _ => Eval::Unknown,
        }
    }

    /// The proof hash of the obligation `recipe` names (what the kernel
    /// route hashes: `ReceiptBook::proof_hash` over the terms it builds);
    /// `None` for a recipe this environment did not make.
    pub(crate) fn proof_hash(&self, recipe: &[u64]) -> Option<[u8; 32]> {
        let fixed = self.fixed?;
        let mut at = 0;
        let s = self.stmt(&fixed, recipe, &mut at)?;
        (at == recipe.len()).then(|| proof_hash_of(&s.prop.digest, &s.proof.digest))
    }

    fn stmt(&self, fixed: &FixedParts, recipe: &[u64], at: &mut usize) -> Option<Stmt> {
        let mut next = || {
            let v = recipe.get(*at).copied();
            *at += 1;
            v
        };
        match next()? {
            INVARIANT => {
                let id = u32::try_from(next()?).ok()?;
                let n = usize::try_from(next()?).ok()?;
                let args = recipe.get(*at..*at + n)?;
                *at += n;
                let c = self.by_id.get(&id)?;
                Some(invariant_stmt(Compose::Digest, fixed, c.head, args))
            }
            COMPOSITE => {
                let k = usize::try_from(next()?).ok()?;
                let mut parts = Vec::with_capacity(k.min(recipe.len()));
                for _ in 0..k {
                    parts.push(self.stmt(fixed, recipe, at)?);
                }
                Some(conjunction(fixed, &parts))
            }
            _ => None,
        }
    }
}

/// `@Eq.{1} Bool (inv n₁ … nₖ) Bool.true` and its proof, as `statement.rs`
/// builds them (`is_true`).
fn invariant_stmt(how: Compose, fixed: &FixedParts, head: Part, args: &[u64]) -> Stmt {
    let applied = args.iter().fold(head, |f, &n| how.app(f, how.nat(n)));
    Stmt {
        prop: how.apps(fixed.eq_bool, &[applied, fixed.bool_true]),
        proof: fixed.refl_true,
    }
}

/// The balanced `And` tree `statement.rs` builds (`Builder::conjunction`),
/// or `True` for none.
fn conjunction(fixed: &FixedParts, stmts: &[Stmt]) -> Stmt {
    let how = Compose::Digest;
    match stmts {
        [] => Stmt {
            prop: fixed.true_,
            proof: fixed.true_intro,
        },
        [one] => *one,
        _ => {
            let (l, r) = stmts.split_at(stmts.len() / 2);
            let (l, r) = (conjunction(fixed, l), conjunction(fixed, r));
            Stmt {
                prop: how.apps(fixed.and, &[l.prop, r.prop]),
                proof: how.apps(fixed.and_intro, &[l.prop, r.prop, l.proof, r.proof]),
            }
        }
    }
}

/// The depth of [`conjunction`]'s proposition, from its parts' depths.
fn conjunction_depth(fixed: &FixedParts, depths: &[u32]) -> u32 {
    match depths {
        [] => fixed.true_.depth,
        [one] => *one,
        _ => {
            let (l, r) = depths.split_at(depths.len() / 2);
            let (l, r) = (conjunction_depth(fixed, l), conjunction_depth(fixed, r));
            (fixed.and.depth.max(l) + 1).max(r) + 1
        }
    }
}

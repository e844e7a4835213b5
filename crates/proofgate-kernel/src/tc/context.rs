//! The binder context of inference. Going under a lambda or Pi, inference
//! pushes the binder's fresh free variable instead of substituting it into
//! the body, and infers the body with its loose indices looked up here.
//!
//! Substituting at every binder rebuilds the rest of the term once per
//! binder: quadratic in the nesting depth, and worse on a DAG whose shared
//! subterms sit under many binders (the Arena's app-lam and beta ladder).
//! With a context, a term is only rebuilt where a closed copy is really
//! needed ([`TypeChecker::materialize`]: a binder's type, a let's type and
//! value, an argument a dependent type mentions), and each copy is made
//! once. A `let` pushes its (closed) value and its body is inferred in the
//! context, like a binder's: a let's index is looked up, never substituted,
//! so a ladder of lets each separated by an application (the Arena's let
//! ladder) is linear; a closed copy substitutes the value (zeta).
//!
//! Results for open terms are cached by (term, context frame): a binder's
//! push gets a fresh frame id, a let's the frame of (frame below, value,
//! type), and a term is keyed by the frame of the innermost entry it may
//! read ([`TypeChecker::ctx_key`]), so an open term met again where it sees
//! the same entries (a shared subterm of a DAG, or a body shared under lets
//! of equal values) is inferred once. Closed terms keep their own caches,
//! whatever the context.

use super::{TcResult, TypeChecker};
use crate::expr::ExprId;
use crate::rule::TypeRule;

impl TypeChecker<'_> {
    /// Pushes the term that the next loose index `#0` stands for.
    pub(crate) fn push_ctx(&mut self, x: ExprId) {
        self.ws.next_frame += 1;
        self.ws.ctx.push(x);
        self.ws.ctx_frames.push(self.ws.next_frame);
    }

    /// Pushes a let's closed value and declared type. The frame is a
    /// function of the frame below and the binding: two lets of equal
    /// values in equal contexts see the same entries, and share results.
    pub(crate) fn push_let_ctx(&mut self, value: ExprId, ty: ExprId) {
        let below = self.ws.ctx_frames.last().copied().unwrap_or(0);
        let ws = &mut self.ws;
        let frame = *ws.let_frames.entry((below, value, ty)).or_insert_with(|| {
            ws.next_frame += 1;
            ws.let_types.insert(ws.next_frame, ty);
            ws.next_frame
        });
        self.ws.ctx.push(value);
        self.ws.ctx_frames.push(frame);
    }

    /// Pushes a binder's variable `x` for the scope `body`. A variable that
    /// no index of `body` reads cannot change any result there, so its
    /// frame depends only on the frame below: lets of equal values under
    /// different unused binders (`fun (x : A) => let u := a; t` beside
    /// `fun (x : B) => let u := a; t`) then get equal frames, and `t` is
    /// inferred once rather than once per path.
    pub(crate) fn push_binder_ctx(&mut self, x: ExprId, body: ExprId) {
        let reads_it = self.st.lowest_loose_bound(body) == Some(0);
        if reads_it {
            return self.push_ctx(x);
        }
        let below = self.ws.ctx_frames.last().copied().unwrap_or(0);
        let ws = &mut self.ws;
        let frame = *ws.unread_frames.entry(below).or_insert_with(|| {
            ws.next_frame += 1;
            ws.next_frame
        });
        self.ws.ctx.push(x);
        self.ws.ctx_frames.push(frame);
    }

    /// Drops the entries pushed since the context had `mark` entries.
    pub(crate) fn pop_ctx(&mut self, mark: usize) {
        self.ws.ctx.truncate(mark);
        self.ws.ctx_frames.truncate(mark);
    }

    /// The cache key of open term `e` in the current context: the frame of
    /// the innermost entry `e` may mention. That frame was pushed at one
    /// height onto one context, so it fixes every entry `e` can see, and the
    /// height, hence what each of `e`'s indices points to; entries above it
    /// are invisible to `e`. A term shared under binders it does not use
    /// (`f (fun (x : A) => t) (fun (x : B) => t)`, `t` not mentioning `x`)
    /// is then inferred once, not once per path, which nesting would make
    /// exponential. The summary (`expr::LooseIndices`) may put the nearest
    /// variable lower than it is, which only makes the key more specific.
    pub(crate) fn ctx_key(&self, e: ExprId) -> u64 {
        let Some(lowest) = self.st.lowest_loose_bound(e) else {
            return 0;
        };
        let lowest = lowest as usize;
        let frames = &self.ws.ctx_frames;
        match frames.len().checked_sub(lowest + 1) {
            Some(p) if p >= self.ws.ctx_base => frames[p],
            // Out of scope: inference fails on that index, caching nothing.
            _ => 0,
        }
    }

    /// The type of what loose index `#i` of the term being inferred
    /// stands for: a binder's variable's type, or a let's declared type.
    pub(crate) fn ctx_entry_type(&self, i: u32) -> TcResult<ExprId> {
        let ctx = &self.ws.ctx;
        let avail = ctx.len() - self.ws.ctx_base;
        if i as usize >= avail {
            return Err(TypeRule::LooseBoundVariable.into());
        }
        let p = ctx.len() - 1 - i as usize;
        // A let's entry is its value, which may itself be a variable: its
        // frame says it is a let, and the let's declared type is its type.
        if let Some(&t) = self.ws.let_types.get(&self.ws.ctx_frames[p]) {
            return Ok(t);
        }
        self.fvar_type(ctx[p])
            .ok_or(crate::error::KernelError::Internal(
                "a context entry is neither a variable nor a let",
            ))
    }

    /// `e` with its loose indices replaced by the context's entries: the
    /// closed term that substituting at every binder would have produced.
    pub(crate) fn materialize(&mut self, e: ExprId) -> TcResult<ExprId> {
        let k = self.st.lbr(e) as usize;
        if k == 0 {
            return Ok(e);
        }
        if k > self.ws.ctx.len() - self.ws.ctx_base {
            return Err(TypeRule::LooseBoundVariable.into());
        }
        let key = (e, self.ctx_key(e));
        if let Some(&r) = self.ws.materialized.get(&key) {
            return Ok(r);
        }
        let ctx = std::mem::take(&mut self.ws.ctx);
        let r = self.inst(e, &ctx[ctx.len() - k..]);
        self.ws.ctx = ctx;
        let r = r?;
        self.ws.materialized.insert(key, r);
        Ok(r)
    }

    /// `f`'s type `ft` instantiated with the application arguments `args`
    /// (terms under the context): only the arguments `ft` can mention are
    /// materialized, so a non-dependent function's arguments never are.
    pub(crate) fn inst_args(&mut self, ft: ExprId, args: &[ExprId]) -> TcResult<ExprId> {
        let k = self.st.lbr(ft) as usize;
        if k == 0 || args.is_empty() {
            return Ok(ft);
        }
        let tail = &args[args.len().saturating_sub(k)..];
        if tail.iter().all(|&a| self.st.lbr(a) == 0) {
            return self.inst(ft, tail);
        }
        let mut m = super::Binders::new();
        for &a in tail {
            m.push(self.materialize(a)?);
        }
        self.inst(ft, &m)
    }
}

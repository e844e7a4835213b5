//! Differential fuzzing of inference with lets kept in the context
//! (`tc/context.rs`: content-addressed let frames, shared frames for unread
//! binders) against two references computed by the same kernel without
//! any `let`: the zeta-expanded term, and the term whose every
//! `let x : t := v; b` is `(fun (_ : t) => b[v/x]) v` (which checks the
//! binding as the let does). When the generator made no deliberate error,
//! the type it aimed for is a third, independent reference.
//!
//! Terms are DAGs: subterms are reused across sibling contexts with equal
//! entry types (lets of equal and unequal values, unused binders), which is
//! where a wrongly shared cache frame would show. Deterministic (fixed
//! seed); `LET_FUZZ_CASES=N` runs N cases instead of the default,
//! `LET_FUZZ_SEED` and `LET_FUZZ_SIZE` (largest term budget, 28)
//! vary them.
//!
//! Sensitivity, checked by hand on e863a43: the default run fails on each
//! of these mutations of `tc/context.rs` — let frames keyed without the
//! value (case 659), without the frame below (case 10063), and every
//! binder given an unread frame (case 177).

use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    Declaration, DefinitionSafety, ExprId, ExprNode, InductiveBlock, InductiveType, Kernel,
    LevelId, Limits, NameId, ReducibilityHints,
};
use std::collections::HashMap;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// The constants of the generated terms.
struct World {
    a: ExprId,
    b: ExprId,
    s: ExprId,
    p: ExprId,
    a0: ExprId,
    a1: ExprId,
    b0: ExprId,
    f: ExprId,
    g: ExprId,
    pp: ExprId,
    id_a: ExprId,
    mk: ExprId,
    s_name: NameId,
    type0: ExprId,
    /// `Q : A → Prop`, `q : (x : A) → Q x`, `R : (x : A) → Q x → A`:
    /// proofs inside terms, so that types are compared by proof
    /// irrelevance (`infer_only` on terms with lets).
    q: ExprId,
    qq: ExprId,
    r: ExprId,
    /// `H : ((x : A) → P (F a0 x)) → A`: a dependent function argument.
    h: ExprId,
    /// `(x : A) → P (F a0 x)`.
    h_dom: ExprId,
    /// `(fun (_ : B) => A) b0`, a domain equal to `A` but not the same.
    a_redex: ExprId,
}

fn axiom(k: &mut Kernel, name: &str, ty: ExprId) -> ExprId {
    let n = k.store_mut().names.dotted(name);
    k.add_declaration(&Declaration::Axiom {
        header: DeclHeader {
            name: n,
            level_params: vec![],
            ty,
        },
        is_unsafe: false,
    })
    .expect(name);
    k.store_mut().cnst(n, &[])
}

/// `A B : Type`, `P : A → Type`, `a0 a1 : A`, `b0 : B`, `F : A → A → A`,
/// `G : A → B`, `p : (x : A) → P x`, `idA := fun x => x`, and the
/// structure `S` with `S.mk : (x : A) → P x → S`.
fn world(k: &mut Kernel) -> World {
    let st = k.store_mut();
    let one = st.levels.succ(LevelId::ZERO);
    let type0 = st.sort(one);
    let a = axiom(k, "A", type0);
    let b = axiom(k, "B", type0);
    let st = k.store_mut();
    let a_type = st.pi(a, type0);
    let p = axiom(k, "P", a_type);
    let a0 = axiom(k, "a0", a);
    let a1 = axiom(k, "a1", a);
    let b0 = axiom(k, "b0", b);
    let st = k.store_mut();
    let aa = st.pi(a, a);
    let aaa = st.pi(a, aa);
    let f = axiom(k, "F", aaa);
    let ab = k.store_mut().pi(a, b);
    let g = axiom(k, "G", ab);
    let st = k.store_mut();
    let b0v = st.bvar(0);
    let px = st.app(p, b0v);
    let pi_px = st.pi(a, px);
    let pp = axiom(k, "p", pi_px);
    let st = k.store_mut();
    let id_n = st.names.dotted("idA");
    let x = st.bvar(0);
    let id_v = st.lam(a, x);
    k.add_declaration(&Declaration::Definition {
        header: DeclHeader {
            name: id_n,
            level_params: vec![],
            ty: aa,
        },
        value: id_v,
        hints: ReducibilityHints::Regular(1),
        safety: DefinitionSafety::Safe,
    })
    .expect("idA");
    let st = k.store_mut();
    let id_a = st.cnst(id_n, &[]);
    let s_name = st.names.dotted("S");
    let mk_name = st.names.dotted("S.mk");
    let s = st.cnst(s_name, &[]);
    // (x : A) → P x → S
    let px = {
        let x = st.bvar(0);
        st.app(p, x)
    };
    let inner = st.pi(px, s);
    let mk_ty = st.pi(a, inner);
    k.add_declaration(&Declaration::Inductive(InductiveBlock {
        level_params: vec![],
        num_params: 0,
        types: vec![InductiveType {
            name: s_name,
            ty: type0,
            ctors: vec![(mk_name, mk_ty)],
        }],
        is_unsafe: false,
        claimed: None,
    }))
    .expect("S");
    let mk = k.store_mut().cnst(mk_name, &[]);
    let st = k.store_mut();
    let prop = st.sort(LevelId::ZERO);
    let a_prop = st.pi(a, prop);
    let q = axiom(k, "Q", a_prop);
    let st = k.store_mut();
    let x = st.bvar(0);
    let qx = st.app(q, x);
    let pi_qx = st.pi(a, qx);
    let qq = axiom(k, "q", pi_qx);
    let st = k.store_mut();
    let x = st.bvar(0);
    let qx = st.app(q, x);
    let r_inner = st.pi(qx, a);
    let r_ty = st.pi(a, r_inner);
    let r = axiom(k, "R", r_ty);
    let st = k.store_mut();
    let x = st.bvar(0);
    let fx = st.apps(f, &[a0, x]);
    let pfx = st.app(p, fx);
    let h_dom = st.pi(a, pfx);
    let h_ty = st.pi(h_dom, a);
    let h = axiom(k, "H", h_ty);
    let st = k.store_mut();
    let const_a = st.lam(b, a);
    let a_redex = st.app(const_a, b0);
    World {
        h,
        h_dom,
        a_redex,
        q,
        qq,
        r,
        a,
        b,
        s,
        p,
        a0,
        a1,
        b0,
        f,
        g,
        pp,
        id_a,
        mk,
        s_name,
        type0,
    }
}

/// Builds random terms of given types in a context of given entry types
/// (each relative to the context below it; innermost last).
struct Gen<'a> {
    k: &'a mut Kernel,
    w: &'a World,
    rng: &'a mut Rng,
    /// Terms already built, by (type, context entry types): reused so the
    /// term is a DAG whose shared subterms sit in different contexts.
    pool: HashMap<(ExprId, Vec<ExprId>), Vec<ExprId>>,
    /// Whether a deliberately ill-typed subterm was built.
    mutated: bool,
}

impl Gen<'_> {
    fn lift(&mut self, e: ExprId, d: u32) -> ExprId {
        self.k.store_mut().lift_loose_bvars(e, 0, d)
    }

    /// A type to bind or let-bind in `ctx`.
    fn binder_type(&mut self, ctx: &mut Vec<ExprId>, size: u32) -> ExprId {
        let w = self.w;
        match self.rng.below(6) {
            0 | 1 => w.a,
            2 => w.b,
            3 => w.s,
            4 => {
                let t = self.term(ctx, w.a, size.min(3));
                self.k.store_mut().app(w.q, t)
            }
            _ => {
                let t = self.term(ctx, w.a, size.min(3));
                self.k.store_mut().app(w.p, t)
            }
        }
    }

    /// A binder type in `Type` (not a proposition).
    fn data_type(&mut self, ctx: &mut Vec<ExprId>, size: u32) -> ExprId {
        let t = self.binder_type(ctx, size);
        match self.k.store().node(t) {
            ExprNode::App(h, x) if h == self.w.q => self.k.store_mut().app(self.w.p, x),
            _ => t,
        }
    }

    /// A term of type `ty` (a term in context `ctx`).
    fn term(&mut self, ctx: &mut Vec<ExprId>, ty: ExprId, size: u32) -> ExprId {
        let key = (ty, ctx.clone());
        if self.rng.chance(30)
            && let Some(ts) = self.pool.get(&key)
        {
            let t = ts[self.rng.below(ts.len())];
            return t;
        }
        let t = if self.rng.chance(2) && !self.mutated {
            // A deliberate error: a term of another type.
            self.mutated = true;
            let other = self.binder_type(ctx, 2);
            self.fresh(ctx, other, size)
        } else {
            self.fresh(ctx, ty, size)
        };
        self.pool.entry(key).or_default().push(t);
        t
    }

    fn var_of(&mut self, ctx: &[ExprId], ty: ExprId) -> Option<ExprId> {
        let n = ctx.len();
        let mut found = Vec::new();
        for (i, &t) in ctx.iter().enumerate() {
            let j = (n - 1 - i) as u32;
            if self.lift(t, j + 1) == ty {
                found.push(j);
            }
        }
        if found.is_empty() {
            return None;
        }
        let j = found[self.rng.below(found.len())];
        Some(self.k.store_mut().bvar(j))
    }

    fn fresh(&mut self, ctx: &mut Vec<ExprId>, ty: ExprId, size: u32) -> ExprId {
        let w = self.w;
        let small = size <= 1;
        if !small && self.rng.chance(22) {
            return self.let_term(ctx, ty, size);
        }
        if !small && self.rng.chance(10) {
            return self.beta_redex(ctx, ty, size);
        }
        if self.rng.chance(if small { 70 } else { 25 })
            && let Some(v) = self.var_of(ctx, ty)
        {
            return v;
        }
        let half = size.saturating_sub(1) / 2;
        if ty == w.a {
            if small {
                return if self.rng.chance(50) { w.a0 } else { w.a1 };
            }
            return match self.rng.below(7) {
                6 => {
                    let l = self.term(ctx, w.h_dom, size - 1);
                    self.k.store_mut().app(w.h, l)
                }
                5 => {
                    let x = self.term(ctx, w.a, half);
                    let qx = self.k.store_mut().app(w.q, x);
                    let h = self.term(ctx, qx, half);
                    self.k.store_mut().apps(w.r, &[x, h])
                }
                0 => {
                    let x = self.term(ctx, w.a, half);
                    let y = self.term(ctx, w.a, half);
                    self.k.store_mut().apps(w.f, &[x, y])
                }
                1 => {
                    let x = self.term(ctx, w.a, size - 1);
                    self.k.store_mut().app(w.id_a, x)
                }
                2 => {
                    let s = self.term(ctx, w.s, size - 1);
                    self.k.store_mut().mk(ExprNode::Proj(w.s_name, 0, s))
                }
                3 => {
                    // An application of a function variable or lambda.
                    let aa = self.k.store_mut().pi(w.a, w.a);
                    let f = self.term(ctx, aa, half);
                    let x = self.term(ctx, w.a, half);
                    self.k.store_mut().app(f, x)
                }
                _ => w.a0,
            };
        }
        if ty == w.b {
            if small || self.rng.chance(30) {
                return w.b0;
            }
            let x = self.term(ctx, w.a, size - 1);
            return self.k.store_mut().app(w.g, x);
        }
        if ty == w.s {
            let x = self.term(ctx, w.a, half);
            let px = self.k.store_mut().app(w.p, x);
            let y = self.term(ctx, px, half);
            return self.k.store_mut().apps(w.mk, &[x, y]);
        }
        if ty == w.type0 {
            // A type: a binder type or a (dependent) Pi.
            if small || self.rng.chance(50) {
                return self.data_type(ctx, size);
            }
            let d = self.binder_type(ctx, half);
            ctx.push(d);
            let c = self.term(ctx, w.type0, half);
            ctx.pop();
            return self.k.store_mut().pi(d, c);
        }
        match self.k.store().node(ty) {
            ExprNode::App(h, t) if h == w.q => {
                let t = self.variant(ctx, t);
                self.k.store_mut().app(w.qq, t)
            }
            ExprNode::App(h, t) if h == w.p => {
                if self.rng.chance(30) {
                    let t = self.variant(ctx, t);
                    return self.k.store_mut().app(w.pp, t);
                }
                // `P t`: `p t`, or the second field of a structure whose
                // first field is `t`.
                if let ExprNode::Proj(_, 0, s) = self.k.store().node(t)
                    && self.rng.chance(50)
                {
                    return self.k.store_mut().mk(ExprNode::Proj(w.s_name, 1, s));
                }
                self.k.store_mut().app(w.pp, t)
            }
            ExprNode::Pi(d, c) => {
                // Lambdas over `A` and over an equal but different domain
                // share their bodies, under different variables (the
                // context, hence the pool, records the domain as `A`).
                let domain = if d == w.a && self.rng.chance(40) {
                    w.a_redex
                } else {
                    d
                };
                ctx.push(d);
                let body = if self.rng.chance(40) && self.k.store().lbr(c) == 0 {
                    // An unused binder: the body is built without it.
                    ctx.pop();
                    let body = self.term(ctx, c, size.saturating_sub(1));
                    ctx.push(d);
                    self.lift(body, 1)
                } else {
                    self.term(ctx, c, size.saturating_sub(1))
                };
                ctx.pop();
                self.k.store_mut().lam(domain, body)
            }
            _ => w.a0,
        }
    }

    /// Whether `e` is a variable of type `A`.
    fn is_a_var(&mut self, ctx: &[ExprId], e: ExprId) -> bool {
        let ExprNode::BVar(j) = self.k.store().node(e) else {
            return false;
        };
        let t = ctx[ctx.len() - 1 - j as usize];
        self.lift(t, j + 1) == self.w.a
    }

    /// Whether `e` is, by its head, a term of type `A` (an application of
    /// `F`, `idA`, `R`, `H`, a constant `a0`/`a1`, or a first projection).
    fn is_a_term(&self, e: ExprId) -> bool {
        let w = self.w;
        let st = self.k.store();
        if e == w.a0 || e == w.a1 {
            return true;
        }
        if let ExprNode::Proj(_, 0, _) = st.node(e) {
            return true;
        }
        let (head, args) = st.unfold_apps(e);
        (head == w.f && args.len() == 2)
            || (head == w.id_a && args.len() == 1)
            || (head == w.r && args.len() == 2)
            || (head == w.h && args.len() == 1)
    }

    /// A term definitionally equal to the `A`-term `t` but (often) not
    /// the same: another proof in an `R`, `idA t`, a redex, a let.
    fn variant(&mut self, ctx: &mut Vec<ExprId>, t: ExprId) -> ExprId {
        let w = self.w;
        match self.rng.below(5) {
            0 => {
                if let ExprNode::App(f, _) = self.k.store().node(t)
                    && let ExprNode::App(r, u) = self.k.store().node(f)
                    && r == w.r
                {
                    let qu = self.k.store_mut().app(w.q, u);
                    let h = self.term(ctx, qu, 3);
                    return self.k.store_mut().apps(w.r, &[u, h]);
                }
                t
            }
            1 => self.k.store_mut().app(w.id_a, t),
            2 => {
                let body = self.lift(t, 1);
                let st = self.k.store_mut();
                let f = st.lam(w.b, body);
                st.app(f, w.b0)
            }
            3 => {
                let x = self.k.store_mut().bvar(0);
                self.k.store_mut().mk(ExprNode::Let(w.a, t, x))
            }
            _ => t,
        }
    }

    /// `let x : T := v; body`, the body of type `ty` (lifted), often
    /// without reading `x`.
    fn let_term(&mut self, ctx: &mut Vec<ExprId>, ty: ExprId, size: u32) -> ExprId {
        let half = size / 2;
        // `let x : A := u; (_ : P x)` for `P u`: the body's type reads the
        // let's value, so sharing it under another value would show.
        if let ExprNode::App(h, u) = self.k.store().node(ty)
            && (h == self.w.p || h == self.w.q)
            && self.rng.chance(60)
        {
            // The value is a part `v` of `u`; the body's type reads it
            // and whatever else `u` reads.
            let mut parts = vec![u];
            let mut i = 0;
            while i < parts.len() {
                if let ExprNode::App(f, a) = self.k.store().node(parts[i]) {
                    parts.push(f);
                    parts.push(a);
                }
                i += 1;
            }
            let parts: Vec<ExprId> = parts
                .into_iter()
                .filter(|&e| e == u || self.is_a_term(e) || self.is_a_var(ctx, e))
                .collect();
            let v = parts[self.rng.below(parts.len())];
            let (u1, v1) = (self.lift(u, 1), self.lift(v, 1));
            let x = self.k.store_mut().bvar(0);
            let body_ty = {
                let u2 = replace(self.k, u1, v1, x);
                self.k.store_mut().app(h, u2)
            };
            ctx.push(self.w.a);
            let body = self.term(ctx, body_ty, size - 1);
            ctx.pop();
            return self.k.store_mut().mk(ExprNode::Let(self.w.a, v, body));
        }
        let t = self.binder_type(ctx, half);
        let v = self.term(ctx, t, half);
        let body = self.scoped_body(ctx, t, ty, size - 1);
        self.k.store_mut().mk(ExprNode::Let(t, v, body))
    }

    /// `(fun (x : T) => body) arg`.
    fn beta_redex(&mut self, ctx: &mut Vec<ExprId>, ty: ExprId, size: u32) -> ExprId {
        let half = size / 2;
        let t = self.binder_type(ctx, half);
        let v = self.term(ctx, t, half);
        let body = self.scoped_body(ctx, t, ty, size - 1);
        let st = self.k.store_mut();
        let f = st.lam(t, body);
        st.app(f, v)
    }

    fn scoped_body(&mut self, ctx: &mut Vec<ExprId>, t: ExprId, ty: ExprId, size: u32) -> ExprId {
        if self.rng.chance(35) {
            let body = self.term(ctx, ty, size);
            return self.lift(body, 1);
        }
        let lty = self.lift(ty, 1);
        ctx.push(t);
        let body = self.term(ctx, lty, size);
        ctx.pop();
        body
    }
}

/// `e` with the occurrences of `pat` outside binders replaced by `x`.
fn replace(k: &mut Kernel, e: ExprId, pat: ExprId, x: ExprId) -> ExprId {
    if e == pat {
        return x;
    }
    match k.store().node(e) {
        ExprNode::App(f, a) => {
            let (f, a) = (replace(k, f, pat, x), replace(k, a, pat, x));
            k.store_mut().app(f, a)
        }
        _ => e,
    }
}

/// Replaces every let: `beta` true gives `(fun (_ : t) => b[v/x]) v`,
/// false the plain zeta expansion `b[v/x]`.
fn unlet(k: &mut Kernel, e: ExprId, beta: bool, memo: &mut HashMap<ExprId, ExprId>) -> ExprId {
    if k.store().lbr(e) == 0 && !has_let(k, e, &mut HashMap::new()) {
        return e;
    }
    if let Some(&r) = memo.get(&e) {
        return r;
    }
    let r = match k.store().node(e) {
        ExprNode::Let(t, v, b) => {
            let (t, v, b) = (
                unlet(k, t, beta, memo),
                unlet(k, v, beta, memo),
                unlet(k, b, beta, memo),
            );
            let st = k.store_mut();
            let body = st.instantiate1(b, v);
            if beta {
                let body = st.lift_loose_bvars(body, 0, 1);
                let f = st.lam(t, body);
                st.app(f, v)
            } else {
                body
            }
        }
        ExprNode::App(f, a) => {
            let (f, a) = (unlet(k, f, beta, memo), unlet(k, a, beta, memo));
            k.store_mut().app(f, a)
        }
        ExprNode::Lam(d, b) => {
            let (d, b) = (unlet(k, d, beta, memo), unlet(k, b, beta, memo));
            k.store_mut().lam(d, b)
        }
        ExprNode::Pi(d, b) => {
            let (d, b) = (unlet(k, d, beta, memo), unlet(k, b, beta, memo));
            k.store_mut().pi(d, b)
        }
        ExprNode::Proj(s, i, x) => {
            let x = unlet(k, x, beta, memo);
            k.store_mut().mk(ExprNode::Proj(s, i, x))
        }
        _ => e,
    };
    memo.insert(e, r);
    r
}

fn has_let(k: &Kernel, e: ExprId, memo: &mut HashMap<ExprId, bool>) -> bool {
    if let Some(&r) = memo.get(&e) {
        return r;
    }
    let r = match k.store().node(e) {
        ExprNode::Let(..) => true,
        ExprNode::App(a, b) | ExprNode::Lam(a, b) | ExprNode::Pi(a, b) => {
            has_let(k, a, memo) || has_let(k, b, memo)
        }
        ExprNode::Proj(_, _, x) => has_let(k, x, memo),
        _ => false,
    };
    memo.insert(e, r);
    r
}

fn is_limit(e: &proofgate_kernel::KernelError) -> bool {
    e.rule().starts_with("limit.")
}

#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    typed: usize,
    rejected: usize,
    skipped: usize,
    with_let: usize,
}

fn run(cases: usize, seed: u64, max_size: usize) -> Tally {
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    let limits = Limits::with_fuel(2_000_000);
    let mut kw: Option<(Kernel, World)> = None;
    for case in 0..cases {
        if case % 1_000 == 0 {
            let mut k = Kernel::new();
            let w = world(&mut k);
            kw = Some((k, w));
        }
        let (k, w) = kw.as_mut().unwrap();
        let mut g = Gen {
            k,
            w,
            rng: &mut rng,
            pool: HashMap::new(),
            mutated: false,
        };
        let targets = {
            let st = g.k.store_mut();
            let pa0 = st.app(w.p, w.a0);
            let aa = st.pi(w.a, w.a);
            let sa = st.pi(w.s, w.a);
            let qa0 = st.app(w.q, w.a0);
            let h = st.app(w.qq, w.a0);
            let ra0 = st.apps(w.r, &[w.a0, h]);
            let pra0 = st.app(w.p, ra0);
            [w.a, w.b, w.s, pa0, aa, sa, w.type0, qa0, pra0]
        };
        let ty = targets[g.rng.below(targets.len())];
        let size = 4 + g.rng.below(max_size) as u32;
        // Several terms share one pool, and the case is their application
        // to a function of the aimed type (their contexts differ).
        let term = g.term(&mut Vec::new(), ty, size);
        let mutated = g.mutated;
        tally.cases += 1;
        if has_let(k, term, &mut HashMap::new()) {
            tally.with_let += 1;
        }
        let zeta = unlet(k, term, false, &mut HashMap::new());
        let beta = unlet(k, term, true, &mut HashMap::new());
        let new = k.infer(term, &[], limits).map(|r| r.0);
        let r_beta = k.infer(beta, &[], limits).map(|r| r.0);
        let r_zeta = k.infer(zeta, &[], limits).map(|r| r.0);
        if [&new, &r_beta, &r_zeta]
            .iter()
            .any(|r| r.as_ref().is_err_and(is_limit))
        {
            tally.skipped += 1;
            continue;
        }
        let show = |k: &Kernel, e: ExprId| k.store().term_string(e, 40);
        match (&new, &r_beta) {
            (Ok(t), Ok(u)) => {
                tally.typed += 1;
                let (same, _) = k.is_def_eq(*t, *u, limits).expect("defeq");
                assert!(
                    same,
                    "case {case}: types differ\nterm {}\nnew  {}\nref  {}",
                    show(k, term),
                    show(k, *t),
                    show(k, *u)
                );
                if let Ok(z) = &r_zeta {
                    let (same, _) = k.is_def_eq(*t, *z, limits).expect("defeq");
                    assert!(
                        same,
                        "case {case}: zeta type differs\nterm {}",
                        show(k, term)
                    );
                } else {
                    panic!("case {case}: zeta fails\nterm {}", show(k, term));
                }
                if !mutated {
                    let (same, _) = k.is_def_eq(*t, ty, limits).expect("defeq");
                    assert!(
                        same,
                        "case {case}: not the aimed type\nterm {}\nnew  {}\naim  {}",
                        show(k, term),
                        show(k, *t),
                        show(k, ty)
                    );
                }
            }
            (Err(_), Err(_)) => {
                tally.rejected += 1;
                assert!(mutated, "case {case}: a well-built term was rejected");
            }
            (a, b) => panic!(
                "case {case}: new {:?} but reference {:?}\nterm {}",
                a.as_ref().map(|e| show(k, *e)).map_err(|e| e.to_string()),
                b.as_ref().map(|e| show(k, *e)).map_err(|e| e.to_string()),
                show(k, term)
            ),
        }
    }
    tally
}

#[test]
fn inference_with_lets_in_the_context_agrees_with_zeta_expansion() {
    let cases = std::env::var("LET_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12_000);
    let seed = std::env::var("LET_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1e75);
    let max_size = std::env::var("LET_FUZZ_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(28);
    let t = run(cases, seed, max_size);
    eprintln!("{t:?}");
    assert!(t.typed > cases / 3, "{t:?}");
    assert!(t.with_let > cases / 3, "{t:?}");
}

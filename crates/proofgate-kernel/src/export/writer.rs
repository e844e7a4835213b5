//! Writer of Lean 4's NDJSON export format 3.1.0: the inverse of
//! [`super::ExportReader`].
//!
//! Each name, level and expression is written once, the first time a
//! declaration needs it, before the line that refers to it; indices are
//! dense per table in the order written. Reading the output back into the
//! same [`TermStore`] gives the same ids (terms are hash-consed), which
//! `tests/export_roundtrip.rs` checks over the whole Lean corpus.
//!
//! The store keeps neither binder names nor binder info, so binders are
//! written anonymous and `default`; the kernel's verdicts never depend on
//! them. Traversals use explicit stacks: a term or name from an untrusted
//! export may be deeper than the thread's stack.
//!
//! An inductive block needs the data the kernel derives (recursors, their
//! rules, flags). A block read from an export carries the exported copy
//! (`claimed`); a block built in memory gets it from the environment that
//! checked it ([`ExportWriter::write_declaration`] takes that environment).

use crate::InductiveBlock;
use crate::declaration::{
    ConstantInfo, ConstantKind, Declaration, DefinitionSafety, QuotKind, ReducibilityHints,
};
use crate::env::Environment;
use crate::expr::{ExprId, ExprNode};
use crate::level::{LevelId, LevelNode};
use crate::name::{NameId, NameNode};
use crate::store::TermStore;
use rustc_hash::FxHashMap;
use serde_json::{Value, json};
use std::io::Write;
use thiserror::Error;

/// Why a declaration could not be written.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExportWriteError {
    /// Writing the output failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// A term id is not a persistent term of the store (a scratch id or an
    /// id of another store).
    #[error("a term of '{0}' is not a persistent term of this store")]
    ForeignTerm(String),
    /// A term contains a free variable, which the format cannot express.
    #[error("a term of '{0}' has a free variable")]
    FreeVariable(String),
    /// An inductive block has no exported copy of its derived data and the
    /// environment given does not hold the block's constants.
    #[error("inductive '{0}' has no derived data to write (check it in the environment first)")]
    MissingDerivedData(String),
}

/// Writes declarations, and the names, levels and terms they need, as
/// NDJSON 3.1.0.
pub struct ExportWriter<W: Write> {
    out: W,
    names: FxHashMap<NameId, u64>,
    levels: FxHashMap<LevelId, u64>,
    exprs: FxHashMap<ExprId, u64>,
    next_name: u64,
    next_level: u64,
    next_expr: u64,
    declarations: usize,
}

impl<W: Write> ExportWriter<W> {
    /// A writer over `out`; writes the metadata line.
    pub fn new(mut out: W) -> Result<Self, ExportWriteError> {
        let meta = json!({"meta": {
            "exporter": {"name": "proofgate", "version": env!("CARGO_PKG_VERSION")},
            "format": {"version": "3.1.0"},
        }});
        writeln!(out, "{meta}")?;
        let mut names = FxHashMap::default();
        names.insert(NameId::ANONYMOUS, 0);
        let mut levels = FxHashMap::default();
        levels.insert(LevelId::ZERO, 0);
        Ok(ExportWriter {
            out,
            names,
            levels,
            exprs: FxHashMap::default(),
            next_name: 1,
            next_level: 1,
            next_expr: 0,
            declarations: 0,
        })
    }

    /// Declarations written so far.
    pub fn declarations(&self) -> usize {
        self.declarations
    }

    /// Flushes and returns the output.
    pub fn finish(mut self) -> Result<W, ExportWriteError> {
        self.out.flush()?;
        Ok(self.out)
    }

    /// Writes one declaration with everything it refers to. `env` supplies
    /// the derived data of an inductive block built without an exported
    /// copy (the environment that checked it); other declarations ignore it.
    pub fn write_declaration(
        &mut self,
        st: &TermStore,
        decl: &Declaration,
        env: Option<&Environment>,
    ) -> Result<(), ExportWriteError> {
        let who = || st.names.display(decl.name());
        let line = match (decl, decl.header()) {
            (Declaration::Inductive(b), _) => self.block(st, b, decl, env)?,
            (_, None) => unreachable!("only an inductive block has no header"),
            (_, Some(h)) => {
                // The fields every constant has, in the exporter's order,
                // then the kind's own.
                let mut o = serde_json::Map::new();
                o.insert("name".into(), json!(self.name(st, h.name)?));
                o.insert(
                    "levelParams".into(),
                    json!(self.name_list(st, &h.level_params)?),
                );
                o.insert("type".into(), json!(self.expr(st, h.ty, &who)?));
                let all = json!([self.name(st, h.name)?]);
                let key = match decl {
                    Declaration::Axiom { is_unsafe, .. } => {
                        o.insert("isUnsafe".into(), json!(is_unsafe));
                        "axiom"
                    }
                    Declaration::Definition {
                        value,
                        hints,
                        safety,
                        ..
                    } => {
                        o.insert("value".into(), json!(self.expr(st, *value, &who)?));
                        o.insert("hints".into(), hints_json(*hints));
                        let safety = match safety {
                            DefinitionSafety::Safe => "safe",
                            DefinitionSafety::Unsafe => "unsafe",
                            DefinitionSafety::Partial => "partial",
                        };
                        o.insert("safety".into(), json!(safety));
                        o.insert("all".into(), all);
                        "def"
                    }
                    Declaration::Theorem { value, .. } => {
                        o.insert("value".into(), json!(self.expr(st, *value, &who)?));
                        o.insert("all".into(), all);
                        "thm"
                    }
                    Declaration::Opaque {
                        value, is_unsafe, ..
                    } => {
                        o.insert("value".into(), json!(self.expr(st, *value, &who)?));
                        o.insert("isUnsafe".into(), json!(is_unsafe));
                        o.insert("all".into(), all);
                        "opaque"
                    }
                    Declaration::Quot { kind, .. } => {
                        let kind = match kind {
                            QuotKind::Type => "type",
                            QuotKind::Ctor => "ctor",
                            QuotKind::Lift => "lift",
                            QuotKind::Ind => "ind",
                        };
                        o.insert("kind".into(), json!(kind));
                        "quot"
                    }
                    Declaration::Inductive(_) => unreachable!("a block has no header"),
                };
                json!({ key: o })
            }
        };
        writeln!(self.out, "{line}")?;
        self.declarations += 1;
        Ok(())
    }

    /// The JSON object of an inductive block: its types, constructors and
    /// recursors, as claimed or (without a claim) derived by the kernel.
    fn block(
        &mut self,
        st: &TermStore,
        b: &InductiveBlock,
        decl: &Declaration,
        env: Option<&Environment>,
    ) -> Result<Value, ExportWriteError> {
        let owned;
        let claimed = match &b.claimed {
            Some(c) => c,
            None => {
                owned = derived_block(st, b, env).ok_or_else(|| {
                    ExportWriteError::MissingDerivedData(st.names.display(decl.name()))
                })?;
                &owned
            }
        };
        let mut types = Vec::new();
        for c in &claimed.types {
            types.push(self.constant(st, c)?);
        }
        let mut ctors = Vec::new();
        for c in &claimed.ctors {
            ctors.push(self.constant(st, c)?);
        }
        let mut recs = Vec::new();
        for c in &claimed.recs {
            recs.push(self.constant(st, c)?);
        }
        Ok(json!({"inductive": {"types": types, "ctors": ctors, "recs": recs}}))
    }

    /// The JSON object of one constant of an inductive block (type,
    /// constructor or recursor), its terms written first.
    fn constant(&mut self, st: &TermStore, c: &ConstantInfo) -> Result<Value, ExportWriteError> {
        let who = || st.names.display(c.name);
        let mut o = json!({
            "name": self.name(st, c.name)?,
            "levelParams": self.name_list(st, &c.level_params)?,
            "type": self.expr(st, c.ty, &who)?,
        });
        let extra = match &c.kind {
            ConstantKind::Inductive {
                num_params,
                num_indices,
                all,
                ctors,
                num_nested,
                is_rec,
                is_reflexive,
                is_unsafe,
            } => json!({
                "numParams": num_params, "numIndices": num_indices,
                "all": self.name_list(st, all)?, "ctors": self.name_list(st, ctors)?,
                "numNested": num_nested, "isRec": is_rec, "isReflexive": is_reflexive,
                "isUnsafe": is_unsafe,
            }),
            ConstantKind::Constructor {
                induct,
                cidx,
                num_params,
                num_fields,
                is_unsafe,
            } => json!({
                "induct": self.name(st, *induct)?, "cidx": cidx, "numParams": num_params,
                "numFields": num_fields, "isUnsafe": is_unsafe,
            }),
            ConstantKind::Recursor {
                all,
                num_params,
                num_indices,
                num_motives,
                num_minors,
                rules,
                k,
                is_unsafe,
            } => {
                let mut rs = Vec::new();
                for r in rules {
                    rs.push(json!({
                        "ctor": self.name(st, r.ctor)?,
                        "nfields": r.nfields,
                        "rhs": self.expr(st, r.rhs, &who)?,
                    }));
                }
                json!({
                    "all": self.name_list(st, all)?, "numParams": num_params,
                    "numIndices": num_indices, "numMotives": num_motives,
                    "numMinors": num_minors, "rules": rs, "k": k, "isUnsafe": is_unsafe,
                })
            }
            // Only the three kinds above belong to an inductive block; the
            // reader never puts another kind there.
            _ => json!({}),
        };
        if let (Value::Object(o), Value::Object(extra)) = (&mut o, extra) {
            o.extend(extra);
        }
        Ok(o)
    }

    fn name_list(&mut self, st: &TermStore, ns: &[NameId]) -> Result<Vec<u64>, ExportWriteError> {
        ns.iter().map(|n| self.name(st, *n)).collect()
    }

    /// The index of `n`, writing it and its unwritten prefixes first.
    fn name(&mut self, st: &TermStore, n: NameId) -> Result<u64, ExportWriteError> {
        if let Some(&i) = self.names.get(&n) {
            return Ok(i);
        }
        let mut chain = vec![n];
        loop {
            let last = chain[chain.len() - 1];
            let pre = st.names.prefix(last);
            if self.names.contains_key(&pre) {
                break;
            }
            chain.push(pre);
        }
        for m in chain.into_iter().rev() {
            let i = self.next_name;
            let line = match st.names.node(m) {
                NameNode::Str(p, s) => json!({"in": i, "str": {"pre": self.names[p], "str": &**s}}),
                NameNode::Num(p, k) => json!({"in": i, "num": {"pre": self.names[p], "i": k}}),
                // Anonymous is index 0, always present.
                NameNode::Anonymous => continue,
            };
            writeln!(self.out, "{line}")?;
            self.names.insert(m, i);
            self.next_name += 1;
        }
        Ok(self.names[&n])
    }

    /// The index of level `l`, writing it (children first) if needed.
    fn level(&mut self, st: &TermStore, l: LevelId) -> Result<u64, ExportWriteError> {
        let mut stack = vec![(l, false)];
        while let Some((l, expanded)) = stack.pop() {
            if self.levels.contains_key(&l) {
                continue;
            }
            let node = st.levels.node(l);
            if !expanded {
                stack.push((l, true));
                match node {
                    LevelNode::Succ(a) => stack.push((a, false)),
                    LevelNode::Max(a, b) | LevelNode::IMax(a, b) => {
                        stack.push((b, false));
                        stack.push((a, false));
                    }
                    LevelNode::Zero | LevelNode::Param(_) => {}
                }
                continue;
            }
            let i = self.next_level;
            let line = match node {
                LevelNode::Succ(a) => json!({"il": i, "succ": self.levels[&a]}),
                LevelNode::Max(a, b) => json!({"il": i, "max": [self.levels[&a], self.levels[&b]]}),
                LevelNode::IMax(a, b) => {
                    json!({"il": i, "imax": [self.levels[&a], self.levels[&b]]})
                }
                LevelNode::Param(n) => json!({"il": i, "param": self.name(st, n)?}),
                LevelNode::Zero => continue,
            };
            writeln!(self.out, "{line}")?;
            self.levels.insert(l, i);
            self.next_level += 1;
        }
        Ok(self.levels[&l])
    }

    /// The index of expression `e`, writing it (children first) if needed.
    fn expr(
        &mut self,
        st: &TermStore,
        e: ExprId,
        who: &dyn Fn() -> String,
    ) -> Result<u64, ExportWriteError> {
        let mut stack = vec![(e, false)];
        while let Some((e, expanded)) = stack.pop() {
            if self.exprs.contains_key(&e) {
                continue;
            }
            if e.is_scratch() || !st.is_valid(e) {
                return Err(ExportWriteError::ForeignTerm(who()));
            }
            let node = st.node(e);
            if !expanded {
                stack.push((e, true));
                // Children pushed in reverse so they are written in order.
                match node {
                    ExprNode::App(a, b) | ExprNode::Lam(a, b) | ExprNode::Pi(a, b) => {
                        stack.push((b, false));
                        stack.push((a, false));
                    }
                    ExprNode::Let(t, v, b) => {
                        stack.push((b, false));
                        stack.push((v, false));
                        stack.push((t, false));
                    }
                    ExprNode::Proj(_, _, s) => stack.push((s, false)),
                    _ => {}
                }
                continue;
            }
            let i = self.next_expr;
            let line = match node {
                ExprNode::BVar(k) => json!({"ie": i, "bvar": k}),
                ExprNode::FVar(_) => return Err(ExportWriteError::FreeVariable(who())),
                ExprNode::Sort(l) => json!({"ie": i, "sort": self.level(st, l)?}),
                ExprNode::Const(n, ls) => {
                    let name = self.name(st, n)?;
                    let mut us = Vec::new();
                    for &l in st.levels_of(ls) {
                        us.push(self.level(st, l)?);
                    }
                    json!({"ie": i, "const": {"name": name, "us": us}})
                }
                ExprNode::App(f, a) => {
                    json!({"ie": i, "app": {"fn": self.exprs[&f], "arg": self.exprs[&a]}})
                }
                ExprNode::Lam(t, b) => json!({"ie": i, "lam": self.binder(t, b)}),
                ExprNode::Pi(t, b) => json!({"ie": i, "forallE": self.binder(t, b)}),
                ExprNode::Let(t, v, b) => json!({"ie": i, "letE": {
                    "name": 0, "type": self.exprs[&t], "value": self.exprs[&v],
                    "body": self.exprs[&b], "nondep": false,
                }}),
                ExprNode::Proj(s, idx, x) => json!({"ie": i, "proj": {
                    "typeName": self.name(st, s)?, "idx": idx, "struct": self.exprs[&x],
                }}),
                ExprNode::NatLit(l) => json!({"ie": i, "natVal": st.nat(l).to_string()}),
                ExprNode::StrLit(l) => json!({"ie": i, "strVal": st.string(l)}),
            };
            writeln!(self.out, "{line}")?;
            self.exprs.insert(e, i);
            self.next_expr += 1;
        }
        Ok(self.exprs[&e])
    }

    fn binder(&self, t: ExprId, b: ExprId) -> Value {
        json!({"name": 0, "type": self.exprs[&t], "body": self.exprs[&b], "binderInfo": "default"})
    }
}

fn hints_json(h: ReducibilityHints) -> Value {
    match h {
        ReducibilityHints::Opaque => json!("opaque"),
        ReducibilityHints::Abbrev => json!("abbrev"),
        ReducibilityHints::Regular(r) => json!({ "regular": r }),
    }
}

/// The derived data of a block from the environment that checked it: each
/// type, its constructors, its recursor, and the auxiliary recursors of
/// nested occurrences (`rec_1`, `rec_2`, ... on the first type).
fn derived_block(
    st: &TermStore,
    b: &crate::declaration::InductiveBlock,
    env: Option<&Environment>,
) -> Option<crate::declaration::ClaimedInductive> {
    let env = env?;
    let mut out = crate::declaration::ClaimedInductive::default();
    let lookup = |n: NameId| env.get(n).cloned();
    let find_child = |parent: NameId, s: &str| -> Option<NameId> {
        // Names the kernel created exist in the table; a missing one means
        // the block was never checked here.
        st.names.find_str(parent, s)
    };
    for t in &b.types {
        out.types.push(lookup(t.name)?);
        for (c, _) in &t.ctors {
            out.ctors.push(lookup(*c)?);
        }
    }
    for t in &b.types {
        out.recs.push(lookup(find_child(t.name, "rec")?)?);
    }
    let first = b.types.first()?.name;
    if let ConstantKind::Inductive { num_nested, .. } = out.types.first()?.kind {
        for k in 1..=num_nested {
            let n = st.names.find_str(first, &format!("rec_{k}"))?;
            out.recs.push(lookup(n)?);
        }
    }
    Some(out)
}

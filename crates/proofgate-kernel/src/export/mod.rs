//! Reader for Lean 4's NDJSON export format 3.1.0, streamed line by line.
//!
//! Contract: the first record is the meta line and names format version
//! [`FORMAT_VERSION`] exactly; an empty input, a missing meta line, another
//! version or a line that is not UTF-8 is refused with the (1-based) line,
//! and [`ExportError::is_unsupported`] says the input is to be declined.
//!
//! Names, levels and expressions are kept in maps keyed by their export
//! index (indices may be sparse and out of order). `mdata` is stripped.
//! Declarations are returned one at a time, so a caller can check each one
//! before reading the next.

mod error;
mod fast;
mod scan;
mod table;
mod writer;

pub use error::{ExportError, ExportErrorKind};
pub use writer::{ExportWriteError, ExportWriter};

use crate::DeclHeader;
use crate::declaration::{
    ClaimedInductive, ConstantInfo, ConstantKind, Declaration, DefinitionSafety, InductiveBlock,
    InductiveType, QuotKind, RecursorRule, ReducibilityHints,
};
use crate::expr::{ExprId, ExprNode};
use crate::level::{LevelId, LevelNode};
use crate::name::NameId;
use crate::store::TermStore;
use serde_json::{Map, Value};
use std::io::BufRead;
use table::Indices;

type Kind = ExportErrorKind;

/// The one export format version this reader implements.
pub const FORMAT_VERSION: &str = "3.1.0";
type Obj = Map<String, Value>;

/// A streaming reader of one export.
pub struct ExportReader<R> {
    input: R,
    line_no: usize,
    buf: Vec<u8>,
    /// Whether the meta line has been read (it must be the first record).
    seen_meta: bool,
    /// Export index to interned name, level and expression.
    ix: Indices,
}

impl<R: BufRead> ExportReader<R> {
    /// A reader over `input`.
    pub fn new(input: R) -> Self {
        ExportReader {
            input,
            line_no: 0,
            buf: Vec::new(),
            seen_meta: false,
            ix: Indices::new(),
        }
    }

    /// The line number of the last line read.
    pub fn line(&self) -> usize {
        self.line_no
    }

    /// Reads up to the next declaration, interning terms into `st`
    /// (persistent region). `None` at the end of input.
    pub fn next_declaration(
        &mut self,
        st: &mut TermStore,
    ) -> Option<Result<Declaration, ExportError>> {
        loop {
            self.buf.clear();
            // Bytes, not `read_line`: a line that is not UTF-8 is then
            // reported as that line, not the one before.
            let read = self.input.read_until(b'\n', &mut self.buf);
            self.line_no += 1;
            match read {
                Ok(0) if self.seen_meta => return None,
                Ok(0) => {
                    // The meta line was due on line 1.
                    self.line_no = 1;
                    self.seen_meta = true;
                    return Some(Err(self.err(Kind::Empty)));
                }
                Ok(_) => {}
                Err(e) => return Some(Err(self.err(Kind::Io(e)))),
            }
            let text = match std::str::from_utf8(&self.buf) {
                Ok(t) => t,
                Err(e) => {
                    let offset = e.valid_up_to();
                    return Some(Err(self.err(Kind::InvalidUtf8 { offset })));
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            if self.seen_meta {
                match self.ix.fast_line(st, text) {
                    Some(Ok(())) => {
                        if let Err(full) = st.check_capacity() {
                            return Some(Err(self.err(Kind::StoreFull(full))));
                        }
                        continue;
                    }
                    Some(Err(k)) => return Some(Err(self.err(k))),
                    None => {}
                }
            }
            let v: Value = match serde_json::from_str(text) {
                Ok(v) => v,
                Err(e) => return Some(Err(self.err(Kind::Json(e)))),
            };
            let parsed = self.parse_line(st, v);
            if let Err(full) = st.check_capacity() {
                return Some(Err(self.err(Kind::StoreFull(full))));
            }
            match parsed {
                Ok(Some(d)) => return Some(Ok(d)),
                Ok(None) => {}
                Err(k) => return Some(Err(self.err(k))),
            }
        }
    }

    fn err(&self, kind: Kind) -> ExportError {
        ExportError {
            line: self.line_no,
            kind,
        }
    }

    fn parse_line(&mut self, st: &mut TermStore, v: Value) -> Result<Option<Declaration>, Kind> {
        let Value::Object(o) = v else {
            return Err(Kind::UnknownTag);
        };
        if let Some(m) = o.get("meta") {
            if self.seen_meta {
                return Err(Kind::MisplacedMeta);
            }
            // Whatever happens next, this was the first record.
            self.seen_meta = true;
            match m.pointer("/format/version") {
                Some(Value::String(v)) if v == FORMAT_VERSION => {}
                Some(Value::String(v)) => return Err(Kind::UnsupportedVersion(v.clone())),
                // A version that is absent or not a string is no known one.
                Some(other) => return Err(Kind::UnsupportedVersion(other.to_string())),
                None => return Err(Kind::UnsupportedVersion("(none)".into())),
            }
            return Ok(None);
        }
        if !self.seen_meta {
            self.seen_meta = true;
            return Err(Kind::MissingMeta);
        }
        // The format writes no `null`. Serde's typed path cannot tell a
        // null from an absent key, so a null in any position would be read
        // two ways (`"bvar":null` beside a `sort`): every path refuses it.
        if let Some(key) = null_key(&o) {
            return Err(Kind::Invalid(format!("field '{key}' is null")));
        }
        if let Some(i) = o.get("in") {
            let i = i.as_u64().ok_or(Kind::Field("in"))?;
            let n = self.name_line(st, &o)?;
            return self.ix.names.define("in", i, n).map(|()| None);
        }
        if let Some(i) = o.get("il") {
            let i = i.as_u64().ok_or(Kind::Field("il"))?;
            let l = self.level_line(st, &o)?;
            return self.ix.levels.define("il", i, l).map(|()| None);
        }
        if let Some(i) = o.get("ie") {
            let i = i.as_u64().ok_or(Kind::Field("ie"))?;
            let e = self.expr_line(st, &o)?;
            return self.ix.exprs.define("ie", i, e).map(|()| None);
        }
        self.decl_line(st, &o).map(Some)
    }

    fn name(&self, v: Option<&Value>, field: &'static str) -> Result<NameId, Kind> {
        let i = v.and_then(Value::as_u64).ok_or(Kind::Field(field))?;
        self.ix.name_at(i)
    }

    fn level(&self, v: Option<&Value>, field: &'static str) -> Result<LevelId, Kind> {
        let i = v.and_then(Value::as_u64).ok_or(Kind::Field(field))?;
        self.ix.level_at(i)
    }

    fn expr(&self, v: Option<&Value>, field: &'static str) -> Result<ExprId, Kind> {
        let i = v.and_then(Value::as_u64).ok_or(Kind::Field(field))?;
        self.ix.expr_at(i)
    }

    fn name_list(&self, v: Option<&Value>, field: &'static str) -> Result<Vec<NameId>, Kind> {
        let a = v.and_then(Value::as_array).ok_or(Kind::Field(field))?;
        a.iter().map(|x| self.name(Some(x), field)).collect()
    }

    fn name_line(&mut self, st: &mut TermStore, o: &Obj) -> Result<NameId, Kind> {
        if let Some(s) = o.get("str") {
            let pre = self.name(s.get("pre"), "pre")?;
            let c = s
                .get("str")
                .and_then(Value::as_str)
                .ok_or(Kind::Field("str"))?;
            return Ok(st.names.str(pre, c));
        }
        if let Some(s) = o.get("num") {
            let pre = self.name(s.get("pre"), "pre")?;
            let k = s.get("i").and_then(Value::as_u64).ok_or(Kind::Field("i"))?;
            return Ok(st.names.num(pre, k));
        }
        Err(Kind::UnknownTag)
    }

    fn level_line(&mut self, st: &mut TermStore, o: &Obj) -> Result<LevelId, Kind> {
        if let Some(a) = o.get("succ") {
            let a = self.level(Some(a), "succ")?;
            return Ok(st.levels.mk(LevelNode::Succ(a)));
        }
        for (key, is_max) in [("max", true), ("imax", false)] {
            if let Some(v) = o.get(key) {
                let arr = v
                    .as_array()
                    .filter(|a| a.len() == 2)
                    .ok_or(Kind::Field(key))?;
                let a = self.level(arr.first(), key)?;
                let b = self.level(arr.get(1), key)?;
                let node = if is_max {
                    LevelNode::Max(a, b)
                } else {
                    LevelNode::IMax(a, b)
                };
                return Ok(st.levels.mk(node));
            }
        }
        if let Some(p) = o.get("param") {
            let n = self.name(Some(p), "param")?;
            return Ok(st.levels.param(n));
        }
        Err(Kind::UnknownTag)
    }

    fn expr_line(&mut self, st: &mut TermStore, o: &Obj) -> Result<ExprId, Kind> {
        if let Some(v) = o.get("bvar") {
            let i = v
                .as_u64()
                .filter(|i| *i < u32::MAX as u64 / 2)
                .ok_or(Kind::Field("bvar"))?;
            return Ok(st.bvar(i as u32));
        }
        if let Some(v) = o.get("sort") {
            let l = self.level(Some(v), "sort")?;
            return Ok(st.sort(l));
        }
        if let Some(v) = o.get("const") {
            let n = self.name(v.get("name"), "name")?;
            let us = v
                .get("us")
                .and_then(Value::as_array)
                .ok_or(Kind::Field("us"))?;
            let ls: Vec<LevelId> = us
                .iter()
                .map(|u| self.level(Some(u), "us"))
                .collect::<Result<_, _>>()?;
            return Ok(st.cnst(n, &ls));
        }
        if let Some(v) = o.get("app") {
            let f = self.expr(v.get("fn"), "fn")?;
            let a = self.expr(v.get("arg"), "arg")?;
            return Ok(st.app(f, a));
        }
        for (key, lam) in [("lam", true), ("forallE", false)] {
            if let Some(v) = o.get(key) {
                let t = self.expr(v.get("type"), "type")?;
                let b = self.expr(v.get("body"), "body")?;
                self.name(v.get("name"), "name")?;
                return Ok(if lam { st.lam(t, b) } else { st.pi(t, b) });
            }
        }
        if let Some(v) = o.get("letE") {
            let t = self.expr(v.get("type"), "type")?;
            let val = self.expr(v.get("value"), "value")?;
            let b = self.expr(v.get("body"), "body")?;
            return Ok(st.mk(ExprNode::Let(t, val, b)));
        }
        if let Some(v) = o.get("proj") {
            let s = self.name(v.get("typeName"), "typeName")?;
            let i = v
                .get("idx")
                .and_then(Value::as_u64)
                .filter(|i| *i <= u32::MAX as u64)
                .ok_or(Kind::Field("idx"))?;
            let e = self.expr(v.get("struct"), "struct")?;
            return Ok(st.mk(ExprNode::Proj(s, i as u32, e)));
        }
        if let Some(v) = o.get("natVal") {
            let s = v.as_str().ok_or(Kind::Field("natVal"))?;
            let n = crate::literal::parse_nat(s).map_err(|e| Kind::Invalid(e.to_string()))?;
            return Ok(st.nat_lit(n));
        }
        if let Some(v) = o.get("strVal") {
            let s = v.as_str().ok_or(Kind::Field("strVal"))?;
            return Ok(st.str_lit(s));
        }
        if let Some(v) = o.get("mdata") {
            return self.expr(v.get("expr"), "expr");
        }
        Err(Kind::UnknownTag)
    }

    fn bool_field(o: &Value, f: &'static str) -> Result<bool, Kind> {
        o.get(f).and_then(Value::as_bool).ok_or(Kind::Field(f))
    }

    fn u32_field(o: &Value, f: &'static str) -> Result<u32, Kind> {
        o.get(f)
            .and_then(Value::as_u64)
            .filter(|x| *x <= u32::MAX as u64)
            .map(|x| x as u32)
            .ok_or(Kind::Field(f))
    }

    fn decl_line(&mut self, _st: &mut TermStore, o: &Obj) -> Result<Declaration, Kind> {
        if let Some(v) = o.get("axiom") {
            return Ok(Declaration::Axiom {
                header: DeclHeader {
                    name: self.name(v.get("name"), "name")?,
                    level_params: self.name_list(v.get("levelParams"), "levelParams")?,
                    ty: self.expr(v.get("type"), "type")?,
                },
                is_unsafe: Self::bool_field(v, "isUnsafe")?,
            });
        }
        if let Some(v) = o.get("def") {
            let hints = match v.get("hints") {
                Some(Value::String(s)) if s == "opaque" => ReducibilityHints::Opaque,
                Some(Value::String(s)) if s == "abbrev" => ReducibilityHints::Abbrev,
                Some(Value::Object(h)) => {
                    let r = h
                        .get("regular")
                        .and_then(Value::as_u64)
                        .ok_or(Kind::Field("hints"))?;
                    ReducibilityHints::Regular(r.min(u32::MAX as u64) as u32)
                }
                _ => return Err(Kind::Field("hints")),
            };
            let safety = match v.get("safety").and_then(Value::as_str) {
                Some("safe") => DefinitionSafety::Safe,
                Some("unsafe") => DefinitionSafety::Unsafe,
                Some("partial") => DefinitionSafety::Partial,
                _ => return Err(Kind::Field("safety")),
            };
            return Ok(Declaration::Definition {
                header: DeclHeader {
                    name: self.name(v.get("name"), "name")?,
                    level_params: self.name_list(v.get("levelParams"), "levelParams")?,
                    ty: self.expr(v.get("type"), "type")?,
                },
                value: self.expr(v.get("value"), "value")?,
                hints,
                safety,
            });
        }
        if let Some(v) = o.get("thm") {
            return Ok(Declaration::Theorem {
                header: DeclHeader {
                    name: self.name(v.get("name"), "name")?,
                    level_params: self.name_list(v.get("levelParams"), "levelParams")?,
                    ty: self.expr(v.get("type"), "type")?,
                },
                value: self.expr(v.get("value"), "value")?,
            });
        }
        if let Some(v) = o.get("opaque") {
            return Ok(Declaration::Opaque {
                header: DeclHeader {
                    name: self.name(v.get("name"), "name")?,
                    level_params: self.name_list(v.get("levelParams"), "levelParams")?,
                    ty: self.expr(v.get("type"), "type")?,
                },
                value: self.expr(v.get("value"), "value")?,
                is_unsafe: Self::bool_field(v, "isUnsafe")?,
            });
        }
        if let Some(v) = o.get("quot") {
            let kind = match v.get("kind").and_then(Value::as_str) {
                Some("type") => QuotKind::Type,
                Some("ctor") => QuotKind::Ctor,
                Some("lift") => QuotKind::Lift,
                Some("ind") => QuotKind::Ind,
                _ => return Err(Kind::Field("kind")),
            };
            return Ok(Declaration::Quot {
                header: DeclHeader {
                    name: self.name(v.get("name"), "name")?,
                    level_params: self.name_list(v.get("levelParams"), "levelParams")?,
                    ty: self.expr(v.get("type"), "type")?,
                },
                kind,
            });
        }
        if let Some(v) = o.get("inductive") {
            return self.inductive(v);
        }
        Err(Kind::UnknownTag)
    }

    fn inductive(&mut self, v: &Value) -> Result<Declaration, Kind> {
        let arr = |f: &'static str| v.get(f).and_then(Value::as_array).ok_or(Kind::Field(f));
        let mut claimed = ClaimedInductive::default();
        for t in arr("types")? {
            claimed.types.push(ConstantInfo {
                name: self.name(t.get("name"), "name")?,
                level_params: self.name_list(t.get("levelParams"), "levelParams")?,
                ty: self.expr(t.get("type"), "type")?,
                kind: ConstantKind::Inductive {
                    num_params: Self::u32_field(t, "numParams")?,
                    num_indices: Self::u32_field(t, "numIndices")?,
                    all: self.name_list(t.get("all"), "all")?,
                    ctors: self.name_list(t.get("ctors"), "ctors")?,
                    num_nested: Self::u32_field(t, "numNested")?,
                    is_rec: Self::bool_field(t, "isRec")?,
                    is_reflexive: Self::bool_field(t, "isReflexive")?,
                    is_unsafe: Self::bool_field(t, "isUnsafe")?,
                },
            });
        }
        for c in arr("ctors")? {
            claimed.ctors.push(ConstantInfo {
                name: self.name(c.get("name"), "name")?,
                level_params: self.name_list(c.get("levelParams"), "levelParams")?,
                ty: self.expr(c.get("type"), "type")?,
                kind: ConstantKind::Constructor {
                    induct: self.name(c.get("induct"), "induct")?,
                    cidx: Self::u32_field(c, "cidx")?,
                    num_params: Self::u32_field(c, "numParams")?,
                    num_fields: Self::u32_field(c, "numFields")?,
                    is_unsafe: Self::bool_field(c, "isUnsafe")?,
                },
            });
        }
        for r in arr("recs")? {
            let mut rules = Vec::new();
            for rule in r
                .get("rules")
                .and_then(Value::as_array)
                .ok_or(Kind::Field("rules"))?
            {
                rules.push(RecursorRule {
                    ctor: self.name(rule.get("ctor"), "ctor")?,
                    nfields: Self::u32_field(rule, "nfields")?,
                    rhs: self.expr(rule.get("rhs"), "rhs")?,
                });
            }
            claimed.recs.push(ConstantInfo {
                name: self.name(r.get("name"), "name")?,
                level_params: self.name_list(r.get("levelParams"), "levelParams")?,
                ty: self.expr(r.get("type"), "type")?,
                kind: ConstantKind::Recursor {
                    all: self.name_list(r.get("all"), "all")?,
                    num_params: Self::u32_field(r, "numParams")?,
                    num_indices: Self::u32_field(r, "numIndices")?,
                    num_motives: Self::u32_field(r, "numMotives")?,
                    num_minors: Self::u32_field(r, "numMinors")?,
                    rules,
                    k: Self::bool_field(r, "k")?,
                    is_unsafe: Self::bool_field(r, "isUnsafe")?,
                },
            });
        }
        let Some(first) = claimed.types.first() else {
            return Err(Kind::Invalid("inductive block without types".into()));
        };
        let ConstantKind::Inductive {
            num_params,
            is_unsafe,
            ..
        } = first.kind
        else {
            unreachable!()
        };
        let level_params = first.level_params.clone();
        // By name, so a block of n constructors is assembled in linear time.
        // The first of a repeated name, as a scan would find (the kernel
        // rejects the repetition itself).
        let mut ctor_types: rustc_hash::FxHashMap<NameId, ExprId> = Default::default();
        for c in &claimed.ctors {
            ctor_types.entry(c.name).or_insert(c.ty);
        }
        let mut types = Vec::new();
        for t in &claimed.types {
            let ConstantKind::Inductive { ctors, .. } = &t.kind else {
                unreachable!()
            };
            let mut cs = Vec::new();
            for cn in ctors {
                let ty = ctor_types.get(cn).ok_or_else(|| {
                    Kind::Invalid("a type lists a constructor the block does not define".into())
                })?;
                cs.push((*cn, *ty));
            }
            types.push(InductiveType {
                name: t.name,
                ty: t.ty,
                ctors: cs,
            });
        }
        Ok(Declaration::Inductive(InductiveBlock {
            level_params,
            num_params,
            types,
            is_unsafe,
            claimed: Some(claimed),
        }))
    }
}

/// The key of the first `null` in a record, at any depth (an array's
/// entries are named by the key holding the array). Recursion is bounded
/// by serde_json's nesting limit (128).
fn null_key(o: &Obj) -> Option<&str> {
    fn walk<'a>(k: &'a str, v: &'a Value) -> Option<&'a str> {
        match v {
            Value::Null => Some(k),
            Value::Object(m) => m.iter().find_map(|(k, v)| walk(k, v)),
            Value::Array(a) => a.iter().find_map(|v| walk(k, v)),
            _ => None,
        }
    }
    o.iter().find_map(|(k, v)| walk(k, v))
}

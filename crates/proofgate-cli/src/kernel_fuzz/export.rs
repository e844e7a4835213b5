//! An export held as JSON lines, with the index a mutator and the reorder
//! oracle need: which line defines each name, level and expression, what
//! each expression refers to, and which declarations define and use which
//! constants. The fuzzer edits lines, never the kernel's terms: mutants are
//! what an untrusted producer could write.

use serde_json::Value;
use std::collections::{HashMap as FxHashMap, HashSet as FxHashSet};

/// One NDJSON export, line by line (line 0 is the meta line).
#[derive(Clone)]
pub(crate) struct Export {
    pub lines: Vec<Value>,
}

/// What a line is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum LineKind {
    Meta,
    Name(u64),
    Level(u64),
    Expr(u64),
    Decl,
    Other,
}

/// Where an expression line keeps references to other expressions.
pub(crate) const EXPR_CHILDREN: &[(&str, &[&str])] = &[
    ("app", &["fn", "arg"]),
    ("lam", &["type", "body"]),
    ("forallE", &["type", "body"]),
    ("letE", &["type", "value", "body"]),
    ("proj", &["struct"]),
    ("mdata", &["expr"]),
];

pub(crate) const DECL_TAGS: &[&str] = &["axiom", "def", "thm", "opaque", "quot", "inductive"];

impl Export {
    /// Parses NDJSON text; `None` when a line is not a JSON object.
    pub fn parse(text: &str) -> Option<Export> {
        let mut lines = Vec::new();
        for l in text.lines() {
            if l.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(l).ok()?;
            if !v.is_object() {
                return None;
            }
            lines.push(v);
        }
        Some(Export { lines })
    }

    /// The export as NDJSON text.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for l in &self.lines {
            s.push_str(&l.to_string());
            s.push('\n');
        }
        s
    }

    pub fn kind(v: &Value) -> LineKind {
        let Some(o) = v.as_object() else {
            return LineKind::Other;
        };
        if o.contains_key("meta") {
            return LineKind::Meta;
        }
        for (key, f) in [
            ("in", LineKind::Name as fn(u64) -> LineKind),
            ("il", LineKind::Level),
            ("ie", LineKind::Expr),
        ] {
            if let Some(i) = o.get(key).and_then(Value::as_u64) {
                return f(i);
            }
        }
        if DECL_TAGS.iter().any(|t| o.contains_key(*t)) {
            return LineKind::Decl;
        }
        LineKind::Other
    }

    /// Line numbers of the declarations.
    pub fn decl_lines(&self) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&i| Self::kind(&self.lines[i]) == LineKind::Decl)
            .collect()
    }

    /// `(line, index)` of every line of one table, in file order.
    pub fn table(&self, pick: fn(LineKind) -> Option<u64>) -> Vec<(usize, u64)> {
        (0..self.lines.len())
            .filter_map(|i| pick(Self::kind(&self.lines[i])).map(|k| (i, k)))
            .collect()
    }

    pub fn exprs(&self) -> Vec<(usize, u64)> {
        self.table(|k| match k {
            LineKind::Expr(i) => Some(i),
            _ => None,
        })
    }

    pub fn levels(&self) -> Vec<(usize, u64)> {
        self.table(|k| match k {
            LineKind::Level(i) => Some(i),
            _ => None,
        })
    }

    /// Names as dotted strings, by index.
    pub fn names(&self) -> FxHashMap<u64, String> {
        let mut out = FxHashMap::default();
        out.insert(0, String::new());
        for v in &self.lines {
            let LineKind::Name(i) = Self::kind(v) else {
                continue;
            };
            let (pre, last) = if let Some(s) = v.get("str") {
                (
                    s.get("pre"),
                    s.get("str").and_then(Value::as_str).map(str::to_owned),
                )
            } else if let Some(s) = v.get("num") {
                (s.get("pre"), s.get("i").map(|k| k.to_string()))
            } else {
                continue;
            };
            let pre = pre
                .and_then(Value::as_u64)
                .and_then(|p| out.get(&p).cloned())
                .unwrap_or_default();
            let last = last.unwrap_or_default();
            let full = if pre.is_empty() {
                last
            } else {
                format!("{pre}.{last}")
            };
            out.insert(i, full);
        }
        out
    }
}

/// The expression roots of a declaration line (types, values, rule sides).
pub(crate) fn decl_roots(v: &Value) -> Vec<u64> {
    let mut out = Vec::new();
    let mut push = |x: Option<&Value>| {
        if let Some(i) = x.and_then(Value::as_u64) {
            out.push(i);
        }
    };
    for tag in ["axiom", "def", "thm", "opaque", "quot"] {
        if let Some(d) = v.get(tag) {
            push(d.get("type"));
            push(d.get("value"));
        }
    }
    if let Some(d) = v.get("inductive") {
        for key in ["types", "ctors", "recs"] {
            for c in d.get(key).and_then(Value::as_array).into_iter().flatten() {
                push(c.get("type"));
                for r in c
                    .get("rules")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    push(r.get("rhs"));
                }
            }
        }
    }
    out
}

/// Names (indices) a declaration line introduces.
pub(crate) fn decl_defines(v: &Value) -> Vec<u64> {
    let mut out = Vec::new();
    for tag in ["axiom", "def", "thm", "opaque", "quot"] {
        if let Some(n) = v
            .get(tag)
            .and_then(|d| d.get("name"))
            .and_then(Value::as_u64)
        {
            out.push(n);
        }
    }
    if let Some(d) = v.get("inductive") {
        for key in ["types", "ctors", "recs"] {
            for c in d.get(key).and_then(Value::as_array).into_iter().flatten() {
                if let Some(n) = c.get("name").and_then(Value::as_u64) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// Expression lines by index, with what each refers to.
pub(crate) struct ExprIndex<'a> {
    pub by_index: FxHashMap<u64, &'a Value>,
}

impl<'a> ExprIndex<'a> {
    pub fn new(e: &'a Export) -> Self {
        let mut by_index = FxHashMap::default();
        for v in &e.lines {
            if let LineKind::Expr(i) = Export::kind(v) {
                by_index.entry(i).or_insert(v);
            }
        }
        ExprIndex { by_index }
    }

    /// Child expression indices of an expression line.
    pub fn children(v: &Value) -> Vec<u64> {
        let mut out = Vec::new();
        for (tag, keys) in EXPR_CHILDREN {
            if let Some(o) = v.get(*tag) {
                for k in *keys {
                    if let Some(i) = o.get(*k).and_then(Value::as_u64) {
                        out.push(i);
                    }
                }
            }
        }
        out
    }

    /// Every expression reachable from `roots` (each once).
    pub fn reach(&self, roots: &[u64], seen: &mut FxHashSet<u64>) {
        let mut todo: Vec<u64> = roots.to_vec();
        while let Some(i) = todo.pop() {
            if !seen.insert(i) {
                continue;
            }
            if let Some(v) = self.by_index.get(&i) {
                todo.extend(Self::children(v));
            }
        }
    }

    /// Constant names referenced by the expressions in `set`, and whether a
    /// Nat or String literal occurs (they imply declarations of the file).
    pub fn uses(&self, set: &FxHashSet<u64>) -> (FxHashSet<u64>, bool, bool) {
        let (mut names, mut nat, mut string) = (FxHashSet::default(), false, false);
        for i in set {
            let Some(v) = self.by_index.get(i) else {
                continue;
            };
            if let Some(n) = v
                .get("const")
                .and_then(|c| c.get("name"))
                .and_then(Value::as_u64)
            {
                names.insert(n);
            }
            if let Some(n) = v
                .get("proj")
                .and_then(|c| c.get("typeName"))
                .and_then(Value::as_u64)
            {
                names.insert(n);
            }
            nat |= v.get("natVal").is_some();
            string |= v.get("strVal").is_some();
        }
        (names, nat, string)
    }
}

//! Small semantic mutations of an export, each of the kind a hostile or
//! buggy producer writes: a subterm swapped for another of the file, a
//! universe level shifted (or rewritten into an equivalent form), a flag or
//! count flipped, a declaration's type or value replaced, a declaration
//! dropped, duplicated or moved. Every reference a mutation writes points to
//! a line defined earlier, so mutants are well-formed exports that the
//! kernel must judge, not reader errors.

use super::export::{EXPR_CHILDREN, Export, ExprIndex, LineKind, decl_roots};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};
use std::collections::HashSet;

const SHAPE_CHECKED: [&str; 6] = ["Eq", "Nat", "Bool", "Char", "List", "String"];

/// The mutation operators.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub(crate) enum Op {
    /// A child of an expression line replaced by an earlier expression.
    SwapSubterm,
    /// A declaration's type, value, constructor type or rule replaced.
    ReplaceDeclTerm,
    /// A level reference of a sort or constant replaced by another level.
    ShiftLevel,
    /// A level rewritten into an equal one (`l` to `imax 1 l`, `max l 0`, ...)
    /// in a term no inductive block or quotient declaration reads: the verdict
    /// must not change.
    EquivalentLevel,
    /// The sort an inductive type ends in rewritten into an equal one
    /// (`Sort 0` to `Sort (imax 1 0)`, ...): the verdict must not change.
    EquivalentResultSort,
    /// A boolean flag of a declaration flipped, or a definition's safety changed.
    FlipFlag,
    /// A count of an inductive block (params, indices, fields, minors...) moved by one.
    BumpCount,
    /// A declaration removed.
    DropDecl,
    /// A declaration repeated.
    DuplicateDecl,
    /// Two declarations exchanged.
    SwapDecls,
}

impl Op {
    pub const ALL: [Op; 10] = [
        Op::SwapSubterm,
        Op::ReplaceDeclTerm,
        Op::ShiftLevel,
        Op::EquivalentLevel,
        Op::EquivalentResultSort,
        Op::FlipFlag,
        Op::BumpCount,
        Op::DropDecl,
        Op::DuplicateDecl,
        Op::SwapDecls,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Op::SwapSubterm => "swap-subterm",
            Op::ReplaceDeclTerm => "replace-decl-term",
            Op::ShiftLevel => "shift-level",
            Op::EquivalentLevel => "equivalent-level",
            Op::EquivalentResultSort => "equivalent-sort",
            Op::FlipFlag => "flip-flag",
            Op::BumpCount => "bump-count",
            Op::DropDecl => "drop-decl",
            Op::DuplicateDecl => "duplicate-decl",
            Op::SwapDecls => "swap-decls",
        }
    }
}

fn pick<T: Clone>(rng: &mut ChaCha8Rng, xs: &[T]) -> Option<T> {
    (!xs.is_empty()).then(|| xs[rng.random_range(0..xs.len())].clone())
}

/// A random expression index defined on a line before `line`.
fn earlier(rng: &mut ChaCha8Rng, table: &[(usize, u64)], line: usize) -> Option<u64> {
    let n = table.partition_point(|&(l, _)| l < line);
    (n > 0).then(|| table[rng.random_range(0..n)].1)
}

/// Applies `op` to a copy of `e`; `None` when the export has nothing the
/// operator can change.
pub(crate) fn mutate(e: &Export, op: Op, rng: &mut ChaCha8Rng) -> Option<Export> {
    let mut m = e.clone();
    let decls = e.decl_lines();
    match op {
        Op::SwapSubterm => {
            let exprs = e.exprs();
            let with_children: Vec<usize> = exprs
                .iter()
                .map(|&(l, _)| l)
                .filter(|&l| !ExprIndex::children(&e.lines[l]).is_empty())
                .collect();
            let line = pick(rng, &with_children)?;
            let new = earlier(rng, &exprs, line)?;
            let v = &mut m.lines[line];
            let slots: Vec<(&str, &str)> = EXPR_CHILDREN
                .iter()
                .filter(|(t, _)| v.get(*t).is_some())
                .flat_map(|(t, ks)| ks.iter().map(move |k| (*t, *k)))
                .filter(|(t, k)| v[*t].get(*k).is_some())
                .collect();
            let (t, k) = pick(rng, &slots)?;
            if v[t][k] == json!(new) {
                return None;
            }
            v[t][k] = json!(new);
        }
        Op::ReplaceDeclTerm => {
            let line = pick(rng, &decls)?;
            let new = earlier(rng, &e.exprs(), line)?;
            let slot = term_slots(&m.lines[line]);
            let k = rng.random_range(0..slot.max(1));
            set_term_slot(&mut m.lines[line], k, new)?;
        }
        Op::ShiftLevel => {
            let levels = e.levels();
            let users = level_users(e, None);
            let (line, path) = pick_level_use(rng, &m, &users)?;
            let new = json!(earlier(rng, &levels, line).unwrap_or(0));
            let slot = level_slot(&mut m.lines[line], &path)?;
            if *slot == new {
                return None;
            }
            *slot = new;
        }
        Op::EquivalentLevel => {
            let index = ExprIndex::new(e);
            let mut inductive_terms = HashSet::new();
            for &l in &decls {
                // Derived data (blocks, quotient constants) must be identical to
                // the kernel's derivation, so a rewritten level there is refused
                // by design; only terms the kernel checks by meaning qualify.
                if e.lines[l].get("inductive").is_some() || e.lines[l].get("quot").is_some() {
                    index.reach(&decl_roots(&e.lines[l]), &mut inductive_terms);
                }
            }
            let users = level_users(e, Some(&inductive_terms));
            let (line, path) = pick_level_use(rng, &m, &users)?;
            let old = level_slot(&mut m.lines[line], &path)?.as_u64()?;
            let (lines, new) = equivalent_level(e, old, rng);
            *level_slot(&mut m.lines[line], &path)? = json!(new);
            m.lines.splice(line..line, lines);
        }
        Op::EquivalentResultSort => {
            let blocks: Vec<usize> = decls
                .iter()
                .copied()
                .filter(|&l| e.lines[l].get("inductive").is_some())
                .collect();
            let line = pick(rng, &blocks)?;
            let n = e.lines[line]["inductive"]["types"].as_array()?.len();
            let t = rng.random_range(0..n);
            // The types the kernel recognises by their exact shape before it
            // enables a rule for them (Lean's `Eq` check for quotients; our
            // literal extensions' `Nat`, `Bool`, `Char`, `List`, `String`).
            let names = e.names();
            let name = e.lines[line]["inductive"]["types"][t]["name"].as_u64();
            if name
                .and_then(|n| names.get(&n))
                .is_some_and(|s| SHAPE_CHECKED.contains(&s.as_str()))
            {
                return None;
            }
            let index = ExprIndex::new(e);
            // The chain of Pis down to the sort the type ends in.
            let mut chain = Vec::new();
            let mut cur = e.lines[line]["inductive"]["types"][t]["type"].as_u64()?;
            while let Some(f) = index.by_index.get(&cur)?.get("forallE") {
                chain.push(cur);
                cur = f["body"].as_u64()?;
            }
            let old = index.by_index.get(&cur)?.get("sort")?.as_u64()?;
            let (mut lines, level) = equivalent_level(e, old, rng);
            // A new sort and a new copy of the chain above it (the old nodes
            // may be shared with other terms, which must not change).
            let mut next_e = e.exprs().iter().map(|&(_, i)| i).max().unwrap_or(0) + 1;
            lines.push(json!({"ie": next_e, "sort": level}));
            for &p in chain.iter().rev() {
                let mut node = index.by_index.get(&p)?.get("forallE")?.clone();
                node["body"] = json!(next_e);
                next_e += 1;
                lines.push(json!({"ie": next_e, "forallE": node}));
            }
            m.lines[line]["inductive"]["types"][t]["type"] = json!(next_e);
            m.lines.splice(line..line, lines);
        }
        Op::FlipFlag => {
            let line = pick(rng, &decls)?;
            let flags = flag_paths(&m.lines[line]);
            let path = pick(rng, &flags)?;
            let v = at_path(&mut m.lines[line], &path)?;
            *v = match v {
                Value::Bool(b) => Value::Bool(!*b),
                Value::String(s) if s == "safe" => json!("unsafe"),
                Value::String(s) if s == "unsafe" => json!("partial"),
                Value::String(_) => json!("safe"),
                _ => return None,
            };
        }
        Op::BumpCount => {
            let line = pick(rng, &decls)?;
            let counts = count_paths(&m.lines[line]);
            let path = pick(rng, &counts)?;
            let v = at_path(&mut m.lines[line], &path)?;
            let n = v.as_u64()?;
            *v = json!(if n == 0 || rng.random_bool(0.5) {
                n + 1
            } else {
                n - 1
            });
        }
        Op::DropDecl => {
            let line = pick(rng, &decls)?;
            m.lines.remove(line);
        }
        Op::DuplicateDecl => {
            let line = pick(rng, &decls)?;
            let copy = m.lines[line].clone();
            m.lines.insert(line + 1, copy);
        }
        Op::SwapDecls => {
            let (a, b) = (pick(rng, &decls)?, pick(rng, &decls)?);
            if m.lines[a] == m.lines[b] {
                return None;
            }
            m.lines.swap(a, b);
        }
    }
    Some(m)
}

/// Level lines defining a level equal to `old` for every assignment, and
/// its index: `imax 1 l`, `max l 0`, `max 0 l`, `max l l` or `imax l l`.
fn equivalent_level(e: &Export, old: u64, rng: &mut ChaCha8Rng) -> (Vec<Value>, u64) {
    let next = e.levels().iter().map(|&(_, i)| i).max().unwrap_or(0) + 1;
    let one = json!({"il": next, "succ": 0});
    let form = match rng.random_range(0..5) {
        0 => json!({"il": next + 1, "imax": [next, old]}),
        1 => json!({"il": next + 1, "max": [old, 0]}),
        2 => json!({"il": next + 1, "max": [0, old]}),
        3 => json!({"il": next + 1, "max": [old, old]}),
        _ => json!({"il": next + 1, "imax": [old, old]}),
    };
    (vec![one, form], next + 1)
}

/// A JSON path: object keys and array positions.
#[derive(Clone, Debug)]
pub(crate) enum Step {
    Key(&'static str),
    Pos(usize),
}

fn at_path<'v>(v: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let mut cur = v;
    for s in path {
        cur = match s {
            Step::Key(k) => cur.get_mut(*k)?,
            Step::Pos(i) => cur.get_mut(*i)?,
        };
    }
    Some(cur)
}

/// The inner object of a declaration line, with its tag.
fn decl_body(v: &Value) -> Option<(&'static str, &Value)> {
    ["axiom", "def", "thm", "opaque", "quot", "inductive"]
        .into_iter()
        .find_map(|t| v.get(t).map(|b| (t, b)))
}

/// The entries of a block (`types`, `ctors`, `recs`), each with its path.
fn block_entries(body: &Value) -> Vec<(Vec<Step>, &Value)> {
    let mut out = Vec::new();
    for key in ["types", "ctors", "recs"] {
        for (i, c) in body
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            out.push((
                vec![Step::Key("inductive"), Step::Key(key), Step::Pos(i)],
                c,
            ));
        }
    }
    out
}

/// Paths of the rules of a block entry.
fn rule_paths(base: &[Step], c: &Value, field: &'static str) -> Vec<Vec<Step>> {
    let n = c.get("rules").and_then(Value::as_array).map_or(0, Vec::len);
    (0..n)
        .map(|j| {
            let mut p = base.to_vec();
            p.extend([Step::Key("rules"), Step::Pos(j), Step::Key(field)]);
            p
        })
        .collect()
}

/// Paths of the keys in `keys` that a declaration has, in its body or in
/// each entry of a block, plus the given field of each recursor rule.
fn field_paths(
    v: &Value,
    keys: &[&'static str],
    rule_field: Option<&'static str>,
) -> Vec<Vec<Step>> {
    let Some((tag, body)) = decl_body(v) else {
        return Vec::new();
    };
    let with = |base: &[Step], obj: &Value| -> Vec<Vec<Step>> {
        let mut out: Vec<Vec<Step>> = keys
            .iter()
            .filter(|k| obj.get(**k).is_some())
            .map(|k| {
                let mut p = base.to_vec();
                p.push(Step::Key(k));
                p
            })
            .collect();
        if let Some(f) = rule_field {
            out.extend(rule_paths(base, obj, f));
        }
        out
    };
    if tag != "inductive" {
        return with(&[Step::Key(tag)], body);
    }
    block_entries(body)
        .into_iter()
        .flat_map(|(base, c)| with(&base, c))
        .collect()
}

/// Paths of the term references of a declaration (types, values, rule sides).
fn term_paths(v: &Value) -> Vec<Vec<Step>> {
    field_paths(v, &["type", "value"], Some("rhs"))
}

fn term_slots(v: &Value) -> usize {
    term_paths(v).len()
}

fn set_term_slot(v: &mut Value, k: usize, new: u64) -> Option<()> {
    let path = term_paths(v).into_iter().nth(k)?;
    let slot = at_path(v, &path)?;
    (*slot != json!(new)).then(|| *slot = json!(new))
}

/// Paths of the boolean flags and safety of a declaration.
fn flag_paths(v: &Value) -> Vec<Vec<Step>> {
    field_paths(
        v,
        &["isUnsafe", "k", "isRec", "isReflexive", "safety"],
        None,
    )
}

/// Paths of the counts of an inductive block.
fn count_paths(v: &Value) -> Vec<Vec<Step>> {
    if v.get("inductive").is_none() {
        return Vec::new();
    }
    const COUNTS: [&str; 7] = [
        "numParams",
        "numIndices",
        "numNested",
        "numFields",
        "cidx",
        "numMotives",
        "numMinors",
    ];
    field_paths(v, &COUNTS, Some("nfields"))
}

/// Expression lines that refer to a level (sorts, constants with levels),
/// optionally leaving out the expressions in `skip`.
fn level_users(e: &Export, skip: Option<&HashSet<u64>>) -> Vec<usize> {
    (0..e.lines.len())
        .filter(|&l| match Export::kind(&e.lines[l]) {
            LineKind::Expr(i) => {
                skip.is_none_or(|s| !s.contains(&i))
                    && (e.lines[l].get("sort").is_some()
                        || e.lines[l]["const"]["us"]
                            .as_array()
                            .is_some_and(|u| !u.is_empty()))
            }
            _ => false,
        })
        .collect()
}

fn pick_level_use(rng: &mut ChaCha8Rng, m: &Export, users: &[usize]) -> Option<(usize, Vec<Step>)> {
    let line = pick(rng, users)?;
    let v = &m.lines[line];
    let path = if v.get("sort").is_some() {
        vec![Step::Key("sort")]
    } else {
        let n = v["const"]["us"].as_array()?.len();
        vec![
            Step::Key("const"),
            Step::Key("us"),
            Step::Pos(rng.random_range(0..n)),
        ]
    };
    Some((line, path))
}

fn level_slot<'v>(v: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    at_path(v, path)
}

//! The typed fast path for the lines that make up almost all of an export:
//! names, levels and expressions. They are parsed straight into a struct
//! (numbers and borrowed strings), where a generic JSON value builds a map
//! with an allocated key per field; on `Init.Prelude` that was about a
//! quarter of a whole check.
//!
//! The commonest shapes are first tried by a byte scanner (`scan.rs`).
//!
//! The fast path only ever agrees with the general one: any line it cannot
//! take exactly (a meta line, a declaration, a field of another type, a
//! duplicate key, an escaped string where a borrowed one is expected, a
//! `null`, which serde would read as an absent key) comes back as `None`
//! and the general path reads it and reports its errors.

use super::Kind;
use super::scan::Scanned;
use super::table::Indices;
use crate::expr::{ExprId, ExprNode};
use crate::level::{LevelId, LevelNode};
use crate::name::NameId;
use crate::store::TermStore;
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::borrow::Cow;

/// A line's fields as the general path asks for them (`o.get(key)`); a
/// key the line lacks is `None`.
#[derive(Deserialize)]
struct Line<'a> {
    meta: Option<IgnoredAny>,
    #[serde(rename = "in")]
    name_index: Option<u64>,
    il: Option<u64>,
    ie: Option<u64>,
    #[serde(borrow)]
    str: Option<NameStr<'a>>,
    num: Option<NameNum>,
    succ: Option<u64>,
    max: Option<[u64; 2]>,
    imax: Option<[u64; 2]>,
    param: Option<u64>,
    bvar: Option<u64>,
    sort: Option<u64>,
    #[serde(rename = "const")]
    constant: Option<Const>,
    app: Option<App>,
    lam: Option<Binder>,
    #[serde(rename = "forallE")]
    forall: Option<Binder>,
    #[serde(rename = "letE")]
    let_: Option<Let>,
    proj: Option<Proj>,
    #[serde(rename = "natVal")]
    nat_val: Option<&'a str>,
    #[serde(rename = "strVal", borrow)]
    str_val: Option<Cow<'a, str>>,
    mdata: Option<MData>,
}

#[derive(Deserialize)]
struct NameStr<'a> {
    pre: u64,
    #[serde(borrow)]
    str: Cow<'a, str>,
}

#[derive(Deserialize)]
struct NameNum {
    pre: u64,
    i: u64,
}

#[derive(Deserialize)]
struct Const {
    name: u64,
    us: Vec<u64>,
}

#[derive(Deserialize)]
struct App {
    #[serde(rename = "fn")]
    f: u64,
    arg: u64,
}

#[derive(Deserialize)]
struct Binder {
    name: u64,
    #[serde(rename = "type")]
    ty: u64,
    body: u64,
}

#[derive(Deserialize)]
struct Let {
    #[serde(rename = "type")]
    ty: u64,
    value: u64,
    body: u64,
}

#[derive(Deserialize)]
struct Proj {
    #[serde(rename = "typeName")]
    type_name: u64,
    idx: u64,
    #[serde(rename = "struct")]
    strukt: u64,
}

#[derive(Deserialize)]
struct MData {
    expr: u64,
}

impl Indices {
    /// Reads a name, level or expression line after the meta line.
    /// `None`: not a line this path takes; the general path reads it.
    /// `Some(Err)`: a line this path took, with the general path's error.
    pub(crate) fn fast_line(&mut self, st: &mut TermStore, text: &str) -> Option<Result<(), Kind>> {
        if let Some(line) = super::scan::scan(text) {
            return Some(self.scanned(st, line));
        }
        // Serde reads a `null` as an absent key: such a line (or one with
        // the word in a string) is the general path's, which refuses nulls.
        if text.contains("null") {
            return None;
        }
        let l: Line<'_> = serde_json::from_str(text).ok()?;
        if l.meta.is_some() {
            return None;
        }
        let r = if let Some(i) = l.name_index {
            self.fast_name(st, &l)
                .and_then(|n| self.names.define("in", i, n))
        } else if let Some(i) = l.il {
            self.fast_level(st, &l)
                .and_then(|v| self.levels.define("il", i, v))
        } else if let Some(i) = l.ie {
            self.fast_expr(st, &l)
                .and_then(|e| self.exprs.define("ie", i, e))
        } else {
            return None;
        };
        Some(r)
    }

    /// A scanned line, read as `fast_expr` reads the same fields.
    fn scanned(&mut self, st: &mut TermStore, line: Scanned) -> Result<(), Kind> {
        let (ie, e) = match line {
            Scanned::App { ie, f, arg } => {
                let (f, x) = (self.expr_at(f)?, self.expr_at(arg)?);
                (ie, st.app(f, x))
            }
            Scanned::Binder {
                ie,
                lam,
                name,
                ty,
                body,
            } => {
                let (t, b) = (self.expr_at(ty)?, self.expr_at(body)?);
                self.name_at(name)?;
                (ie, if lam { st.lam(t, b) } else { st.pi(t, b) })
            }
        };
        self.exprs.define("ie", ie, e)
    }

    fn fast_name(&self, st: &mut TermStore, l: &Line<'_>) -> Result<NameId, Kind> {
        if let Some(s) = &l.str {
            let pre = self.name_at(s.pre)?;
            return Ok(st.names.str(pre, &s.str));
        }
        if let Some(s) = &l.num {
            let pre = self.name_at(s.pre)?;
            return Ok(st.names.num(pre, s.i));
        }
        Err(Kind::UnknownTag)
    }

    fn fast_level(&self, st: &mut TermStore, l: &Line<'_>) -> Result<LevelId, Kind> {
        if let Some(a) = l.succ {
            let a = self.level_at(a)?;
            return Ok(st.levels.mk(LevelNode::Succ(a)));
        }
        if let Some([a, b]) = l.max {
            let (a, b) = (self.level_at(a)?, self.level_at(b)?);
            return Ok(st.levels.mk(LevelNode::Max(a, b)));
        }
        if let Some([a, b]) = l.imax {
            let (a, b) = (self.level_at(a)?, self.level_at(b)?);
            return Ok(st.levels.mk(LevelNode::IMax(a, b)));
        }
        if let Some(p) = l.param {
            let n = self.name_at(p)?;
            return Ok(st.levels.param(n));
        }
        Err(Kind::UnknownTag)
    }

    fn fast_expr(&self, st: &mut TermStore, l: &Line<'_>) -> Result<ExprId, Kind> {
        if let Some(i) = l.bvar {
            if i >= u32::MAX as u64 / 2 {
                return Err(Kind::Field("bvar"));
            }
            return Ok(st.bvar(i as u32));
        }
        if let Some(v) = l.sort {
            let lv = self.level_at(v)?;
            return Ok(st.sort(lv));
        }
        if let Some(c) = &l.constant {
            let n = self.name_at(c.name)?;
            let ls: Vec<LevelId> =
                c.us.iter()
                    .map(|&u| self.level_at(u))
                    .collect::<Result<_, _>>()?;
            return Ok(st.cnst(n, &ls));
        }
        if let Some(a) = &l.app {
            let (f, x) = (self.expr_at(a.f)?, self.expr_at(a.arg)?);
            return Ok(st.app(f, x));
        }
        if let Some(b) = &l.lam {
            let (t, body) = (self.expr_at(b.ty)?, self.expr_at(b.body)?);
            self.name_at(b.name)?;
            return Ok(st.lam(t, body));
        }
        if let Some(b) = &l.forall {
            let (t, body) = (self.expr_at(b.ty)?, self.expr_at(b.body)?);
            self.name_at(b.name)?;
            return Ok(st.pi(t, body));
        }
        if let Some(v) = &l.let_ {
            let t = self.expr_at(v.ty)?;
            let val = self.expr_at(v.value)?;
            let b = self.expr_at(v.body)?;
            return Ok(st.mk(ExprNode::Let(t, val, b)));
        }
        if let Some(p) = &l.proj {
            let s = self.name_at(p.type_name)?;
            if p.idx > u32::MAX as u64 {
                return Err(Kind::Field("idx"));
            }
            let e = self.expr_at(p.strukt)?;
            return Ok(st.mk(ExprNode::Proj(s, p.idx as u32, e)));
        }
        if let Some(s) = l.nat_val {
            let n = crate::literal::parse_nat(s).map_err(|e| Kind::Invalid(e.to_string()))?;
            return Ok(st.nat_lit(n));
        }
        if let Some(s) = &l.str_val {
            return Ok(st.str_lit(s));
        }
        if let Some(m) = &l.mdata {
            return self.expr_at(m.expr);
        }
        Err(Kind::UnknownTag)
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::{Scanned, scan};
    use super::Line;

    /// What the typed parser reads from a line, in the scanner's terms.
    fn typed(text: &str) -> Option<Scanned> {
        let l: Line<'_> = serde_json::from_str(text).ok()?;
        let ie = l.ie?;
        if let Some(a) = l.app {
            return Some(Scanned::App {
                ie,
                f: a.f,
                arg: a.arg,
            });
        }
        let (lam, b) = match (l.lam, l.forall) {
            (Some(b), None) => (true, b),
            (None, Some(b)) => (false, b),
            _ => return None,
        };
        Some(Scanned::Binder {
            ie,
            lam,
            name: b.name,
            ty: b.ty,
            body: b.body,
        })
    }

    /// Whatever the scanner takes, the typed parser reads the same way.
    #[test]
    fn the_scanner_agrees_with_the_typed_parser() {
        let nums = [0u64, 1, 9, 10, 99, 100, 123_456, u64::MAX];
        let infos = ["default", "implicit", "strictImplicit", "instImplicit"];
        let mut seen = 0;
        for &a in &nums {
            for &b in &nums {
                for &c in &nums {
                    let mut lines =
                        vec![format!("{{\"app\":{{\"arg\":{a},\"fn\":{b}}},\"ie\":{c}}}")];
                    for info in infos {
                        let f = format!(
                            "{{\"binderInfo\":\"{info}\",\"body\":{a},\"name\":{b},\"type\":{c}}}"
                        );
                        lines.push(format!("{{\"forallE\":{f},\"ie\":{a}}}"));
                        lines.push(format!("{{\"ie\":{b},\"lam\":{f}}}\n"));
                    }
                    for line in lines {
                        let s = scan(&line);
                        assert!(s.is_some(), "{line}");
                        assert_eq!(s, typed(&line), "{line}");
                        seen += 1;
                    }
                }
            }
        }
        assert_eq!(seen, 512 * 9);
    }
}

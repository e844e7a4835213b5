//! A small Lean-like term syntax for declaring the prelude through the kernel.
//!
//! Grammar (binder names are resolved to de Bruijn indices; binder kinds
//! `()`, `{}`, `[]` are accepted and dropped, as the kernel drops them):
//!
//! ```text
//! term  := 'fun' binder+ '=>' term | binder '->' term | app ('->' term)?
//!        | 'let' ident ':' term ':=' term ';' term
//! binder:= '(' ident ':' term ')' | '{' ... '}' | '[' ... ']'
//! app   := atom atom*
//! atom  := ident ('.{' level, ... '}')? | 'Sort' latom | 'Prop' | 'Type'
//!        | nat | 'proj' ident nat atom | '(' term ')'
//! level := 'max' latom latom | 'imax' latom latom | latom ('+' nat)?
//! latom := nat | ident | '(' level ')'
//! ```
//!
//! Levels are built exactly as written (no simplification), so a term
//! written like Lean's elaborated one interns to the same id. In names, a
//! component made only of digits is a numeric component (Lean's private
//! names such as `_private.Init.Prelude.0.Foo`).

use proofgate_kernel::UBig;
use proofgate_kernel::level::LevelNode;
use proofgate_kernel::{ExprId, ExprNode, LevelId, NameId, TermStore};
use thiserror::Error;

/// A term that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("term syntax error at byte {at}: {message} (in `{snippet}`)")]
pub struct DslError {
    /// Byte offset of the problem.
    pub at: usize,
    /// What was expected.
    pub message: String,
    /// The text around the problem.
    pub snippet: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Num(u64),
    Sym(&'static str),
}

fn lex(src: &str) -> Result<Vec<(usize, Tok)>, DslError> {
    const SYMS: [&str; 14] = [
        "=>", "->", ".{", ":=", "(", ")", "{", "}", "[", "]", ":", ",", "+", ";",
    ];
    let mut out = Vec::new();
    let b = src.as_bytes();
    let mut i = 0;
    'outer: while i < b.len() {
        let c = src[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        for s in SYMS {
            if src[i..].starts_with(s) {
                out.push((i, Tok::Sym(s)));
                i += s.len();
                continue 'outer;
            }
        }
        if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let n = src[start..i]
                .parse()
                .map_err(|_| err(src, start, "number too large"))?;
            out.push((start, Tok::Num(n)));
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while let Some(ch) = src[i..].chars().next() {
                let dot_ident = ch == '.' && !src[i..].starts_with(".{");
                if ch.is_alphanumeric() || ch == '_' || ch == '\'' || dot_ident {
                    i += ch.len_utf8();
                } else {
                    break;
                }
            }
            out.push((start, Tok::Ident(src[start..i].to_owned())));
            continue;
        }
        return Err(err(src, i, "unexpected character"));
    }
    Ok(out)
}

fn err(src: &str, at: usize, message: &str) -> DslError {
    let lo = src[..at].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let hi = src[at..]
        .char_indices()
        .nth(30)
        .map_or(src.len(), |(i, _)| at + i);
    DslError {
        at,
        message: message.to_owned(),
        snippet: src[lo..hi].to_owned(),
    }
}

/// Interns a dotted name; all-digit components are numeric.
pub fn name_of(st: &mut TermStore, dotted: &str) -> NameId {
    dotted
        .split('.')
        .fold(NameId::ANONYMOUS, |p, c| match c.parse::<u64>() {
            Ok(k) if !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()) => st.names.num(p, k),
            _ => st.names.str(p, c),
        })
}

/// Parses terms into a kernel term store.
pub struct Parser<'a> {
    src: &'a str,
    toks: Vec<(usize, Tok)>,
    pos: usize,
    locals: Vec<String>,
    level_params: &'a [String],
    st: &'a mut TermStore,
}

/// Parses one closed term whose universe parameters are `level_params`.
pub fn parse_term(
    st: &mut TermStore,
    level_params: &[String],
    src: &str,
) -> Result<ExprId, DslError> {
    let toks = lex(src)?;
    let mut p = Parser {
        src,
        toks,
        pos: 0,
        locals: Vec::new(),
        level_params,
        st,
    };
    let t = p.term()?;
    if p.pos != p.toks.len() {
        return Err(p.error("trailing input"));
    }
    Ok(t)
}

impl Parser<'_> {
    fn error(&self, message: &str) -> DslError {
        let at = self.toks.get(self.pos).map_or(self.src.len(), |t| t.0);
        err(self.src, at, message)
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.1)
    }

    fn is_sym(&self, s: &str) -> bool {
        matches!(self.peek(), Some(Tok::Sym(x)) if *x == s)
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(x)) if x == w)
    }

    fn expect(&mut self, s: &str) -> Result<(), DslError> {
        if self.is_sym(s) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{s}`")))
        }
    }

    fn ident(&mut self) -> Result<String, DslError> {
        match self.peek() {
            Some(Tok::Ident(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            _ => Err(self.error("expected an identifier")),
        }
    }

    fn num(&mut self) -> Result<u64, DslError> {
        match self.peek() {
            Some(Tok::Num(n)) => {
                let n = *n;
                self.pos += 1;
                Ok(n)
            }
            _ => Err(self.error("expected a number")),
        }
    }

    fn at_binder(&self) -> bool {
        let open = ["(", "{", "["].iter().any(|s| self.is_sym(s));
        open && matches!(self.toks.get(self.pos + 1), Some((_, Tok::Ident(_))))
            && matches!(self.toks.get(self.pos + 2), Some((_, Tok::Sym(":"))))
    }

    /// `(x : T)` and its implicit/instance forms: the name and type.
    fn binder(&mut self) -> Result<(String, ExprId), DslError> {
        let close = match self.peek() {
            Some(Tok::Sym("(")) => ")",
            Some(Tok::Sym("{")) => "}",
            Some(Tok::Sym("[")) => "]",
            _ => return Err(self.error("expected a binder")),
        };
        self.pos += 1;
        let name = self.ident()?;
        self.expect(":")?;
        let ty = self.term()?;
        self.expect(close)?;
        Ok((name, ty))
    }

    fn term(&mut self) -> Result<ExprId, DslError> {
        if self.is_word("let") {
            self.pos += 1;
            let name = self.ident()?;
            self.expect(":")?;
            let ty = self.term()?;
            self.expect(":=")?;
            let value = self.term()?;
            self.expect(";")?;
            self.locals.push(name);
            let body = self.term();
            self.locals.pop();
            return Ok(self.st.mk(ExprNode::Let(ty, value, body?)));
        }
        if self.is_word("fun") {
            self.pos += 1;
            let mut binders = Vec::new();
            while !self.is_sym("=>") {
                let (n, t) = self.binder()?;
                self.locals.push(n);
                binders.push(t);
            }
            self.pos += 1;
            let mut body = self.term()?;
            for t in binders.into_iter().rev() {
                self.locals.pop();
                body = self.st.lam(t, body);
            }
            return Ok(body);
        }
        if self.at_binder() {
            let (n, t) = self.binder()?;
            self.expect("->")?;
            self.locals.push(n);
            let body = self.term();
            self.locals.pop();
            return Ok(self.st.pi(t, body?));
        }
        let lhs = self.app()?;
        if self.is_sym("->") {
            self.pos += 1;
            // A non-dependent arrow: the body sees one more (unused) binder.
            self.locals.push(String::new());
            let body = self.term();
            self.locals.pop();
            return Ok(self.st.pi(lhs, body?));
        }
        Ok(lhs)
    }

    fn starts_atom(&self) -> bool {
        match self.peek() {
            Some(Tok::Num(_)) => true,
            Some(Tok::Ident(w)) => w != "fun" && w != "let",
            Some(Tok::Sym("(")) => !self.at_binder(),
            _ => false,
        }
    }

    fn app(&mut self) -> Result<ExprId, DslError> {
        let mut f = self.atom()?;
        while self.starts_atom() {
            let a = self.atom()?;
            f = self.st.app(f, a);
        }
        Ok(f)
    }

    fn atom(&mut self) -> Result<ExprId, DslError> {
        match self.peek().cloned() {
            Some(Tok::Num(n)) => {
                self.pos += 1;
                Ok(self.st.nat_lit(UBig::from(n)))
            }
            Some(Tok::Sym("(")) => {
                self.pos += 1;
                let t = self.term()?;
                self.expect(")")?;
                Ok(t)
            }
            Some(Tok::Ident(w)) => {
                self.pos += 1;
                match w.as_str() {
                    "Sort" => {
                        let l = self.latom()?;
                        Ok(self.st.sort(l))
                    }
                    "Prop" => Ok(self.st.sort(LevelId::ZERO)),
                    "Type" => {
                        let one = self.st.levels.succ(LevelId::ZERO);
                        Ok(self.st.sort(one))
                    }
                    "proj" => {
                        let s = self.ident()?;
                        let idx = self.num()?;
                        let idx = u32::try_from(idx).map_err(|_| self.error("index too large"))?;
                        let e = self.atom()?;
                        let n = name_of(self.st, &s);
                        Ok(self.st.mk(ExprNode::Proj(n, idx, e)))
                    }
                    _ => self.name_ref(&w),
                }
            }
            _ => Err(self.error("expected a term")),
        }
    }

    fn name_ref(&mut self, w: &str) -> Result<ExprId, DslError> {
        if let Some(i) = self.locals.iter().rev().position(|l| l == w) {
            return Ok(self.st.bvar(i as u32));
        }
        let mut levels = Vec::new();
        if self.is_sym(".{") {
            self.pos += 1;
            loop {
                levels.push(self.level()?);
                if self.is_sym(",") {
                    self.pos += 1;
                } else {
                    break;
                }
            }
            self.expect("}")?;
        }
        let n = name_of(self.st, w);
        Ok(self.st.cnst(n, &levels))
    }

    fn level(&mut self) -> Result<LevelId, DslError> {
        for (w, max) in [("max", true), ("imax", false)] {
            if self.is_word(w) {
                self.pos += 1;
                let a = self.latom()?;
                let b = self.latom()?;
                let node = if max {
                    LevelNode::Max(a, b)
                } else {
                    LevelNode::IMax(a, b)
                };
                return Ok(self.st.levels.mk(node));
            }
        }
        let mut l = self.latom()?;
        if self.is_sym("+") {
            self.pos += 1;
            for _ in 0..self.num()? {
                l = self.st.levels.succ(l);
            }
        }
        Ok(l)
    }

    fn latom(&mut self) -> Result<LevelId, DslError> {
        match self.peek().cloned() {
            Some(Tok::Num(n)) => {
                self.pos += 1;
                let mut l = LevelId::ZERO;
                for _ in 0..n {
                    l = self.st.levels.succ(l);
                }
                Ok(l)
            }
            Some(Tok::Ident(w)) if self.level_params.contains(&w) => {
                self.pos += 1;
                let n: NameId = self.st.names.dotted(&w);
                Ok(self.st.levels.param(n))
            }
            Some(Tok::Sym("(")) => {
                self.pos += 1;
                let l = self.level()?;
                self.expect(")")?;
                Ok(l)
            }
            _ => Err(self.error("expected a universe level")),
        }
    }
}

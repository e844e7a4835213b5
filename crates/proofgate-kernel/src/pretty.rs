//! A small, depth-bounded printer of terms for messages and debugging.

use crate::expr::{ExprId, ExprNode};
use crate::level::{LevelId, LevelNode};
use crate::store::TermStore;
use std::fmt::Write as _;

impl TermStore {
    /// Renders a level.
    pub fn level_string(&self, l: LevelId) -> String {
        match self.levels.node(l) {
            LevelNode::Zero => "0".into(),
            LevelNode::Succ(a) => format!("{}+1", self.level_string(a)),
            LevelNode::Max(a, b) => {
                format!("(max {} {})", self.level_string(a), self.level_string(b))
            }
            LevelNode::IMax(a, b) => {
                format!("(imax {} {})", self.level_string(a), self.level_string(b))
            }
            LevelNode::Param(n) => self.names.display(n),
        }
    }

    /// Renders a term, eliding below `depth` levels of nesting.
    pub fn term_string(&self, e: ExprId, depth: u32) -> String {
        let mut out = String::new();
        self.write_term(&mut out, e, depth);
        out
    }

    fn write_term(&self, out: &mut String, e: ExprId, depth: u32) {
        if depth == 0 {
            out.push('…');
            return;
        }
        let d = depth - 1;
        match self.node(e) {
            ExprNode::BVar(i) => {
                let _ = write!(out, "#{i}");
            }
            ExprNode::FVar(i) => {
                let _ = write!(out, "x{i}");
            }
            ExprNode::Sort(l) => {
                let _ = write!(out, "Sort {}", self.level_string(l));
            }
            ExprNode::Const(n, ls) => {
                out.push_str(&self.names.display(n));
                let ls = self.levels_of(ls);
                if !ls.is_empty() {
                    let parts: Vec<String> = ls.iter().map(|l| self.level_string(*l)).collect();
                    let _ = write!(out, ".{{{}}}", parts.join(", "));
                }
            }
            ExprNode::App(..) => {
                let (h, args) = self.spine(e);
                out.push('(');
                self.write_term(out, h, d);
                for a in args {
                    out.push(' ');
                    self.write_term(out, a, d);
                }
                out.push(')');
            }
            ExprNode::Lam(t, b) | ExprNode::Pi(t, b) => {
                out.push_str(if matches!(self.node(e), ExprNode::Lam(..)) {
                    "(λ "
                } else {
                    "(Π "
                });
                self.write_term(out, t, d);
                out.push_str(", ");
                self.write_term(out, b, d);
                out.push(')');
            }
            ExprNode::Let(t, v, b) => {
                out.push_str("(let ");
                self.write_term(out, t, d);
                out.push_str(" := ");
                self.write_term(out, v, d);
                out.push_str("; ");
                self.write_term(out, b, d);
                out.push(')');
            }
            ExprNode::Proj(s, i, x) => {
                self.write_term(out, x, d);
                let _ = write!(out, ".{}#{i}", self.names.display(s));
            }
            ExprNode::NatLit(l) => {
                let _ = write!(out, "{}", self.nat(l));
            }
            ExprNode::StrLit(l) => {
                let _ = write!(out, "{:?}", self.string(l));
            }
        }
    }
}

//! Hierarchical names (`Nat.succ`, `_private.3`), interned so that equality is
//! an integer compare.

use rustc_hash::FxHashMap;
use std::fmt::Write as _;

/// An interned name. `NameId::ANONYMOUS` is the empty name.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct NameId(pub(crate) u32);

impl NameId {
    /// The anonymous (empty) name, the root of every hierarchical name.
    pub const ANONYMOUS: NameId = NameId(0);
}

/// One component of a hierarchical name.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum NameNode {
    /// The empty name.
    Anonymous,
    /// `prefix.s`
    Str(NameId, Box<str>),
    /// `prefix.k`
    Num(NameId, u64),
}

/// The name interning table.
#[derive(Debug)]
pub struct NameTable {
    nodes: Vec<NameNode>,
    map: FxHashMap<NameNode, NameId>,
}

impl Default for NameTable {
    fn default() -> Self {
        let mut map = FxHashMap::default();
        map.insert(NameNode::Anonymous, NameId::ANONYMOUS);
        NameTable {
            nodes: vec![NameNode::Anonymous],
            map,
        }
    }
}

impl NameTable {
    fn intern(&mut self, node: NameNode) -> NameId {
        if let Some(&id) = self.map.get(&node) {
            return id;
        }
        let id = NameId(self.nodes.len() as u32);
        self.nodes.push(node.clone());
        self.map.insert(node, id);
        id
    }

    /// `prefix.s`
    pub fn str(&mut self, prefix: NameId, s: &str) -> NameId {
        self.intern(NameNode::Str(prefix, s.into()))
    }

    /// `prefix.k`
    pub fn num(&mut self, prefix: NameId, k: u64) -> NameId {
        self.intern(NameNode::Num(prefix, k))
    }

    /// Interns a dotted name such as `Nat.succ` (string components only).
    pub fn dotted(&mut self, s: &str) -> NameId {
        s.split('.').fold(NameId::ANONYMOUS, |p, c| self.str(p, c))
    }

    /// A dotted name if it was interned, without interning it.
    pub fn find_dotted(&self, s: &str) -> Option<NameId> {
        s.split('.')
            .try_fold(NameId::ANONYMOUS, |p, c| self.find_str(p, c))
    }

    /// `prefix.s` if it was interned, without interning it.
    pub fn find_str(&self, prefix: NameId, s: &str) -> Option<NameId> {
        self.map.get(&NameNode::Str(prefix, s.into())).copied()
    }

    /// The node of a name.
    pub fn node(&self, n: NameId) -> &NameNode {
        &self.nodes[n.0 as usize]
    }

    /// Number of names interned.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether only the anonymous name exists.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() == 1
    }

    /// The prefix of a name (anonymous for the anonymous name).
    pub fn prefix(&self, n: NameId) -> NameId {
        match self.node(n) {
            NameNode::Anonymous => NameId::ANONYMOUS,
            NameNode::Str(p, _) | NameNode::Num(p, _) => *p,
        }
    }

    /// Appends `_suffix` to the last string component (Lean's `append_after`),
    /// as used for `motive_1` or `rec_2`.
    pub fn append_after(&mut self, n: NameId, suffix: &str) -> NameId {
        match self.node(n).clone() {
            NameNode::Str(p, s) => {
                let joined = format!("{s}{suffix}");
                self.str(p, &joined)
            }
            _ => self.str(n, suffix),
        }
    }

    /// Replaces the prefix `old` of `n` with `new` (Lean's `replace_prefix`);
    /// `n` itself if `old` is not a prefix. Iterative: names may be deep.
    pub fn replace_prefix(&mut self, n: NameId, old: NameId, new: NameId) -> NameId {
        let mut parts = Vec::new();
        let mut cur = n;
        while cur != old {
            match self.node(cur).clone() {
                NameNode::Anonymous => return n,
                part @ (NameNode::Str(p, _) | NameNode::Num(p, _)) => {
                    parts.push(part);
                    cur = p;
                }
            }
        }
        let mut out = new;
        for part in parts.into_iter().rev() {
            out = match part {
                NameNode::Str(_, s) => self.str(out, &s),
                NameNode::Num(_, k) => self.num(out, k),
                NameNode::Anonymous => out,
            };
        }
        out
    }

    /// Orders names by their components (numbers before strings), as
    /// text, not by when they were interned: an order that is the same in
    /// every history of the table.
    pub fn compare(&self, a: NameId, b: NameId) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        if a == b {
            return Ordering::Equal;
        }
        let parts = |mut n: NameId| {
            let mut v = Vec::new();
            while n != NameId::ANONYMOUS {
                v.push(n);
                n = self.prefix(n);
            }
            v.reverse();
            v
        };
        let (pa, pb) = (parts(a), parts(b));
        for (&x, &y) in pa.iter().zip(&pb) {
            let o = match (self.node(x), self.node(y)) {
                (NameNode::Str(_, s), NameNode::Str(_, t)) => s.cmp(t),
                (NameNode::Num(_, i), NameNode::Num(_, j)) => i.cmp(j),
                (NameNode::Num(..), _) => Ordering::Less,
                (_, NameNode::Num(..)) => Ordering::Greater,
                _ => Ordering::Equal,
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        pa.len().cmp(&pb.len())
    }

    /// The dotted rendering of a name, for messages.
    pub fn display(&self, n: NameId) -> String {
        let mut parts = Vec::new();
        let mut cur = n;
        // Names are built bottom-up from earlier names, so this walk terminates.
        while let NameNode::Str(p, _) | NameNode::Num(p, _) = self.node(cur) {
            parts.push(cur);
            cur = *p;
        }
        let mut out = String::new();
        for (i, part) in parts.iter().rev().enumerate() {
            if i > 0 {
                out.push('.');
            }
            match self.node(*part) {
                NameNode::Str(_, s) => out.push_str(s),
                NameNode::Num(_, k) => {
                    let _ = write!(out, "{k}");
                }
                NameNode::Anonymous => {}
            }
        }
        if out.is_empty() {
            out.push_str("[anonymous]");
        }
        out
    }
}

//! Hierarchical names (`Nat.succ`, `_private.3`), interned so that equality is
//! an integer compare.

use crate::layered::{Layer, Layered};
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

/// One layer of the name table (see `layered.rs`): nodes, and ids by node
/// (global ids: the layer's first node is numbered after the layers below).
#[derive(Default)]
pub(crate) struct NameLayer {
    nodes: Vec<NameNode>,
    map: FxHashMap<NameNode, NameId>,
}

impl Layer for NameLayer {
    fn len(&self) -> usize {
        self.nodes.len()
    }
    fn absorb(&mut self, open: &mut Self) {
        self.nodes.append(&mut open.nodes);
        self.map.extend(open.map.drain());
    }
}

/// The name interning table.
pub struct NameTable {
    layers: Layered<NameLayer>,
}

impl std::fmt::Debug for NameTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NameTable({} names)", self.len())
    }
}

impl Default for NameTable {
    fn default() -> Self {
        let mut t = NameTable {
            layers: Layered::default(),
        };
        let open = t.layers.open_mut();
        open.nodes.push(NameNode::Anonymous);
        open.map.insert(NameNode::Anonymous, NameId::ANONYMOUS);
        t
    }
}

impl NameTable {
    fn find(&self, node: &NameNode) -> Option<NameId> {
        let l = &self.layers;
        l.frozen()
            .map
            .get(node)
            .or_else(|| l.open().map.get(node))
            .copied()
    }

    fn intern(&mut self, node: NameNode) -> NameId {
        if let Some(id) = self.find(&node) {
            return id;
        }
        let id = NameId(self.layers.len() as u32);
        let open = self.layers.open_mut();
        open.nodes.push(node.clone());
        open.map.insert(node, id);
        id
    }

    /// A table sharing this one's names so far (`layered.rs`).
    pub(crate) fn fork(&self) -> NameTable {
        NameTable {
            layers: self.layers.fork(),
        }
    }

    /// See [`Layered::freeze`].
    pub(crate) fn freeze(&mut self) -> bool {
        self.layers.freeze()
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
        self.find(&NameNode::Str(prefix, s.into()))
    }

    /// The node of a name.
    pub fn node(&self, n: NameId) -> &NameNode {
        let l = &self.layers;
        match n.0.checked_sub(l.base()) {
            None => &l.frozen().nodes[n.0 as usize],
            Some(i) => &l.open().nodes[i as usize],
        }
    }

    /// Number of names interned.
    pub fn len(&self) -> usize {
        self.layers.len()
    }

    /// Whether only the anonymous name exists.
    pub fn is_empty(&self) -> bool {
        self.len() == 1
    }

    /// Bytes the table holds, by element sizes (a lower bound: spare
    /// capacity left out): each node twice (the map keeps its own key) with
    /// its text, an id and a control byte.
    pub fn kept_bytes(&self) -> u64 {
        let node = std::mem::size_of::<NameNode>();
        let per = 2 * node + std::mem::size_of::<NameId>() + 1;
        let text: usize = (0..self.len() as u32)
            .map(|i| match self.node(NameId(i)) {
                NameNode::Str(_, s) => 2 * s.len(),
                _ => 0,
            })
            .sum();
        (self.len() * per + text) as u64
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

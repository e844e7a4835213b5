//! Canonical encoding of terms and declarations for hashing.
//!
//! A term's digest is a Merkle hash over its tree: each node is encoded as a
//! tag byte, its own data (names and universe levels spelled out, literals
//! in decimal-free little-endian bytes) and the 32-byte digests of its
//! children, and hashed with blake3. The digest therefore depends only on
//! the term's structure, never on the ids a particular store gave it, and a
//! shared subterm is hashed once (digests are memoised per id).

use proofgate_kernel::level::LevelNode;
use proofgate_kernel::name::NameNode;
use proofgate_kernel::{
    Declaration, ExprId, ExprNode, LevelId, NameId, ReducibilityHints, TermStore,
};
use rustc_hash::FxHashMap;

/// Memoised term digests for one store.
#[derive(Default, Debug)]
pub struct TermDigests {
    memo: FxHashMap<ExprId, [u8; 32]>,
}

/// Appends a name's components.
pub fn encode_name(st: &TermStore, n: NameId, out: &mut Vec<u8>) {
    let mut parts = Vec::new();
    let mut cur = n;
    loop {
        match st.names.node(cur) {
            NameNode::Anonymous => break,
            NameNode::Str(p, s) => {
                parts.push(Err(s.as_ref()));
                cur = *p;
            }
            NameNode::Num(p, k) => {
                parts.push(Ok(*k));
                cur = *p;
            }
        }
    }
    out.extend_from_slice(&(parts.len() as u32).to_le_bytes());
    for part in parts.iter().rev() {
        match part {
            Err(s) => {
                out.push(1);
                out.extend_from_slice(&(s.len() as u32).to_le_bytes());
                out.extend_from_slice(s.as_bytes());
            }
            Ok(k) => {
                out.push(2);
                out.extend_from_slice(&k.to_le_bytes());
            }
        }
    }
}

/// Appends a universe level, spelled out as written.
pub fn encode_level(st: &TermStore, l: LevelId, out: &mut Vec<u8>) {
    match st.levels.node(l) {
        LevelNode::Zero => out.push(0),
        LevelNode::Succ(a) => {
            out.push(1);
            encode_level(st, a, out);
        }
        LevelNode::Max(a, b) => {
            out.push(2);
            encode_level(st, a, out);
            encode_level(st, b, out);
        }
        LevelNode::IMax(a, b) => {
            out.push(3);
            encode_level(st, a, out);
            encode_level(st, b, out);
        }
        LevelNode::Param(n) => {
            out.push(4);
            encode_name(st, n, out);
        }
    }
}

/// The digest of an application from its children's digests: what
/// [`TermDigests::digest`] gives an `App` node (it calls this), and what the
/// compiled route composes an obligation's digest from without building it.
pub(crate) fn app_digest(f: &[u8; 32], a: &[u8; 32]) -> [u8; 32] {
    let mut buf = [0u8; 65];
    buf[0] = 5;
    buf[1..33].copy_from_slice(f);
    buf[33..].copy_from_slice(a);
    *blake3::hash(&buf).as_bytes()
}

/// The digest of a Nat literal from its minimal little-endian bytes (zero
/// as one 0 byte: the encoding hashes have always used, so proof hashes
/// stay what they were).
fn nat_digest_le(bytes: &[u8]) -> [u8; 32] {
    let bytes: &[u8] = if bytes.is_empty() { &[0] } else { bytes };
    let mut buf = Vec::with_capacity(5 + bytes.len());
    buf.push(10);
    buf.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    buf.extend_from_slice(bytes);
    *blake3::hash(&buf).as_bytes()
}

/// The digest of the Nat literal `n`.
pub(crate) fn nat_digest(n: u64) -> [u8; 32] {
    let le = n.to_le_bytes();
    let len = 8 - (n.leading_zeros() / 8) as usize;
    nat_digest_le(&le[..len])
}

impl TermDigests {
    /// The digest of `e` (memoised; iterative, so deep terms are fine).
    pub fn digest(&mut self, st: &TermStore, e: ExprId) -> [u8; 32] {
        if let Some(d) = self.memo.get(&e) {
            return *d;
        }
        let mut stack = vec![(e, false)];
        let mut buf = Vec::new();
        while let Some((x, expanded)) = stack.pop() {
            if self.memo.contains_key(&x) {
                continue;
            }
            let node = st.node(x);
            let kids: &[ExprId] = &match node {
                ExprNode::App(a, b) | ExprNode::Lam(a, b) | ExprNode::Pi(a, b) => vec![a, b],
                ExprNode::Let(a, b, c) => vec![a, b, c],
                ExprNode::Proj(_, _, s) => vec![s],
                _ => vec![],
            };
            if !expanded && kids.iter().any(|k| !self.memo.contains_key(k)) {
                stack.push((x, true));
                stack.extend(kids.iter().map(|k| (*k, false)));
                continue;
            }
            match node {
                ExprNode::App(a, b) => {
                    let d = app_digest(&self.memo[&a], &self.memo[&b]);
                    self.memo.insert(x, d);
                    continue;
                }
                ExprNode::NatLit(l) => {
                    let d = nat_digest_le(&st.nat(l).to_le_bytes());
                    self.memo.insert(x, d);
                    continue;
                }
                _ => {}
            }
            buf.clear();
            match node {
                ExprNode::BVar(i) => {
                    buf.push(1);
                    buf.extend_from_slice(&i.to_le_bytes());
                }
                ExprNode::FVar(i) => {
                    buf.push(2);
                    buf.extend_from_slice(&i.to_le_bytes());
                }
                ExprNode::Sort(l) => {
                    buf.push(3);
                    encode_level(st, l, &mut buf);
                }
                ExprNode::Const(n, ls) => {
                    buf.push(4);
                    encode_name(st, n, &mut buf);
                    let ls = st.levels_of(ls);
                    buf.extend_from_slice(&(ls.len() as u32).to_le_bytes());
                    for l in ls {
                        encode_level(st, *l, &mut buf);
                    }
                }
                ExprNode::App(..) => unreachable!("hashed above"),
                ExprNode::Lam(..) => buf.push(6),
                ExprNode::Pi(..) => buf.push(7),
                ExprNode::Let(..) => buf.push(8),
                ExprNode::Proj(n, i, _) => {
                    buf.push(9);
                    encode_name(st, n, &mut buf);
                    buf.extend_from_slice(&i.to_le_bytes());
                }
                ExprNode::NatLit(_) => unreachable!("hashed above"),
                ExprNode::StrLit(l) => {
                    buf.push(11);
                    let s = st.string(l);
                    buf.extend_from_slice(&(s.len() as u32).to_le_bytes());
                    buf.extend_from_slice(s.as_bytes());
                }
            }
            for k in kids {
                buf.extend_from_slice(&self.memo[k]);
            }
            self.memo.insert(x, *blake3::hash(&buf).as_bytes());
        }
        self.memo[&e]
    }
}

/// Appends the canonical encoding of a declaration (terms by digest).
pub fn encode_declaration(
    st: &TermStore,
    digests: &mut TermDigests,
    decl: &Declaration,
    out: &mut Vec<u8>,
) {
    let lps = |out: &mut Vec<u8>, ps: &[NameId]| {
        out.extend_from_slice(&(ps.len() as u32).to_le_bytes());
        for p in ps {
            encode_name(st, *p, out);
        }
    };
    // Tag, then the header every constant has, then the kind's own fields:
    // the byte layout environment hashes have always used.
    let tag = match decl {
        Declaration::Axiom { .. } => 1,
        Declaration::Definition { .. } => 2,
        Declaration::Theorem { .. } => 3,
        Declaration::Opaque { .. } => 4,
        Declaration::Quot { .. } => 5,
        Declaration::Inductive(_) => 6,
    };
    out.push(tag);
    if let Some(h) = decl.header() {
        encode_name(st, h.name, out);
        lps(out, &h.level_params);
        out.extend_from_slice(&digests.digest(st, h.ty));
    }
    match decl {
        Declaration::Axiom { is_unsafe, .. } => out.push(u8::from(*is_unsafe)),
        Declaration::Definition {
            value,
            hints,
            safety,
            ..
        } => {
            out.extend_from_slice(&digests.digest(st, *value));
            match hints {
                ReducibilityHints::Opaque => out.push(0),
                ReducibilityHints::Abbrev => out.push(1),
                ReducibilityHints::Regular(h) => {
                    out.push(2);
                    out.extend_from_slice(&h.to_le_bytes());
                }
            }
            out.push(*safety as u8);
        }
        Declaration::Theorem { value, .. } => {
            out.extend_from_slice(&digests.digest(st, *value));
        }
        Declaration::Opaque {
            value, is_unsafe, ..
        } => {
            out.extend_from_slice(&digests.digest(st, *value));
            out.push(u8::from(*is_unsafe));
        }
        Declaration::Quot { kind, .. } => out.push(*kind as u8),
        Declaration::Inductive(b) => {
            lps(out, &b.level_params);
            out.extend_from_slice(&b.num_params.to_le_bytes());
            out.push(u8::from(b.is_unsafe));
            out.extend_from_slice(&(b.types.len() as u32).to_le_bytes());
            for t in &b.types {
                encode_name(st, t.name, out);
                out.extend_from_slice(&digests.digest(st, t.ty));
                out.extend_from_slice(&(t.ctors.len() as u32).to_le_bytes());
                for (cn, ct) in &t.ctors {
                    encode_name(st, *cn, out);
                    out.extend_from_slice(&digests.digest(st, *ct));
                }
            }
        }
    }
}

//! The reorder oracle: an accepted export must stay accepted when its
//! declarations are replayed in another order that respects their
//! dependencies. A verdict that depends on the order (a cache keyed too
//! loosely, a constant shadowed, a check skipped for a "known" term) shows up
//! here without a second checker.

use super::export::{Export, ExprIndex, LineKind, decl_defines, decl_roots};
use std::collections::{BinaryHeap, HashMap, HashSet};

/// The names of the prelude a literal stands for: a `natVal` needs `Nat`, a
/// `strVal` needs `String`, `Char` and `List` with their constructors.
const NAT_NAMES: &[&str] = &["Nat"];
const STRING_NAMES: &[&str] = &["String", "String.ofList", "Char", "Char.ofNat", "List"];

/// The export with every primitive line first (file order) and the
/// declarations in the latest-first topological order, or `None` when that
/// order is the file's own (nothing new to try).
pub(crate) fn reordered(e: &Export) -> Option<Export> {
    let decls = e.decl_lines();
    if decls.len() < 2 {
        return None;
    }
    let names = e.names();
    let index = ExprIndex::new(e);
    // Which declaration defines each name string.
    let mut defined_by: HashMap<String, usize> = HashMap::new();
    for (d, &line) in decls.iter().enumerate() {
        for n in decl_defines(&e.lines[line]) {
            if let Some(s) = names.get(&n) {
                defined_by.entry(s.clone()).or_insert(d);
            }
        }
        // A block also defines the recursors the kernel derives for it.
        if let Some(types) = e.lines[line]
            .get("inductive")
            .and_then(|b| b.get("types"))
            .and_then(|t| t.as_array())
        {
            for t in types {
                if let Some(s) = t
                    .get("name")
                    .and_then(|n| n.as_u64())
                    .and_then(|n| names.get(&n))
                {
                    defined_by.entry(format!("{s}.rec")).or_insert(d);
                }
            }
        }
    }
    let owner = |s: &str| -> Option<usize> {
        if let Some(&d) = defined_by.get(s) {
            return Some(d);
        }
        // `T.rec_1`: an auxiliary recursor of a nested block.
        let (parent, last) = s.rsplit_once('.')?;
        last.starts_with("rec_")
            .then(|| defined_by.get(parent).copied())?
    };
    let mut deps: Vec<HashSet<usize>> = vec![HashSet::new(); decls.len()];
    for (d, &line) in decls.iter().enumerate() {
        let mut seen = HashSet::new();
        index.reach(&decl_roots(&e.lines[line]), &mut seen);
        let (used, nat, string) = index.uses(&seen);
        let mut wanted: Vec<String> = used.iter().filter_map(|n| names.get(n).cloned()).collect();
        if nat {
            wanted.extend(NAT_NAMES.iter().map(|s| s.to_string()));
        }
        if string {
            wanted.extend(STRING_NAMES.iter().map(|s| s.to_string()));
        }
        // The quotient constants need `Eq`.
        if e.lines[line].get("quot").is_some() {
            wanted.push("Eq".into());
        }
        for s in wanted {
            if let Some(o) = owner(&s)
                && o != d
            {
                deps[d].insert(o);
            }
        }
    }
    // The four quotient constants are one unit (Lean adds them together;
    // the kernel reduces `Quot.lift`/`Quot.ind` only once all are present):
    // whoever uses one waits for all of them.
    let quots: Vec<usize> = (0..decls.len())
        .filter(|&d| e.lines[decls[d]].get("quot").is_some())
        .collect();
    for (d, ds) in deps.iter_mut().enumerate() {
        if ds.iter().any(|o| quots.contains(o)) {
            ds.extend(quots.iter().copied().filter(|&q| q != d));
        }
    }
    // Kahn's algorithm, always taking the latest ready declaration.
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); decls.len()];
    let mut pending: Vec<usize> = vec![0; decls.len()];
    for (d, ds) in deps.iter().enumerate() {
        pending[d] = ds.len();
        for &o in ds {
            users[o].push(d);
        }
    }
    let mut ready: BinaryHeap<usize> = (0..decls.len()).filter(|&d| pending[d] == 0).collect();
    let mut order = Vec::with_capacity(decls.len());
    while let Some(d) = ready.pop() {
        order.push(d);
        for &u in &users[d] {
            pending[u] -= 1;
            if pending[u] == 0 {
                ready.push(u);
            }
        }
    }
    if order.len() != decls.len() || order.iter().enumerate().all(|(i, &d)| i == d) {
        return None; // a cycle (a mutant's doing) or no other order
    }
    let mut lines: Vec<_> = e
        .lines
        .iter()
        .filter(|v| Export::kind(v) != LineKind::Decl)
        .cloned()
        .collect();
    lines.extend(order.into_iter().map(|d| e.lines[decls[d]].clone()));
    Some(Export { lines })
}

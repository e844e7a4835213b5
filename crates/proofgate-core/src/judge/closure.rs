//! What a theorem depends on: every constant reachable from its type and
//! value, through the types and values of the constants it names (as Lean's
//! `CollectAxioms`; an inductive type adds its constructors, a recursor its
//! rules, a literal the constants it expands into). The walk is iterative
//! and visits each term and constant once, so a deep or heavily shared
//! proof costs its size, not its unfolding.

use proofgate_kernel::{
    ConstantInfo, ConstantKind, Environment, ExprId, ExprNode, NameId, TermStore, literal_constants,
};
use rustc_hash::FxHashSet;

/// The constants a theorem depends on, classified.
#[derive(Debug, Default)]
pub(crate) struct Dependencies {
    /// Axioms reached.
    pub axioms: Vec<NameId>,
    /// The first unsafe constant reached, if any.
    pub first_unsafe: Option<NameId>,
    /// The first partial definition reached, if any.
    pub first_partial: Option<NameId>,
}

/// Walks from `roots` (the theorem's type and value).
pub(crate) fn dependencies(st: &TermStore, env: &Environment, roots: &[ExprId]) -> Dependencies {
    let mut deps = Dependencies::default();
    walk(st, roots, &|n| env.get(n), true, &mut |n, c| {
        // Every name a checked declaration uses is in the environment.
        let Some(c) = c else { return };
        if c.is_unsafe() && deps.first_unsafe.is_none() {
            deps.first_unsafe = Some(n);
        }
        if c.is_partial() && deps.first_partial.is_none() {
            deps.first_partial = Some(n);
        }
        if let ConstantKind::Axiom { .. } = c.kind {
            deps.axioms.push(n);
        }
    });
    deps
}

/// Visits every constant reachable from `roots` once, in the order found,
/// with its declaration as `lookup` gives it (`None`: not declared there).
/// Theorems' proofs are followed only if `proofs` (a statement's meaning
/// does not depend on how its lemmas were proved).
pub(crate) fn walk<'a>(
    st: &TermStore,
    roots: &[ExprId],
    lookup: &dyn Fn(NameId) -> Option<&'a ConstantInfo>,
    proofs: bool,
    visit: &mut dyn FnMut(NameId, Option<&'a ConstantInfo>),
) {
    let mut seen_exprs: FxHashSet<ExprId> = FxHashSet::default();
    let mut seen_consts: FxHashSet<NameId> = FxHashSet::default();
    let mut exprs: Vec<ExprId> = roots.to_vec();
    let mut consts: Vec<NameId> = Vec::new();
    loop {
        if let Some(e) = exprs.pop() {
            if !seen_exprs.insert(e) {
                continue;
            }
            let node = st.node(e);
            // A literal names no constant, but means some.
            consts.extend(
                literal_constants(&node)
                    .iter()
                    .filter_map(|s| st.names.find_dotted(s)),
            );
            match node {
                ExprNode::Const(n, _) => consts.push(n),
                ExprNode::App(a, b) | ExprNode::Lam(a, b) | ExprNode::Pi(a, b) => {
                    exprs.extend([a, b]);
                }
                ExprNode::Let(t, v, b) => exprs.extend([t, v, b]),
                ExprNode::Proj(s, _, x) => {
                    consts.push(s);
                    exprs.push(x);
                }
                _ => {}
            }
            continue;
        }
        let Some(n) = consts.pop() else { break };
        if !seen_consts.insert(n) {
            continue;
        }
        let c = lookup(n);
        visit(n, c);
        let Some(c) = c else { continue };
        exprs.push(c.ty);
        match &c.kind {
            ConstantKind::Theorem { value } if proofs => exprs.push(*value),
            ConstantKind::Definition { value, .. } | ConstantKind::Opaque { value, .. } => {
                exprs.push(*value)
            }
            ConstantKind::Inductive { ctors, .. } => consts.extend(ctors),
            ConstantKind::Constructor { induct, .. } => consts.push(*induct),
            ConstantKind::Recursor { rules, .. } => exprs.extend(rules.iter().map(|r| r.rhs)),
            ConstantKind::Axiom { .. }
            | ConstantKind::Theorem { .. }
            | ConstantKind::Quot { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::dependencies;
    use proofgate_kernel::{Declaration, DefinitionSafety, Kernel, LevelId, ReducibilityHints};

    /// The kernel already refuses safe declarations that use unsafe or
    /// partial constants; the walk reports them anyway (defence in depth),
    /// and finds axioms behind definitions and inside types.
    #[test]
    fn finds_axioms_unsafe_and_partial_constants_through_values_and_types() {
        let mut k = Kernel::new();
        let st = k.store_mut();
        let (p, ax, u, part, d) = (
            st.names.dotted("P"),
            st.names.dotted("ax"),
            st.names.dotted("u"),
            st.names.dotted("part"),
            st.names.dotted("d"),
        );
        let prop = st.sort(LevelId::ZERO);
        let p_c = st.cnst(p, &[]);
        let decls = [
            Declaration::Axiom {
                header: proofgate_kernel::DeclHeader {
                    name: p,
                    level_params: vec![],
                    ty: prop,
                },
                is_unsafe: false,
            },
            Declaration::Axiom {
                header: proofgate_kernel::DeclHeader {
                    name: ax,
                    level_params: vec![],
                    ty: p_c,
                },
                is_unsafe: false,
            },
            Declaration::Axiom {
                header: proofgate_kernel::DeclHeader {
                    name: u,
                    level_params: vec![],
                    ty: p_c,
                },
                is_unsafe: true,
            },
        ];
        for d in &decls {
            k.add_declaration(d).unwrap();
        }
        let st = k.store_mut();
        let ax_c = st.cnst(ax, &[]);
        let part_decl = Declaration::Definition {
            header: proofgate_kernel::DeclHeader {
                name: part,
                level_params: vec![],
                ty: p_c,
            },
            value: ax_c,
            hints: ReducibilityHints::Opaque,
            safety: DefinitionSafety::Partial,
        };
        k.add_declaration(&part_decl).unwrap();
        let d_decl = Declaration::Definition {
            header: proofgate_kernel::DeclHeader {
                name: d,
                level_params: vec![],
                ty: p_c,
            },
            value: ax_c,
            hints: ReducibilityHints::Regular(1),
            safety: DefinitionSafety::Safe,
        };
        k.add_declaration(&d_decl).unwrap();
        let st = k.store_mut();
        let (d_c, u_c, part_c) = (st.cnst(d, &[]), st.cnst(u, &[]), st.cnst(part, &[]));
        let deps = dependencies(k.store(), k.env(), &[p_c, d_c]);
        assert_eq!(deps.axioms.len(), 2, "P (a type) and ax (behind d)");
        assert!(deps.first_unsafe.is_none() && deps.first_partial.is_none());
        let deps = dependencies(k.store(), k.env(), &[u_c, part_c]);
        assert_eq!(deps.first_unsafe, Some(u));
        assert_eq!(deps.first_partial, Some(part));
    }
}

//! Reading and declaration checks stay linear in the input: many universe
//! parameters, levels shared as DAGs. (Sizes here would take minutes or
//! forever with a quadratic scan or a tree walk; nothing is timed.)

use proofgate_kernel::DeclHeader;
use proofgate_kernel::level::{LevelNode, LevelSubst, ParamScope};
use proofgate_kernel::{Declaration, Kernel, KernelError, LevelId, NameId};

fn params(k: &mut Kernel, n: usize) -> Vec<NameId> {
    let st = k.store_mut();
    (0..n).map(|i| st.names.dotted(&format!("u{i}"))).collect()
}

#[test]
fn a_duplicate_among_100k_universe_parameters_is_found() {
    let mut k = Kernel::new();
    let mut ps = params(&mut k, 100_000);
    let ty = k.store_mut().sort(LevelId::ZERO);
    let name = k.store_mut().names.dotted("A");
    let decl = |ps: Vec<NameId>| Declaration::Axiom {
        header: DeclHeader {
            name,
            level_params: ps,
            ty,
        },
        is_unsafe: false,
    };
    ps.push(ps[77_777]);
    let r = k.add_declaration(&decl(ps.clone()));
    assert_eq!(r, Err(KernelError::DuplicateLevelParam("u77777".into())));
    ps.pop();
    assert!(k.add_declaration(&decl(ps)).is_ok());
}

#[test]
fn a_level_using_100k_parameters_is_checked_and_instantiated_in_linear_time() {
    let mut k = Kernel::new();
    let ps = params(&mut k, 100_000);
    let st = k.store_mut();
    // A balanced `max` tree over every parameter.
    let mut layer: Vec<LevelId> = ps.iter().map(|p| st.levels.param(*p)).collect();
    while layer.len() > 1 {
        layer = layer
            .chunks(2)
            .map(|c| match c {
                [a, b] => st.levels.mk(LevelNode::Max(*a, *b)),
                [a] => *a,
                _ => unreachable!(),
            })
            .collect();
    }
    let top = layer[0];
    assert_eq!(st.levels.undeclared_param(top, &ParamScope::new(&ps)), None);
    assert_eq!(
        st.levels.undeclared_param(top, &ParamScope::new(&ps[1..])),
        Some(ps[0])
    );
    // Every parameter to `0`: the whole tree collapses.
    let zeros = vec![LevelId::ZERO; ps.len()];
    let subst = LevelSubst::new(&ps, &zeros);
    assert_eq!(st.levels.instantiate_with(top, &subst), LevelId::ZERO);
}

#[test]
fn a_level_dag_with_an_exponential_tree_is_walked_once_per_node() {
    let mut k = Kernel::new();
    let ps = params(&mut k, 3);
    let st = k.store_mut();
    let (u, v, w) = (
        st.levels.param(ps[0]),
        st.levels.param(ps[1]),
        st.levels.param(ps[2]),
    );
    // l_{i+1} = max l_i (imax l_i v): 2^60 leaves as a tree, 121 nodes as a DAG.
    let mut l = u;
    for _ in 0..60 {
        let im = st.levels.mk(LevelNode::IMax(l, v));
        l = st.levels.mk(LevelNode::Max(l, im));
    }
    let scope = ParamScope::new(&ps[..2]);
    assert_eq!(st.levels.undeclared_param(l, &scope), None);
    assert_eq!(
        st.levels.undeclared_param(l, &ParamScope::new(&ps[1..])),
        Some(ps[0])
    );
    // u := w keeps the shape; the result is a DAG of the same size.
    let r = st.levels.instantiate(l, &ps[..1], &[w]);
    assert_ne!(r, l);
    assert_eq!(
        st.levels.undeclared_param(r, &ParamScope::new(&ps[1..])),
        None
    );
}

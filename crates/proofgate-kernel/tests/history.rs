//! A check's step count is part of what the gate attests, so it must not
//! depend on which checks ran before it: the kernel reuses its working
//! memory between checks, never its results. Every definition and theorem
//! of `Init.Prelude` (from the Lean export corpus, see `corpus.rs`) is
//! re-checked as a query in two orders, and each must cost the same steps
//! both times; and every declaration costs the same steps to add whatever
//! queries ran between the additions.

use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    Declaration, DefinitionSafety, ExportReader, ExprId, Kernel, LevelId, Limits, NameId,
};
use std::io::BufReader;

#[path = "support/corpus.rs"]
mod corpus;

/// `Init.Prelude`'s export, or `None` when the corpus is absent (skipped
/// loudly, or a failure under `PROOFGATE_REQUIRE_CORPUS=1`).
fn prelude_reader(test: &str) -> Option<ExportReader<BufReader<std::fs::File>>> {
    let path = corpus::file_or_skip("good/init-prelude.ndjson", test)?;
    let file = std::fs::File::open(&path)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    Some(ExportReader::new(BufReader::new(file)))
}

/// The value, type and universe parameters of a safe definition or theorem.
fn as_query(decl: &Declaration) -> Option<(ExprId, ExprId, Vec<NameId>)> {
    match decl {
        Declaration::Definition {
            header: DeclHeader {
                level_params, ty, ..
            },
            value,
            safety: DefinitionSafety::Safe,
            ..
        }
        | Declaration::Theorem {
            header: DeclHeader {
                level_params, ty, ..
            },
            value,
            ..
        } => Some((*value, *ty, level_params.clone())),
        _ => None,
    }
}

/// The kernel keeps the instances of constants at universe levels from one
/// check to the next (they cost no steps). A kernel that ran queries
/// between additions has made more of them earlier; each addition must
/// still cost exactly what it costs in a kernel that ran none.
#[test]
fn addition_steps_do_not_depend_on_queries_in_between() {
    const TEST: &str = "addition_steps_do_not_depend_on_queries_in_between";
    if prelude_reader(TEST).is_none() {
        return;
    }
    let add_all = |queries_between: bool| {
        let mut k = Kernel::new();
        let mut reader = prelude_reader(TEST).expect("found above");
        let (mut steps, mut queries) = (Vec::new(), Vec::new());
        while let Some(decl) = reader.next_declaration(k.store_mut()) {
            let decl = decl.expect("the prelude export reads");
            steps.push(k.add_declaration(&decl).expect("the prelude checks").steps);
            queries.extend(as_query(&decl));
            if queries_between {
                instantiate_at_common_levels(&mut k, decl.name());
                if !queries.is_empty() {
                    for i in [queries.len() - 1, queries.len() / 2, queries.len() / 7] {
                        let (v, t, ps) = &queries[i];
                        k.check_term(*v, *t, ps, Limits::DEFAULT)
                            .expect("a checked declaration checks again");
                    }
                }
            }
        }
        steps
    };
    let quiet = add_all(false);
    assert!(quiet.len() > 1_000, "only {} declarations", quiet.len());
    assert_eq!(quiet, add_all(true));
}

/// Infers the type of constant `name` at the universe levels later
/// declarations are likely to use it at (`0`, `1`, `u`, `u_1, u_2, ...`,
/// `u+1`), so their instances exist before those declarations need them.
fn instantiate_at_common_levels(k: &mut Kernel, name: NameId) {
    let Some(arity) = k.env().get(name).map(|c| c.level_params.len()) else {
        return;
    };
    if arity == 0 {
        return;
    }
    let st = k.store_mut();
    let u = st.names.dotted("u");
    let numbered: Vec<NameId> = (1..=arity)
        .map(|i| st.names.dotted(&format!("u_{i}")))
        .collect();
    let pu = st.levels.param(u);
    let one = st.levels.succ(LevelId::ZERO);
    let succ_u = st.levels.succ(pu);
    let mut variants: Vec<(Vec<LevelId>, Vec<NameId>)> = vec![
        (vec![LevelId::ZERO; arity], vec![]),
        (vec![one; arity], vec![]),
        (vec![pu; arity], vec![u]),
        (vec![succ_u; arity], vec![u]),
    ];
    let params = numbered.iter().map(|&n| st.levels.param(n)).collect();
    variants.push((params, numbered));
    for (levels, scope) in variants {
        let c = k.store_mut().cnst(name, &levels);
        k.infer(c, &scope, Limits::DEFAULT)
            .expect("a declared constant has a type at any levels");
    }
}

#[test]
fn query_steps_do_not_depend_on_earlier_queries() {
    let Some(mut reader) = prelude_reader("query_steps_do_not_depend_on_earlier_queries") else {
        return;
    };
    let mut k = Kernel::new();
    let mut queries = Vec::new();
    while let Some(decl) = reader.next_declaration(k.store_mut()) {
        let decl = decl.expect("the prelude export reads");
        k.add_declaration(&decl).expect("the prelude checks");
        queries.extend(as_query(&decl));
    }
    assert!(queries.len() > 500, "only {} queries", queries.len());
    let mut run = |order: &mut dyn Iterator<Item = usize>| {
        let mut steps = vec![0; queries.len()];
        for i in order {
            let (v, t, ps) = &queries[i];
            steps[i] = k
                .check_term(*v, *t, ps, Limits::DEFAULT)
                .expect("a checked declaration checks again")
                .steps;
        }
        steps
    };
    let forward = run(&mut (0..queries.len()));
    let backward = run(&mut (0..queries.len()).rev());
    let strided = run(&mut (0..queries.len()).map(|i| (i * 7) % queries.len()));
    assert_eq!(forward, backward);
    if queries.len() % 7 != 0 {
        assert_eq!(forward, strided);
    }
    assert!(forward.iter().sum::<u64>() > 10_000);
}

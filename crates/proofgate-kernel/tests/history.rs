//! A check's step count is part of what the gate attests, so it must not
//! depend on which checks ran before it: the kernel reuses its working
//! memory between checks, never its results. Every definition and theorem
//! of `Init.Prelude` (from the Lean export corpus, see `corpus.rs`) is
//! re-checked as a query in two orders, and each must cost the same steps
//! both times.

use proofgate_kernel::{Declaration, DefinitionSafety, ExportReader, Kernel, Limits};
use std::io::BufReader;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    match std::env::var_os("PROOFGATE_LEAN_EXPORTS") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/lean-exports"),
    }
}

#[test]
fn query_steps_do_not_depend_on_earlier_queries() {
    let path = corpus_dir().join("good/init-prelude.ndjson");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        panic!(
            "Lean export corpus not found at {} ({e}); set PROOFGATE_LEAN_EXPORTS to its folder",
            path.display()
        )
    });
    let mut k = Kernel::new();
    let mut reader = ExportReader::new(BufReader::new(file));
    let mut queries = Vec::new();
    while let Some(decl) = reader.next_declaration(k.store_mut()) {
        let decl = decl.expect("the prelude export reads");
        k.add_declaration(&decl).expect("the prelude checks");
        match decl {
            Declaration::Definition {
                level_params,
                ty,
                value,
                safety: DefinitionSafety::Safe,
                ..
            }
            | Declaration::Theorem {
                level_params,
                ty,
                value,
                ..
            } => queries.push((value, ty, level_params)),
            _ => {}
        }
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

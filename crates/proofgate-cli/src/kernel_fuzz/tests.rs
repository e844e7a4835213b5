use super::*;
use std::path::PathBuf;

/// The accepted fixtures as seeds; `None` (the test skips) outside the
/// workspace.
fn seeds() -> Option<Vec<(PathBuf, Export)>> {
    let dir = crate::fixtures::kernel_fixtures()?;
    let s = load_seeds(&[dir.join("accept")], 1 << 20, 2_000_000);
    assert!(
        s.len() >= 8,
        "the kernel's accept fixtures should all be seeds"
    );
    Some(s)
}

#[test]
fn every_operator_makes_well_formed_mutants() {
    let Some(seeds) = seeds() else { return };
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for op in Op::ALL {
        let mut made = 0;
        for (_, e) in &seeds {
            if let Some(m) = mutate::mutate(e, op, &mut rng) {
                assert!(
                    Export::parse(&m.to_text()).is_some(),
                    "{op:?} wrote invalid JSON"
                );
                assert_ne!(m.to_text(), e.to_text(), "{op:?} changed nothing");
                made += 1;
            }
        }
        assert!(made > 0, "{op:?} found nothing to mutate in any fixture");
    }
}

#[test]
fn equivalent_levels_keep_accepted_files_accepted() {
    let Some(seeds) = seeds() else { return };
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut checked = 0;
    for (p, e) in &seeds {
        for _ in 0..4 {
            let Some(m) = mutate::mutate(e, Op::EquivalentLevel, &mut rng) else {
                continue;
            };
            let out = check_text(&m.to_text(), 2_000_000);
            assert!(
                matches!(out, Outcome::Accepted { .. }),
                "{}: {out:?}\n{}",
                p.display(),
                m.to_text()
            );
            checked += 1;
        }
    }
    assert!(checked > 10);
}

#[test]
fn another_valid_order_is_found_and_accepted() {
    let Some(seeds) = seeds() else { return };
    let mut reordered = 0;
    for (p, e) in seeds {
        if let Some(r) = reorder::reordered(&e) {
            assert_ne!(r.to_text(), e.to_text());
            let out = check_text(&r.to_text(), 2_000_000);
            assert!(
                matches!(out, Outcome::Accepted { .. }),
                "{}: {out:?}",
                p.display()
            );
            reordered += 1;
        }
    }
    assert!(
        reordered >= 3,
        "only {reordered} fixtures had another order"
    );
}

#[test]
fn the_oracles_report_a_changed_verdict() {
    // A rejected export presented as an equivalent-level mutant must be a finding.
    let Some(dir) = crate::fixtures::kernel_fixtures() else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("reject/theorem_not_prop.ndjson")).unwrap();
    let e = Export::parse(&text).unwrap();
    let mut s = Summary::default();
    judge(&mut s, Path::new("x"), Op::EquivalentLevel, &e, 2_000_000);
    assert_eq!(s.findings.len(), 1, "{s:?}");
    // The same file under another operator is an ordinary rejection.
    let mut s = Summary::default();
    judge(&mut s, Path::new("x"), Op::SwapSubterm, &e, 2_000_000);
    assert!(s.findings.is_empty());
    assert_eq!(s.per_op["swap-subterm"].rejected, 1);
}

#[test]
fn a_short_run_over_the_fixtures_finds_nothing() {
    let Some(seeds) = seeds() else { return };
    let summary = fuzz(&seeds, 300, 1, 2_000_000);
    let total: u64 = summary.per_op.values().map(|t| t.mutants).sum();
    assert_eq!(total, 300);
    assert!(summary.per_op.values().map(|t| t.rejected).sum::<u64>() > 0);
    assert!(
        summary.findings.is_empty(),
        "{:#?}",
        summary
            .findings
            .iter()
            .map(|f| (&f.what, f.op))
            .collect::<Vec<_>>()
    );
}

/// The default seeds are looked for as the tests' corpus helper looks: an
/// explicit setting alone, else beside the workspace, else under `target/`;
/// `PROOFGATE_NO_CORPUS=1` hides them; without one the places tried are named.
#[test]
fn the_default_corpus_is_found_as_the_tests_find_it() {
    use std::ffi::OsString;
    let root = std::env::temp_dir().join(format!("proofgate-seeds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let ws = root.join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    let none = |_: &str| -> Option<OsString> { None };
    let tried = default_seed_dir(&ws, &none).unwrap_err();
    assert_eq!(
        tried,
        vec![
            ws.join("../shared/lean-exports"),
            ws.join("target/lean-exports")
        ]
    );
    let target = ws.join("target/lean-exports");
    for sub in ["good", "bad"] {
        std::fs::create_dir_all(target.join(sub)).unwrap();
    }
    assert_eq!(default_seed_dir(&ws, &none), Ok(target.join("good")));
    let beside = ws.join("../shared/lean-exports");
    for sub in ["good", "bad"] {
        std::fs::create_dir_all(beside.join(sub)).unwrap();
    }
    assert_eq!(default_seed_dir(&ws, &none), Ok(beside.join("good")));
    let elsewhere = root.join("elsewhere");
    let explicit = |k: &str| (k == "PROOFGATE_LEAN_EXPORTS").then(|| OsString::from(&elsewhere));
    assert_eq!(
        default_seed_dir(&ws, &explicit),
        Err(vec![elsewhere.clone()])
    );
    let hidden = |k: &str| (k == "PROOFGATE_NO_CORPUS").then(|| OsString::from("1"));
    assert_eq!(default_seed_dir(&ws, &hidden), Err(vec![]));
    std::fs::remove_dir_all(&root).unwrap();
}

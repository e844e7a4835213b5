//! The kernel's own small export fixtures, one rule each:
//! `fixtures/accept` must be accepted, `fixtures/reject/X.ndjson` rejected
//! for the rule `X.expect` names (its `rule: ID` line, compared with
//! [`CheckFailure::rule`]) with a message containing the fragment on its next
//! line, `fixtures/decline` declined; each the same on one thread and on
//! several.

use proofgate_kernel::{CheckFailure, Kernel, Limits, check_export, check_export_parallel};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

fn files(sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("fixture folder {} unreadable: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ndjson"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no fixtures in {}", dir.display());
    v
}

/// Checks `p` on one thread, and on 2 and 3 (`check_export_parallel`),
/// requiring the same verdict, message and figures (but for `terms`: see
/// `check_export_parallel`) from each.
fn check(p: &Path) -> Result<proofgate_kernel::FileReport, CheckFailure> {
    let open = || BufReader::new(File::open(p).expect("open fixture"));
    let one = check_export(&mut Kernel::new(), open(), Limits::DEFAULT);
    for threads in [2, 3] {
        let many = check_export_parallel(open(), Limits::DEFAULT, threads, &mut |_| {});
        match (&one, many) {
            (Ok(a), Ok(b)) => assert_eq!(
                (a.declarations, a.steps, a.peak_recursion, a.scratch_peak),
                (b.declarations, b.steps, b.peak_recursion, b.scratch_peak),
                "{} on {threads} threads",
                p.display()
            ),
            (Err(a), Err(b)) => assert_eq!(
                a.to_string(),
                b.to_string(),
                "{} on {threads} threads",
                p.display()
            ),
            (a, b) => panic!("{} on {threads} threads: {a:?} against {b:?}", p.display()),
        }
    }
    one
}

#[test]
fn accepted_fixtures() {
    for f in files("accept") {
        match check(&f) {
            Ok(r) => assert!(r.declarations > 0, "{}: no declarations", f.display()),
            Err(e) => panic!("{} should be accepted: {e}", f.display()),
        }
    }
}

/// A reject fixture's `.expect` file: `rule: ID` (the stable id of
/// [`CheckFailure::rule`]), then a fragment of the message.
fn expectation(f: &Path) -> (String, String) {
    let text = std::fs::read_to_string(f.with_extension("expect")).expect("expect file");
    match text.trim().split_once('\n') {
        Some((r, m)) if r.starts_with("rule: ") => {
            (r["rule: ".len()..].trim().to_owned(), m.trim().to_owned())
        }
        _ => panic!(
            "{}: the .expect file must start with a `rule: ID` line, then a message fragment",
            f.display()
        ),
    }
}

#[test]
fn rejected_fixtures_fail_for_the_stated_reason() {
    let mut wrong = Vec::new();
    for f in files("reject") {
        let (rule, expect) = expectation(&f);
        match check(&f) {
            Ok(_) => wrong.push(format!("{} was accepted", f.display())),
            Err(CheckFailure::Export(e)) if e.is_unsupported() => {
                wrong.push(format!("{} was declined: {e}", f.display()))
            }
            Err(e) => {
                let msg = e.to_string();
                if e.rule() != rule || e.rule() == "internal" {
                    wrong.push(format!(
                        "{}: rule {} (expected {rule}): {msg}",
                        f.display(),
                        e.rule()
                    ));
                }
                if !msg.contains(&expect) {
                    wrong.push(format!("{}: expected '{expect}' in '{msg}'", f.display()));
                }
                if !msg.starts_with("line ") {
                    wrong.push(format!("{}: no line number in '{msg}'", f.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn declined_fixtures() {
    for f in files("decline") {
        match check(&f) {
            Err(CheckFailure::Export(e)) if e.is_unsupported() => {}
            other => panic!("{} should be declined, got {other:?}", f.display()),
        }
    }
}

#[test]
fn steps_are_reported_and_deterministic() {
    let f =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/accept/nat_literals_gmp.ndjson");
    let a = check(&f).expect("accepted");
    let b = check(&f).expect("accepted");
    assert!(a.steps > 0);
    assert_eq!(
        a.steps, b.steps,
        "the step count is part of attestations: it must be reproducible"
    );
}

// --- Coverage of the external corpus's rules (issue 15) ---

/// Every kernel rule the external Lean corpus exercises, with the in-repo
/// fixture and declaration that needs it: a clone without the corpus still
/// tests each one. The declaration is checked to exist and the file to be
/// accepted, so a fixture cannot lose its rule silently.
const RULES: &[(&str, &str, &str)] = &[
    ("mutual inductives", "mutual_tree_forest", "size_two"),
    ("mutual indexed predicates", "mutual_even_odd", "even_two"),
    ("nested inductives", "nested_rose_tree", "size_two"),
    (
        "indexed families, iota",
        "accept_indexed_family_iota",
        "len_two",
    ),
    (
        "reflexive inductives",
        "accept_reflexive_inductive",
        "depth0_two",
    ),
    ("K-like rule", "accept_k_like_rule", "k_rule"),
    ("structure eta", "structure", "struct_eta"),
    ("projections", "structure", "proj_reduces"),
    (
        "Prop projections",
        "accept_props_and_small_types",
        "And.right",
    ),
    ("unit eta", "accept_props_and_small_types", "unit_eta"),
    (
        "empty recursor",
        "accept_props_and_small_types",
        "Empty.toNat",
    ),
    (
        "Prop-only elimination",
        "accept_props_and_small_types",
        "exists_elim",
    ),
    ("quotients", "accept_quotients", "lift_mk"),
    ("Quot.ind", "accept_quotients", "ind_mk"),
    ("Nat literal arithmetic", "nat_literals_gmp", "mul_big_lits"),
    (
        "Nat.rec on a literal",
        "accept_string_literals",
        "double_lit",
    ),
    ("String literals", "accept_string_literals", "hi_expands"),
    (
        "projection of a literal",
        "accept_string_literals",
        "len_hi",
    ),
    ("level max", "accept_levels_and_let", "max_comm"),
    ("imax", "accept_levels_and_let", "imax_zero"),
    ("let", "accept_levels_and_let", "let_dep_val"),
    ("proof irrelevance", "defeq_rules", "proof_irrelevance"),
    ("function eta", "defeq_rules", "eta"),
];

#[test]
fn every_rule_the_corpus_exercises_has_a_fixture() {
    for (rule, file, decl) in RULES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/accept")
            .join(format!("{file}.ndjson"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{rule}: {} unreadable: {e}", path.display()));
        let mut k = Kernel::new();
        check_export(&mut k, text.as_bytes(), Limits::DEFAULT)
            .unwrap_or_else(|e| panic!("{rule}: {file} rejected: {e}"));
        let name = k.store_mut().names.dotted(decl);
        assert!(
            k.env().get(name).is_some(),
            "{rule}: {file} no longer declares '{decl}'"
        );
    }
}

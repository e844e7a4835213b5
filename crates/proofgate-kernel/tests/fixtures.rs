//! The kernel's own small export fixtures, one rule each:
//! `fixtures/accept` must be accepted, `fixtures/reject/X.ndjson` rejected
//! with a message containing `X.expect`, `fixtures/decline` declined.

use proofgate_kernel::{CheckFailure, Kernel, Limits, check_export};
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

fn check(p: &Path) -> Result<proofgate_kernel::FileReport, CheckFailure> {
    let mut k = Kernel::new();
    check_export(
        &mut k,
        BufReader::new(File::open(p).expect("open fixture")),
        Limits::DEFAULT,
    )
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

#[test]
fn rejected_fixtures_fail_for_the_stated_reason() {
    for f in files("reject") {
        let expect = std::fs::read_to_string(f.with_extension("expect")).expect("expect file");
        let expect = expect.trim();
        match check(&f) {
            Ok(_) => panic!("{} was accepted", f.display()),
            Err(CheckFailure::Export(e)) if e.is_unsupported() => {
                panic!("{} was declined: {e}", f.display())
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(
                    msg.contains(expect),
                    "{}: expected '{expect}' in '{msg}'",
                    f.display()
                );
                assert!(
                    msg.starts_with("line "),
                    "{}: no line number in '{msg}'",
                    f.display()
                );
            }
        }
    }
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

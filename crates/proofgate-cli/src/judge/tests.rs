//! Exit codes and ledger appends of `proofgate judge` on a small challenge
//! built with the term syntax and the export writer.

use super::{JudgeArgs, run};
use proofgate_core::export_builder::ExportBuilder;
use proofgate_core::ledger::ArchivePolicy;
use proofgate_core::ledger::disk::read_dir;
use proofgate_core::term::{Hints, SourceDecl};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const STMT: &str = "Eq.{1} Bool (Challenge.small 5) Bool.true";

fn export(theorem_value: &str) -> Vec<u8> {
    let mut b = ExportBuilder::with_lean_prelude().unwrap();
    b.declare(&SourceDecl::Axiom {
        level_params: vec!["u".into()],
        name: "sorryAx".into(),
        ty: "(α : Sort u) -> Bool -> α".into(),
    })
    .unwrap();
    b.declare(&SourceDecl::Def {
        level_params: vec![],
        name: "Challenge.small".into(),
        ty: "Nat -> Bool".into(),
        value: "fun (n : Nat) => Nat.ble n 10".into(),
        hints: Hints::Regular(1),
    })
    .unwrap();
    b.declare(&SourceDecl::Theorem {
        level_params: vec![],
        name: "Challenge.goal".into(),
        ty: STMT.into(),
        value: theorem_value.into(),
    })
    .unwrap();
    b.to_ndjson().unwrap()
}

fn dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("proofgate-judge-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn args(c: &Path, s: &Path, theorem: &str, ledger: Option<PathBuf>) -> JudgeArgs {
    JudgeArgs {
        challenge: c.into(),
        solution: s.into(),
        theorems: vec![theorem.into()],
        allow_axioms: vec![],
        no_default_axioms: false,
        ledger,
        fuel: 1_000_000,
        json: false,
    }
}

#[test]
fn exit_codes_and_ledger() {
    let d = dir("exit");
    let sorry = format!("sorryAx.{{0}} ({STMT}) Bool.false");
    let (c, honest, forged) = (d.join("c.ndjson"), d.join("s.ndjson"), d.join("f.ndjson"));
    std::fs::write(&c, export(&sorry)).unwrap();
    std::fs::write(&honest, export("Eq.refl.{1} Bool Bool.true")).unwrap();
    std::fs::write(&forged, export(&sorry)).unwrap();
    let ledger = d.join("ledger");

    assert_eq!(
        run(args(&c, &honest, "Challenge.goal", Some(ledger.clone()))),
        ExitCode::SUCCESS
    );
    assert_eq!(
        run(args(&c, &forged, "Challenge.goal", Some(ledger.clone()))),
        ExitCode::from(1)
    );
    let (l, _) = read_dir(&ledger, ArchivePolicy::Retain, &mut |_| {}).unwrap();
    assert_eq!(l.len(), 1, "only the accepted theorem is appended");

    let mut a = args(&c, &forged, "Challenge.goal", None);
    a.allow_axioms = vec!["sorryAx".into()];
    a.json = true;
    assert_eq!(run(a), ExitCode::SUCCESS, "a named axiom is allowed");

    assert_eq!(run(args(&c, &honest, "Nope", None)), ExitCode::from(2));
    assert_eq!(
        run(args(&c, &d.join("missing"), "Challenge.goal", None)),
        ExitCode::from(2)
    );
    let _ = std::fs::remove_dir_all(&d);
}

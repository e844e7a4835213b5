//! The judge on a real Lean export: `Init.Prelude` (Lean 4.29.1) from the
//! external corpus (found as `proofgate-kernel/tests/support/corpus.rs`
//! says) judged against itself is accepted; the same export with one
//! theorem's proof replaced by `sorryAx` (rewritten with the export writer) is
//! rejected for that theorem and accepted for the others. Without the corpus
//! it is skipped loudly (a failure under `PROOFGATE_REQUIRE_CORPUS=1`).

#[path = "../../proofgate-kernel/tests/support/corpus.rs"]
mod corpus;

use proofgate_core::judge::{JudgeConfig, Rejection, judge};
use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    Declaration, ExportReader, ExportWriter, LevelId, TermStore, run_with_kernel_stack,
};

/// The export with `target`'s proof replaced by `sorryAx.{0} ty false`.
fn with_sorry(text: &[u8], target: &str) -> Vec<u8> {
    let mut st = TermStore::default();
    let mut reader = ExportReader::new(text);
    let mut decls = Vec::new();
    while let Some(d) = reader.next_declaration(&mut st) {
        decls.push(d.expect("the corpus reads"));
    }
    let target = st.names.dotted(target);
    let (sorry, fls) = (st.names.dotted("sorryAx"), st.names.dotted("Bool.false"));
    let (sorry, fls) = (st.cnst(sorry, &[LevelId::ZERO]), st.cnst(fls, &[]));
    let mut w = ExportWriter::new(Vec::new()).unwrap();
    for d in &mut decls {
        if let Declaration::Theorem {
            header: DeclHeader { name, ty, .. },
            value,
            ..
        } = d
            && *name == target
        {
            *value = st.apps(sorry, &[*ty, fls]);
        }
        w.write_declaration(&st, d, None).unwrap();
    }
    w.finish().unwrap()
}

#[test]
fn init_prelude_against_itself_and_with_one_sorry() {
    let Some(path) = corpus::file_or_skip(
        "good/init-prelude.ndjson",
        "init_prelude_against_itself_and_with_one_sorry",
    ) else {
        return;
    };
    let text = std::fs::read(path).unwrap();
    let theorems: Vec<String> = ["Nat.succ_pos", "Nat.sub_lt", "congrFun"]
        .map(str::to_owned)
        .to_vec();
    let forged = with_sorry(&text, "Nat.succ_pos");
    let (honest, sorry) = run_with_kernel_stack(|| {
        let cfg = JudgeConfig::default();
        (
            judge(&text[..], &text[..], &theorems, &cfg).unwrap(),
            judge(&text[..], &forged[..], &theorems, &cfg).unwrap(),
        )
    });
    assert!(honest.all_accepted(), "{:?}", honest.verdicts);
    assert!(honest.solution_declarations > 1_500);
    // `Nat.succ_pos` is a named theorem, so its proof may differ from the
    // challenge's; the sorry shows up in its axioms. (It is declared after
    // `sorryAx` in the file, so the forged export still checks.)
    let v = &sorry.verdicts[0];
    assert!(
        matches!(&v.outcome, Err(Rejection::DisallowedAxioms { axioms }) if axioms == &["sorryAx"]),
        "{v:?}"
    );
    assert!(sorry.verdicts[2].accepted(), "{:?}", sorry.verdicts[2]);
}

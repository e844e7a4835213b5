//! Writes the judge's sample inputs (`examples/judge/` at the workspace
//! root): a challenge, an honest solution and a cheating one, as Lean
//! exports built with [`ExportBuilder`] on the gate's Lean prelude, so a
//! user without Lean can try `proofgate judge`:
//!
//! ```sh
//! cargo run --example judge_samples -- examples/judge      # rewrites the three files
//! proofgate judge --challenge examples/judge/challenge.ndjson \
//!     --solution examples/judge/honest.ndjson --theorem Sample.le_ten   # exit 0
//! proofgate judge --challenge examples/judge/challenge.ndjson \
//!     --solution examples/judge/cheating.ndjson --theorem Sample.le_ten # exit 1
//! ```
//!
//! The challenge states `Sample.le_ten : Nat.ble 7 10 = true` (its proof is
//! `sorryAx`: the trusted side states, it need not prove). The honest
//! solution proves it by `Eq.refl` (the kernel computes `Nat.ble 7 10`);
//! the cheating one declares its own axiom and uses it, which the judge
//! refuses (`disallowed_axioms`).

use proofgate_core::export_builder::ExportBuilder;
use proofgate_core::term::SourceDecl;
use std::path::PathBuf;

const THEOREM: &str = "Sample.le_ten";
const STATEMENT: &str = "Eq.{1} Bool (Nat.ble 7 10) Bool.true";

fn theorem(value: &str) -> SourceDecl {
    SourceDecl::Theorem {
        level_params: vec![],
        name: THEOREM.into(),
        ty: STATEMENT.into(),
        value: value.into(),
    }
}

fn with_sorry() -> Result<ExportBuilder, Box<dyn std::error::Error>> {
    let mut b = ExportBuilder::with_lean_prelude()?;
    b.declare(&SourceDecl::Axiom {
        level_params: vec!["u".into()],
        name: "sorryAx".into(),
        ty: "(α : Sort u) -> Bool -> α".into(),
    })?;
    Ok(b)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "examples/judge".into()),
    );
    std::fs::create_dir_all(&dir)?;

    let mut challenge = with_sorry()?;
    challenge.declare(&theorem(&format!("sorryAx.{{0}} ({STATEMENT}) Bool.false")))?;

    let mut honest = with_sorry()?;
    honest.declare(&theorem("Eq.refl.{1} Bool Bool.true"))?;

    let mut cheating = with_sorry()?;
    cheating.declare(&SourceDecl::Axiom {
        level_params: vec![],
        name: "Cheat.anything".into(),
        ty: "(p : Prop) -> p".into(),
    })?;
    cheating.declare(&theorem(&format!("Cheat.anything ({STATEMENT})")))?;

    for (name, b) in [
        ("challenge", &challenge),
        ("honest", &honest),
        ("cheating", &cheating),
    ] {
        let path = dir.join(format!("{name}.ndjson"));
        std::fs::write(&path, b.to_ndjson()?)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

//! The judge's sample inputs (`examples/judge/`) are what
//! `examples/judge_samples.rs` writes, and get the verdicts the README
//! promises: the honest solution accepted, the cheating one refused.

use proofgate_core::judge::{JudgeConfig, Rejection, judge_files};
use std::path::{Path, PathBuf};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/judge")
}

#[test]
fn the_samples_are_the_generator_output() {
    let out = std::env::temp_dir().join(format!("proofgate-judge-samples-{}", std::process::id()));
    let status = std::process::Command::new(env!("CARGO"))
        .args(["run", "-q", "--example", "judge_samples", "--"])
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("run the generator");
    assert!(status.success());
    for name in ["challenge", "honest", "cheating"] {
        let file = format!("{name}.ndjson");
        let want = std::fs::read(out.join(&file)).expect("generated");
        let have = std::fs::read(samples().join(&file)).expect("committed");
        assert!(
            want == have,
            "examples/judge/{file} is stale: rerun the generator"
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_samples_get_the_verdicts_the_readme_states() {
    let dir = samples();
    let judge = |solution: &str| {
        judge_files(
            &dir.join("challenge.ndjson"),
            &dir.join(solution),
            &["Sample.le_ten".to_owned()],
            &JudgeConfig::default(),
        )
        .expect("usable")
    };
    assert!(judge("honest.ndjson").all_accepted());
    let cheating = judge("cheating.ndjson");
    assert!(
        matches!(
            cheating.verdicts[0].outcome.as_ref().err(),
            Some(Rejection::DisallowedAxioms { axioms }) if axioms == &["Cheat.anything".to_owned()]
        ),
        "{:?}",
        cheating.verdicts[0]
    );
}

//! `proofgate check -` reads the export from standard input, with the same
//! verdicts and exit codes as from a file, and prints no progress line when
//! stderr is not a terminal.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../proofgate-kernel/tests/fixtures")
        .join(rel)
}

/// Runs `proofgate check ARGS` with `input` on standard input.
fn check(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_proofgate"))
        .arg("check")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run proofgate");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn standard_input_gets_the_verdict_a_file_gets() {
    let good = std::fs::read(fixture("accept/structure.ndjson")).unwrap();
    let (code, out, err) = check(&["-"], &good);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<stdin>: accepted "), "{out}");
    assert!(err.is_empty(), "no progress line off a terminal: {err}");

    let bad = std::fs::read(fixture("reject/non_positive.ndjson")).unwrap();
    let (code, _, err) = check(&["-"], &bad);
    assert_eq!(code, 1);
    assert!(err.contains("<stdin>: rejected"), "{err}");

    let (code, out, _) = check(&["--json", "-"], &good);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON line");
    assert_eq!(v["file"], "<stdin>");
    assert_eq!(v["verdict"], "accepted");
}

#[test]
fn standard_input_named_twice_is_a_usage_error() {
    let (code, _, err) = check(&["-", "-"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("only once"), "{err}");
}

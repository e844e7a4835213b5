//! Checks every file of the Lean export corpus (`../shared/lean-exports`
//! relative to the workspace root, or `$PROOFGATE_LEAN_EXPORTS`): each file
//! under `good/` must be accepted, each under `bad/` rejected. Prints a
//! per-file table and fails on any wrong verdict, or when the corpus is
//! absent.

use proofgate_kernel::{CheckFailure, Kernel, Limits, check_export, run_with_kernel_stack};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    match std::env::var_os("PROOFGATE_LEAN_EXPORTS") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/lean-exports"),
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "ndjson") {
            out.push(p);
        }
    }
}

#[test]
fn corpus_verdicts() {
    let dir = corpus_dir();
    assert!(
        dir.join("good").is_dir() && dir.join("bad").is_dir(),
        "Lean export corpus not found at {} (set PROOFGATE_LEAN_EXPORTS to its folder)",
        dir.display()
    );
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "no .ndjson files under {}",
        dir.display()
    );
    let rows = run_with_kernel_stack(move || {
        let mut rows = Vec::new();
        for f in &files {
            let rel = f.strip_prefix(&dir).unwrap_or(f).display().to_string();
            let expect_good = rel.starts_with("good");
            let mut kernel = Kernel::new();
            let file = File::open(f).expect("open corpus file");
            let r = check_export(&mut kernel, BufReader::new(file), Limits::DEFAULT);
            let (verdict, detail) = match &r {
                Ok(rep) => (
                    "accepted",
                    format!("{} declarations, {} steps", rep.declarations, rep.steps),
                ),
                Err(CheckFailure::Export(e)) if e.is_unsupported() => ("declined", e.to_string()),
                Err(e) => ("rejected", e.to_string()),
            };
            let ok = if expect_good {
                verdict == "accepted"
            } else {
                verdict == "rejected"
            };
            rows.push((rel, verdict, ok, detail));
        }
        rows
    });
    let mut wrong = 0;
    println!("{:<55} {:<9} {:<5} detail", "file", "verdict", "ok");
    for (rel, verdict, ok, detail) in &rows {
        if !ok {
            wrong += 1;
        }
        let short: String = detail.chars().take(110).collect();
        println!(
            "{rel:<55} {verdict:<9} {:<5} {short}",
            if *ok { "yes" } else { "NO" }
        );
    }
    println!("{} files, {} wrong verdicts", rows.len(), wrong);
    assert_eq!(
        wrong, 0,
        "{wrong} corpus files got the wrong verdict (see table above)"
    );
}

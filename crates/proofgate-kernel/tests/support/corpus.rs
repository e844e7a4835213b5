//! Where the external Lean export corpus lives, shared by every test and
//! bench that reads it (included with `#[path]`, so one copy of the rules).
//!
//! Search order: `$PROOFGATE_LEAN_EXPORTS`; `../shared/lean-exports` beside
//! the workspace; `target/lean-exports` (filled by `scripts/fetch-corpus.sh`).
//! `scripts/find-corpus.sh` is the shell twin of [`locate`]; keep them equal.
//!
//! A clone with no corpus still tests the kernel on its in-repo fixtures, so
//! a missing corpus skips the external suite with one loud line instead of
//! failing, unless `PROOFGATE_REQUIRE_CORPUS=1` (set by `.ci/run`), under
//! which it fails. An explicitly set `PROOFGATE_LEAN_EXPORTS` that does not
//! hold a corpus always fails: skipping would hide the misconfiguration.
//!
//! `PROOFGATE_NO_CORPUS=1` hides the corpus from this helper wherever it is
//! (it wins over every place above): `scripts/test.sh` runs the corpus-reading
//! targets once so, as on a clone with nothing beside it, and with
//! `PROOFGATE_LEAN_EXPORTS` pointing at an empty folder, so a test that looks
//! the corpus up on its own instead of through this file fails there.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The workspace root: the nearest ancestor of the including crate that
/// holds `Cargo.lock`.
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .find(|d| d.join("Cargo.lock").is_file())
        .unwrap_or(manifest)
        .to_path_buf()
}

fn is_corpus(dir: &Path) -> bool {
    dir.join("good").is_dir() && dir.join("bad").is_dir()
}

/// The corpus folder (holding `good/` and `bad/`), or the places tried.
pub fn locate() -> Result<PathBuf, Vec<PathBuf>> {
    if hidden() {
        return Err(Vec::new());
    }
    if let Some(p) = std::env::var_os("PROOFGATE_LEAN_EXPORTS") {
        let p = PathBuf::from(p);
        assert!(
            is_corpus(&p),
            "PROOFGATE_LEAN_EXPORTS={} holds no good/ and bad/ folders",
            p.display()
        );
        return Ok(p);
    }
    let root = workspace_root();
    let tried = vec![
        root.join("../shared/lean-exports"),
        root.join("target/lean-exports"),
    ];
    match tried.iter().find(|d| is_corpus(d)) {
        Some(d) => Ok(d.clone()),
        None => Err(tried),
    }
}

/// `PROOFGATE_NO_CORPUS=1`: behave as if no corpus existed anywhere.
fn hidden() -> bool {
    std::env::var_os("PROOFGATE_NO_CORPUS").is_some_and(|v| v == "1")
}

fn required() -> bool {
    std::env::var_os("PROOFGATE_REQUIRE_CORPUS").is_some_and(|v| v == "1")
}

/// Handles a missing corpus file or folder for the test `what`: panics when
/// the corpus is required, else prints the loud skip line.
fn missing(what: &str, detail: &str) {
    let how = "run scripts/fetch-corpus.sh or set PROOFGATE_LEAN_EXPORTS=DIR";
    assert!(
        !required(),
        "PROOFGATE_REQUIRE_CORPUS=1 but {detail} ({what}); {how}"
    );
    eprintln!("!!! SKIPPED external Lean corpus suite ({what}): {detail}; {how} !!!");
}

/// The corpus folder, or `None` after the skip line (panics if required).
pub fn dir_or_skip(what: &str) -> Option<PathBuf> {
    match locate() {
        Ok(d) => Some(d),
        Err(_) if hidden() => {
            missing(what, "the corpus is hidden (PROOFGATE_NO_CORPUS=1)");
            None
        }
        Err(tried) => {
            let tried: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
            missing(
                what,
                &format!("no corpus found (tried {})", tried.join(", ")),
            );
            None
        }
    }
}

/// A file of the corpus (`rel` below its folder), or `None` after the skip
/// line (the fetched Arena archive need not hold `good/init-prelude.ndjson`).
pub fn file_or_skip(rel: &str, what: &str) -> Option<PathBuf> {
    let dir = dir_or_skip(what)?;
    let path = dir.join(rel);
    if path.is_file() {
        Some(path)
    } else {
        missing(what, &format!("{} not found", path.display()));
        None
    }
}

/// Every `.ndjson` file below `dir`, sorted.
pub fn ndjson_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "ndjson") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

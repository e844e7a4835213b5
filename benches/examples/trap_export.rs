//! Writes one perf-trap export to stdout, for measuring with the command
//! line (`proofgate check --stats`, `/usr/bin/time -v`):
//!
//! ```text
//! cargo run --release -p proofgate-benches --example trap_export -- app_lam 1000 > app-lam.ndjson
//! ```
//!
//! With no arguments it lists the classes.
#![forbid(unsafe_code)]

use proofgate_benches::traps::{TRAPS, trap};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(name), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: trap_export CLASS N\nclasses:");
        for t in TRAPS {
            eprintln!("  {:14} {}", t.name, t.what);
        }
        std::process::exit(2);
    };
    let Some(t) = trap(name) else {
        eprintln!("unknown class {name}");
        std::process::exit(2);
    };
    let bytes = (t.build)(n);
    std::io::stdout()
        .write_all(&bytes)
        .expect("write to stdout");
}

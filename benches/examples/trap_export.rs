//! Writes one perf-trap export to stdout, for measuring with the command
//! line (`proofgate check --stats`, `/usr/bin/time -v`):
//!
//! ```text
//! cargo run --release -p proofgate-benches --example trap_export -- app_lam 1000 > app-lam.ndjson
//! ```
//!
//! With no arguments it lists the classes. Issue 19's resource shapes
//! (`proofgate_benches::resource_shapes`) are written the same way:
//! `trap_export -- string_against_empty 1048577 > big-string.ndjson`.
#![forbid(unsafe_code)]

use proofgate_benches::resource_shapes::{SHAPES, shape};
use proofgate_benches::traps::{TRAPS, trap};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(name), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: trap_export CLASS N\nclasses:");
        for t in TRAPS {
            eprintln!("  {:14} {}", t.name, t.what);
        }
        eprintln!("resource shapes (issue 19):");
        for (name, what) in SHAPES {
            eprintln!("  {name:20} {what}");
        }
        std::process::exit(2);
    };
    let bytes = match (trap(name), shape(name, n as u64)) {
        (Some(t), _) => (t.build)(n),
        (None, Some(bytes)) => bytes,
        (None, None) => {
            eprintln!("unknown class {name}");
            std::process::exit(2);
        }
    };
    std::io::stdout()
        .write_all(&bytes)
        .expect("write to stdout");
}

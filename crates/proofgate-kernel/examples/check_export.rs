//! Checks a Lean 4 export file (NDJSON, format 3.1.0) given on the command
//! line, the way a program embedding the kernel would:
//!
//! ```sh
//! cargo run --example check_export -- FILE
//! ```
//!
//! Exit status follows the Lean Kernel Arena: 0 accepted, 1 rejected,
//! 2 declined (unreadable, or an export format the kernel does not know).

use proofgate_kernel::{CheckFailure, Kernel, Limits, check_export, run_with_kernel_stack};
use std::io::BufReader;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: check_export FILE");
        return ExitCode::from(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{}: cannot open: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    // Real exports nest deeply: the kernel recurses on a large stack.
    let result = run_with_kernel_stack(move || {
        let mut kernel = Kernel::new();
        check_export(&mut kernel, BufReader::new(file), Limits::DEEP)
    });
    match result {
        Ok(report) => {
            println!(
                "accepted {} declarations ({} reduction steps, {} terms)",
                report.declarations, report.steps, report.terms
            );
            ExitCode::SUCCESS
        }
        Err(CheckFailure::Export(e)) if e.is_unsupported() => {
            eprintln!("declined: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("rejected: {e}");
            ExitCode::from(1)
        }
    }
}

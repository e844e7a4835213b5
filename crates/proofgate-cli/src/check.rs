//! `proofgate check`: type-check Lean export files.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `proofgate check`.
#[derive(Args)]
pub struct CheckArgs {
    /// Export files to check, each in an empty environment.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

/// Not built yet: declines every input (Arena exit code 2) rather than guess.
pub fn run(args: CheckArgs) -> ExitCode {
    let _ = args.files;
    eprintln!("proofgate check: not yet built (the kernel has not landed); declining");
    ExitCode::from(2)
}

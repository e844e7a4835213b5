//! Standard output written the way Unix tools write it. `println!` panics when
//! the reader goes away (`proofgate ledger inspect DIR | head`); here a closed
//! pipe ends the program quietly with the status a shell reports for SIGPIPE,
//! so a pipeline still sees that the output was cut short.

use std::fmt::Arguments;
use std::io::{self, Write};
use std::process;

/// Exit status of a program ended by SIGPIPE (128 + 13), as shells report it.
const BROKEN_PIPE_STATUS: i32 = 141;

/// Writes one line to standard output.
pub fn line(args: Arguments<'_>) {
    let mut out = io::stdout().lock();
    let written = out.write_fmt(args).and_then(|()| out.write_all(b"\n"));
    if let Err(e) = written {
        if e.kind() == io::ErrorKind::BrokenPipe {
            process::exit(BROKEN_PIPE_STATUS);
        }
        eprintln!("proofgate: cannot write to standard output: {e}");
        process::exit(2);
    }
}

/// `println!` for this program: see [`line`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::stdout::line(format_args!($($arg)*))
    };
}
pub(crate) use outln;

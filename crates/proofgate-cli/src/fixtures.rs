//! Where the CLI's tests find the kernel's fixtures. They ship with the
//! `proofgate-kernel` package, not this one: in the workspace they are always
//! there (a missing folder fails the test), and in this crate's package,
//! unpacked alone, the tests that read them skip with a line saying so.

use std::path::{Path, PathBuf};

/// The kernel's fixture folder, or `None` outside the workspace.
pub(crate) fn kernel_fixtures() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = here.join("../proofgate-kernel/tests/fixtures");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        !here.join("../../Cargo.lock").exists(),
        "{} is missing from the workspace",
        dir.display()
    );
    eprintln!("SKIPPED: the kernel's fixtures ship with proofgate-kernel, not beside this package");
    None
}

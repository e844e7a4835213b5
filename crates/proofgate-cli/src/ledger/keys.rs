//! Reading keys, checkpoints and proofs from files, with errors that name
//! the file.

use proofgate_core::ledger::{Checkpoint, NoteSigner, NoteVerifier};
use std::path::Path;

/// Largest key, checkpoint or proof file read (each is well under 64 KiB).
const MAX_FILE: u64 = 1 << 20;

/// Reads a small file whole, refusing one larger than [`MAX_FILE`].
pub fn read_small(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > MAX_FILE {
        return Err(format!(
            "{}: {} bytes, more than the {MAX_FILE} a key, checkpoint or proof file can be",
            path.display(),
            meta.len()
        ));
    }
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    String::from_utf8(read_small(path)?).map_err(|_| format!("{}: not UTF-8 text", path.display()))
}

/// The private key in `path`.
pub fn signer(path: &Path) -> Result<NoteSigner, String> {
    NoteSigner::from_text(&read_text(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// The public (verifier) key in `path`.
pub fn verifier(path: &Path) -> Result<NoteVerifier, String> {
    NoteVerifier::from_text(&read_text(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// The signed checkpoint in `path`, verified with `key`.
pub fn checkpoint(path: &Path, key: &NoteVerifier) -> Result<Checkpoint, String> {
    Checkpoint::open(&read_small(path)?, key).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `text` to a new file (never over an existing one), readable only
/// by its owner when `private`.
pub fn write_new(path: &Path, text: &str, private: bool) -> Result<(), String> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `text` to `path`, replacing it (checkpoints and proofs are public).
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

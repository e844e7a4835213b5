//! One writer per directory: an exclusive lock on `LOCK`, held for the life
//! of the writer and released by the OS when the process dies.

use super::error::DiskError;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// Name of the lock file inside a ledger directory.
pub const LOCK_FILE: &str = "LOCK";

/// The held lock; dropping it releases the directory.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

impl DirLock {
    /// Takes the lock or reports who cannot have it.
    pub fn acquire(dir: &Path) -> Result<Self, DiskError> {
        let path = dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(DiskError::io(&path))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(DiskError::Locked {
                dir: dir.to_path_buf(),
            }),
            Err(TryLockError::Error(source)) => Err(DiskError::Io { path, source }),
        }
    }
}

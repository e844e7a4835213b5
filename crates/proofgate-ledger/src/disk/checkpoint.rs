//! A ledger directory against a signed checkpoint. A log verified only
//! against itself cannot tell a ledger cut back at a record or file
//! boundary from a shorter one; a checkpoint signed earlier can: the
//! directory must still hold at least the checkpoint's entries, and the
//! first `size` of them must have the checkpoint's root.

use super::error::DiskError;
use super::{VerifyReport, read_dir};
use crate::ArchivePolicy;
use crate::checkpoint::Checkpoint;
use std::path::Path;

/// Verifies `dir` (as [`super::verify_dir`]) and checks that it extends
/// `checkpoint`: [`DiskError::RolledBack`] when it holds fewer entries,
/// [`DiskError::Forked`] when its first `checkpoint.size` entries have
/// another root. The checkpoint's signature is the caller's to check
/// ([`Checkpoint::open`]).
///
/// Archived segments are kept in memory while the root at the checkpoint's
/// size is computed, so memory grows with the directory.
pub fn verify_against(dir: &Path, checkpoint: &Checkpoint) -> Result<VerifyReport, DiskError> {
    let (ledger, scan) = read_dir(dir, ArchivePolicy::Retain, &mut |_| {})?;
    if ledger.len() < checkpoint.size {
        return Err(DiskError::RolledBack {
            dir: dir.to_path_buf(),
            entries: ledger.len(),
            checkpoint: checkpoint.size,
        });
    }
    if ledger.root_at(checkpoint.size, &[])? != checkpoint.root {
        return Err(DiskError::Forked {
            dir: dir.to_path_buf(),
            size: checkpoint.size,
        });
    }
    Ok(VerifyReport {
        scan,
        root: ledger.root(),
        head: ledger.head(),
        epoch: ledger.epoch(),
        epoch_config: *ledger.epoch_config(),
    })
}

/// The checkpoint of everything `dir` holds, under `origin` (which must end
/// in `/blake3`). A directory with a torn tail is refused: open it for
/// writing first, which drops the tail, so that what is signed is what the
/// next writer continues.
pub fn checkpoint_of(dir: &Path, origin: &str) -> Result<Checkpoint, DiskError> {
    let report = super::verify_dir(dir)?;
    if let Some(torn) = report.scan.torn {
        return Err(DiskError::TornTail {
            file: torn.file,
            offset: torn.offset,
        });
    }
    Ok(Checkpoint::new(origin, report.scan.records, report.root)?)
}

//! The single writer of a segment file and its durability policy.

use super::error::DiskError;
use super::frame::{self, RecordKind};
use super::scan::{header_payload, segment_name};
use crate::hash::Hash;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// When appended records reach the disk (`fsync`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Every append is synced before it returns: each receipt is durable.
    EveryAppend,
    /// Group commit: sync once `records` appends are pending, or when an
    /// append finds the oldest pending one older than `interval`. Pending
    /// records are also synced by [`super::DiskLedger::sync`] and on drop.
    /// There is no background thread: an idle writer syncs at its next call.
    Group {
        /// Pending appends that force a sync (at least 1).
        records: u32,
        /// Age of the oldest pending append that forces a sync.
        interval: Duration,
    },
}

/// Fsyncs a directory so a created or truncated file's entry is durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), DiskError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(DiskError::io(dir))
}

/// Appends framed records to the current segment file.
#[derive(Debug)]
pub(crate) struct SegmentWriter {
    dir: PathBuf,
    path: PathBuf,
    file: File,
    scratch: Vec<u8>,
    pending: u32,
    oldest_pending: Option<Instant>,
}

impl SegmentWriter {
    /// Continues the existing file at `path`.
    pub(crate) fn reopen(dir: &Path, path: PathBuf) -> Result<Self, DiskError> {
        let file = OpenOptions::new()
            .append(true)
            .open(&path)
            .map_err(DiskError::io(&path))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            path,
            file,
            scratch: Vec::with_capacity(256),
            pending: 0,
            oldest_pending: None,
        })
    }

    /// Creates the segment file whose first entry is `first`, writes and
    /// syncs its header, and syncs the directory.
    pub(crate) fn create(dir: &Path, first: u64, head_before: &Hash) -> Result<Self, DiskError> {
        let path = dir.join(segment_name(first));
        let mut file = OpenOptions::new()
            .create_new(true)
            .append(true)
            .open(&path)
            .map_err(DiskError::io(&path))?;
        let mut scratch = Vec::with_capacity(256);
        frame::encode(
            RecordKind::SegmentHeader,
            &header_payload(first, head_before),
            &mut scratch,
        );
        file.write_all(&scratch)
            .and_then(|()| file.sync_data())
            .map_err(DiskError::io(&path))?;
        sync_dir(dir)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            path,
            file,
            scratch,
            pending: 0,
            oldest_pending: None,
        })
    }

    /// Writes one entry record (entry bytes, then the chain head after it).
    pub(crate) fn write_entry(&mut self, entry_bytes: &[u8], head: &Hash) -> Result<(), DiskError> {
        self.scratch.clear();
        let mut payload = [0u8; crate::record::entry::MAX_ENTRY_SIZE + 32];
        payload[..entry_bytes.len()].copy_from_slice(entry_bytes);
        payload[entry_bytes.len()..entry_bytes.len() + 32].copy_from_slice(head);
        frame::encode(
            RecordKind::Entry,
            &payload[..entry_bytes.len() + 32],
            &mut self.scratch,
        );
        self.file
            .write_all(&self.scratch)
            .map_err(DiskError::io(&self.path))?;
        self.pending += 1;
        self.oldest_pending.get_or_insert_with(Instant::now);
        Ok(())
    }

    /// Whether the policy asks for a sync now.
    pub(crate) fn due(&self, policy: Durability) -> bool {
        match policy {
            Durability::EveryAppend => self.pending > 0,
            Durability::Group { records, interval } => {
                self.pending >= records.max(1)
                    || self.oldest_pending.is_some_and(|t| t.elapsed() >= interval)
            }
        }
    }

    /// Syncs every written record to the disk.
    pub(crate) fn sync(&mut self) -> Result<(), DiskError> {
        if self.pending > 0 {
            self.file.sync_data().map_err(DiskError::io(&self.path))?;
        }
        self.pending = 0;
        self.oldest_pending = None;
        Ok(())
    }

    /// The ledger directory.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }
}

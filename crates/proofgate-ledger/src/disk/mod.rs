//! The ledger on disk: a directory of segment files, one writer at a time.
//!
//! * [`frame`]: record framing (magic, version, length, checksums).
//! * [`writer`]: the segment writer and its [`Durability`] policy.
//! * [`mod@scan`]: reading back, torn-tail detection, refusal of alterations.
//! * [`lock`]: the lock file that refuses a second writer.
//! * [`mod@checkpoint`]: a directory against a signed checkpoint (rollback
//!   and fork detection), and the checkpoint of a directory.
//!
//! Segment file `seg-<first position, 20 digits>.pgl` opens with a header
//! record (its first position and the chain head before it); every other
//! record is one entry and the chain head after it. A compaction or epoch
//! seal starts a new file, so every file but the last is sealed and never
//! written again.

pub mod checkpoint;
pub mod error;
pub mod frame;
pub mod lock;
pub mod prove;
pub mod scan;
pub mod writer;

pub use checkpoint::{checkpoint_of, verify_against};
pub use error::DiskError;
pub use prove::{ProvedFile, consistency_proof_file, inclusion_proof_file};
pub use scan::{ScanReport, SegmentFile, TornTail, Visit, list_segments, scan, segment_name};
pub use writer::Durability;

use crate::hash::GENESIS_HEAD;
use crate::record::approval::Approval;
use crate::record::attestation::ProofAttestation;
use crate::record::entry::LedgerEntry;
use crate::{
    ArchivePolicy, EpochBoundary, EpochConfig, LedgerConfig, MutationLedger, SupersessionProof,
};
use lock::DirLock;
use std::path::{Path, PathBuf};
use writer::{SegmentWriter, sync_dir};

/// How to open a ledger directory for writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiskOptions {
    /// When appends reach the disk.
    pub durability: Durability,
    /// Memory management of the in-memory ledger. Archived segments are on
    /// disk, so [`ArchivePolicy::Discard`] (the default here) keeps memory
    /// bounded by the threshold.
    pub config: LedgerConfig,
}

impl Default for DiskOptions {
    fn default() -> Self {
        Self {
            durability: Durability::EveryAppend,
            config: LedgerConfig {
                archive: ArchivePolicy::Discard,
                ..LedgerConfig::default()
            },
        }
    }
}

/// What an append reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppendReceipt {
    /// Position of the appended entry.
    pub position: u64,
    /// Every entry below this position is on disk and survives a crash.
    pub durable_len: u64,
}

impl AppendReceipt {
    /// Whether the appended entry itself is durable.
    pub fn is_durable(&self) -> bool {
        self.position < self.durable_len
    }
}

/// The single writer of a ledger directory.
#[derive(Debug)]
pub struct DiskLedger {
    ledger: MutationLedger,
    writer: SegmentWriter,
    durability: Durability,
    durable_len: u64,
    written_len: u64,
    recovery: ScanReport,
    poisoned: Option<String>,
    _lock: DirLock,
}

impl DiskLedger {
    /// Opens (creating if needed) the ledger in `dir`: takes the lock,
    /// verifies every record, truncates a torn tail (see
    /// [`Self::recovery`]) and refuses an altered directory.
    pub fn open(dir: impl AsRef<Path>, options: DiskOptions) -> Result<Self, DiskError> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(DiskError::io(dir))?;
        let lock = DirLock::acquire(dir)?;
        let (ledger, recovery) = scan(dir, options.config, &mut |_| {})?;
        if let Some(torn) = &recovery.torn {
            drop_torn_tail(dir, torn)?;
        }
        let files = list_segments(dir)?;
        let writer = match files.last() {
            Some(last) => {
                let mut w = SegmentWriter::reopen(dir, last.path.clone())?;
                w.sync()?;
                w
            }
            None => SegmentWriter::create(dir, 0, &GENESIS_HEAD)?,
        };
        let len = ledger.len();
        Ok(Self {
            ledger,
            writer,
            durability: options.durability,
            durable_len: len,
            written_len: len,
            recovery,
            poisoned: None,
            _lock: lock,
        })
    }

    /// A verified inclusion proof file of entry `index` in the tree of the
    /// first `size` entries (default: all), archived entries included: what
    /// was appended is synced first, then the directory is read back
    /// ([`inclusion_proof_file`]).
    pub fn inclusion_proof_file(
        &mut self,
        index: u64,
        size: Option<u64>,
    ) -> Result<ProvedFile, DiskError> {
        self.sync()?;
        inclusion_proof_file(self.writer.dir(), index, size)
    }

    /// A verified consistency proof file between the first `old` and the
    /// first `new` entries ([`consistency_proof_file`], after a sync).
    pub fn consistency_proof_file(&mut self, old: u64, new: u64) -> Result<ProvedFile, DiskError> {
        self.sync()?;
        consistency_proof_file(self.writer.dir(), old, new)
    }

    /// What opening found: entries recovered and the torn tail dropped.
    pub fn recovery(&self) -> &ScanReport {
        &self.recovery
    }
    /// The in-memory ledger (for roots and proofs of live entries).
    pub fn ledger(&self) -> &MutationLedger {
        &self.ledger
    }
    /// Entries that are on disk and survive a crash.
    pub fn durable_len(&self) -> u64 {
        self.durable_len
    }

    /// Records one attestation (compacting into a new segment file at the
    /// threshold) and syncs as the policy says.
    pub fn append(&mut self, att: ProofAttestation) -> Result<AppendReceipt, DiskError> {
        self.check_poison()?;
        let position = self.ledger.append(att)?;
        self.persist(position)
    }

    /// Records one approved mutation (attestation, subject digest and
    /// approval time; see [`crate::Approval`]), as [`Self::append`] does.
    pub fn append_approval(&mut self, approval: Approval) -> Result<AppendReceipt, DiskError> {
        self.check_poison()?;
        let position = self.ledger.append_approval(approval)?;
        self.persist(position)
    }

    /// Records a supersession.
    pub fn supersede(&mut self, proof: SupersessionProof) -> Result<AppendReceipt, DiskError> {
        self.check_poison()?;
        let position = self.ledger.supersede(proof)?;
        self.persist(position)
    }

    /// Compacts now: the next entries go to a new segment file.
    pub fn compact(&mut self) -> Result<Option<AppendReceipt>, DiskError> {
        self.check_poison()?;
        if self.ledger.compact()?.is_none() {
            return Ok(None);
        }
        let position = self.ledger.len() - 1;
        self.persist(position).map(Some)
    }

    /// Seals the epoch only if `config` differs from the current epoch's (see
    /// [`MutationLedger::enter_epoch`]).
    pub fn enter_epoch(
        &mut self,
        config: EpochConfig,
    ) -> Result<Option<(EpochBoundary, AppendReceipt)>, DiskError> {
        if config == *self.ledger.epoch_config() {
            return Ok(None);
        }
        self.seal_epoch(config).map(Some)
    }

    /// Seals the epoch (a new segment file starts with the boundary).
    pub fn seal_epoch(
        &mut self,
        config: EpochConfig,
    ) -> Result<(EpochBoundary, AppendReceipt), DiskError> {
        self.check_poison()?;
        let boundary = self.ledger.seal_epoch(config)?;
        let position = self.ledger.len() - 1;
        Ok((boundary, self.persist(position)?))
    }

    /// Syncs everything written; returns the durable length.
    pub fn sync(&mut self) -> Result<u64, DiskError> {
        self.check_poison()?;
        self.writer
            .sync()
            .inspect_err(|e| self.poisoned = Some(e.to_string()))?;
        self.durable_len = self.written_len;
        Ok(self.durable_len)
    }

    fn check_poison(&self) -> Result<(), DiskError> {
        match &self.poisoned {
            Some(why) => Err(DiskError::Poisoned(why.clone())),
            None => Ok(()),
        }
    }

    /// Writes every entry not yet on disk, rotating at seals, then syncs if
    /// the policy says so.
    fn persist(&mut self, position: u64) -> Result<AppendReceipt, DiskError> {
        let result = self.write_pending();
        if let Err(e) = &result {
            self.poisoned = Some(e.to_string());
        }
        result?;
        Ok(AppendReceipt {
            position,
            durable_len: self.durable_len,
        })
    }

    fn write_pending(&mut self) -> Result<(), DiskError> {
        while self.written_len < self.ledger.len() {
            let p = self.written_len;
            let entry = self.ledger.entry(p).ok_or(crate::LedgerError::OutOfRange {
                index: p,
                len: self.ledger.len(),
            })?;
            let head = self.ledger.head_at(p).unwrap_or(GENESIS_HEAD);
            let rotation = match entry {
                LedgerEntry::CompactionSeal(s) => Some(s.seal.head),
                LedgerEntry::EpochBoundary(b) => Some(b.seal.head),
                _ => None,
            };
            if let Some(head_before) = rotation
                && p > 0
            {
                // Seal the current file (all of it durable), then open the next.
                self.writer.sync()?;
                self.durable_len = self.written_len;
                let dir = self.writer.dir().to_path_buf();
                self.writer = SegmentWriter::create(&dir, p, &head_before)?;
            }
            let bytes = entry.encode();
            self.writer.write_entry(bytes.as_slice(), &head)?;
            self.written_len += 1;
        }
        if self.writer.due(self.durability) {
            self.writer.sync()?;
            self.durable_len = self.written_len;
        }
        Ok(())
    }
}

impl Drop for DiskLedger {
    fn drop(&mut self) {
        if self.poisoned.is_none() {
            // Best effort: an error here has nobody to report to, and
            // nothing pending was ever reported durable.
            let _ = self.writer.sync();
        }
    }
}

/// Truncates (or, for a file holding only a torn header, removes) the torn
/// tail found by a scan, and makes that durable.
fn drop_torn_tail(dir: &Path, torn: &TornTail) -> Result<(), DiskError> {
    if torn.offset == 0 {
        std::fs::remove_file(&torn.file).map_err(DiskError::io(&torn.file))?;
    } else {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&torn.file)
            .map_err(DiskError::io(&torn.file))?;
        file.set_len(torn.offset)
            .and_then(|()| file.sync_all())
            .map_err(DiskError::io(&torn.file))?;
    }
    sync_dir(dir)
}

/// Result of a read-only verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// The scan summary (a torn tail is reported, not repaired).
    pub scan: ScanReport,
    /// Merkle root of all recovered entries.
    pub root: crate::Hash,
    /// Chain head after the last recovered entry.
    pub head: crate::Hash,
    /// Current epoch.
    pub epoch: u64,
    /// The configuration the current epoch runs under; its environment
    /// hash, when not zero, is the one every attestation of the epoch
    /// carries (checked).
    pub epoch_config: EpochConfig,
}

/// Reads `dir` without taking the lock or changing anything, checking every
/// record; a torn tail is reported in the result, an alteration is an error.
/// Memory stays bounded: archived segments are dropped as they are checked.
pub fn verify_dir(dir: &Path) -> Result<VerifyReport, DiskError> {
    let (ledger, report) = read_dir(dir, ArchivePolicy::Discard, &mut |_| {})?;
    Ok(VerifyReport {
        scan: report,
        root: ledger.root(),
        head: ledger.head(),
        epoch: ledger.epoch(),
        epoch_config: *ledger.epoch_config(),
    })
}

/// Reads `dir` read-only into a ledger (with `archive` deciding whether the
/// archived segments stay in memory, as proving archived entries needs).
pub fn read_dir(
    dir: &Path,
    archive: ArchivePolicy,
    visit: &mut dyn FnMut(Visit<'_>),
) -> Result<(MutationLedger, ScanReport), DiskError> {
    if !dir.is_dir() {
        let (kind, what) = if dir.exists() {
            (
                std::io::ErrorKind::NotADirectory,
                "not a directory (a ledger is a directory of segment files)",
            )
        } else {
            (std::io::ErrorKind::NotFound, "no such ledger directory")
        };
        return Err(DiskError::Io {
            path: PathBuf::from(dir),
            source: std::io::Error::new(kind, what),
        });
    }
    if list_segments(dir)?.is_empty() {
        return Err(DiskError::NotALedger {
            dir: dir.to_path_buf(),
        });
    }
    let config = LedgerConfig {
        compaction_threshold: None,
        archive,
    };
    let (ledger, report) = scan(dir, config, visit)?;
    ledger.verify()?;
    Ok((ledger, report))
}

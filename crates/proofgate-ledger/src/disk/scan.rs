//! Reading a ledger directory back: every segment file in order, every record
//! checked (framing, checksum, decoding, chain head, seals) while replaying it
//! into a [`MutationLedger`]. A crash can only leave a torn tail at the end of
//! the last file; anything else is alteration and is refused with the file,
//! record and byte.

use super::error::DiskError;
use super::frame::{self, HEADER_SIZE, Parsed, RecordKind};
use crate::hash::Hash;
use crate::record::entry::LedgerEntry;
use crate::{LedgerConfig, MutationLedger};
use std::path::{Path, PathBuf};

/// A segment file of the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentFile {
    /// Its path.
    pub path: PathBuf,
    /// Position of its first entry (from its name).
    pub first: u64,
}

/// Name of the segment file whose first entry is at `first`.
pub fn segment_name(first: u64) -> String {
    format!("seg-{first:020}.pgl")
}

/// The segment files of `dir`, in order.
pub fn list_segments(dir: &Path) -> Result<Vec<SegmentFile>, DiskError> {
    let mut out = Vec::new();
    for item in std::fs::read_dir(dir).map_err(DiskError::io(dir))? {
        let item = item.map_err(DiskError::io(dir))?;
        let path = item.path();
        let name = item.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.starts_with("seg-") {
            continue;
        }
        let first = name
            .strip_prefix("seg-")
            .and_then(|n| n.strip_suffix(".pgl"))
            .filter(|n| n.len() == 20)
            .and_then(|n| n.parse::<u64>().ok())
            .ok_or_else(|| DiskError::BadFileName { path: path.clone() })?;
        out.push(SegmentFile { path, first });
    }
    out.sort_by_key(|s| s.first);
    Ok(out)
}

/// What a crash left at the end of the last file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TornTail {
    /// The file.
    pub file: PathBuf,
    /// Offset where the torn bytes begin (the file is valid before it).
    pub offset: u64,
    /// How many bytes are torn.
    pub bytes: u64,
    /// How many partial records they hold (a partial entry, or a segment
    /// header and nothing after it).
    pub records: u64,
}

/// Summary of a scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanReport {
    /// Entries recovered.
    pub records: u64,
    /// Segment files read.
    pub files: usize,
    /// The torn tail, if a crash left one.
    pub torn: Option<TornTail>,
}

/// One recovered entry, as the scan meets it.
pub struct Visit<'a> {
    /// Its position.
    pub position: u64,
    /// The file holding it.
    pub file: &'a Path,
    /// Byte offset of its record.
    pub offset: u64,
    /// The entry.
    pub entry: &'a LedgerEntry,
    /// The chain head after it.
    pub head: Hash,
}

/// Reads and checks the whole directory.
pub fn scan(
    dir: &Path,
    config: LedgerConfig,
    visit: &mut dyn FnMut(Visit<'_>),
) -> Result<(MutationLedger, ScanReport), DiskError> {
    let files = list_segments(dir)?;
    let mut ledger = MutationLedger::with_config(LedgerConfig {
        compaction_threshold: None,
        ..config
    });
    let mut torn = None;
    let count = files.len();
    for (i, seg) in files.iter().enumerate() {
        let last = i + 1 == count;
        let buf = std::fs::read(&seg.path).map_err(DiskError::io(&seg.path))?;
        let place = Place {
            first: i == 0,
            last,
        };
        if let Some(t) = scan_file(seg, &buf, place, &mut ledger, visit)? {
            torn = Some(t);
        }
    }
    ledger.set_config(config);
    let records = ledger.len();
    Ok((
        ledger,
        ScanReport {
            records,
            files: count,
            torn,
        },
    ))
}

fn corrupt(
    seg: &SegmentFile,
    position: u64,
    offset: usize,
    reason: impl Into<String>,
) -> DiskError {
    DiskError::Corrupt {
        file: seg.path.clone(),
        position,
        offset: offset as u64,
        reason: reason.into(),
    }
}

/// Where a file sits among the ledger's files: the first needs no seal
/// before its entries; only the last may end in a torn tail.
#[derive(Clone, Copy)]
struct Place {
    first: bool,
    last: bool,
}

fn scan_file(
    seg: &SegmentFile,
    buf: &[u8],
    place: Place,
    ledger: &mut MutationLedger,
    visit: &mut dyn FnMut(Visit<'_>),
) -> Result<Option<TornTail>, DiskError> {
    let torn_at = |offset: usize, records: u64| TornTail {
        file: seg.path.clone(),
        offset: offset as u64,
        bytes: (buf.len() - offset) as u64,
        records,
    };
    // The segment header.
    let mut pos = match frame::parse(buf, 0) {
        Parsed::Record {
            kind: RecordKind::SegmentHeader,
            payload,
            next,
        } => {
            check_header(seg, payload, ledger)?;
            next
        }
        Parsed::Record { .. } => {
            return Err(corrupt(
                seg,
                seg.first,
                5,
                "file does not start with a segment header",
            ));
        }
        Parsed::Torn if place.last => return Ok(Some(torn_at(0, u64::from(!buf.is_empty())))),
        Parsed::Torn => {
            return Err(corrupt(
                seg,
                seg.first,
                0,
                "segment header cut short in a sealed file",
            ));
        }
        Parsed::Bad { offset, reason } => return Err(corrupt(seg, seg.first, offset, reason)),
    };
    let header_end = pos;
    let mut in_file = 0u64;
    while pos < buf.len() {
        let position = ledger.len();
        match frame::parse(buf, pos) {
            Parsed::Record {
                kind: RecordKind::Entry,
                payload,
                next,
            } => {
                let entry =
                    replay_entry(seg, payload, pos, position, in_file, place.first, ledger)?;
                visit(Visit {
                    position,
                    file: &seg.path,
                    offset: pos as u64,
                    entry: ledger.entry(position).unwrap_or(&entry),
                    head: ledger.head(),
                });
                in_file += 1;
                pos = next;
            }
            Parsed::Record { .. } => {
                return Err(corrupt(
                    seg,
                    position,
                    pos + 5,
                    "segment header in the middle of a file",
                ));
            }
            Parsed::Torn if place.last => {
                return Ok(Some(if in_file == 0 && !place.first {
                    // A rotation that crashed before its seal was written:
                    // the header alone is torn too.
                    torn_at(0, 2)
                } else {
                    torn_at(pos, 1)
                }));
            }
            Parsed::Torn => {
                return Err(corrupt(
                    seg,
                    position,
                    pos,
                    "record cut short in a sealed file",
                ));
            }
            Parsed::Bad { offset, reason } => return Err(corrupt(seg, position, offset, reason)),
        }
    }
    if in_file == 0 && !place.first {
        if place.last {
            return Ok(Some(torn_at(0, 1)));
        }
        return Err(corrupt(
            seg,
            seg.first,
            header_end,
            "sealed file holds no entries",
        ));
    }
    Ok(None)
}

fn check_header(
    seg: &SegmentFile,
    payload: &[u8],
    ledger: &MutationLedger,
) -> Result<(), DiskError> {
    if payload.len() != 40 {
        return Err(corrupt(
            seg,
            seg.first,
            HEADER_SIZE,
            "segment header has the wrong length",
        ));
    }
    let mut first = [0u8; 8];
    first.copy_from_slice(&payload[..8]);
    let first = u64::from_le_bytes(first);
    if first != seg.first || first != ledger.len() {
        return Err(corrupt(
            seg,
            seg.first,
            HEADER_SIZE,
            format!(
                "segment header says it starts at {first}, the ledger continues at {}",
                ledger.len()
            ),
        ));
    }
    if payload[8..40] != ledger.head() {
        return Err(corrupt(
            seg,
            seg.first,
            HEADER_SIZE + 8,
            "segment header does not continue the chain",
        ));
    }
    Ok(())
}

/// Payload of a segment header.
pub fn header_payload(first: u64, head_before: &Hash) -> [u8; 40] {
    let mut out = [0u8; 40];
    out[..8].copy_from_slice(&first.to_le_bytes());
    out[8..].copy_from_slice(head_before);
    out
}

fn replay_entry(
    seg: &SegmentFile,
    payload: &[u8],
    pos: usize,
    position: u64,
    in_file: u64,
    first_file: bool,
    ledger: &mut MutationLedger,
) -> Result<LedgerEntry, DiskError> {
    let at = pos + HEADER_SIZE;
    let Some(split) = payload.len().checked_sub(32) else {
        return Err(corrupt(seg, position, at, "entry record too short"));
    };
    let entry = LedgerEntry::decode(&payload[..split])
        .map_err(|e| corrupt(seg, position, at, e.to_string()))?;
    let is_seal = matches!(
        entry,
        LedgerEntry::CompactionSeal(_) | LedgerEntry::EpochBoundary(_)
    );
    let opens_file = in_file == 0 && !first_file;
    if opens_file && !is_seal {
        return Err(corrupt(
            seg,
            position,
            at,
            "a segment file must open with a seal",
        ));
    }
    if is_seal && !opens_file && position > 0 {
        return Err(corrupt(
            seg,
            position,
            at,
            "a seal must open a new segment file",
        ));
    }
    ledger
        .apply(entry.clone())
        .map_err(|e| corrupt(seg, position, at, e.to_string()))?;
    if payload[split..] != ledger.head() {
        return Err(corrupt(
            seg,
            position,
            at + split,
            "stored chain head differs from the recomputed one",
        ));
    }
    Ok(entry)
}

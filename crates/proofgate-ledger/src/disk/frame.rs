//! Record framing. Every record is
//!
//! ```text
//! magic "PGLR" | version u8 | kind u8 | reserved u16 = 0 | length u32 | header check u32
//! payload (length bytes)
//! checksum: first 16 bytes of keyed blake3(header || payload), the low bit
//!           of the last byte set to 1
//! ```
//!
//! The set bit means an intact record never ends in a zero byte.
//!
//! The header check lets a reader tell a damaged length field (corruption)
//! from a record cut short by a crash (a torn tail): a torn record has a
//! valid header whose declared end lies beyond the end of the file.
//!
//! A crash can also leave the file at its full length with the record's
//! last bytes zero: the file size was updated but only the first page of a
//! record straddling two pages reached the disk. A record that ends the file,
//! fails its checks, ends in zeros and agrees with a record header wherever
//! its bytes are not zero is such a tail ([`Parsed::Torn`]): since an intact
//! record ends in a non-zero byte, those zeros were not written as they are.
//! Zeros that do not reach the end of the file are damage. A deliberate
//! change that zeroes the end of the last record reads as a torn tail too:
//! the two are the same bytes, and dropping the last record is what a
//! signed checkpoint catches (`proofgate ledger verify --checkpoint`).

/// Magic opening every record.
pub const MAGIC: [u8; 4] = *b"PGLR";
/// Format version written and accepted. Version 2: Merkle leaves are the
/// chain heads, so the roots that seals commit to differ from version 1's
/// (keyed leaf hashes). Version 3: the checksum's last bit is set, so a
/// zero-filled tail can be told from an intact record.
pub const VERSION: u8 = 3;
/// Why a record of another version is refused: versions 1 and 2 hash or
/// frame differently and are refused at their first record rather than
/// misread.
pub const UNSUPPORTED_VERSION: &str =
    "unsupported format version (this build reads and writes version 3 only)";
/// Header size in bytes.
pub const HEADER_SIZE: usize = 16;
/// Checksum size in bytes.
pub const CHECKSUM_SIZE: usize = 16;
/// Largest payload accepted (records are small; a larger length is damage).
pub const MAX_PAYLOAD: u32 = 1 << 16;

const CHECK_KEY: &[u8; 32] = b"proofgate/ledger/disk-record/v1.";

/// What a record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// First record of a segment file: its first position and the chain head
    /// before it.
    SegmentHeader = 1,
    /// One ledger entry followed by the chain head after it.
    Entry = 2,
}

impl RecordKind {
    fn from_byte(b: u8) -> Option<Self> {
        match b {
            1 => Some(Self::SegmentHeader),
            2 => Some(Self::Entry),
            _ => None,
        }
    }
}

fn header_check(first12: &[u8]) -> [u8; 4] {
    let h = blake3::keyed_hash(CHECK_KEY, first12);
    let mut out = [0u8; 4];
    out.copy_from_slice(&h.as_bytes()[..4]);
    out
}

fn checksum(header: &[u8], payload: &[u8]) -> [u8; CHECKSUM_SIZE] {
    let mut h = blake3::Hasher::new_keyed(CHECK_KEY);
    h.update(header);
    h.update(payload);
    let mut out = [0u8; CHECKSUM_SIZE];
    out.copy_from_slice(&h.finalize().as_bytes()[..CHECKSUM_SIZE]);
    out[CHECKSUM_SIZE - 1] |= 1;
    out
}

/// Appends the framed record to `out`.
pub fn encode(kind: RecordKind, payload: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    out.extend_from_slice(&MAGIC);
    out.push(VERSION);
    out.push(kind as u8);
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    let check = header_check(&out[start..start + 12]);
    out.extend_from_slice(&check);
    out.extend_from_slice(payload);
    let sum = checksum(&out[start..start + HEADER_SIZE], payload);
    out.extend_from_slice(&sum);
}

/// The outcome of reading one record at an offset.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed<'a> {
    /// A complete, intact record; the next one starts at `next`.
    Record {
        /// What it holds.
        kind: RecordKind,
        /// Its payload.
        payload: &'a [u8],
        /// Offset just past it.
        next: usize,
    },
    /// The bytes from the offset to the end of the file are what a crash
    /// leaves: a prefix of a record, or zeros.
    Torn,
    /// The bytes are damaged.
    Bad {
        /// Offset (within the file) of the first damaged field.
        offset: usize,
        /// What is wrong.
        reason: &'static str,
    },
}

/// Reads the record starting at `pos` of `buf` (a whole file).
pub fn parse(buf: &[u8], pos: usize) -> Parsed<'_> {
    match parse_intact(buf, pos) {
        Parsed::Bad { .. } if zero_filled_tail(&buf[pos..]) => Parsed::Torn,
        parsed => parsed,
    }
}

/// Whether `rest` (from a record's start to the end of the file) is one
/// record whose trailing bytes were left zero by a crash: it ends in zeros,
/// and every byte before them agrees with a record header that declares a
/// record ending exactly at the end of the file.
fn zero_filled_tail(rest: &[u8]) -> bool {
    let zeros = rest.iter().rev().take_while(|&&b| b == 0).count();
    let kept = rest.len() - zeros;
    if zeros == 0 || rest.len() > HEADER_SIZE + MAX_PAYLOAD as usize + CHECKSUM_SIZE {
        return false;
    }
    let magic = kept.min(MAGIC.len());
    if rest[..magic] != MAGIC[..magic] {
        return false;
    }
    if kept > 4 && rest[4] != VERSION {
        return false;
    }
    if kept > 5 && RecordKind::from_byte(rest[5]).is_none() {
        return false;
    }
    if kept >= 12 {
        let len = u32::from_le_bytes([rest[8], rest[9], rest[10], rest[11]]) as usize;
        if HEADER_SIZE + len + CHECKSUM_SIZE != rest.len() {
            return false;
        }
    }
    kept < HEADER_SIZE || header_check(&rest[..12]) == rest[12..16]
}

/// [`parse`] without the zero-filled tail: every failed check is damage.
fn parse_intact(buf: &[u8], pos: usize) -> Parsed<'_> {
    let rest = &buf[pos..];
    if rest.iter().all(|&b| b == 0) {
        return Parsed::Torn;
    }
    if rest.len() < HEADER_SIZE {
        let n = rest.len().min(4);
        return if rest[..n] == MAGIC[..n] {
            Parsed::Torn
        } else {
            Parsed::Bad {
                offset: pos,
                reason: "bad magic",
            }
        };
    }
    let bad = |off: usize, reason| Parsed::Bad {
        offset: pos + off,
        reason,
    };
    if rest[..4] != MAGIC {
        return bad(0, "bad magic");
    }
    if header_check(&rest[..12]) != rest[12..16] {
        return bad(0, "header check failed");
    }
    if rest[4] != VERSION {
        return bad(4, UNSUPPORTED_VERSION);
    }
    let Some(kind) = RecordKind::from_byte(rest[5]) else {
        return bad(5, "unknown record kind");
    };
    if rest[6..8] != [0, 0] {
        return bad(6, "reserved bytes not zero");
    }
    let len = u32::from_le_bytes([rest[8], rest[9], rest[10], rest[11]]);
    if len > MAX_PAYLOAD {
        return bad(8, "record length too large");
    }
    let len = len as usize;
    let total = HEADER_SIZE + len + CHECKSUM_SIZE;
    if rest.len() < total {
        return Parsed::Torn;
    }
    let payload = &rest[HEADER_SIZE..HEADER_SIZE + len];
    if checksum(&rest[..HEADER_SIZE], payload) != rest[HEADER_SIZE + len..total] {
        return bad(HEADER_SIZE, "checksum mismatch");
    }
    Parsed::Record {
        kind,
        payload,
        next: pos + total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of another format version, framed with valid checks, is
    /// refused at its version byte rather than misread.
    #[test]
    fn another_version_is_refused_at_its_version_byte() {
        let mut buf = Vec::new();
        encode(RecordKind::Entry, b"payload", &mut buf);
        assert!(matches!(parse(&buf, 0), Parsed::Record { .. }));
        buf[4] = 1;
        let check = header_check(&buf[..12]);
        buf[12..16].copy_from_slice(&check);
        let end = buf.len() - CHECKSUM_SIZE;
        let sum = checksum(&buf[..HEADER_SIZE], &buf[HEADER_SIZE..end]);
        buf[end..].copy_from_slice(&sum);
        assert_eq!(
            parse(&buf, 0),
            Parsed::Bad {
                offset: 4,
                reason: UNSUPPORTED_VERSION
            }
        );
    }
}

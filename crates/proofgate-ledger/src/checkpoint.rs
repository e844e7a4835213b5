//! Signed checkpoints: the ledger's size and Merkle root in the C2SP
//! `tlog-checkpoint` text (<https://c2sp.org/tlog-checkpoint>), signed as a
//! [`crate::note`] with Ed25519.
//!
//! ```text
//! proofgate.example/ledger/blake3
//! 30
//! 8ZyRnqBqSjmw4UJ4Ur8HG2RcaBqzHzY4fU8b2m4x0f0=
//!
//! — proofgate.example/ledger/blake3 AbCd…
//! ```
//!
//! The spec names RFC 6962's SHA-256 tree; ours is the tree of
//! [`crate::hash`] (leaves are the blake3 chain heads, interior nodes keyed
//! blake3). So that no client reads our root as an RFC 6962 one, the origin
//! states the hash: **it ends in [`ORIGIN_HASH_SUFFIX`] (`/blake3`)**, and a
//! checkpoint whose origin does not is refused. Should the tree's hashing
//! ever change, the suffix changes with it. The origin is also the key name
//! (the spec's recommendation, required here), so one key signs one log.

use crate::hash::Hash;
use crate::note::{NoteError, NoteSigner, NoteVerifier, check_key_name};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use thiserror::Error;

/// Every origin (and checkpoint key name) ends with this, naming the tree
/// hash: blake3 chain-head leaves, keyed blake3 interior nodes.
pub const ORIGIN_HASH_SUFFIX: &str = "/blake3";

/// Why a checkpoint is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CheckpointError {
    /// The signed note is malformed or its signature does not verify.
    #[error(transparent)]
    Note(#[from] NoteError),
    /// The origin does not end in [`ORIGIN_HASH_SUFFIX`].
    #[error(
        "origin {origin:?} does not end in {ORIGIN_HASH_SUFFIX:?}: its root is not of this ledger's tree hash"
    )]
    WrongHash {
        /// The origin.
        origin: String,
    },
    /// The origin is not the signing key's name.
    #[error("origin {origin:?} is not the key name {key:?}")]
    OriginIsNotKey {
        /// The origin line.
        origin: String,
        /// The key name.
        key: String,
    },
    /// The note text is not a checkpoint.
    #[error("malformed checkpoint text, line {line}: {reason}")]
    Malformed {
        /// Line number (1 = origin).
        line: usize,
        /// What is wrong.
        reason: &'static str,
    },
}

/// A ledger's tree head: who, how many entries, which root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The log's identity, ending in [`ORIGIN_HASH_SUFFIX`].
    pub origin: String,
    /// Entries in the tree.
    pub size: u64,
    /// Merkle root of those entries.
    pub root: Hash,
    /// Extension lines (opaque, signed; this crate writes none).
    pub extensions: Vec<String>,
}

impl Checkpoint {
    /// A checkpoint without extension lines.
    pub fn new(origin: &str, size: u64, root: Hash) -> Result<Self, CheckpointError> {
        check_origin(origin)?;
        Ok(Self {
            origin: origin.to_string(),
            size,
            root,
            extensions: Vec::new(),
        })
    }

    /// The note text: origin, size, base64 root, extensions, each ending in
    /// a newline.
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            STANDARD.encode(self.root)
        );
        for line in &self.extensions {
            text.push_str(line);
            text.push('\n');
        }
        text
    }

    /// Parses a note text (as [`NoteVerifier::open`] returns it).
    pub fn from_text(text: &str) -> Result<Self, CheckpointError> {
        let bad = |line, reason| CheckpointError::Malformed { line, reason };
        let body = text
            .strip_suffix('\n')
            .ok_or(bad(0, "text does not end in a newline"))?;
        let mut lines = body.split('\n');
        let origin = lines.next().unwrap_or_default();
        if origin.is_empty() {
            return Err(bad(1, "empty origin"));
        }
        check_origin(origin)?;
        let size = lines.next().ok_or(bad(2, "no tree size"))?;
        let canonical = size == "0" || (!size.starts_with('0') && !size.is_empty());
        if !canonical || !size.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(2, "tree size is not a decimal without leading zeros"));
        }
        let size: u64 = size
            .parse()
            .map_err(|_| bad(2, "tree size overflows 64 bits"))?;
        let root = lines.next().ok_or(bad(3, "no root hash"))?;
        let root: Hash = STANDARD
            .decode(root)
            .ok()
            .and_then(|r| r.try_into().ok())
            .ok_or(bad(3, "root is not canonical base64 of 32 bytes"))?;
        let extensions: Vec<String> = lines.map(str::to_string).collect();
        if let Some(i) = extensions.iter().position(String::is_empty) {
            return Err(bad(4 + i, "empty extension line"));
        }
        Ok(Self {
            origin: origin.to_string(),
            size,
            root,
            extensions,
        })
    }

    /// Signs the checkpoint as a note; the key's name must be the origin.
    pub fn sign(&self, key: &NoteSigner) -> Result<String, CheckpointError> {
        if key.name() != self.origin {
            return Err(CheckpointError::OriginIsNotKey {
                origin: self.origin.clone(),
                key: key.name().to_string(),
            });
        }
        Ok(key.sign(&self.to_text())?)
    }

    /// Verifies a signed checkpoint with `key` and parses it. Refused: a
    /// note `key` did not sign (or whose signature fails), a malformed text,
    /// an origin other than the key's name or not ending in `/blake3`.
    pub fn open(note: &[u8], key: &NoteVerifier) -> Result<Self, CheckpointError> {
        let text = key.open(note)?;
        let checkpoint = Self::from_text(text)?;
        if checkpoint.origin != key.name() {
            return Err(CheckpointError::OriginIsNotKey {
                origin: checkpoint.origin,
                key: key.name().to_string(),
            });
        }
        Ok(checkpoint)
    }
}

/// A new signing key for this ledger's checkpoints: the origin is
/// validated where the key is made (a key named without `/blake3` would
/// only be refused later, at its first checkpoint). [`NoteSigner::generate`]
/// stays the general C2SP signed-note key.
pub fn generate_log_key(origin: &str) -> Result<NoteSigner, CheckpointError> {
    check_origin(origin)?;
    Ok(NoteSigner::generate(origin)?)
}

/// An origin is a valid key name that ends in [`ORIGIN_HASH_SUFFIX`].
pub fn check_origin(origin: &str) -> Result<(), CheckpointError> {
    check_key_name(origin)?;
    if !origin.ends_with(ORIGIN_HASH_SUFFIX) || origin.len() == ORIGIN_HASH_SUFFIX.len() {
        return Err(CheckpointError::WrongHash {
            origin: origin.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    #[test]
    fn a_log_key_is_validated_where_it_is_made() {
        assert!(matches!(
            generate_log_key("example.org/log"),
            Err(CheckpointError::WrongHash { .. })
        ));
        let key = generate_log_key("example.org/log/blake3").expect("valid origin");
        assert_eq!(key.name(), "example.org/log/blake3");
    }

    #[test]
    fn the_text_is_read_exactly() {
        let text = format!("a.example/log/blake3\n12\n{ROOT}\n");
        let cp = Checkpoint::from_text(&text).unwrap();
        assert_eq!((cp.size, cp.root, cp.to_text()), (12, [0; 32], text));
        let ext = format!("a.example/log/blake3\n0\n{ROOT}\nnote\n");
        assert_eq!(Checkpoint::from_text(&ext).unwrap().extensions, ["note"]);
    }

    #[test]
    fn malformed_texts_are_refused_at_their_line() {
        let line = |text: &str| match Checkpoint::from_text(text) {
            Err(CheckpointError::Malformed { line, .. }) => line,
            other => panic!("{text:?}: {other:?}"),
        };
        assert_eq!(line(&format!("a.example/log/blake3\n012\n{ROOT}\n")), 2);
        assert_eq!(line(&format!("a.example/log/blake3\n+12\n{ROOT}\n")), 2);
        assert_eq!(line(&format!("a.example/log/blake3\n\n{ROOT}\n")), 2);
        assert_eq!(
            line("a.example/log/blake3\n99999999999999999999\nAA==\n"),
            2
        );
        assert_eq!(line("a.example/log/blake3\n1\nAAAA\n"), 3);
        assert_eq!(line(&format!("a.example/log/blake3\n1\n{ROOT}\n\n")), 4);
        assert_eq!(line(&format!("a.example/log/blake3\n1\n{ROOT}")), 0);
        assert!(matches!(
            Checkpoint::from_text(&format!("example.com/log\n1\n{ROOT}\n")),
            Err(CheckpointError::WrongHash { .. })
        ));
    }
}

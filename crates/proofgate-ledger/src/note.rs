//! C2SP `signed-note` with Ed25519 (<https://c2sp.org/signed-note>): text
//! ending in a newline, a blank line, then signature lines
//! `— <key name> base64(key ID || signature)`.
//!
//! The key ID is `SHA-256(key name || 0x0A || 0x01 || public key)[:4]`, the
//! spec's recommendation for signature type 0x01 (Ed25519). Keys are written
//! in the text forms of Go's `golang.org/x/mod/sumdb/note`, so its tools read
//! them: `PRIVATE+KEY+<name>+<key ID, 8 hex digits>+base64(0x01 || seed)` and
//! `<name>+<key ID>+base64(0x01 || public key)`.
//!
//! Verification follows the spec: signatures of unknown keys (another name
//! or ID) are ignored, a known key's signature must verify (strict Ed25519,
//! no malleable encodings), and a note no known key signed is refused.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use thiserror::Error;

/// Signature type byte of Ed25519 in the signed-note registry.
const ED25519: u8 = 0x01;
/// Opens every signature line: em dash, space.
const SIG_PREFIX: &str = "\u{2014} ";
/// Notes larger than this are refused before parsing (a checkpoint with a
/// few signatures is well under 1 KiB).
pub const MAX_NOTE_SIZE: usize = 64 * 1024;
/// At most this many signature lines are read (the spec asks for at least 16).
pub const MAX_SIGNATURES: usize = 100;

/// Why a key, a note or a signature is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum NoteError {
    /// A key name is empty or holds a space, a plus or a control character.
    #[error("key name {name:?} must be non-empty, without spaces, '+' or control characters")]
    BadKeyName {
        /// The refused name.
        name: String,
    },
    /// A key file does not have the expected text form.
    #[error("malformed {what} key: {reason}")]
    BadKey {
        /// `private` or `public`.
        what: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// The operating system gave no randomness for a new key.
    #[error("no randomness for a new key: {0}")]
    Random(String),
    /// The note is larger than [`MAX_NOTE_SIZE`].
    #[error("note of {size} bytes is larger than the {MAX_NOTE_SIZE} accepted")]
    TooLarge {
        /// Its size.
        size: usize,
    },
    /// The note breaks the signed-note format.
    #[error("malformed signed note: {reason} (byte {offset})")]
    Malformed {
        /// Byte offset in the note where the problem was found.
        offset: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// No signature of the expected key is on the note.
    #[error("no signature by key {name}+{id:08x} on the note (signed by: {signers})")]
    UnknownKey {
        /// The expected key's name.
        name: String,
        /// The expected key's ID.
        id: u32,
        /// The signers found, `name+id` separated by commas.
        signers: String,
    },
    /// The expected key's signature does not verify over the text.
    #[error("the signature by key {name}+{id:08x} does not verify")]
    BadSignature {
        /// The key's name.
        name: String,
        /// The key's ID.
        id: u32,
    },
}

/// Checks a key name against the spec: non-empty, no Unicode space, no '+'.
/// Control characters are refused too, since a note may not hold them.
pub fn check_key_name(name: &str) -> Result<(), NoteError> {
    if name.is_empty()
        || name
            .chars()
            .any(|c| c.is_whitespace() || c == '+' || c.is_control())
    {
        return Err(NoteError::BadKeyName {
            name: name.to_string(),
        });
    }
    Ok(())
}

/// `SHA-256(name || 0x0A || 0x01 || public key)[:4]`, big-endian.
pub fn key_id(name: &str, public_key: &[u8; 32]) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update([b'\n', ED25519]);
    h.update(public_key);
    let d = h.finalize();
    u32::from_be_bytes([d[0], d[1], d[2], d[3]])
}

/// A named Ed25519 signing key.
pub struct NoteSigner {
    name: String,
    key: SigningKey,
}

impl std::fmt::Debug for NoteSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the secret.
        f.debug_struct("NoteSigner")
            .field("name", &self.name)
            .field("id", &format_args!("{:08x}", self.id()))
            .finish_non_exhaustive()
    }
}

impl NoteSigner {
    /// A fresh key named `name`, from the operating system's randomness.
    pub fn generate(name: &str) -> Result<Self, NoteError> {
        check_key_name(name)?;
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| NoteError::Random(e.to_string()))?;
        Self::from_seed(name, seed)
    }

    /// The key of a given 32-byte Ed25519 seed (tests and reproducible
    /// examples; real keys come from [`Self::generate`]).
    pub fn from_seed(name: &str, seed: [u8; 32]) -> Result<Self, NoteError> {
        check_key_name(name)?;
        Ok(Self {
            name: name.to_string(),
            key: SigningKey::from_bytes(&seed),
        })
    }

    /// The key name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The key ID.
    pub fn id(&self) -> u32 {
        key_id(&self.name, self.key.verifying_key().as_bytes())
    }
    /// The matching verifier.
    pub fn verifier(&self) -> NoteVerifier {
        NoteVerifier {
            name: self.name.clone(),
            key: self.key.verifying_key(),
        }
    }

    /// `PRIVATE+KEY+<name>+<id>+base64(0x01 || seed)`.
    pub fn to_text(&self) -> String {
        let mut bytes = vec![ED25519];
        bytes.extend_from_slice(self.key.as_bytes());
        format!(
            "PRIVATE+KEY+{}+{:08x}+{}",
            self.name,
            self.id(),
            STANDARD.encode(bytes)
        )
    }

    /// Parses [`Self::to_text`] (surrounding whitespace ignored), checking
    /// that the stated key ID is the key's.
    pub fn from_text(text: &str) -> Result<Self, NoteError> {
        let bad = |reason| NoteError::BadKey {
            what: "private",
            reason,
        };
        let rest = text
            .trim()
            .strip_prefix("PRIVATE+KEY+")
            .ok_or(bad("does not start with PRIVATE+KEY+"))?;
        let (name, id, key) = split_key(rest).ok_or(bad("expected name+id+key"))?;
        let seed: [u8; 32] = typed_key(key).ok_or(bad("not base64 of 0x01 and 32 bytes"))?;
        let signer = Self::from_seed(name, seed)?;
        if signer.id() != id {
            return Err(bad("key ID does not match the key"));
        }
        Ok(signer)
    }

    /// Signs `text` (which must end in a newline) as a signed note.
    pub fn sign(&self, text: &str) -> Result<String, NoteError> {
        check_text(text)?;
        let sig = self.key.sign(text.as_bytes());
        let mut bytes = self.id().to_be_bytes().to_vec();
        bytes.extend_from_slice(&sig.to_bytes());
        Ok(format!(
            "{text}\n{SIG_PREFIX}{} {}\n",
            self.name,
            STANDARD.encode(bytes)
        ))
    }
}

/// A named Ed25519 verifying key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteVerifier {
    name: String,
    key: VerifyingKey,
}

impl NoteVerifier {
    /// The key name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The key ID.
    pub fn id(&self) -> u32 {
        key_id(&self.name, self.key.as_bytes())
    }

    /// `<name>+<id>+base64(0x01 || public key)`.
    pub fn to_text(&self) -> String {
        let mut bytes = vec![ED25519];
        bytes.extend_from_slice(self.key.as_bytes());
        format!("{}+{:08x}+{}", self.name, self.id(), STANDARD.encode(bytes))
    }

    /// Parses [`Self::to_text`] (surrounding whitespace ignored), checking
    /// the key ID and that the key is a valid Ed25519 point.
    pub fn from_text(text: &str) -> Result<Self, NoteError> {
        let bad = |reason| NoteError::BadKey {
            what: "public",
            reason,
        };
        let (name, id, key) = split_key(text.trim()).ok_or(bad("expected name+id+key"))?;
        check_key_name(name)?;
        let key: [u8; 32] = typed_key(key).ok_or(bad("not base64 of 0x01 and 32 bytes"))?;
        let key = VerifyingKey::from_bytes(&key).map_err(|_| bad("not an Ed25519 public key"))?;
        let verifier = Self {
            name: name.to_string(),
            key,
        };
        if verifier.id() != id {
            return Err(bad("key ID does not match the key"));
        }
        Ok(verifier)
    }

    /// Verifies a signed note and returns its text (with its final
    /// newline). Other keys' signatures are ignored; this key's must verify.
    pub fn open<'a>(&self, note: &'a [u8]) -> Result<&'a str, NoteError> {
        if note.len() > MAX_NOTE_SIZE {
            return Err(NoteError::TooLarge { size: note.len() });
        }
        let note = std::str::from_utf8(note).map_err(|e| NoteError::Malformed {
            offset: e.valid_up_to(),
            reason: "not UTF-8",
        })?;
        if let Some(offset) = note.bytes().position(|b| b < 0x20 && b != b'\n') {
            return Err(NoteError::Malformed {
                offset,
                reason: "control character",
            });
        }
        let split = note.rfind("\n\n").ok_or(NoteError::Malformed {
            offset: note.len(),
            reason: "no blank line before the signatures",
        })?;
        let (text, sigs) = (&note[..split + 1], &note[split + 2..]);
        let malformed = |at: usize, reason| NoteError::Malformed {
            offset: split + 2 + at,
            reason,
        };
        if !sigs.ends_with('\n') {
            return Err(malformed(sigs.len(), "signatures do not end in a newline"));
        }
        let mut signers = Vec::new();
        let mut found = None;
        let mut at = 0;
        for line in sigs[..sigs.len() - 1].split('\n') {
            if signers.len() == MAX_SIGNATURES {
                return Err(malformed(at, "too many signatures"));
            }
            let body = line.strip_prefix(SIG_PREFIX).ok_or(malformed(
                at,
                "signature line does not start with an em dash and a space",
            ))?;
            let (name, sig) = body
                .split_once(' ')
                .ok_or(malformed(at, "signature line has no key name"))?;
            check_key_name(name).map_err(|_| malformed(at, "bad key name in a signature line"))?;
            let bytes = STANDARD
                .decode(sig)
                .map_err(|_| malformed(at, "signature is not canonical base64"))?;
            if bytes.len() < 5 {
                return Err(malformed(at, "signature shorter than a key ID"));
            }
            let id = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            if name == self.name && id == self.id() {
                if found.is_some() {
                    return Err(malformed(at, "two signatures by the same key"));
                }
                found = Some(bytes[4..].to_vec());
            }
            signers.push(format!("{name}+{id:08x}"));
            at += line.len() + 1;
        }
        let Some(sig) = found else {
            return Err(NoteError::UnknownKey {
                name: self.name.clone(),
                id: self.id(),
                signers: signers.join(", "),
            });
        };
        let bad_sig = || NoteError::BadSignature {
            name: self.name.clone(),
            id: self.id(),
        };
        let sig: [u8; 64] = sig.try_into().map_err(|_| bad_sig())?;
        self.key
            .verify_strict(text.as_bytes(), &Signature::from_bytes(&sig))
            .map_err(|_| bad_sig())?;
        Ok(text)
    }
}

/// Text a note may carry: ends in a newline, no control character but
/// newlines.
fn check_text(text: &str) -> Result<(), NoteError> {
    if !text.ends_with('\n') {
        return Err(NoteError::Malformed {
            offset: text.len(),
            reason: "note text does not end in a newline",
        });
    }
    if let Some(offset) = text.bytes().position(|b| b < 0x20 && b != b'\n') {
        return Err(NoteError::Malformed {
            offset,
            reason: "control character",
        });
    }
    Ok(())
}

/// Splits `name+id+key`, parsing the 8-hex-digit ID. Names hold no '+',
/// but base64 keys may: only the first two '+' separate.
fn split_key(text: &str) -> Option<(&str, u32, &str)> {
    let mut parts = text.splitn(3, '+');
    let (name, id, key) = (parts.next()?, parts.next()?, parts.next()?);
    if id.len() != 8 {
        return None;
    }
    Some((name, u32::from_str_radix(id, 16).ok()?, key))
}

/// Decodes `base64(0x01 || 32 bytes)`.
fn typed_key(text: &str) -> Option<[u8; 32]> {
    let bytes = STANDARD.decode(text).ok()?;
    let (&kind, key) = bytes.split_first()?;
    if kind != ED25519 {
        return None;
    }
    key.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key ID follows the spec's formula, computed here by hand.
    #[test]
    fn key_id_is_the_spec_formula() {
        let signer = NoteSigner::from_seed("example.com/log", [7; 32]).unwrap();
        let public = signer.verifier().key.to_bytes();
        let mut input = b"example.com/log\n\x01".to_vec();
        input.extend_from_slice(&public);
        let digest = Sha256::digest(&input);
        assert_eq!(signer.id().to_be_bytes(), digest[..4]);
    }

    /// Base64 keys may hold '+', the field separator: many seeds, so some do.
    #[test]
    fn keys_round_trip_through_text() {
        let mut with_plus = 0;
        for seed in 0..64u8 {
            let signer = NoteSigner::from_seed("example.com/log", [seed; 32]).unwrap();
            let again = NoteSigner::from_text(&signer.to_text()).unwrap();
            assert_eq!(again.to_text(), signer.to_text());
            let public = signer.verifier().to_text();
            with_plus += usize::from(public.matches('+').count() > 2);
            let verifier = NoteVerifier::from_text(&public).unwrap();
            assert_eq!(verifier, signer.verifier());
        }
        assert!(with_plus > 0);
        let signer = NoteSigner::from_seed("example.com/log", [9; 32]).unwrap();
        assert!(NoteSigner::from_text(&signer.verifier().to_text()).is_err());
        assert!(NoteSigner::from_seed("has space", [0; 32]).is_err());
        assert!(NoteSigner::from_seed("has+plus", [0; 32]).is_err());
    }

    #[test]
    fn a_note_opens_with_its_key_only() {
        let signer = NoteSigner::from_seed("a.example/log", [1; 32]).unwrap();
        let other = NoteSigner::from_seed("a.example/log", [2; 32]).unwrap();
        let note = signer.sign("hello\nworld\n").unwrap();
        assert_eq!(
            signer.verifier().open(note.as_bytes()),
            Ok("hello\nworld\n")
        );
        assert!(matches!(
            other.verifier().open(note.as_bytes()),
            Err(NoteError::UnknownKey { .. })
        ));
        assert!(signer.sign("no newline").is_err());
    }
}

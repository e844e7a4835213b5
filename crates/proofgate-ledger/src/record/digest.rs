//! The 32-byte digest every record and hash of the ledger is made of, and
//! how it is printed.

/// A 32-byte blake3 digest.
pub type Hash = [u8; 32];

/// Lowercase hex of a hash, for messages and the command line.
pub fn to_hex(hash: &Hash) -> String {
    use std::fmt::Write;
    hash.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

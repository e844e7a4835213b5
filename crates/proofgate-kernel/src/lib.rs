//! A Lean 4 compatible type checker.
//!
//! Reads Lean's own export format and accepts exactly what Lean's kernel
//! accepts; every reduction is metered in fuel so each check has a bounded,
//! reported cost. See `ARCHITECTURE.md` at the workspace root.
#![forbid(unsafe_code)]

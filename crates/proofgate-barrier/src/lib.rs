//! The provisioning readiness barrier engine (layer L4).
//!
//! Mirrors the Lean model in `lean/` one to one. See `ARCHITECTURE.md` at the
//! workspace root.
#![forbid(unsafe_code)]

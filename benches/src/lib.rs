//! Criterion benches of every proofgate crate live in `benches/benches/`;
//! this library only holds what several benches share.
#![forbid(unsafe_code)]

#!/usr/bin/env bash
# The one test command: formatting, lints, tests, bench smoke run, docs, and
# the Lean checks. Stops at the first failure and says which step failed.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
    local name=$1
    shift
    echo "==> ${name}: $*"
    if ! "$@"; then
        echo "FAILED at step '${name}': $*" >&2
        exit 1
    fi
}

step format cargo fmt --all -- --check
step clippy cargo clippy --workspace --all-targets --locked -- -D warnings
step test cargo test --workspace --locked
# Criterion benches run each benchmark once in test mode: proves they build and run.
step bench-smoke cargo test --workspace --benches --locked
# The examples run as a user runs them; the audit reads the ledger the gate wrote.
examples_dir=$(mktemp -d)
trap 'rm -rf "$examples_dir"' EXIT
step example-gated cargo run --quiet --locked --example gated_embedding -- "$examples_dir/ledger"
step example-audit cargo run --quiet --locked --example audit_ledger -- "$examples_dir/ledger"
step doc env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
step lean ./scripts/check-lean.sh
echo "==> all checks passed"

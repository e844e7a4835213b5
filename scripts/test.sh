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

# The external Lean corpus: the tests skip it (or fail, under
# PROOFGATE_REQUIRE_CORPUS=1) when absent; cargo hides their output, so the
# loud line is said here, before and after the run.
corpus_notice() {
    if ! ./scripts/find-corpus.sh >/dev/null; then
        echo "!!! SKIPPED: external Lean export corpus not found; the kernel was tested on its" \
            "in-repo fixtures only. Run ./scripts/fetch-corpus.sh or set PROOFGATE_LEAN_EXPORTS=DIR" \
            "(PROOFGATE_REQUIRE_CORPUS=1 makes this a failure) !!!" >&2
    fi
}
corpus_notice

step format cargo fmt --all -- --check
step clippy cargo clippy --workspace --all-targets --locked -- -D warnings
step test cargo test --workspace --locked
# Criterion benches run each benchmark once in test mode: proves they build and run.
step bench-smoke cargo test --workspace --benches --locked
# Examples are built by `cargo test`; this runs each on a real input.
step example-check-export cargo run --locked -q -p proofgate-kernel --example check_export -- \
    crates/proofgate-kernel/tests/fixtures/accept/structure.ndjson
# The examples run as a user runs them; the audit reads the ledger the gate wrote.
examples_dir=$(mktemp -d)
trap 'rm -rf "$examples_dir"' EXIT
step example-gated cargo run --quiet --locked --example gated_embedding -- "$examples_dir/ledger"
step example-audit cargo run --quiet --locked --example audit_ledger -- "$examples_dir/ledger"
step doc env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
step lean ./scripts/check-lean.sh
corpus_notice
echo "==> all checks passed"

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

# Every corpus lookup goes through crates/proofgate-kernel/tests/support/corpus.rs
# (shell twin scripts/find-corpus.sh). Two checks hold every test to that:
# - no test, bench, example or script names the corpus's places in code (comment
#   lines aside) except the helper, its twin and the scripts that fill or
#   report it;
# - every test or bench target that reads the corpus runs once more with the
#   corpus hidden (PROOFGATE_NO_CORPUS=1, honoured by the helper) and
#   PROOFGATE_LEAN_EXPORTS at an empty folder, as on a clone with nothing beside
#   it: a target that looks the corpus up on its own fails there.
corpus_lookup_pattern='lean-exports|PROOFGATE_LEAN_EXPORTS|\.\./shared'
corpus_helper_users() {
    local f
    for f in crates/*/tests/*.rs crates/*/benches/*.rs crates/*/examples/*.rs \
        benches/benches/*.rs benches/tests/*.rs benches/examples/*.rs benches/src/*.rs \
        scripts/* .ci/run; do
        [ -f "$f" ] || continue
        case $f in
        crates/proofgate-kernel/tests/support/corpus.rs | scripts/find-corpus.sh | \
            scripts/fetch-corpus.sh | scripts/test.sh | .ci/run) continue ;;
        # Hands what find-corpus.sh found to the unpacked packages' tests.
        scripts/publish-dry-run.sh) continue ;;
        esac
        if grep -vE '^\s*(//|#)' "$f" | grep -qE "$corpus_lookup_pattern"; then
            echo "$f looks the corpus up on its own; use tests/support/corpus.rs" >&2
            return 1
        fi
    done
}
# The cargo target filters (--test NAME, --bench NAME) of the corpus readers.
corpus_reader_targets() {
    local f stem
    for f in crates/*/tests/*.rs benches/tests/*.rs crates/*/benches/*.rs benches/benches/*.rs; do
        [ -f "$f" ] || continue
        grep -qE "support/corpus\.rs|init-prelude|$corpus_lookup_pattern" "$f" || continue
        stem=${f##*/}
        stem=${stem%.rs}
        case $f in
        */tests/*) echo "--test $stem" ;;
        *) echo "--bench $stem" ;;
        esac
    done
}
corpus_hidden_run() {
    local empty targets rc=0
    empty=$(mktemp -d)
    # shellcheck disable=SC2207 # each line is "--test NAME": two words, as meant
    targets=($(corpus_reader_targets))
    env -u PROOFGATE_REQUIRE_CORPUS PROOFGATE_NO_CORPUS=1 PROOFGATE_LEAN_EXPORTS="$empty" \
        cargo test --workspace --locked "${targets[@]}" || rc=$?
    rmdir "$empty"
    return "$rc"
}

step corpus-lookups corpus_helper_users
step format cargo fmt --all -- --check
step clippy cargo clippy --workspace --all-targets --locked -- -D warnings
step test cargo test --workspace --locked
# Criterion benches run each benchmark once in test mode: proves they build and run.
step bench-smoke cargo test --workspace --benches --locked
step corpus-hidden corpus_hidden_run
# Examples are built by `cargo test`; this runs each on a real input.
step example-check-export cargo run --locked -q -p proofgate-kernel --example check_export -- \
    crates/proofgate-kernel/tests/fixtures/accept/structure.ndjson
# The examples run as a user runs them; the audit reads the ledger the gate wrote.
examples_dir=$(mktemp -d)
trap 'rm -rf "$examples_dir"' EXIT
step example-gated cargo run --quiet --locked --example gated_embedding -- "$examples_dir/ledger"
step example-audit cargo run --quiet --locked --example audit_ledger -- "$examples_dir/ledger"
step doc env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
# Each published crate, packaged and unpacked alone, builds and passes its own
# tests and doc tests (a file read from outside its directory fails here).
step packages ./scripts/publish-dry-run.sh --no-verify --allow-dirty
step lean ./scripts/check-lean.sh
corpus_notice
echo "==> all checks passed"

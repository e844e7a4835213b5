#!/usr/bin/env bash
# Prints the external Lean export corpus folder and exits 0, or exits 1.
# Shell twin of crates/proofgate-kernel/tests/support/corpus.rs: same order
# ($PROOFGATE_LEAN_EXPORTS, ../shared/lean-exports, target/lean-exports), and
# the same switch PROOFGATE_NO_CORPUS=1, which hides the corpus wherever it is.
set -euo pipefail
[ "${PROOFGATE_NO_CORPUS:-}" = 1 ] && exit 1
root=$(cd "$(dirname "$0")/.." && pwd)
for d in ${PROOFGATE_LEAN_EXPORTS:+"$PROOFGATE_LEAN_EXPORTS"} \
    "$root/../shared/lean-exports" "$root/target/lean-exports"; do
    if [ -d "$d/good" ] && [ -d "$d/bad" ]; then
        echo "$d"
        exit 0
    fi
    # An explicit setting is the only place looked at, as in the Rust twin.
    [ -n "${PROOFGATE_LEAN_EXPORTS:-}" ] && exit 1
done
exit 1

#!/usr/bin/env bash
# Runs the Rust barrier engine and the Lean oracle on the same traces and
# compares their views of every step line by line.
#
#   scripts/diff-lean-oracle.sh [DIR]
#
# The Rust side (`proofgate fuzz --emit-trace DIR`) writes DIR/input.jsonl and
# DIR/rust.jsonl; the oracle (`lake exe barrier-oracle`) reads input.jsonl and
# writes DIR/lean.jsonl. Small runs only (HOSTS <= 64) so the oracle stays fast.
# Environment: HOSTS (default 32), RUNS (48), SEED (0).
# Exit codes: 0 identical, or lake absent (no comparison made, said so);
# 1 the outputs differ; 2 a step failed to run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v lake >/dev/null 2>&1; then
    echo "diff-lean-oracle: lake is not installed here; NO comparison was made (Rust engine and Lean oracle not compared)"
    exit 0
fi

hosts="${HOSTS:-32}"
runs="${RUNS:-48}"
seed="${SEED:-0}"
if [ "$hosts" -gt 64 ]; then
    echo "diff-lean-oracle: HOSTS=$hosts is above 64; the trace contract keeps traces small" >&2
    exit 2
fi
dir="${1:-$(mktemp -d "${TMPDIR:-/tmp}/barrier-trace.XXXXXX")}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

echo "diff-lean-oracle: emitting traces (hosts=$hosts runs=$runs seed=$seed) into $dir"
if ! (cd "$root" && cargo run --release --locked -q -p proofgate-cli -- \
        fuzz --emit-trace "$dir" --hosts "$hosts" --runs "$runs" --seed "$seed"); then
    echo "diff-lean-oracle: proofgate fuzz failed" >&2
    exit 2
fi
for f in input.jsonl rust.jsonl; do
    if [ ! -s "$dir/$f" ]; then
        echo "diff-lean-oracle: $dir/$f is missing or empty" >&2
        exit 2
    fi
done

echo "diff-lean-oracle: replaying through lake exe barrier-oracle"
if ! (cd "$root/lean" && lake build barrier-oracle >/dev/null \
        && lake exe barrier-oracle <"$dir/input.jsonl" >"$dir/lean.jsonl"); then
    echo "diff-lean-oracle: the Lean oracle failed" >&2
    exit 2
fi

if cmp -s "$dir/rust.jsonl" "$dir/lean.jsonl"; then
    echo "diff-lean-oracle: identical, $(wc -l <"$dir/rust.jsonl") lines over $(wc -l <"$dir/input.jsonl") traces"
    exit 0
fi

python3 - "$dir/rust.jsonl" "$dir/lean.jsonl" <<'PY'
import sys
with open(sys.argv[1]) as a, open(sys.argv[2]) as b:
    rust, lean = a.read().splitlines(), b.read().splitlines()
for i in range(max(len(rust), len(lean))):
    r = rust[i] if i < len(rust) else "<end of file>"
    l = lean[i] if i < len(lean) else "<end of file>"
    if r != l:
        print(f"diff-lean-oracle: first difference at line {i + 1}", file=sys.stderr)
        print(f"  rust: {r}", file=sys.stderr)
        print(f"  lean: {l}", file=sys.stderr)
        break
print(f"diff-lean-oracle: {len(rust)} rust lines, {len(lean)} lean lines", file=sys.stderr)
PY
exit 1

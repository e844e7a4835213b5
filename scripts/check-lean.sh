#!/usr/bin/env bash
# Checks the Lean development. Static checks always run: required files, no
# word that would let an unproved statement through, and the traceability map
# lean/theorems.toml (every contract theorem listed, declared in lean/, and
# mapped to an existing Rust property test). Where `lake` is installed: `lake
# build`, the axiom report (every theorem marked `expected: none` in
# Axioms.lean, `safety` first, must depend on no axiom), and the Rust engine
# against the Lean oracle (scripts/diff-lean-oracle.sh); any failing step fails
# the script. Where it is not, it says plainly that nothing was compiled.
# This is the one place that knows what "the Lean checks" are: test.sh and
# the GitHub workflow both call it.
set -euo pipefail
cd "$(dirname "$0")/../lean"

status=0
for f in lakefile.toml lean-toolchain theorems.toml; do
    [ -f "$f" ] || { echo "check-lean: missing lean/$f" >&2; status=1; }
done

# Words that would let an unproved statement through.
if grep -rnwE 'sorry|admit|native_decide|axiom|unsafe|partial' --include='*.lean' . \
    | grep -v '^\./\.lake/' | grep -vE '#print axioms|^\S+:[0-9]+:\s*--' ; then
    echo "check-lean: forbidden word in lean/ (see above)" >&2
    status=1
fi

# Traceability: the contract table (Lean name -> Rust test fn) must be covered
# exactly by theorems.toml, every Lean name must be declared as a theorem in
# its module, and every Rust test fn must exist in its file.
if ! python3 - <<'PY'
import pathlib, re, sys, tomllib

CONTRACT = {
    "count_update": "count_update", "partition": "partition",
    "exists_prov": "exists_prov", "safety": "safety", "fail_sound": "fail_sound",
    "gate_converge": "gate_converge", "gate_fail": "gate_fail",
    "gate_wait": "gate_wait", "progress": "progress",
    "terminal_stuck": "terminal_stuck", "step_rank": "step_rank",
    "step_wf": "step_wf", "resolves": "resolves", "ready_mono": "ready_mono",
    "failed_mono": "failed_mono", "atLeast_step": "at_least_step",
    "strictAll_iff": "strict_all_iff", "atLeast_caps": "at_least_caps",
    "strictAll_stable": "strict_all_stable", "atLeast_stable": "at_least_stable",
    "pct_stable": "pct_stable", "maxFailures_unstable": "max_failures_unstable",
    "converge_final": "converge_final",
}

lean_root = pathlib.Path(".")
repo_root = lean_root.resolve().parent
errors = []

try:
    entries = tomllib.loads(pathlib.Path("theorems.toml").read_text())["theorem"]
except (OSError, KeyError, tomllib.TOMLDecodeError) as e:
    print(f"check-lean: cannot read lean/theorems.toml: {e}", file=sys.stderr)
    sys.exit(1)

sources = {
    p: p.read_text()
    for p in lean_root.rglob("*.lean")
    if ".lake" not in p.parts
}

def declared(name, text):
    pat = (r"^\s*(?:@\[[^\]]*\]\s*)?(?:private\s+|protected\s+)?"
           r"(?:theorem|lemma)\s+" + re.escape(name) + r"(?=[\s:({\[]|$)")
    return re.search(pat, text, re.MULTILINE) is not None

seen = {}
rust_cache = {}
missing_rust = {}
for i, e in enumerate(entries):
    lean = e.get("lean")
    module = e.get("module")
    rust_file = e.get("rust_file")
    rust_test = e.get("rust_test")
    if not all(isinstance(v, str) and v for v in (lean, module, rust_file, rust_test)):
        errors.append(f"entry {i + 1}: needs non-empty lean, module, rust_file, rust_test")
        continue
    if lean in seen:
        errors.append(f"{lean}: listed twice")
    seen[lean] = rust_test
    mod_path = lean_root / module
    if mod_path not in sources:
        errors.append(f"{lean}: module lean/{module} does not exist")
    elif not declared(lean, sources[mod_path]):
        elsewhere = [str(p) for p, t in sources.items() if declared(lean, t)]
        where = f" (declared in {', '.join(elsewhere)})" if elsewhere else ""
        errors.append(f"{lean}: no `theorem {lean}` in lean/{module}{where}")
    rust_path = repo_root / rust_file
    if rust_path not in rust_cache:
        rust_cache[rust_path] = rust_path.read_text() if rust_path.is_file() else None
    text = rust_cache[rust_path]
    if text is None:
        missing_rust.setdefault(rust_file, []).append(lean)
    elif not re.search(r"\bfn\s+" + re.escape(rust_test) + r"\s*\(", text):
        errors.append(f"{lean}: no `fn {rust_test}` in {rust_file}")

for rust_file, leans in missing_rust.items():
    errors.append(f"Rust test file {rust_file} does not exist "
                  f"({len(leans)} theorems map to it)")

for lean, rust in CONTRACT.items():
    if lean not in seen:
        errors.append(f"{lean}: in the contract table but missing from lean/theorems.toml")
    elif seen[lean] != rust:
        errors.append(f"{lean}: mapped to `{seen[lean]}`, the contract says `{rust}`")

for msg in errors:
    print(f"check-lean: {msg}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"check-lean: traceability ok ({len(entries)} theorems mapped to Rust tests)")
PY
then
    echo "check-lean: traceability check failed (see above)" >&2
    status=1
fi

if command -v lake >/dev/null 2>&1; then
    echo "check-lean: running lake build"
    lake build || status=1
    echo "check-lean: axiom report (lake env lean Proofgate/Axioms.lean)"
    if report=$(lake env lean Proofgate/Axioms.lean 2>&1); then
        echo "$report"
        if grep -q 'sorryAx' <<<"$report"; then
            echo "check-lean: a headline theorem depends on sorryAx" >&2
            status=1
        fi
        if ! grep -q "'Proofgate.safety' does not depend on any axioms" <<<"$report"; then
            echo "check-lean: safety is expected to depend on no axioms" >&2
            status=1
        fi
        # Every theorem whose expectation is `none` must need no axiom; the
        # `omega` ones may rest on the standard three (sorryAx is caught above).
        while read -r name; do
            if ! grep -q "'$name' does not depend on any axioms" <<<"$report"; then
                echo "check-lean: $name was expected to depend on no axioms" >&2
                status=1
            fi
        done < <(sed -nE 's/^#print axioms ([A-Za-z0-9_.]+) -- expected: none.*/\1/p' Proofgate/Axioms.lean)
    else
        echo "$report" >&2
        echo "check-lean: the axiom report did not compile" >&2
        status=1
    fi
    echo "check-lean: Rust engine against the Lean oracle"
    ../scripts/diff-lean-oracle.sh || status=1
else
    echo "check-lean: lake is not installed here; the Lean proofs were NOT compiled," \
        "the axioms NOT reported, the oracle NOT compared (static checks only)"
fi
exit $status

#!/usr/bin/env bash
# `cargo publish --dry-run` for every published crate, in dependency order,
# in one cargo invocation: cargo packages them together and resolves each
# crate's not-yet-published siblings from the packages it just made, so no
# crate needs to be on crates.io first (the crates.io index must be
# reachable for the other dependencies). The real publish is the same
# command without --dry-run, by someone holding the token.
#
# Then each package is unpacked on its own and its tests and doc tests run
# there, its unpublished siblings patched to their unpacked packages: a
# package that cannot build or test alone (a file it reads outside its own
# directory, a doc test that includes one) fails this script.
#
#   scripts/publish-dry-run.sh [--no-verify] [--allow-dirty]   # extra flags go to cargo publish
set -euo pipefail
cd "$(dirname "$0")/.."

# Dependency order; a new crate is one more word here. The gate library is
# `proofgate-core` (crates.io's `proofgate` is an unrelated crate); the CLI,
# `proofgate-cli`, installs the `proofgate` binary.
crates=(proofgate-kernel proofgate-ledger proofgate-barrier proofgate-core proofgate-cli)

args=()
for c in "${crates[@]}"; do
    args+=(-p "$c")
done
cargo publish --dry-run --locked "${args[@]}" "$@"
# The same packages as files (target/package/NAME-VERSION.crate), built and
# tested below rather than by cargo's own verify step.
dirty=()
for a in "$@"; do
    [ "$a" = --allow-dirty ] && dirty=(--allow-dirty)
done
cargo package --no-verify --locked "${args[@]}" "${dirty[@]}"

version=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "proofgate-kernel"))')
# A fixed place, so that the build below is incremental across runs (cargo
# keys its fingerprints by the source's path).
unpacked=target/package-unpacked
rm -rf "$unpacked"
mkdir -p "$unpacked"
members=()
patches=()
for c in "${crates[@]}"; do
    # -m: the files get the time of extraction, not the package's fixed one,
    # so cargo never takes a build of older sources for this one.
    tar xzmf "target/package/$c-$version.crate" -C "$unpacked"
    members+=("\"$c-$version\"")
    patches+=("$c = { path = \"$c-$version\" }")
done
{
    echo "[workspace]"
    echo "resolver = \"3\""
    echo "members = [$(
        IFS=,
        echo "${members[*]}"
    )]"
    echo "[patch.crates-io]"
    printf '%s\n' "${patches[@]}"
} >"$unpacked/Cargo.toml"
# The corpus, if this machine has one, is handed over explicitly (the
# packages do not sit beside it); without one, its tests skip loudly.
corpus=$(./scripts/find-corpus.sh || true)
echo "==> testing each package alone in $unpacked"
(
    cd "$unpacked"
    env -u PROOFGATE_REQUIRE_CORPUS ${corpus:+PROOFGATE_LEAN_EXPORTS="$corpus"} \
        CARGO_TARGET_DIR="$OLDPWD/target/package-test" \
        cargo test --workspace --all-features
)
echo "==> every package builds and passes its tests alone"

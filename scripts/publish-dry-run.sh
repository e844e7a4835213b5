#!/usr/bin/env bash
# `cargo publish --dry-run` for every published crate, in dependency order,
# in one cargo invocation: cargo packages them together and resolves each
# crate's not-yet-published siblings from the packages it just made, so no
# crate needs to be on crates.io first (the crates.io index must be
# reachable for the other dependencies). The real publish is the same
# command without --dry-run, by someone holding the token.
#
#   scripts/publish-dry-run.sh [--no-verify] [--allow-dirty]   # extra flags go to cargo
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
exec cargo publish --dry-run --locked "${args[@]}" "$@"

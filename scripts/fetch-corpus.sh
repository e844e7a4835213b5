#!/usr/bin/env bash
# Fills target/lean-exports (good/, bad/) from the Lean Kernel Arena's public
# test archive, where the tests look when neither $PROOFGATE_LEAN_EXPORTS nor
# ../shared/lean-exports exists. Needs network access and curl; never tried
# on the project's machines (no network). The tests needing Lean's
# Init.Prelude read good/init-prelude.ndjson, a name the archive is not known
# to use, so they may still skip. The corpus is never copied into git.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${PROOFGATE_CORPUS_URL:-https://arena.lean-lang.org/lean-arena-tests.tar.gz}
dest=target/lean-exports
mkdir -p target
tmp=$(mktemp -d target/lean-exports.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
echo "fetch-corpus: downloading $url"
curl -fsSL --retry 3 "$url" -o "$tmp/archive.tar.gz"
echo "fetch-corpus: sha256 $(sha256sum "$tmp/archive.tar.gz" | cut -d' ' -f1)"
mkdir "$tmp/x"
tar -xzf "$tmp/archive.tar.gz" -C "$tmp/x"
# The archive holds good/ and bad/, possibly under one top folder.
src=$(find "$tmp/x" -maxdepth 2 -type d -name good -printf '%h\n' | head -n1)
if [ -z "$src" ] || [ ! -d "$src/bad" ]; then
    echo "fetch-corpus: the archive has no good/ and bad/ folders" >&2
    exit 1
fi
rm -rf "$dest"
mv "$src" "$dest"
echo "fetch-corpus: $(find "$dest" -name '*.ndjson' | wc -l) export files in $dest"

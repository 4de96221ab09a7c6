#!/usr/bin/env bash
# Neovim as a second real LSP client: headless Neovim (>= 0.7) starts `asl-guard-language-server
# --stdio` the way a user's config would, opens a fixture, waits for the diagnostics and applies the
# ASL003 quick fix. The bin is resolved from package.json "bin" (as `npm i -g asl-guard` would link it).
#   usage: bash test/e2e/nvim/run.sh FIXTURE.asl.json
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
FILE=$(realpath "$1")
command -v nvim >/dev/null || { echo "nvim not found: run test/e2e/setup.sh"; exit 1; }

tmp=$(mktemp -d /tmp/asl-guard-nvim.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
BIN=$(node -e 'const b=require(process.argv[1]).bin||{};process.stdout.write(b["asl-guard-language-server"]||"")' "$REPO/package.json")
[ -n "$BIN" ] || { echo 'FAIL: package.json has no "bin" entry "asl-guard-language-server"'; exit 1; }
[ -f "$REPO/$BIN" ] || { echo "FAIL: $BIN (the asl-guard-language-server bin) does not exist; build first"; exit 1; }
# What npm's bin shim does: an executable named after the bin, on PATH.
mkdir -p "$tmp/bin"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$REPO/$BIN" > "$tmp/bin/asl-guard-language-server"
chmod +x "$tmp/bin/asl-guard-language-server"

cp "$FILE" "$tmp/" # the probe edits the buffer but never writes it; a copy keeps the source pristine anyway
cd "$tmp"
started=$(date +%s%N)
rc=0
PATH="$tmp/bin:$PATH" XDG_CONFIG_HOME=$tmp/c XDG_DATA_HOME=$tmp/d XDG_STATE_HOME=$tmp/s XDG_CACHE_HOME=$tmp/k \
  timeout -k 5 60 nvim --headless -n -i NONE -u "$HERE/lsp-probe.lua" "$(basename "$FILE")" || rc=$?
echo "Neovim probe: exit code $rc after $(( ($(date +%s%N) - started) / 1000000 )) ms ($(nvim --version | head -1))"
exit "$rc"

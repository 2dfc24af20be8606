#!/usr/bin/env bash
# Every check-scripts/*.ps1 must parse with a real PowerShell grammar (tree-sitter, wasm build from npm).
# A deliberately broken fixture must be rejected, so a checker that accepts anything fails the stage.
set -euo pipefail
cd "$(dirname "$0")/../pwsh-syntax"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
node check.mjs ../../check-scripts/*.ps1
if node check.mjs fixtures/broken.ps1 >/tmp/arr502-broken.txt 2>&1; then
  echo "the syntax check accepted fixtures/broken.ps1: it proves nothing" >&2
  exit 1
fi
echo "broken fixture rejected as expected: $(head -1 /tmp/arr502-broken.txt)"

#!/usr/bin/env bash
# Every check-scripts/*.ps1 must parse with a real PowerShell grammar (tree-sitter, wasm build from npm).
# A deliberately broken fixture must be rejected, so a checker that accepts anything fails the stage.
# Then lint.mjs rejects what fails on real Windows hosts (Test-NetConnection, English counter paths, Start-Process
# exit codes read without the handle); each rule must reject its own bad fixture, or the lint proves nothing.
set -euo pipefail
cd "$(dirname "$0")/../pwsh-syntax"
# own temp files: two runs at once (parallel jobs on one agent) shared one fixed /tmp file and one read the other's
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
node check.mjs ../../check-scripts/*.ps1
if node check.mjs fixtures/broken.ps1 >"$tmp/broken.txt" 2>&1; then
  echo "the syntax check accepted fixtures/broken.ps1: it proves nothing" >&2
  exit 1
fi
echo "broken fixture rejected as expected: $(head -1 "$tmp/broken.txt")"
node lint.mjs ../../check-scripts/*.ps1
for rule in tnc:ARR-TNC counter:ARR-COUNTER exitcode:ARR-EXITCODE; do
  fixture="fixtures/lint-${rule%%:*}.ps1"
  node check.mjs "$fixture" >/dev/null # the bad fixtures are valid PowerShell: only the lint may reject them
  if node lint.mjs "$fixture" >"$tmp/lint.txt" 2>&1 || ! grep -q "${rule#*:}" "$tmp/lint.txt"; then
    echo "lint.mjs did not reject $fixture with ${rule#*:}: it proves nothing" >&2
    cat "$tmp/lint.txt" >&2
    exit 1
  fi
  echo "$fixture rejected as expected: $(grep -m1 "${rule#*:}" "$tmp/lint.txt")"
done

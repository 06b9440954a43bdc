#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than the
# lockfile. sharp and esbuild ship prebuilt binaries in optional packages,
# so no install scripts are needed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[deps] npm ci…"
  npm ci --no-audit --no-fund
fi

#!/usr/bin/env bash
# The one test command (`npm test`): installs what is missing (npm deps,
# Debian's chromium), makes sure PostgreSQL and Redis run, then runs
# typecheck, lint, unit + integration tests (vitest), browser tests
# (Playwright on the production build), the chaos harness, and the compact
# trainer's Python tests (Debian's python3-torch, installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/retouchiq}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
step() { echo; echo "=== $* ==="; }

step "dependencies"
bash scripts/install-deps.sh
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "[deps] installing Debian's chromium for Playwright…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# The compact trainer's tests need PyTorch + Pillow in Debian's python3 (not pip: CPU wheels from the distro).
if ! /usr/bin/python3 -c "import torch, PIL" 2>/dev/null; then
  echo "[deps] installing Debian's python3-torch and python3-pil for training/compact…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch python3-pil >/dev/null
fi

step "services"
bash scripts/ensure-services.sh

step "typecheck"
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p lib/develop/tsconfig.json
npx tsc --noEmit -p lib/edits/tsconfig.json

step "lint"
npx eslint --max-warnings=0 .
npx prettier --check --log-level warn .

step "python tests (training/compact)"
/usr/bin/python3 -m unittest discover -s training/compact/tests

step "unit + integration tests"
npx vitest run

step "browser tests"
npx next build >/tmp/riq-next-build.log 2>&1 || { tail -60 /tmp/riq-next-build.log; exit 1; }
npx playwright test

step "chaos (faults under load, own PostgreSQL and Redis, at most 3 min)"
# Reuses the production build above; fails on lost, duplicated or unfinished work.
CHAOS_STRICT=0 CHAOS_MAX_S=170 timeout 190 npx tsx scripts/harness/chaos.ts >/tmp/riq-chaos.log 2>&1 || { tail -30 /tmp/riq-chaos.log; exit 1; }
tail -1 /tmp/riq-chaos.log

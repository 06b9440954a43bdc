#!/usr/bin/env bash
# Started by Playwright's webServer: a fresh e2e database, blob folder and
# queue prefix, seeded logins and sample photos, then workers + the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${E2E_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/retouchiq_e2e}"
export QUEUE_PREFIX="riq-e2e-$$"
export STORAGE_DIR="$(mktemp -d /tmp/riq-e2e-blobs-XXXX)"
export DATA_DIR="$(mktemp -d /tmp/riq-e2e-data-XXXX)"
export ADMIN_EMAIL=admin@e2e.local ADMIN_PASSWORD=e2e-password-1
export BETTER_AUTH_SECRET="e2e-secret-$(date +%s)-0123456789abcdef"
export PORT="${E2E_PORT:-3100}" APP_URL="http://localhost:${E2E_PORT:-3100}"
export WORKER_HEALTH_PORT=$((PORT + 99))
export AUTH_SIGNIN_RATE_LIMIT=100 AUTH_ACCOUNT_SIGNIN_LIMIT=100
export MAX_IMPORT_UPLOAD_BYTES=$((40 * 1024 * 1024)) # the security spec checks the 413 just above it
export SEED_DEMO_CORPUS=0 # the corpus spec imports the same edits itself
export SEED_DEMO_PAIRS=1 COMPARE_GOLD_RATE=0.1 # the compare spec labels these

npx tsx e2e/assert-local-database.ts
npx tsx e2e/reset-database.ts
npx tsx --conditions=react-server scripts/seed.ts >/dev/null
# Workers run in a loop that restarts them when they die, and their pid is in
# WORKER_PID_FILE, so a browser test can kill them mid-run (eval.spec.ts).
# Eval items are slowed and their lock kept short so a killed item is taken
# over within seconds.
export EVAL_ITEM_DELAY_MS=1500 EVAL_LOCK_DURATION_MS=8000
# The compact trainer (rounds.spec) at a fifth of its step counts: CPU in CI.
export TRAINER_COMPACT_SCALE=0.2
WORKER_PID_FILE="/tmp/riq-e2e-workers-${PORT}.pid"
echo starting > "$WORKER_PID_FILE"
(
  while [ -e "$WORKER_PID_FILE" ]; do
    node --conditions=react-server --import tsx workers/index.ts &
    echo $! > "$WORKER_PID_FILE"
    wait $! || true
    sleep 0.2
  done
) &
WORKERS=$!
trap 'W=$(cat "$WORKER_PID_FILE" 2>/dev/null); rm -f "$WORKER_PID_FILE"; kill -TERM $WORKERS $W 2>/dev/null' EXIT INT TERM
exec npx next start --port "$PORT"

#!/usr/bin/env bash
# One command from a fresh clone to a running platform: installs npm deps,
# makes sure PostgreSQL and Redis run, migrates, seeds sample photos and
# logins, builds the app, then runs the web app and the workers together.
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/retouchiq}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export PORT="${PORT:-3000}"
export APP_URL="${APP_URL:-http://localhost:$PORT}"
export STORAGE_DIR="${STORAGE_DIR:-$PWD/data/blobs}"
mkdir -p data

# A stable per-install session secret, never committed.
if [ -z "${BETTER_AUTH_SECRET:-}" ]; then
  [ -f data/auth-secret ] || head -c 32 /dev/urandom | base64 > data/auth-secret
  export BETTER_AUTH_SECRET="$(cat data/auth-secret)"
fi

bash scripts/install-deps.sh
bash scripts/ensure-services.sh
npx tsx scripts/db-setup.ts
npx tsx --conditions=react-server scripts/seed.ts

if [ "${DEMO_DEV:-}" = "1" ]; then
  WEB=(npx next dev --port "$PORT")
else
  echo "[demo] building the web app…"
  npx next build >data/next-build.log 2>&1 || { tail -40 data/next-build.log; exit 1; }
  WEB=(npx next start --port "$PORT")
fi

# Each child in a process group of its own (job control on), so stopping the demo stops what npx
# and `next start` started under them (the next-server process), not only the npx wrappers.
set -m
npx tsx --conditions=react-server workers/index.ts &
WORKERS=$!
"${WEB[@]}" &
WEB_PID=$!
set +m
trap 'trap - INT TERM EXIT; kill -TERM -- -$WORKERS -$WEB_PID 2>/dev/null; wait' INT TERM EXIT

echo
echo "  RetouchIQ Studio is running at $APP_URL  (logins above; Ctrl-C stops it)"
echo
wait -n $WORKERS $WEB_PID

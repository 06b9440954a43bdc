#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer at DATABASE_URL / REDIS_URL.
# When they point at this machine and the servers are installed but not
# running, starts them. Exits non-zero with a clear message otherwise.
set -euo pipefail

DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/retouchiq}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

# host and port out of a URL like scheme://user:pass@host:port/db
url_host() { local rest="${1#*://}"; rest="${rest#*@}"; rest="${rest%%/*}"; echo "${rest%%:*}"; }
url_port() { local rest="${1#*://}"; rest="${rest#*@}"; rest="${rest%%/*}"; [[ "$rest" == *:* ]] && echo "${rest##*:}" || echo "$2"; }
is_local() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" || "$1" == "::1" ]]; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

PG_HOST=$(url_host "$DATABASE_URL"); PG_PORT=$(url_port "$DATABASE_URL" 5432)
RD_HOST=$(url_host "$REDIS_URL"); RD_PORT=$(url_port "$REDIS_URL" 6379)

wait_port() { for _ in $(seq 1 50); do port_open "$1" "$2" && return 0; sleep 0.2; done; return 1; }

if ! port_open "$PG_HOST" "$PG_PORT"; then
  if is_local "$PG_HOST" && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "[services] starting local PostgreSQL…"
    for v in $(ls /etc/postgresql); do pg_ctlcluster --skip-systemctl-redirect "$v" main start || true; done
    wait_port "$PG_HOST" "$PG_PORT" || { echo "[services] PostgreSQL did not come up on $PG_HOST:$PG_PORT" >&2; exit 1; }
  else
    echo "[services] PostgreSQL is not reachable at $PG_HOST:$PG_PORT and no local server is installed." >&2
    echo "           Install it (apt-get install postgresql) or set DATABASE_URL to a reachable server." >&2
    exit 1
  fi
fi

if ! port_open "$RD_HOST" "$RD_PORT"; then
  if is_local "$RD_HOST" && command -v redis-server >/dev/null; then
    echo "[services] starting local Redis…"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$RD_PORT" --save "" --appendonly no >/dev/null
    wait_port "$RD_HOST" "$RD_PORT" || { echo "[services] Redis did not come up on $RD_HOST:$RD_PORT" >&2; exit 1; }
  else
    echo "[services] Redis is not reachable at $RD_HOST:$RD_PORT and no local redis-server is installed." >&2
    echo "           Install it (apt-get install redis-server) or set REDIS_URL to a reachable server." >&2
    exit 1
  fi
fi
echo "[services] PostgreSQL $PG_HOST:$PG_PORT and Redis $RD_HOST:$RD_PORT are up"

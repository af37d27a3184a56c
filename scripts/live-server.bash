# Sourced by the CI steps that drive a live `ossify serve` (scripts/ci.d/70-schemathesis.sh,
# 80-durability.sh, 85-slow-clients.sh): the debug binary, a temporary directory, starting and
# stopping the server, signing in, and a fresh PostgreSQL database on the server of
# OSSIFY_TEST_POSTGRES_URL. Everything started here is stopped and removed on exit.
swift build --product ossify >/dev/null
bin="$(swift build --show-bin-path)/ossify"
work=$(mktemp -d)
server=""
pgdb=""
psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql
live_cleanup() {
  stop_server
  if [ -n "$pgdb" ]; then "$psql" "$OSSIFY_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap live_cleanup EXIT

# serve PORT DATABASE [OPTIONS...]: starts the server in the background ($server) and waits for
# its health check (loading the engines takes seconds in a debug build).
serve() {
  local port=$1 database=$2
  shift 2
  "$bin" serve --port "$port" --database "$database" --log-level error "$@" >> "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "the server did not start:"; tail -5 "$work/serve.log"; return 1
}

stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=""
}

# login PORT USERNAME PASSWORD: prints the bearer token.
login() {
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\": \"$2\", \"password\": \"$3\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

# fresh_postgres NAME: creates database NAME_<pid> on the server of OSSIFY_TEST_POSTGRES_URL
# (dropped on exit); its URL in $pgurl.
fresh_postgres() {
  pgdb="$1_$$"
  "$psql" "$OSSIFY_TEST_POSTGRES_URL" -qc "CREATE DATABASE $pgdb"
  pgurl="${OSSIFY_TEST_POSTGRES_URL%/*}/$pgdb"
}

# each_store FUNCTION NAME: FUNCTION sqlite FILE, then, when OSSIFY_TEST_POSTGRES_URL is set,
# FUNCTION postgres URL on a fresh database NAME_<pid>.
each_store() {
  "$1" sqlite "$work/registry.sqlite"
  if [ -n "${OSSIFY_TEST_POSTGRES_URL:-}" ]; then
    fresh_postgres "$2"
    "$1" postgres "$pgurl"
  else
    echo "note: OSSIFY_TEST_POSTGRES_URL is not set; SQLite only"
  fi
}

#!/usr/bin/env bash
# Durability: a clinician creates synthetic patients at a steady rate (OSSIFY_DURABILITY_RATE per
# second, default 40, for OSSIFY_DURABILITY_SECONDS, default 30) against a live `ossify serve` (the
# debug binary); 5 s in, the server is killed with SIGKILL and started again (the writes go on). Then
# every acknowledged write (201) must be stored with exactly the fields sent, and every stored
# record of the run, acknowledged or not, whole (scripts/durability/writes.py). On SQLite and on
# PostgreSQL (a fresh database on the server of OSSIFY_TEST_POSTGRES_URL, dropped afterwards).
# About 1.5 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${OSSIFY_DURABILITY_RATE:-40}
seconds=${OSSIFY_DURABILITY_SECONDS:-30}
port=${OSSIFY_DURABILITY_PORT:-18481}
swift build --product ossify >/dev/null
bin="$(swift build --show-bin-path)/ossify"
work=$(mktemp -d)
server=""
pgdb=""
psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$pgdb" ]; then "$psql" "$OSSIFY_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
password='durability passphrase 1'
api="http://127.0.0.1:$port/api/v1"
failures=0

serve() {
  "$bin" serve --port "$port" --database "$1" --log-level error >> "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do curl -sf "$api/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "the server did not start"; return 1
}

run_store() {
  local label=$1 database=$2 start writer token down
  start=$(date +%s)
  echo "$password" | "$bin" user add dur-clinician --role clinician --site dur-a --database "$database" >/dev/null
  serve "$database"
  token=$(curl -sf -X POST "$api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\": \"dur-clinician\", \"password\": \"$password\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
  python3 scripts/durability/writes.py write "$api" "$token" "$rate" "$seconds" "$work/log-$label.jsonl" &
  writer=$!
  sleep 5
  kill -9 "$server"; wait "$server" 2>/dev/null || true
  down=$(date +%s.%N)
  serve "$database"
  echo "durability $label: killed with SIGKILL, answering again after $(python3 -c "print(round($(date +%s.%N) - $down, 1))") s"
  wait "$writer"
  python3 scripts/durability/writes.py verify "$api" "$token" "$work/log-$label.jsonl" || failures=$((failures + 1))
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  echo "durability $label: $(( $(date +%s) - start )) s"
}

run_store sqlite "$work/registry.sqlite"
if [ -n "${OSSIFY_TEST_POSTGRES_URL:-}" ]; then
  pgdb="ossify_dur_$$"
  "$psql" "$OSSIFY_TEST_POSTGRES_URL" -qc "CREATE DATABASE $pgdb"
  run_store postgres "${OSSIFY_TEST_POSTGRES_URL%/*}/$pgdb"
else
  echo "note: OSSIFY_TEST_POSTGRES_URL is not set; durability ran on SQLite only"
fi
[ "$failures" -eq 0 ] || { echo "durability: $failures stores lost or split writes"; exit 1; }

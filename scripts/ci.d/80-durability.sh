#!/usr/bin/env bash
# Durability: a clinician creates synthetic patients at a steady rate (OSSIFY_DURABILITY_RATE per
# second, default 40, for OSSIFY_DURABILITY_SECONDS, default 30) against a live `ossify serve` (the
# debug binary), while two readers read full records at 25/s each; 5 s in, the
# server is killed with SIGKILL and started again (the writes and reads go on). Then every
# acknowledged write (201) must be stored with exactly the fields sent, every stored record of the
# run, acknowledged or not, whole, and every acknowledged read (200) audited, no read twice
# (scripts/durability/writes.py; the audit log as an admin reads it). On SQLite and on
# PostgreSQL (a fresh database on the server of OSSIFY_TEST_POSTGRES_URL, dropped afterwards).
# About 1.5 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${OSSIFY_DURABILITY_RATE:-40}
seconds=${OSSIFY_DURABILITY_SECONDS:-30}
port=${OSSIFY_DURABILITY_PORT:-18481}
source scripts/live-server.bash
password='durability passphrase 1'
api="http://127.0.0.1:$port/api/v1"
failures=0

run_store() {
  local label=$1 database=$2 start writer reader token admin down
  start=$(date +%s)
  "$bin" site add dur-a --name "Durability A" --database "$database" >/dev/null
  echo "$password" | "$bin" user add dur-clinician --role clinician --site dur-a --database "$database" >/dev/null
  echo "$password" | "$bin" user add dur-admin --role admin --database "$database" >/dev/null
  serve "$port" "$database"
  token=$(login "$port" dur-clinician "$password")
  python3 scripts/durability/writes.py write "$api" "$token" "$rate" "$seconds" "$work/log-$label.jsonl" &
  writer=$!
  python3 scripts/durability/writes.py read "$api" "$token" "$seconds" "$work/reads-$label.json" &
  reader=$!
  sleep 5
  kill -9 "$server"; wait "$server" 2>/dev/null || true
  down=$(date +%s.%N)
  serve "$port" "$database"
  echo "durability $label: killed with SIGKILL, answering again after $(python3 -c "print(round($(date +%s.%N) - $down, 1))") s"
  wait "$writer"
  wait "$reader"
  python3 scripts/durability/writes.py verify "$api" "$token" "$work/log-$label.jsonl" || failures=$((failures + 1))
  admin=$(login "$port" dur-admin "$password")
  python3 scripts/durability/writes.py verify-reads "$api" "$admin" "$work/reads-$label.json" || failures=$((failures + 1))
  stop_server
  echo "durability $label: $(( $(date +%s) - start )) s"
}

each_store run_store ossify_dur
[ "$failures" -eq 0 ] || { echo "durability: $failures stores lost or split writes or lost read audits"; exit 1; }

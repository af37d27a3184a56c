#!/usr/bin/env bash
# Two `ossify serve` processes on one PostgreSQL (a fresh database on the server of
# OSSIFY_TEST_POSTGRES_URL) behave as one server: tokens, revocation, the login throttle and
# optimistic concurrency hold across both (scripts/two-servers/check.py). The test client sends
# its requests to the two in turn, as a round-robin load balancer would. About 30 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${OSSIFY_TEST_POSTGRES_URL:-}" ] || { echo "two servers: OSSIFY_TEST_POSTGRES_URL is not set; skipped"; exit 0; }
source scripts/live-server.bash
port_a=${OSSIFY_TWO_SERVERS_PORT:-18491}
port_b=$((port_a + 1))
password='two servers passphrase 1'
fresh_postgres ossify_two
"$bin" db migrate --database "$pgurl" >/dev/null
"$bin" site add two-a --name "Two servers A" --database "$pgurl" >/dev/null
echo "$password" | "$bin" user add two-clinician --role clinician --site two-a --database "$pgurl" >/dev/null
serve "$port_a" "$pgurl"
first=$server
serve "$port_b" "$pgurl"
second=$server
trap 'kill $first $second 2>/dev/null || true; live_cleanup' EXIT
python3 scripts/two-servers/check.py "http://127.0.0.1:$port_a/api/v1" "http://127.0.0.1:$port_b/api/v1" two-clinician "$password"

#!/usr/bin/env bash
# Slow clients: OSSIFY_SLOW_CONNECTIONS (default 2000) connections trickle request heads one byte a
# second (reopened when the header timeout closes them) against a live `ossify serve` (the debug
# binary, SQLite) while GET /api/v1/health is asked every 50 ms for OSSIFY_SLOW_SECONDS (default
# 30) after a 10 s ramp; the health check's p99 must stay within 100 ms and none may fail
# (scripts/slow-clients/hold.py).
# About 45 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${OSSIFY_SLOW_CONNECTIONS:-2000}
seconds=${OSSIFY_SLOW_SECONDS:-30}
port=${OSSIFY_SLOW_PORT:-18482}
ulimit -n "$(( connections * 2 + 1024 ))" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
swift build --product ossify >/dev/null
bin="$(swift build --show-bin-path)/ossify"
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
"$bin" serve --port "$port" --database "$work/registry.sqlite" --log-level error > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 0.2; done
python3 scripts/slow-clients/hold.py 127.0.0.1 "$port" "$connections" "$seconds" 100

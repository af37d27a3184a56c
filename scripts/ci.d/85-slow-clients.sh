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
source scripts/live-server.bash
serve "$port" "$work/registry.sqlite"
python3 scripts/slow-clients/hold.py 127.0.0.1 "$port" "$connections" "$seconds" 100

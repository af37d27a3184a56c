#!/usr/bin/env bash
# End to end in a real browser: builds the debug `ossify`, creates a throwaway SQLite registry with
# one account per role and 60 synthetic patients (`db seed`), starts `ossify serve` on a free port, and runs Tests/Browser/test_pages.py
# (Selenium driving Debian's headless Chromium; scripts/setup.d/60-chromium.sh installs both).
# Screenshots of every page go to .build/screenshots/, which CI keeps in the workspace. The server
# is always stopped; a failing test fails CI. About a minute after the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product ossify >/dev/null
bin="$(swift build --show-bin-path)/ossify"
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
db="$work/registry.sqlite"
"$bin" db migrate --database "$db" >/dev/null
# Synthetic patients at other sites, for the researcher's natural-history page.
"$bin" db seed --patients 60 --database "$db" >/dev/null
# The passwords only live as long as this throwaway database.
export OSSIFY_E2E_PASSWORD="e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
echo "$OSSIFY_E2E_PASSWORD" | "$bin" user add e2e-admin --role admin --database "$db" >/dev/null
"$bin" site add e2e-centre --name "E2E centre" --database "$db" >/dev/null
echo "$OSSIFY_E2E_PASSWORD" | "$bin" user add e2e-clinician --role clinician --site e2e-centre --database "$db" >/dev/null
echo "$OSSIFY_E2E_PASSWORD" | "$bin" user add e2e-researcher --role researcher --database "$db" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --host 127.0.0.1 --port "$port" --database "$db" --log-level warning > "$work/server.log" 2>&1 &
server=$!
healthy() { python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; }
for _ in $(seq 1 120); do
  if healthy; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "ossify serve exited before it was healthy:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.5
done
healthy || { echo "server not healthy after 60 s" >&2; cat "$work/server.log" >&2; exit 1; }
mkdir -p .build/screenshots
status=0
OSSIFY_E2E_URL="http://127.0.0.1:$port" OSSIFY_E2E_SCREENSHOTS=.build/screenshots \
  python3 Tests/Browser/test_pages.py || status=$?
if [ "$status" -ne 0 ]; then
  echo "== server log" >&2
  tail -n 50 "$work/server.log" >&2
fi
exit "$status"

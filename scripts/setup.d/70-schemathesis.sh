#!/usr/bin/env bash
# Schemathesis (PyPI), for the API conformance run of scripts/ci.d/70-schemathesis.sh. Skipped when
# already installed; pip's --break-system-packages when the system Python refuses a plain install.
set -euo pipefail
if command -v st >/dev/null && python3 -c 'import schemathesis' 2>/dev/null; then
  exit 0
fi
python3 -m pip install --quiet schemathesis || python3 -m pip install --quiet --break-system-packages schemathesis

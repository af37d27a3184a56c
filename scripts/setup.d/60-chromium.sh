#!/usr/bin/env bash
# Chromium, its WebDriver and Selenium (PyPI), for the end-to-end browser test of the pages
# (scripts/ci.d/60-browser.sh, Tests/Browser/test_pages.py). Debian's packages; each part skipped
# when already present.
set -euo pipefail
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi
if ! python3 -c 'import selenium' 2>/dev/null; then
  python3 -m pip install --quiet selenium || python3 -m pip install --quiet --break-system-packages selenium
fi

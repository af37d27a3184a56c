#!/usr/bin/env bash
# R with survival, msm and jsonlite, for the cross-check of the cohort analyses
# (scripts/ci.d/50-analytics-r.sh). Debian's packages; skipped when already present.
set -euo pipefail
if command -v Rscript >/dev/null && Rscript -e 'library(survival); library(msm); library(jsonlite)' >/dev/null 2>&1; then
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  r-base-core r-cran-survival r-cran-msm r-cran-jsonlite

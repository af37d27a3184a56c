#!/usr/bin/env bash
# Cross-checks every cohort estimate against R on the same data: seeds a synthetic registry, writes
# each analysis's JSON (its `data` arrays are what the estimates came from) with the debug binary
# that `swift test` built, and runs scripts/r/check-analytics.R: survfit (KM and its log interval,
# 1e-6), survdiff and coxph(ties = "efron") (1e-4), msm (1e-3 relative), fisher.test and
# p.adjust(BH), and Fisher's exact test on large 2 x k tables (10,000 patients; `ossify cohort fisher`).
# Fails on any mismatch. About a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."
patients=${OSSIFY_R_CHECK_PATIENTS:-1500}
swift build --product ossify >/dev/null
bin="$(swift build --show-bin-path)/ossify"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" db seed --patients "$patients" --database "$work/registry.sqlite" >/dev/null
run() { "$bin" cohort "$@" --identified --json --database "$work/registry.sqlite"; }
for event in first-lesion first-deep-lesion first-ankylosis first-surgery; do
  run survival --event "$event" --group parent-of-origin > "$work/survival-$event.json"
done
run survival --event recurrence > "$work/survival-recurrence.json"
run survival --event first-deep-lesion --group sex > "$work/survival-sex.json"
run progression > "$work/progression.json"
run features --by parent-of-origin > "$work/features.json"
# Large tables, as the feature tables of 10,000 patients: a few chosen, a few drawn (fixed seed).
{
  echo "300,280,500,120 2200,2100,3000,1500"
  echo "625,600,875,375 1878,1796,2635,1123"
  echo "12,40,33,9,20 300,310,280,150,200"
  awk 'BEGIN { srand(2762); for (t = 0; t < 4; t++) { top = ""; bottom = "";
         for (j = 0; j < 4; j++) { size = 1500 + int(rand() * 2000); share = 0.28 + rand() * 0.04; x = int(size * share);
           top = top (j ? "," : "") x; bottom = bottom (j ? "," : "") size - x }
         print top, bottom } }'
} | while read -r present absent; do
  echo "{\"present\": [$present], \"absent\": [$absent], \"result\": $("$bin" cohort fisher --present "$present" --absent "$absent")}"
done > "$work/fisher-large.jsonl"
Rscript scripts/r/check-analytics.R "$work"

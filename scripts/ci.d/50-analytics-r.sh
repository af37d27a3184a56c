#!/usr/bin/env bash
# Cross-checks every cohort estimate against R on the same data: seeds a synthetic registry, writes
# each analysis's JSON (its `data` arrays are what the estimates came from) with the debug binary
# that `swift test` built, and runs scripts/r/check-analytics.R: survfit (KM and its log interval,
# 1e-6), survdiff and coxph(ties = "efron") (1e-4), msm (1e-3 relative), fisher.test and
# p.adjust(BH). Fails on any mismatch. About a minute.
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
Rscript scripts/r/check-analytics.R "$work"

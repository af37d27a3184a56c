#!/usr/bin/env bash
# Cross-checks every cohort estimate against R on the same data: seeds a synthetic registry, writes
# each analysis's JSON (its `data` arrays are what the estimates came from) with the debug binary
# that `swift test` built, and runs scripts/r/check-analytics.R: survfit (KM and its log interval,
# 1e-6), survdiff and coxph(ties = "efron") (1e-4), msm (1e-3 relative), fisher.test and
# p.adjust(BH), and Fisher's exact test on large 2 x k tables (2 x 4 of 10,000 patients, 2 x 5 of
# 4,000 to 10,000; `ossify cohort fisher`) and on small 2 x 5 tables that R also enumerates in full.
# Fails on any mismatch. About two minutes.
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
fisher() {
  while read -r present absent; do
    echo "{\"present\": [$present], \"absent\": [$absent], \"result\": $("$bin" cohort fisher --present "$present" --absent "$absent")}"
  done
}
# Large tables, as the feature tables of 10,000 patients: a few chosen, a few drawn (fixed seed).
{
  echo "300,280,500,120 2200,2100,3000,1500"
  echo "625,600,875,375 1878,1796,2635,1123"
  echo "12,40,33,9,20 300,310,280,150,200"
  awk 'BEGIN { srand(2762); for (t = 0; t < 4; t++) { top = ""; bottom = "";
         for (j = 0; j < 4; j++) { size = 1500 + int(rand() * 2000); share = 0.28 + rand() * 0.04; x = int(size * share);
           top = top (j ? "," : "") x; bottom = bottom (j ? "," : "") size - x }
         print top, bottom } }'
  # 2 x 5 as five groups of unequal size (ACMG classes, say) might give: two chosen, three drawn.
  echo "411,207,98,38,28 1789,793,382,162,92"
  echo "1057,501,250,108,70 4443,1999,950,392,230"
  awk 'BEGIN { srand(79443); split("0.55 0.25 0.12 0.05 0.03", shares, " ");
         for (t = 0; t < 3; t++) { n = 4000 + int(rand() * 4000); base = 0.2 + rand() * 0.6; top = ""; bottom = "";
           for (j = 1; j <= 5; j++) { size = int(n * shares[j]); x = int(size * (base - 0.02 + rand() * 0.04));
             top = top (j > 1 ? "," : "") x; bottom = bottom (j > 1 ? "," : "") size - x }
           print top, bottom } }'
} | fisher > "$work/fisher-large.jsonl"
# Small 2 x 5 tables, which R also enumerates in full (independently of its FEXACT).
printf '%s\n' "3,9,4,12,20 12,16,26,28,30" "0,7,12,18,25 15,18,18,22,25" "6,2,14,9,22 9,23,16,31,28" | fisher > "$work/fisher-small.jsonl"
Rscript scripts/r/check-analytics.R "$work"

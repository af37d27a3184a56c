#!/usr/bin/env bash
# Schemathesis against a live `ossify serve` (the debug binary) on SQLite and on PostgreSQL (a fresh
# database on the server of OSSIFY_TEST_POSTGRES_URL, dropped afterwards), as each role: admin,
# clinician and researcher accounts made with the CLI on a seeded registry, bearer tokens from the
# API's login. Examples, coverage and fuzzing phases, OSSIFY_SCHEMATHESIS_EXAMPLES (default 10) cases
# per operation and phase, fixed seed. Every check but negative_data_rejection (the document may be
# stricter than the server) and the stateful ones (the document has no links) must pass: no server
# error, every status, content type, header and body as documented, no valid request refused (400
# or 422 to a request the document allows), other methods 405 with Allow, no answer without
# credentials. Order rules JSON Schema cannot state come from the document's x-not-before
# (scripts/schemathesis/hooks.py); the operations whose fields are checked against the knowledge
# may answer 422 to a schema-valid body (scripts/schemathesis/schemathesis.toml). A few minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
examples=${OSSIFY_SCHEMATHESIS_EXAMPLES:-10}
port=${OSSIFY_SCHEMATHESIS_PORT:-18480}
source scripts/live-server.bash
password='schemathesis passphrase 1'
api="http://127.0.0.1:$port/api/v1"
export OSSIFY_OPENAPI="$work/openapi.json" SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$PWD/scripts/schemathesis"
failures=0

run_store() {
  local label=$1 database=$2 start role
  start=$(date +%s)
  "$bin" db seed --patients 30 --visits 3 --database "$database" >/dev/null
  for role in admin clinician researcher; do
    local site=()
    [ "$role" = clinician ] && site=(--site seed-a)
    echo "$password" | "$bin" user add "st-$role" --role "$role" "${site[@]}" --database "$database" >/dev/null
  done
  serve "$port" "$database"
  curl -sf "$api/openapi.json" > "$OSSIFY_OPENAPI"
  local -A tokens
  for role in admin clinician researcher; do tokens[$role]=$(login "$port" "st-$role" "$password"); done
  # Admin last: its account changes (PATCH /users/{id}) may end the others' sessions.
  for role in clinician researcher admin; do
    local skip=(--exclude-path /api/v1/auth/logout)
    # Sign-in, health and the document need no role: asked once, in the admin's run.
    [ "$role" != admin ] && skip=(--exclude-path-regex '^/api/v1/(auth/|health|openapi)')
    local t0=$(date +%s) out="$work/st-$label-$role.txt"
    # From the temporary directory: schemathesis keeps its example cache (.schemathesis/) where it runs.
    if (cd "$work" && st --config-file "$OLDPWD/scripts/schemathesis/schemathesis.toml" run "$OSSIFY_OPENAPI" --url "http://127.0.0.1:$port" -H "Authorization: Bearer ${tokens[$role]}" \
        --phases examples,coverage,fuzzing --max-examples "$examples" --seed 2762 --workers 1 \
        --exclude-checks negative_data_rejection,use_after_free,ensure_resource_availability \
        "${skip[@]}" --no-color > "$out" 2>&1); then
      status=passed
    else
      status=FAILED
      failures=$((failures + 1))
      cat "$out"
    fi
    echo "schemathesis $label $role: $status in $(( $(date +%s) - t0 )) s; $(grep -E '^ +[0-9]+ generated' "$out" | cut -c1-120 | tr -s ' ' ' ')"
  done
  stop_server
  echo "schemathesis $label: $(( $(date +%s) - start )) s"
}

each_store run_store ossify_st
[ "$failures" -eq 0 ] || { echo "schemathesis: $failures failed runs"; exit 1; }

#!/usr/bin/env bash
# Installed outside the checkout: scripts/install puts the debug binary already built by the earlier
# steps (no second build) into a temporary prefix; then, from another folder, with the checkout
# hidden (an empty tmpfs mounted over it in a private mount namespace, when `unshare` is allowed)
# and no OSSIFY_* variable set, the installed binary must find its knowledge and HPO release in
# PREFIX/share/ossify, run `diagnose`, create a site and a user, refuse a bad configuration file
# naming file, line and key, refuse a password on the command line, and `serve` from a
# configuration file: health check, sign-in page, sign-in. About 30 s after the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
checkout=$PWD
swift build --product ossify >/dev/null
work=$(mktemp -d /tmp/ossify-install-XXXXXX)
trap 'rm -rf "$work"' EXIT
scripts/install --prefix "$work/prefix" --configuration debug --no-build >/dev/null

cat > "$work/run.sh" <<'SCRIPT'
set -euo pipefail
checkout=$1 work=$2 hidden=$3
cd "$work"
for v in $(env | sed -n 's/^\(OSSIFY_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
export XDG_DATA_HOME="$work/xdg-data"   # no release imported with `ossify data import`
ossify=$work/prefix/bin/ossify
fail() { echo "install test: $*" >&2; exit 1; }
if [ "$hidden" = 1 ]; then
  [ -z "$(ls -A "$checkout")" ] || fail "the checkout is still visible"
fi
info=$("$ossify" data info)
grep -q "pinned release shipped with the program" <<<"$info" || fail "data info: $info"
grep -q "installed at $work/prefix/share/ossify" <<<"$info" || fail "data info: $info"
out=$("$ossify" diagnose --present HP:0025027,HP:0011987,HP:0009826 --lab "PTH=40 pg/mL" --lab "calcium=9.8 mg/dL" --age P6Y --sex female --top 3)
grep -q "166350" <<<"$out" || fail "diagnose did not rank POH (OMIM:166350) in the top 3: $out"
"$ossify" variant "NM_000516.7:c.565_568del" >/dev/null

db=$work/registry.sqlite
"$ossify" site add centre-a --name "Centre A" --database "$db" >/dev/null
if out=$(echo "install passphrase 1" | "$ossify" user add nobody --role clinician --site centre-z --database "$db" 2>&1); then
  fail "a user of an unknown site was created"
fi
grep -q "there is no site 'centre-z'" <<<"$out" || fail "unknown site: $out"
echo "install passphrase 1" | "$ossify" user add clin --role clinician --site centre-a --database "$db" >/dev/null
if out=$("$ossify" db migrate --database "postgres://ossify:secret@127.0.0.1/ossify" 2>&1); then fail "a password in --database was accepted"; fi
grep -q "must not hold the password" <<<"$out" || fail "password flag: $out"
grep -q "secret" <<<"$out" && fail "the password was echoed: $out"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
printf 'database: %s\nhost: 127.0.0.1\nport: %s\nlog-level: warning\nheader-timeout: 5\nsesion-hours: 2\n' "$db" "$port" > bad.yaml
if out=$("$ossify" serve --config bad.yaml 2>&1); then fail "a configuration with an unknown key was accepted"; fi
grep -q "bad.yaml:6: unknown key 'sesion-hours'" <<<"$out" || fail "bad configuration: $out"
printf 'database: %s\nhost: 127.0.0.1\nport: 1\nlog-level: warning\nheader-timeout: 5\nsession-hours: 2\n' "$db" > ossify.yaml
"$ossify" serve --config ossify.yaml --port "$port" > serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat serve.log >&2; fail "serve exited"; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$port/api/v1/health" | grep -q '"ok"' || fail "no health check"
curl -sf "http://127.0.0.1:$port/login" | grep -q 'name="password"' || fail "no sign-in page"
curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username": "clin", "password": "install passphrase 1"}' | grep -q '"token"' || fail "sign-in refused"
echo "installed ossify ran from $work/prefix (checkout hidden: $hidden): data info, diagnose, variant, site and user add, a bad configuration refused at its line, serve from a configuration file (health, sign-in page, sign-in)"
SCRIPT

# Hide the checkout when a private mount namespace is allowed; otherwise it is only out of the way.
if unshare --mount --propagation private true 2>/dev/null; then
  unshare --mount --propagation private bash -c 'mount -t tmpfs -o ro,size=1k none "$1" && shift && bash "$@"' \
    _ "$checkout" "$work/run.sh" "$checkout" "$work" 1
else
  echo "note: unshare is not allowed here; the checkout is not hidden, only left (cd $work, no OSSIFY_* variables)"
  bash "$work/run.sh" "$checkout" "$work" 0
fi

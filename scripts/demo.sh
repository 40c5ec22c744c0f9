#!/bin/sh
# SPDX-License-Identifier: MIT
# demo.sh [WOS_PIPES_BIN [BUILD_DIR]] — `make demo`: a short scripted session
# with the wos-pipes tool against the local Pipes emulator (HTTPS on
# 127.0.0.1, seed data from tests/emulator/seed.json, no internet).
# The emulator is stopped on every exit path. Exits 0 when every step gave
# the result it should, 1 at the first step that did not.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/wos-pipes}
build=${2:-$here/build}
python=${PYTHON:-python3}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
case $build in /*) ;; *) build=$(pwd)/$build ;; esac

# Seed data: a user with connected GitHub and Slack accounts, and a user
# whose GitHub connection needs reauthorization.
USER_ID=user_01EHZNVPK3SFK441A1RGBFSHRT
ORG_ID=org_01EHZNVPK3SFK441A1RGBFSHRT
REAUTH_USER_ID=user_01HQ8R7Y3NEEDSREAUTH0000GH
DEMO_KEY=sk_test_demo_0000000000000000

[ -x "$bin" ] || { echo "demo: $bin is not built (make all)" >&2; exit 1; }
mkdir -p "$build"
tmp=$(mktemp -d "$build/demo.XXXXXX") || exit 1
emu_pid=

cleanup() {
    if [ -n "$emu_pid" ] && kill -0 "$emu_pid" 2>/dev/null; then
        kill "$emu_pid" 2>/dev/null
        wait "$emu_pid" 2>/dev/null
        echo "(emulator stopped)"
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# --- start the emulator on a free port ----------------------------------------
"$here/tests/certs/make_certs.sh" "$build/certs" || exit 1
"$python" "$here/tests/emulator/pipes_emulator.py" --port 0 --port-file "$tmp/port" \
    --cert-dir "$build/certs" --api-key "$DEMO_KEY" >"$tmp/emulator.out" 2>"$tmp/emulator.err" &
emu_pid=$!
tries=0
while [ ! -s "$tmp/emulator.out" ]; do   # the startup line follows the port file
    if ! kill -0 "$emu_pid" 2>/dev/null || [ $tries -ge 300 ]; then
        echo "demo: the emulator did not start:" >&2
        cat "$tmp/emulator.err" >&2
        exit 1
    fi
    tries=$((tries + 1))
    sleep 0.1
done
port=$(cat "$tmp/port")

export WORKOS_API_KEY="$DEMO_KEY"
export WORKOS_BASE_URL="https://localhost:$port"
export WORKOS_CA_FILE="$build/certs/ca.pem"
unset WORKOS_CLIENT_SECRET

cat <<EOF
wos-pipes demo: the WorkOS Pipes API from C, against a local emulator.
  $(cat "$tmp/emulator.out")
  WORKOS_BASE_URL=$WORKOS_BASE_URL
  WORKOS_CA_FILE=$WORKOS_CA_FILE   (the test CA; TLS is verified)
  WORKOS_API_KEY=sk_test_...       (from the environment, never on the command line)
EOF

# --- the session ---------------------------------------------------------------
step=0

# show FORMAT: print the tool's stdout readably (json: indented; list: one line per item).
show() {
    "$python" - "$1" "$tmp/out" <<'PY'
import json, sys
mode, path = sys.argv[1], sys.argv[2]
text = open(path).read()
if not text.strip():
    sys.exit(0)
try:
    doc = json.loads(text)
except ValueError:
    sys.stdout.write(text)
    sys.exit(0)
if mode == "list":
    for item in doc["data"]:
        print("  %-10s %s  %s" % (item["slug"], item["id"], item["description"] or "-"))
    print("  list_metadata: %s   (%d items; the tool prints the full JSON)"
          % (json.dumps(doc["list_metadata"]), len(doc["data"])))
else:
    print("\n".join("  " + line for line in json.dumps(doc, indent=2).splitlines()))
PY
}

# quote ARGS...: the arguments as a shell would need them typed.
quote() {
    for a in "$@"; do
        case $a in
            *[!A-Za-z0-9_.,:/=@%+-]* | '') printf " '%s'" "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")" ;;
            *) printf ' %s' "$a" ;;
        esac
    done
}

# run EXPECTED_EXIT FORMAT EXPLANATION -- ARGS...
run() {
    want=$1 format=$2 what=$3
    shift 4
    step=$((step + 1))
    printf '\n== %d. %s\n$ wos-pipes%s\n' "$step" "$what" "$(quote "$@")"
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    show "$format"
    sed 's/^/  (stderr) /' "$tmp/err"
    if [ "$rc" -ne "$want" ]; then
        printf '  exit status %d, expected %d: the demo stops here.\n' "$rc" "$want" >&2
        exit 1
    fi
    printf '  exit status %d, as expected\n' "$rc"
}

export WORKOS_CLIENT_SECRET=notion_demo_secret_8f2e
run 0 json "Create a Notion integration (the client secret comes from WORKOS_CLIENT_SECRET; only its last 4 characters come back)" -- \
    create --provider notion --description "Team wiki" --scopes read_content,read_comments \
    --credentials-type custom --client-id notion-demo-client
unset WORKOS_CLIENT_SECRET

run 0 list "List the integrations, newest first, following list_metadata.after across pages of 2 on one kept-alive TLS connection" -- \
    list --all --limit 2

run 0 json "Get a GitHub access token for a connected user (the token is a secret: keep it out of logs)" -- \
    token github --user "$USER_ID"

run 0 json "A Slack token for an organization's installation: it never expires, and one requested scope was not granted" -- \
    token slack --user "$USER_ID" --org "$ORG_ID"

run 3 json "A user whose GitHub connection needs reauthorization: not active (exit 3), the user must reconnect" -- \
    token github --user "$REAUTH_USER_ID"

run 3 json "Slack without the organization: no installation for that user alone (exit 3)" -- \
    token slack --user "$USER_ID"

# Device onboarding: connect shows the authorize URL and its QR code, then
# polls until the user has connected; the emulator's control call plays the
# person who scans the code and approves.
DEVICE_USER=user_01DEMODEVICE0000000000000
step=$((step + 1))
printf '\n== %d. Onboard a headless device: authorize, show the URL as a QR code, wait for the user, then the token\n' "$step"
printf '$ wos-pipes connect github --user %s --poll-s 1 --wait-s 30\n' "$DEVICE_USER"
"$bin" connect github --user "$DEVICE_USER" --poll-s 1 --wait-s 30 >"$tmp/out" 2>"$tmp/err" &
connect_pid=$!
tries=0
while ! grep -q 'Waiting' "$tmp/err" 2>/dev/null && [ $tries -lt 100 ]; do
    tries=$((tries + 1))
    sleep 0.1
done
sed 's/^/  (stderr) /' "$tmp/err"
printf '  (the user scans the code and approves: here the emulator completes it 2 s later)\n'
"$python" - "$WORKOS_BASE_URL" "$WORKOS_CA_FILE" <<'PY'
import json, ssl, sys, urllib.request
ctx = ssl.create_default_context(cafile=sys.argv[2])
req = urllib.request.Request(sys.argv[1] + "/_emulator/authorizations/complete",
                             data=json.dumps({"after_s": 2}).encode(), method="POST",
                             headers={"Content-Type": "application/json"})
urllib.request.urlopen(req, context=ctx).read()
PY
wait "$connect_pid"
rc=$?
show json
if [ "$rc" -ne 0 ]; then
    printf '  exit status %d, expected 0: the demo stops here.\n' "$rc" >&2
    exit 1
fi
printf '  exit status 0, as expected\n'

run 0 json "Delete the Notion integration (prints nothing)" -- \
    delete notion

run 1 json "It is gone: the API answers 404, reported on one line of stderr (exit 1)" -- \
    get notion

printf '\nwos-pipes demo: %d steps, all as expected.\n' "$step"
exit 0

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage, help and exit codes of wos-pipes; needs no server.
#
#   tests/e2e/test_cli_usage.sh [path/to/wos-pipes]
#
# A command line that parses must get past the usage checks, so those cases
# point at http://127.0.0.1:1, where nothing listens: they end in a network
# error (exit 4), which shows they were not refused as usage errors (exit 2).
# Every case runs with an empty environment plus what it names, and checks
# that neither the API key nor the client secret ever shows up in the output.
set -u

BIN=${1:-build/wos-pipes}
if [ ! -x "$BIN" ]; then
    echo "test_cli_usage: $BIN not found (make examples)" >&2
    exit 1
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASS=0
FAIL=0

API_KEY=sk_test_DoNotPrint_7f3a9c
CLIENT_SECRET=cs_DoNotPrint_91b2e4
KEY="WORKOS_API_KEY=$API_KEY"
SECRET="WORKOS_CLIENT_SECRET=$CLIENT_SECRET"
DEAD=(--base-url http://127.0.0.1:1 --retries 0 --timeout-ms 5000)

# t NAME WANT_RC CHECK [VAR=VALUE...] -- ARGS...
# CHECK is '' or out:REGEX / err:REGEX (extended regex on stdout / stderr).
t() {
    local name=$1 want=$2 check=$3 rc why=""
    local -a envs=()
    shift 3
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        envs+=("$1")
        shift
    done
    shift
    env -i PATH="$PATH" "${envs[@]}" timeout 30 "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ "$rc" = "$want" ] || why="exit $rc, want $want"
    case $check in
    out:*) grep -qE -- "${check#out:}" "$TMP/out" || why="$why; stdout lacks /${check#out:}/" ;;
    err:*) grep -qE -- "${check#err:}" "$TMP/err" || why="$why; stderr lacks /${check#err:}/" ;;
    esac
    if [ "$want" = 2 ]; then
        [ -s "$TMP/out" ] && why="$why; usage error printed to stdout"
        grep -q '^wos-pipes: ' "$TMP/err" || why="$why; no 'wos-pipes: ' message on stderr"
    fi
    if [ "$want" = 0 ] && [ -s "$TMP/err" ]; then
        why="$why; stderr not empty"
    fi
    if grep -qF -e "$API_KEY" -e "$CLIENT_SECRET" "$TMP/out" "$TMP/err"; then
        why="$why; a secret was printed"
    fi
    if [ -z "$why" ]; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL: $name: ${why#; }" >&2
        sed 's/^/    stderr: /' "$TMP/err" | head -5 >&2
    fi
}

# --- help: the tool and every command, without an API key ---
t "--help" 0 'out:^usage: wos-pipes ' -- --help
t "-h" 0 'out:^usage: wos-pipes ' -- -h
t "help" 0 'out:^usage: wos-pipes ' -- help
t "--help lists the commands" 0 'out:create --provider SLUG' -- --help
t "--help names the environment" 0 'out:WORKOS_CLIENT_SECRET' -- --help
t "--help gives exit codes" 0 'out:3 token not active' -- --help
for cmd in token list get create update delete; do
    t "$cmd --help" 0 "out:^usage: wos-pipes $cmd" -- "$cmd" --help
    t "$cmd -h" 0 "out:^usage: wos-pipes $cmd" -- "$cmd" -h
    t "help $cmd" 0 "out:^usage: wos-pipes $cmd" -- help "$cmd"
done
t "create --help lists FIELDS" 0 'out:--custom-provider FILE.json' -- create --help
t "update --help lists FIELDS" 0 'out:--default-scopes' -- update --help
t "--help wins over bad flags" 0 'out:^usage: wos-pipes list' -- list --limit 0 --help
t "--help after global options" 0 'out:^usage: wos-pipes get' -- --retries 1 get --help
t "--help with a key set" 0 'out:^usage: wos-pipes token' "$KEY" -- token --help
t "--version" 0 'out:^wos-pipes [0-9]' -- --version
t "help of an unknown command" 2 'err:unknown command' -- help frobnicate

# --- commands and flags ---
t "no arguments" 2 'err:missing COMMAND' "$KEY" --
t "only options" 2 'err:missing COMMAND' "$KEY" -- --retries 1
t "unknown command" 2 "err:unknown command 'frobnicate'" "$KEY" -- frobnicate
t "unknown global option" 2 "err:unknown option '--bogus'" "$KEY" -- --bogus list
t "unknown list option" 2 "err:unknown option '--bogus'" "$KEY" -- list --bogus
t "option of another command" 2 "err:unknown option '--limit'" "$KEY" -- get github --limit 3
t "create option on update" 2 "err:unknown option '--provider'" "$KEY" -- update github --provider x
t "FIELDS on get" 2 "err:unknown option '--enabled'" "$KEY" -- get github --enabled true
t "option without its value" 2 'err:--user needs a value' "$KEY" -- token github --user
t "option given twice" 2 'err:more than once' "$KEY" -- list --limit 1 --limit 2
t "global option given twice" 2 'err:more than once' "$KEY" -- --retries 1 list --retries 2
t "hint names the command" 2 "err:Try 'wos-pipes list --help'" "$KEY" -- list --bogus
t "token without SLUG" 2 'err:token needs a SLUG' "$KEY" -- token --user u
t "token without --user" 2 'err:--user' "$KEY" -- token github
t "get without SLUG" 2 'err:get needs a SLUG' "$KEY" -- get
t "get with an empty SLUG" 2 'err:needs a SLUG' "$KEY" -- get ''
t "update without SLUG" 2 'err:update needs a SLUG' "$KEY" -- update --enabled true
t "delete without SLUG" 2 'err:delete needs a SLUG' "$KEY" -- delete
t "get with two SLUGs" 2 "err:unexpected argument 'b'" "$KEY" -- get a b
t "list with a SLUG" 2 "err:unexpected argument" "$KEY" -- list github
t "create without --provider" 2 'err:--provider' "$KEY" -- create --enabled true
t "SLUG '.' refused" 2 'err:refused' "$KEY" -- "${DEAD[@]}" get .
t "SLUG '..' refused" 2 'err:refused' "$KEY" -- "${DEAD[@]}" delete ..
t "user id that is not UTF-8" 2 'err:refused' "$KEY" -- "${DEAD[@]}" token github --user $'u\xff'

# --- numbers ---
for bad in 0 101 -1 abc 1x '' 99999999999; do
    t "--limit '$bad'" 2 'err:--limit must be a whole number from 1 to 100' "$KEY" -- list --limit "$bad"
done
t "--limit 1" 4 '' "$KEY" -- "${DEAD[@]}" list --limit 1
t "--limit 100" 4 '' "$KEY" -- "${DEAD[@]}" list --limit 100
t "--timeout-ms 0" 2 'err:--timeout-ms' "$KEY" -- --timeout-ms 0 list
t "--timeout-ms 86400001" 2 'err:--timeout-ms' "$KEY" -- --timeout-ms 86400001 list
t "--retries 256" 2 'err:--retries' "$KEY" -- --retries 256 list
t "--retries -1" 2 'err:--retries' "$KEY" -- --retries -1 list
t "--retries 255" 0 'out:^usage: wos-pipes list' -- --retries 255 list --help
t "--timeout-ms 86400000" 0 'out:^usage: wos-pipes list' -- --timeout-ms 86400000 list --help
t "--order sideways" 2 'err:--order must be asc, desc or normal' "$KEY" -- list --order sideways
for order in asc desc normal; do
    t "--order $order" 4 '' "$KEY" -- "${DEAD[@]}" list --order "$order"
done
t "list cursors and --all" 4 '' "$KEY" -- "${DEAD[@]}" list --before a --after b --all --limit 5

# --- FIELDS ---
t "--enabled maybe" 2 'err:--enabled must be true or false' "$KEY" -- create --provider github --enabled maybe
t "--description and --no-description" 2 'err:more than once' "$KEY" -- update gh --description x --no-description
t "--scopes and --default-scopes" 2 'err:more than once' "$KEY" -- update gh --default-scopes --scopes a
t "--scopes with an empty item" 2 'err:--scopes has an empty item' "$KEY" -- update gh --scopes a,,b
t "--scopes with a trailing comma" 2 'err:empty item' "$KEY" -- update gh --scopes a,
t "--auth-methods with an empty item" 2 'err:empty item' "$KEY" -- update gh --auth-methods ,oauth
t "--config without =" 2 'err:--config needs KEY=VALUE' "$KEY" -- update gh --config region
t "--config with an empty key" 2 'err:--config needs KEY=VALUE' "$KEY" -- update gh --config =eu
t "--config key twice" 2 'err:--config region given more than once' "$KEY" -- update gh --config region=eu --config region=us
t "--credentials-type bogus" 2 'err:--credentials-type must be custom or organization' "$KEY" -- update gh --credentials-type bogus
t "--client-id without a type" 2 'err:--client-id needs --credentials-type' "$KEY" -- update gh --client-id c
t "--client-id with organization" 2 'err:--client-id needs --credentials-type custom' "$KEY" -- update gh --credentials-type organization --client-id c
t "custom without the secret" 2 'err:WORKOS_CLIENT_SECRET' "$KEY" -- create --provider github --credentials-type custom --client-id c
t "custom without --client-id" 2 'err:--client-id' "$KEY" "$SECRET" -- create --provider github --credentials-type custom
t "every field parses" 4 '' "$KEY" "$SECRET" -- "${DEAD[@]}" create --provider github \
    --description "Team app" --enabled false --scopes repo,read:org --auth-methods oauth \
    --config region=eu --config tier= --credentials-type custom --client-id Iv1.abc
t "null fields parse" 4 '' "$KEY" -- "${DEAD[@]}" update github --no-description --default-scopes \
    --credentials-type organization
t "empty --scopes sends []" 4 '' "$KEY" -- "${DEAD[@]}" update github --scopes ''

# --- --custom-provider FILE.json ---
cat >"$TMP/cp.json" <<'EOF'
{"name": "Widget", "authorization_url": "https://w.example/auth", "token_url": "https://w.example/token",
 "refresh_token_url": null, "pkce_enabled": true, "request_scope_separator": " ",
 "scopes_required": false, "client_secret_required": true,
 "additional_authorization_parameters": {"prompt": "consent"},
 "token_body_content_type": "application/json", "authenticate_via": "basic_auth_header"}
EOF
printf '{"name": "W", "bogus_key": 1}' >"$TMP/unknown.json"
printf '{"name": "W", "pkce_enabled": "yes"}' >"$TMP/type.json"
printf '{"name": "W", "additional_authorization_parameters": {"a": 1}}' >"$TMP/map.json"
printf '{"name": "W", "name": "X"}' >"$TMP/dup.json"
printf '["name"]' >"$TMP/array.json"
printf '{"name": "W",}' >"$TMP/bad.json"
{ printf '{"name": "'; head -c 17000 /dev/zero | tr '\0' a; printf '"}'; } >"$TMP/big.json"
t "custom provider file parses" 4 '' "$KEY" -- "${DEAD[@]}" create --provider widget \
    --custom-provider "$TMP/cp.json" --credentials-type organization
t "custom provider on update" 4 '' "$KEY" -- "${DEAD[@]}" update widget --custom-provider "$TMP/cp.json"
t "custom provider file missing" 2 'err:cannot open' "$KEY" -- create --provider w --custom-provider "$TMP/none.json"
t "custom provider unknown key" 2 "err:unknown key 'bogus_key'" "$KEY" -- create --provider w --custom-provider "$TMP/unknown.json"
t "custom provider wrong type" 2 'err:pkce_enabled must be true or false' "$KEY" -- create --provider w --custom-provider "$TMP/type.json"
t "custom provider map of non-strings" 2 'err:additional_authorization_parameters must be an object of strings' "$KEY" -- create --provider w --custom-provider "$TMP/map.json"
t "custom provider repeated key" 2 "err:repeated key 'name'" "$KEY" -- create --provider w --custom-provider "$TMP/dup.json"
t "custom provider not an object" 2 'err:not a JSON object' "$KEY" -- create --provider w --custom-provider "$TMP/array.json"
t "custom provider invalid JSON" 2 'err:not valid JSON' "$KEY" -- create --provider w --custom-provider "$TMP/bad.json"
t "custom provider file too large" 2 'err:larger than' "$KEY" -- create --provider w --custom-provider "$TMP/big.json"

# --- environment ---
t "missing WORKOS_API_KEY" 2 'err:WORKOS_API_KEY is not set' -- list
t "empty WORKOS_API_KEY" 2 'err:WORKOS_API_KEY is not set' "WORKOS_API_KEY=" -- get github
t "WORKOS_API_KEY with a line break" 2 'err:line break' $'WORKOS_API_KEY=sk_a\nb' -- get github
t "usage errors come before the key check" 2 'err:unknown option' -- list --bogus
t "WORKOS_BASE_URL is used" 4 'err:network error talking to http://127.0.0.1:1' "$KEY" \
    "WORKOS_BASE_URL=http://127.0.0.1:1" -- --retries 0 get github
t "bad WORKOS_BASE_URL" 2 'err:invalid base URL' "$KEY" "WORKOS_BASE_URL=ftp://example.com" -- get github
t "--base-url wins over WORKOS_BASE_URL" 4 '' "$KEY" "WORKOS_BASE_URL=ftp://example.com" -- "${DEAD[@]}" get github
t "bad --base-url" 2 'err:invalid base URL' "$KEY" -- --base-url 'https://example.com/v1' get github
# Clear text only to this machine: an http:// typo must not send the API key across a network.
t "plain http to a remote host refused" 2 'err:plain http:// only to this machine' "$KEY" -- --base-url http://api.example.invalid:0 get github
t "plain http via WORKOS_BASE_URL refused" 2 'err:plain http:// only to this machine' "$KEY" "WORKOS_BASE_URL=http://pipes.example.invalid:0" -- get github
# A DNS name that merely starts with "127." is not this machine (port 0: refused before any lookup either way).
t "plain http to a 127.-prefixed name refused" 2 'err:plain http:// only to this machine' "$KEY" -- --base-url http://127.example.invalid:0 get github
t "plain http to 127.0.0.1.<domain> refused" 2 'err:plain http:// only to this machine' "$KEY" -- --base-url http://127.0.0.1.example.invalid:0 get github
t "plain http to localhost allowed" 4 'err:network error' "$KEY" -- --base-url http://localhost:1 --retries 0 get github
t "base URL host too long" 2 'err:host name is too long' "$KEY" -- --base-url "https://$(printf 'a%.0s' {1..70}).example" get github
t "a refused base URL is not echoed" 2 'err:invalid base URL' "$KEY" -- --base-url 'https://u:pw_DoNotPrint@127.0.0.1:1' get github
if grep -q pw_DoNotPrint "$TMP/err"; then
    FAIL=$((FAIL + 1))
    echo "FAIL: the password of a refused base URL was printed" >&2
else
    PASS=$((PASS + 1))
fi
t "https with an unreadable CA file" 4 'err:CA certificates' "$KEY" -- --base-url https://127.0.0.1:1 --ca-file "$TMP/none.pem" get github
t "WORKOS_CA_FILE is used" 4 "err:$TMP/none.pem" "$KEY" "WORKOS_CA_FILE=$TMP/none.pem" -- --base-url https://127.0.0.1:1 get github
t "--ca-file wins over WORKOS_CA_FILE" 4 "err:$TMP/flag.pem" "$KEY" "WORKOS_CA_FILE=$TMP/env.pem" -- --base-url https://127.0.0.1:1 --ca-file "$TMP/flag.pem" get github
t "--ca-file naming a directory says so" 4 "err:$TMP is a directory" "$KEY" -- --base-url https://127.0.0.1:1 --ca-file "$TMP" get github

# A device without entropy: getrandom and /dev/urandom both fail (a preloaded shim).
cat >"$TMP/noentropy.c" <<'SHIM'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/types.h>
ssize_t getrandom(void *buf, size_t len, unsigned flags)
{
    (void)buf; (void)len; (void)flags;
    errno = EIO;
    return -1;
}
static int real_open(const char *name, const char *path, int flags, va_list ap)
{
    int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, name);
    mode_t mode = (flags & O_CREAT) != 0 ? va_arg(ap, mode_t) : 0;
    if (strcmp(path, "/dev/urandom") == 0 || strcmp(path, "/dev/random") == 0) {
        errno = ENOENT;
        return -1;
    }
    return real(path, flags, mode);
}
int open(const char *path, int flags, ...)
{
    va_list ap; int r;
    va_start(ap, flags); r = real_open("open", path, flags, ap); va_end(ap);
    return r;
}
int open64(const char *path, int flags, ...)
{
    va_list ap; int r;
    va_start(ap, flags); r = real_open("open64", path, flags, ap); va_end(ap);
    return r;
}
SHIM
if ${CC:-cc} -shared -fPIC -o "$TMP/noentropy.so" "$TMP/noentropy.c" -ldl; then
    NOENT="LD_PRELOAD=$TMP/noentropy.so"
    t "https on a device without entropy says so" 4 'err:no entropy' "$KEY" "$NOENT" -- --base-url https://127.0.0.1:1 get github
    t "an idempotency key without entropy says so" 1 'err:no entropy' "$KEY" "$NOENT" -- "${DEAD[@]}" token github --user u
else
    FAIL=$((FAIL + 1))
    echo "FAIL: cannot build the no-entropy shim" >&2
fi

# --- network failures: exit 4 naming the status ---
t "connection refused" 4 'err:^wos-pipes: network error' "$KEY" -- "${DEAD[@]}" get github
t "global options after the command" 4 'err:network error' "$KEY" -- get github --retries 0 --base-url http://127.0.0.1:1
t "token to a dead server" 4 'err:network error' "$KEY" -- "${DEAD[@]}" token github --user u --org o
t "delete to a dead server prints nothing" 4 '' "$KEY" -- "${DEAD[@]}" delete github
if [ -s "$TMP/out" ]; then
    FAIL=$((FAIL + 1))
    echo "FAIL: delete printed to stdout" >&2
else
    PASS=$((PASS + 1))
fi

echo "cli usage: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]

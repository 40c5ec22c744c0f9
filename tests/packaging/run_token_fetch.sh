#!/bin/sh
# SPDX-License-Identifier: MIT
# run_token_fetch.sh LABEL=BIN...  runs each token_fetch build against the
# emulator that tests/e2e/with_emulator.py started (WOS_E2E_PORT,
# WOS_E2E_CA, WOS_E2E_API_KEY) and checks what the README promises: an
# active token with its expiry for the seeded user, "not active" for the
# user who must reauthorize; a LABEL starting with "clash" must fail
# instead. A LABEL starting with "proxy" runs BIN with WORKOS_PROXY set to
# the CONNECT proxy at WOS_E2E_PROXY (tests/packaging/with_proxy.py).
# One "ok:"/"FAILED:" line per check.
set -u
USER_ID=user_01EHZNVPK3SFK441A1RGBFSHRT
REAUTH_USER=user_01HQ8R7Y3NEEDSREAUTH0000GH
bad=0
for arg in "$@"; do
    label=${arg%%=*} bin=${arg#*=}
    proxy=
    [ "${label#proxy}" != "$label" ] && proxy=${WOS_E2E_PROXY:?no proxy: run under with_proxy.py}
    for c in "$USER_ID:0:active, expires at 2025-12-31T23:59:59.000Z" \
             "$REAUTH_USER:1:not active: needs_reauthorization"; do
        user=${c%%:*} rest=${c#*:}
        want_rc=${rest%%:*} want=${rest#*:}
        out=$(WORKOS_PROXY=$proxy WORKOS_API_KEY=$WOS_E2E_API_KEY WORKOS_CA_FILE=$WOS_E2E_CA \
              WORKOS_BASE_URL=https://localhost:$WOS_E2E_PORT "$bin" github "$user" 2>&1 </dev/null)
        rc=$?
        if [ "${label#clash}" != "$label" ]; then
            # A build whose jsmn was replaced by a foreign one must not work.
            if [ "$rc" = 1 ] && [ "${out#failed: }" != "$out" ]; then
                echo "ok: $label token_fetch $user fails: $out"
            else
                echo "FAILED: $label token_fetch $user: exit $rc, said: $out"
                bad=1
            fi
        elif [ "$rc" = "$want_rc" ] && [ "$out" = "$want" ]; then
            echo "ok: $label token_fetch $user"
        else
            echo "FAILED: $label token_fetch $user: exit $rc, said: $out"
            bad=1
        fi
    done
done
exit $bad

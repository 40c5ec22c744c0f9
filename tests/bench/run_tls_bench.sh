#!/bin/sh
# SPDX-License-Identifier: MIT
# run_tls_bench.sh OUT_DIR CERT_DIR N CURL_BIN LABEL=BENCH_TLS_BIN...  (env: TLS_BENCH_ROUNDS, POOL_GOAL)
# Starts nginx on a free 127.0.0.1 port (TLS 1.2 and 1.3, the test PKI,
# session cache and tickets on, a canned token response), runs each
# bench_tls binary (pool figures, then N calls of each kind for CPU, in
# rounds taken in turn with the other clients) and
# bench_curl, and prints two tables. nginx's log tells which protocol,
# group, cipher and how many resumptions each client really got. Stops
# nginx on every exit path. See tests/bench/README.md.
set -eu
out=${1:?usage: run_tls_bench.sh OUT CERTS N CURL_BIN LABEL=BIN...}
certs=$2 n=$3 curl_bin=$4
pool_goal=${POOL_GOAL:-32768}
rounds=${TLS_BENCH_ROUNDS:-5}
shift 4
command -v nginx >/dev/null 2>&1 || { echo "tls bench: nginx not found ('make deps' installs it)" >&2; exit 1; }
mkdir -p "$out/nginx/tmp"
out=$(cd "$out" && pwd)
certs=$(cd "$certs" && pwd)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ng=$out/nginx
token='{"active":true,"access_token":{"object":"access_token","access_token":"gho_16C7e42F292c6912E7710c838347Ae178B4a","expires_at":"2030-01-01T00:00:00.000Z","scopes":["repo"],"missing_scopes":[]}}'
cat >"$ng/nginx.conf" <<EOF
worker_processes 1;
pid $ng/nginx.pid;
error_log $ng/error.log;
events { worker_connections 64; }
http {
    log_format bench '\$ssl_protocol \$ssl_curve \$ssl_cipher \$ssl_session_reused';
    access_log $ng/access.log bench;
    client_body_temp_path $ng/tmp; proxy_temp_path $ng/tmp; fastcgi_temp_path $ng/tmp;
    uwsgi_temp_path $ng/tmp; scgi_temp_path $ng/tmp;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$port ssl;
        ssl_certificate $certs/server.pem;
        ssl_certificate_key $certs/server.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_session_cache shared:bench:1m;
        ssl_session_tickets on;
        location / { default_type application/json; return 200 '$token'; }
    }
}
EOF
nginx -p "$ng" -c "$ng/nginx.conf" -e "$ng/error.log"
trap 'kill "$(cat "$ng/nginx.pid")" 2>/dev/null || true' EXIT INT TERM
i=0
while ! python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 50 ] || { cat "$ng/error.log" >&2; exit 1; }; sleep 0.1
done

# fits BYTES: whether the whole pool sequence runs in a pool of BYTES.
# When the first run resumed, the reconnect must resume in BYTES too (a
# pool too small for the saved session costs a full handshake instead).
fits() {
    if grep -q '^resumed reconnect' "$out/pool-run.txt"; then
        BENCH_REQUIRE_RESUME=1 BENCH_POOL_BYTES=$1 "$bin" pool localhost "$port" "$certs/ca.pem" \
            >/dev/null 2>"$out/pool-goal.log"
    else
        BENCH_POOL_BYTES=$1 "$bin" pool localhost "$port" "$certs/ca.pem" >/dev/null 2>"$out/pool-goal.log"
    fi
}

# What the server saw since the last call: protocol, group, cipher, and how
# many requests came on a resumed session.
seen() {
    awk '{ k = $1 " " $2 " " $3; c[k]++; if ($4 == "r") r[k]++ }
         END { for (k in c) printf "%s%s, %d of %d requests on a resumed session", sep, k, r[k], c[k]; sep = "; " }' "$ng/access.log"
    : >"$ng/access.log"
}

: >"$out/pool.txt"; : >"$out/rounds.txt"; : >"$out/seen.txt"
for pair in "$@"; do
    label=${pair%%=*} bin=${pair#*=}
    "$bin" pool localhost "$port" "$certs/ca.pem" >"$out/pool-run.txt"
    grep -v '^pool|' "$out/pool-run.txt" | sed "s/^/$label|/" >>"$out/pool.txt"
    # Built with the static pool: run again in a pool of the goal's size,
    # and find the smallest pool that runs the whole sequence (to 256 bytes;
    # it includes the pool's block headers and fragmentation).
    if grep -q '^pool|' "$out/pool-run.txt"; then
        if fits "$pool_goal"; then r=OK; else r="FAILED ($(head -c 100 "$out/pool-goal.log"))"; fi
        echo "$label|whole sequence in a $pool_goal-byte pool|$r|" >>"$out/pool.txt"
        lo=8192 hi=65536
        while [ $((hi - lo)) -gt 256 ]; do
            mid=$(((lo + hi) / 2))
            if fits "$mid"; then hi=$mid; else lo=$mid; fi
        done
        echo "$label|smallest pool for the whole sequence|$hi|" >>"$out/pool.txt"
    fi
    # What the server saw of a short cpu run: 5 reconnects offer a session.
    : >"$ng/access.log"
    "$bin" cpu localhost "$port" "$certs/ca.pem" 5 >/dev/null
    echo "$label|$(seen)" >>"$out/seen.txt"
done
: >"$ng/access.log"
"$curl_bin" localhost "$port" "$certs/ca.pem" 5 >/dev/null
echo "libcurl+OpenSSL|$(seen)" >>"$out/seen.txt"

# CPU: ROUNDS rounds of N/ROUNDS calls per kind, the clients taking turns
# in each round; a figure is the best round's. A busy machine slows some
# rounds of some clients; the best round is the least disturbed one.
per=$(((n + rounds - 1) / rounds))
r=0
while [ $r -lt "$rounds" ]; do
    for pair in "$@"; do
        "${pair#*=}" cpu localhost "$port" "$certs/ca.pem" "$per" | sed "s/^/${pair%%=*}|/" >>"$out/rounds.txt"
    done
    "$curl_bin" localhost "$port" "$certs/ca.pem" "$per" | sed "s/^/libcurl+OpenSSL|/" >>"$out/rounds.txt"
    r=$((r + 1))
done
awk -F'|' '{ k = $1 "|" $2; if (!(k in best) || $3 + 0 < best[k]) best[k] = $3 + 0
             if (!(k in fast) || $5 + 0 < fast[k]) fast[k] = $5 + 0
             if (!(k in res)) { order[n++] = k; res[k] = 0 } if ($4 == "-") res[k] = "-"; else if (res[k] != "-") res[k] += $4 }
           END { for (i = 0; i < n; i++) printf "%s|%.1f|%s|%.1f\n", order[i], best[order[i]], res[order[i]], fast[order[i]] }' \
    "$out/rounds.txt" >"$out/cpu.txt"

{
echo "TLS pool/heap per phase (bytes; held = allocated after the phase, peak = most allocated during it)"
awk -F'|' '{ printf "%-26s %-40s %8s %8s\n", $1, $2, $3, $4 }' "$out/pool.txt"
echo
echo "Client CPU per token call (microseconds of CLOCK_PROCESS_CPUTIME_ID; best of $rounds rounds of $per calls)"
printf "%-22s %8s %8s %10s %10s %8s %10s %8s\n" client full resumed kept-alive handshake "vs curl" fastest "vs curl"
awk -F'|' '
    { v[$1, $2] = $3; res[$1, $2] = $4; f[$1, $2] = $5; if (!($1 in seen)) { seen[$1] = 1; order[n++] = $1 } }
    END {
        c = "libcurl+OpenSSL"; ref = v[c, "full"] - v[c, "kept-alive"]; reff = f[c, "full"] - f[c, "kept-alive"]
        for (i = 0; i < n; i++) {
            c = order[i]; hs = v[c, "full"] - v[c, "kept-alive"]; fs = f[c, "full"] - f[c, "kept-alive"]
            note = (res[c, "resumed"] != "-" && res[c, "resumed"] + 0 == 0) ? "  (no call resumed)" : ""
            printf "%-22s %8.0f %8.0f %10.0f %10.0f %7.1fx %10.0f %7.1fx%s\n", c, v[c, "full"], v[c, "resumed"],
                   v[c, "kept-alive"], hs, (ref > 0 ? hs / ref : 0), fs, (reff > 0 ? fs / reff : 0), note
        }
    }' "$out/cpu.txt"
echo "full, resumed, kept-alive: mean per call of the best round; handshake = full - kept-alive;"
echo "fastest = the same from the fastest single calls (least disturbed by other load); vs curl: / libcurl's"
echo
echo "What nginx saw (protocol, group, cipher):"
sed 's/|/: /' "$out/seen.txt"
} | tee "$out/table.txt"

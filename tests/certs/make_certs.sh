#!/bin/sh
# make_certs.sh OUTDIR — test-only PKI, made with openssl at test time.
#   ca.pem / ca.key              the test CA that tests trust
#   server.pem / server.key      leaf for DNS:localhost and DNS:127.0.0.1 (mbedTLS 2.28
#                                matches no IP SAN, so the address is also a DNS entry)
#   other-ca.pem, other.pem/.key a second CA and a leaf it signed (must be refused)
# Idempotent: does nothing when OUTDIR/server.pem exists.
set -eu
out=${1:?usage: make_certs.sh OUTDIR}
[ -f "$out/server.pem" ] && exit 0
mkdir -p "$out"
cd "$out"
q() { openssl "$@" >/dev/null 2>&1; }

mkca() { # name cn
    q req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.pem" \
        -days 3650 -subj "/CN=$2" -addext basicConstraints=critical,CA:TRUE \
        -addext keyUsage=critical,keyCertSign,cRLSign
}
mkleaf() { # name ca san
    q req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1"
    printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$3" >"$1.ext"
    q x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -days 825 \
        -extfile "$1.ext" -out "$1.pem"
    rm -f "$1.csr" "$1.ext"
}
mkca ca "wos-pipes-c test CA"
mkca other-ca "wos-pipes-c other CA"
mkleaf other other-ca "DNS:localhost,DNS:127.0.0.1"
mkleaf server ca "DNS:localhost,DNS:127.0.0.1"

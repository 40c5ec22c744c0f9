#!/bin/sh
# SPDX-License-Identifier: MIT
# make_certs.sh OUTDIR — test-only PKI, made with openssl at test time.
#   ca.pem / ca.key              the test CA that tests trust
#   ca.der                       the same CA certificate in DER
#   server.pem / server.key      leaf for DNS:localhost and DNS:127.0.0.1 (mbedTLS 2.28
#                                matches no IP SAN, so the address is also a DNS entry)
#   other-ca.pem, other.pem/.key a second CA and a leaf it signed (must be refused)
#   wrong-host.pem/.key          leaf from ca for DNS:wrong.example only (must be refused)
#   expired.pem/.key             leaf from ca for localhost, valid 2020-01-01..2021-01-01
#   future.pem/.key              leaf from ca for localhost, valid 2099-01-01..2100-01-01
# Idempotent: does nothing when every output exists.
set -eu
out=${1:?usage: make_certs.sh OUTDIR}
done=yes
for f in ca.pem ca.der server.pem other-ca.pem other.pem wrong-host.pem expired.pem future.pem; do
    [ -f "$out/$f" ] || done=no
done
[ "$done" = yes ] && exit 0
mkdir -p "$out"
cd "$out"
q() { openssl "$@" >/dev/null 2>&1; }

mkca() { # name cn
    q req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.pem" \
        -days 3650 -subj "/CN=$2" -addext basicConstraints=critical,CA:TRUE \
        -addext keyUsage=critical,keyCertSign,cRLSign
}
mkcsr() { # name san
    q req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1"
    printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$2" >"$1.ext"
}
mkleaf() { # name ca san
    mkcsr "$1" "$3"
    q x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -days 825 \
        -extfile "$1.ext" -out "$1.pem"
    rm -f "$1.csr" "$1.ext"
}
# OpenSSL 3.0's `x509 -req` cannot back-date; `openssl ca` takes explicit dates.
mkdated() { # name ca san start end
    mkcsr "$1" "$3"
    db=$(mktemp -d)
    : >"$db/index.txt"
    echo 1000 >"$db/serial"
    printf '[ca]\ndefault_ca=c\n[c]\ndatabase=%s/index.txt\nserial=%s/serial\nnew_certs_dir=%s\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n' \
        "$db" "$db" "$db" >"$db/ca.cnf"
    q ca -batch -config "$db/ca.cnf" -cert "$2.pem" -keyfile "$2.key" -in "$1.csr" -out "$1.pem" \
        -notext -startdate "$4" -enddate "$5" -extfile "$1.ext"
    rm -rf "$db" "$1.csr" "$1.ext"
}
mkca ca "wos-pipes-c test CA"
q x509 -in ca.pem -outform DER -out ca.der
mkca other-ca "wos-pipes-c other CA"
mkleaf other other-ca "DNS:localhost,DNS:127.0.0.1"
mkleaf wrong-host ca "DNS:wrong.example"
mkdated expired ca "DNS:localhost,DNS:127.0.0.1" 20200101000000Z 20210101000000Z
mkdated future ca "DNS:localhost,DNS:127.0.0.1" 20990101000000Z 21000101000000Z
mkleaf server ca "DNS:localhost,DNS:127.0.0.1"

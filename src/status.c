/* SPDX-License-Identifier: MIT */
#include "wos_status.h"

/* The names in code order, packed into one string: no pointer table.
 * The static assert below keeps the list in step with the enum. The CLI's
 * end-to-end tests match "network error", "timeout" and "certificate
 * rejected". */
#define WOS_STATUS_NAMES(X)                                                  \
    X("ok") X("bad argument") X("buffer too small") X("need more input")     \
    X("bad HTTP") X("headers too large") X("bad HTTP framing") X("bad JSON") \
    X("JSON too deep") X("too few tokens") X("wrong JSON shape")             \
    X("not found") X("bad UTF-8") X("number overflow") X("bad timestamp")    \
    X("HTTP error") X("network error") X("TLS error")                        \
    X("certificate rejected") X("timeout") X("peer closed") X("bad state")   \
    X("create unconfirmed") X("clock not set")
#define AS_ENTRY(s) s "\0"
#define AS_ONE(s) +1

static const char k_names[] = WOS_STATUS_NAMES(AS_ENTRY) "unknown status";

typedef char wos_status_names_match_enum[(0 WOS_STATUS_NAMES(AS_ONE)) == WOS_STATUS_COUNT_ ? 1 : -1];

const char *wos_status_str(wos_status status)
{
    const char *s = k_names;
    unsigned idx = (unsigned)status;
    if (idx > (unsigned)WOS_STATUS_COUNT_) {
        idx = (unsigned)WOS_STATUS_COUNT_; /* the last entry */
    }
    while (idx-- != 0u) {
        while (*s++ != '\0') {
        }
    }
    return s;
}

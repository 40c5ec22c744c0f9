#include "wos_status.h"

/* Indexed by code; the static assert below keeps it in step with the enum. */
static const char *const k_names[] = {
    "ok",
    "invalid argument",
    "buffer too small",
    "need more input",
    "malformed HTTP",
    "HTTP headers too large",
    "bad HTTP body framing",
    "malformed JSON",
    "JSON nested too deep",
    "too few JSON tokens",
    "unexpected JSON shape",
    "not found",
    "invalid UTF-8",
    "number overflow",
    "invalid timestamp",
    "HTTP error status",
    "network error",
    "TLS error",
    "certificate rejected",
    "timeout",
    "closed by peer",
    "invalid state",
};

typedef char wos_status_names_match_enum[(sizeof k_names / sizeof k_names[0]) == WOS_STATUS_COUNT_ ? 1 : -1];

const char *wos_status_str(wos_status status)
{
    unsigned idx = (unsigned)status;
    if (idx >= (unsigned)WOS_STATUS_COUNT_) {
        return "unknown status";
    }
    return k_names[idx];
}

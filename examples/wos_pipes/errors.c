/* SPDX-License-Identifier: MIT */
/*
 * A failed call: one line on stderr and the exit code. Only the server's
 * error fields and status names are printed; no request data, so neither
 * the API key nor a client secret can appear.
 */
#include "cli.h"

#define CLEAN_MAX 512u /* longest server text printed */

void cli_put_clean(FILE *f, wos_str s)
{
    size_t i;
    for (i = 0; i < s.len && i < CLEAN_MAX; i++) {
        unsigned char ch = (unsigned char)s.ptr[i];
        fputc(ch < 0x20u || ch == 0x7Fu ? ' ' : (int)ch, f);
    }
    if (s.len > CLEAN_MAX) {
        fputs("...", f);
    }
}

static wos_str either(wos_str a, wos_str b)
{
    return a.ptr != NULL && a.len > 0u ? a : b;
}

/* For bodies with no message (a 401 has an empty one, a proxy sends HTML). */
static wos_str reason(wos_error_kind kind)
{
    static const char *const k_reasons[] = {
        NULL, "Bad Request", "Unauthorized: check WORKOS_API_KEY", "Forbidden", "Not Found",
        "Conflict", "Unprocessable Entity", "Too Many Requests", "Server error"};
    unsigned i = (unsigned)kind;
    return wos_str_c(i < sizeof k_reasons / sizeof k_reasons[0] ? k_reasons[i] : NULL);
}

/* wos-pipes: HTTP 404 (not_found): Data integration not found. [request req_123] */
static void api_error_line(const wos_api_error *e)
{
    wos_str code = either(e->code, e->error);
    wos_str msg = either(either(e->message, e->error_description), reason(e->kind));
    fprintf(stderr, "wos-pipes: HTTP %d", e->http_status);
    if (code.ptr != NULL && code.len > 0u) {
        fputs(" (", stderr);
        cli_put_clean(stderr, code);
        fputc(')', stderr);
    }
    if (msg.ptr != NULL && msg.len > 0u && msg.ptr != code.ptr) {
        fputs(": ", stderr);
        cli_put_clean(stderr, msg);
    }
    if (e->request_id.ptr != NULL) {
        fputs(" [request ", stderr);
        cli_put_clean(stderr, e->request_id);
        fputc(']', stderr);
    }
    fputc('\n', stderr);
}

static bool network_failure(wos_status st)
{
    return st == WOS_ERR_NETWORK || st == WOS_ERR_TLS || st == WOS_ERR_CERT_REJECTED ||
           st == WOS_ERR_TIMEOUT || st == WOS_ERR_CLOSED || st == WOS_ERR_CLOCK_NOT_SET;
}

int cli_fail(const cli_opts *o, wos_status st, const wos_call_info *info)
{
    if (st == WOS_ERR_HTTP_STATUS && info != NULL) {
        api_error_line(&info->api);
        return CLI_EXIT_FAIL;
    }
    fprintf(stderr, "wos-pipes: %s", wos_status_str(st));
    if (network_failure(st)) {
        fprintf(stderr, " talking to %s", o->base_url);
        cli_transport_proxy_describe(stderr);
        if (info != NULL && info->attempts > 1u) {
            fprintf(stderr, " (%u attempts)", info->attempts);
        }
        if (st == WOS_ERR_TLS || st == WOS_ERR_CERT_REJECTED) {
            cli_transport_describe(stderr);
        }
        fputc('\n', stderr);
        return CLI_EXIT_NETWORK;
    }
    if (info != NULL && st == WOS_ERR_BUFFER_TOO_SMALL && info->buffer_needed > 0u) {
        fprintf(stderr, ": %lu bytes of working buffer needed, there are %lu",
                (unsigned long)info->buffer_needed, (unsigned long)CLI_BUF_CAP);
    }
    if (info != NULL && st == WOS_ERR_JSON_TOKENS) {
        fprintf(stderr, ": the response needs %u JSON tokens, there are %u", info->tokens_needed,
                CLI_TOKEN_CAP);
    }
    if (st == WOS_ERR_STATE) { /* the client's only use: an idempotency key */
        fputs(": this device gave no entropy (random numbers) for an idempotency key", stderr);
    }
    if (st == WOS_ERR_CREATE_UNCONFIRMED) {
        fputs(": a retry was answered 409 after a server error; the first attempt probably"
              " created it (`get` it to confirm)", stderr);
    }
    fputc('\n', stderr);
    return CLI_EXIT_FAIL;
}

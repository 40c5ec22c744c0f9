/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "wos_config.h"
#include "wos_http_request.h"
#include "wos_json_writer.h"

#define GUARD 32u
#define GUARD_BYTE 0x5A
#define UA "User-Agent: wos-pipes-c/" WOS_VERSION "\r\n"

/* ---- fixtures ---------------------------------------------------------- */

static wos_str S(const char *z) { return wos_str_c(z); }

static wos_http_request base_request(const char *method)
{
    wos_http_request r;
    memset(&r, 0, sizeof r);
    r.method = method;
    r.host = S("api.workos.com");
    r.port = 443;
    r.tls = true;
    r.api_key = S("sk_test_123");
    return r;
}

static const wos_str SEG_INTEGRATIONS[] = {WOS_STR_LIT("data-integrations")};
static const wos_str SEG_TOKEN[] = {WOS_STR_LIT("data-integrations"), WOS_STR_LIT("github"),
                                    WOS_STR_LIT("token")};
static const wos_str SEG_GITHUB[] = {WOS_STR_LIT("data-integrations"), WOS_STR_LIT("git hub/x")};

/* The HTTP writer takes any body; these tests write theirs as JSON. */
#define JSON_BODY(name)                                                                     \
    static wos_status name(char *buf, size_t cap, const void *arg, size_t *out_len)         \
    {                                                                                       \
        wos_json_writer w;                                                                  \
        wos_jw_init(&w, buf, cap);                                                          \
        name##_json(&w, arg);                                                               \
        return wos_jw_finish(&w, out_len);                                                  \
    }

#define TOKEN_BODY "{\"user_id\":\"user_01\",\"organization_id\":\"org_01\"}"
static void token_body_json(wos_json_writer *w, const void *arg)
{
    (void)arg;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "user_id");
    wos_jw_string(w, S("user_01"));
    wos_jw_key_c(w, "organization_id");
    wos_jw_string(w, S("org_01"));
    wos_jw_object_end(w);
}
JSON_BODY(token_body)

#define UPDATE_BODY "{\"description\":null,\"enabled\":true,\"limit\":-42}"
static void update_body_json(wos_json_writer *w, const void *arg)
{
    (void)arg;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "description");
    wos_jw_null(w);
    wos_jw_key_c(w, "enabled");
    wos_jw_bool(w, true);
    wos_jw_key_c(w, "limit");
    wos_jw_int(w, -42);
    wos_jw_object_end(w);
}
JSON_BODY(update_body)

/* Body whose text is given by arg: a string array of any length. */
static void string_body_json(wos_json_writer *w, const void *arg)
{
    const wos_str *s = arg;
    wos_jw_array_begin(w);
    wos_jw_string(w, *s);
    wos_jw_array_end(w);
}
JSON_BODY(string_body)

/* Write into a buffer of exactly cap bytes followed by guard bytes; assert
 * the guards survive. Returns the status; *out gets the heap copy. */
static wos_status write_guarded(const wos_http_request *r, size_t cap, size_t *n, char **out)
{
    char *buf = malloc(cap + GUARD);
    wos_status st;
    size_t i;
    assert_non_null(buf);
    memset(buf, GUARD_BYTE, cap + GUARD);
    *n = 0xDEADu;
    st = wos_http_request_write(r, buf, cap, n);
    for (i = cap; i < cap + GUARD; i++) {
        assert_int_equal((unsigned char)buf[i], GUARD_BYTE);
    }
    *out = buf;
    return st;
}

static void expect_request(const wos_http_request *r, const char *expect, size_t len)
{
    size_t n;
    char *buf;
    assert_int_equal(write_guarded(r, len, &n, &buf), WOS_OK);
    assert_int_equal(n, len);
    assert_memory_equal(buf, expect, len);
    free(buf);
}

static void expect_status(const wos_http_request *r, wos_status want)
{
    size_t n;
    char *buf;
    assert_int_equal(write_guarded(r, 8192u, &n, &buf), want);
    assert_int_equal(n, 0u);
    free(buf);
}

#define EXPECT(r, lit) expect_request((r), (lit), sizeof(lit) - 1u)

/* ---- exact bytes -------------------------------------------------------- */

static void get_with_query_omits_absent_params(void **state)
{
    const wos_http_query q[] = {
        {"limit", WOS_STR_LIT("10")},
        {"before", WOS_STR_NULL},
        {"after", WOS_STR_LIT("obj_01")},
        {"order", WOS_STR_NULL},
    };
    wos_http_request r = base_request("GET");
    (void)state;
    r.segments = SEG_INTEGRATIONS;
    r.segment_count = 1;
    r.query = q;
    r.query_count = 4;
    EXPECT(&r, "GET /data-integrations?limit=10&after=obj_01 HTTP/1.1\r\n"
               "Host: api.workos.com\r\n"
               "Authorization: Bearer sk_test_123\r\n" UA
               "Accept: application/json\r\n"
               "Connection: keep-alive\r\n"
               "\r\n");
}

static void query_edge_cases(void **state)
{
    const wos_http_query first_omitted[] = {
        {"before", WOS_STR_NULL}, {"a b", WOS_STR_LIT("")}, {"c", WOS_STR_LIT("x&y=z")}};
    const wos_http_query all_omitted[] = {{"before", WOS_STR_NULL}, {"after", WOS_STR_NULL}};
    wos_http_request r = base_request("GET");
    (void)state;
    r.query = first_omitted;
    r.query_count = 3;
    EXPECT(&r, "GET /?a%20b=&c=x%26y%3Dz HTTP/1.1\r\nHost: api.workos.com\r\n"
               "Authorization: Bearer sk_test_123\r\n" UA
               "Accept: application/json\r\nConnection: keep-alive\r\n\r\n");
    r.query = all_omitted;
    r.query_count = 2;
    EXPECT(&r, "GET / HTTP/1.1\r\nHost: api.workos.com\r\n"
               "Authorization: Bearer sk_test_123\r\n" UA
               "Accept: application/json\r\nConnection: keep-alive\r\n\r\n");
}

static void post_with_body_and_idempotency_key(void **state)
{
    wos_http_request r = base_request("POST");
    (void)state;
    assert_int_equal(sizeof(TOKEN_BODY) - 1u, 48u);
    r.segments = SEG_TOKEN;
    r.segment_count = 3;
    r.idempotency_key = S("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b");
    r.body = token_body;
    EXPECT(&r, "POST /data-integrations/github/token HTTP/1.1\r\n"
               "Host: api.workos.com\r\n"
               "Authorization: Bearer sk_test_123\r\n" UA
               "Accept: application/json\r\n"
               "Connection: keep-alive\r\n"
               "Idempotency-Key: 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b\r\n"
               "Content-Type: application/json\r\n"
               "Content-Length: 48\r\n"
               "\r\n" TOKEN_BODY);
}

static void put_with_body(void **state)
{
    wos_http_request r = base_request("PUT");
    (void)state;
    assert_int_equal(sizeof(UPDATE_BODY) - 1u, 47u);
    r.segments = SEG_GITHUB;
    r.segment_count = 2;
    r.body = update_body;
    EXPECT(&r, "PUT /data-integrations/git%20hub%2Fx HTTP/1.1\r\n"
               "Host: api.workos.com\r\n"
               "Authorization: Bearer sk_test_123\r\n" UA
               "Accept: application/json\r\n"
               "Connection: keep-alive\r\n"
               "Content-Type: application/json\r\n"
               "Content-Length: 47\r\n"
               "\r\n" UPDATE_BODY);
}

static void delete_without_body(void **state)
{
    wos_http_request r = base_request("DELETE");
    (void)state;
    r.segments = SEG_GITHUB;
    r.segment_count = 2;
    r.host = S("127.0.0.1");
    r.port = 8080;
    r.tls = false;
    EXPECT(&r, "DELETE /data-integrations/git%20hub%2Fx HTTP/1.1\r\n"
               "Host: 127.0.0.1:8080\r\n"
               "Authorization: Bearer sk_test_123\r\n" UA
               "Accept: application/json\r\n"
               "Connection: keep-alive\r\n"
               "\r\n");
}

/* ---- Host header -------------------------------------------------------- */

static void expect_host_line_of(const char *host, bool tls, uint16_t port, const char *line)
{
    wos_http_request r = base_request("GET");
    char *buf;
    size_t n;
    r.host = S(host);
    r.tls = tls;
    r.port = port;
    assert_int_equal(write_guarded(&r, 512u, &n, &buf), WOS_OK);
    assert_true(n > 16u + strlen(line));
    assert_memory_equal(buf + 16, line, strlen(line)); /* after "GET / HTTP/1.1\r\n" */
    free(buf);
}

static void expect_host_line(bool tls, uint16_t port, const char *line)
{
    expect_host_line_of("h.example", tls, port, line);
}

/* An IPv6 address is bracketed in the Host header, whether given bare or bracketed. */
static void host_ipv6_bracketed(void **state)
{
    (void)state;
    expect_host_line_of("::1", true, 8443, "Host: [::1]:8443\r\n");
    expect_host_line_of("2001:db8::7", true, 443, "Host: [2001:db8::7]\r\nAuthorization");
    expect_host_line_of("[::1]", false, 8080, "Host: [::1]:8080\r\n");
}

static void host_port_only_when_not_scheme_default(void **state)
{
    (void)state;
    expect_host_line(true, 443, "Host: h.example\r\nAuthorization");
    expect_host_line(false, 80, "Host: h.example\r\nAuthorization");
    expect_host_line(true, 80, "Host: h.example:80\r\n");
    expect_host_line(false, 443, "Host: h.example:443\r\n");
    expect_host_line(true, 8443, "Host: h.example:8443\r\n");
    expect_host_line(false, 8080, "Host: h.example:8080\r\n");
    expect_host_line(true, 1, "Host: h.example:1\r\n");
    expect_host_line(false, 65535, "Host: h.example:65535\r\n");
}

static void port_zero_rejected(void **state)
{
    wos_http_request r = base_request("GET");
    (void)state;
    r.port = 0;
    expect_status(&r, WOS_ERR_INVALID_ARG);
}

/* ---- percent-encoding --------------------------------------------------- */

/* Independent reference: the unreserved set spelled out, %XX upper-case. */
static size_t ref_encode(const unsigned char *in, size_t n, char *out)
{
    static const char keep[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        if (in[i] != 0 && strchr(keep, in[i]) != NULL) {
            out[o++] = (char)in[i];
        } else {
            o += (size_t)sprintf(out + o, "%%%02X", in[i]);
        }
    }
    return o;
}

static void every_byte_encoded_in_segment_and_query(void **state)
{
    unsigned char all[256];
    char enc[3 * 256 + 1];
    char expect[2048];
    size_t i, elen, n;
    wos_str seg[2];
    wos_http_query q[1];
    wos_http_request r = base_request("GET");
    (void)state;
    for (i = 0; i < 256; i++) {
        all[i] = (unsigned char)i;
    }
    elen = ref_encode(all, 256, enc);
    assert_int_equal(elen, 66u + 3u * 190u); /* 66 unreserved bytes kept */
    seg[0].ptr = (const char *)all;
    seg[0].len = 256;
    seg[1] = S("x");
    q[0].name = "v";
    q[0].value = seg[0];
    r.segments = seg;
    r.segment_count = 2;
    r.query = q;
    r.query_count = 1;

    n = (size_t)sprintf(expect, "GET /%.*s/x?v=%.*s HTTP/1.1\r\n", (int)elen, enc, (int)elen, enc);
    n += (size_t)sprintf(expect + n, "Host: api.workos.com\r\nAuthorization: Bearer sk_test_123\r\n" UA
                                     "Accept: application/json\r\nConnection: keep-alive\r\n\r\n");
    expect_request(&r, expect, n);

    /* The same bytes through the target-only writer. */
    {
        char t[2048];
        size_t tn = 0;
        assert_int_equal(wos_http_target_write(&r, t, sizeof t, &tn), WOS_OK);
        assert_int_equal(tn, 2u * elen + 6u); /* "/" enc "/x?v=" enc */
        assert_memory_equal(t, expect + 4, tn);
    }
}

static void dot_segments_rejected_others_kept(void **state)
{
    static const char *const bad[] = {"", ".", ".."};
    static const char *const good[] = {"...", ".a", "a.", ".a.", "a..", "..a", "~"};
    wos_str seg[3];
    wos_http_request r = base_request("GET");
    size_t i, n;
    char t[64];
    (void)state;
    seg[0] = S("data-integrations");
    seg[2] = S("token");
    r.segments = seg;
    r.segment_count = 3;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        seg[1] = S(bad[i]);
        expect_status(&r, WOS_ERR_INVALID_ARG);
        assert_int_equal(wos_http_target_write(&r, t, sizeof t, &n), WOS_ERR_INVALID_ARG);
        assert_int_equal(n, 0u);
    }
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        char want[64];
        int wn = sprintf(want, "/data-integrations/%s/token", good[i]);
        seg[1] = S(good[i]);
        assert_int_equal(wos_http_target_write(&r, t, sizeof t, &n), WOS_OK);
        assert_int_equal(n, (size_t)wn);
        assert_memory_equal(t, want, n);
    }
    seg[1].ptr = NULL; /* absent segment */
    seg[1].len = 0;
    expect_status(&r, WOS_ERR_INVALID_ARG);
    r.segments = NULL;
    expect_status(&r, WOS_ERR_INVALID_ARG);
}

static void bad_query_names_rejected(void **state)
{
    const wos_http_query null_name[] = {{NULL, WOS_STR_LIT("1")}};
    const wos_http_query empty_name[] = {{"", WOS_STR_LIT("1")}};
    const wos_http_query omitted_null_name[] = {{NULL, WOS_STR_NULL}};
    wos_http_request r = base_request("GET");
    (void)state;
    r.query_count = 1;
    r.query = null_name;
    expect_status(&r, WOS_ERR_INVALID_ARG);
    r.query = empty_name;
    expect_status(&r, WOS_ERR_INVALID_ARG);
    r.query = omitted_null_name;
    expect_status(&r, WOS_ERR_INVALID_ARG);
    r.query = NULL;
    expect_status(&r, WOS_ERR_INVALID_ARG);
}

/* ---- header values ------------------------------------------------------ */

/* CR, LF (injection), NUL (truncation) and any other control byte or DEL,
 * which no host, key or UUID holds: at the start, middle and end of a
 * short value and of one long enough to be scanned a word at a time. */
static void header_injection_rejected(void **state)
{
    static const char evil[] = {'\r', '\n', '\0', '\t', '\x01', '\x1f', '\x7f'};
    static const size_t lens[] = {6, 29};
    char v[32];
    size_t e, pos, l;
    (void)state;
    for (e = 0; e < sizeof evil * 2u; e++) {
        l = lens[e % 2u];
        for (pos = 0; pos < 3; pos++) { /* start, middle, end */
            wos_str bad;
            int field;
            memcpy(v, "abcdefghijklmnopqrstuvwxyz0123", l);
            v[pos == 0 ? 0 : pos == 1 ? l / 2u : l - 1u] = evil[e / 2u];
            bad.ptr = v;
            bad.len = l;
            for (field = 0; field < 3; field++) {
                wos_http_request r = base_request("POST");
                r.body = token_body;
                r.idempotency_key = S("key-1");
                if (field == 0) {
                    r.host = bad;
                } else if (field == 1) {
                    r.api_key = bad;
                } else {
                    r.idempotency_key = bad;
                }
                expect_status(&r, WOS_ERR_INVALID_ARG);
            }
        }
    }
}

static void empty_or_absent_values_rejected(void **state)
{
    wos_http_request r;
    wos_str empty = {"", 0};
    wos_str absent = WOS_STR_NULL;
    (void)state;
    r = base_request("GET");
    r.host = empty;
    expect_status(&r, WOS_ERR_INVALID_ARG);
    r.host = absent;
    expect_status(&r, WOS_ERR_INVALID_ARG);
    r = base_request("GET");
    r.api_key = empty;
    expect_status(&r, WOS_ERR_INVALID_ARG);
    r.api_key = absent;
    expect_status(&r, WOS_ERR_INVALID_ARG);
    r = base_request("GET");
    r.idempotency_key = empty; /* set but empty: a caller bug, not "no header" */
    expect_status(&r, WOS_ERR_INVALID_ARG);
}

static void bad_methods_rejected(void **state)
{
    static const char *const bad[] = {"", "get", "GE T", "GET\r\nX", "G1"};
    wos_http_request r = base_request(NULL);
    size_t i;
    (void)state;
    expect_status(&r, WOS_ERR_INVALID_ARG);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r.method = bad[i];
        expect_status(&r, WOS_ERR_INVALID_ARG);
    }
    r.method = "PATCH"; /* any A-Z token is allowed */
    EXPECT(&r, "PATCH / HTTP/1.1\r\nHost: api.workos.com\r\n"
               "Authorization: Bearer sk_test_123\r\n" UA
               "Accept: application/json\r\nConnection: keep-alive\r\n\r\n");
}

static void null_arguments_rejected(void **state)
{
    wos_http_request r = base_request("GET");
    char buf[8];
    size_t n = 7;
    (void)state;
    assert_int_equal(wos_http_request_write(&r, buf, sizeof buf, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_request_write(NULL, buf, sizeof buf, &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(n, 0u);
    n = 7;
    assert_int_equal(wos_http_request_write(&r, NULL, 1, &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(n, 0u);
    assert_int_equal(wos_http_target_write(&r, buf, sizeof buf, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_target_write(NULL, buf, sizeof buf, &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_target_write(&r, NULL, 1, &n), WOS_ERR_INVALID_ARG);
}

static void big_api_key(void **state)
{
    size_t klen = 4096, n, i;
    char *key = malloc(klen);
    char *buf;
    const char *p;
    wos_http_request r = base_request("GET");
    (void)state;
    assert_non_null(key);
    for (i = 0; i < klen; i++) {
        key[i] = (char)('!' + i % 94u); /* every visible ASCII byte */
    }
    r.api_key.ptr = key;
    r.api_key.len = klen;
    assert_int_equal(write_guarded(&r, 8192u, &n, &buf), WOS_OK);
    p = strstr(buf, "Authorization: Bearer ");
    assert_non_null(p);
    p += 22;
    assert_memory_equal(p, key, klen);
    assert_memory_equal(p + klen, "\r\nUser-Agent: ", 14);
    free(buf);
    /* and the exact size is reported when it does not fit */
    {
        size_t need = n;
        assert_int_equal(write_guarded(&r, need - 1u, &n, &buf), WOS_ERR_BUFFER_TOO_SMALL);
        assert_int_equal(n, need);
        free(buf);
    }
    free(key);
}

/* ---- sizes -------------------------------------------------------------- */

/* Every cap below the full length: BUFFER_TOO_SMALL, exact size, guards
 * intact; the full length: OK with the same bytes as a roomy buffer. */
static void check_every_size(const wos_http_request *r)
{
    size_t full, cap, n;
    char *ref;
    char *buf;
    assert_int_equal(wos_http_request_write(r, NULL, 0, &full), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(write_guarded(r, full + 100u, &n, &ref), WOS_OK);
    assert_int_equal(n, full);
    for (cap = 0; cap < full; cap++) {
        assert_int_equal(write_guarded(r, cap, &n, &buf), WOS_ERR_BUFFER_TOO_SMALL);
        assert_int_equal(n, full);
        free(buf);
    }
    assert_int_equal(write_guarded(r, full, &n, &buf), WOS_OK);
    assert_int_equal(n, full);
    assert_memory_equal(buf, ref, full);
    free(buf);
    free(ref);
}

static void every_buffer_size(void **state)
{
    const wos_http_query q[] = {{"limit", WOS_STR_LIT("5")}, {"after", WOS_STR_NULL}};
    wos_http_request r = base_request("GET");
    (void)state;
    r.segments = SEG_INTEGRATIONS;
    r.segment_count = 1;
    r.query = q;
    r.query_count = 2;
    check_every_size(&r);
    r = base_request("POST");
    r.segments = SEG_TOKEN;
    r.segment_count = 3;
    r.idempotency_key = S("idem-1");
    r.body = token_body;
    check_every_size(&r);
    r = base_request("PUT");
    r.segments = SEG_GITHUB;
    r.segment_count = 2;
    r.port = 8443;
    r.body = update_body;
    check_every_size(&r);
    r = base_request("DELETE");
    r.segments = SEG_GITHUB;
    r.segment_count = 2;
    check_every_size(&r);
}

static void target_every_size(void **state)
{
    const wos_http_query q[] = {{"a", WOS_STR_LIT("1 2")}, {"b", WOS_STR_NULL}, {"c", WOS_STR_LIT("")}};
    static const char want[] = "/data-integrations/git%20hub%2Fx?a=1%202&c=";
    wos_http_request r = base_request("GET");
    size_t cap, n, len = sizeof want - 1u;
    (void)state;
    r.segments = SEG_GITHUB;
    r.segment_count = 2;
    r.query = q;
    r.query_count = 3;
    for (cap = 0; cap <= len; cap++) {
        char *buf = malloc(cap + GUARD);
        size_t i;
        assert_non_null(buf);
        memset(buf, GUARD_BYTE, cap + GUARD);
        assert_int_equal(wos_http_target_write(&r, buf, cap, &n),
                         cap < len ? WOS_ERR_BUFFER_TOO_SMALL : WOS_OK);
        assert_int_equal(n, len);
        for (i = cap; i < cap + GUARD; i++) {
            assert_int_equal((unsigned char)buf[i], GUARD_BYTE);
        }
        if (cap == len) {
            assert_memory_equal(buf, want, len);
        }
        free(buf);
    }
}

/* The body is written behind room for as many length digits as the buffer
 * size has, then moved down; bodies whose length crosses a power of ten, in
 * every buffer size, give the exact bytes or the exact size needed. */
static void body_lengths_across_digit_counts(void **state)
{
    static const size_t lens[] = {5, 6, 7, 8, 95, 96, 97, 98, 995, 996, 997, 998};
    char text[1000];
    size_t i;
    (void)state;
    memset(text, 'x', sizeof text);
    for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        wos_str str;
        wos_http_request r = base_request("POST");
        str.ptr = text;
        str.len = lens[i] - 4u; /* ["..."] */
        r.body = string_body;
        r.body_arg = &str;
        check_every_size(&r);
    }
}

/* ---- Content-Length parsed back ----------------------------------------- */

static void content_length_matches_body(void **state)
{
    /* Bodies whose JSON escaping makes their length differ from the input. */
    static const char *const texts[] = {"", "a", "quote\" back\\ nl\n tab\t", "\xC3\xA9\xE2\x82\xAC",
                                        "0123456789012345678901234567890123456789"};
    size_t t;
    (void)state;
    for (t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        wos_str s = S(texts[t]);
        wos_http_request r = base_request("POST");
        char *buf;
        const char *cl, *end;
        size_t n, head, declared = 0;
        r.body = string_body;
        r.body_arg = &s;
        assert_int_equal(write_guarded(&r, 1024u, &n, &buf), WOS_OK);
        buf[n] = '\0'; /* inside the 1024 bytes: n is far smaller */
        end = strstr(buf, "\r\n\r\n");
        assert_non_null(end);
        head = (size_t)(end - buf) + 4u;
        cl = strstr(buf, "\r\nContent-Length: ");
        assert_non_null(cl);
        assert_true(cl < end);
        for (cl += 18; *cl >= '0' && *cl <= '9'; cl++) {
            declared = declared * 10u + (size_t)(*cl - '0');
        }
        assert_memory_equal(cl, "\r\n", 2);
        assert_int_equal(declared, n - head);
        assert_int_equal(buf[head], '[');
        assert_int_equal(buf[n - 1u], ']');
        free(buf);
    }
}

/* ---- body failures ------------------------------------------------------ */

static void bad_utf8_body_json(wos_json_writer *w, const void *arg)
{
    wos_str s = {"\xC0\xAF", 2};
    (void)arg;
    wos_jw_array_begin(w);
    wos_jw_string(w, s);
    wos_jw_array_end(w);
}
JSON_BODY(bad_utf8_body)

static void unclosed_body_json(wos_json_writer *w, const void *arg)
{
    (void)arg;
    wos_jw_object_begin(w);
}
JSON_BODY(unclosed_body)

/* Writes a longer body on every call: Content-Length would lie. */
static void growing_body_json(wos_json_writer *w, const void *arg)
{
    int *calls = *(int *const *)arg;
    (*calls)++;
    wos_jw_array_begin(w);
    wos_jw_int(w, *calls == 1 ? 1 : 1000);
    wos_jw_array_end(w);
}
JSON_BODY(growing_body)

static void shrinking_body_json(wos_json_writer *w, const void *arg)
{
    int *calls = *(int *const *)arg;
    (*calls)++;
    wos_jw_array_begin(w);
    wos_jw_int(w, *calls == 1 ? 1000 : 1);
    wos_jw_array_end(w);
}
JSON_BODY(shrinking_body)

static void body_errors_passed_through(void **state)
{
    wos_http_request r = base_request("POST");
    int calls = 0;
    int *pcalls = &calls;
    size_t n;
    char *buf;
    (void)state;
    r.body = bad_utf8_body;
    expect_status(&r, WOS_ERR_INVALID_UTF8);
    r.body = unclosed_body;
    expect_status(&r, WOS_ERR_STATE);
    /* With room to spare the body is written once: whatever it writes is
     * what Content-Length says. */
    r.body_arg = &pcalls;
    r.body = growing_body;
    assert_int_equal(write_guarded(&r, 8192u, &n, &buf), WOS_OK);
    assert_int_equal(calls, 1);
    assert_memory_equal(buf + n - 24u, "Content-Length: 3\r\n\r\n[1]", 24);
    free(buf);
    calls = 0;
    r.body = shrinking_body;
    assert_int_equal(write_guarded(&r, 8192u, &n, &buf), WOS_OK);
    assert_int_equal(calls, 1);
    assert_memory_equal(buf + n - 27u, "Content-Length: 6\r\n\r\n[1000]", 27);
    free(buf);
}

static void growing_body_stays_in_request(void **state)
{
    /* Exactly the measured size plus guards: the body does not fit behind
     * the room of the longest Content-Length, so it is written again at its
     * exact place; that longer write must not reach the guards, and the
     * disagreement is reported. */
    wos_http_request r = base_request("POST");
    int calls = 0;
    int *pcalls = &calls;
    size_t need, n;
    char *buf;
    (void)state;
    r.body = growing_body;
    r.body_arg = &pcalls;
    assert_int_equal(wos_http_request_write(&r, NULL, 0, &need), WOS_ERR_BUFFER_TOO_SMALL);
    calls = 0;
    assert_int_equal(write_guarded(&r, need, &n, &buf), WOS_ERR_STATE);
    assert_int_equal(calls, 2);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(get_with_query_omits_absent_params),
        cmocka_unit_test(query_edge_cases),
        cmocka_unit_test(post_with_body_and_idempotency_key),
        cmocka_unit_test(put_with_body),
        cmocka_unit_test(delete_without_body),
        cmocka_unit_test(host_port_only_when_not_scheme_default),
        cmocka_unit_test(host_ipv6_bracketed),
        cmocka_unit_test(port_zero_rejected),
        cmocka_unit_test(every_byte_encoded_in_segment_and_query),
        cmocka_unit_test(dot_segments_rejected_others_kept),
        cmocka_unit_test(bad_query_names_rejected),
        cmocka_unit_test(header_injection_rejected),
        cmocka_unit_test(empty_or_absent_values_rejected),
        cmocka_unit_test(bad_methods_rejected),
        cmocka_unit_test(null_arguments_rejected),
        cmocka_unit_test(big_api_key),
        cmocka_unit_test(every_buffer_size),
        cmocka_unit_test(body_lengths_across_digit_counts),
        cmocka_unit_test(target_every_size),
        cmocka_unit_test(content_length_matches_body),
        cmocka_unit_test(body_errors_passed_through),
        cmocka_unit_test(growing_body_stays_in_request),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

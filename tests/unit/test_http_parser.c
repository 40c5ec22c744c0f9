/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "wos_http_parser.h"
#include "wos_time.h"

/* ------------------------------------------------------------------ */
/* Harness: one buffer with guard bytes behind it, and a driver that     */
/* delivers a response in one piece, in two pieces cut anywhere, or byte */
/* by byte, through feed() or through space()/commit().                  */
/* ------------------------------------------------------------------ */

#define GUARD 32u
#define DEFAULT_CAP 512u
#define BIG_CAP ((size_t)1 << 21)
#define ONE_PIECE ((size_t)0)
#define BYTE_BY_BYTE SIZE_MAX

static char g_buf[BIG_CAP + GUARD];
static size_t g_cap;

/* Fresh parser on g_buf[0..cap) with guard bytes behind it and junk in it. */
static void start(wos_http_parser *p, size_t cap, size_t max_hdr)
{
    g_cap = cap;
    memset(g_buf, 0xCC, cap);
    memset(g_buf + cap, 0xA5, GUARD);
    assert_int_equal(wos_http_parser_init(p, g_buf, cap, max_hdr), WOS_OK);
}

static void check_guard(void)
{
    size_t i;
    for (i = 0; i < GUARD; i++) {
        assert_int_equal((unsigned char)g_buf[g_cap + i], 0xA5u);
    }
}

static size_t piece_len(size_t off, size_t n, size_t cut)
{
    if (cut == BYTE_BY_BYTE) {
        return 1u;
    }
    if (cut == ONE_PIECE || off >= cut) {
        return n - off;
    }
    return cut - off;
}

/* Receive s[0..len) the zero-copy way; *used grows by the bytes of this response. */
static wos_status commit_piece(wos_http_parser *p, const char *s, size_t len, size_t *used)
{
    size_t done = 0;
    wos_status st;
    do {
        char *dst = NULL;
        size_t room = 0, k;
        st = wos_http_parser_space(p, &dst, &room);
        if (st != WOS_OK) {
            return st;
        }
        assert_true(room > 0u);
        assert_true(dst >= g_buf && dst + room <= g_buf + g_cap);
        k = len - done < room ? len - done : room;
        memcpy(dst, s + done, k);
        done += k;
        *used += k;
        st = wos_http_parser_commit(p, k);
    } while (st == WOS_ERR_NEED_MORE && done < len);
    if (st == WOS_OK) {
        wos_str lo = wos_http_parser_leftover(p);
        assert_non_null(lo.ptr);
        assert_true(lo.len <= done);
        if (lo.len > 0u) {
            assert_memory_equal(lo.ptr, s + done - lo.len, lo.len);
        }
        *used -= lo.len;
    }
    return st;
}

/* Deliver raw[0..n) cut as asked; when the parser still wants more after
 * the last byte, the peer closes. */
static wos_status deliver(wos_http_parser *p, int via_commit, const char *raw, size_t n, size_t cut,
                          size_t *used)
{
    size_t off = 0;
    wos_status st = WOS_ERR_NEED_MORE;
    *used = 0;
    while (off < n && st == WOS_ERR_NEED_MORE) {
        size_t len = piece_len(off, n, cut);
        if (via_commit) {
            st = commit_piece(p, raw + off, len, used);
        } else {
            size_t u = 0;
            st = wos_http_parser_feed(p, raw + off, len, &u);
            *used += u;
        }
        off += len;
    }
    if (st == WOS_ERR_NEED_MORE) {
        st = wos_http_parser_eof(p);
    }
    return st;
}

/* ------------------------------------------------------------------ */
/* The table                                                            */
/* ------------------------------------------------------------------ */

typedef struct want {
    const char *name;
    const char *raw;
    wos_status st;        /* after every byte, plus eof when still wanted */
    int status;
    const char *ct;       /* NULL: absent */
    const char *rid;      /* NULL: absent */
    const char *body;
    int64_t cl, ra_s, ra_at, date;
    bool ka;
    const char *rest;     /* input bytes after this response */
    size_t cap;           /* 0: DEFAULT_CAP */
    size_t max_hdr;       /* 0: the default limit */
    size_t needed;        /* for WOS_ERR_BUFFER_TOO_SMALL */
} want;

#define DATE_0 "Sun, 06 Nov 1994 08:49:37 GMT" /* 784111777 */
#define DATE_30 "Sun, 06 Nov 1994 08:50:07 GMT" /* 784111807 */
#define T_0 INT64_C(784111777)
#define T_30 INT64_C(784111807)

/* A response that parses; retry fields absent. */
#define RESP(n, r, code, ct_, rid_, body_, cl_, ka_, rest_)                                                    \
    {.name = (n), .raw = (r), .st = WOS_OK, .status = (code), .ct = (ct_), .rid = (rid_), .body = (body_),      \
     .cl = (cl_), .ra_s = -1, .ra_at = -1, .date = -1, .ka = (ka_), .rest = (rest_)}
/* An empty-bodied response with Retry-After and Date. */
#define RETRY(n, r, code, ra_s_, ra_at_, date_)                                                               \
    {.name = (n), .raw = (r), .st = WOS_OK, .status = (code), .body = "", .cl = 0, .ra_s = (ra_s_),           \
     .ra_at = (ra_at_), .date = (date_), .ka = true, .rest = ""}
/* A rejected response; with a buffer size, header limit and size needed. */
#define BAD(n, r, s) {.name = (n), .raw = (r), .st = (s)}
#define BAD_IN(n, r, s, cap_, max_, needed_) \
    {.name = (n), .raw = (r), .st = (s), .cap = (cap_), .max_hdr = (max_), .needed = (needed_)}

#define NO NULL /* header absent */
#define BIG_HDR "HTTP/1.1 200 OK\r\nX-Request-ID: big\r\nContent-Length: 600\r\n\r\n"
#define EXACT "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"
#define EARLY "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
/* A chunked response whose one chunk nearly fills a buffer of CHUNKED_CAP:
 * the headers, the 64-byte body and the room for its last line `0\r\n`.
 * A 1xx, its headers and the chunk-size line fit in one piece. */
#define B64 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define CHUNKED "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" B64 "\r\n0\r\n\r\n"
#define CHUNKED_HDR_LEN (sizeof "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" - 1u)
#define CHUNKED_CAP (CHUNKED_HDR_LEN + 64u + 3u)
#define CHUNKED_OK(n, r, cap_)                                                                              \
    {.name = (n), .raw = (r), .st = WOS_OK, .status = 200, .body = B64, .cl = -1, .ra_s = -1,              \
     .ra_at = -1, .date = -1, .ka = true, .rest = "", .cap = (cap_)}

static const want k_table[] = {
    RESP("content-length", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\n"
                           "X-Request-ID: req_123\r\n\r\n{\"data\":[1,2]}",
         200, "application/json", "req_123", "{\"data\":[1,2]}", 14, true, ""),
    RESP("case and whitespace", "HTTP/1.1 201 Created\r\ncOnTeNt-TyPe:\t  text/plain; charset=utf-8 \t\r\n"
                                "CONTENT-LENGTH:5\r\nx-REQUEST-id:   abc  \r\nX-Empty:\r\n\r\nhello",
         201, "text/plain; charset=utf-8", "abc", "hello", 5, true, ""),
    /* Names one byte off ours ('_' for '-'): other headers, ignored. */
    RESP("near names", "HTTP/1.1 200 OK\r\nContent_Length: 7\r\nContent-Type:a\r\nX-Request_ID: b\r\n"
                       "Content-Length: 1\r\n\r\nx",
         200, "a", NO, "x", 1, true, ""),
    RESP("empty request id", "HTTP/1.1 200 OK\r\nX-Request-ID: \t \r\nContent-Length: 0\r\n\r\n",
         200, NO, "", "", 0, true, ""),
    RESP("chunked, extensions, trailers",
         "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
         "5;a=b\r\nhello\r\n7 ; ext=\"q\";x\r\n, world\r\n0;last\r\nX-Trailer: t\r\nChecksum:1\r\n\r\n",
         200, "text/plain", NO, "hello, world", -1, true, ""),
    RESP("chunked, hex", "HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n"
                         "00A\r\n0123456789\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n1\r\n!\r\n000\r\n\r\n",
         200, NO, NO, "0123456789abcdefghijklmnopqrstuvwxyz!", -1, true, ""),
    RESP("chunked, empty", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 200, NO, NO, "", -1, true,
         ""),
    RESP("close-framed", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end\r\n",
         200, "text/plain", NO, "until the end\r\n", -1, false, ""),
    RESP("close-framed, empty", "HTTP/1.1 500 Oops\r\n\r\n", 500, NO, NO, "", -1, false, ""),
    RESP("1xx skipped", EARLY "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, NO, NO, "ok", 2, true, ""),
    RESP("1xx headers forgotten", "HTTP/1.1 103 Early Hints\r\nContent-Type: x/early\r\nX-Request-ID: early\r\n"
                                  "Connection: close\r\nRetry-After: 5\r\n\r\n"
                                  "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
         200, NO, NO, "", 0, true, ""),
    RESP("204", "HTTP/1.1 204 No Content\r\nX-Request-ID: r204\r\n\r\n", 204, NO, "r204", "", -1, true, ""),
    RESP("304 with Content-Length", "HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n",
         304, NO, NO, "", 100, true, ""),
    RESP("HTTP/1.0", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi", 200, NO, NO, "hi", 2, false, ""),
    RESP("HTTP/1.0 keep-alive", "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nhi",
         200, NO, NO, "hi", 2, true, ""),
    RESP("Connection: close", "HTTP/1.1 200 OK\r\nConnection: upgrade ,CLOSE\r\nContent-Length: 0\r\n\r\n",
         200, NO, NO, "", 0, false, ""),
    RESP("Connection: other", "HTTP/1.1 200 OK\r\nConnection: closed\r\nContent-Length: 0\r\n\r\n",
         200, NO, NO, "", 0, true, ""),
    /* Empty options and a word's prefix name no option. */
    RESP("Connection: empty options", "HTTP/1.1 200 OK\r\nConnection: , ,clos\r\nConnection:\r\nContent-Length: 0\r\n\r\n",
         200, NO, NO, "", 0, true, ""),
    RESP("HTTP/1.0 empty options", "HTTP/1.0 200 OK\r\nConnection: ,keep\r\nContent-Length: 0\r\n\r\n",
         200, NO, NO, "", 0, false, ""),
    RETRY("Retry-After seconds", "HTTP/1.1 429 Too Many Requests\r\nRetry-After:  120 \r\nContent-Length: 0\r\n\r\n",
          429, 120, -1, -1),
    RETRY("Retry-After absurd", "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 99999999999999999999999\r\n"
                                "Content-Length: 0\r\n\r\n",
          429, 2147483647, -1, -1),
    RETRY("Retry-After date, Date after", "HTTP/1.1 503 Busy\r\nRetry-After: " DATE_30 "\r\nDate: " DATE_0
                                          "\r\nContent-Length: 0\r\n\r\n",
          503, 30, -1, T_0),
    RETRY("Retry-After date, Date before", "HTTP/1.1 503 Busy\r\nDate: " DATE_0 "\r\nRetry-After: " DATE_30
                                           "\r\nContent-Length: 0\r\n\r\n",
          503, 30, -1, T_0),
    RETRY("Retry-After date in the past", "HTTP/1.1 503 Busy\r\nDate: " DATE_30 "\r\nRetry-After: " DATE_0
                                          "\r\nContent-Length: 0\r\n\r\n",
          503, 0, -1, T_30),
    /* The 1xx bytes are dropped from the buffer under views already set
     * (every split): Date, Content-Type and X-Request-ID must move with it. */
    {.name = "1xx then every view and a chunked body",
     .raw = EARLY "HTTP/1.1 200 OK\r\nDate: " DATE_0 "\r\nContent-Type: a/b\r\nX-Request-ID: r1\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n2\r\nab\r\n1\r\nc\r\n0\r\n\r\n",
     .st = WOS_OK, .status = 200, .ct = "a/b", .rid = "r1", .body = "abc", .cl = -1, .ra_s = -1, .ra_at = -1,
     .date = T_0, .ka = true, .rest = ""},
    RETRY("Retry-After date, no Date", "HTTP/1.1 503 Busy\r\nRetry-After: " DATE_30 "\r\nContent-Length: 0\r\n\r\n",
          503, -1, T_30, -1),
    RETRY("Retry-After date, bad Date", "HTTP/1.1 503 Busy\r\nDate: yesterday\r\nRetry-After: " DATE_30
                                        "\r\nContent-Length: 0\r\n\r\n",
          503, -1, T_30, -1),
    RETRY("Retry-After garbage", "HTTP/1.1 503 Busy\r\nRetry-After: -5\r\nContent-Length: 0\r\n\r\n", 503, -1, -1, -1),
    RESP("empty reason with space", "HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n", 200, NO, NO, "", 0, true, ""),
    RESP("no reason, no space", "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", 200, NO, NO, "", 0, true, ""),
    RESP("no reason", "HTTP/1.1 404\r\nContent-Length: 1\r\n\r\n!", 404, NO, NO, "!", 1, true, ""),
    RESP("obs-text in reason and value", "HTTP/1.1 200 \xc3\x89t\xc3\xa9\r\nX-Request-ID: caf\xc3\xa9\r\n"
                                         "Content-Length: 0\r\n\r\n",
         200, NO, "caf\xc3\xa9", "", 0, true, ""),
    RESP("identical Content-Length twice", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 003\r\n\r\nabc",
         200, NO, NO, "abc", 3, true, ""),
    RESP("leftover after Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxHTTP/1.1 204 No\r\n\r\n",
         200, NO, NO, "x", 1, true, "HTTP/1.1 204 No\r\n\r\n"),
    RESP("leftover after chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\nHTTP/1",
         200, NO, NO, "ab", -1, true, "HTTP/1"),
    RESP("leftover after 204", "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\n",
         204, NO, NO, "", -1, true, "HTTP/1.1 200 OK\r\n"),
    {.name = "body fills the buffer exactly", .raw = EXACT, .st = WOS_OK, .status = 200, .body = "0123456789",
     .cl = 10, .ra_s = -1, .ra_at = -1, .date = -1, .ka = true, .rest = "", .cap = sizeof EXACT - 1u},
    {.name = "too small body keeps its headers", .raw = BIG_HDR, .st = WOS_ERR_BUFFER_TOO_SMALL, .status = 200,
     .rid = "big", .cl = 600, .ra_s = -1, .ra_at = -1, .date = -1, .ka = true, .rest = "", .cap = 600,
     .needed = sizeof BIG_HDR - 1u + 600u},
    BAD_IN("1xx are not counted in the size needed", EARLY BIG_HDR, WOS_ERR_BUFFER_TOO_SMALL, 600, 0,
           sizeof BIG_HDR - 1u + 600u),
    /* Near the buffer's size, the skipped 1xx bytes must not count, however
     * the input splits: chunked and Content-Length bodies alike. */
    CHUNKED_OK("chunked body nearly fills the buffer", CHUNKED, CHUNKED_CAP),
    CHUNKED_OK("1xx then chunked body nearly filling the buffer", EARLY CHUNKED, CHUNKED_CAP),
    CHUNKED_OK("100 then chunked body nearly filling the buffer", "HTTP/1.1 100 Continue\r\n\r\n" CHUNKED,
               CHUNKED_CAP),
    BAD_IN("1xx then chunked body one byte over", EARLY CHUNKED, WOS_ERR_BUFFER_TOO_SMALL, CHUNKED_CAP - 1u, 0, 0),
    {.name = "1xx then body filling the buffer exactly", .raw = EARLY EXACT, .st = WOS_OK, .status = 200,
     .body = "0123456789", .cl = 10, .ra_s = -1, .ra_at = -1, .date = -1, .ka = true, .rest = "",
     .cap = sizeof EXACT - 1u},
    BAD_IN("1xx then body one byte over", EARLY EXACT, WOS_ERR_BUFFER_TOO_SMALL, sizeof EXACT - 2u, 0,
           sizeof EXACT - 1u),

    /* Malformed status lines. */
    BAD("status: short code", "HTTP/1.1 20 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: long code", "HTTP/1.1 2000 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: code 600", "HTTP/1.1 600 X\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: code 099", "HTTP/1.1 099 X\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: 101 never asked for", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n",
        WOS_ERR_HTTP_MALFORMED),
    BAD("status: letters", "HTTP/1.1 2x0 X\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: HTTP/2", "HTTP/2 200 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: HTTP/1.2", "HTTP/1.2 200 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: HTTP/0.1", "HTTP/0.1 200 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: HTTP/2.0", "HTTP/2.0 200 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: HTTP/1.10", "HTTP/1.10 200 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: HTTP/1x1", "HTTP/1x1 200 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: lower case", "http/1.1 200 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: two spaces", "HTTP/1.1  200 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: no space after code", "HTTP/1.1 200OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: bare LF", "HTTP/1.1 200 OK\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: bare CR", "HTTP/1.1 200 O\rK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: control byte", "HTTP/1.1 200 O\x01K\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: empty line first", "\r\nHTTP/1.1 200 OK\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("status: not HTTP", "SSH-2.0-OpenSSH\r\n", WOS_ERR_HTTP_MALFORMED),

    /* Malformed header lines. */
    BAD("header: no colon", "HTTP/1.1 200 OK\r\nContent-Length 0\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: space before colon", "HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: tab before colon", "HTTP/1.1 200 OK\r\nX-A\t: 0\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: obs-fold", "HTTP/1.1 200 OK\r\nX-A: 1\r\n 2\r\nContent-Length: 0\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: obs-fold tab", "HTTP/1.1 200 OK\r\nX-A: 1\r\n\t2\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: empty name", "HTTP/1.1 200 OK\r\n: 1\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: delimiter in name", "HTTP/1.1 200 OK\r\nX(A): 1\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: non-ASCII name", "HTTP/1.1 200 OK\r\nX-\xc3\xa9: 1\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: control in value", "HTTP/1.1 200 OK\r\nX-A: a\x7f b\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: bare LF", "HTTP/1.1 200 OK\r\nX-A: 1\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: bare LF ends section", "HTTP/1.1 200 OK\r\nX-A: 1\r\n\n", WOS_ERR_HTTP_MALFORMED),
    BAD("header: bare CR", "HTTP/1.1 200 OK\r\nX-A: 1\rX-B: 2\r\n\r\n", WOS_ERR_HTTP_MALFORMED),
    BAD("trailer: no colon", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad trailer\r\n\r\n",
          WOS_ERR_HTTP_MALFORMED),
    BAD("trailer: obs-fold", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nA: 1\r\n 2\r\n\r\n",
          WOS_ERR_HTTP_MALFORMED),

    /* Framing. */
    BAD("conflicting Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
          WOS_ERR_HTTP_FRAMING),
    BAD("Content-Length then Transfer-Encoding",
          "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Transfer-Encoding then Content-Length",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Transfer-Encoding gzip", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Transfer-Encoding empty", "HTTP/1.1 200 OK\r\nTransfer-Encoding: \r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Transfer-Encoding chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunk\r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Transfer-Encoding gzip, chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("Transfer-Encoding chunked twice",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Content-Length letters", "HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Content-Length negative", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Content-Length plus", "HTTP/1.1 200 OK\r\nContent-Length: +1\r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Content-Length empty", "HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("Content-Length list", "HTTP/1.1 200 OK\r\nContent-Length: 1, 1\r\n\r\nx", WOS_ERR_HTTP_FRAMING),
    BAD("Content-Length overflow", "HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775808\r\n\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("Content-Length far overflow", "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("chunk size not hex", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("chunk size empty", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("chunk size then junk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5x\r\nhello\r\n0\r\n\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("chunk size with sign", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n", WOS_ERR_HTTP_FRAMING),
    BAD("chunk size bare LF", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("chunk size overflow", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("chunk data without CRLF", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("chunk data, CR then junk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\rX0\r\n\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("chunk data, CR twice", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\r\n0\r\n\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("chunk data, a control byte", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\x01\r\n0\r\n\r\n",
          WOS_ERR_HTTP_FRAMING),
    BAD("chunk data, one wrong byte, closed", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX",
          WOS_ERR_HTTP_FRAMING),
    BAD("chunk data, CR, closed", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r", WOS_ERR_CLOSED),
    BAD("chunk data with LF only", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n",
          WOS_ERR_HTTP_FRAMING),

    /* Limits and sizes. */
    BAD_IN("headers over the limit", "HTTP/1.1 200 OK\r\nX-Pad: 0123456789012345678901234567890123456789\r\n\r\n",
          WOS_ERR_HTTP_HEADERS_TOO_LARGE, 0, 40, 0),
    BAD_IN("endless header line", "HTTP/1.1 200 OK\r\nX-Pad: 01234567890123456789012345678901234567890123456789",
          WOS_ERR_HTTP_HEADERS_TOO_LARGE, 0, 40, 0),
    BAD_IN("trailers over the limit",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nA: 0123456789\r\nB: 0123456789\r\n"
          "C: 0123456789\r\nD: 0123456789\r\n\r\n",
          WOS_ERR_HTTP_HEADERS_TOO_LARGE, 0, 60, 0),
    BAD_IN("headers larger than the buffer", "HTTP/1.1 200 OK\r\nX-Pad: 0123456789012345678901234567890123456789\r\n",
          WOS_ERR_BUFFER_TOO_SMALL, 40, 0, 0),
    BAD_IN("chunk larger than the buffer", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n100\r\n",
          WOS_ERR_BUFFER_TOO_SMALL, 128, 0, 0),
    /* The largest 64-bit size is no overflow, only too big for any buffer
     * (size_t saturates on 32-bit targets); leading zeros do not count. */
    BAD_IN("chunk size 2^64-1", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n",
          WOS_ERR_BUFFER_TOO_SMALL, 128, 0, 0),
    BAD_IN("chunk size 2^32", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n100000000\r\n",
          WOS_ERR_BUFFER_TOO_SMALL, 128, 0, 0),
    RESP("chunk size with leading zeros",
         "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n000000000000000000002\r\nab\r\n0\r\n\r\n",
         200, NO, NO, "ab", -1, true, ""),
    BAD_IN("chunks larger than the buffer",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
          "10\r\n0123456789abcdef\r\n10\r\n0123456789abcdef\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n",
          WOS_ERR_BUFFER_TOO_SMALL, 80, 0, 0),
    BAD_IN("close-framed body larger than the buffer", "HTTP/1.1 200 OK\r\n\r\n0123456789012345678901234567890123456789",
          WOS_ERR_BUFFER_TOO_SMALL, 40, 0, 0),

    /* The peer closes too early. */
    BAD("closed before any byte", "", WOS_ERR_CLOSED),
    BAD("closed in the headers", "HTTP/1.1 200 OK\r\nContent-Len", WOS_ERR_CLOSED),
    BAD("closed in a Content-Length body", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n012345678",
          WOS_ERR_CLOSED),
    BAD("closed in chunk data", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", WOS_ERR_CLOSED),
    BAD("closed before the last chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
          WOS_ERR_CLOSED),
    BAD("closed in the trailers", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nA: 1\r\n",
          WOS_ERR_CLOSED),
    BAD("closed after a 1xx", "HTTP/1.1 100 Continue\r\n\r\n", WOS_ERR_CLOSED),
};

static const char *view_differs(wos_str v, const char *s)
{
    if (s == NULL) {
        return v.ptr != NULL ? "present, expected absent" : NULL;
    }
    if (v.ptr == NULL) {
        return "absent";
    }
    if (v.ptr < g_buf || v.ptr + v.len > g_buf + g_cap) {
        return "outside the buffer";
    }
    return v.len == strlen(s) && memcmp(v.ptr, s, v.len) == 0 ? NULL : "wrong bytes";
}

/* The Date header as the table states it: Unix seconds clamped at 0, or
 * -1 when absent or not an HTTP-date (the parser keeps the text). */
static int64_t date_of(const wos_http_response *r)
{
    int64_t t = -1;
    if (r->date.ptr != NULL && wos_time_parse_http_date(r->date.ptr, r->date.len, &t) == WOS_OK) {
        return t > 0 ? t : 0;
    }
    return -1;
}

/* NULL when the run matches the table entry, else what differs. */
static const char *mismatch(const want *w, const wos_http_parser *p, wos_status st, size_t used, size_t n)
{
    const wos_http_response *r = wos_http_parser_response(p);
    if (st != w->st) {
        return wos_status_str(st);
    }
    if (st == WOS_ERR_BUFFER_TOO_SMALL) {
        return wos_http_parser_needed(p) == w->needed ? NULL : "needed";
    }
    if (st != WOS_OK) {
        return wos_http_parser_needed(p) == 0u ? NULL : "needed should be 0";
    }
    if (r->status != w->status) return "status";
    if (view_differs(r->content_type, w->ct) != NULL) return "content_type";
    if (view_differs(r->request_id, w->rid) != NULL) return "request_id";
    if (view_differs(r->body, w->body) != NULL) return "body";
    if (r->content_length != w->cl) return "content_length";
    if (r->retry_after_s != w->ra_s) return "retry_after_s";
    if (r->retry_after_at != w->ra_at) return "retry_after_at";
    if (date_of(r) != w->date) return "date";
    if (r->keep_alive != w->ka) return "keep_alive";
    if (n - used != strlen(w->rest) || memcmp(w->raw + used, w->rest, n - used) != 0) return "rest";
    return NULL;
}

static void run_one(const want *w, int via_commit, size_t cut)
{
    wos_http_parser p;
    size_t n = strlen(w->raw), used = 0;
    wos_status st;
    const char *why;
    start(&p, w->cap != 0u ? w->cap : DEFAULT_CAP, w->max_hdr);
    st = deliver(&p, via_commit, w->raw, n, cut, &used);
    why = mismatch(w, &p, st, used, n);
    if (why != NULL) {
        print_error("%s via %s, cut %s%zu: %s\n", w->name, via_commit ? "commit" : "feed",
                    cut == BYTE_BY_BYTE ? "byte by byte " : "", cut == BYTE_BY_BYTE ? (size_t)0 : cut, why);
        fail();
    }
    /* Sticky: the outcome does not change when asked again. */
    if (st != WOS_OK) {
        assert_int_equal(wos_http_parser_eof(&p), st);
        assert_int_equal(wos_http_parser_commit(&p, 0), st);
    }
    check_guard();
}

/* Every response, in one piece, cut in two at every byte, and byte by byte,
 * both through feed() and through space()/commit(): the same result. */
static void every_split_gives_the_table_result(void **state)
{
    size_t i, cut;
    int via;
    (void)state;
    for (i = 0; i < sizeof k_table / sizeof k_table[0]; i++) {
        size_t n = strlen(k_table[i].raw);
        for (via = 0; via < 2; via++) {
            run_one(&k_table[i], via, ONE_PIECE);
            run_one(&k_table[i], via, BYTE_BY_BYTE);
            for (cut = 1; cut < n; cut++) {
                run_one(&k_table[i], via, cut);
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* Keep-alive: responses back to back on one connection                 */
/* ------------------------------------------------------------------ */

#define PIPE_1 "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Request-ID: one\r\n\r\nfirst"
#define PIPE_2 "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Request-ID: two\r\n\r\n" \
               "3;x=y\r\nsec\r\n3\r\nond\r\n0\r\nT: 1\r\n\r\n"
#define PIPE_3 "HTTP/1.1 204 No Content\r\nX-Request-ID: three\r\n\r\n"
#define PIPE_4 "HTTP/1.1 404 Not Found\r\nX-Request-ID: four\r\nContent-Length: 4\r\n\r\nnope"

static const char *const k_pipe_ids[] = {"one", "two", "three", "four"};
static const char *const k_pipe_bodies[] = {"first", "second", "", "nope"};

static void expect_pipe(const wos_http_parser *p, size_t k)
{
    const wos_http_response *r = wos_http_parser_response(p);
    assert_true(k < 4u);
    assert_null(view_differs(r->request_id, k_pipe_ids[k]));
    assert_null(view_differs(r->body, k_pipe_bodies[k]));
    assert_true(r->keep_alive);
}

/* The documented keep-alive step: re-initialise, feed the leftover back. */
static wos_status restart_with_leftover(wos_http_parser *p)
{
    wos_str lo = wos_http_parser_leftover(p);
    size_t used = 0;
    wos_status st;
    assert_non_null(lo.ptr);
    assert_int_equal(wos_http_parser_init(p, g_buf, g_cap, 0), WOS_OK);
    st = wos_http_parser_feed(p, lo.ptr, lo.len, &used);
    if (st == WOS_ERR_NEED_MORE) {
        assert_int_equal(used, lo.len);
    }
    return st;
}

/* Zero-copy receiving; after each response the leftover starts the next. */
static size_t pipeline_via_commit(const char *raw, size_t n, size_t cut)
{
    wos_http_parser p;
    size_t off = 0, k = 0;
    start(&p, 160, 0);
    while (off < n) {
        size_t len = piece_len(off, n, cut), done = 0;
        while (done < len) {
            char *dst;
            size_t room, c;
            wos_status st;
            assert_int_equal(wos_http_parser_space(&p, &dst, &room), WOS_OK);
            c = len - done < room ? len - done : room;
            memcpy(dst, raw + off + done, c);
            done += c;
            st = wos_http_parser_commit(&p, c);
            while (st == WOS_OK) {
                expect_pipe(&p, k++);
                st = restart_with_leftover(&p);
            }
            assert_int_equal(st, WOS_ERR_NEED_MORE);
        }
        off += len;
    }
    assert_int_equal(wos_http_parser_eof(&p), WOS_ERR_CLOSED); /* nothing of a 5th response */
    check_guard();
    return k;
}

/* Copying: the bytes feed() did not use start the next response. */
static size_t pipeline_via_feed(const char *raw, size_t n, size_t cut)
{
    wos_http_parser p;
    size_t off = 0, k = 0;
    start(&p, 160, 0);
    while (off < n) {
        size_t len = piece_len(off, n, cut), done = 0;
        while (done < len) {
            size_t used = 0;
            wos_status st = wos_http_parser_feed(&p, raw + off + done, len - done, &used);
            if (st == WOS_OK) {
                expect_pipe(&p, k++);
                assert_int_equal(wos_http_parser_init(&p, g_buf, 160, 0), WOS_OK);
            } else {
                assert_int_equal(st, WOS_ERR_NEED_MORE);
                assert_int_equal(used, len - done);
            }
            done += used;
        }
        off += len;
    }
    check_guard();
    return k;
}

static void keep_alive_pipeline(void **state)
{
    static const char raw[] = PIPE_1 PIPE_2 PIPE_3 PIPE_4;
    size_t n = sizeof raw - 1u, cut;
    (void)state;
    assert_int_equal(pipeline_via_commit(raw, n, ONE_PIECE), 4);
    assert_int_equal(pipeline_via_commit(raw, n, BYTE_BY_BYTE), 4);
    assert_int_equal(pipeline_via_feed(raw, n, ONE_PIECE), 4);
    assert_int_equal(pipeline_via_feed(raw, n, BYTE_BY_BYTE), 4);
    for (cut = 1; cut < n; cut++) {
        assert_int_equal(pipeline_via_commit(raw, n, cut), 4);
        assert_int_equal(pipeline_via_feed(raw, n, cut), 4);
    }
}

/* The leftover may be fed straight back from the parser's own buffer. */
static void leftover_fed_back_from_own_buffer(void **state)
{
    static const char raw[] = PIPE_1 PIPE_4;
    wos_http_parser p;
    wos_str lo;
    size_t used = 0;
    (void)state;
    start(&p, 160, 0);
    assert_int_equal(wos_http_parser_feed(&p, raw, sizeof raw - 1u, &used), WOS_OK);
    assert_int_equal(used, sizeof PIPE_1 - 1u);
    expect_pipe(&p, 0);
    lo = wos_http_parser_leftover(&p);
    assert_int_equal(lo.len, sizeof PIPE_4 - 1u);
    assert_int_equal(wos_http_parser_init(&p, g_buf, 160, 0), WOS_OK);
    assert_int_equal(wos_http_parser_feed(&p, lo.ptr, lo.len, &used), WOS_OK);
    assert_int_equal(used, sizeof PIPE_4 - 1u);
    expect_pipe(&p, 3);
    assert_int_equal(wos_http_parser_leftover(&p).len, 0);
    check_guard();
}

/* ------------------------------------------------------------------ */
/* Limits, sizes, lookups and API contract                              */
/* ------------------------------------------------------------------ */

#define LIMIT_1XX "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
#define LIMIT_HDR "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n"

static wos_status parse_all(wos_http_parser *p, size_t cap, size_t max_hdr, const char *raw, size_t cut)
{
    size_t used;
    start(p, cap, max_hdr);
    return deliver(p, 1, raw, strlen(raw), cut, &used);
}

/* The limit applies to each response's header section on its own, and a
 * section of exactly the limit passes. */
static void header_limit_is_exact_and_per_response(void **state)
{
    static const char raw[] = LIMIT_1XX LIMIT_HDR "ok";
    size_t final_hdr = sizeof LIMIT_HDR - 1u, interim = sizeof LIMIT_1XX - 1u;
    wos_http_parser p;
    (void)state;
    assert_true(interim < final_hdr);
    assert_int_equal(parse_all(&p, DEFAULT_CAP, final_hdr, raw, BYTE_BY_BYTE), WOS_OK);
    assert_null(view_differs(wos_http_parser_response(&p)->body, "ok"));
    assert_int_equal(parse_all(&p, DEFAULT_CAP, final_hdr, raw, ONE_PIECE), WOS_OK);
    assert_int_equal(parse_all(&p, DEFAULT_CAP, final_hdr - 1u, raw, BYTE_BY_BYTE), WOS_ERR_HTTP_HEADERS_TOO_LARGE);
    assert_int_equal(parse_all(&p, DEFAULT_CAP, final_hdr - 1u, raw, ONE_PIECE), WOS_ERR_HTTP_HEADERS_TOO_LARGE);
    assert_int_equal(parse_all(&p, DEFAULT_CAP, interim - 1u, raw, 7), WOS_ERR_HTTP_HEADERS_TOO_LARGE);
    check_guard();
}

/* Skipped 1xx responses give their room back: the final response fits in
 * a buffer that could not hold everything received. */
static void interim_responses_do_not_take_room(void **state)
{
    static const char raw[] = LIMIT_1XX LIMIT_1XX LIMIT_1XX LIMIT_HDR "ok";
    size_t cap = sizeof LIMIT_HDR - 1u + 2u;
    wos_http_parser p;
    (void)state;
    assert_int_equal(parse_all(&p, cap, 0, raw, BYTE_BY_BYTE), WOS_OK);
    assert_null(view_differs(wos_http_parser_response(&p)->content_type, "text/plain"));
    assert_null(view_differs(wos_http_parser_response(&p)->body, "ok"));
    assert_int_equal(parse_all(&p, cap - 1u, 0, raw, BYTE_BY_BYTE), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(wos_http_parser_needed(&p), cap);
    check_guard();
}

/* Chunk framing gives its room back too: the body ends contiguous right
 * after the headers, and the buffer only needs room for the last line. */
static void chunked_body_is_dechunked_in_place(void **state)
{
    static const char hdr[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    static const char raw[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "4;e=abcdefgh\r\nabcd\r\n4\r\nefgh\r\n4\r\nijkl\r\n0\r\n\r\n";
    size_t cap = sizeof hdr - 1u + 12u + 3u; /* body plus "0\r\n" */
    size_t cut;
    wos_http_parser p;
    const wos_http_response *r;
    (void)state;
    assert_true(cap < sizeof raw - 1u);
    for (cut = 0; cut < 40; cut++) {
        assert_int_equal(parse_all(&p, cap, 0, raw, cut == 0 ? BYTE_BY_BYTE : cut), WOS_OK);
        r = wos_http_parser_response(&p);
        assert_ptr_equal(r->body.ptr, g_buf + sizeof hdr - 1u);
        assert_null(view_differs(r->body, "abcdefghijkl"));
        check_guard();
    }
    assert_int_equal(parse_all(&p, cap - 1u, 0, raw, BYTE_BY_BYTE), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(wos_http_parser_needed(&p), 0);
    check_guard();
}

/* After a too-large body the headers are still there to report. */
static void too_large_body_keeps_the_headers(void **state)
{
    static const char hdr[] = "HTTP/1.1 413 Too Large\r\nX-Request-ID: req_big\r\nContent-Length: 1000\r\n\r\n";
    wos_http_parser p;
    wos_str v;
    (void)state;
    assert_int_equal(parse_all(&p, 256, 0, hdr, ONE_PIECE), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(wos_http_parser_needed(&p), sizeof hdr - 1u + 1000u);
    assert_int_equal(wos_http_parser_response(&p)->status, 413);
    assert_null(view_differs(wos_http_parser_response(&p)->request_id, "req_big"));
    assert_int_equal(wos_http_parser_header(&p, "content-length", &v), WOS_OK);
    assert_null(view_differs(v, "1000"));
    assert_null(wos_http_parser_response(&p)->body.ptr);
    check_guard();
}

static void needed_saturates_for_huge_content_length(void **state)
{
    static const char raw[] = "HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\n";
    wos_http_parser p;
    uint64_t want_needed = (uint64_t)(sizeof raw - 1u) + UINT64_C(9223372036854775807);
    (void)state;
    assert_int_equal(parse_all(&p, 256, 0, raw, ONE_PIECE), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(wos_http_parser_response(&p)->content_length, INT64_MAX);
    if (sizeof(size_t) >= sizeof(uint64_t)) {
        assert_true((uint64_t)wos_http_parser_needed(&p) == want_needed);
    } else {
        assert_true(wos_http_parser_needed(&p) == SIZE_MAX);
    }
    check_guard();
}

static void header_lookup(void **state)
{
    static const char raw[] = "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                              "HTTP/1.1 200 OK\r\nX-Custom:  first value \r\nx-custom: second\r\n"
                              "Transfer-Encoding: chunked\r\nETag: \"abc\"\r\nEmpty:\r\n\r\n"
                              "3\r\nabc\r\n0\r\nX-Trailer: t\r\n\r\n";
    wos_http_parser p;
    wos_str v = WOS_STR_NULL;
    size_t cut;
    (void)state;
    for (cut = 0; cut < sizeof raw - 1u; cut += 13u) {
        assert_int_equal(parse_all(&p, DEFAULT_CAP, 0, raw, cut == 0 ? BYTE_BY_BYTE : cut), WOS_OK);
        assert_int_equal(wos_http_parser_header(&p, "X-CUSTOM", &v), WOS_OK);
        assert_null(view_differs(v, "first value"));
        assert_int_equal(wos_http_parser_header(&p, "etag", &v), WOS_OK);
        assert_null(view_differs(v, "\"abc\""));
        assert_int_equal(wos_http_parser_header(&p, "Empty", &v), WOS_OK);
        assert_null(view_differs(v, ""));
        assert_int_equal(wos_http_parser_header(&p, "transfer-encoding", &v), WOS_OK);
        assert_null(view_differs(v, "chunked"));
        v.ptr = NULL;
        assert_int_equal(wos_http_parser_header(&p, "Link", &v), WOS_ERR_NOT_FOUND); /* from the 1xx */
        assert_int_equal(wos_http_parser_header(&p, "X-Trailer", &v), WOS_ERR_NOT_FOUND);
        assert_int_equal(wos_http_parser_header(&p, "X-Custo", &v), WOS_ERR_NOT_FOUND);
        assert_int_equal(wos_http_parser_header(&p, "", &v), WOS_ERR_NOT_FOUND);
        assert_null(v.ptr);
        assert_null(view_differs(wos_http_parser_response(&p)->body, "abc"));
        check_guard();
    }
}

static void api_contract(void **state)
{
    static const char raw[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    wos_http_parser p;
    char *dst = NULL;
    size_t room = 0, used = 0;
    wos_str v;
    (void)state;
    assert_int_equal(wos_http_parser_init(NULL, g_buf, 10, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_init(&p, NULL, 10, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_space(&p, &dst, &room), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_init(&p, g_buf, 0, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_commit(&p, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_space(NULL, &dst, &room), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_commit(NULL, 1), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_eof(NULL), WOS_ERR_INVALID_ARG);
    assert_null(wos_http_parser_response(NULL));
    assert_null(wos_http_parser_leftover(NULL).ptr);
    assert_int_equal(wos_http_parser_needed(NULL), 0);
    assert_int_equal(wos_http_parser_header(NULL, "a", &v), WOS_ERR_INVALID_ARG);

    start(&p, 64, 0);
    assert_int_equal(wos_http_parser_feed(&p, NULL, 1, &used), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_feed(&p, raw, 1, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_feed(&p, NULL, 0, &used), WOS_ERR_NEED_MORE);
    assert_int_equal(wos_http_parser_space(&p, &dst, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_space(&p, &dst, &room), WOS_OK);
    assert_ptr_equal(dst, g_buf);
    assert_int_equal(room, 64);
    assert_int_equal(wos_http_parser_commit(&p, 65), WOS_ERR_INVALID_ARG); /* not sticky */
    assert_int_equal(wos_http_parser_header(&p, "a", &v), WOS_ERR_STATE);
    assert_null(wos_http_parser_leftover(&p).ptr);
    assert_int_equal(wos_http_parser_feed(&p, raw, 20, &used), WOS_ERR_NEED_MORE);
    assert_int_equal(used, 20);
    assert_int_equal(wos_http_parser_space(&p, &dst, &room), WOS_OK);
    assert_ptr_equal(dst, g_buf + 20);
    assert_int_equal(room, 44);
    assert_int_equal(wos_http_parser_header(&p, "a", &v), WOS_ERR_STATE);
    assert_int_equal(wos_http_parser_feed(&p, raw + 20, sizeof raw - 21u, &used), WOS_OK);
    assert_int_equal(wos_http_parser_space(&p, &dst, &room), WOS_ERR_STATE);
    assert_int_equal(wos_http_parser_commit(&p, 1), WOS_ERR_STATE);
    assert_int_equal(wos_http_parser_feed(&p, raw, 1, &used), WOS_ERR_STATE);
    assert_int_equal(wos_http_parser_eof(&p), WOS_OK);
    assert_int_equal(wos_http_parser_needed(&p), 0);
    assert_null(view_differs(wos_http_parser_response(&p)->body, "ok"));
    assert_int_equal(wos_http_parser_header(&p, NULL, &v), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_http_parser_header(&p, "a", NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(restart_with_leftover(&p), WOS_ERR_NEED_MORE);
    assert_int_equal(wos_http_parser_eof(&p), WOS_ERR_CLOSED);
    assert_int_equal(wos_http_parser_space(&p, &dst, &room), WOS_ERR_CLOSED); /* sticky */
    check_guard();
}

/* A NUL byte is a control byte like any other, not an end of string. */
static void nul_byte_rejected(void **state)
{
    static const char raw[] = "HTTP/1.1 200 OK\r\nX-A: a\0b\r\nContent-Length: 0\r\n\r\n";
    wos_http_parser p;
    size_t used;
    (void)state;
    start(&p, 128, 0);
    assert_int_equal(deliver(&p, 0, raw, sizeof raw - 1u, BYTE_BY_BYTE, &used), WOS_ERR_HTTP_MALFORMED);
    check_guard();
}

/* Lines are skipped a word at a time where whole words of input are there,
 * byte by byte otherwise: every byte value at every position of a long
 * line (and at the limit) must give the same result both ways, and the
 * result the rule says (tab and bytes from 0x20 up except DEL are text). */
static void word_scan_agrees_with_byte_scan(void **state)
{
    static const char base[] = "HTTP/1.1 200 OK\r\nX-Long: abcdefghijklmnopqrstuvwxyz0123456789\r\n"
                               "Content-Length: 2\r\n\r\nok";
    char raw[sizeof base];
    size_t pos, lim, used, n = sizeof base - 1u;
    size_t from = sizeof "HTTP/1.1 200 OK\r\nX-Long: a" - 1u, to = from + 34u;
    unsigned b;
    wos_http_parser p;
    wos_status one, each;
    (void)state;
    for (pos = from; pos < to; pos++) {
        for (b = 0; b < 256u; b++) {
            memcpy(raw, base, sizeof base);
            raw[pos] = (char)b;
            start(&p, DEFAULT_CAP, 0);
            one = deliver(&p, 1, raw, n, ONE_PIECE, &used);
            start(&p, DEFAULT_CAP, 0);
            each = deliver(&p, 1, raw, n, BYTE_BY_BYTE, &used);
            assert_int_equal(one, each);
            assert_int_equal(one, (b >= 0x20u && b != 0x7Fu) || b == '\t' ? WOS_OK : WOS_ERR_HTTP_MALFORMED);
        }
    }
    for (lim = 1; lim < n; lim++) {
        start(&p, DEFAULT_CAP, lim);
        one = deliver(&p, 1, base, n, ONE_PIECE, &used);
        start(&p, DEFAULT_CAP, lim);
        each = deliver(&p, 1, base, n, BYTE_BY_BYTE, &used);
        assert_int_equal(one, each);
        assert_int_equal(one, lim < n - 2u ? WOS_ERR_HTTP_HEADERS_TOO_LARGE : WOS_OK);
    }
    check_guard();
}

/* A field name is RFC 9110 tchars: every byte value inside a name, spelled
 * out here independently of the parser's tables (a ':' just ends it). */
static void field_name_bytes_are_tchars(void **state)
{
    static const char base[] = "HTTP/1.1 200 OK\r\nX-Long: v\r\nContent-Length: 0\r\n\r\n";
    char raw[sizeof base];
    size_t used, n = sizeof base - 1u, pos = sizeof "HTTP/1.1 200 OK\r\nX-L" - 1u;
    unsigned b;
    wos_http_parser p;
    (void)state;
    for (b = 0; b < 256u; b++) {
        bool tchar = (b >= '0' && b <= '9') || ((b | 0x20u) >= 'a' && (b | 0x20u) <= 'z') ||
                     (b != 0u && strchr("!#$%&'*+-.^_`|~", (int)b) != NULL);
        memcpy(raw, base, sizeof base);
        raw[pos] = (char)b;
        start(&p, DEFAULT_CAP, 0);
        assert_int_equal(deliver(&p, 1, raw, n, ONE_PIECE, &used),
                         tchar || b == ':' ? WOS_OK : WOS_ERR_HTTP_MALFORMED);
    }
    check_guard();
}

/* ------------------------------------------------------------------ */
/* Linear work. work_ counts each byte examined, line re-read and byte  */
/* moved. A parser that rescanned a line, the header section or the      */
/* buffer on each arriving byte would count about n*n/2 here.            */
/* ------------------------------------------------------------------ */

#define MEG ((size_t)1 << 20)

static size_t fill(char *dst, const char *s)
{
    size_t n = strlen(s);
    memcpy(dst, s, n);
    return n;
}

static char g_in[BIG_CAP];

/* Feed g_in[0..n) byte by byte through space()/commit(); return work_. */
static size_t work_byte_by_byte(size_t n, size_t cap, size_t max_hdr, wos_status want_st)
{
    wos_http_parser p;
    size_t used;
    start(&p, cap, max_hdr);
    assert_int_equal(deliver(&p, 1, g_in, n, BYTE_BY_BYTE, &used), want_st);
    check_guard();
    assert_true(p.work_ >= n); /* the counter does count */
    return p.work_;
}

static size_t one_long_header_line(size_t len)
{
    size_t n = fill(g_in, "HTTP/1.1 200 OK\r\nX-Long: ");
    memset(g_in + n, 'a', len);
    n += len;
    n += fill(g_in + n, "\r\nContent-Length: 0\r\n\r\n");
    return n;
}

static size_t many_short_header_lines(size_t total)
{
    size_t n = fill(g_in, "HTTP/1.1 200 OK\r\n");
    while (n < total) {
        n += fill(g_in + n, "X-A: b\r\n");
    }
    n += fill(g_in + n, "Content-Length: 0\r\n\r\n");
    return n;
}

/* Small chunks with long extensions: the unfinished chunk-size line is
 * moved down to the body end at most once, however it arrives. */
static size_t chunks_with_long_extensions(size_t total)
{
    size_t n = fill(g_in, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    while (n < total) {
        n += fill(g_in + n, "1;");
        memset(g_in + n, 'e', 1000);
        n += 1000u;
        n += fill(g_in + n, "\r\nx\r\n");
    }
    n += fill(g_in + n, "0\r\n\r\n");
    return n;
}

static size_t many_interim_responses(size_t total)
{
    size_t n = 0;
    while (n < total) {
        n += fill(g_in + n, "HTTP/1.1 100 Continue\r\n\r\n");
    }
    n += fill(g_in + n, "HTTP/1.1 204 No Content\r\n\r\n");
    return n;
}

/* Byte by byte, at 64 KiB first (so that a quadratic parser fails fast
 * instead of running for hours), then at 1 MiB. */
static void work_is_linear_byte_by_byte(void **state)
{
    size_t size, n, w;
    (void)state;
    for (size = MEG / 16u; size <= MEG; size *= 16u) {
        n = one_long_header_line(size);
        w = work_byte_by_byte(n, BIG_CAP, 2u * MEG, WOS_OK);
        assert_true(w <= 3u * n);

        n = many_short_header_lines(size);
        w = work_byte_by_byte(n, BIG_CAP, 2u * MEG, WOS_OK);
        assert_true(w <= 3u * n);

        n = chunks_with_long_extensions(size);
        w = work_byte_by_byte(n, 64u * 1024u, 0, WOS_OK);
        assert_true(w <= 4u * n);

        n = many_interim_responses(size);
        w = work_byte_by_byte(n, 4096, 0, WOS_OK);
        assert_true(w <= 4u * n);
    }
}

/* Many 1xx responses or chunks arriving in one large piece: dropping each
 * 1xx by moving everything behind it would be quadratic. */
static void work_is_linear_in_large_pieces(void **state)
{
    wos_http_parser p;
    size_t n, used;
    (void)state;
    n = many_interim_responses(MEG);
    start(&p, BIG_CAP, 0);
    assert_int_equal(deliver(&p, 1, g_in, n, ONE_PIECE, &used), WOS_OK);
    assert_int_equal(wos_http_parser_response(&p)->status, 204);
    assert_true(p.work_ <= 4u * n);
    check_guard();

    n = chunks_with_long_extensions(MEG);
    start(&p, BIG_CAP, 0);
    assert_int_equal(deliver(&p, 0, g_in, n, 4093, &used), WOS_OK);
    assert_true(p.work_ <= 4u * n);
    check_guard();
}

/* The same input twice as long costs twice the work, not four times. */
static void work_doubles_with_input(void **state)
{
    size_t w1, w2;
    (void)state;
    w1 = work_byte_by_byte(one_long_header_line(MEG / 4u), BIG_CAP, MEG, WOS_OK);
    w2 = work_byte_by_byte(one_long_header_line(MEG / 2u), BIG_CAP, MEG, WOS_OK);
    assert_true(w2 < w1 * 21u / 10u);
    w1 = work_byte_by_byte(chunks_with_long_extensions(MEG / 4u), 8192, 0, WOS_OK);
    w2 = work_byte_by_byte(chunks_with_long_extensions(MEG / 2u), 8192, 0, WOS_OK);
    assert_true(w2 < w1 * 21u / 10u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_split_gives_the_table_result),
        cmocka_unit_test(keep_alive_pipeline),
        cmocka_unit_test(leftover_fed_back_from_own_buffer),
        cmocka_unit_test(header_limit_is_exact_and_per_response),
        cmocka_unit_test(interim_responses_do_not_take_room),
        cmocka_unit_test(chunked_body_is_dechunked_in_place),
        cmocka_unit_test(too_large_body_keeps_the_headers),
        cmocka_unit_test(needed_saturates_for_huge_content_length),
        cmocka_unit_test(header_lookup),
        cmocka_unit_test(api_contract),
        cmocka_unit_test(nul_byte_rejected),
        cmocka_unit_test(word_scan_agrees_with_byte_scan),
        cmocka_unit_test(field_name_bytes_are_tchars),
        cmocka_unit_test(work_is_linear_byte_by_byte),
        cmocka_unit_test(work_is_linear_in_large_pieces),
        cmocka_unit_test(work_doubles_with_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

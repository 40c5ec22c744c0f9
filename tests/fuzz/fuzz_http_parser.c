/* SPDX-License-Identifier: MIT */
/* libFuzzer target for the HTTP response parser.
 *
 * Input: byte 0 picks the path (feed or space/commit), the buffer size and
 * the header limit; bytes 1-2 seed the piece sizes; the rest is the
 * response. The oracle is differential: the input delivered in pieces must
 * give exactly the result of the same input in one piece (status, every
 * field, the bytes used), guard bytes after the buffer stay untouched, and
 * the leftover of a completed response parses again as the next one.
 *
 * Build: clang -fsanitize=fuzzer,address,undefined -Iinclude \
 *        tests/fuzz/fuzz_http_parser.c src/http_*.c src/str.c src/time.c
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "wos_http_parser.h"

#define CAP_MAX 4096u
#define GUARD 16u

static char g_one[CAP_MAX + GUARD];
static char g_split[CAP_MAX + GUARD];

#define CHECK(c)                                                                                                      \
    do {                                                                                                              \
        if (!(c)) {                                                                                                   \
            __builtin_trap();                                                                                         \
        }                                                                                                             \
    } while (0)

typedef struct run {
    wos_http_parser p;
    char *buf;
    size_t cap, max_hdr;
    wos_status st;
    size_t used; /* bytes of the input that belong to the response */
} run;

static uint32_t next_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* Receive data[0..n) the zero-copy way, in pieces of at most `piece`. */
static wos_status by_commit(run *r, const char *data, size_t n, size_t piece)
{
    wos_status st = WOS_ERR_NEED_MORE;
    size_t done = 0;
    while (done < n && st == WOS_ERR_NEED_MORE) {
        char *dst;
        size_t room, k;
        st = wos_http_parser_space(&r->p, &dst, &room);
        if (st != WOS_OK) {
            return st;
        }
        CHECK(room > 0u && dst >= r->buf);
        k = n - done < room ? n - done : room;
        k = k < piece ? k : piece;
        memcpy(dst, data + done, k);
        done += k;
        r->used += k;
        st = wos_http_parser_commit(&r->p, k);
    }
    if (st == WOS_OK) {
        r->used -= wos_http_parser_leftover(&r->p).len;
    }
    return st;
}

/* Deliver data in pieces whose sizes come from seed (0: one piece). */
static void deliver(run *r, char *buf, size_t cap, size_t max_hdr, const char *data, size_t n, uint32_t seed,
                    int via_commit)
{
    size_t off = 0;
    r->buf = buf;
    r->cap = cap;
    r->max_hdr = max_hdr;
    r->used = 0;
    r->st = WOS_ERR_NEED_MORE;
    memset(buf + cap, 0xA5, GUARD);
    CHECK(wos_http_parser_init(&r->p, buf, cap, max_hdr) == WOS_OK);
    while (off < n && r->st == WOS_ERR_NEED_MORE) {
        size_t len = seed == 0u ? n - off : 1u + next_rand(&seed) % 64u, u = 0;
        len = len < n - off ? len : n - off;
        if (via_commit) {
            r->st = by_commit(r, data + off, len, len);
        } else {
            r->st = wos_http_parser_feed(&r->p, data + off, len, &u);
            r->used += u;
        }
        off += len;
    }
    if (r->st == WOS_ERR_NEED_MORE) {
        r->st = wos_http_parser_eof(&r->p);
    }
    for (off = 0; off < GUARD; off++) {
        CHECK((unsigned char)buf[cap + off] == 0xA5u);
    }
}

/* Same bytes; not the same place, since skipped 1xx responses are dropped
 * from the buffer only between pieces. */
static void same_view(wos_str a, wos_str b)
{
    CHECK((a.ptr == NULL) == (b.ptr == NULL));
    if (a.ptr != NULL) {
        CHECK(a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0);
    }
}

static void same_result(const run *a, const run *b)
{
    const wos_http_response *x = wos_http_parser_response(&a->p), *y = wos_http_parser_response(&b->p);
    CHECK(a->st == b->st);
    CHECK(wos_http_parser_needed(&a->p) == wos_http_parser_needed(&b->p));
    if (a->st != WOS_OK) {
        return;
    }
    CHECK(a->used == b->used);
    CHECK(x->status == y->status && x->content_length == y->content_length && x->keep_alive == y->keep_alive);
    CHECK(x->retry_after_s == y->retry_after_s && x->retry_after_at == y->retry_after_at && x->date == y->date);
    same_view(x->content_type, y->content_type);
    same_view(x->request_id, y->request_id);
    same_view(x->body, y->body);
}

/* The documented keep-alive step must work on whatever follows. */
static void parse_leftover(run *r)
{
    wos_str lo = wos_http_parser_leftover(&r->p), v;
    size_t used = 0;
    wos_status st;
    CHECK(lo.ptr != NULL);
    CHECK(wos_http_parser_header(&r->p, "content-type", &v) != WOS_ERR_STATE);
    CHECK(wos_http_parser_init(&r->p, r->buf, r->cap, r->max_hdr) == WOS_OK);
    st = wos_http_parser_feed(&r->p, lo.ptr, lo.len, &used);
    CHECK(used <= lo.len);
    if (st == WOS_ERR_NEED_MORE) {
        (void)wos_http_parser_eof(&r->p);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static run one, split;
    size_t cap, max_hdr;
    uint32_t seed;
    int via_commit;
    if (size < 3u) {
        return 0;
    }
    via_commit = data[0] & 1;
    cap = (size_t)64u << ((data[0] >> 1) & 3u);       /* 64..512 */
    if ((data[0] & 0x08u) != 0u) {
        cap = CAP_MAX;
    }
    max_hdr = (data[0] & 0x10u) != 0u ? (size_t)32u + (data[0] >> 5) * 16u : 0u;
    seed = (uint32_t)data[1] << 8 | data[2] | 1u;
    deliver(&one, g_one, cap, max_hdr, (const char *)data + 3, size - 3u, 0, 1);
    deliver(&split, g_split, cap, max_hdr, (const char *)data + 3, size - 3u, seed, via_commit);
    same_result(&one, &split);
    if (split.st == WOS_OK) {
        parse_leftover(&split);
    }
    return 0;
}

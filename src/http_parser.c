/* SPDX-License-Identifier: MIT */
/* The HTTP response parser: receiving into the buffer, finding lines
 * without ever rescanning, the status and chunk-size lines (the framing),
 * the state machine, bodies, in-place de-chunking and the public calls. It
 * alone changes its state; what a header line says comes from the
 * functions of http_fields.c, which only return it. */
#include "http_internal.h"

#include <string.h>

#include "scan.h"
#include "wos_time.h"

/* The status line (CRLF excluded): its code (100..599 but 101), and
 * WOS_HTTP_F_HTTP10 added to flags when it is HTTP/1.0.
 * WOS_ERR_HTTP_MALFORMED when it is not one (nothing written). Here rather
 * than with the header fields: static, it is inlined into its one caller. */
static wos_status status_line(const char *s, size_t n, int *out_code, wos_http_small_ *flags)
{
    int code = 0;
    size_t i;
    unsigned minor;
    if (n < 12u || memcmp(s, "HTTP/1.", 7) != 0) {
        return WOS_ERR_HTTP_MALFORMED;
    }
    minor = (unsigned)(unsigned char)s[7] - (unsigned)'0'; /* read once: the stores below may alias it */
    if (minor > 1u || s[8] != ' ' || (n > 12u && s[12] != ' ')) {
        return WOS_ERR_HTTP_MALFORMED;
    }
    for (i = 9; i < 12u; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - (unsigned)'0';
        if (d > 9u) {
            return WOS_ERR_HTTP_MALFORMED;
        }
        code = code * 10 + (int)d;
    }
    if (code < 100 || code > 599 || code == 101) { /* we never ask to switch protocols */
        return WOS_ERR_HTTP_MALFORMED;
    }
    *out_code = code;
    *flags |= (wos_http_small_)((minor ^ 1u) * WOS_HTTP_F_HTTP10); /* minor is 0 or 1 */
    return WOS_OK;
}

/* chunk-size [BWS ; extensions]: extensions are ignored. A size over 16
 * significant hex digits overflows 64 bits (framing); one that does not
 * fit size_t is saturated, as it fits no buffer either. */
static wos_status chunk_size(const char *s, size_t n, size_t *out_size)
{
    size_t v = 0, i = 0;
    unsigned sig = 0;
    int d;
    for (; i < n && (d = wos_scan_hex(s[i])) >= 0; i++) {
        sig += (v | (size_t)d) != 0u;
        if (sig > 16u) {
            return WOS_ERR_HTTP_FRAMING;
        }
        v = v > SIZE_MAX >> 4 ? SIZE_MAX : v << 4 | (size_t)d;
    }
    while (i > 0u && i < n && (s[i] == ' ' || s[i] == '\t')) {
        i++;
    }
    if (i == 0u || (i < n && s[i] != ';')) {
        return WOS_ERR_HTTP_FRAMING;
    }
    *out_size = v;
    return WOS_OK;
}

static wos_status fail(wos_http_parser *p, wos_status st)
{
    p->err_ = (wos_http_small_)st;
    return st;
}

/* reset_response() sets the three int64_t members from content_length up
 * to date to -1 at once: they must be exactly those. */
#define WOS_HTTP_OFF(m) offsetof(wos_http_response, m)
typedef char wos_http_minus_one_members[WOS_HTTP_OFF(date) - WOS_HTTP_OFF(content_length) == 3u * sizeof(int64_t) &&
                                                WOS_HTTP_OFF(retry_after_s) > WOS_HTTP_OFF(content_length) &&
                                                WOS_HTTP_OFF(retry_after_at) > WOS_HTTP_OFF(retry_after_s) &&
                                                WOS_HTTP_OFF(date) > WOS_HTTP_OFF(retry_after_at)
                                            ? 1
                                            : -1];

/* Expect a status line at pos_ and forget what earlier headers said
 * (start, or after a 1xx response). */
WOS_HTTP_NOINLINE static void reset_response(wos_http_parser *p)
{
    wos_http_response *r = &p->resp_;
    memset(r, 0, sizeof *r);
    /* content_length, retry_after_s, retry_after_at: -1 (int64_t is two's
     * complement), the three adjacent members, in one call. */
    memset(&r->content_length, 0xFF, WOS_HTTP_OFF(date) - WOS_HTTP_OFF(content_length));
    p->flags_ = 0;
    p->state_ = WOS_HTTP_ST_HEADER;
    p->hdr_ = p->pos_;
}

/* Mark the response complete: the body is [body_, out_). From then on
 * err_ holds WOS_ERR_STATE, what any call that takes input returns, so
 * those calls test err_ alone. */
static void finish(wos_http_parser *p)
{
    p->resp_.body.ptr = p->buf_ + p->body_;
    p->resp_.body.len = p->out_ - p->body_;
    p->state_ = WOS_HTTP_ST_DONE;
    p->err_ = (wos_http_small_)WOS_ERR_STATE;
}

/* The body must fit after the header section; the buffer may still hold
 * skipped 1xx responses, which are dropped before the body arrives. */
static wos_status cl_body(wos_http_parser *p)
{
    uint64_t need = (uint64_t)(p->body_ - p->hdr_) + (uint64_t)p->resp_.content_length;
    p->state_ = WOS_HTTP_ST_BODY;
    if (need > (uint64_t)p->cap_) {
        p->left_ = (uint64_t)(size_t)need == need ? (size_t)need : SIZE_MAX;
        return WOS_ERR_BUFFER_TOO_SMALL;
    }
    p->left_ = (size_t)p->resp_.content_length;
    if (p->left_ == 0u) {
        finish(p);
    }
    return WOS_OK;
}

static wos_status headers_done(wos_http_parser *p)
{
    wos_http_response *r = &p->resp_;
    unsigned f = p->flags_;
    int status = r->status; /* read once: the stores below may alias it */
    if ((f & WOS_HTTP_F_CHUNKED) != 0u && r->content_length >= 0) {
        return WOS_ERR_HTTP_FRAMING;
    }
    if (status < 200) { /* interim: the real one follows */
        reset_response(p);
        return WOS_OK;
    }
    /* An absent Date (ptr NULL) does not parse; a Date that does not parse
     * leaves retry_after_s untouched (-1, as retry_after_at is set). */
    if (r->retry_after_at >= 0 &&
        wos_time_parse_http_date(r->date.ptr, r->date.len, &r->retry_after_s) == WOS_OK) {
        r->retry_after_s = r->retry_after_at - r->retry_after_s;
        if (r->retry_after_s < 0) {
            r->retry_after_s = 0;
        }
        r->retry_after_at = -1;
    }
    r->keep_alive = (f & WOS_HTTP_F_CLOSE) == 0u &&
                    ((f & WOS_HTTP_F_HTTP10) == 0u || (f & WOS_HTTP_F_KEEPALIVE) != 0u);
    p->body_ = p->out_ = p->pos_;
    if (status == 204 || status == 304) {
        finish(p);
    } else if ((f & WOS_HTTP_F_CHUNKED) != 0u) {
        p->state_ = WOS_HTTP_ST_CHUNK_SIZE;
    } else if (r->content_length >= 0) {
        return cl_body(p);
    } else {
        r->keep_alive = false; /* only the close tells where the body ends */
        p->state_ = WOS_HTTP_ST_BODY;
        p->flags_ |= WOS_HTTP_F_UNTIL_CLOSE;
        p->left_ = SIZE_MAX; /* more than any buffer holds: never reaches 0 */
    }
    return WOS_OK;
}

/* Act on one complete line (CRLF excluded) in the current line state. */
static wos_status on_line(wos_http_parser *p, const char *s, size_t n)
{
    size_t size = 0;
    wos_status st;
    switch (p->state_) {
    case WOS_HTTP_ST_HEADER: /* the status line first */
        if (p->resp_.status == 0) { /* 0 until the status line is read */
            return status_line(s, n, &p->resp_.status, &p->flags_);
        }
        return n == 0u ? headers_done(p) : wos_http_header(s, n, &p->resp_, &p->flags_);
    case WOS_HTTP_ST_CHUNK_SIZE:
        st = chunk_size(s, n, &size);
        if (st != WOS_OK) {
            return st;
        }
        p->left_ = 0; /* too big: the size needed is unknown */
        /* Room after the final response's headers: skipped 1xx bytes before
         * hdr_ are dropped before the data lands, as for Content-Length. */
        if (size > p->cap_ - (p->out_ - p->hdr_)) {
            return WOS_ERR_BUFFER_TOO_SMALL;
        }
        p->state_ = size == 0u ? WOS_HTTP_ST_TRAILER : WOS_HTTP_ST_BODY;
        p->left_ = size;
        return WOS_OK;
    case WOS_HTTP_ST_CHUNK_END: /* "\r\n": line_step() checked the CR */
        p->state_ = WOS_HTTP_ST_CHUNK_SIZE;
        return WOS_OK;
    default: /* trailer fields are checked, never used; left_ counts their bytes */
        p->left_ += n + 2u;
        if (n == 0u) {
            finish(p);
            return WOS_OK;
        }
        return wos_http_check_field(s);
    }
}

wos_status wos_http_parser_init(wos_http_parser *p, char *buf, size_t cap, size_t max_header_bytes)
{
    if (p == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(p, 0, sizeof *p);
    reset_response(p);
    p->buf_ = buf;
    p->cap_ = cap;
    p->max_hdr_ = max_header_bytes != 0u ? max_header_bytes : WOS_HTTP_MAX_HEADER_BYTES;
    if (buf == NULL || cap == 0u) {
        return fail(p, WOS_ERR_INVALID_ARG);
    }
    return WOS_OK;
}

/* Advance pos_ to the end of the line that starts at line_, examining each
 * byte once. Bytes at or past base + lim are over the size limit. OK: a
 * CRLF-terminated line ends at pos_; NEED_MORE: all input examined. After
 * an ordinary byte, the run of ordinary bytes that follows (up to the
 * limit) is skipped by wos_scan_text(), a word at a time. */
static wos_status scan_line(wos_http_parser *p, size_t base, size_t lim)
{
    const char *b = p->buf_;
    size_t i = p->pos_, end = p->len_;
    wos_status st = WOS_ERR_NEED_MORE;
    if (end - base > lim) { /* base <= pos_ <= len_; the limit falls inside */
        end = base + lim;
        st = WOS_ERR_HTTP_HEADERS_TOO_LARGE;
    }
    while (i < end) {
        unsigned char c = (unsigned char)b[i];
        if ((i > p->line_ && b[i - 1u] == '\r') != (c == '\n') ||
            (c < 0x20u && ((0xFFFFD9FFu >> c) & 1u) != 0u) || c == 0x7Fu) { /* all but tab, LF, CR */
            st = WOS_ERR_HTTP_MALFORMED; /* bare CR, bare LF or a control byte */
            break;
        }
        i++;
        if (c == '\n') {
            st = WOS_OK;
            break;
        }
        if (c != '\r') {
            i += wos_scan_text(b + i, end - i);
        }
    }
    WOS_HTTP_WORK(p, i - p->pos_);
    p->pos_ = i;
    return st;
}

static wos_status line_step(wos_http_parser *p)
{
    size_t base = p->line_, lim = SIZE_MAX, n;
    wos_status st;
    if (p->state_ <= WOS_HTTP_ST_HEADER) { /* the whole section counts */
        base = p->hdr_;
        lim = p->max_hdr_;
    } else if (p->state_ == WOS_HTTP_ST_TRAILER) {
        lim = p->max_hdr_ - p->left_;
    } else if (p->state_ == WOS_HTTP_ST_CHUNK_END && p->pos_ == base && p->buf_[base] != '\r') {
        return WOS_ERR_HTTP_FRAMING; /* not CR: fail now, not when a line ends */
    }
    st = scan_line(p, base, lim);
    if (st == WOS_OK) {
        const char *s = p->buf_ + p->line_;
        n = p->pos_ - p->line_;
        WOS_HTTP_WORK(p, n); /* the line is read once more to interpret it */
        p->line_ = p->pos_;
        return on_line(p, s, n - 2u);
    }
    if (st == WOS_ERR_NEED_MORE) {
        st = WOS_OK;
    } else if (st == WOS_ERR_HTTP_MALFORMED &&
               (unsigned)p->state_ - WOS_HTTP_ST_CHUNK_SIZE <= WOS_HTTP_ST_CHUNK_END - WOS_HTTP_ST_CHUNK_SIZE) {
        st = WOS_ERR_HTTP_FRAMING; /* a bad byte in a chunk-size line or after chunk data */
    }
    return st;
}

static size_t take(const wos_http_parser *p)
{
    size_t avail = p->len_ - p->pos_;
    return avail < p->left_ ? avail : p->left_;
}

/* Consume input in the current state; WOS_OK means progress was made. */
WOS_HTTP_OS_NOINLINE static wos_status step(wos_http_parser *p)
{
    size_t n;
    switch (p->state_) {
    case WOS_HTTP_ST_BODY: /* de-chunk: close up behind the body; else out_ == pos_ */
        n = take(p);
        if (p->out_ != p->pos_) {
            memmove(p->buf_ + p->out_, p->buf_ + p->pos_, n);
            WOS_HTTP_WORK(p, n);
        }
        p->out_ += n;
        p->pos_ += n;
        p->line_ = p->pos_;
        p->left_ -= n;
        if (p->left_ == 0u) {
            if ((p->flags_ & WOS_HTTP_F_CHUNKED) == 0u) {
                finish(p);
            } else {
                p->state_ = WOS_HTTP_ST_CHUNK_END;
            }
        }
        return WOS_OK;
    default:
        return line_step(p);
    }
}

/* Drop buf[a..b), a < b (consumed bytes nobody will look at again), by
 * moving the rest of the buffer down: len_, pos_ and line_ lie at or past
 * b in both of compact()'s calls. */
WOS_HTTP_NOINLINE static void close_gap(wos_http_parser *p, size_t a, size_t b)
{
    size_t d = b - a;
    memmove(p->buf_ + a, p->buf_ + b, p->len_ - b);
    WOS_HTTP_WORK(p, p->len_ - b);
    p->len_ -= d;
    p->pos_ -= d;
    p->line_ -= d;
}

static void shift_view(wos_str *v, size_t d)
{
    if (v->ptr != NULL) {
        v->ptr -= d;
    }
}

/* Once per commit, give the room taken by consumed chunk framing and by
 * skipped 1xx responses back to the transport: [out_, line_) holds framing
 * already consumed (line_ is where the unconsumed bytes start, in every
 * body state), [0, hdr_) holds interim responses. Only bytes of the
 * unfinished line (moved once per line) or of this commit (after a 1xx)
 * move, so the work stays linear. The final response's header section
 * starts at hdr_ and ends at body_ <= out_: every view points into it, so
 * the framing gap moves none of them and the 1xx gap moves every one that
 * is set; body_ and out_ are set (and move) once the headers are parsed. */
static void compact(wos_http_parser *p)
{
    size_t d = p->hdr_;
    bool body = p->state_ > WOS_HTTP_ST_HEADER;
    /* The tests stay here: most commits have no gap to close. */
    if (body && p->line_ != p->out_) {
        close_gap(p, p->out_, p->line_);
    }
    if (d != 0u) {
        close_gap(p, 0, d);
        shift_view(&p->resp_.content_type, d);
        shift_view(&p->resp_.request_id, d);
        shift_view(&p->resp_.date, d);
        p->hdr_ = 0;
        if (body) {
            p->body_ -= d;
            p->out_ -= d;
        }
    }
}

wos_status wos_http_parser_space(wos_http_parser *p, char **out_ptr, size_t *out_len)
{
    if (p == NULL || out_ptr == NULL || out_len == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (p->err_ != 0u) { /* WOS_ERR_STATE once complete */
        return (wos_status)p->err_;
    }
    *out_ptr = p->buf_ + p->len_;
    *out_len = p->cap_ - p->len_;
    return WOS_OK;
}

wos_status wos_http_parser_commit(wos_http_parser *p, size_t n)
{
    wos_status st = WOS_OK;
    if (p == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (p->err_ != 0u) { /* WOS_ERR_STATE once complete */
        return (wos_status)p->err_;
    }
    if (n > p->cap_ - p->len_) {
        return WOS_ERR_INVALID_ARG;
    }
    p->len_ += n;
    while (st == WOS_OK && p->state_ != WOS_HTTP_ST_DONE && p->pos_ < p->len_) {
        st = step(p);
    }
    if (st == WOS_OK && p->state_ != WOS_HTTP_ST_DONE) {
        compact(p);
        st = WOS_ERR_NEED_MORE;
        if (p->len_ == p->cap_) { /* no room left, and the response goes on */
            p->left_ = 0;
            st = WOS_ERR_BUFFER_TOO_SMALL;
        }
    }
    if (st != WOS_OK && st != WOS_ERR_NEED_MORE) {
        fail(p, st);
    }
    return st;
}

wos_status wos_http_parser_feed(wos_http_parser *p, const char *data, size_t len, size_t *out_used)
{
    size_t used = 0, room; /* room and dst: set by wos_http_parser_space() before any use */
    char *dst;
    wos_status st;
    if (p == NULL || out_used == NULL || (data == NULL && len != 0u)) {
        return WOS_ERR_INVALID_ARG;
    }
    do {
        size_t k;
        st = wos_http_parser_space(p, &dst, &room);
        if (st != WOS_OK) {
            break;
        }
        k = len - used < room ? len - used : room;
        if (k != 0u) {
            memmove(dst, data + used, k);
        }
        used += k;
        st = wos_http_parser_commit(p, k);
    } while (st == WOS_ERR_NEED_MORE && used < len);
    if (st == WOS_OK) {
        used -= p->len_ - p->pos_; /* the leftover came from this call */
    }
    *out_used = used;
    return st;
}

wos_status wos_http_parser_eof(wos_http_parser *p)
{
    if (p == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (p->err_ == 0u) { /* neither failed nor complete: the close ends it */
        if ((p->flags_ & WOS_HTTP_F_UNTIL_CLOSE) != 0u) { /* set in the body state only */
            finish(p);
        } else {
            (void)fail(p, WOS_ERR_CLOSED);
        }
    }
    /* err_ is WOS_ERR_STATE once complete, else the error */
    return p->state_ == WOS_HTTP_ST_DONE ? WOS_OK : (wos_status)p->err_;
}

const wos_http_response *wos_http_parser_response(const wos_http_parser *p)
{
    return p != NULL ? &p->resp_ : NULL;
}

wos_str wos_http_parser_leftover(const wos_http_parser *p)
{
    wos_str v = WOS_STR_NULL;
    if (p != NULL && p->state_ == WOS_HTTP_ST_DONE) {
        v.ptr = p->buf_ + p->pos_;
        v.len = p->len_ - p->pos_;
    }
    return v;
}

size_t wos_http_parser_needed(const wos_http_parser *p)
{
    return p != NULL && p->err_ == (wos_http_small_)WOS_ERR_BUFFER_TOO_SMALL ? p->left_ : 0u;
}

wos_status wos_http_parser_header(const wos_http_parser *p, const char *name, wos_str *out_value)
{
    wos_str want, k, v;
    size_t i, start;
    if (p == NULL || name == NULL || out_value == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (p->state_ <= WOS_HTTP_ST_HEADER) {
        return WOS_ERR_STATE;
    }
    want = wos_str_c(name);
    /* The section was validated: every line ends in CRLF, and neither the
     * status line nor the blank line splits into a name and a value. */
    for (start = i = p->hdr_; i < p->body_; i++) {
        if (p->buf_[i] == '\n') {
            if (wos_http_split_field(p->buf_ + start, i - 1u - start, &k, &v) == WOS_OK &&
                wos_str_ieq(k, want)) {
                *out_value = v;
                return WOS_OK;
            }
            start = i + 1u;
        }
    }
    return WOS_ERR_NOT_FOUND;
}

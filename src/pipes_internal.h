/* SPDX-License-Identifier: MIT */
/* Shared by the Pipes decoders. Internal. */
#ifndef WOS_PIPES_INTERNAL_H
#define WOS_PIPES_INTERNAL_H

#include "wos_pipes.h"

#include <stddef.h>

#include "pipes_keys.h"

/*
 * Common first step of every decoder: out (out_size bytes) is cleared; a
 * non-2xx status becomes WOS_ERR_HTTP_STATUS with err filled (err may be
 * NULL); a 2xx body is parsed into doc (r->tokens_needed set on
 * WOS_ERR_JSON_TOKENS). WOS_ERR_INVALID_ARG for a NULL out or reply.
 */
WOS_NODISCARD wos_status wos_pipes_reply_json(wos_pipes_reply *r, void *out, size_t out_size, wos_json *doc,
                                wos_api_error *err);

/* Kinds of member values, for wos_pipes_decode_value() and the decoder tables. */
/* In this order: the ones that refuse null first, the views last (ranges
 * are compared in wos_pipes_decode_value()). */
enum wos_pipes_kind {
    K_STR,  /* string */
    K_BOOL, /* true/false */
    K_NSTR, /* string or null (absent view) */
    K_TSTR, /* string or null into a wos_opt_str: absent, null and a value kept apart */
    K_TIME, /* RFC 3339 string or null, into a wos_timestamp */
    K_MAP,  /* object of strings, or null (tok -1) */
    K_STRS, /* array of strings, or null (tok -1) */
    K_OBJ   /* nested object or null; the struct at off starts with `bool present` */
};
/* A view's kind less K_TIME is the JSON type it holds. */
typedef char wos_pipes_view_kinds[K_MAP - K_TIME == WOS_JSON_OBJECT && K_STRS - K_TIME == WOS_JSON_ARRAY
                                      ? 1 : -1];

/* A decoder table: the members of one object, by key, kind and offset. */
typedef struct table table;

/* Three bytes a member: the offset (< 4096, checked by F()) split over a byte
 * and the low half of kind_hi, whose high half is the kind. */
typedef struct field {
    uint8_t key;     /* WK_* (pipes_keys.h) */
    uint8_t off_lo;  /* of the member in the result struct: off_lo | (kind_hi & 15) << 8 */
    uint8_t kind_hi; /* K_* << 4; K_OBJ + i: a nested object decoded by table subs[i] */
} field;
#define FIELD_OFF(fd) ((size_t)(fd)->off_lo | (size_t)((fd)->kind_hi & 15u) << 8)
#define FIELD_KIND(fd) ((uint8_t)((fd)->kind_hi >> 4))

struct table {
    const field *f;
    const table *subs; /* the nested objects' tables; they hold none */
    uint8_t n;
    uint8_t required; /* bit i: f[i] must be present */
};

#define F_OFF(type, member) \
    (offsetof(type, member) + 0u * sizeof(char[offsetof(type, member) < 4096u ? 1 : -1]))
#define F(type, k, member, kind_) \
    { .key = WK_##k, .off_lo = (uint8_t)(F_OFF(type, member) & 255u), \
      .kind_hi = (uint8_t)((kind_) << 4 | F_OFF(type, member) >> 8) }
#define FO(type, k, member, sub_) F(type, k, member, K_OBJ + (sub_))
#define T(arr, req) { arr, NULL, (uint8_t)(sizeof arr / sizeof arr[0]), req }
#define TS(arr, subs_, req) { arr, subs_, (uint8_t)(sizeof arr / sizeof arr[0]), req }

/*
 * Decode (or, with base NULL, only check) the object at obj by table t.
 * Unknown members are skipped; of duplicates the last wins; a missing
 * required member or a value of the wrong kind is WOS_ERR_JSON_SHAPE.
 */
WOS_NODISCARD wos_status wos_pipes_decode_object(wos_json *doc, int obj, const table *t, char *base);

/* The decoder table of a data integration (pipes_decode.c). */
extern const table wos_pipes_integration_t;

/* The "data" array of the list answer in doc: its token and item count,
 * every item checked by t (pipes_items.c). */
WOS_NODISCARD wos_status wos_pipes_data(wos_json *doc, const table *t, int *data_tok, unsigned *count);

/* A reply whose JSON is one object of table t: out (size bytes) cleared,
 * then decoded as wos_pipes_reply_json() and wos_pipes_decode_object() do. */
WOS_NODISCARD wos_status wos_pipes_decode_one(wos_pipes_reply *r, void *out, size_t size,
                                              wos_api_error *err, const table *t);

/* The "data" array of a list answer, every item checked by t (pipes_items.c). */
WOS_NODISCARD wos_status wos_pipes_decode_items(wos_pipes_reply *r, wos_pipes_items *out,
                                                wos_api_error *err, const table *t);

/* Item idx of a list decoded by t into out (size bytes, cleared first). */
WOS_NODISCARD wos_status wos_pipes_item(const wos_pipes_items *list, unsigned idx, const table *t,
                                        void *out, size_t size);

/*
 * Decode the value at token v, of any kind but K_OBJ, into dst (a wos_str,
 * bool, wos_timestamp or wos_json_view). A null list or map is a view with
 * tok -1; other nulls leave dst as it was; a null K_STR or K_BOOL is refused.
 */
WOS_NODISCARD wos_status wos_pipes_decode_value(wos_json *doc, int v, uint8_t kind, char *dst);

/* A time member's value at token v: null leaves ts zero; else RFC 3339 text. */
WOS_NODISCARD wos_status wos_pipes_decode_time(wos_json *doc, int v, wos_timestamp *ts);

/* A string array (want WOS_JSON_ARRAY) or string map (WOS_JSON_OBJECT) at
 * token v into lv: null is a view with tok -1; every string is decoded now. */
WOS_NODISCARD wos_status wos_pipes_decode_strings(wos_json *doc, int v, wos_json_type want,
                                                  wos_json_view *lv);

/* A token's or credential's reason from the error text e, len bytes
 * (pipes_token.c). Not a wos_str: a struct argument is spilled to the stack. */
wos_token_reason wos_pipes_token_reason(const char *e, size_t len);

/* 1 + the index of s in names (NULL-terminated), or 0 for any other string (pipes_accounts.c). */
int wos_pipes_enum_of(wos_str s, const char *const *names);

/* Decode the data integration object at token obj into out (cleared first). */
WOS_NODISCARD wos_status wos_pipes_decode_integration_at(wos_json *doc, int obj, wos_data_integration *out);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * The table-driven request body encoder (pipes_request.c) and the path
 * specs of the operations of wos_pipes_connect.h: each resource family's
 * file (pipes_<family>.c) holds its tables, specs and descriptors, and
 * this one loop writes and checks them all. Internal.
 */
#ifndef WOS_PIPES_ENCODE_H
#define WOS_PIPES_ENCODE_H

#include <stddef.h>

#include "pipes_keys.h"
#include "pipes_ops.h"

/* Kept out of line where inlining would copy a function into a deeper frame. */
#if defined(__GNUC__) || defined(__clang__)
#define WOS_PIPES_NOINLINE __attribute__((noinline))
#else
#define WOS_PIPES_NOINLINE
#endif

enum pkind {
    P_STR,  /* wos_str, omitted when ptr is NULL */
    P_OPT,  /* wos_opt_str: omitted, null or value */
    P_BOOL, /* wos_opt_bool */
    P_LIST, /* wos_str_list */
    P_MAP,  /* wos_str_map */
    P_OBJ,  /* nested params struct, present when its first wos_str is set */
    P_PTR   /* pointer to a nested params struct, present when non-NULL */
};

/* Checks of a member the writer cannot make: bits of pfield.kind above the P_* kind. */
enum {
    PF_REQ = 8u, /* must be set (ptr not NULL) */
    PF_ID = 16u  /* an id: non-empty UTF-8 when set */
};
#define PF_KIND 7u   /* pfield.kind & PF_KIND: the P_* kind */
#define PF_SUB_SHIFT 5 /* P_OBJ, P_PTR: kind >> PF_SUB_SHIFT is the nested table's index in subs */

typedef struct ptable ptable;

/* Three bytes a member: every params struct is smaller than 256 bytes (P() checks). */
typedef struct pfield {
    uint8_t off;  /* of the member in the params struct */
    uint8_t key;  /* WK_* (pipes_keys.h) */
    uint8_t kind; /* P_*, PF_* flags, and the nested table (PF_SUB_SHIFT) */
} pfield;

struct ptable {
    const pfield *f;
    const ptable *subs; /* the nested structs' tables; they hold none */
    uint8_t n;
    /* A spec's path ids and query (wos_pipes_spec), in what would be padding. */
    uint8_t ids[2];
    uint8_t query;
};

/* The offset of member in type as a byte; a compile error when it is 256 or more. */
#define P_OFF(type, member) \
    ((uint8_t)(offsetof(type, member) + 0u * sizeof(char[offsetof(type, member) < 256u ? 1 : -1])))
#define P(type, k, member, kind_) \
    { .off = P_OFF(type, member), .key = WK_##k, .kind = kind_ }
/* PF_* flags only P_STR members (a compile error otherwise): the checks read a wos_str. */
#define PF(type, k, member, kind_, flags_) \
    { .off = P_OFF(type, member), .key = WK_##k, \
      .kind = (kind_) | (flags_) | 0u * sizeof(char[(flags_) == 0 || (kind_) == P_STR ? 1 : -1]) }
#define PS(type, k, member, kind_, sub_) \
    { .off = P_OFF(type, member), .key = WK_##k, .kind = (kind_) | (sub_) << PF_SUB_SHIFT }
#define PT(arr) { .f = arr, .n = (uint8_t)(sizeof arr / sizeof arr[0]) }
#define PTS(arr, subs_) { .f = arr, .subs = subs_, .n = (uint8_t)(sizeof arr / sizeof arr[0]) }

/*
 * Where an operation of wos_pipes_connect.h goes: path is its segments
 * separated by '/', where a byte 1..2 stands for the params member at
 * body.ids[byte - 1] (a required id) and WOS_SEG_COLLECTION (3) for
 * "data-integrations" (in flash once); body.query, when not 0xff, is the
 * offset of the organization_id sent as ?organization_id=. body.n 0: no body.
 * The body's table is held in the spec, not pointed at, with the ids and
 * query in its padding (SPEC()).
 */
typedef struct wos_pipes_spec {
    ptable body;
    const char *path;
} wos_pipes_spec;

#define WOS_SPEC_NO_QUERY 0xffu
#define WOS_SEG_COLLECTION 3u
#define WOS_SEG_COLLECTION_STR "\003"
#define SO(type, member) ((uint8_t)offsetof(type, member))
/* A spec: its path, body members (SPEC_BODY(arr) or SPEC_NO_BODY), the two ids' and the query's offsets. */
#define SPEC(...) SPEC_(__VA_ARGS__) /* expanded first: body_ is three arguments */
#define SPEC_(path_, f_, subs_, n_, id1, id2, query_) { { f_, subs_, n_, {id1, id2}, query_ }, path_ }
#define SPEC_BODY(arr) arr, NULL, (uint8_t)(sizeof arr / sizeof arr[0])
#define SPEC_NO_BODY NULL, NULL, 0u

/* The prepare step of every operation with a spec (op->spec). */
bool wos_pipes_prepare_spec(const wos_pipes_call *call, wos_pipes_req_parts *parts);

/* Whether t's checks hold for the struct at base (PF_* flags, lists without NULL items). */
bool wos_pipes_table_ok(const ptable *t, const char *base);

#endif

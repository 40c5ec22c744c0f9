/* SPDX-License-Identifier: MIT */
/* List answers of the connect operations ({"data": [...]}): decoded by a table per item type. */
#include "pipes_internal.h"

#include <string.h>

#include "pipes_keys.h"

wos_status wos_pipes_data(wos_json *doc, const table *t, int *data_tok, unsigned *count)
{
    wos_json_iter it;
    int k, v;
    wos_status st;
    if (wos_json_member(doc, 0, WOS_KEY_B_TAIL(data, list_metadata), data_tok) != WOS_OK ||
        wos_json_type_of(doc, *data_tok) != WOS_JSON_ARRAY) {
        return WOS_ERR_JSON_SHAPE;
    }
    *count = wos_json_size(doc, *data_tok);
    /* Every item is checked now, so that an accessor of a list reported OK cannot fail. */
    st = wos_json_iter_init(&it, doc, *data_tok);
    while (st == WOS_OK && wos_json_iter_next(&it, doc, &k, &v)) {
        st = wos_pipes_decode_object(doc, v, t, NULL);
    }
    return st;
}

wos_status wos_pipes_decode_one(wos_pipes_reply *r, void *out, size_t size, wos_api_error *err,
                                const table *t)
{
    wos_json doc;
    wos_status st = wos_pipes_reply_json(r, out, size, &doc, err);
    return st != WOS_OK ? st : wos_pipes_decode_object(&doc, 0, t, (char *)out);
}

wos_status wos_pipes_decode_items(wos_pipes_reply *r, wos_pipes_items *out, wos_api_error *err,
                                  const table *t)
{
    wos_status st = wos_pipes_reply_json(r, out, sizeof *out, &out->doc, err);
    return st != WOS_OK ? st : wos_pipes_data(&out->doc, t, &out->data_tok, &out->count);
}

wos_status wos_pipes_item(const wos_pipes_items *list, unsigned idx, const table *t, void *out,
                          size_t size)
{
    wos_json doc;
    int v;
    wos_status st;
    if (list == NULL || out == NULL || list->data_tok <= 0) {
        return WOS_ERR_INVALID_ARG;
    }
    doc = list->doc;
    st = wos_json_item(&doc, list->data_tok, idx, &v);
    if (st != WOS_OK) {
        return st == WOS_ERR_NOT_FOUND ? st : WOS_ERR_INVALID_ARG; /* not a list's array */
    }
    memset(out, 0, size);
    return wos_pipes_decode_object(&doc, v, t, (char *)out);
}

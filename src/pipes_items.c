/* SPDX-License-Identifier: MIT */
/* List answers of the connect operations ({"data": [...]}): decoded by a table per item type. */
#include "pipes_internal.h"

#include <string.h>

#include "pipes_keys.h"

wos_status wos_pipes_decode_items(wos_pipes_reply *r, wos_pipes_items *out, wos_api_error *err,
                                  const table *t)
{
    wos_json_iter it;
    int k, v;
    wos_status st = wos_pipes_reply_json(r, out, sizeof *out, &out->doc, err);
    if (st != WOS_OK) {
        return st;
    }
    if (wos_json_type_of(&out->doc, 0) != WOS_JSON_OBJECT ||
        wos_json_member(&out->doc, 0, wos_keys_b.data, &out->data_tok) != WOS_OK ||
        wos_json_type_of(&out->doc, out->data_tok) != WOS_JSON_ARRAY) {
        return WOS_ERR_JSON_SHAPE;
    }
    out->count = wos_json_size(&out->doc, out->data_tok);
    /* Every item is checked now, so that an accessor of a list reported OK cannot fail. */
    st = wos_json_iter_init(&it, &out->doc, out->data_tok);
    while (st == WOS_OK && wos_json_iter_next(&it, &out->doc, &k, &v)) {
        st = wos_pipes_decode_object(&out->doc, v, t, NULL);
    }
    return st;
}

wos_status wos_pipes_item(const wos_pipes_items *list, unsigned idx, const table *t, void *out,
                          size_t size)
{
    wos_json doc;
    wos_json_iter it;
    int k, v;
    unsigned i = 0;
    if (list == NULL || out == NULL || list->data_tok <= 0) {
        return WOS_ERR_INVALID_ARG;
    }
    doc = list->doc;
    if (wos_json_iter_init(&it, &doc, list->data_tok) != WOS_OK) {
        return WOS_ERR_INVALID_ARG;
    }
    while (wos_json_iter_next(&it, &doc, &k, &v)) {
        if (i++ == idx) {
            memset(out, 0, size);
            return wos_pipes_decode_object(&doc, v, t, (char *)out);
        }
    }
    return WOS_ERR_NOT_FOUND;
}

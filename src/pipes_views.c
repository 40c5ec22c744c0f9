/* SPDX-License-Identifier: MIT */
/* Accessors of string arrays and string maps inside a parsed body. */
#include "wos_pipes.h"

/* Items of a validated string array/map have no subtrees, so item i sits at a fixed offset. */
wos_status wos_strings_get(const wos_strings *a, unsigned idx, wos_str *out)
{
    wos_json doc;
    if (a == NULL || out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (a->tok <= 0 || idx >= a->count) {
        return WOS_ERR_NOT_FOUND;
    }
    doc = a->doc;
    return wos_json_string(&doc, a->tok + 1 + (int)idx, out);
}

wos_status wos_str_pairs_get(const wos_str_pairs *m, unsigned idx, wos_str *out_key,
                             wos_str *out_value)
{
    wos_json doc;
    int k;
    wos_status st;
    if (m == NULL || out_key == NULL || out_value == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (m->tok <= 0 || idx >= m->count) {
        return WOS_ERR_NOT_FOUND;
    }
    doc = m->doc;
    k = m->tok + 1 + 2 * (int)idx;
    st = wos_json_string(&doc, k, out_key);
    return st != WOS_OK ? st : wos_json_string(&doc, k + 1, out_value);
}

wos_status wos_str_pairs_find(const wos_str_pairs *m, const char *key, wos_str *out_value)
{
    wos_json doc;
    int v;
    if (m == NULL || key == NULL || out_value == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (m->tok <= 0) {
        return WOS_ERR_NOT_FOUND;
    }
    doc = m->doc;
    if (wos_json_member(&doc, m->tok, key, &v) != WOS_OK) {
        return WOS_ERR_NOT_FOUND;
    }
    return wos_json_string(&doc, v, out_value);
}

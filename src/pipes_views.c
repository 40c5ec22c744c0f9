/* SPDX-License-Identifier: MIT */
/* Accessors of string arrays and string maps inside a parsed body. */
#include "wos_pipes.h"

/* String token i of the view's body: through a copy of its doc, as the view is const
 * (decoding was done when the result was checked, so nothing is rewritten). */
static wos_status view_string(const wos_json_view *view, int i, wos_str *out)
{
    wos_json doc = view->doc;
    return wos_json_string(&doc, i, out);
}

/* Items of a validated string array/map have no subtrees, so item i sits at a fixed offset. */
wos_status wos_strings_get(const wos_strings *a, unsigned idx, wos_str *out)
{
    if (a == NULL || out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (a->tok <= 0 || idx >= a->count) {
        return WOS_ERR_NOT_FOUND;
    }
    return view_string(a, a->tok + 1 + (int)idx, out);
}

wos_status wos_str_pairs_get(const wos_str_pairs *m, unsigned idx, wos_str *out_key,
                             wos_str *out_value)
{
    int k;
    wos_status st;
    if (m == NULL || out_key == NULL || out_value == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (m->tok <= 0 || idx >= m->count) {
        return WOS_ERR_NOT_FOUND;
    }
    k = m->tok + 1 + 2 * (int)idx;
    st = view_string(m, k, out_key);
    return st != WOS_OK ? st : view_string(m, k + 1, out_value);
}

wos_status wos_str_pairs_find(const wos_str_pairs *m, const char *key, wos_str *out_value)
{
    int v;
    if (m == NULL || key == NULL || out_value == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (m->tok <= 0 || wos_json_member(&m->doc, m->tok, key, &v) != WOS_OK) {
        return WOS_ERR_NOT_FOUND;
    }
    return view_string(m, v, out_value);
}

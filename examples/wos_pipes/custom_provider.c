/* SPDX-License-Identifier: MIT */
/*
 * --custom-provider FILE.json: the file is read into a static buffer and
 * parsed with the library's JSON reader; every key of the contract fills
 * wos_custom_provider_params, any other key is a usage error (a typo would
 * otherwise silently leave a field at the server's default).
 */
#include "cli.h"

#include <stddef.h>
#include <string.h>

#include "wos_json.h"

static char g_text[CLI_FILE_CAP];
static jsmntok_t g_tokens[CLI_FILE_TOKENS];
static wos_str_pair g_params[CLI_MAX_PAIRS];

enum kind { K_STR, K_NSTR, K_BOOL, K_MAP };

typedef struct key_def {
    const char *key;
    unsigned char kind;
    unsigned short off;
} key_def;

#define KEY(name, kind) { #name, kind, (unsigned short)offsetof(wos_custom_provider_params, name) }
static const key_def k_keys[] = {
    KEY(name, K_STR),
    KEY(authorization_url, K_STR),
    KEY(token_url, K_STR),
    KEY(refresh_token_url, K_NSTR),
    KEY(pkce_enabled, K_BOOL),
    KEY(request_scope_separator, K_STR),
    KEY(scopes_required, K_BOOL),
    KEY(client_secret_required, K_BOOL),
    KEY(additional_authorization_parameters, K_MAP),
    KEY(token_body_content_type, K_STR),
    KEY(authenticate_via, K_STR),
};
#define KEY_COUNT (sizeof k_keys / sizeof k_keys[0])

static int file_error(const char *path, const char *what)
{
    return cli_usage_error("--custom-provider %s: %s", path, what);
}

static int read_file(const char *path, size_t *out_len)
{
    FILE *f = fopen(path, "rb");
    size_t n;
    int more;
    if (f == NULL) {
        return file_error(path, "cannot open the file");
    }
    n = fread(g_text, 1, sizeof g_text, f);
    more = n == sizeof g_text ? fgetc(f) : EOF;
    if (ferror(f) != 0) {
        fclose(f);
        return file_error(path, "cannot read the file");
    }
    fclose(f);
    if (more != EOF) {
        return cli_usage_error("--custom-provider %s: larger than %u bytes", path, CLI_FILE_CAP);
    }
    *out_len = n;
    return CLI_CONTINUE;
}

static bool fill_map(wos_json *doc, int obj, wos_str_map *m)
{
    wos_json_iter it;
    int k, v;
    if (wos_json_iter_init(&it, doc, obj) != WOS_OK || wos_json_type_of(doc, obj) != WOS_JSON_OBJECT ||
        wos_json_size(doc, obj) > CLI_MAX_PAIRS) {
        return false;
    }
    m->set = true;
    m->pairs = g_params;
    m->count = 0;
    while (wos_json_iter_next(&it, doc, &k, &v)) {
        wos_str_pair *p = &g_params[m->count++];
        if (wos_json_string(doc, k, &p->key) != WOS_OK || wos_json_string(doc, v, &p->value) != WOS_OK) {
            return false;
        }
    }
    return true;
}

/* One member: false when its value has the wrong type. */
static bool fill_member(wos_json *doc, int v, const key_def *d, wos_custom_provider_params *out)
{
    char *dst = (char *)out + d->off;
    switch (d->kind) {
    case K_NSTR: {
        wos_opt_str *o = (wos_opt_str *)(void *)dst;
        o->state = wos_json_is_null(doc, v) ? WOS_NULL : WOS_SET;
        return o->state == WOS_NULL || wos_json_string(doc, v, &o->value) == WOS_OK;
    }
    case K_STR:
        return wos_json_string(doc, v, (wos_str *)(void *)dst) == WOS_OK;
    case K_BOOL: {
        wos_opt_bool *b = (wos_opt_bool *)(void *)dst;
        b->set = true;
        return wos_json_bool(doc, v, &b->value) == WOS_OK;
    }
    default:
        return fill_map(doc, v, (wos_str_map *)(void *)dst);
    }
}

/* A key for an error message: printable ASCII only, cut short. */
static const char *printable(wos_str s)
{
    static char out[48];
    size_t i;
    for (i = 0; i < s.len && i + 1u < sizeof out; i++) {
        out[i] = s.ptr[i] >= ' ' && s.ptr[i] <= '~' ? s.ptr[i] : '?';
    }
    out[i] = '\0';
    return out;
}

static int fill(const char *path, wos_json *doc, wos_custom_provider_params *out)
{
    static const char *const k_want[] = {"a string", "a string or null", "true or false",
                                         "an object of strings"};
    wos_json_iter it;
    int k, v;
    unsigned seen = 0;
    if (wos_json_iter_init(&it, doc, 0) != WOS_OK || wos_json_type_of(doc, 0) != WOS_JSON_OBJECT) {
        return file_error(path, "not a JSON object");
    }
    while (wos_json_iter_next(&it, doc, &k, &v)) {
        wos_str key = WOS_STR_NULL;
        size_t i = KEY_COUNT;
        if (wos_json_string(doc, k, &key) == WOS_OK) {
            for (i = 0; i < KEY_COUNT && !wos_str_eq(key, k_keys[i].key); i++) {
            }
        }
        if (i == KEY_COUNT || (seen & (1u << i)) != 0u) {
            return cli_usage_error("--custom-provider %s: %s key '%s'", path,
                                   i < KEY_COUNT ? "repeated" : "unknown", printable(key));
        }
        seen |= 1u << i;
        if (!fill_member(doc, v, &k_keys[i], out)) {
            return cli_usage_error("--custom-provider %s: %s must be %s", path, k_keys[i].key,
                                   k_want[k_keys[i].kind]);
        }
    }
    return CLI_CONTINUE;
}

int cli_load_custom_provider(const char *path, wos_custom_provider_params *out)
{
    wos_json doc;
    size_t len = 0;
    wos_status st;
    int rc = read_file(path, &len);
    if (rc != CLI_CONTINUE) {
        return rc;
    }
    memset(out, 0, sizeof *out);
    st = wos_json_parse(&doc, g_text, len, g_tokens, CLI_FILE_TOKENS, NULL);
    if (st != WOS_OK) {
        return cli_usage_error("--custom-provider %s: not valid JSON (%s)", path, wos_status_str(st));
    }
    return fill(path, &doc, out);
}

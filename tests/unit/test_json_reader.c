/* SPDX-License-Identifier: MIT */
/* Reader: the API example bodies, lookups, iteration, skipping, string
 * decoding in place (idempotent), integers and booleans. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_json.h"
#include "../../src/json_internal.h"

#define GUARD 0x5A
#define MAXTOK 200
#define GUARD_TOK 4

static char g_buf[4096];
static size_t g_len;
static jsmntok_t g_tok[MAXTOK + GUARD_TOK];
static wos_json g_doc;

/* Examples copied from /work/shared/api/examples/. */
static const char DI_LIST[] =
    "{\n  \"object\": \"list\",\n  \"data\": [\n    {\n      \"object\": \"data_integration\",\n"
    "      \"id\": \"data_integration_01EHZNVPK3SFK441A1RGBFSHRT\",\n      \"slug\": \"github\",\n"
    "      \"integration_type\": \"github\",\n      \"description\": \"Production GitHub app\",\n"
    "      \"enabled\": true,\n      \"state\": \"valid\",\n      \"scopes\": [\n        \"repo\",\n"
    "        \"read:org\"\n      ],\n"
    "      \"redirect_uri\": \"https://api.workos.com/data-integrations/github/dik_01EHZNVPK3SFK441A1RGBFSHRT/callback\",\n"
    "      \"credentials\": {\n        \"type\": \"custom\",\n        \"client_id\": \"Iv1.abc123\",\n"
    "        \"redacted_client_secret\": \"6789\"\n      },\n      \"custom_provider\": {\n"
    "        \"name\": \"My OAuth App\",\n"
    "        \"authorization_url\": \"https://provider.example.com/oauth/authorize\",\n"
    "        \"token_url\": \"https://provider.example.com/oauth/token\",\n"
    "        \"refresh_token_url\": \"https://provider.example.com/oauth/token\",\n"
    "        \"pkce_enabled\": true,\n        \"request_scope_separator\": \" \",\n"
    "        \"scopes_required\": false,\n        \"client_secret_required\": true,\n"
    "        \"additional_authorization_parameters\": {\n          \"prompt\": \"consent\"\n        },\n"
    "        \"token_body_content_type\": \"application/x-www-form-urlencoded\",\n"
    "        \"authenticate_via\": \"request_body\"\n      },\n"
    "      \"created_at\": \"2026-01-15T12:00:00.000Z\",\n      \"updated_at\": \"2026-01-15T12:00:00.000Z\"\n"
    "    }\n  ],\n  \"list_metadata\": {\n    \"before\": \"data_integration_01HXYZ123456789ABCDEFGHIJ\",\n"
    "    \"after\": \"data_integration_01HXYZ987654321KJIHGFEDCBA\"\n  }\n}\n";

static const char TOKEN_ACTIVE[] =
    "{\n  \"active\": true,\n  \"access_token\": {\n    \"object\": \"access_token\",\n"
    "    \"access_token\": \"gho_16C7e42F292c6912E7710c838347Ae178B4a\",\n"
    "    \"expires_at\": \"2025-12-31T23:59:59.000Z\",\n    \"scopes\": [\n      \"repo\",\n"
    "      \"user:email\"\n    ],\n    \"missing_scopes\": []\n  }\n}\n";

static const char TOKEN_NO_EXPIRY[] =
    "{\n  \"active\": true,\n  \"access_token\": {\n    \"object\": \"access_token\",\n"
    "    \"access_token\": \"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy\",\n"
    "    \"expires_at\": null,\n    \"scopes\": [\n      \"chat:write\",\n      \"channels:read\"\n    ],\n"
    "    \"missing_scopes\": [\n      \"users:read\"\n    ]\n  }\n}\n";

static const char TOKEN_REAUTH[] = "{\n  \"active\": false,\n  \"error\": \"needs_reauthorization\"\n}\n";

static const char ERR_ERRORS[] =
    "{\n  \"message\": \"Validation failed\",\n  \"code\": \"invalid_request_parameters\",\n  \"errors\": [\n"
    "    {\n      \"field\": \"client_id\",\n      \"code\": \"required\"\n    },\n"
    "    \"client_secret must be a string\",\n    {\n      \"property\": \"scopes\",\n"
    "      \"constraints\": {\n        \"isArray\": \"scopes must be an array\"\n      }\n    }\n  ]\n}\n";

static const char ERR_MSG_ARRAY[] =
    "{\n  \"message\": [\n    \"organization_id must be a string\",\n    \"user_id should not be empty\"\n"
    "  ],\n  \"error\": \"Bad Request\"\n}\n";

static const char ERR_BARE[] = "\"Ratelimited\"\n";

static const char CREATE_REQ[] =
    "{\n  \"provider\": \"github\",\n  \"description\": \"Production GitHub app\",\n  \"enabled\": true,\n"
    "  \"scopes\": [\n    \"repo\",\n    \"read:org\"\n  ],\n  \"credentials\": {\n    \"type\": \"custom\",\n"
    "    \"client_id\": \"Iv1.abc123\",\n    \"client_secret\": \"secret_...\"\n  }\n}\n";

static void assert_guards(void)
{
    const unsigned char *p = (const unsigned char *)&g_tok[g_doc.count];
    size_t i, n = (MAXTOK + GUARD_TOK - g_doc.count) * sizeof g_tok[0];
    for (i = 0; i < n; i++) {
        assert_int_equal(p[i], GUARD);
    }
    for (i = g_len; i < sizeof g_buf; i++) {
        assert_int_equal((unsigned char)g_buf[i], GUARD);
    }
}

static void load_n(const char *text, size_t len)
{
    unsigned need = 0;
    assert_true(len + 16 <= sizeof g_buf);
    memset(g_buf, GUARD, sizeof g_buf);
    memset(g_tok, GUARD, sizeof g_tok);
    memcpy(g_buf, text, len);
    g_len = len;
    assert_int_equal(wos_json_parse(&g_doc, g_buf, len, g_tok, MAXTOK, &need), WOS_OK);
    assert_int_equal(need, g_doc.count);
    assert_guards();
}

static void load(const char *text) { load_n(text, strlen(text)); }

/* Member path from the root, e.g. at("data", "0", "id"): digits index arrays. */
static int at(const char *const *path, size_t n)
{
    int cur = 0, next = -1;
    size_t i;
    for (i = 0; i < n; i++) {
        if (wos_json_type_of(&g_doc, cur) == WOS_JSON_ARRAY) {
            assert_int_equal(wos_json_item(&g_doc, cur, (unsigned)(path[i][0] - '0'), &next), WOS_OK);
        } else {
            assert_int_equal(wos_json_member(&g_doc, cur, path[i], &next), WOS_OK);
        }
        cur = next;
    }
    return cur;
}
#define AT(...) at((const char *const[]){__VA_ARGS__}, sizeof((const char *const[]){__VA_ARGS__}) / sizeof(char *))

static void assert_str(int i, const char *want)
{
    wos_str s;
    assert_int_equal(wos_json_string(&g_doc, i, &s), WOS_OK);
    assert_int_equal(s.len, strlen(want));
    assert_memory_equal(s.ptr, want, s.len);
}

static void assert_bool(int i, bool want)
{
    bool b = !want;
    assert_int_equal(wos_json_bool(&g_doc, i, &b), WOS_OK);
    assert_int_equal(b, want);
}

static void data_integration_list(void **state)
{
    static const char *const keys[] = {
        "object", "id", "slug", "integration_type", "description", "enabled", "state", "scopes",
        "redirect_uri", "credentials", "custom_provider", "created_at", "updated_at",
    };
    wos_json_iter it;
    int k, v, item, miss = 99;
    size_t n = 0;
    (void)state;
    load(DI_LIST);
    assert_int_equal(wos_json_type_of(&g_doc, 0), WOS_JSON_OBJECT);
    assert_int_equal(wos_json_size(&g_doc, 0), 3);
    assert_str(AT("object"), "list");
    assert_int_equal(wos_json_size(&g_doc, AT("data")), 1);
    item = AT("data", "0");
    assert_int_equal(wos_json_type_of(&g_doc, item), WOS_JSON_OBJECT);
    assert_str(AT("data", "0", "id"), "data_integration_01EHZNVPK3SFK441A1RGBFSHRT");
    assert_bool(AT("data", "0", "enabled"), true);
    assert_str(AT("data", "0", "scopes", "1"), "read:org");
    assert_str(AT("data", "0", "credentials", "redacted_client_secret"), "6789");
    assert_str(AT("data", "0", "custom_provider", "additional_authorization_parameters", "prompt"), "consent");
    assert_bool(AT("data", "0", "custom_provider", "scopes_required"), false);
    assert_str(AT("data", "0", "custom_provider", "request_scope_separator"), " ");
    assert_str(AT("data", "0", "updated_at"), "2026-01-15T12:00:00.000Z");
    assert_str(AT("list_metadata", "after"), "data_integration_01HXYZ987654321KJIHGFEDCBA");
    /* Lookups do not descend into nested objects. */
    assert_int_equal(wos_json_member(&g_doc, 0, "name", &miss), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_json_member(&g_doc, item, "type", &miss), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_json_member(&g_doc, item, "prompt", &miss), WOS_ERR_NOT_FOUND);
    assert_int_equal(miss, 99);
    assert_int_equal(wos_json_iter_init(&it, &g_doc, item), WOS_OK);
    while (wos_json_iter_next(&it, &g_doc, &k, &v)) {
        assert_true(n < sizeof keys / sizeof keys[0]);
        assert_str(k, keys[n]);
        assert_int_equal(v, k + 1);
        n++;
    }
    assert_int_equal(n, sizeof keys / sizeof keys[0]);
    assert_false(wos_json_iter_next(&it, &g_doc, &k, &v));
    assert_guards();
}

static void token_bodies(void **state)
{
    int v = 99;
    wos_json_iter it;
    (void)state;
    load(TOKEN_ACTIVE);
    assert_bool(AT("active"), true);
    assert_str(AT("access_token", "access_token"), "gho_16C7e42F292c6912E7710c838347Ae178B4a");
    assert_str(AT("access_token", "expires_at"), "2025-12-31T23:59:59.000Z");
    assert_str(AT("access_token", "scopes", "0"), "repo");
    assert_int_equal(wos_json_type_of(&g_doc, AT("access_token", "missing_scopes")), WOS_JSON_ARRAY);
    assert_int_equal(wos_json_size(&g_doc, AT("access_token", "missing_scopes")), 0);
    assert_int_equal(wos_json_item(&g_doc, AT("access_token", "missing_scopes"), 0, &v), WOS_ERR_NOT_FOUND);
    assert_int_equal(v, 99);
    assert_int_equal(wos_json_iter_init(&it, &g_doc, AT("access_token", "missing_scopes")), WOS_OK);
    assert_false(wos_json_iter_next(&it, &g_doc, NULL, &v));

    load(TOKEN_NO_EXPIRY);
    assert_true(wos_json_is_null(&g_doc, AT("access_token", "expires_at")));
    assert_false(wos_json_is_null(&g_doc, AT("access_token", "object")));
    assert_str(AT("access_token", "missing_scopes", "0"), "users:read");
    assert_str(AT("access_token", "scopes", "1"), "channels:read");
    assert_int_equal(wos_json_item(&g_doc, AT("access_token", "scopes"), 2, &v), WOS_ERR_NOT_FOUND);

    load(TOKEN_REAUTH);
    assert_bool(AT("active"), false);
    assert_str(AT("error"), "needs_reauthorization");
    assert_int_equal(wos_json_member(&g_doc, 0, "access_token", &v), WOS_ERR_NOT_FOUND);
}

static void error_bodies(void **state)
{
    static const wos_json_type kinds[] = {WOS_JSON_OBJECT, WOS_JSON_STRING, WOS_JSON_OBJECT};
    wos_json_iter it;
    int k, v, errors;
    unsigned n = 0;
    (void)state;
    load(ERR_ERRORS);
    assert_str(AT("code"), "invalid_request_parameters");
    errors = AT("errors");
    assert_int_equal(wos_json_iter_init(&it, &g_doc, errors), WOS_OK);
    while (wos_json_iter_next(&it, &g_doc, &k, &v)) {
        assert_int_equal(k, -1);
        assert_int_equal(wos_json_type_of(&g_doc, v), kinds[n]);
        n++;
    }
    assert_int_equal(n, 3);
    assert_str(AT("errors", "0", "code"), "required");
    assert_str(AT("errors", "1"), "client_secret must be a string");
    assert_str(AT("errors", "2", "constraints", "isArray"), "scopes must be an array");

    load(ERR_MSG_ARRAY);
    assert_int_equal(wos_json_type_of(&g_doc, AT("message")), WOS_JSON_ARRAY);
    assert_str(AT("message", "1"), "user_id should not be empty");
    assert_str(AT("error"), "Bad Request");

    load(ERR_BARE);
    assert_int_equal(g_doc.count, 1);
    assert_str(0, "Ratelimited");
    assert_int_equal(wos_json_member(&g_doc, 0, "message", &v), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_iter_init(&it, &g_doc, 0), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_item(&g_doc, 0, 0, &v), WOS_ERR_JSON_SHAPE);

    load(CREATE_REQ);
    assert_str(AT("credentials", "client_secret"), "secret_...");
    assert_str(AT("scopes", "1"), "read:org");
    assert_int_equal(wos_json_member(&g_doc, AT("scopes"), "repo", &v), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_item(&g_doc, AT("credentials"), 0, &v), WOS_ERR_JSON_SHAPE);
}

static void scalar_roots(void **state)
{
    int64_t n = 0;
    (void)state;
    load(" \n-42\t ");
    assert_int_equal(wos_json_type_of(&g_doc, 0), WOS_JSON_NUMBER);
    assert_int_equal(wos_json_int64(&g_doc, 0, &n), WOS_OK);
    assert_int_equal(n, -42);
    assert_int_equal(wos_json_skip(&g_doc, 0), 1);
    load("true");
    assert_bool(0, true);
    load("null ");
    assert_true(wos_json_is_null(&g_doc, 0));
    load(" \"a\\u00e9\" ");
    assert_str(0, "a\xC3\xA9");
    load("\"\"");
    assert_str(0, "");
}

static void skip_and_types(void **state)
{
    /* 0 [ 1 [ 2 1 3 [ 4 2 5 { 6 "a" 7 { 8 "b" 9 [ 10 3 */
    static const int next[] = {11, 5, 3, 5, 5, 10, 7, 10, 9, 10, 11};
    static const wos_json_type types[] = {
        WOS_JSON_ARRAY, WOS_JSON_ARRAY, WOS_JSON_NUMBER, WOS_JSON_ARRAY, WOS_JSON_NUMBER, WOS_JSON_OBJECT,
        WOS_JSON_STRING, WOS_JSON_OBJECT, WOS_JSON_STRING, WOS_JSON_ARRAY, WOS_JSON_NUMBER,
    };
    int i, v;
    (void)state;
    load("[[1,[2]],{\"a\":{\"b\":[]}},3]");
    assert_int_equal(g_doc.count, 11);
    for (i = 0; i < 11; i++) {
        assert_int_equal(wos_json_skip(&g_doc, i), next[i]);
        assert_int_equal(wos_json_type_of(&g_doc, i), types[i]);
    }
    assert_int_equal(wos_json_size(&g_doc, 0), 3);
    assert_int_equal(wos_json_size(&g_doc, 5), 1);
    assert_int_equal(wos_json_size(&g_doc, 6), 0);
    assert_int_equal(wos_json_size(&g_doc, 2), 0);
    assert_int_equal(wos_json_item(&g_doc, 0, 2, &v), WOS_OK);
    assert_int_equal(v, 10);
    assert_int_equal(wos_json_type_of(&g_doc, -1), 0);
    assert_int_equal(wos_json_type_of(&g_doc, 11), 0);
    assert_int_equal(wos_json_type_of(NULL, 0), 0);
    assert_int_equal(wos_json_skip(&g_doc, 11), 11);
    assert_int_equal(wos_json_skip(&g_doc, -5), 11);
    assert_int_equal(wos_json_size(&g_doc, 99), 0);
    assert_false(wos_json_is_null(&g_doc, 99));
    assert_int_equal(wos_json_member(&g_doc, 99, "a", &v), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_member(&g_doc, 5, NULL, &v), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_json_member(&g_doc, 5, "a", NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_json_item(&g_doc, 0, 0, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_json_iter_init(NULL, &g_doc, 0), WOS_ERR_INVALID_ARG);
    assert_false(wos_json_iter_next(NULL, &g_doc, NULL, NULL));
}

/* After a failed parse the document is empty: accessors find nothing. */
/* Duplicate keys: the last occurrence wins, as JavaScript and Python read JSON. */
static void member_of_duplicates_is_the_last(void **state)
{
    int v;
    wos_str s;
    (void)state;
    load("{\"a\":\"first\",\"b\":{\"c\":1,\"c\":\"inner\"},\"a\":\"last\",\"\\u0062\":{\"c\":[]}}");
    assert_int_equal(wos_json_member(&g_doc, 0, "a", &v), WOS_OK);
    assert_int_equal(wos_json_string(&g_doc, v, &s), WOS_OK);
    assert_true(wos_str_eq(s, "last"));
    /* "\u0062" is "b": the later object is the member, and its own "c" is an array. */
    assert_int_equal(wos_json_member(&g_doc, 0, "b", &v), WOS_OK);
    assert_int_equal(wos_json_member(&g_doc, v, "c", &v), WOS_OK);
    assert_int_equal(wos_json_type_of(&g_doc, v), WOS_JSON_ARRAY);
    assert_int_equal(wos_json_member(&g_doc, 4, "c", &v), WOS_OK); /* the first "b" object */
    assert_int_equal(wos_json_string(&g_doc, v, &s), WOS_OK);
    assert_true(wos_str_eq(s, "inner"));
}

/* Several keys in one pass: each gets the value of its last member, -1
 * when absent; an escaped key matches; NOT_FOUND only when none is there. */
static void members_in_one_pass(void **state)
{
    static const char names[] = "a\0b\0zz\0c"; /* keys: offsets into names */
    static const uint8_t keys[] = {0u, 2u, 4u, 7u, WOS_JSON_KEYS_END};
    static const uint8_t none[] = {0u, 2u, WOS_JSON_KEYS_END};
    int v[4];
    wos_str s;
    (void)state;
    load("{\"a\":\"first\",\"b\":{\"c\":1},\"a\":\"last\",\"\\u0063\":true}");
    assert_int_equal(wos_json_members(&g_doc, 0, names, keys, 0u, v), WOS_OK);
    assert_int_equal(wos_json_string(&g_doc, v[0], &s), WOS_OK);
    assert_true(wos_str_eq(s, "last"));
    assert_int_equal(wos_json_type_of(&g_doc, v[1]), WOS_JSON_OBJECT);
    assert_int_equal(v[2], -1);
    assert_int_equal(wos_json_type_of(&g_doc, v[3]), WOS_JSON_BOOL);
    /* The nested object's "c" is not a member of the root. */
    assert_int_equal(wos_json_members(&g_doc, 0, "x\0y", none, 0u, v), WOS_ERR_NOT_FOUND);
    assert_int_equal(v[0], -1);
    assert_int_equal(v[1], -1);
    assert_int_equal(wos_json_members(&g_doc, 1, names, keys, 0u, v), WOS_ERR_JSON_SHAPE); /* a string */
    /* Nothing was written: the first "a" is still in the text. */
    assert_non_null(strstr(g_doc.js, "first"));
}

/* A key matches a member's whole name, never a prefix of it or a name
 * that is its prefix (nor "" another name): in text without a backslash
 * (names compared as they are), with an escaped name (compared while
 * decoding), and with that name decoded in place. */
static void members_match_whole_names(void **state)
{
    static const char names[] = "abc\0ab\0\0abcd"; /* "abc", "ab", "", "abcd" */
    static const uint8_t keys[] = {0u, 4u, 7u, 8u, WOS_JSON_KEYS_END};
    static const char *const texts[] = {"{\"ab\":1,\"abcd\":2,\"\":3}", "{\"\\u0061b\":1,\"abcd\":2,\"\":3}"};
    int v[4];
    wos_str s;
    size_t i;
    (void)state;
    for (i = 0; i < 3u; i++) {
        load(texts[i > 0u]);
        if (i == 2u) {
            assert_int_equal(wos_json_string(&g_doc, 1, &s), WOS_OK);
            assert_true(wos_str_eq(s, "ab"));
        }
        assert_int_equal(wos_json_members(&g_doc, 0, names, keys, 0u, v), WOS_OK);
        assert_int_equal(v[0], -1);
        assert_int_equal(v[1], 2);
        assert_int_equal(v[2], 6);
        assert_int_equal(v[3], 4);
    }
}

/* A key marked secret: the text of its earlier duplicates, objects
 * included, is zeroed; the winner and every other byte stay as they were. */
static void members_zero_earlier_secrets(void **state)
{
    static const uint8_t keys[] = {0u, 2u, WOS_JSON_KEYS_END}; /* "n", "k" */
    static const char text[] = "{\"k\":\"s1\",\"n\":\"n1\",\"k\":{\"x\":\"s2\"},\"n\":\"n2\",\"k\":\"s3\"}";
    char want[sizeof text];
    int v[2];
    wos_str s;
    (void)state;
    memcpy(want, text, sizeof text);
    memset(want + (strstr(text, "{\"x\"") - text), 0, strlen("{\"x\":\"s2\"}")); /* the second "k": its object */
    memset(want + (strstr(text, "s1") - text), 0, 2); /* the first: its string's text */
    load(text);
    assert_int_equal(wos_json_members(&g_doc, 0, "n\0k", keys, 0x2u, v), WOS_OK);
    assert_memory_equal(g_doc.js, want, sizeof text - 1u);
    assert_int_equal(wos_json_string(&g_doc, v[1], &s), WOS_OK);
    assert_true(wos_str_eq(s, "s3"));
    assert_int_equal(wos_json_string(&g_doc, v[0], &s), WOS_OK);
    assert_true(wos_str_eq(s, "n2"));
}

/* A bare primitive root, whitespace around it, is one token. */
/* The tokeniser behind wos_json_parse() fills exactly the count the check
 * gave, or refuses: no token array, or a count jsmn does not reach. */
static void tokenise_refuses_what_it_cannot_fill(void **state)
{
    char js[] = "[1,\"a\"]";
    jsmntok_t tok[3];
    (void)state;
    assert_int_equal(wos_json_tokenise(js, sizeof js - 1u, NULL, 3u, 0u), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(wos_json_tokenise(js, sizeof js - 1u, tok, 2u, 0u), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(wos_json_tokenise(js, sizeof js - 1u, tok, 3u, 0u), WOS_OK);
    assert_int_equal(tok[2].type, JSMN_STRING);
    assert_true((tok[2].size & WOS_JSON_DECODED) != 0); /* no backslash: decoded as it is */
    assert_int_equal(wos_json_tokenise(js, sizeof js - 1u, tok, 3u, 1u), WOS_OK);
    assert_int_equal(tok[2].size & WOS_JSON_DECODED, 0);
}

static void bare_primitive_root_with_whitespace(void **state)
{
    int64_t v = 0;
    (void)state;
    load(" \t\n42");
    assert_int_equal(g_doc.count, 1);
    assert_int_equal(wos_json_type_of(&g_doc, 0), WOS_JSON_NUMBER);
    assert_int_equal(wos_json_int64(&g_doc, 0, &v), WOS_OK);
    assert_int_equal(v, 42);
    load("  true");
    assert_int_equal(wos_json_type_of(&g_doc, 0), WOS_JSON_BOOL);
}

/* A high surrogate not followed by a low one (end, another escape, a
 * plain character) is a lone surrogate: refused, the text left intact. */
static void high_surrogate_without_its_pair(void **state)
{
    static const char *const k[] = {"\"\\ud83d\"", "\"\\ud83d\\n\"", "\"\\ud83dxxxxxx\"",
                                    "\"\\ud83d\\u0041\"", "\"\\ud83d\\\\u0041\""};
    size_t i;
    wos_str s;
    (void)state;
    for (i = 0; i < sizeof k / sizeof k[0]; i++) {
        load(k[i]);
        assert_int_equal(wos_json_string(&g_doc, 0, &s), WOS_ERR_INVALID_UTF8);
        assert_memory_equal(g_buf, k[i], strlen(k[i]));
    }
    load("\"\\ud83d\\ude00\"");
    assert_int_equal(wos_json_string(&g_doc, 0, &s), WOS_OK);
    assert_true(wos_str_eq(s, "\xF0\x9F\x98\x80"));
}

/* A document whose count its caller cut short after a key: the value
 * index the iterator hands out for that key is refused by every accessor
 * (and since 7eb864c the reader reads no token past the count itself). */
static void iteration_past_the_tokens_is_refused(void **state)
{
    wos_json_iter it;
    int k = -2, v = -2;
    (void)state;
    load("{\"a\":1,\"b\":2}"); /* 0 the object, 1 "a", 2 1, 3 "b", 4 2 */
    assert_int_equal(wos_json_iter_init(&it, &g_doc, 0), WOS_OK);
    g_doc.count = 4; /* ends after the key "b" */
    assert_true(wos_json_iter_next(&it, &g_doc, &k, &v));
    assert_int_equal(v, 2);
    if (wos_json_iter_next(&it, &g_doc, &k, &v)) {
        assert_int_equal(wos_json_type_of(&g_doc, v), 0);
        assert_int_equal(wos_json_skip(&g_doc, v), 4);
    }
    assert_false(wos_json_iter_next(&it, &g_doc, &k, &v));
}

/* Iteration may ask for the value only, or the key only; misuse ends it. */
static void iteration_outputs_are_optional(void **state)
{
    wos_json_iter it;
    int k = -2, v = -2;
    unsigned n = 0;
    (void)state;
    load("{\"a\":1,\"b\":[2]}");
    assert_int_equal(wos_json_iter_init(&it, &g_doc, 0), WOS_OK);
    assert_true(wos_json_iter_next(&it, &g_doc, NULL, &v));
    assert_int_equal(v, 2);
    assert_true(wos_json_iter_next(&it, &g_doc, &k, NULL));
    assert_int_equal(k, 3);
    assert_false(wos_json_iter_next(&it, &g_doc, &k, &v));
    assert_int_equal(wos_json_iter_init(&it, &g_doc, 4), WOS_OK); /* the array */
    while (wos_json_iter_next(&it, &g_doc, &k, &v)) {
        assert_int_equal(k, -1); /* array items have no key */
        n++;
    }
    assert_int_equal(n, 1);
    assert_false(wos_json_iter_next(NULL, &g_doc, &k, &v));
    it.left = 1;
    it.next = 0; /* the root is nobody's member */
    assert_false(wos_json_iter_next(&it, &g_doc, &k, &v));
    it.next = 99; /* past the tokens */
    assert_false(wos_json_iter_next(&it, &g_doc, &k, &v));
    it.next = 1;
    assert_false(wos_json_iter_next(&it, NULL, &k, &v));
    assert_int_equal(wos_json_skip(NULL, 0), 0);
    /* out of range either way: the count */
    assert_int_equal(wos_json_skip(&g_doc, (int)g_doc.count), (int)g_doc.count);
    assert_int_equal(wos_json_skip(&g_doc, -1), (int)g_doc.count);
}

static void failed_parse_leaves_empty_doc(void **state)
{
    char js[] = "[1,]";
    jsmntok_t tok[4];
    wos_json doc;
    int v;
    (void)state;
    assert_int_equal(wos_json_parse(&doc, js, 4, tok, 4, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(doc.count, 0);
    assert_int_equal(wos_json_type_of(&doc, 0), 0);
    assert_int_equal(wos_json_item(&doc, 0, 0, &v), WOS_ERR_JSON_SHAPE);
}

static void decodes_every_escape(void **state)
{
    (void)state;
    load("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\", \"\\u0041\\u00e9\\u20AC\\ud83d\\ude00\\uD83D\\uDE00\","
         "\"plain \xC3\xA9\", \"x\\u007f\\u0080\\u07FF\\u0800\\uFFFF\\uDBFF\\uDFFF\"]");
    assert_str(1, "\" \\ / \b \f \n \r \t");
    assert_str(2, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF0\x9F\x98\x80");
    assert_str(3, "plain \xC3\xA9");
    assert_str(4, "x\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF4\x8F\xBF\xBF");
    assert_guards();
}

/* What escapes free up behind a decoded string is zeroed up to its closing
 * quote: the view is then every byte of the string left in the text. The
 * text around it is not touched. */
static void decoding_clears_what_escapes_leave(void **state)
{
    wos_str s;
    (void)state;
    load("[\"SE\\u0043RET\\/TAIL\",\"next\"]");
    assert_int_equal(wos_json_string(&g_doc, 1, &s), WOS_OK);
    assert_int_equal(s.len, 11);
    assert_memory_equal(s.ptr, "SECRET/TAIL", 11);
    assert_memory_equal(g_buf, "[\"SECRET/TAIL", 13);
    /* 6 + 2 bytes of escapes became 2 bytes: 6 freed, then the quote. */
    assert_memory_equal(g_buf + 13, "\0\0\0\0\0\0\",\"next\"]", 14);
    assert_str(2, "next");
    assert_guards();
}

static void rejects_lone_surrogates_and_nul(void **state)
{
    static const char *const bad[] = {
        "\"\\ud83d\"", "\"\\ud83dx\"", "\"\\ud83d\\ud83d\"", "\"\\ude00\"", "\"\\u0000\"", "\"a\\u0000b\"",
        "\"\\ude00\\ud83d\"", "\"\\ud83d\\n\"", "\"\\uDBFF\\uE000\"", "\"\\ud83d\\u0041\"",
    };
    char copy[64];
    wos_str s = {"untouched", 9};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        load(bad[i]);
        memcpy(copy, g_buf, g_len);
        assert_int_equal(wos_json_string(&g_doc, 0, &s), WOS_ERR_INVALID_UTF8);
        assert_memory_equal(copy, g_buf, g_len); /* failure leaves the text intact */
        assert_int_equal(wos_json_string(&g_doc, 0, &s), WOS_ERR_INVALID_UTF8);
        assert_string_equal(s.ptr, "untouched");
        assert_guards();
    }
}

static void decoding_is_idempotent(void **state)
{
    wos_str a, b;
    wos_json_iter it;
    int k, v, n = 0;
    (void)state;
    load("{\"k\\u0031\":\"v\\u00e9\\n\",\"arr\":[\"\\t\",{\"in\\\"ner\":\"\\ud83d\\ude00\"}],\"last\":1}");
    assert_int_equal(wos_json_string(&g_doc, 2, &a), WOS_OK);
    assert_int_equal(wos_json_string(&g_doc, 2, &b), WOS_OK);
    assert_ptr_equal(a.ptr, b.ptr);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.ptr, "v\xC3\xA9\n", 4);
    assert_int_equal(a.len, 4);
    /* Decode every string, keys included, twice over. */
    for (k = 0; k < 2; k++) {
        for (v = 0; v < (int)g_doc.count; v++) {
            if (wos_json_type_of(&g_doc, v) == WOS_JSON_STRING) {
                assert_int_equal(wos_json_string(&g_doc, v, &a), WOS_OK);
            }
        }
    }
    assert_str(1, "k1");
    assert_str(AT("arr", "1", "in\"ner"), "\xF0\x9F\x98\x80");
    assert_str(AT("arr", "0"), "\t");
    assert_int_equal(wos_json_skip(&g_doc, AT("arr")), AT("last") - 1);
    assert_int_equal(wos_json_size(&g_doc, 1), 0);
    assert_int_equal(wos_json_iter_init(&it, &g_doc, 0), WOS_OK);
    while (wos_json_iter_next(&it, &g_doc, &k, &v)) {
        n++;
    }
    assert_int_equal(n, 3);
    assert_int_equal(k, AT("last") - 1);
    assert_int_equal(wos_json_member(&g_doc, 0, "k\\u0031", &v), WOS_ERR_NOT_FOUND);
    assert_guards();
}

static void member_unescapes_keys(void **state)
{
    static const char text[] = "{\"a\\u0062\":1,\"\\u00e9t\\u00E9\":2,\"x\\\"y\":3,\"\\ud83d\\ude00\":4,"
                               "\"\":5,\"a\\\\u0062\":6,\"\\ud800\":7,\"t\\/\\t\":8}";
    static const struct { const char *key; int64_t val; } want[] = {
        {"ab", 1}, {"\xC3\xA9t\xC3\xA9", 2}, {"x\"y", 3}, {"\xF0\x9F\x98\x80", 4}, {"", 5}, {"a\\u0062", 6},
        {"t/\t", 8},
    };
    static const char *const absent[] = {"a", "abc", "a\\", "x", "\xF0\x9F\x98", "\xED\xA0\x80", "t/"};
    int v, pass;
    int64_t n;
    size_t i;
    wos_str s;
    (void)state;
    load(text);
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < sizeof want / sizeof want[0]; i++) {
            v = -1;
            assert_int_equal(wos_json_member(&g_doc, 0, want[i].key, &v), WOS_OK);
            assert_int_equal(wos_json_int64(&g_doc, v, &n), WOS_OK);
            assert_int_equal(n, want[i].val);
        }
        for (i = 0; i < sizeof absent / sizeof absent[0]; i++) {
            assert_int_equal(wos_json_member(&g_doc, 0, absent[i], &v), WOS_ERR_NOT_FOUND);
        }
        /* Second pass: the same after decoding every key that can be decoded. */
        for (v = 1; v < (int)g_doc.count; v = wos_json_skip(&g_doc, v + 1)) {
            wos_status ignored = wos_json_string(&g_doc, v, &s);
            (void)ignored;
        }
    }
    assert_guards();
}

static void int64_limits(void **state)
{
    static const struct { const char *text; wos_status rc; int64_t val; } cases[] = {
        {"9223372036854775807", WOS_OK, INT64_MAX},
        {"-9223372036854775808", WOS_OK, INT64_MIN},
        {"9223372036854775808", WOS_ERR_OVERFLOW, 0},
        {"-9223372036854775809", WOS_ERR_OVERFLOW, 0},
        {"9223372036854775810", WOS_ERR_OVERFLOW, 0},
        {"92233720368547758070", WOS_ERR_OVERFLOW, 0},
        {"18446744073709551616", WOS_ERR_OVERFLOW, 0},
        {"123456789012345678901234567890", WOS_ERR_OVERFLOW, 0},
        {"0", WOS_OK, 0}, {"-0", WOS_OK, 0}, {"-1", WOS_OK, -1}, {"42", WOS_OK, 42},
        {"922337203685477580", WOS_OK, 922337203685477580}, {"-922337203685477581", WOS_OK, -922337203685477581},
        {"1.5", WOS_ERR_JSON_SHAPE, 0}, {"1e3", WOS_ERR_JSON_SHAPE, 0}, {"1E3", WOS_ERR_JSON_SHAPE, 0},
        {"-0.0", WOS_ERR_JSON_SHAPE, 0}, {"99999999999999999999.5", WOS_ERR_JSON_SHAPE, 0},
        {"\"1\"", WOS_ERR_JSON_SHAPE, 0}, {"true", WOS_ERR_JSON_SHAPE, 0}, {"null", WOS_ERR_JSON_SHAPE, 0},
        {"[1]", WOS_ERR_JSON_SHAPE, 0},
    };
    size_t i;
    int64_t n;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        n = 12345;
        load(cases[i].text);
        assert_int_equal(wos_json_int64(&g_doc, 0, &n), cases[i].rc);
        assert_int_equal(n, cases[i].rc == WOS_OK ? cases[i].val : 12345);
    }
    load("[-7]"); /* inside a container, delimited by ']' */
    assert_int_equal(wos_json_int64(&g_doc, 1, &n), WOS_OK);
    assert_int_equal(n, -7);
    assert_int_equal(wos_json_int64(&g_doc, 1, NULL), WOS_ERR_INVALID_ARG);
}

static void booleans_and_null(void **state)
{
    bool b = true;
    (void)state;
    load("[false,true,null,0,\"true\"]");
    assert_bool(1, false);
    assert_bool(2, true);
    assert_true(wos_json_is_null(&g_doc, 3));
    assert_false(wos_json_is_null(&g_doc, 4));
    assert_int_equal(wos_json_bool(&g_doc, 3, &b), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_bool(&g_doc, 4, &b), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_bool(&g_doc, 5, &b), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_bool(&g_doc, 0, &b), WOS_ERR_JSON_SHAPE);
    assert_true(b);
    assert_int_equal(wos_json_bool(&g_doc, 1, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_json_type_of(&g_doc, 5), WOS_JSON_STRING);
}

static void string_shape_errors(void **state)
{
    wos_str s = {NULL, 0};
    (void)state;
    load("{\"a\":[1]}");
    assert_int_equal(wos_json_string(&g_doc, 0, &s), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_string(&g_doc, 2, &s), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_string(&g_doc, 3, &s), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_string(&g_doc, 4, &s), WOS_ERR_JSON_SHAPE);
    assert_int_equal(wos_json_string(&g_doc, 1, NULL), WOS_ERR_INVALID_ARG);
    assert_null(s.ptr);
    assert_str(1, "a");
}

static void example_bodies_token_counts(void **state)
{
    static const char *const bodies[] = {
        DI_LIST, TOKEN_ACTIVE, TOKEN_NO_EXPIRY, TOKEN_REAUTH, ERR_ERRORS, ERR_MSG_ARRAY, ERR_BARE, CREATE_REQ,
    };
    size_t b;
    unsigned cap, need, full;
    wos_json doc;
    (void)state;
    for (b = 0; b < sizeof bodies / sizeof bodies[0]; b++) {
        load(bodies[b]);
        full = g_doc.count;
        for (cap = 0; cap <= full + 1; cap++) {
            memcpy(g_buf, bodies[b], g_len);
            memset(g_tok, GUARD, sizeof g_tok);
            need = 0;
            assert_int_equal(wos_json_parse(&doc, g_buf, g_len, g_tok, cap, &need),
                             cap < full ? WOS_ERR_JSON_TOKENS : WOS_OK);
            assert_int_equal(need, full);
            g_doc.count = cap < full ? 0 : full; /* for assert_guards() */
            assert_guards();
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(data_integration_list),
        cmocka_unit_test(token_bodies),
        cmocka_unit_test(error_bodies),
        cmocka_unit_test(scalar_roots),
        cmocka_unit_test(skip_and_types),
        cmocka_unit_test(failed_parse_leaves_empty_doc),
        cmocka_unit_test(decodes_every_escape),
        cmocka_unit_test(decoding_clears_what_escapes_leave),
        cmocka_unit_test(rejects_lone_surrogates_and_nul),
        cmocka_unit_test(decoding_is_idempotent),
        cmocka_unit_test(member_unescapes_keys),
        cmocka_unit_test(int64_limits),
        cmocka_unit_test(booleans_and_null),
        cmocka_unit_test(string_shape_errors),
        cmocka_unit_test(example_bodies_token_counts),
        cmocka_unit_test(member_of_duplicates_is_the_last),
        cmocka_unit_test(members_in_one_pass),
        cmocka_unit_test(members_match_whole_names),
        cmocka_unit_test(members_zero_earlier_secrets),
        cmocka_unit_test(tokenise_refuses_what_it_cannot_fill),
        cmocka_unit_test(bare_primitive_root_with_whitespace),
        cmocka_unit_test(high_surrogate_without_its_pair),
        cmocka_unit_test(iteration_outputs_are_optional),
        cmocka_unit_test(iteration_past_the_tokens_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* Error replies: every body shape of the contract, plus empty, HTML and truncated bodies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_pipes.h"

static char g_body[4096];
static jsmntok_t g_tok[64];

static wos_api_error decode(int status, const char *body)
{
    wos_pipes_reply r;
    wos_api_error e;
    size_t n = strlen(body);
    memcpy(g_body, body, n);
    memset(&r, 0, sizeof r);
    r.status = status;
    r.body = g_body;
    r.body_len = n;
    r.request_id = (wos_str)WOS_STR_LIT("req_42");
    r.retry_after_s = status == 429 ? 7 : -1;
    r.tokens = g_tok;
    r.token_cap = 64;
    memset(&e, 0xA5, sizeof e);
    assert_int_equal(wos_pipes_decode_error(&r, &e), WOS_OK);
    assert_int_equal(e.http_status, status);
    assert_true(wos_str_eq(e.request_id, "req_42"));
    assert_int_equal(e.body.len, n);
    return e;
}

static void expect(wos_str s, const char *want)
{
    if (want == NULL) {
        assert_null(s.ptr);
        return;
    }
    assert_non_null(s.ptr);
    assert_int_equal(s.len, strlen(want));
    assert_memory_equal(s.ptr, want, s.len);
}

static void kinds_from_status(void **state)
{
    static const struct { int status; wos_error_kind kind; } k[] = {
        {600, WOS_ERROR_OTHER}, {499, WOS_ERROR_OTHER},
        {400, WOS_ERROR_BAD_REQUEST}, {401, WOS_ERROR_UNAUTHORIZED}, {403, WOS_ERROR_FORBIDDEN},
        {404, WOS_ERROR_NOT_FOUND}, {409, WOS_ERROR_CONFLICT}, {422, WOS_ERROR_UNPROCESSABLE},
        {429, WOS_ERROR_RATE_LIMITED}, {500, WOS_ERROR_SERVER}, {503, WOS_ERROR_SERVER},
        {599, WOS_ERROR_SERVER}, {418, WOS_ERROR_OTHER}, {302, WOS_ERROR_OTHER},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof k / sizeof k[0]; i++) {
        assert_int_equal(decode(k[i].status, "").kind, k[i].kind);
    }
    assert_int_equal(decode(429, "").retry_after_s, 7);
    assert_int_equal(decode(500, "").retry_after_s, -1);
}

static void every_contract_shape(void **state)
{
    wos_api_error e;
    (void)state;
    e = decode(404, "{\"message\": \"Data integration not found for the given provider slug.\"}");
    expect(e.message, "Data integration not found for the given provider slug.");
    expect(e.code, NULL);
    e = decode(422, "{\"code\": \"auth_method_mismatch\", \"message\": \"This installation uses api_key "
                    "authentication. Use the POST /:slug/credentials endpoint instead.\"}");
    expect(e.code, "auth_method_mismatch");
    expect(e.message, "This installation uses api_key authentication. Use the POST /:slug/credentials endpoint instead.");
    e = decode(422, "{\"message\": \"Validation failed\", \"code\": \"invalid_request_parameters\", \"errors\": "
                    "[{\"field\": \"client_id\", \"code\": \"required\"}, \"client_secret must be a string\", "
                    "{\"property\": \"scopes\", \"constraints\": {\"isArray\": \"scopes must be an array\"}}]}");
    expect(e.message, "Validation failed");
    expect(e.code, "invalid_request_parameters");
    e = decode(401, "{\"error\": \"invalid_client\", \"error_description\": \"Invalid client secret.\"}");
    expect(e.error, "invalid_client");
    expect(e.error_description, "Invalid client secret.");
    expect(e.message, NULL);
    e = decode(400, "{\"message\": [\"organization_id must be a string\", \"user_id should not be empty\"], "
                    "\"error\": \"Bad Request\"}");
    expect(e.message, "organization_id must be a string");
    expect(e.error, "Bad Request");
    e = decode(422, "{\"error\": \"Unprocessable\"}");
    expect(e.error, "Unprocessable");
    e = decode(429, "\"Ratelimited\"");
    expect(e.error, "Ratelimited");
    expect(e.message, NULL);
}

static void bodies_that_are_not_json(void **state)
{
    static const char *const k_bodies[] = {
        "", "<html><body><h1>502 Bad Gateway</h1></body></html>", "{\"message\": \"trunc",
        "{\"message\": \"a\"", "null", "[1,2]", "42", "{\"message\": 5, \"code\": [], \"error\": {}}",
        "{\"message\": [1, {\"a\": \"b\"}]}", "{\"message\": []}", "\xff\xfe",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof k_bodies / sizeof k_bodies[0]; i++) {
        wos_api_error e = decode(502, k_bodies[i]);
        expect(e.message, NULL);
        expect(e.code, NULL);
        expect(e.error, NULL);
        expect(e.error_description, NULL);
        assert_memory_equal(e.body.ptr, k_bodies[i], strlen(k_bodies[i]));
    }
}

static void too_few_tokens_still_decodes(void **state)
{
    wos_pipes_reply r;
    wos_api_error e;
    static char body[] = "{\"message\": \"x\", \"code\": \"y\"}";
    (void)state;
    memset(&r, 0, sizeof r);
    r.status = 400;
    r.body = body;
    r.body_len = strlen(body);
    r.tokens = g_tok;
    r.token_cap = 2;
    assert_int_equal(wos_pipes_decode_error(&r, &e), WOS_OK);
    expect(e.message, NULL);
    assert_int_equal(e.body.len, strlen(body));
    assert_int_equal(wos_pipes_decode_error(NULL, &e), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_decode_error(&r, NULL), WOS_ERR_INVALID_ARG);
}


/* The contract promises access to the raw body: error members are views of
 * the JSON text as sent (escapes kept), so decoding never rewrites the body. */
/* Duplicate members: the last occurrence wins. */
static void duplicate_members_last_wins(void **state)
{
    wos_api_error e = decode(422, "{\"code\":\"a\",\"message\":\"old\",\"code\":\"b\","
                                  "\"message\":[\"new\"],\"error\":\"x\",\"error\":\"y\"}");
    (void)state;
    expect(e.code, "b");
    expect(e.message, "new");
    expect(e.error, "y");
}

/* Every decoder refuses a reply it cannot read, and calls a non-2xx an error. */
static void decoders_check_the_reply(void **state)
{
    static char body[] = "{\"id\":\"d\",\"slug\":\"s\"}";
    wos_pipes_reply r;
    wos_api_error e;
    wos_data_integration d;
    wos_access_token t;
    wos_integration_page page;
    (void)state;
    memset(&r, 0, sizeof r);
    r.tokens = g_tok;
    r.token_cap = 64;
    r.status = 500;
    r.body = NULL;
    r.body_len = 3; /* a length without bytes */
    assert_int_equal(wos_pipes_decode_error(&r, &e), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_decode_delete(&r, &e), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_decode_integration(&r, &d, &e), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_decode_delete(NULL, &e), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_decode_token(NULL, &t, &e), WOS_ERR_INVALID_ARG);
    /* No body at all: an empty raw body, not a NULL one. */
    r.body_len = 0;
    assert_int_equal(wos_pipes_decode_error(&r, &e), WOS_OK);
    assert_non_null(e.body.ptr);
    assert_int_equal(e.body.len, 0);
    assert_int_equal(e.kind, WOS_ERROR_SERVER);
    /* An empty 2xx body is not the shape of any result. */
    r.status = 200;
    assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(wos_pipes_decode_delete(&r, NULL), WOS_OK);
    /* No result to fill. */
    r.body = body;
    r.body_len = strlen(body);
    assert_int_equal(wos_pipes_decode_integration(&r, NULL, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_decode_token(&r, NULL, NULL), WOS_ERR_INVALID_ARG);
    /* Outside 2xx on both sides: an error result (err may be NULL). */
    r.status = 199;
    assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_ERR_HTTP_STATUS);
    r.status = 304;
    assert_int_equal(wos_pipes_decode_integration(&r, &d, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.http_status, 304);
    assert_int_equal(e.kind, WOS_ERROR_OTHER);
    r.status = 299;
    assert_int_equal(wos_pipes_decode_integration(&r, &d, &e), WOS_OK);
}

static void raw_body_survives_escaped_strings(void **state)
{
    static const char raw[] = "{\"message\":\"slug \\\"x\\\" taken\",\"code\":\"conflict\"}";
    wos_api_error e;
    (void)state;
    e = decode(409, raw);
    expect(e.message, "slug \\\"x\\\" taken");
    assert_int_equal(e.body.len, strlen(raw));
    assert_memory_equal(e.body.ptr, raw, strlen(raw));
}

/* Escaped member names are the names they spell; the body stays as sent. */
static void escaped_member_names(void **state)
{
    static const char raw[] = "{\"c\\u006fde\":\"a\",\"\\u006dessage\":[\"m\"],\"error\\u0000\":\"nul\","
                              "\"errors\":\"s\",\"error_descriptio\":\"p\"}";
    wos_api_error e;
    (void)state;
    e = decode(400, raw);
    expect(e.code, "a");
    expect(e.message, "m");
    expect(e.error, NULL);
    expect(e.error_description, NULL);
    assert_int_equal(e.body.len, strlen(raw));
    assert_memory_equal(e.body.ptr, raw, strlen(raw));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds_from_status),
        cmocka_unit_test(every_contract_shape),
        cmocka_unit_test(bodies_that_are_not_json),
        cmocka_unit_test(too_few_tokens_still_decodes),
        cmocka_unit_test(raw_body_survives_escaped_strings),
        cmocka_unit_test(escaped_member_names),
        cmocka_unit_test(duplicate_members_last_wins),
        cmocka_unit_test(decoders_check_the_reply),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

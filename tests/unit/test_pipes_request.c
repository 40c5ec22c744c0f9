/* SPDX-License-Identifier: MIT */
/* Request bytes of every Pipes operation: method, path, headers exactly; body parsed back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "wos_config.h"
#include "wos_pipes.h"

#define GUARD 16
static char g_buf[8192 + GUARD];
static jsmntok_t g_tok[256];
static wos_json g_doc;

static const wos_pipes_endpoint k_ep = {WOS_STR_LIT("api.workos.com"), 443, true,
                                        WOS_STR_LIT("sk_test_123")};

static const char k_common[] = "Host: api.workos.com\r\n"
                               "Authorization: Bearer sk_test_123\r\n"
                               "User-Agent: wos-pipes-c/" WOS_VERSION "\r\n"
                               "Accept: application/json\r\n";

/* Writes the call, checks sizes and guards, returns the request length. */
static size_t write_call(const wos_pipes_call *call)
{
    size_t len = 0, need = 0, cap;
    memset(g_buf, 0x5A, sizeof g_buf);
    assert_int_equal(wos_pipes_write_request(&k_ep, call, g_buf, 8192, &len), WOS_OK);
    /* Every smaller buffer: too small, exact size reported, nothing past it. */
    for (cap = 0; cap < len; cap += (cap < 64 ? 1 : 7)) {
        memset(g_buf, 0x5A, sizeof g_buf);
        assert_int_equal(wos_pipes_write_request(&k_ep, call, g_buf, cap, &need),
                         WOS_ERR_BUFFER_TOO_SMALL);
        assert_int_equal(need, len);
        assert_int_equal((unsigned char)g_buf[cap], 0x5A);
    }
    memset(g_buf, 0x5A, sizeof g_buf);
    assert_int_equal(wos_pipes_write_request(&k_ep, call, g_buf, len, &need), WOS_OK);
    assert_int_equal(need, len);
    assert_int_equal((unsigned char)g_buf[len], 0x5A);
    g_buf[len] = '\0';
    return len;
}

/* Splits off the body and parses it into g_doc; checks Content-Length. */
static void parse_body(size_t len)
{
    char *sep = strstr(g_buf, "\r\n\r\n");
    char *cl = strstr(g_buf, "Content-Length: ");
    size_t body_len, declared = 0;
    unsigned needed;
    assert_non_null(sep);
    assert_non_null(cl);
    body_len = len - (size_t)(sep + 4 - g_buf);
    for (cl += 16; *cl >= '0' && *cl <= '9'; cl++) {
        declared = declared * 10u + (size_t)(*cl - '0');
    }
    assert_int_equal(declared, body_len);
    assert_int_equal(wos_json_parse(&g_doc, sep + 4, body_len, g_tok, 256, &needed), WOS_OK);
}

static void expect_member_str(int obj, const char *key, const char *want)
{
    int v;
    wos_str s;
    assert_int_equal(wos_json_member(&g_doc, obj, key, &v), WOS_OK);
    assert_int_equal(wos_json_string(&g_doc, v, &s), WOS_OK);
    assert_int_equal(s.len, strlen(want));
    assert_memory_equal(s.ptr, want, s.len);
}

static void expect_member_null(int obj, const char *key)
{
    int v;
    assert_int_equal(wos_json_member(&g_doc, obj, key, &v), WOS_OK);
    assert_true(wos_json_is_null(&g_doc, v));
}

static void expect_absent(int obj, const char *key)
{
    int v;
    assert_int_equal(wos_json_member(&g_doc, obj, key, &v), WOS_ERR_NOT_FOUND);
}

static int member(int obj, const char *key)
{
    int v = -1;
    assert_int_equal(wos_json_member(&g_doc, obj, key, &v), WOS_OK);
    return v;
}

static void token_request_bytes(void **state)
{
    wos_token_params p = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("user_01EHZNVPK3SFK441A1RGBFSHRT"),
        .organization_id = WOS_STR_LIT("org_01EHZNVPK3SFK441A1RGBFSHRT")};
    wos_pipes_call c = {0};
    char head[512];
    size_t len;
    (void)state;
    c.op = WOS_OP_TOKEN;
    c.token = &p;
    c.idempotency_key = (wos_str)WOS_STR_LIT("6f1c1b8e-2a44-4c61-9a8e-0d3c2f6b7a10");
    len = write_call(&c);
    snprintf(head, sizeof head,
             "POST /data-integrations/github/token HTTP/1.1\r\n%s"
             "Connection: keep-alive\r\nIdempotency-Key: 6f1c1b8e-2a44-4c61-9a8e-0d3c2f6b7a10\r\n"
             "Content-Type: application/json\r\nContent-Length: ",
             k_common);
    assert_memory_equal(g_buf, head, strlen(head));
    parse_body(len);
    assert_int_equal(wos_json_size(&g_doc, 0), 2);
    expect_member_str(0, "user_id", "user_01EHZNVPK3SFK441A1RGBFSHRT");
    expect_member_str(0, "organization_id", "org_01EHZNVPK3SFK441A1RGBFSHRT");
}

static void token_request_omits_unset_org(void **state)
{
    wos_token_params p = {.slug = WOS_STR_LIT("slack"), .user_id = WOS_STR_LIT("user_1"),
        .organization_id = WOS_STR_NULL};
    (void)state;
    size_t len;
    wos_pipes_call c = {0};
    c.op = WOS_OP_TOKEN;
    c.token = &p;
    len = write_call(&c);
    assert_null(strstr(g_buf, "Idempotency-Key"));
    parse_body(len);
    assert_int_equal(wos_json_size(&g_doc, 0), 1);
    expect_absent(0, "organization_id");
}

static void create_request_every_field(void **state)
{
    static const wos_str scopes[] = {WOS_STR_LIT("repo"), WOS_STR_LIT("read:org")};
    static const wos_str methods[] = {WOS_STR_LIT("oauth")};
    static const wos_str_pair cfg[] = {{WOS_STR_LIT("account_identifier"), WOS_STR_LIT("acme-prod")}};
    static const wos_str_pair extra[] = {{WOS_STR_LIT("prompt"), WOS_STR_LIT("consent")},
                                         {WOS_STR_LIT("access_type"), WOS_STR_LIT("offline")}};
    wos_custom_provider_params cp = {0};
    wos_integration_params p = {0};
    wos_pipes_call c = {0};
    size_t len;
    int o, v;
    wos_str s;
    (void)state;
    cp.name = (wos_str)WOS_STR_LIT("My OAuth App");
    cp.authorization_url = (wos_str)WOS_STR_LIT("https://provider.example.com/oauth/authorize");
    cp.token_url = (wos_str)WOS_STR_LIT("https://provider.example.com/oauth/token");
    cp.refresh_token_url.state = WOS_NULL;
    cp.pkce_enabled = (wos_opt_bool){true, true};
    cp.request_scope_separator = (wos_str)WOS_STR_LIT(" ");
    cp.scopes_required = (wos_opt_bool){true, false};
    cp.client_secret_required = (wos_opt_bool){true, true};
    cp.additional_authorization_parameters = (wos_str_map){true, extra, 2};
    cp.token_body_content_type = (wos_str)WOS_STR_LIT("application/x-www-form-urlencoded");
    cp.authenticate_via = (wos_str)WOS_STR_LIT("basic_auth_header");
    p.provider = (wos_str)WOS_STR_LIT("acme");
    p.description = (wos_opt_str){WOS_SET, WOS_STR_LIT("Production \"acme\" app\n")};
    p.enabled = (wos_opt_bool){true, true};
    p.scopes = (wos_str_list){WOS_SET, scopes, 2};
    p.auth_methods = (wos_str_list){WOS_SET, methods, 1};
    p.config = (wos_str_map){true, cfg, 1};
    p.credentials = (wos_credentials_params){WOS_STR_LIT("custom"), WOS_STR_LIT("Iv1.abc123"),
                                             WOS_STR_LIT("s3cr\\et")};
    p.api_key = (wos_api_key_params){WOS_STR_LIT("sk-tenant"), WOS_STR_LIT("user_1"), WOS_STR_NULL};
    p.custom_provider = &cp;
    c.op = WOS_OP_CREATE;
    c.fields = &p;
    c.idempotency_key = (wos_str)WOS_STR_LIT("key-1");
    len = write_call(&c);
    assert_memory_equal(g_buf, "POST /data-integrations HTTP/1.1\r\n", 34);
    assert_non_null(strstr(g_buf, "\r\nIdempotency-Key: key-1\r\n"));
    parse_body(len);
    assert_int_equal(wos_json_size(&g_doc, 0), 9);
    expect_member_str(0, "provider", "acme");
    expect_member_str(0, "description", "Production \"acme\" app\n");
    assert_int_equal(wos_json_bool(&g_doc, member(0, "enabled"), &(bool){false}), WOS_OK);
    v = member(0, "scopes");
    assert_int_equal(wos_json_size(&g_doc, v), 2);
    assert_int_equal(wos_json_item(&g_doc, v, 1, &o), WOS_OK);
    assert_int_equal(wos_json_string(&g_doc, o, &s), WOS_OK);
    assert_true(wos_str_eq(s, "read:org"));
    assert_int_equal(wos_json_size(&g_doc, member(0, "auth_methods")), 1);
    expect_member_str(member(0, "config"), "account_identifier", "acme-prod");
    o = member(0, "credentials");
    expect_member_str(o, "type", "custom");
    expect_member_str(o, "client_id", "Iv1.abc123");
    expect_member_str(o, "client_secret", "s3cr\\et");
    o = member(0, "api_key");
    assert_int_equal(wos_json_size(&g_doc, o), 2);
    expect_member_str(o, "secret", "sk-tenant");
    expect_member_str(o, "user_id", "user_1");
    o = member(0, "custom_provider");
    assert_int_equal(wos_json_size(&g_doc, o), 11);
    expect_member_str(o, "name", "My OAuth App");
    expect_member_null(o, "refresh_token_url");
    expect_member_str(o, "request_scope_separator", " ");
    expect_member_str(o, "authenticate_via", "basic_auth_header");
    expect_member_str(member(o, "additional_authorization_parameters"), "access_type", "offline");
}

/* Tri-state fields: omitted, null and value each reach the wire as such. */
static void update_tristates(void **state)
{
    wos_integration_params p = {0};
    wos_pipes_call c = {0};
    size_t len;
    (void)state;
    c.op = WOS_OP_UPDATE;
    c.slug = (wos_str)WOS_STR_LIT("github");
    c.fields = &p;
    len = write_call(&c); /* everything omitted */
    assert_memory_equal(g_buf, "PUT /data-integrations/github HTTP/1.1\r\n", 40);
    assert_null(strstr(g_buf, "Idempotency-Key"));
    parse_body(len);
    assert_int_equal(wos_json_size(&g_doc, 0), 0);

    p.description.state = WOS_NULL;
    p.scopes.state = WOS_NULL;
    len = write_call(&c);
    parse_body(len);
    assert_int_equal(wos_json_size(&g_doc, 0), 2);
    expect_member_null(0, "description");
    expect_member_null(0, "scopes");

    p.description = (wos_opt_str){WOS_SET, WOS_STR_LIT("")};
    p.scopes = (wos_str_list){WOS_SET, NULL, 0};
    p.enabled = (wos_opt_bool){true, false};
    len = write_call(&c);
    parse_body(len);
    expect_member_str(0, "description", "");
    assert_int_equal(wos_json_type_of(&g_doc, member(0, "scopes")), WOS_JSON_ARRAY);
    assert_int_equal(wos_json_size(&g_doc, member(0, "scopes")), 0);
    expect_absent(0, "credentials");
    expect_absent(0, "custom_provider");
}

static void update_custom_provider_refresh_url_value(void **state)
{
    wos_custom_provider_params cp = {0};
    wos_integration_params p = {0};
    wos_pipes_call c = {0};
    size_t len;
    int o;
    (void)state;
    cp.refresh_token_url = (wos_opt_str){WOS_SET, WOS_STR_LIT("https://r.example/t")};
    p.custom_provider = &cp;
    c.op = WOS_OP_UPDATE;
    c.slug = (wos_str)WOS_STR_LIT("acme");
    c.fields = &p;
    len = write_call(&c);
    parse_body(len);
    o = member(0, "custom_provider");
    assert_int_equal(wos_json_size(&g_doc, o), 1);
    expect_member_str(o, "refresh_token_url", "https://r.example/t");
}

/* Every limit the API takes is written in decimal, without leading zeros. */
static void list_every_limit(void **state)
{
    wos_list_params lp = {0, WOS_STR_NULL, WOS_STR_NULL, WOS_STR_NULL};
    wos_pipes_call c = {0};
    char want[64];
    unsigned n;
    (void)state;
    c.op = WOS_OP_LIST;
    c.list = &lp;
    for (n = 1; n <= 100u; n++) {
        lp.limit = n;
        write_call(&c);
        snprintf(want, sizeof want, "GET /data-integrations?limit=%u HTTP/1.1\r\n", n);
        assert_memory_equal(g_buf, want, strlen(want));
    }
}

static void list_get_delete_bytes(void **state)
{
    wos_list_params lp = {100, WOS_STR_NULL, WOS_STR_LIT("data_integration_01H+/x"), WOS_STR_LIT("asc")};
    wos_pipes_call c = {0};
    char want[512];
    (void)state;
    c.op = WOS_OP_LIST;
    c.list = &lp;
    write_call(&c);
    snprintf(want, sizeof want,
             "GET /data-integrations?limit=100&after=data_integration_01H%%2B%%2Fx&order=asc HTTP/1.1\r\n"
             "%sConnection: keep-alive\r\n\r\n", k_common);
    assert_string_equal(g_buf, want);

    c.list = NULL;
    write_call(&c);
    snprintf(want, sizeof want, "GET /data-integrations HTTP/1.1\r\n%sConnection: keep-alive\r\n\r\n",
             k_common);
    assert_string_equal(g_buf, want);

    lp = (wos_list_params){7, WOS_STR_LIT("b"), WOS_STR_NULL, WOS_STR_NULL};
    c.list = &lp;
    write_call(&c);
    assert_memory_equal(g_buf, "GET /data-integrations?limit=7&before=b HTTP/1.1\r\n", 50);

    memset(&c, 0, sizeof c);
    c.op = WOS_OP_GET;
    c.slug = (wos_str)WOS_STR_LIT("my slug/ä");
    write_call(&c);
    snprintf(want, sizeof want,
             "GET /data-integrations/my%%20slug%%2F%%C3%%A4 HTTP/1.1\r\n%sConnection: keep-alive\r\n\r\n",
             k_common);
    assert_string_equal(g_buf, want);

    c.op = WOS_OP_DELETE;
    c.slug = (wos_str)WOS_STR_LIT("github");
    write_call(&c);
    snprintf(want, sizeof want, "DELETE /data-integrations/github HTTP/1.1\r\n%sConnection: keep-alive\r\n\r\n",
             k_common);
    assert_string_equal(g_buf, want);
}

static void typed_wrappers_match_generic(void **state)
{
    static char other[2048];
    wos_token_params tp = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("u"),
        .organization_id = WOS_STR_NULL};
    wos_pipes_call c = {0};
    size_t a, b;
    (void)state;
    c.op = WOS_OP_TOKEN;
    c.token = &tp;
    c.idempotency_key = (wos_str)WOS_STR_LIT("k");
    a = write_call(&c);
    assert_int_equal(wos_pipes_write_token(&k_ep, &tp, (wos_str)WOS_STR_LIT("k"), other, sizeof other, &b),
                     WOS_OK);
    assert_int_equal(a, b);
    assert_memory_equal(g_buf, other, a);
    c.op = WOS_OP_DELETE;
    c.slug = (wos_str)WOS_STR_LIT("x");
    a = write_call(&c);
    assert_int_equal(wos_pipes_write_delete(&k_ep, (wos_str)WOS_STR_LIT("x"), other, sizeof other, &b), WOS_OK);
    assert_int_equal(a, b);
    assert_memory_equal(g_buf, other, a);
}

static void rejects_bad_calls(void **state)
{
    static const char *const bad_slugs[] = {"", ".", ".."};
    wos_integration_params create_no_provider = {0};
    wos_integration_params update_with_provider = {0};
    wos_integration_params null_methods = {0};
    wos_list_params big = {101, WOS_STR_NULL, WOS_STR_NULL, WOS_STR_NULL};
    wos_token_params no_user = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_NULL,
        .organization_id = WOS_STR_NULL};
    wos_token_params token_slug = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("u"),
        .organization_id = WOS_STR_NULL};
    wos_pipes_endpoint ep = k_ep;
    size_t len = 0, i;
    (void)state;
    for (i = 0; i < 3; i++) {
        wos_str s = wos_str_c(bad_slugs[i]);
        assert_int_equal(wos_pipes_write_get(&k_ep, s, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
        assert_int_equal(wos_pipes_write_delete(&k_ep, s, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
        /* the token's fixed request line checks its slug as any segment */
        token_slug.slug = s;
        assert_int_equal(wos_pipes_write_token(&k_ep, &token_slug, (wos_str)WOS_STR_NULL, g_buf, 4096, &len),
                         WOS_ERR_INVALID_ARG);
        assert_int_equal(len, 0u);
    }
    token_slug.slug = (wos_str)WOS_STR_NULL;
    assert_int_equal(wos_pipes_write_token(&k_ep, &token_slug, (wos_str)WOS_STR_NULL, g_buf, 4096, &len),
                     WOS_ERR_INVALID_ARG);
    token_slug.slug = (wos_str)WOS_STR_LIT("...");
    assert_int_equal(wos_pipes_write_token(&k_ep, &token_slug, (wos_str)WOS_STR_NULL, g_buf, 4096, &len), WOS_OK);
    assert_true(len > 44u && memcmp(g_buf, "POST /data-integrations/.../token HTTP/1.1\r\n", 44) == 0);
    assert_int_equal(wos_pipes_write_get(&k_ep, (wos_str)WOS_STR_LIT("..."), g_buf, 4096, &len), WOS_OK);
    assert_int_equal(wos_pipes_write_create(&k_ep, &create_no_provider, (wos_str)WOS_STR_NULL, g_buf, 4096, &len),
                     WOS_ERR_INVALID_ARG);
    update_with_provider.provider = (wos_str)WOS_STR_LIT("github");
    assert_int_equal(wos_pipes_write_update(&k_ep, (wos_str)WOS_STR_LIT("github"), &update_with_provider, g_buf,
                                            4096, &len),
                     WOS_ERR_INVALID_ARG);
    null_methods.auth_methods.state = WOS_NULL;
    assert_int_equal(wos_pipes_write_update(&k_ep, (wos_str)WOS_STR_LIT("github"), &null_methods, g_buf, 4096, &len),
                     WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_write_list(&k_ep, &big, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_write_token(&k_ep, &no_user, (wos_str)WOS_STR_NULL, g_buf, 4096, &len),
                     WOS_ERR_INVALID_ARG);
    ep.api_key = (wos_str)WOS_STR_LIT("sk_x\r\nX-Evil: 1");
    assert_int_equal(wos_pipes_write_get(&ep, (wos_str)WOS_STR_LIT("github"), g_buf, 4096, &len),
                     WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_write_request(&k_ep, NULL, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
}

/* Calls missing their parameters, or naming no operation, are refused. */
static void refuses_missing_parameters(void **state)
{
    wos_pipes_call c = {0};
    wos_custom_provider_params cp = {0};
    wos_integration_params f = {0};
    wos_pipes_endpoint ep = k_ep;
    size_t len;
    (void)state;
    c.op = WOS_OP_TOKEN; /* no token parameters */
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
    c.op = WOS_OP_CREATE; /* no fields */
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
    c.op = NULL; /* no operation */
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
    c.op = WOS_OP_LIST;
    assert_int_equal(wos_pipes_write_request(NULL, &c, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
    memset(g_buf, 'k', 64);
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, 4096, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_buf[0], 0); /* refused by the HTTP writer, wiped all the same */
    assert_int_equal(g_buf[63], 0);
    ep.host = (wos_str)WOS_STR_NULL;
    assert_int_equal(wos_pipes_write_request(&ep, &c, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
    /* A custom provider needs its name on create, not on update. */
    f.provider = (wos_str)WOS_STR_LIT("acme");
    f.custom_provider = &cp;
    assert_int_equal(wos_pipes_write_create(&k_ep, &f, (wos_str)WOS_STR_NULL, g_buf, 4096, &len),
                     WOS_ERR_INVALID_ARG);
    f.provider = (wos_str)WOS_STR_NULL;
    cp.token_url = (wos_str)WOS_STR_LIT("https://t");
    assert_int_equal(wos_pipes_write_update(&k_ep, (wos_str)WOS_STR_LIT("acme"), &f, g_buf, 4096, &len),
                     WOS_OK);
    /* A tenant API key needs its user. */
    f.api_key.secret = (wos_str)WOS_STR_LIT("k");
    assert_int_equal(wos_pipes_write_update(&k_ep, (wos_str)WOS_STR_LIT("acme"), &f, g_buf, 4096, &len),
                     WOS_ERR_INVALID_ARG);
}

/* Used alone (no client), the Pipes layer must not leave the API key or a
 * client secret in a buffer it failed to fill. */
static void failed_request_leaves_no_secret(void **state)
{
    wos_integration_params p = {0};
    size_t len, i;
    (void)state;
    p.provider = (wos_str)WOS_STR_LIT("github");
    p.credentials = (wos_credentials_params){WOS_STR_LIT("custom"), WOS_STR_LIT("Iv1"), WOS_STR_LIT("s3cret")};
    memset(g_buf, 0x5A, sizeof g_buf);
    assert_int_equal(wos_pipes_write_create(&k_ep, &p, (wos_str)WOS_STR_NULL, g_buf, 200, &len),
                     WOS_ERR_BUFFER_TOO_SMALL);
    for (i = 0; i < 200; i++) {
        assert_int_equal(g_buf[i], 0);
    }
    assert_int_equal((unsigned char)g_buf[200], 0x5A);
    p.credentials.client_secret = (wos_str)WOS_STR_LIT("bad\xC0\xAF");
    memset(g_buf, 0x5A, sizeof g_buf);
    assert_int_equal(wos_pipes_write_create(&k_ep, &p, (wos_str)WOS_STR_NULL, g_buf, 4096, &len),
                     WOS_ERR_INVALID_UTF8);
    for (i = 0; i < 4096; i++) {
        assert_int_equal(g_buf[i], 0);
    }
    /* Refused by the parameter check: the buffer may still hold the
     * previous request (API key included), and is zeroed all the same. */
    p.provider = (wos_str)WOS_STR_NULL;
    memset(g_buf, 0x5A, sizeof g_buf);
    assert_int_equal(wos_pipes_write_create(&k_ep, &p, (wos_str)WOS_STR_NULL, g_buf, 4096, &len),
                     WOS_ERR_INVALID_ARG);
    for (i = 0; i < 4096; i++) {
        assert_int_equal(g_buf[i], 0);
    }
    assert_int_equal((unsigned char)g_buf[4096], 0x5A);
    memset(g_buf, 0x5A, sizeof g_buf);
    assert_int_equal(wos_pipes_write_request(&k_ep, NULL, g_buf, 4096, &len), WOS_ERR_INVALID_ARG);
    for (i = 0; i < 4096; i++) {
        assert_int_equal(g_buf[i], 0);
    }
}

/* Free text that is not UTF-8 says so; identifiers are refused as arguments (below). */
static void invalid_utf8_in_body_rejected(void **state)
{
    wos_integration_params p = {0};
    size_t len;
    (void)state;
    p.description.state = WOS_SET;
    p.description.value = (wos_str)WOS_STR_LIT("caf\xC3");
    assert_int_equal(wos_pipes_write_update(&k_ep, (wos_str)WOS_STR_LIT("github"), &p, g_buf, 4096, &len),
                     WOS_ERR_INVALID_UTF8);
}

static wos_status write_one(wos_pipes_op op, wos_str slug, const wos_integration_params *f,
                            const wos_token_params *t, const wos_list_params *l)
{
    wos_pipes_call c = {0};
    size_t len = 0;
    c.op = op;
    c.slug = slug;
    c.fields = f;
    c.token = t;
    c.list = l;
    return wos_pipes_write_request(&k_ep, &c, g_buf, 4096, &len);
}

/*
 * The API boundary: an empty required id, a NULL item in a string list,
 * a slug, id or cursor that is not UTF-8, a bad Host name: each
 * WOS_ERR_INVALID_ARG before anything is written.
 */
static void refuses_bad_ids_lists_and_hosts(void **state)
{
    static const wos_str k_bad = WOS_STR_LIT("a\xFF");
    static const wos_str k_items[] = {WOS_STR_LIT("repo"), WOS_STR_NULL};
    static const char *const k_hosts[] = {".", "..", "a..b", ".a", "a.", "-a.com", "a.-b", "_a", "a._b"};
    wos_token_params t = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT(""),
        .organization_id = WOS_STR_NULL};
    wos_integration_params f = {0};
    wos_list_params l = {0};
    wos_pipes_endpoint ep = k_ep;
    wos_str ok = WOS_STR_LIT("github");
    size_t i, len;
    (void)state;
    assert_int_equal(write_one(WOS_OP_TOKEN, ok, NULL, &t, NULL), WOS_ERR_INVALID_ARG); /* empty user_id */
    t.user_id = k_bad;
    assert_int_equal(write_one(WOS_OP_TOKEN, ok, NULL, &t, NULL), WOS_ERR_INVALID_ARG);
    t.user_id = (wos_str)WOS_STR_LIT("u");
    t.organization_id = k_bad;
    assert_int_equal(write_one(WOS_OP_TOKEN, ok, NULL, &t, NULL), WOS_ERR_INVALID_ARG);
    t.organization_id = (wos_str)WOS_STR_LIT("");
    assert_int_equal(write_one(WOS_OP_TOKEN, ok, NULL, &t, NULL), WOS_ERR_INVALID_ARG);
    /* Refused as an argument whatever the room, and the buffer wiped. */
    t.organization_id = k_bad;
    memset(g_buf, 'k', 64);
    assert_int_equal(wos_pipes_write_token(&k_ep, &t, (wos_str)WOS_STR_LIT("idem"), g_buf, 64, &len),
                     WOS_ERR_INVALID_ARG);
    for (i = 0; i < 64; i++) {
        assert_int_equal(g_buf[i], 0);
    }
    assert_int_equal(wos_pipes_write_token(&k_ep, &t, (wos_str)WOS_STR_LIT("idem"), NULL, 0, &len),
                     WOS_ERR_INVALID_ARG);
    t.organization_id = (wos_str)WOS_STR_LIT("");
    assert_int_equal(wos_pipes_write_token(&k_ep, &t, (wos_str)WOS_STR_NULL, NULL, 0, &len),
                     WOS_ERR_INVALID_ARG);
    t.organization_id = (wos_str)WOS_STR_NULL;
    t.connected_account_id = (wos_str)WOS_STR_LIT("");
    assert_int_equal(write_one(WOS_OP_TOKEN, ok, NULL, &t, NULL), WOS_ERR_INVALID_ARG);
    t.connected_account_id = k_bad;
    assert_int_equal(write_one(WOS_OP_TOKEN, ok, NULL, &t, NULL), WOS_ERR_INVALID_ARG);
    t.connected_account_id = (wos_str)WOS_STR_NULL;
    t.user_id = (wos_str)WOS_STR_NULL;
    assert_int_equal(wos_pipes_write_token(&k_ep, &t, (wos_str)WOS_STR_NULL, NULL, 0, &len),
                     WOS_ERR_INVALID_ARG);
    t.user_id = (wos_str)WOS_STR_LIT("u");
    t.slug = k_bad;
    assert_int_equal(write_one(WOS_OP_TOKEN, ok, NULL, &t, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pipes_write_token(&k_ep, &t, (wos_str)WOS_STR_NULL, NULL, 0, &len),
                     WOS_ERR_INVALID_ARG);
    t.slug = ok;
    assert_int_equal(write_one(WOS_OP_TOKEN, ok, NULL, &t, NULL), WOS_OK);
    /* Slugs of every operation that names one. */
    assert_int_equal(write_one(WOS_OP_GET, k_bad, NULL, NULL, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(write_one(WOS_OP_DELETE, k_bad, NULL, NULL, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(write_one(WOS_OP_UPDATE, k_bad, &f, NULL, NULL), WOS_ERR_INVALID_ARG);
    f.provider = k_bad;
    assert_int_equal(write_one(WOS_OP_CREATE, ok, &f, NULL, NULL), WOS_ERR_INVALID_ARG);
    f.provider = (wos_str)WOS_STR_LIT("");
    assert_int_equal(write_one(WOS_OP_CREATE, ok, &f, NULL, NULL), WOS_ERR_INVALID_ARG);
    f.provider = ok;
    /* The tenant API key's ids. */
    f.api_key = (wos_api_key_params){WOS_STR_LIT("k"), WOS_STR_LIT(""), WOS_STR_NULL};
    assert_int_equal(write_one(WOS_OP_CREATE, ok, &f, NULL, NULL), WOS_ERR_INVALID_ARG);
    f.api_key.user_id = (wos_str)WOS_STR_LIT("u");
    f.api_key.organization_id = k_bad;
    assert_int_equal(write_one(WOS_OP_CREATE, ok, &f, NULL, NULL), WOS_ERR_INVALID_ARG);
    f.api_key.organization_id = (wos_str)WOS_STR_LIT("o");
    assert_int_equal(write_one(WOS_OP_CREATE, ok, &f, NULL, NULL), WOS_OK);
    /* A NULL item (or no items at all) in a list that allows none. */
    f.scopes = (wos_str_list){WOS_SET, k_items, 2};
    assert_int_equal(write_one(WOS_OP_CREATE, ok, &f, NULL, NULL), WOS_ERR_INVALID_ARG);
    f.scopes = (wos_str_list){WOS_SET, NULL, 1};
    assert_int_equal(write_one(WOS_OP_CREATE, ok, &f, NULL, NULL), WOS_ERR_INVALID_ARG);
    f.scopes = (wos_str_list){WOS_SET, k_items, 1};
    f.auth_methods = (wos_str_list){WOS_SET, k_items, 2};
    assert_int_equal(write_one(WOS_OP_UPDATE, ok, &f, NULL, NULL), WOS_ERR_INVALID_ARG);
    f.provider = (wos_str)WOS_STR_NULL;
    f.auth_methods = (wos_str_list){WOS_SET, k_items, 1};
    assert_int_equal(write_one(WOS_OP_UPDATE, ok, &f, NULL, NULL), WOS_OK);
    /* List cursors are object ids. */
    l.after = k_bad;
    assert_int_equal(write_one(WOS_OP_LIST, ok, NULL, NULL, &l), WOS_ERR_INVALID_ARG);
    l.after = (wos_str)WOS_STR_NULL;
    l.before = k_bad;
    assert_int_equal(write_one(WOS_OP_LIST, ok, NULL, NULL, &l), WOS_ERR_INVALID_ARG);
    /* The Host header of the sans-I/O endpoint. */
    for (i = 0; i < sizeof k_hosts / sizeof k_hosts[0]; i++) {
        ep.host = wos_str_c(k_hosts[i]);
        if (wos_pipes_write_get(&ep, ok, g_buf, 4096, &len) != WOS_ERR_INVALID_ARG) {
            fail_msg("host %s accepted", k_hosts[i]);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(token_request_bytes),
        cmocka_unit_test(token_request_omits_unset_org),
        cmocka_unit_test(create_request_every_field),
        cmocka_unit_test(update_tristates),
        cmocka_unit_test(update_custom_provider_refresh_url_value),
        cmocka_unit_test(list_get_delete_bytes),
        cmocka_unit_test(list_every_limit),
        cmocka_unit_test(typed_wrappers_match_generic),
        cmocka_unit_test(rejects_bad_calls),
        cmocka_unit_test(failed_request_leaves_no_secret),
        cmocka_unit_test(invalid_utf8_in_body_rejected),
        cmocka_unit_test(refuses_bad_ids_lists_and_hosts),
        cmocka_unit_test(refuses_missing_parameters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

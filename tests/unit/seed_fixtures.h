/* SPDX-License-Identifier: MIT */
/* Seed example bodies (../shared/api/examples) and their expected values, shared by Pipes tests. */
#ifndef SEED_FIXTURES_H
#define SEED_FIXTURES_H

#include <string.h>

#include "wos_pipes.h"

/* A reply whose body is a copy of json in body (cap bytes), parsed with tokens. */
static inline wos_pipes_reply reply_in(char *body, size_t cap, jsmntok_t *tokens, unsigned token_cap,
                                       int status, const char *json)
{
    wos_pipes_reply r;
    size_t n = strlen(json);
    assert_true(n < cap);
    memcpy(body, json, n);
    memset(&r, 0, sizeof r);
    r.status = status;
    r.body = body;
    r.body_len = n;
    r.retry_after_s = -1;
    r.tokens = tokens;
    r.token_cap = token_cap;
    return r;
}

static inline void expect_str(wos_str s, const char *want)
{
    assert_non_null(s.ptr);
    assert_int_equal(s.len, strlen(want));
    assert_memory_equal(s.ptr, want, s.len);
}

static inline void expect_item(const wos_strings *a, unsigned i, const char *want)
{
    wos_str s;
    assert_int_equal(wos_strings_get(a, i, &s), WOS_OK);
    expect_str(s, want);
}

/* /work/shared/api/examples/data-integration.json */
static const char k_integration[] =
    "{\"object\": \"data_integration\", \"id\": \"data_integration_01EHZNVPK3SFK441A1RGBFSHRT\","
    " \"slug\": \"github\", \"integration_type\": \"github\", \"description\": \"Production GitHub app\","
    " \"enabled\": true, \"state\": \"valid\", \"scopes\": [\"repo\", \"read:org\"],"
    " \"redirect_uri\": \"https://api.workos.com/data-integrations/github/dik_01EHZNVPK3SFK441A1RGBFSHRT/callback\","
    " \"credentials\": {\"type\": \"custom\", \"client_id\": \"Iv1.abc123\", \"redacted_client_secret\": \"6789\"},"
    " \"custom_provider\": {\"name\": \"My OAuth App\","
    " \"authorization_url\": \"https://provider.example.com/oauth/authorize\","
    " \"token_url\": \"https://provider.example.com/oauth/token\","
    " \"refresh_token_url\": \"https://provider.example.com/oauth/token\", \"pkce_enabled\": true,"
    " \"request_scope_separator\": \" \", \"scopes_required\": false, \"client_secret_required\": true,"
    " \"additional_authorization_parameters\": {\"prompt\": \"consent\"},"
    " \"token_body_content_type\": \"application/x-www-form-urlencoded\", \"authenticate_via\": \"request_body\"},"
    " \"created_at\": \"2026-01-15T12:00:00.000Z\", \"updated_at\": \"2026-01-15T12:00:00.000Z\"}";

static inline void check_seed_integration(const wos_data_integration *d)
{
    wos_str k, v;
    expect_str(d->object, "data_integration");
    expect_str(d->id, "data_integration_01EHZNVPK3SFK441A1RGBFSHRT");
    expect_str(d->slug, "github");
    expect_str(d->integration_type, "github");
    expect_str(d->description, "Production GitHub app");
    assert_true(d->enabled);
    assert_int_equal(d->state, WOS_STATE_VALID);
    expect_str(d->state_text, "valid");
    assert_int_equal(d->scopes.count, 2);
    expect_item(&d->scopes, 0, "repo");
    expect_item(&d->scopes, 1, "read:org");
    expect_str(d->redirect_uri,
               "https://api.workos.com/data-integrations/github/dik_01EHZNVPK3SFK441A1RGBFSHRT/callback");
    assert_true(wos_view_absent(&d->auth_methods)); /* absent in the seed */
    assert_false(wos_view_null(&d->auth_methods));
    assert_true(d->credentials.present);
    expect_str(d->credentials.type, "custom");
    expect_str(d->credentials.client_id, "Iv1.abc123");
    expect_str(d->credentials.redacted_client_secret, "6789");
    assert_false(d->installation.present);
    assert_true(d->custom_provider.present);
    expect_str(d->custom_provider.name, "My OAuth App");
    expect_str(d->custom_provider.authorization_url, "https://provider.example.com/oauth/authorize");
    expect_str(d->custom_provider.token_url, "https://provider.example.com/oauth/token");
    expect_str(d->custom_provider.refresh_token_url, "https://provider.example.com/oauth/token");
    assert_true(d->custom_provider.pkce_enabled);
    expect_str(d->custom_provider.request_scope_separator, " ");
    assert_false(d->custom_provider.scopes_required);
    assert_true(d->custom_provider.client_secret_required);
    assert_int_equal(d->custom_provider.additional_authorization_parameters.count, 1);
    assert_int_equal(wos_str_pairs_get(&d->custom_provider.additional_authorization_parameters, 0, &k, &v),
                     WOS_OK);
    expect_str(k, "prompt");
    expect_str(v, "consent");
    expect_str(d->custom_provider.token_body_content_type, "application/x-www-form-urlencoded");
    expect_str(d->custom_provider.authenticate_via, "request_body");
    assert_int_equal(d->created_at.unix_s, 1768478400);
    assert_int_equal(d->updated_at.unix_s, 1768478400);
    expect_str(d->created_at.text, "2026-01-15T12:00:00.000Z");
}

#endif

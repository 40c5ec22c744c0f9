/* SPDX-License-Identifier: MIT */
/*
 * Client scenarios replayed through the scripted transport and fake clock:
 * every operation on one kept-alive connection, a chunked answer, answers
 * split at every byte, Retry-After. Built for the host (cmocka) and for
 * the Cortex-M4 image (tests/target/cmocka.h), so both check the same
 * results.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_client.h"
#include "fake_port.h"

#define BUF_CAP 2048
static char g_buf[BUF_CAP];
static jsmntok_t g_tok[128];
static wos_client g_c;

#define TS "2026-01-15T12:00:00.000Z"
#define TS_UNIX 1768478400
#define DI(id, slug)                                                                                  \
    "{\"object\":\"data_integration\",\"id\":\"" id "\",\"slug\":\"" slug "\",\"description\":\"Repos\"," \
    "\"enabled\":true,\"state\":\"valid\",\"scopes\":[\"repo\",\"user\"],\"config\":{},"             \
    "\"created_at\":\"" TS "\",\"updated_at\":\"" TS "\"}"
#define TOKEN_BODY                                                                       \
    "{\"active\":true,\"access_token\":{\"object\":\"access_token\",\"access_token\":\"gho_Q7\"," \
    "\"expires_at\":\"" TS "\",\"scopes\":[\"repo\"],\"missing_scopes\":[\"user\"]}}"
#define PAGE_BODY                                                                        \
    "{\"object\":\"list\",\"data\":[" DI("data_integration_01", "github") ","            \
    DI("data_integration_02", "slack") "],\"list_metadata\":{\"before\":null,\"after\":\"data_integration_02\"}}"

/* Responses are assembled here so that every Content-Length is exact. */
static char g_resp[8][1024];

static const char *respond(unsigned slot, const char *status, const char *body)
{
    snprintf(g_resp[slot], sizeof g_resp[0], "HTTP/1.1 %s\r\nContent-Type: application/json\r\n"
             "X-Request-ID: req_%u\r\nContent-Length: %u\r\n\r\n%s",
             status, slot, (unsigned)strlen(body), body);
    return g_resp[slot];
}

/* The integration body sent in chunks of 7, 40 and the rest bytes, with a chunk extension. */
static const char *respond_chunked(unsigned slot)
{
    static const char body[] = DI("data_integration_01", "github");
    size_t n = strlen(body);
    snprintf(g_resp[slot], sizeof g_resp[0],
             "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
             "7;ext=1\r\n%.7s\r\n28\r\n%.40s\r\n%x\r\n%s\r\n0\r\n\r\n",
             body, body + 7, (unsigned)(n - 47), body + 47);
    return g_resp[slot];
}

static void setup_client(const fake_exchange *script, size_t n, uint8_t retries)
{
    wos_client_config cfg;
    fake_reset(script, n);
    fake_client_config(&cfg, g_buf, BUF_CAP, g_tok, 128);
    cfg.api_key = (wos_str)WOS_STR_LIT("sk_test_replay");
    cfg.timeout_ms = 5000;
    cfg.retry.max_retries = retries;
    assert_int_equal(wos_client_init(&g_c, &cfg), WOS_OK);
}

static void expect_str(wos_str s, const char *want)
{
    assert_int_equal(s.len, strlen(want));
    assert_memory_equal(s.ptr, want, s.len);
}

static void expect_token(void)
{
    wos_token_params p;
    wos_access_token t;
    wos_str s;
    memset(&p, 0, sizeof p);
    p.slug = (wos_str)WOS_STR_LIT("github");
    p.user_id = (wos_str)WOS_STR_LIT("user_1");
    assert_int_equal(wos_client_get_token(&g_c, &p, NULL, &t, NULL), WOS_OK);
    assert_true(t.active);
    expect_str(t.access_token, "gho_Q7");
    assert_true(t.expires);
    assert_int_equal(t.expires_at.unix_s, TS_UNIX);
    assert_int_equal(wos_strings_get(&t.scopes, 0, &s), WOS_OK);
    expect_str(s, "repo");
    assert_int_equal(wos_strings_get(&t.missing_scopes, 0, &s), WOS_OK);
    expect_str(s, "user");
    assert_int_equal(wos_strings_get(&t.missing_scopes, 1, &s), WOS_ERR_NOT_FOUND);
    wos_access_token_wipe(&t);
}

static void expect_integration(const wos_data_integration *d, const char *id, const char *slug)
{
    wos_str s;
    expect_str(d->id, id);
    expect_str(d->slug, slug);
    expect_str(d->description, "Repos");
    assert_true(d->enabled);
    assert_int_equal(d->state, WOS_STATE_VALID);
    assert_int_equal(wos_strings_get(&d->scopes, 1, &s), WOS_OK);
    expect_str(s, "user");
    assert_int_equal(d->created_at.unix_s, TS_UNIX);
    assert_int_equal(d->updated_at.unix_s, TS_UNIX);
}

static void expect_page(void)
{
    wos_integration_page page;
    wos_data_integration d;
    wos_list_params lp = {2, WOS_STR_NULL, WOS_STR_NULL, WOS_STR_NULL};
    assert_int_equal(wos_client_list(&g_c, &lp, NULL, &page, NULL), WOS_OK);
    assert_int_equal(page.count, 2);
    expect_str(page.after, "data_integration_02");
    assert_null(page.before.ptr);
    assert_int_equal(wos_page_next(&page, &d), WOS_OK);
    expect_integration(&d, "data_integration_01", "github");
    assert_int_equal(wos_page_next(&page, &d), WOS_OK);
    expect_integration(&d, "data_integration_02", "slack");
    assert_int_equal(wos_page_next(&page, &d), WOS_ERR_NOT_FOUND);
}

static void expect_get(void)
{
    wos_data_integration d;
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), NULL, &d, NULL), WOS_OK);
    expect_integration(&d, "data_integration_01", "github");
}

static void request_starts(unsigned req, const char *line)
{
    assert_true(req < g_fake.requests);
    assert_int_equal(strncmp(g_fake.log[req], line, strlen(line)), 0);
}

/* The six operations and a walk, one connection kept alive throughout. */
static void every_operation_on_one_connection(void **state)
{
    fake_exchange s[7];
    wos_integration_params p = {0};
    wos_data_integration d;
    wos_call_info info;
    unsigned i;
    (void)state;
    s[0].response = respond(0, "200 OK", TOKEN_BODY);
    s[1].response = respond(1, "201 Created", DI("data_integration_01", "github"));
    s[2].response = respond(2, "200 OK", PAGE_BODY);
    s[3].response = respond(3, "200 OK", DI("data_integration_01", "github"));
    s[4].response = respond(4, "200 OK", DI("data_integration_01", "github"));
    s[5].response = "HTTP/1.1 204 No Content\r\nX-Request-ID: req_5\r\n\r\n";
    s[6].response = respond(6, "200 OK", PAGE_BODY);
    for (i = 0; i < 7; i++) {
        s[i].action = FAKE_NORMAL;
        s[i].partial = 0;
    }
    setup_client(s, 7, 0);
    expect_token();
    p.provider = (wos_str)WOS_STR_LIT("github");
    assert_int_equal(wos_client_create(&g_c, &p, NULL, &d, &info), WOS_OK);
    expect_integration(&d, "data_integration_01", "github");
    assert_int_equal(strlen(info.idempotency_key), 36);
    assert_true(info.reused_connection);
    expect_page();
    expect_get();
    p.provider = (wos_str)WOS_STR_NULL;
    p.enabled.set = true;
    p.enabled.value = true;
    assert_int_equal(wos_client_update(&g_c, (wos_str)WOS_STR_LIT("github"), &p, NULL, &d, NULL), WOS_OK);
    expect_integration(&d, "data_integration_01", "github");
    assert_int_equal(wos_client_delete(&g_c, (wos_str)WOS_STR_LIT("github"), NULL, &info), WOS_OK);
    assert_true(info.reused_connection);
    expect_page();
    assert_int_equal(g_fake.connects, 1);
    assert_int_equal(g_fake.requests, 7);
    request_starts(0, "POST /data-integrations/github/token HTTP/1.1\r\n");
    request_starts(1, "POST /data-integrations HTTP/1.1\r\n");
    request_starts(2, "GET /data-integrations?limit=2 HTTP/1.1\r\n");
    request_starts(3, "GET /data-integrations/github HTTP/1.1\r\n");
    request_starts(4, "PUT /data-integrations/github HTTP/1.1\r\n");
    request_starts(5, "DELETE /data-integrations/github HTTP/1.1\r\n");
    wos_client_close(&g_c);
    assert_false(g_fake.open);
}

static void chunked_answer_decodes(void **state)
{
    fake_exchange s[2] = {{NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}};
    (void)state;
    s[0].response = respond_chunked(0);
    s[1].response = respond(1, "200 OK", TOKEN_BODY);
    setup_client(s, 2, 0);
    expect_get();
    expect_token(); /* the chunked framing ended exactly: the connection is reused */
    assert_int_equal(g_fake.connects, 1);
}

/* Each answer cut after every byte in turn gives the same results. */
static void answers_split_at_every_byte(void **state)
{
    static const char *const statuses[3] = {"200 OK", "200 OK", NULL};
    static const char *const bodies[3] = {TOKEN_BODY, PAGE_BODY, NULL};
    fake_exchange s[1] = {{NULL, FAKE_NORMAL, 0}};
    unsigned which;
    size_t cut, len;
    (void)state;
    for (which = 0; which < 3; which++) {
        s[0].response = bodies[which] != NULL ? respond(0, statuses[which], bodies[which]) : respond_chunked(0);
        len = strlen(s[0].response);
        for (cut = 1; cut < len; cut++) {
            setup_client(s, 1, 0);
            g_fake.cut = cut;
            if (which == 0) {
                expect_token();
            } else if (which == 1) {
                expect_page();
            } else {
                expect_get();
            }
            assert_int_equal(g_fake.requests, 1);
            assert_true(g_fake.open); /* each answer ended where its framing said */
        }
    }
}

/* 429 with Retry-After in seconds, then 503 with an HTTP date: each wait is the server's. */
static void retry_after_is_honoured_then_succeeds(void **state)
{
    fake_exchange s[3] = {{NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}};
    wos_data_integration d;
    wos_call_info info;
    (void)state;
    s[0].response = "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n";
    s[1].response = "HTTP/1.1 503 Busy\r\nDate: Tue, 14 Nov 2023 22:13:20 GMT\r\n"
                    "Retry-After: Tue, 14 Nov 2023 22:13:25 GMT\r\nContent-Length: 0\r\n\r\n";
    s[2].response = respond(2, "200 OK", DI("data_integration_01", "github"));
    setup_client(s, 3, 2);
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), NULL, &d, &info), WOS_OK);
    expect_integration(&d, "data_integration_01", "github");
    assert_int_equal(info.attempts, 3);
    assert_int_equal(g_fake.sleeps, 2);
    assert_int_equal(g_fake.slept_ms[0], 2000);
    assert_int_equal(g_fake.slept_ms[1], 5000);
    assert_int_equal(g_fake.connects, 1); /* the error answers kept the connection */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_operation_on_one_connection),
        cmocka_unit_test(chunked_answer_decodes),
        cmocka_unit_test(answers_split_at_every_byte),
        cmocka_unit_test(retry_after_is_honoured_then_succeeds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

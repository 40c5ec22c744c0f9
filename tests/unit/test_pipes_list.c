/* SPDX-License-Identifier: MIT */
/* List replies, page iteration and the pager. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "wos_pipes.h"
#include "seed_fixtures.h"


static char g_body[65536];
static jsmntok_t g_tok[8192];

static const wos_pipes_endpoint k_ep = {WOS_STR_LIT("localhost"), 8443, true, WOS_STR_LIT("sk_test")};

static wos_pipes_reply reply(int status, const char *json, unsigned token_cap)
{
    return reply_in(g_body, sizeof g_body, g_tok, token_cap, status, json);
}

/* One item of the seed list, with a different id. */
static int item_json(char *out, size_t cap, unsigned n)
{
    return snprintf(out, cap,
        "{\"object\":\"data_integration\",\"id\":\"data_integration_%03u\",\"slug\":\"p%u\","
        "\"integration_type\":\"github\",\"description\":null,\"enabled\":true,\"state\":\"valid\","
        "\"scopes\":[\"repo\",\"read:org\"],\"redirect_uri\":\"https://x/cb\",\"auth_methods\":[\"oauth\"],"
        "\"credentials\":{\"type\":\"custom\",\"client_id\":\"Iv1\",\"redacted_client_secret\":\"6789\"},"
        "\"installation\":null,\"config\":{},\"custom_provider\":null,"
        "\"created_at\":\"2026-01-15T12:00:00.000Z\",\"updated_at\":\"2026-01-15T12:00:00.000Z\"}",
        n, n);
}

static const char *page_json(unsigned first, unsigned count, const char *before, const char *after)
{
    static char json[60000];
    size_t len = 0;
    unsigned i;
    len += (size_t)snprintf(json, sizeof json, "{\"object\":\"list\",\"data\":[");
    for (i = 0; i < count; i++) {
        if (i > 0) {
            json[len++] = ',';
        }
        len += (size_t)item_json(json + len, sizeof json - len, first + i);
    }
    snprintf(json + len, sizeof json - len, "],\"list_metadata\":{\"before\":%s,\"after\":%s}}", before,
             after);
    return json;
}

static void seed_list(void **state)
{
    static const char k_seed_list_head[] = "{\"object\": \"list\", \"data\": [";
    static const char k_seed_list_tail[] =
        "], \"list_metadata\": {\"before\": \"data_integration_01HXYZ123456789ABCDEFGHIJ\","
        " \"after\": \"data_integration_01HXYZ987654321KJIHGFEDCBA\"}}";
    char json[4096];
    wos_pipes_reply r;
    wos_integration_page page;
    wos_data_integration d;
    (void)state;
    snprintf(json, sizeof json, "%s%s%s", k_seed_list_head, k_integration, k_seed_list_tail);
    r = reply(200, json, 8192);
    assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_OK);
    assert_int_equal(page.count, 1);
    expect_str(page.before, "data_integration_01HXYZ123456789ABCDEFGHIJ");
    expect_str(page.after, "data_integration_01HXYZ987654321KJIHGFEDCBA");
    assert_int_equal(wos_page_next(&page, &d), WOS_OK);
    check_seed_integration(&d);
    assert_int_equal(wos_page_next(&page, &d), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_page_item(&page, 0, &d), WOS_OK);
    check_seed_integration(&d);
    assert_int_equal(wos_page_item(&page, 1, &d), WOS_ERR_NOT_FOUND);
}

static void page_of_100_and_token_size(void **state)
{
    const char *json = page_json(0, 100, "null", "\"data_integration_099\"");
    wos_pipes_reply r = reply(200, json, 8192);
    wos_integration_page page;
    wos_data_integration d;
    unsigned needed, i;
    char id[32];
    (void)state;
    assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_OK);
    needed = r.tokens_needed;
    assert_int_equal(page.count, 100);
    assert_null(page.before.ptr);
    /* Exactly sized token array: OK. One fewer: too small, and the count needed. */
    r = reply(200, json, needed);
    assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_OK);
    for (i = 0; i < 100; i++) {
        assert_int_equal(wos_page_next(&page, &d), WOS_OK);
        snprintf(id, sizeof id, "data_integration_%03u", i);
        expect_str(d.id, id);
        assert_int_equal(d.scopes.count, 2);
        assert_false(d.custom_provider.present);
    }
    assert_int_equal(wos_page_next(&page, &d), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_page_item(&page, 57, &d), WOS_OK);
    expect_str(d.slug, "p57");
    r = reply(200, json, needed - 1);
    assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_ERR_JSON_TOKENS);
    assert_int_equal(r.tokens_needed, needed);
}

static void bad_list_shapes(void **state)
{
    static const char *const k[] = {
        "{}", "{\"data\":{}}", "{\"data\":[1]}", "{\"data\":[{\"id\":\"x\"}]}",
        "{\"data\":[],\"list_metadata\":[]}", "{\"data\":[],\"list_metadata\":{\"after\":5}}",
    };
    size_t i;
    wos_integration_page page;
    (void)state;
    for (i = 0; i < sizeof k / sizeof k[0]; i++) {
        wos_pipes_reply r = reply(200, k[i], 64);
        assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_ERR_JSON_SHAPE);
    }
}

/* Duplicate members: the last wins. The soak saw `wos-pipes list` print an
 * empty page from an answer whose first "data" was []. */
static void list_duplicates_last_wins(void **state)
{
    char item[1024], json[2048];
    wos_integration_page page;
    wos_data_integration d;
    wos_pipes_reply r;
    (void)state;
    item_json(item, sizeof item, 7);
    snprintf(json, sizeof json,
             "{\"data\":[],\"list_metadata\":{\"before\":\"b1\",\"after\":\"a1\",\"after\":null},"
             "\"data\":[%s],\"list_metadata\":{\"after\":\"a2\",\"before\":\"b2\",\"after\":\"a3\"}}",
             item);
    r = reply(200, json, 256);
    assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_OK);
    assert_int_equal(page.count, 1);
    expect_str(page.after, "a3");
    expect_str(page.before, "b2");
    assert_int_equal(wos_page_next(&page, &d), WOS_OK);
    expect_str(d.id, "data_integration_007");
    assert_int_equal(wos_page_next(&page, &d), WOS_ERR_NOT_FOUND);
    /* A later list_metadata without a cursor: no cursor, though the first had one. */
    r = reply(200, "{\"data\":[],\"list_metadata\":{\"after\":\"a1\"},\"list_metadata\":{}}", 64);
    assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_OK);
    assert_null(page.after.ptr);
}

/* Drives a pager the way a client does: request and reply share one buffer. */
static unsigned walk(wos_pager *pg, const char *const *pages, size_t npages, char after_seen[][64])
{
    static char buf[65536];
    unsigned items = 0, n = 0;
    while (!wos_pager_done(pg)) {
        wos_integration_page page;
        wos_data_integration d;
        wos_pipes_reply r;
        size_t len;
        char *q;
        assert_true(n < npages);
        assert_int_equal(wos_pager_next_request(pg, &k_ep, buf, sizeof buf, &len), WOS_OK);
        buf[len] = '\0';
        q = strstr(buf, "after=");
        snprintf(after_seen[n], 64, "%.*s", q ? (int)strcspn(q + 6, "& ") : 0, q ? q + 6 : "");
        memset(&r, 0, sizeof r);
        r.status = 200;
        r.body = buf;
        r.body_len = strlen(pages[n]);
        memcpy(buf, pages[n], r.body_len + 1); /* the reply overwrites the request */
        r.tokens = g_tok;
        r.token_cap = 8192;
        assert_int_equal(wos_pager_on_reply(pg, &r, &page, NULL), WOS_OK);
        while (wos_page_next(&page, &d) == WOS_OK) {
            items++;
        }
        n++;
    }
    assert_int_equal(n, npages);
    return items;
}

static void pager_three_pages(void **state)
{
    static char p1[60000], p2[60000], p3[60000];
    const char *pages[3];
    char after[4][64];
    wos_list_params lp = {2, WOS_STR_NULL, WOS_STR_NULL, WOS_STR_LIT("asc")};
    wos_pager pg;
    static char buf[512];
    size_t len;
    (void)state;
    strcpy(p1, page_json(0, 2, "null", "\"data_integration_001\""));
    strcpy(p2, page_json(2, 2, "\"data_integration_002\"", "\"data_integration_003\""));
    strcpy(p3, page_json(4, 1, "\"data_integration_004\"", "null"));
    pages[0] = p1; pages[1] = p2; pages[2] = p3;
    assert_int_equal(wos_pager_init(&pg, &lp), WOS_OK);
    assert_int_equal(walk(&pg, pages, 3, after), 5);
    assert_string_equal(after[0], "");
    assert_string_equal(after[1], "data_integration_001");
    assert_string_equal(after[2], "data_integration_003");
    assert_int_equal(wos_pager_next_request(&pg, &k_ep, buf, sizeof buf, &len), WOS_ERR_STATE);
}

static void pager_stops_on_empty_page(void **state)
{
    static char p1[60000], p2[60000];
    const char *pages[2];
    char after[4][64];
    wos_list_params lp = {2, WOS_STR_NULL, WOS_STR_LIT("data_integration_start"), WOS_STR_NULL};
    wos_pager pg;
    (void)state;
    strcpy(p1, page_json(0, 2, "null", "\"data_integration_001\""));
    strcpy(p2, page_json(0, 0, "null", "\"data_integration_999\"")); /* empty, yet a cursor */
    pages[0] = p1; pages[1] = p2;
    assert_int_equal(wos_pager_init(&pg, &lp), WOS_OK);
    assert_int_equal(walk(&pg, pages, 2, after), 2);
    assert_string_equal(after[0], "data_integration_start");
    assert_string_equal(after[1], "data_integration_001");
}

/* order "normal" has reversed cursor semantics: the walk follows `before`. */
static void pager_normal_order_follows_before(void **state)
{
    static char p1[60000], p2[60000];
    static char buf[512];
    const char *pages[2];
    char after[4][64];
    wos_list_params lp = {2, WOS_STR_NULL, WOS_STR_NULL, WOS_STR_LIT("normal")};
    wos_pager pg;
    wos_list_params next;
    size_t len;
    (void)state;
    strcpy(p1, page_json(0, 2, "\"data_integration_001\"", "null"));
    strcpy(p2, page_json(2, 1, "null", "\"data_integration_002\""));
    pages[0] = p1; pages[1] = p2;
    assert_int_equal(wos_pager_init(&pg, &lp), WOS_OK);
    assert_int_equal(wos_pager_next_request(&pg, &k_ep, buf, sizeof buf, &len), WOS_OK);
    buf[len] = '\0';
    assert_non_null(strstr(buf, "GET /data-integrations?limit=2&order=normal HTTP/1.1"));
    assert_int_equal(walk(&pg, pages, 2, after), 3);
    assert_string_equal(after[1], ""); /* no `after` sent: the cursor went into `before` */
    assert_int_equal(wos_pager_next_params(&pg, &next), WOS_ERR_STATE);
    lp.before = (wos_str)WOS_STR_LIT("data_integration_start");
    assert_int_equal(wos_pager_init(&pg, &lp), WOS_OK);
    assert_int_equal(wos_pager_next_request(&pg, &k_ep, buf, sizeof buf, &len), WOS_OK);
    buf[len] = '\0';
    assert_non_null(strstr(buf, "?limit=2&before=data_integration_start&order=normal "));
}

static void pager_errors(void **state)
{
    static char big[200];
    wos_list_params lp = {0};
    wos_pager pg;
    wos_integration_page page;
    wos_pipes_reply r;
    wos_api_error e;
    (void)state;
    memset(big, 'a', sizeof big);
    lp.after = (wos_str){big, sizeof big};
    assert_int_equal(wos_pager_init(&pg, &lp), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(wos_pager_init(&pg, NULL), WOS_OK);
    r = reply(500, "{\"message\":\"boom\"}", 64);
    assert_int_equal(wos_pager_on_reply(&pg, &r, &page, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.http_status, 500);
    assert_false(wos_pager_done(&pg)); /* the caller may retry the same page */
    r = reply(200, "{\"data\":[],\"list_metadata\":{\"before\":null,\"after\":null}}", 64);
    assert_int_equal(wos_pager_on_reply(&pg, &r, &page, &e), WOS_OK);
    assert_true(wos_pager_done(&pg));
    assert_int_equal(wos_pager_on_reply(&pg, &r, &page, &e), WOS_ERR_STATE);
}

/* Misuse of the page and pager calls: a clear status, never a crash. */
static void page_and_pager_refuse_misuse(void **state)
{
    wos_integration_page page, empty;
    wos_data_integration d;
    wos_list_params next;
    wos_pager pg;
    wos_pipes_reply r;
    (void)state;
    memset(&empty, 0, sizeof empty); /* never decoded: no data array */
    r = reply(200, page_json(0, 1, "null", "\"x\""), 256);
    assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_OK);
    assert_int_equal(wos_page_next(NULL, &d), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_page_next(&page, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_page_next(&empty, &d), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_page_item(NULL, 0, &d), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_page_item(&page, 0, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_page_item(&empty, 0, &d), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_page_item(&page, 1, &d), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_page_item(&page, 0, &d), WOS_OK);
    assert_true(wos_str_eq(d.id, "data_integration_000"));

    assert_int_equal(wos_pager_init(NULL, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pager_next_params(NULL, &next), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pager_init(&pg, NULL), WOS_OK);
    assert_int_equal(wos_pager_next_params(&pg, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pager_advance(NULL, &page), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pager_advance(&pg, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_pager_on_reply(NULL, &r, &page, NULL), WOS_ERR_INVALID_ARG);
    assert_true(wos_pager_done(NULL));
    assert_false(wos_pager_done(&pg));
    /* The caller decodes, the pager advances; past the end: a state error. */
    assert_int_equal(wos_pager_advance(&pg, &page), WOS_OK);
    assert_int_equal(wos_pager_next_params(&pg, &next), WOS_OK);
    assert_true(wos_str_eq(next.after, "x"));
    r = reply(200, page_json(1, 1, "null", "null"), 256);
    assert_int_equal(wos_pipes_decode_list(&r, &page, NULL), WOS_OK);
    assert_int_equal(wos_pager_advance(&pg, &page), WOS_OK);
    assert_true(wos_pager_done(&pg));
    assert_int_equal(wos_pager_advance(&pg, &page), WOS_ERR_STATE);
}

/* A next cursor over WOS_PAGER_CURSOR_MAX stops the walk and says so. */
static void pager_refuses_an_overlong_next_cursor(void **state)
{
    static char after[WOS_PAGER_CURSOR_MAX + 4]; /* "c...c" with MAX + 1 c */
    wos_integration_page page;
    wos_pager pg;
    wos_pipes_reply r;
    (void)state;
    memset(after, 'c', sizeof after);
    after[0] = '"';
    after[sizeof after - 2] = '"';
    after[sizeof after - 1] = '\0'; /* a quoted cursor one byte over the maximum */
    r = reply(200, page_json(0, 1, "null", after), 256);
    assert_int_equal(wos_pager_init(&pg, NULL), WOS_OK);
    assert_int_equal(wos_pager_on_reply(&pg, &r, &page, NULL), WOS_ERR_BUFFER_TOO_SMALL);
    assert_true(wos_pager_done(&pg));
}

/* An empty starting cursor is no cursor: the first page is requested plain. */
static void pager_empty_start_cursor(void **state)
{
    wos_list_params lp = {0};
    wos_list_params next;
    wos_pager pg;
    (void)state;
    lp.after = (wos_str){"", 0};
    assert_int_equal(wos_pager_init(&pg, &lp), WOS_OK);
    assert_int_equal(wos_pager_next_params(&pg, &next), WOS_OK);
    assert_null(next.after.ptr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_list),
        cmocka_unit_test(page_of_100_and_token_size),
        cmocka_unit_test(bad_list_shapes),
        cmocka_unit_test(pager_three_pages),
        cmocka_unit_test(pager_stops_on_empty_page),
        cmocka_unit_test(pager_normal_order_follows_before),
        cmocka_unit_test(pager_errors),
        cmocka_unit_test(list_duplicates_last_wins),
        cmocka_unit_test(page_and_pager_refuse_misuse),
        cmocka_unit_test(pager_refuses_an_overlong_next_cursor),
        cmocka_unit_test(pager_empty_start_cursor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/url.h"

static void parses_scheme_host_port(void **state)
{
    char host[32];
    wos_pipes_endpoint ep;
    (void)state;
    assert_int_equal(wos_url_parse("https://api.workos.com", host, sizeof host, &ep), WOS_OK);
    assert_string_equal(host, "api.workos.com");
    assert_ptr_equal(ep.host.ptr, host); /* the endpoint views the copy, without its NUL */
    assert_int_equal(ep.host.len, 14);
    assert_int_equal(ep.port, 443);
    assert_true(ep.tls);
    assert_int_equal(wos_url_parse("HTTPS://localhost:8443/", host, sizeof host, &ep), WOS_OK);
    assert_string_equal(host, "localhost");
    assert_int_equal(ep.port, 8443);
    assert_int_equal(wos_url_parse("http://127.0.0.1:65535", host, sizeof host, &ep), WOS_OK);
    assert_false(ep.tls);
    assert_int_equal(ep.port, 65535);
    assert_int_equal(wos_url_parse("http://h", host, sizeof host, &ep), WOS_OK);
    assert_int_equal(ep.port, 80);
    assert_int_equal(wos_url_parse("https://API.Example-1.COM:8443/", host, sizeof host, &ep), WOS_OK);
    assert_string_equal(host, "API.Example-1.COM");
    assert_int_equal(ep.port, 8443);
}

static void rejects_bad_urls(void **state)
{
    static const char *const bad[] = {
        "", "api.workos.com", "ftp://x", "https://", "https://:443", "https://h:", "https://h:0",
        "https://h:65536", "https://h:12a", "https://h/path", "https://u@h", "https://h?x=1",
        "https://h#f", "https://h:443/x", "https:/h", "http", "https", "httpx://h", "http:://h",
        "https:///", "https://a]", "https://h:443x", "ahttps://h", "https//h",
    };
    char host[32];
    wos_pipes_endpoint ep;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(wos_url_parse(bad[i], host, sizeof host, &ep), WOS_ERR_INVALID_ARG);
    }
    assert_int_equal(wos_url_parse(NULL, host, sizeof host, &ep), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_url_parse("https://h", NULL, sizeof host, &ep), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_url_parse("https://h", host, sizeof host, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_url_parse("https://h:/", host, sizeof host, &ep), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_url_parse("https://h%41", host, sizeof host, &ep), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_url_parse("https://h~", host, sizeof host, &ep), WOS_ERR_INVALID_ARG);
}

/* Host names: no empty label (".", "..", "a..b", a leading or trailing
 * dot), no label starting with '-' or '_'. */
static void rejects_bad_host_names(void **state)
{
    static const char *const bad[] = {
        "https://.", "https://..", "https://a..b", "https://.a", "https://a.", "https://-a.com",
        "https://a.-b", "https://_a", "https://a._b:443", "http://..:80", "https://a.b./",
    };
    static const char *const good[] = {
        "https://a-b.c_d.example", "https://x.y", "https://127.0.0.1:8443", "https://a--b", "https://a_",
    };
    char host[32];
    wos_pipes_endpoint ep;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (wos_url_parse(bad[i], host, sizeof host, &ep) != WOS_ERR_INVALID_ARG) {
            fail_msg("accepted %s", bad[i]);
        }
    }
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        if (wos_url_parse(good[i], host, sizeof host, &ep) != WOS_OK) {
            fail_msg("refused %s", good[i]);
        }
    }
}

/* IPv6 literals in brackets; host gets the address without them. */
static void ipv6_literals(void **state)
{
    static const char *const bad[] = {
        "https://[::1", "https://[]", "https://[:]", "https://[1]", "https://[g::1]", "https://[::1]x",
        "https://[::1]:", "https://[::1]:0", "https://[::1]/x", "https://::1", "https://[::1%eth0]",
        "https://[[::1]]", "https://[::1]:443:1", "https://[0000:0000:0000:0000:0000:0000:0000:0000:0000:1]" /* over 45 */,
    };
    char host[48];
    wos_pipes_endpoint ep;
    size_t i;
    (void)state;
    assert_int_equal(wos_url_parse("https://[::1]:8443", host, sizeof host, &ep), WOS_OK);
    assert_string_equal(host, "::1");
    assert_int_equal(ep.host.len, 3);
    assert_int_equal(ep.port, 8443);
    assert_true(ep.tls);
    assert_int_equal(wos_url_parse("http://[2001:DB8::a:1]/", host, sizeof host, &ep), WOS_OK);
    assert_string_equal(host, "2001:DB8::a:1");
    assert_int_equal(ep.port, 80);
    assert_int_equal(wos_url_parse("https://[::ffff:192.0.2.1]", host, sizeof host, &ep), WOS_OK);
    assert_string_equal(host, "::ffff:192.0.2.1");
    assert_int_equal(ep.port, 443);
    assert_int_equal(wos_url_parse("https://[2001:db8::1]", host, 11, &ep), WOS_ERR_BUFFER_TOO_SMALL);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (wos_url_parse(bad[i], host, sizeof host, &ep) != WOS_ERR_INVALID_ARG) {
            fail_msg("accepted %s", bad[i]);
        }
    }
    assert_true(wos_host_ok("::1", 3));
    assert_false(wos_host_ok("::x", 3));
    assert_false(wos_host_ok("a:b", 3));
}

/* wos_host_ok as url.h states it, written the plain way: a name is
 * dot-separated labels of letters, digits, '-' and '_', none empty and none
 * starting with '-' or '_'; with a ':' it is an IPv6 address of hex
 * digits, ':' and '.', two ':' at least and 45 bytes at most. */
static bool ref_host_ok(const char *h, size_t n)
{
    size_t i, colons = 0, label = 0;
    for (i = 0; i < n; i++) {
        colons += h[i] == ':';
    }
    if (colons != 0) {
        for (i = 0; i < n; i++) {
            if (!(strchr("0123456789abcdefABCDEF:.", h[i]) != NULL && h[i] != '\0')) {
                return false;
            }
        }
        return colons >= 2 && n <= 45;
    }
    for (i = 0; i <= n; i++) {
        if (i == n || h[i] == '.') {
            if (label == 0) {
                return false;
            }
            label = 0;
        } else if (h[i] == '\0' || strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", h[i]) == NULL ||
                   (label == 0 && (h[i] == '-' || h[i] == '_'))) {
            return false;
        } else {
            label++;
        }
    }
    return true;
}

/* Every string of up to 5 bytes over an alphabet that reaches each rule. */
static void host_ok_matches_its_definition(void **state)
{
    static const char alpha[] = "aZ9f-._:[ \xC3";
    const size_t k = sizeof alpha - 1;
    char h[5];
    size_t n, i, idx, total;
    (void)state;
    for (n = 0; n <= sizeof h; n++) {
        for (total = 1, i = 0; i < n; i++) {
            total *= k;
        }
        for (idx = 0; idx < total; idx++) {
            size_t v = idx;
            for (i = 0; i < n; i++, v /= k) {
                h[i] = alpha[v % k];
            }
            bool colon = memchr(h, ':', n) != NULL, want = ref_host_ok(h, n);
            char url[16], host[8];
            wos_pipes_endpoint ep;
            if (wos_host_ok(h, n) != want) {
                fail_msg("wos_host_ok(\"%.*s\") = %d", (int)n, h, (int)wos_host_ok(h, n));
            }
            /* the URL parser: an address only in brackets, a name without */
            snprintf(url, sizeof url, colon ? "http://[%.*s]" : "http://%.*s", (int)n, h);
            if ((colon || n == 0 || h[0] != '[') &&
                (wos_url_parse(url, host, sizeof host, &ep) == WOS_OK) != want) {
                fail_msg("wos_url_parse(\"%s\") disagrees", url);
            }
        }
    }
    assert_true(wos_host_ok("0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:1", 45));
    assert_false(wos_host_ok("0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:12", 46));
}

static void host_buffer_too_small(void **state)
{
    char host[9 + 1];
    wos_pipes_endpoint ep;
    (void)state;
    assert_int_equal(wos_url_parse("https://localhost", host, 10, &ep), WOS_OK);
    assert_int_equal(wos_url_parse("https://localhost1", host, 10, &ep), WOS_ERR_BUFFER_TOO_SMALL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_scheme_host_port),
        cmocka_unit_test(rejects_bad_urls),
        cmocka_unit_test(host_buffer_too_small),
        cmocka_unit_test(rejects_bad_host_names),
        cmocka_unit_test(ipv6_literals),
        cmocka_unit_test(host_ok_matches_its_definition),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

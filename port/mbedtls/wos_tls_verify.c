/* SPDX-License-Identifier: MIT */
/* What the port adds to mbedTLS's certificate verification: the dates are
 * checked against the platform's wall clock (mbedTLS would use libc time,
 * which a device without an RTC does not have), and each check is noted,
 * which is what tells a full handshake from a resumed one on TLS 1.2 and
 * 1.3 alike. Done in the verify callback, which every mbedTLS version has
 * (the platform time hook needs MBEDTLS_PLATFORM_TIME_ALT and is global). */
#include "wos_tls_internal.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (the days_from_civil
 * algorithm: eras of 400 years, March-based years so leap days come last). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    int64_t era, yoe, doy, doe;
    y -= m <= 2 ? 1 : 0;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int64_t unix_of(const mbedtls_x509_time *t)
{
    return days_from_civil(t->year, t->mon, t->day) * 86400 + (int64_t)t->hour * 3600 +
           (int64_t)t->min * 60 + (int64_t)t->sec;
}

int wos_tls_verify_cb(void *ctx, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
    wos_tls *tls = ctx;
    const wos_platform *p = tls->platform;
    int64_t now = 0;
    (void)depth;
    tls->cert_checked = 1u;
    if (p->wall_clock_s == NULL) {
        return 0; /* mbedTLS's own time source (if any) decided */
    }
    *flags &= ~(uint32_t)(MBEDTLS_X509_BADCERT_EXPIRED | MBEDTLS_X509_BADCERT_FUTURE);
    if (p->wall_clock_s(p->ctx, &now) != WOS_OK) {
        /* No date can be checked: fail closed, reported as WOS_ERR_CLOCK_NOT_SET. */
        tls->clock_unset = 1u;
        *flags |= MBEDTLS_X509_BADCERT_FUTURE;
        return 0;
    }
    if (now < unix_of(&crt->valid_from)) {
        *flags |= MBEDTLS_X509_BADCERT_FUTURE;
    }
    if (now > unix_of(&crt->valid_to)) {
        *flags |= MBEDTLS_X509_BADCERT_EXPIRED;
    }
    return 0;
}

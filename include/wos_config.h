/* SPDX-License-Identifier: MIT */
/**
 * @file wos_config.h
 * @brief Compile-time configuration, one scheme as in coreHTTP: the
 * application's own `wos_pipes_config.h` (found on the include path) is
 * included first and may define any macro below; everything it leaves out
 * gets the default here. Define WOS_NO_USER_CONFIG to build without the
 * file (compilers with `__has_include` also go without it when there is
 * none). Values may also come with -D.
 *
 * The library and the application must be compiled with the same values:
 * WOS_HOST_MAX and WOS_PAGER_CURSOR_MAX change the size of public structs
 * (wos_client, wos_pager), so a library built with other values than the
 * application reads and writes memory the application does not own. The
 * same holds for jsmn's JSMN_PARENT_LINKS (see wos_jsmn.h).
 */
#ifndef WOS_CONFIG_H
#define WOS_CONFIG_H

#ifndef WOS_NO_USER_CONFIG
#if defined(__has_include)
#if __has_include("wos_pipes_config.h")
#include "wos_pipes_config.h"
#endif
#else
#include "wos_pipes_config.h"
#endif
#endif

/** @brief Library version, sent in `User-Agent: wos-pipes-c/<version>`. */
#define WOS_VERSION "0.1.0"

/** @brief Deepest JSON nesting accepted; deeper input is WOS_ERR_JSON_TOO_DEEP. At most 64. */
#ifndef WOS_JSON_MAX_DEPTH
#define WOS_JSON_MAX_DEPTH 32
#endif

/** @brief Default limit of an HTTP response header section, in bytes. */
#ifndef WOS_HTTP_MAX_HEADER_BYTES
#define WOS_HTTP_MAX_HEADER_BYTES 8192u
#endif

/** @brief Default base URL of the Pipes API. */
#ifndef WOS_DEFAULT_BASE_URL
#define WOS_DEFAULT_BASE_URL "https://api.workos.com"
#endif

/** @brief Default per-attempt timeout: connect, TLS, request and whole body. */
#ifndef WOS_DEFAULT_TIMEOUT_MS
#define WOS_DEFAULT_TIMEOUT_MS 60000u
#endif

/** @brief Default number of retries after the first attempt (0 disables). */
#ifndef WOS_DEFAULT_RETRIES
#define WOS_DEFAULT_RETRIES 3u
#endif

/** @brief First retry backoff; doubles each retry. */
#ifndef WOS_BACKOFF_BASE_MS
#define WOS_BACKOFF_BASE_MS 500u
#endif

/** @brief Largest backoff between retries. */
#ifndef WOS_BACKOFF_CAP_MS
#define WOS_BACKOFF_CAP_MS 8000u
#endif

/** @brief Largest `Retry-After` honoured, in seconds. */
#ifndef WOS_RETRY_AFTER_CAP_S
#define WOS_RETRY_AFTER_CAP_S 60
#endif

/* ---- Sizes of public structs: library and application must agree. ---- */

/** @brief Longest host name of the base URL (wos_client holds a copy). */
#ifndef WOS_HOST_MAX
#define WOS_HOST_MAX 64
#endif

/** @brief Longest cursor the pager keeps (object ids are ~43 bytes); at most 255. */
#ifndef WOS_PAGER_CURSOR_MAX
#define WOS_PAGER_CURSOR_MAX 64
#endif

/** @brief Longest slug, user id or organization id a token cache entry keys on. */
#ifndef WOS_TOKEN_CACHE_ID_MAX
#define WOS_TOKEN_CACHE_ID_MAX 64
#endif

/** @brief Longest access token a token cache entry holds (a longer one is handed out, not cached). */
#ifndef WOS_TOKEN_CACHE_TOKEN_MAX
#define WOS_TOKEN_CACHE_TOKEN_MAX 2048
#endif

/** @brief Seconds before expiry at which the cache refreshes a token. */
#ifndef WOS_TOKEN_CACHE_MARGIN_S
#define WOS_TOKEN_CACHE_MARGIN_S 60u
#endif

/** @brief Longest authorize URL onboarding keeps (wos_onboard.h). */
#ifndef WOS_ONBOARD_URL_MAX
#define WOS_ONBOARD_URL_MAX 512
#endif
#if WOS_PAGER_CURSOR_MAX > 255 || WOS_PAGER_CURSOR_MAX < 1
#error "WOS_PAGER_CURSOR_MAX must be 1..255: the pager keeps its length in a uint8_t"
#endif

#endif /* WOS_CONFIG_H */

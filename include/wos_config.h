/* SPDX-License-Identifier: MIT */
/**
 * @file wos_config.h
 * @brief Compile-time defaults. Define any of these before including a
 * wos header (or with -D) to override; every value here is only a default.
 */
#ifndef WOS_CONFIG_H
#define WOS_CONFIG_H

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

#endif /* WOS_CONFIG_H */

/* SPDX-License-Identifier: MIT */
/* The application configuration test_config.c builds with (-Itests/unit/config).
 * Only values that change no struct size: the test links the library built
 * without this file. */
#ifndef WOS_PIPES_CONFIG_H
#define WOS_PIPES_CONFIG_H

#define WOS_TEST_USER_CONFIG_SEEN 1
#define WOS_DEFAULT_RETRIES 7u

#endif

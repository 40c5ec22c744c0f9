/* SPDX-License-Identifier: MIT */
/*
 * Compiled into the find_package and pkg-config consumers: the install in
 * test_cmake_package.sh sets WOSPIPES_PAGER_CURSOR_MAX=80, a setting that
 * changes sizeof(wos_pager), so the consumer must see the library's value.
 */
#include "wos_client.h"

typedef char wos_settings_reach_the_consumer[(WOS_PAGER_CURSOR_MAX == 80) ? 1 : -1];

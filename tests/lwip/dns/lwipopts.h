/* SPDX-License-Identifier: MIT */
/*
 * lwipopts.h for the lwIP built from Debian's lwip source (scripts/lwip_fetch.sh,
 * Makefile lane lwip): Debian's port options, plus its DNS client, which the
 * packaged liblwip is built without, so that port/lwip's name resolution runs
 * in tests/lwip. This directory comes first on the include path.
 */
#ifndef WOS_TEST_LWIPOPTS_H
#define WOS_TEST_LWIPOPTS_H
#define LWIP_DNS 1
#include_next <lwipopts.h>
#endif

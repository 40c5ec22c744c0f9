/* SPDX-License-Identifier: MIT */
/* Stand-in for <zephyr/kernel.h>: examples/zephyr uses nothing from it on a host. */

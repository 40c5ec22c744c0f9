/* SPDX-License-Identifier: MIT */
/* Stand-in for FreeRTOS.h: one tick a millisecond. */
#define pdMS_TO_TICKS(ms) ((uint32_t)(ms))

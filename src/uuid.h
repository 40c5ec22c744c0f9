/* SPDX-License-Identifier: MIT */
/* UUIDv4 idempotency keys. Internal. */
#ifndef WOS_UUID_H
#define WOS_UUID_H

#include "wos_port.h"

/* Write a random (version 4, RFC 9562) UUID as 36 lowercase chars plus NUL.
 * WOS_OK, or the platform's status when it has no entropy (out[20..36)
 * may then hold some of its bytes, out[0] is untouched). */
WOS_NODISCARD wos_status wos_uuid4(const wos_platform *plat, char out[37]);

#endif

/* SPDX-License-Identifier: MIT */
/* Helpers shared by the JSON grammar check and the reader. Internal. */
#ifndef WOS_JSON_INTERNAL_H
#define WOS_JSON_INTERNAL_H

/* The byte a one-letter escape (`\n` etc., not `\u`) stands for, or -1. */
int wos_json_unesc(int c);

/* JSON whitespace: space, tab, LF, CR. */
int wos_json_ws(int c);

#include <stddef.h>

#include "wos_status.h"

/* wos_json_validate(), and *out_esc (which must be 0 on entry) set to 1
 * when some string holds a backslash: without one, every string token's
 * text is already its decoded value. */
wos_status wos_json_check(const char *js, size_t len, unsigned *out_tokens, unsigned *out_esc);

#endif

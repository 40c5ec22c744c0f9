/* SPDX-License-Identifier: MIT */
/* Helpers shared by the JSON grammar check and the reader. Internal. */
#ifndef WOS_JSON_INTERNAL_H
#define WOS_JSON_INTERNAL_H

/* The byte a one-letter escape (`\n` etc., not `\u`) stands for, or -1. */
int wos_json_unesc(int c);

/* JSON whitespace: space, tab, LF, CR. */
int wos_json_ws(int c);

#endif

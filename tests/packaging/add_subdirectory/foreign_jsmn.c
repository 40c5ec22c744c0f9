/* SPDX-License-Identifier: MIT */
/*
 * Another jsmn in the same firmware, as an application might carry one:
 * default options (no JSMN_PARENT_LINKS, so a smaller jsmntok_t) and
 * non-static jsmn_init/jsmn_parse. Linked before the library, it must
 * change nothing: the library's jsmn is static.
 */
#include <jsmn.h>

int foreign_jsmn_count(const char *js, unsigned len);

int foreign_jsmn_count(const char *js, unsigned len)
{
    jsmn_parser p;
    jsmn_init(&p);
    return jsmn_parse(&p, js, len, 0, 0);
}

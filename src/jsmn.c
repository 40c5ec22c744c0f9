/*
 * The single object that holds jsmn's implementation (Debian's libjsmn-dev,
 * header only). The macros must match include/wos_jsmn.h: JSMN_PARENT_LINKS
 * changes the layout of jsmntok_t. A firmware may define them globally, so
 * they are defined here only when missing.
 */
#ifndef JSMN_STRICT
#define JSMN_STRICT
#endif
#ifndef JSMN_PARENT_LINKS
#define JSMN_PARENT_LINKS
#endif
#include <jsmn.h>

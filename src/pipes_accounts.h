/* SPDX-License-Identifier: MIT */
/* The connected_account object, shared by the operations that answer it. Internal. */
#ifndef WOS_PIPES_ACCOUNTS_H
#define WOS_PIPES_ACCOUNTS_H

#include "pipes_internal.h"

/* The decoder table of a connected_account (nestable: it holds no K_OBJ). */
extern const table wos_pipes_account_t;

/* Set the enums of a decoded account from its text members. */
void wos_pipes_account_finish(wos_connected_account *a);

/* "oauth", "api_key", "client_credentials", or WOS_AUTH_METHOD_UNKNOWN. */
wos_auth_method wos_pipes_auth_method(wos_str s);

/* The descriptors' decoder of a connected_account (get, create, update and the
 * installations of pipes_data_integrations.c): one adapter for all. */
wos_status wos_pipes_dec_account(wos_pipes_reply *r, void *out, wos_api_error *err);

#endif
